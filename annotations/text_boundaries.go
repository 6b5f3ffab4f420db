package annotations

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Segmenter is a version of the sentence splitter. A document keeps the
// boundaries it was made with: exports, assignments, projects and the
// documents stored in the browser carry their sentences, and those are
// never split again by a newer version (see DocumentFromSentences).
type Segmenter int

const (
	// SegmenterV1 is Punkt with the four corrections of text_segment.go:
	// what every document stored before segmenter version 2 was split
	// with. It is kept, unchanged, to rebuild such documents exactly.
	SegmenterV1 Segmenter = 1
	// SegmenterV2 is Punkt with the named rules of text_segment_rules.go.
	SegmenterV2 Segmenter = 2
	// CurrentSegmenter is what NewDocument splits new documents with.
	CurrentSegmenter = SegmenterV2
)

// NewDocumentSegmented is NewDocument with the segmenter version v.
func NewDocumentSegmented(title, body string, v Segmenter) (*Document, error) {
	if v != SegmenterV1 && v != SegmenterV2 {
		return nil, fmt.Errorf("unknown segmenter version %d", v)
	}
	text, paras, parts := canonicalize(body)
	d := &Document{ID: DocumentID(text), Title: title, Text: text, Paragraphs: paras, Segmenter: v}
	segmentDocument(d, parts, v)
	if len(d.Sentences) == 0 {
		return nil, ErrEmptyDocument
	}
	if err := checkSentenceCount(len(d.Sentences)); err != nil {
		return nil, err
	}
	return d, nil
}

// BoundariesID returns the id of a list of sentence boundaries: "b" and
// the first 16 hex digits of the SHA-256 of
//
//	"stancemark-boundaries/v1\n" N "\n"
//
// followed by paragraph " " start " " end "\n" for each sentence in order
// (decimal numbers, offsets in code points). Two annotations are on the
// same units exactly when their documents have the same id and their
// boundaries the same BoundariesID. Every export, assignment and project
// records its sentences, so this id is computed from them, not stored.
func BoundariesID(sentences []ExportSentence) string {
	h := sha256.New()
	var b []byte
	b = append(b, "stancemark-boundaries/v1\n"...)
	b = strconv.AppendInt(b, int64(len(sentences)), 10)
	b = append(b, '\n')
	for _, s := range sentences {
		b = strconv.AppendInt(b, int64(s.Paragraph), 10)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(s.Start), 10)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(s.End), 10)
		b = append(b, '\n')
		if len(b) > 32<<10 {
			h.Write(b)
			b = b[:0]
		}
	}
	h.Write(b)
	return "b" + hex.EncodeToString(h.Sum(nil))[:16]
}

// BoundariesID returns the id of d's sentence boundaries (see the function
// BoundariesID).
func (d *Document) BoundariesID() string { return BoundariesID(d.ExportDocument().Sentences) }

// describeBoundaries names a document's boundaries in an error message:
// `boundaries b0123456789abcdef (23 sentences)`.
func describeBoundaries(ss []ExportSentence) string {
	return fmt.Sprintf("boundaries %s (%s)", BoundariesID(ss), countNoun(len(ss), "sentence"))
}

func countNoun(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// DocumentFromSentences returns the Document of a canonical text with the
// sentence boundaries ss, as an export, an assignment or a project records
// them: the text is not split again, so work made on these boundaries
// stays on them whatever version of the segmenter runs. ss must be s1..sN
// in order, each inside one paragraph, trimmed, not overlapping, covering
// every word of the text (the rules of Project.Validate); the error, an
// *ImportError, names the field under "document".
func DocumentFromSentences(title, text string, ss []ExportSentence) (*Document, error) {
	pd := ProjectDocument{ID: DocumentID(text), Title: title, Text: text, Sentences: ss}
	return pd.Document()
}

// documentOf builds the Document of a valid ProjectDocument d.
func documentOf(d *ProjectDocument, paras []Paragraph) (*Document, error) {
	doc := &Document{ID: d.ID, Title: d.Title, Text: d.Text, Paragraphs: paras, index: make(map[string]int, len(d.Sentences))}
	// Byte offsets of each code point boundary of the text.
	bytesAt := make([]int, 0, len(d.Text)+1)
	for b := range d.Text {
		bytesAt = append(bytesAt, b)
	}
	bytesAt = append(bytesAt, len(d.Text))
	for i, s := range d.Sentences {
		bs, be := bytesAt[s.Start], bytesAt[s.End]
		doc.Sentences = append(doc.Sentences, Sentence{ID: s.ID, Paragraph: s.Paragraph, Start: s.Start, End: s.End, Text: d.Text[bs:be]})
		doc.index[s.ID] = i
		doc.byteStart = append(doc.byteStart, bs)
		doc.byteEnd = append(doc.byteEnd, be)
	}
	if err := checkSentenceCount(len(doc.Sentences)); err != nil {
		return nil, fmt.Errorf("document: %w", err)
	}
	return doc, nil
}

// Boundary is one decision of the current segmenter on a text, as
// Document.Explain reports it.
type Boundary struct {
	At    int    // code points into the text: where a sentence starts, or where Punkt's boundary was removed
	Split bool   // true: a sentence starts at At; false: a rule removed Punkt's boundary there
	Rule  string // RulePunkt, or the rule (Rule...) that split or joined
}

// Explain returns, in text order, every boundary the current segmenter
// puts inside a paragraph of d's text with the rule that made it, and every
// boundary of the Punkt tokenizer a rule removed. (A paragraph's start is
// always a boundary and is not listed.) It explains how CurrentSegmenter
// splits d.Text; SameAsCurrent tells whether d's own boundaries are those.
//
// A document split for a language (d.Language) is explained by that
// language's rules.
func (d *Document) Explain() []Boundary {
	split := d.split
	if split == nil {
		split = func(p string, trace *[]cutTrace) []byteSpan { return splitParagraph(p, CurrentSegmenter, trace) }
	}
	var out []Boundary
	for i, p := range strings.Split(d.Text, "\n\n") {
		var trace []cutTrace
		split(p, &trace)
		sortCuts(trace)
		cp, b := d.Paragraphs[i].Start, 0
		for _, c := range trace {
			cp += utf8.RuneCountInString(p[b:c.at])
			b = c.at
			out = append(out, Boundary{At: cp, Split: c.split, Rule: c.rule})
		}
	}
	return out
}

// SameAsCurrent reports whether d's sentences are the ones the current
// segmenter gives its text (for d.Language, when d was split for it).
func (d *Document) SameAsCurrent() bool {
	cur, err := d.Resegment()
	return err == nil && sameSentences(cur, d.ExportDocument().Sentences) == nil
}

// checkSameBoundaries returns an error wrapping ErrOtherDocument when
// export e (number i, from 1) of the same document as export 1 (first) is
// on other sentence boundaries, naming both: annotations on different
// units cannot be compared or combined.
func checkSameBoundaries(i int, e, first *Export) error {
	if BoundariesID(e.Document.Sentences) == BoundariesID(first.Document.Sentences) {
		return nil
	}
	return becausef(ErrOtherDocument, "export %d is on %s of %s, but export 1 is on %s; annotations made on different sentence boundaries cannot be compared",
		i, describeBoundaries(e.Document.Sentences), describe(e.Document.Title, e.Document.ID), describeBoundaries(first.Document.Sentences))
}
