package annotations_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"stancemark/annotations"
)

// TestConfusionKrippendorff2011 checks the coincidence matrix of
// Krippendorff (2011), section C (krippendorff2011). Worked by hand from
// the data: unit 1 (1 1 1) adds 3 to o11; unit 2 (2 2 3 2) 2 to o22 and 1
// to o23; units 3, 4 (3 3 3 3) 4 each to o33; units 5, 9 4 each to o22;
// unit 6 (1 2 3 4) 1/3 to each off-diagonal cell of 1..4; unit 7 4 to o44;
// unit 8 (1 1 2 1) 2 to o11, 1 to o12; unit 10 (5 5 5) 3 to o55; unit 11
// (1 1) 2 to o11; unit 12 has one value. The margins are n1..n5 = 9, 13,
// 10, 5, 3, and n = 40, those of the paper.
func TestConfusionKrippendorff2011(t *testing.T) {
	c, err := krippendorff2011.Confusion()
	if err != nil {
		t.Fatal(err)
	}
	third := 1.0 / 3
	want := [][]float64{
		{7, 1 + third, third, third, 0},
		{1 + third, 10, 1 + third, third, 0},
		{third, 1 + third, 8, third, 0},
		{third, third, third, 4, 0},
		{0, 0, 0, 0, 3},
	}
	if strings.Join(c.Values, " ") != "1 2 3 4 5" {
		t.Fatalf("values %q", c.Values)
	}
	for i := range want {
		for j := range want[i] {
			near(t, fmt.Sprintf("o[%s][%s]", c.Values[i], c.Values[j]), c.Counts[i][j], want[i][j])
		}
	}
	if _, err := matrix("a . .", ". b .").Confusion(); !errors.Is(err, annotations.ErrNoPairableValues) {
		t.Errorf("no pairs: err = %v", err)
	}
}

func TestPerLabel(t *testing.T) {
	t.Run("two coders", func(t *testing.T) {
		// Wikipedia's 50 proposals: yes/yes 20, yes/no 5, no/yes 10, no/no
		// 15. Positive agreement 2·20 / (2·20 + 5 + 10) = 40/55; negative
		// 2·15 / (2·15 + 15) = 30/45.
		got, err := cohen(20, 5, 10, 15).PerLabel()
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].Label != "no" || got[1].Label != "yes" || got[0].Values != 45 || got[1].Values != 55 {
			t.Fatalf("%+v", got)
		}
		near(t, "no", *got[0].Agreement, 30.0/45)
		near(t, "yes", *got[1].Agreement, 40.0/55)
	})
	t.Run("three coders and missing", func(t *testing.T) {
		// u1 a a a: 6 ordered a-a pairs; u2 a a b: 2 a-a pairs, a-b 2 (a's
		// side) and 2 (b's side); u3 has one value (x). a: 8 / (8 + 2) =
		// 0.8; b: 0 / (0 + 2) = 0; x: no pairable value.
		got, err := matrix("a a x", "a a .", "a b .").PerLabel()
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 || got[0].Label != "a" || got[1].Label != "b" || got[2].Label != "x" {
			t.Fatalf("%+v", got)
		}
		near(t, "a", *got[0].Agreement, 0.8)
		near(t, "b", *got[1].Agreement, 0)
		if got[2].Agreement != nil || got[2].Values != 0 || got[2].Why == "" {
			t.Errorf("x = %+v", got[2])
		}
	})
	if _, err := matrix("a . .", ". b .").PerLabel(); !errors.Is(err, annotations.ErrNoPairableValues) {
		t.Errorf("no pairs: err = %v", err)
	}
}
