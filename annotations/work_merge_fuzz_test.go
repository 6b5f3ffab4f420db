package annotations

import (
	"bytes"
	"errors"
	"testing"
	"time"
)

// FuzzMergeState merges any input into a workspace that holds work: it
// never panics; an error is an *ImportError and changes nothing; a merge
// leaves every highlight on known, contiguous, unshared sentences; merging
// the same input again, or a state into itself, changes nothing. The seed
// corpus is in testdata/fuzz/FuzzMergeState.
func FuzzMergeState(f *testing.F) {
	doc := testDoc(f, 6)
	base := func() *Workspace {
		w := NewWorkspace(doc)
		w.Now = (&sharedClock{t: testEpoch, step: time.Second}).now
		w.Tag(0, 2, "supports")
		w.SetNote(w.Annotations()[0].ID, "n")
		w.Tag(4, 4, "opposes")
		return w
	}
	w := base()
	f.Add(must(w.MarshalState()))
	w.Tag(1, 1, "neutral")
	w.Clear(4, 5)
	w.Undo()
	f.Add(must(w.MarshalState()))
	f.Add([]byte(`{"format":"stancemark-state/v1"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		w := base()
		before := must(w.MarshalState())
		changed, err := w.MergeState(data)
		if err != nil {
			var ie *ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an *ImportError", err)
			}
			if changed || !bytes.Equal(before, must(w.MarshalState())) {
				t.Fatal("a refused merge changed the workspace")
			}
			return
		}
		for _, s := range w.Schemes() {
			owner := make(map[int]string)
			for _, a := range w.AnnotationsFor(s.ID) {
				first := doc.SentenceIndex(a.SentenceIDs[0])
				for k, id := range a.SentenceIDs {
					i := doc.SentenceIndex(id)
					if i < 0 || i != first+k {
						t.Fatalf("%s %s: sentences %v are not a run of the document", s.ID, a.ID, a.SentenceIDs)
					}
					if o, ok := owner[i]; ok {
						t.Fatalf("%s: %s is in %s and %s", s.ID, id, o, a.ID)
					}
					owner[i] = a.ID
					if st := doc.Sentences[i]; st.Start < 0 || st.End > len([]rune(doc.Text)) {
						t.Fatalf("%s offsets outside the text", id)
					}
				}
			}
		}
		if again, err := w.MergeState(data); err != nil || again {
			t.Fatalf("merging the same state twice: %v, %v", again, err)
		}
		saved := must(w.MarshalState())
		if !w.MatchesState(saved) {
			t.Fatal("a workspace does not match its own save")
		}
		r, err := RestoreWorkspace(doc, data)
		if err != nil {
			t.Fatalf("MergeState accepted what RestoreWorkspace refuses: %v", err)
		}
		if changed, err := r.MergeState(data); err != nil || changed {
			t.Fatalf("merging a state into itself: %v, %v", changed, err)
		}
	})
}
