package app

import "testing"

// The claim belongs to the document: a claim typed and then a switch of
// label sets keeps it; switching back keeps it too.
func TestClaimFollowsTheDocumentAcrossLabelSets(t *testing.T) {
	s, _ := newTestSession(t, newMemoryStore())
	s.setTarget("The harbour plan was approved.")
	s.selectScheme("semeval2016")
	if got := s.ws.Scheme().Target; got != "The harbour plan was approved." {
		t.Fatalf("after switching label sets the claim is %q", got)
	}
	s.selectScheme("default")
	if got := s.ws.Scheme().Target; got != "The harbour plan was approved." {
		t.Fatalf("after switching back the claim is %q", got)
	}
}

// Saved work of an earlier build may hold one claim per label set: it
// restores unchanged; the first switch gives the set switched to the claim
// on screen, and undo gives it back its own.
func TestClaimPerSetFromEarlierBuild(t *testing.T) {
	st := newMemoryStore()
	s, _ := newTestSession(t, st)
	s.selectScheme("semeval2016")
	s.setTarget("Atheism")
	s.selectScheme("default")
	s.setTarget("The US and Iran could cooperate.")
	// make the two sets' claims differ as an earlier build left them
	for _, sc := range s.ws.Schemes() {
		if sc.ID == "semeval2016" {
			sc.Target = "Atheism"
			if err := s.ws.SetScheme(sc); err != nil {
				t.Fatal(err)
			}
		}
	}
	s.flush()
	again, _ := newTestSession(t, st)
	if got := schemeTarget(again, "semeval2016"); got != "Atheism" {
		t.Fatalf("restored semeval2016 claim %q, want it unchanged", got)
	}
	again.selectScheme("semeval2016")
	if got := again.ws.Scheme().Target; got != "The US and Iran could cooperate." {
		t.Fatalf("the set switched to has the claim %q, want the one on screen", got)
	}
	again.undo()
	if got := again.ws.Scheme().Target; got != "Atheism" {
		t.Errorf("undo gave the set %q, want its own claim back", got)
	}
}

func schemeTarget(s *session, id string) string {
	for _, sc := range s.ws.Schemes() {
		if sc.ID == id {
			return sc.Target
		}
	}
	return ""
}
