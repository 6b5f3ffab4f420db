package app

import (
	"strings"
	"testing"

	"stancemark/annotations"
)

func draftTexts(d *boundaryDraft) string {
	var out []string
	for _, s := range d.doc.Sentences {
		out = append(out, s.Text)
	}
	return strings.Join(out, "|")
}

// TestBoundaryDraft: join, split at a caret and undo change the draft's
// document, never the base; a join across paragraphs and a split with an
// empty part are refused and change nothing.
func TestBoundaryDraft(t *testing.T) {
	base, err := annotations.NewDocument("Flood", "Rain fell hard all night. Roads flooded. Schools shut.\n\nThe rain stopped.")
	if err != nil {
		t.Fatal(err)
	}
	d := newBoundaryDraft(base)
	if d.changed() || d.splitting != -1 {
		t.Fatal("a new draft is changed")
	}
	if err := d.join(1); err != nil {
		t.Fatal(err)
	}
	if got := draftTexts(d); got != "Rain fell hard all night.|Roads flooded. Schools shut.|The rain stopped." {
		t.Errorf("joined: %q", got)
	}
	if err := d.join(1); err == nil {
		t.Error("joined across a paragraph")
	}
	d.splitting = 0
	if err := d.split(0, d.caretAt(0, len("Rain fell hard "))); err != nil {
		t.Fatal(err)
	}
	if got := draftTexts(d); got != "Rain fell hard|all night.|Roads flooded. Schools shut.|The rain stopped." {
		t.Errorf("split: %q", got)
	}
	if d.splitting != -1 {
		t.Error("the split points stay open after a split")
	}
	if err := d.split(0, d.caretAt(0, 0)); err == nil {
		t.Error("split with an empty first part")
	}
	if len(base.Sentences) != 4 || draftTexts(&boundaryDraft{doc: base}) != "Rain fell hard all night.|Roads flooded.|Schools shut.|The rain stopped." {
		t.Error("the base changed")
	}
	if !d.undoLast() || draftTexts(d) != "Rain fell hard all night.|Roads flooded. Schools shut.|The rain stopped." {
		t.Errorf("undo the split: %q", draftTexts(d))
	}
	if !d.undoLast() || d.doc != base || d.changed() || d.undoLast() {
		t.Error("undo the join: not back to the base")
	}
}

// TestDraftCaretAt: a caret counted in UTF-16 units (as a text field's
// selectionStart) is a code point into the text.
func TestDraftCaretAt(t *testing.T) {
	base, err := annotations.NewDocument("Émoji", "Le café 😀 ferme. Très tôt ce soir.")
	if err != nil {
		t.Fatal(err)
	}
	d := newBoundaryDraft(base)
	s := base.Sentences[0]
	// "Le café 😀 " is 10 code points and 11 UTF-16 units.
	if got := d.caretAt(0, 11); got != s.Start+10 {
		t.Errorf("caret after the emoji: %d, want %d", got, s.Start+10)
	}
	if got := d.caretAt(0, 999); got != s.End {
		t.Errorf("caret past the end: %d, want %d", got, s.End)
	}
	if err := d.split(0, d.caretAt(0, 11)); err != nil || draftTexts(d) != "Le café 😀|ferme.|Très tôt ce soir." {
		t.Errorf("split after the emoji: %v %q", err, draftTexts(d))
	}
}
