package annotations

import (
	"errors"
	"strings"
	"testing"
)

// TestMixedBoundariesRefused: two annotators' exports of one text, one
// made on version 1's boundaries and one on version 2's, are refused by
// agreement and by gold, naming both boundaries.
func TestMixedBoundariesRefused(t *testing.T) {
	body := "The firm moved to the E.U. Officials agreed.\n\nThat is King Jr.'s speech."
	export := func(d *Document, name string) *Export {
		w := NewWorkspace(d)
		w.Annotator = name
		if _, err := w.Tag(0, 0, "supports"); err != nil {
			t.Fatal(err)
		}
		return w.Export(testEpoch)
	}
	old, err := NewDocumentSegmented("T", body, SegmenterV1)
	if err != nil {
		t.Fatal(err)
	}
	cur, _ := NewDocument("T", body)
	a, b := export(old, "ana"), export(cur, "ben")
	check := func(what string, err error) {
		t.Helper()
		if !errors.Is(err, ErrOtherDocument) || !strings.Contains(err.Error(), old.BoundariesID()) || !strings.Contains(err.Error(), cur.BoundariesID()) {
			t.Errorf("%s: %v; want a refusal naming %s and %s", what, err, old.BoundariesID(), cur.BoundariesID())
		}
	}
	_, err = ReliabilityFromExports([]*Export{a, b}, "")
	check("ReliabilityFromExports", err)
	_, err = NewGold(GoldInput{Exports: []*Export{a, b}, Policy: PolicyMajority})
	check("NewGold", err)

	// The same boundaries are compared.
	if _, err := ReliabilityFromExports([]*Export{a, export(old, "cy")}, ""); err != nil {
		t.Errorf("same boundaries: %v", err)
	}
}

// TestSubmissionOnOtherBoundaries: a class submission made on other
// boundaries of the assignment's article is refused, naming both.
func TestSubmissionOnOtherBoundaries(t *testing.T) {
	body := "The firm moved to the E.U. Officials agreed.\n\nThat is King Jr.'s speech."
	cur, _ := NewDocument("T", body)
	old, _ := NewDocumentSegmented("T", body, SegmenterV1)
	a := NewAssignment("Week 1", "", cur, Presets()[0], nil, AssignmentOptions{})
	w := NewWorkspace(old)
	w.Annotator = "Dana"
	e := w.Export(testEpoch)
	e.Assignment = a.ID
	err := a.CheckSubmission(e)
	if !errors.Is(err, ErrOtherDocument) || !strings.Contains(err.Error(), old.BoundariesID()) || !strings.Contains(err.Error(), cur.BoundariesID()) {
		t.Errorf("CheckSubmission: %v", err)
	}
}
