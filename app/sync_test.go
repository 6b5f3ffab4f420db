package app

import "testing"

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
