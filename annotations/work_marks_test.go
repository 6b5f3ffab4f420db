package annotations

import (
	"errors"
	"testing"
)

func TestMarks(t *testing.T) {
	w := testWorkspace(t, 5)
	if _, err := w.Tag(1, 3, "supports"); err != nil {
		t.Fatal(err)
	}
	l, _ := w.Scheme().Label("supports")
	want := []Mark{{}, {"supports", l.Color, l.Name}, {"supports", l.Color, ""}, {"supports", l.Color, ""}, {}}
	got := w.Marks()
	if len(got) != len(want) {
		t.Fatalf("%d marks, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sentence %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestTagKey(t *testing.T) {
	w := testWorkspace(t, 3)
	a, l, err := w.TagKey(0, 1, "2")
	if err != nil {
		t.Fatal(err)
	}
	if l.ID != "opposes" || a.Label != "opposes" || len(a.SentenceIDs) != 2 {
		t.Errorf("key 2 gave label %q, highlight %+v", l.ID, a)
	}
	if _, _, err := w.TagKey(2, 2, "9"); !errors.Is(err, ErrUnknownLabel) || w.LabelAt(2) != "" {
		t.Errorf("key 9: error %v, label %q; want ErrUnknownLabel and no change", err, w.LabelAt(2))
	}
}
