package app

import (
	"testing"

	"stancemark/annotations"
)

func TestDownloadAndLinkAreOneAssignment(t *testing.T) {
	s, _ := newTestSession(t, newMemoryStore())
	s.selectRun(0, 1)
	s.run(cmdTag, false, "1")
	in := assignmentInput{Title: "Week 3", Instructions: "Tag it.", Target: s.ws.Scheme().Target, UseKey: true, Mode: annotations.ModePractice}
	first, ok := s.makeAssignment(in)
	if !ok {
		t.Fatal(s.msg)
	}
	second, _ := s.makeAssignment(in)
	if first.ID != second.ID {
		t.Errorf("the same dialog made two assignments: %s and %s", first.ID, second.ID)
	}
	if n := len(s.made()); n != 1 {
		t.Errorf("%d assignments listed as made here, want 1", n)
	}
	in.Instructions = "Tag every sentence."
	if third, _ := s.makeAssignment(in); third.ID == first.ID {
		t.Error("changed instructions kept the old assignment")
	}
	s.clickSentence(5, false)
	s.run(cmdTag, false, "2")
	if fourth, _ := s.makeAssignment(in); fourth.HasKey() && len(fourth.Key) != 2 {
		t.Errorf("a new highlight is not in the key: %d highlights", len(fourth.Key))
	}
}
