package app

import "testing"

func TestSelectionMoved(t *testing.T) {
	tests := []struct {
		name   string
		from   selection
		delta  int
		extend bool
		want   selection
	}{
		{"down from nothing starts at the top", noSelection, 1, false, at(0)},
		{"up from nothing starts at the bottom", noSelection, -1, false, at(4)},
		{"down moves the cursor", at(1), 1, false, at(2)},
		{"down stops at the last sentence", at(4), 1, false, at(4)},
		{"up stops at the first sentence", at(0), -1, false, at(0)},
		{"shift keeps the anchor", at(1), 1, true, selection{1, 2}},
		{"shift back over the anchor", selection{2, 3}, -2, true, selection{2, 1}},
		{"move collapses an extended selection", selection{1, 3}, 1, false, at(4)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.from.moved(tt.delta, 5, tt.extend); got != tt.want {
				t.Errorf("moved = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestSelectionBoundsAndContains(t *testing.T) {
	s := selection{anchor: 4, focus: 2}
	if a, b := s.bounds(); a != 2 || b != 4 {
		t.Fatalf("bounds = %d, %d; want 2, 4", a, b)
	}
	for i, want := range []bool{false, false, true, true, true, false} {
		if got := s.contains(i); got != want {
			t.Errorf("contains(%d) = %v, want %v", i, got, want)
		}
	}
	if noSelection.contains(0) || !noSelection.empty() {
		t.Error("the empty selection contains nothing")
	}
	if got := noSelection.extendTo(3); got != at(3) {
		t.Errorf("extending nothing = %+v, want at(3)", got)
	}
}
