package app

import (
	"maps"
	"testing"
)

// The warm-up runs a click, two tags, a save, undo and redo on its own
// scratch session: each step does that work, and none of it reaches the
// reader's session, its storage or what the page shows.
func TestWarmUpTouchesNothingOfTheReader(t *testing.T) {
	st := newMemoryStore()
	s, p := newTestSession(t, st)
	s.clickSentence(2, false)
	s.run(cmdTag, false, "2")
	s.flush()
	stored := maps.Clone(st.items)
	version, painted, said := s.ws.Version(), labels(p), s.said

	w, steps := warmUpSteps(s.doc)
	if len(steps) < 4 {
		t.Fatalf("%d warm-up steps", len(steps))
	}
	for _, step := range steps {
		step()
	}
	if s.ws.Version() != version || labels(p) != painted || s.said != said {
		t.Errorf("the warm-up changed the reader's work or page: version %d→%d, painted %q→%q", version, s.ws.Version(), painted, labels(p))
	}
	if !maps.Equal(st.items, stored) {
		t.Error("the warm-up wrote to the reader's storage")
	}
	// Each step really runs the code it is there to compile: the scratch
	// session ends with the two highlights of its tags, saved.
	if n := len(w.ws.Annotations()); n != 2 {
		t.Errorf("the warm-up's tags left %d highlights, want 2 (undone and redone)", n)
	}
	if len(w.store.(*memoryStore).items) == 0 {
		t.Error("the warm-up saved nothing: the save path was not run")
	}
	if _, none := warmUpSteps(nil); none != nil {
		t.Error("no document, yet warm-up steps")
	}
}
