package app

import (
	"encoding/json"
	"fmt"

	"stancemark/annotations"
)

// The commands that change the sentence boundaries of the reader's own
// document (issue 18): join two sentences, split one before a word,
// re-segment the whole text with the current segmenter, and undo any of
// these. Each moves the highlights by their quotes (annotations.MoveWork,
// the rules of Reanchor) and lists those that cannot be placed under
// "Could not be placed", as an import onto an edited text does. The new
// boundaries are stored with the document (stancemark-doc/v2), so they are
// what exports and assignments made from it carry.

// boundaryEdits is the undo stack of boundary changes of the open document.
type boundaryEdits struct {
	docID string
	undo  []boundarySnapshot
}

// boundarySnapshot is the document and its saved work before a change.
type boundarySnapshot struct {
	doc   *annotations.Document
	state []byte
	sel   int
}

// maxBoundaryUndo is how many boundary changes can be undone.
const maxBoundaryUndo = 50

// boundaryRefusal says why the open document's boundaries cannot be changed
// here, or "".
func (s *session) boundaryRefusal() string {
	switch {
	case s.assignment != nil:
		return "The sentences of an assignment are the teacher's: they cannot be changed here."
	case s.project != nil:
		return "The sentences of a project are the same for every annotator: they cannot be changed here."
	case s.mode != modeAnnotate:
		return "Open a document to change its sentences."
	}
	if b, _ := bundledDocument(); b != nil && b.ID == s.doc.ID {
		return "The bundled article keeps its sentences: open or paste your own text to change them."
	}
	return ""
}

// refuseBoundaries says why the boundaries cannot be changed here, if they
// cannot, and reports whether it did.
func (s *session) refuseBoundaries() bool {
	why := s.boundaryRefusal()
	if why != "" {
		s.fail("%s", why)
	}
	return why != ""
}

// boundaryFocus is the sentence the boundary commands act on: the cursor,
// or the first sentence.
func (s *session) boundaryFocus() int {
	if s.sel.empty() || s.sel.focus >= len(s.doc.Sentences) {
		return 0
	}
	return s.sel.focus
}

// showBoundaries opens or closes the sentence boundaries dialog.
func (s *session) showBoundaries(open bool) {
	if open == (s.overlay == overlayBoundaries) {
		return
	}
	if open {
		if s.refuseBoundaries() {
			return
		}
		if s.sel.empty() {
			s.sel = at(0)
		}
		s.show(overlayBoundaries)
	} else {
		s.hide(overlayBoundaries)
	}
	s.refresh()
}

// boundaryMove moves the dialog's sentence by delta.
func (s *session) boundaryMove(delta int) {
	i := min(max(s.boundaryFocus()+delta, 0), len(s.doc.Sentences)-1)
	s.sel = at(i)
	s.refresh()
}

// joinSentence joins sentence i with the next one.
func (s *session) joinSentence(i int) {
	if s.refuseBoundaries() {
		return
	}
	doc, err := s.doc.JoinSentences(i)
	if err != nil {
		s.fail("Joining failed: %v.", err)
		return
	}
	s.applyBoundaries(doc, fmt.Sprintf("Joined %s and %s", s.doc.Sentences[i].ID, s.doc.Sentences[i+1].ID), i)
}

// splitSentence splits sentence i before code point at.
func (s *session) splitSentence(i, at int) {
	if s.refuseBoundaries() {
		return
	}
	doc, err := s.doc.SplitSentence(i, at)
	if err != nil {
		s.fail("Splitting failed: %v.", err)
		return
	}
	s.applyBoundaries(doc, fmt.Sprintf("Split %s in two", s.doc.Sentences[i].ID), i)
}

// resegment splits the whole text again with the current segmenter.
func (s *session) resegment() {
	if s.refuseBoundaries() {
		return
	}
	doc, err := s.doc.Resegment()
	if err != nil {
		s.fail("Re-segmenting failed: %v.", err)
		return
	}
	if doc.BoundariesID() == s.doc.BoundariesID() {
		s.setInfo("Re-segmenting changes nothing: these are the current segmenter's sentences.")
		s.refresh()
		return
	}
	s.applyBoundaries(doc, fmt.Sprintf("Re-segmented the text: %d sentences, %d before", len(doc.Sentences), len(s.doc.Sentences)), 0)
}

