package annotations

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"
)

// replaceByFilter is replace as it was written first (one id filter over
// the whole set), the reference the run-copying replace must equal.
func replaceByFilter(w *Workspace, set, removed, added []Annotation) []Annotation {
	gone := map[string]bool{}
	for _, a := range removed {
		gone[a.ID] = true
	}
	var out []Annotation
	for _, a := range set {
		if !gone[a.ID] {
			out = append(out, a)
		}
	}
	out = append(out, added...)
	sort.SliceStable(out, func(i, j int) bool { return w.first(out[i]) < w.first(out[j]) })
	return out
}

func TestReplaceEqualsTheFilter(t *testing.T) {
	var text string
	for i := range 300 {
		text += fmt.Sprintf("Sentence %d is here. ", i+1)
	}
	d, err := ParsePlainText(text)
	if err != nil {
		t.Fatal(err)
	}
	w := NewWorkspace(d)
	r := rand.New(rand.NewPCG(1, 2))
	n := len(d.Sentences)
	for round := range 2000 {
		// a set in document order, several highlights on some sentences
		var set []Annotation
		for i := 0; i < n; i++ {
			for k := range r.IntN(3) / 2 * (1 + r.IntN(2)) {
				set = append(set, Annotation{ID: fmt.Sprintf("a%d-%d-%d", round, i, k), SentenceIDs: []string{d.Sentences[i].ID}})
			}
			i += r.IntN(4)
		}
		var removed []Annotation
		for range r.IntN(4) {
			if len(set) > 0 {
				a := set[r.IntN(len(set))]
				dup := false
				for _, x := range removed {
					dup = dup || x.ID == a.ID
				}
				if !dup {
					removed = append(removed, a)
				}
			}
		}
		if round%50 == 0 { // many removed: the filter path
			for i := 0; i < len(set); i += 3 {
				removed = append(removed, set[i])
			}
		}
		var added []Annotation
		for k := range r.IntN(3) {
			added = append(added, Annotation{ID: fmt.Sprintf("new%d-%d", round, k), SentenceIDs: []string{d.Sentences[r.IntN(n)].ID}})
		}
		before := append([]Annotation(nil), set...)
		got := w.replace(set, removed, added)
		want := replaceByFilter(w, set, removed, added)
		if len(got) != len(want) || (len(got) > 0 && !reflect.DeepEqual(got, want)) {
			t.Fatalf("round %d: replace gave %d highlights, the filter %d\n got %v\nwant %v", round, len(got), len(want), ids(got), ids(want))
		}
		if !reflect.DeepEqual(set, before) {
			t.Fatalf("round %d: replace modified its set", round)
		}
	}
}

func ids(as []Annotation) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}
