package app

import (
	"strings"
	"testing"
)

func TestTwoTabsBothKeepTheirWork(t *testing.T) {
	st := newMemoryStore() // one browser: both tabs share localStorage
	a, pa := newTestSession(t, st)
	b, pb := newTestSession(t, st)

	a.clickSentence(0, false)
	a.run(cmdTag, false, "1")
	b.clickSentence(5, false)
	b.run(cmdTag, false, "2") // b saves over a's save: it has not seen it yet

	// the storage events arrive
	a.otherTabSaved(a.workKey(), st.items[a.workKey()])
	b.otherTabSaved(b.workKey(), st.items[b.workKey()])
	a.otherTabSaved(a.workKey(), st.items[a.workKey()])

	for name, p := range map[string]*recordingPainter{"first tab": pa, "second tab": pb} {
		if p.cells[0].Label != "supports" || p.cells[5].Label != "opposes" {
			t.Errorf("%s shows s1=%q s6=%q, want both tabs' tags", name, p.cells[0].Label, p.cells[5].Label)
		}
	}
	saved, _ := newTestSession(t, st)
	if l, _ := saved.ws.At(0); l.Label != "supports" {
		t.Error("the saved work lost the first tab's tag")
	}
	if l, _ := saved.ws.At(5); l.Label != "opposes" {
		t.Error("the saved work lost the second tab's tag")
	}
}

// Another tab's change clears this tab's undo history (undoing would
// overwrite it); the tab says so where it shows, not silently.
func TestOtherTabChangeSaysUndoWasReset(t *testing.T) {
	st := newMemoryStore()
	a, _ := newTestSession(t, st)
	b, _ := newTestSession(t, st)
	a.clickSentence(0, false)
	a.run(cmdTag, false, "1")
	b.clickSentence(5, false)
	b.run(cmdTag, false, "2")
	a.otherTabSaved(a.workKey(), st.items[a.workKey()])
	if a.ws.CanUndo() {
		t.Fatal("undo survived another tab's change (it would overwrite it)")
	}
	if a.msg.Kind != "info" || !strings.Contains(a.msg.Text, "Undo starts afresh") {
		t.Errorf("message %+v, want one saying undo was reset", a.msg)
	}
	// a tab with nothing to undo is not told about undo
	c, _ := newTestSession(t, st)
	b.clickSentence(7, false)
	b.run(cmdTag, false, "3")
	c.otherTabSaved(c.workKey(), st.items[c.workKey()])
	if strings.Contains(c.msg.Text, "Undo") {
		t.Errorf("a tab without history is told %q", c.msg.Text)
	}
}