// applyBoundaries makes doc (the open text on new boundaries) the open
// document, with the work moved onto it; what says what was done.
func (s *session) applyBoundaries(doc *annotations.Document, what string, focus int) {
	s.flush()
	before, err := s.ws.MarshalState()
	if err != nil {
		s.fail("Changing the sentences failed, nothing was changed: %v.", err)
		return
	}
	moved, orphans, err := annotations.MoveWork(s.ws, doc, s.now())
	if err != nil {
		s.fail("Changing the sentences failed, nothing was changed: %v.", err)
		return
	}
	after, err := moved.MarshalState()
	if err == nil {
		err = s.keepBoundaries(doc, after)
	}
	if err != nil {
		s.keepBoundaries(s.doc, before) // put back what was there
		s.fail("Changing the sentences failed, nothing was changed: %v.", err)
		return
	}
	if s.bounds.docID != doc.ID {
		s.bounds = boundaryEdits{docID: doc.ID}
	}
	s.bounds.undo = append(s.bounds.undo, boundarySnapshot{doc: s.doc, state: before, sel: s.boundaryFocus()})
	if len(s.bounds.undo) > maxBoundaryUndo {
		s.bounds.undo = s.bounds.undo[1:]
	}
	s.reopenOn(doc, min(focus, len(doc.Sentences)-1))
	s.orphans = orphans
	s.boundaryMessage(what, orphans)
}

// undoBoundaries goes back to the boundaries and work before the last
// boundary change.
func (s *session) undoBoundaries() {
	n := len(s.bounds.undo)
	if n == 0 || s.bounds.docID != s.doc.ID {
		s.fail("There is no change of sentences to undo.")
		return
	}
	snap := s.bounds.undo[n-1]
	if err := s.keepBoundaries(snap.doc, snap.state); err != nil {
		s.fail("Undoing the change of sentences failed: %v.", err)
		return
	}
	s.bounds.undo = s.bounds.undo[:n-1]
	s.reopenOn(snap.doc, snap.sel)
	s.announce("Undone: the sentences are back as they were (%d).", len(snap.doc.Sentences))
	s.setInfo("The change of sentences was undone: %d sentences, with their highlights.", len(snap.doc.Sentences))
	s.refresh()
}

// canUndoBoundaries reports whether a boundary change can be undone.
func (s *session) canUndoBoundaries() bool {
	return len(s.bounds.undo) > 0 && s.bounds.docID == s.doc.ID
}

// keepBoundaries stores doc with its boundaries and the work state on it.
func (s *session) keepBoundaries(doc *annotations.Document, state []byte) error {
	target, source := "", "pasted text"
	if data, ok, _ := s.store.get(docKey(doc.ID)); ok {
		var old docRecord
		if json.Unmarshal([]byte(data), &old) == nil {
			target, source = old.Target, old.Source
		}
	}
	if err := s.storeDocument(doc, target, source); err != nil {
		return err
	}
	return s.store.set(workKey(doc.ID), string(state))
}

// reopenOn shows doc (the same text, other boundaries) with its stored work
// and the cursor on sentence focus.
func (s *session) reopenOn(doc *annotations.Document, focus int) {
	s.load(doc, annotations.NewWorkspace(doc), nil, nil)
	s.teacher.made = nil // an assignment made before is on the old boundaries
	if i := s.entry(doc.ID); i >= 0 {
		s.library.entries[i].Sentences = len(doc.Sentences)
		s.saveLibrary()
	}
	s.sel = at(focus)
	s.docChanged()
}

// boundaryMessage tells what a boundary change did to the highlights.
func (s *session) boundaryMessage(what string, orphans []annotations.Orphan) {
	s.announce("%s.", what)
	if len(orphans) == 0 {
		s.setInfo("%s; every highlight kept its text. Undo it with “Undo the last change of sentences”.", what)
	} else {
		s.setInfo("%s; %s could not be placed on the new sentences and %s listed under Highlights (download them to keep them).", what, plural(len(orphans), "highlight"), isAre(len(orphans)))
	}
	s.refresh()
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// onOtherBoundaries reports whether e is of doc's text on other sentence
// boundaries (made before the reader fixed them, or by an earlier
// segmenter): its highlights are then placed by their quotes (reanchor).
func onOtherBoundaries(e *annotations.Export, doc *annotations.Document) bool {
	return e.Document.ID == doc.ID && annotations.BoundariesID(e.Document.Sentences) != doc.BoundariesID()
}
