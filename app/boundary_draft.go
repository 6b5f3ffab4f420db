package app

import (
	"unicode/utf16"

	"stancemark/annotations"
)

// boundaryDraft is a document's sentence boundaries as an author fixes
// them inside the dialog that makes an assignment or a project (issue
// 18): base is the document as it was, doc as it is now. The changes are
// made by the domain's Document.JoinSentences and SplitSentence (the
// functions the Sentences dialog uses too) and undone one at a time. The
// reader's own document is not changed: the draft goes into what the
// dialog makes.
type boundaryDraft struct {
	base, doc *annotations.Document
	undo      []*annotations.Document // doc before each change, oldest first
	splitting int                     // the sentence whose split points are shown, -1: none
}

// newBoundaryDraft is a draft of doc with no change.
func newBoundaryDraft(doc *annotations.Document) *boundaryDraft {
	return &boundaryDraft{base: doc, doc: doc, splitting: -1}
}

// changed reports whether the draft's boundaries differ from the base's.
func (d *boundaryDraft) changed() bool { return len(d.undo) > 0 }

// join joins sentence i with the next one.
func (d *boundaryDraft) join(i int) error {
	doc, err := d.doc.JoinSentences(i)
	if err != nil {
		return err
	}
	d.push(doc)
	return nil
}

// split splits sentence i before code point at (into the document's text).
func (d *boundaryDraft) split(i, at int) error {
	doc, err := d.doc.SplitSentence(i, at)
	if err != nil {
		return err
	}
	d.push(doc)
	return nil
}

func (d *boundaryDraft) push(doc *annotations.Document) {
	d.undo = append(d.undo, d.doc)
	if len(d.undo) > maxBoundaryUndo {
		d.undo = d.undo[1:]
	}
	d.doc, d.splitting = doc, -1
}

// undoLast goes back to the boundaries before the last change, and
// reports whether there was one.
func (d *boundaryDraft) undoLast() bool {
	n := len(d.undo)
	if n == 0 {
		return false
	}
	d.doc, d.undo, d.splitting = d.undo[n-1], d.undo[:n-1], -1
	return true
}

// caretAt is the code point into the document's text of a caret put
// caret UTF-16 code units (as a text field's selectionStart counts) into
// sentence i's text.
func (d *boundaryDraft) caretAt(i, caret int) int {
	s := d.doc.Sentences[i]
	units := 0
	for k, r := range []rune(s.Text) {
		if units >= caret {
			return s.Start + k
		}
		units += utf16.RuneLen(r)
	}
	return s.End
}
