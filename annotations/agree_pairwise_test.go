package annotations_test

import (
	"errors"
	"testing"

	"stancemark/annotations"
)

// TestPairwiseCohen joins two of Wikipedia's Cohen examples (used in
// TestCohenKappaWikipedia) as coders A-B and A-C of one matrix: 50 units,
// A and B as in the grant proposals (kappa 0.4); C rates only the first
// 100 units of the 45/15/25/15 table, which needs its own A, so the pairs
// are built side by side.
func TestPairwiseCohen(t *testing.T) {
	ab := cohen(20, 5, 10, 15)  // kappa 0.4
	ac := cohen(45, 15, 25, 15) // kappa 0.1304
	r := &annotations.Reliability{Coders: []string{"A", "B", "C"}}
	for u, row := range ab.Values {
		r.Units = append(r.Units, "ab"+ab.Units[u])
		r.Values = append(r.Values, []string{row[0], row[1], ""})
	}
	for u, row := range ac.Values {
		r.Units = append(r.Units, "ac"+ac.Units[u])
		r.Values = append(r.Values, []string{row[0], "", row[1]})
	}
	got, err := r.PairwiseCohen()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("%d pairs, want 3: %+v", len(got), got)
	}
	if got[0].A != "A" || got[0].B != "B" || got[0].Units != 50 || got[0].Kappa == nil {
		t.Fatalf("A-B = %+v", got[0])
	}
	near(t, "A-B", *got[0].Kappa, 0.4)
	if got[1].A != "A" || got[1].B != "C" || got[1].Units != 100 || got[1].Kappa == nil {
		t.Fatalf("A-C = %+v", got[1])
	}
	near(t, "A-C", *got[1].Kappa, 0.1304)
	if got[2].A != "B" || got[2].B != "C" || got[2].Units != 0 || got[2].Kappa != nil || got[2].Why != "undefined: no unit has values from two coders" {
		t.Errorf("B-C (no shared unit) = %+v", got[2])
	}
	if _, err := matrix("a b").PairwiseCohen(); !errors.Is(err, annotations.ErrTooFewCoders) {
		t.Errorf("one coder: err = %v", err)
	}
}
