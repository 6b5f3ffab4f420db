package annotations

import (
	"fmt"
	"time"
)

// Boundaries an author fixes: JoinSentences and SplitSentence return the
// same text (same id) on other sentence boundaries, Resegment the text as
// the current segmenter splits it, and MoveWork carries a workspace's
// highlights onto the new boundaries by the anchoring rules of Reanchor.

// JoinSentences returns d with sentence i and the next one made one
// sentence. They must be in one paragraph (sentences never cross one).
func (d *Document) JoinSentences(i int) (*Document, error) {
	if i < 0 || i+1 >= len(d.Sentences) {
		return nil, fmt.Errorf("there is no sentence after %s to join it with", sentenceID(max(i, 0)))
	}
	if d.Sentences[i].Paragraph != d.Sentences[i+1].Paragraph {
		return nil, fmt.Errorf("%s ends its paragraph: sentences of two paragraphs cannot be joined", d.Sentences[i].ID)
	}
	ss := d.ExportDocument().Sentences
	ss[i].End = ss[i+1].End
	return rebound(d, append(ss[:i+1], ss[i+2:]...))
}

// SplitSentence returns d with sentence i split before code point at (an
// offset into d.Text, strictly inside the sentence): the first part ends
// at the last non-space before at, the second starts at the first
// non-space from at; neither may be empty.
func (d *Document) SplitSentence(i, at int) (*Document, error) {
	if i < 0 || i >= len(d.Sentences) {
		return nil, fmt.Errorf("there is no sentence %s", sentenceID(max(i, 0)))
	}
	s := d.Sentences[i]
	runes := []rune(d.Text)
	end, start := at, at
	for end > s.Start && isSpace(runes[end-1]) {
		end--
	}
	for start < s.End && isSpace(runes[start]) {
		start++
	}
	if at <= s.Start || at >= s.End || end <= s.Start || start >= s.End {
		return nil, fmt.Errorf("%s cannot be split at character %d: both parts need some text", s.ID, at)
	}
	ss := d.ExportDocument().Sentences
	first, second := ss[i], ss[i]
	first.End, second.Start = end, start
	out := append(append(append([]ExportSentence{}, ss[:i]...), first, second), ss[i+1:]...)
	return rebound(d, out)
}

// Resegment returns d's text split by CurrentSegmenter (by the rules of
// d.Language when d was split for it, NewDocumentLang), with d's title.
func (d *Document) Resegment() (*Document, error) {
	if d.split != nil {
		return newDocumentSplit(d.Title, d.Text, d.Language, d.split)
	}
	return NewDocument(d.Title, d.Text)
}

// rebound returns d's text on the boundaries ss, renumbered s1..sN.
func rebound(d *Document, ss []ExportSentence) (*Document, error) {
	for k := range ss {
		ss[k].ID = sentenceID(k)
	}
	return DocumentFromSentences(d.Title, d.Text, ss)
}

// MoveWork returns a new workspace on doc (w's text on other boundaries)
// with every label set of w, its target and annotator, and each highlight
// placed by Reanchor; the highlights that cannot be placed (a highlight on
// part of a joined sentence, two highlights on one) are returned as
// orphans. The new workspace has no undo history: the move is undone by
// going back to w.
func MoveWork(w *Workspace, doc *Document, now time.Time) (*Workspace, []Orphan, error) {
	if doc.ID != w.Doc.ID {
		return nil, nil, becausef(ErrOtherDocument, "the new boundaries are of another text, %s", describe(doc.Title, doc.ID))
	}
	moved := NewWorkspace(doc)
	var orphans []Orphan
	for _, sc := range w.Schemes() {
		e := &Export{Format: FormatV1, Exported: now.UTC().Truncate(time.Millisecond), Annotator: ExportAnnotator{Name: w.Annotator},
			Document: w.Doc.ExportDocument(), Scheme: sc, Annotations: w.AnnotationsFor(sc.ID)}
		if e.Annotations == nil {
			e.Annotations = []Annotation{}
		}
		anchored, lost, err := Reanchor(e, doc)
		if err != nil {
			return nil, nil, err
		}
		if err := moved.Import(anchored); err != nil {
			return nil, nil, err
		}
		orphans = append(orphans, lost...)
	}
	moved.Annotator = w.Annotator
	state, err := moved.MarshalState()
	if err != nil {
		return nil, nil, err
	}
	out, err := RestoreWorkspace(doc, state)
	if err != nil {
		return nil, nil, err
	}
	out.Annotator = w.Annotator
	if err := out.SelectScheme(w.Scheme().ID); err != nil {
		return nil, nil, err
	}
	return out, orphans, nil
}
