package annotations

import (
	"errors"
	"testing"
	"time"
)

// checkInvariants checks that the workspace's highlights are consistent:
// document order, contiguous, not overlapping, At and LabelAt agree, and the
// export validates.
func checkInvariants(t *testing.T, w *Workspace) {
	t.Helper()
	covered := make([]string, len(w.Doc.Sentences))
	for _, a := range w.Annotations() {
		for _, id := range a.SentenceIDs {
			covered[w.Doc.SentenceIndex(id)] = a.ID
		}
	}
	for i := range w.Doc.Sentences {
		a, ok := w.At(i)
		if ok != (covered[i] != "") || a.ID != covered[i] {
			t.Errorf("At(%d) = %v, %v; want highlight %q", i, a.ID, ok, covered[i])
		}
		if ok && w.LabelAt(i) != a.Label {
			t.Errorf("LabelAt(%d) = %q, want %q", i, w.LabelAt(i), a.Label)
		}
	}
	if err := w.Export(testEpoch).Validate(); err != nil {
		t.Errorf("export does not validate: %v", err)
	}
	prev := -1
	for _, a := range w.Annotations() {
		if f := w.Doc.SentenceIndex(a.SentenceIDs[0]); f <= prev {
			t.Errorf("highlights not in document order: %s", highlights(w))
		} else {
			prev = f
		}
	}
}

func mustTag(t *testing.T, w *Workspace, first, last int, label string) Annotation {
	t.Helper()
	a, err := w.Tag(first, last, label)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func mustNote(t *testing.T, w *Workspace, id, note string) {
	t.Helper()
	if err := w.SetNote(id, note); err != nil {
		t.Fatal(err)
	}
}

// TestTaggingRule is the tagging rule of the package documentation, case by
// case. Sentence indexes are 0-based; the state shows sentence ids s1, s2...
func TestTaggingRule(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, w *Workspace)
		op    func(t *testing.T, w *Workspace)
		want  string
	}{
		{"new highlight", nil,
			func(t *testing.T, w *Workspace) { mustTag(t, w, 2, 4, "supports") },
			"s3-s5 supports a1"},
		{"indexes in any order", nil,
			func(t *testing.T, w *Workspace) { mustTag(t, w, 4, 2, "supports") },
			"s3-s5 supports a1"},
		{"relabel the exact run in place",
			func(t *testing.T, w *Workspace) { mustTag(t, w, 2, 4, "supports"); mustNote(t, w, "a1", "n") },
			func(t *testing.T, w *Workspace) { mustTag(t, w, 2, 4, "opposes") },
			`s3-s5 opposes a1 "n"`},
		{"split inside",
			func(t *testing.T, w *Workspace) { mustTag(t, w, 0, 4, "supports"); mustNote(t, w, "a1", "n") },
			func(t *testing.T, w *Workspace) { mustTag(t, w, 2, 2, "opposes") },
			`s1-s2 supports a1 "n" | s3-s3 opposes a3 | s4-s5 supports a2 "n"`},
		{"overlap the end of a highlight",
			func(t *testing.T, w *Workspace) { mustTag(t, w, 0, 4, "supports") },
			func(t *testing.T, w *Workspace) { mustTag(t, w, 3, 6, "opposes") },
			"s1-s3 supports a1 | s4-s7 opposes a2"},
		{"overlap the start of a highlight: the rest keeps its id",
			func(t *testing.T, w *Workspace) { mustTag(t, w, 2, 6, "supports") },
			func(t *testing.T, w *Workspace) { mustTag(t, w, 0, 3, "opposes") },
			"s1-s4 opposes a2 | s5-s7 supports a1"},
		{"across two highlights",
			func(t *testing.T, w *Workspace) { mustTag(t, w, 0, 2, "supports"); mustTag(t, w, 4, 6, "neutral") },
			func(t *testing.T, w *Workspace) { mustTag(t, w, 2, 4, "opposes") },
			"s1-s2 supports a1 | s3-s5 opposes a3 | s6-s7 neutral a2"},
		{"covering highlights carries their notes in document order",
			func(t *testing.T, w *Workspace) {
				mustTag(t, w, 4, 4, "neutral")
				mustNote(t, w, "a1", "second")
				mustTag(t, w, 1, 2, "supports")
				mustNote(t, w, "a2", "first")
				mustTag(t, w, 6, 6, "unrelated")
			},
			func(t *testing.T, w *Workspace) { mustTag(t, w, 0, 7, "opposes") },
			"s1-s8 opposes a4 \"first\\n\\nsecond\""},
		{"covering one and cutting another",
			func(t *testing.T, w *Workspace) {
				mustTag(t, w, 1, 1, "neutral")
				mustNote(t, w, "a1", "gone")
				mustTag(t, w, 3, 5, "supports")
				mustNote(t, w, "a2", "kept")
			},
			func(t *testing.T, w *Workspace) { mustTag(t, w, 0, 3, "opposes") },
			"s1-s4 opposes a3 \"gone\" | s5-s6 supports a2 \"kept\""},
		{"a run containing a highlight and more is a new highlight",
			func(t *testing.T, w *Workspace) { mustTag(t, w, 2, 3, "supports") },
			func(t *testing.T, w *Workspace) { mustTag(t, w, 2, 4, "supports") },
			"s3-s5 supports a2"},
		{"adjacent highlights are not merged",
			func(t *testing.T, w *Workspace) { mustTag(t, w, 0, 1, "supports") },
			func(t *testing.T, w *Workspace) { mustTag(t, w, 2, 3, "supports") },
			"s1-s2 supports a1 | s3-s4 supports a2"},
		{"clear inside splits",
			func(t *testing.T, w *Workspace) { mustTag(t, w, 0, 4, "supports"); mustNote(t, w, "a1", "n") },
			func(t *testing.T, w *Workspace) { w.Clear(2, 2) },
			`s1-s2 supports a1 "n" | s4-s5 supports a2 "n"`},
		{"clear across two highlights",
			func(t *testing.T, w *Workspace) { mustTag(t, w, 0, 2, "supports"); mustTag(t, w, 4, 6, "neutral") },
			func(t *testing.T, w *Workspace) { w.Clear(4, 2) },
			"s1-s2 supports a1 | s6-s7 neutral a2"},
		{"clear a whole highlight",
			func(t *testing.T, w *Workspace) { mustTag(t, w, 0, 2, "supports"); mustTag(t, w, 4, 6, "neutral") },
			func(t *testing.T, w *Workspace) { w.Clear(0, 3) },
			"s5-s7 neutral a2"},
		{"clear clamps to the document",
			func(t *testing.T, w *Workspace) { mustTag(t, w, 8, 9, "supports") },
			func(t *testing.T, w *Workspace) { w.Clear(9, 100) },
			"s9-s9 supports a1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := testWorkspace(t, 10)
			if tt.setup != nil {
				tt.setup(t, w)
			}
			tt.op(t, w)
			if got := highlights(w); got != tt.want {
				t.Errorf("state\n got %s\nwant %s", got, tt.want)
			}
			checkInvariants(t, w)
			if !w.Undo() {
				t.Fatal("the operation left no undo step")
			}
			checkInvariants(t, w)
		})
	}
}

func TestTagTimes(t *testing.T) {
	w := testWorkspace(t, 10)
	a := mustTag(t, w, 0, 4, "supports")
	if !a.Created.Equal(testEpoch.Add(time.Second)) || !a.Modified.Equal(a.Created) || a.Annotator != "Ada" {
		t.Fatalf("new highlight %+v", a)
	}
	b := mustTag(t, w, 0, 4, "opposes")
	if b.ID != a.ID || !b.Created.Equal(a.Created) || !b.Modified.After(a.Modified) {
		t.Errorf("relabelled %+v from %+v", b, a)
	}
	mustTag(t, w, 2, 2, "neutral")
	left, _ := w.At(0)
	right, _ := w.At(4)
	if left.ID != a.ID || !left.Created.Equal(a.Created) || !left.Modified.After(b.Modified) {
		t.Errorf("left part %+v", left)
	}
	if right.ID == a.ID || right.Created.Before(left.Modified) {
		t.Errorf("right part %+v", right)
	}
	// A clock that goes back never makes Modified earlier than Created.
	w.Now = func() time.Time { return testEpoch.Add(-time.Hour) }
	mustNote(t, w, left.ID, "x")
	if got, _ := w.Annotation(left.ID); got.Modified.Before(got.Created) {
		t.Errorf("Modified %v before Created %v", got.Modified, got.Created)
	}
	// Times are UTC milliseconds.
	w.Now = func() time.Time { return time.Date(2024, 1, 2, 3, 4, 5, 6789999, time.FixedZone("X", 3600)) }
	c := mustTag(t, w, 9, 9, "neutral")
	if want := time.Date(2024, 1, 2, 2, 4, 5, 6000000, time.UTC); !c.Created.Equal(want) || c.Created.Location() != time.UTC {
		t.Errorf("Created = %v, want %v", c.Created, want)
	}
}

func TestTagErrors(t *testing.T) {
	w := testWorkspace(t, 5)
	mustTag(t, w, 0, 1, "supports")
	v := w.Version()
	tests := []struct {
		name        string
		first, last int
		label       string
		err         error
	}{
		{"unknown label", 0, 0, "agree", ErrUnknownLabel},
		{"past the end", 3, 5, "supports", ErrRange},
		{"negative", -1, 0, "supports", ErrRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := w.Tag(tt.first, tt.last, tt.label); !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if w.Version() != v || highlights(w) != "s1-s2 supports a1" {
				t.Error("a failed Tag changed the workspace")
			}
		})
	}
	if _, err := w.Tag(0, 0, "agree"); err.Error() != `unknown label "agree" (the scheme has supports, opposes, neutral, unrelated)` {
		t.Errorf("message %q", err)
	}
}

func TestNoOpsAreNotChanges(t *testing.T) {
	w := testWorkspace(t, 5)
	a := mustTag(t, w, 0, 1, "supports")
	mustNote(t, w, a.ID, "n")
	v, undo := w.Version(), len(w.undo)
	if b := mustTag(t, w, 1, 0, "supports"); b.ID != a.ID {
		t.Error("retag with the same label made a new highlight")
	}
	mustNote(t, w, a.ID, "n")
	w.SetTarget("")
	if err := w.SetScheme(w.Scheme()); err != nil {
		t.Fatal(err)
	}
	if w.Clear(3, 4) {
		t.Error("Clear of untagged sentences reported a change")
	}
	if w.Clear(7, 9) {
		t.Error("Clear outside the document reported a change")
	}
	if w.Version() != v || len(w.undo) != undo {
		t.Error("a no-op changed the version or the history")
	}
}

func TestSetNote(t *testing.T) {
	w := testWorkspace(t, 5)
	a := mustTag(t, w, 0, 1, "supports")
	if err := w.SetNote("nope", "x"); !errors.Is(err, ErrUnknownAnnotation) {
		t.Errorf("SetNote(unknown) = %v", err)
	}
	mustNote(t, w, a.ID, "a note")
	got, ok := w.Annotation(a.ID)
	if !ok || got.Note != "a note" || !got.Modified.After(a.Modified) || !got.Created.Equal(a.Created) {
		t.Errorf("after SetNote: %+v", got)
	}
	if _, ok := w.Annotation("nope"); ok {
		t.Error("Annotation(nope) found")
	}
}

func TestCounts(t *testing.T) {
	w := testWorkspace(t, 10)
	mustTag(t, w, 0, 2, "supports")
	mustTag(t, w, 5, 5, "opposes")
	mustTag(t, w, 7, 8, "supports")
	tagged, per := w.Counts()
	want := map[string]int{"supports": 5, "opposes": 1, "neutral": 0, "unrelated": 0}
	if tagged != 6 || len(per) != len(want) {
		t.Fatalf("Counts() = %d, %v", tagged, per)
	}
	for k, v := range want {
		if per[k] != v {
			t.Errorf("perLabel[%s] = %d, want %d", k, per[k], v)
		}
	}
}

func TestSchemes(t *testing.T) {
	w := testWorkspace(t, 5)
	if w.Scheme().ID != "default" || len(w.Schemes()) != 5 {
		t.Fatal("new workspace: want 5 presets, default active")
	}
	mustTag(t, w, 0, 1, "supports")
	v := w.Version()
	if err := w.SelectScheme("fever"); err != nil {
		t.Fatal(err)
	}
	if w.Version() == v || w.Scheme().ID != "fever" || len(w.Annotations()) != 0 || w.LabelAt(0) != "" {
		t.Error("SelectScheme(fever)")
	}
	mustTag(t, w, 0, 0, "refutes")
	if len(w.AnnotationsFor("default")) != 1 || w.AnnotationsFor("fever")[0].Label != "refutes" {
		t.Error("highlights of each scheme are not kept")
	}
	if err := w.SelectScheme("nope"); !errors.Is(err, ErrUnknownScheme) {
		t.Errorf("SelectScheme(nope) = %v", err)
	}
	w.SelectScheme("default")
	if w.LabelAt(1) != "supports" {
		t.Error("switching back lost the index")
	}
	w.Schemes()[0].Labels[0].ID = "mutated"
	w.Scheme().Labels[0].ID = "mutated"
	if w.Scheme().Labels[0].ID != "supports" {
		t.Error("Schemes or Scheme return shared memory")
	}

	t.Run("target", func(t *testing.T) {
		w.SetTarget("Iran and the U.S. will cooperate.")
		if w.Scheme().Target != "Iran and the U.S. will cooperate." {
			t.Fatal("SetTarget")
		}
		w.Undo()
		if w.Scheme().Target != "" {
			t.Error("undo SetTarget")
		}
	})
	t.Run("add", func(t *testing.T) {
		s := Scheme{ID: "mine", Name: "Mine", Labels: []Label{{ID: "yes", Name: "Yes", Key: "1", Color: "#000000"}}}
		if err := w.SetScheme(s); err != nil {
			t.Fatal(err)
		}
		if all := w.Schemes(); all[len(all)-1].ID != "mine" || w.Scheme().ID != "default" {
			t.Error("SetScheme did not add the scheme at the end without activating it")
		}
		w.Undo()
		if len(w.Schemes()) != 5 {
			t.Error("undo did not remove the added scheme")
		}
	})
	t.Run("invalid", func(t *testing.T) {
		s := w.Scheme()
		s.Labels[1].Key = "1"
		if err := w.SetScheme(s); err == nil || err.Error() != `labels[1].key: duplicate key "1" (also labels[0])` {
			t.Errorf("SetScheme(invalid) = %v", err)
		}
	})
	t.Run("removing a label in use", func(t *testing.T) {
		v := w.Version()
		s := w.Scheme()
		s.Labels = s.Labels[1:]
		err := w.SetScheme(s)
		if !errors.Is(err, ErrLabelInUse) || err.Error() != `labels: label "supports" is used by 1 highlight; clear or retag them before removing it` {
			t.Errorf("SetScheme = %v", err)
		}
		if w.Version() != v || len(w.Scheme().Labels) != 4 {
			t.Error("a refused SetScheme changed the workspace")
		}
	})
	t.Run("removing an unused label and renaming", func(t *testing.T) {
		s := w.Scheme()
		s.Labels = s.Labels[:3]
		s.Labels[0].Name = "For"
		if err := w.SetScheme(s); err != nil {
			t.Fatal(err)
		}
		if l := w.Scheme().Labels; len(l) != 3 || l[0].Name != "For" {
			t.Errorf("labels %v", l)
		}
		w.Undo()
		if l := w.Scheme().Labels; len(l) != 4 || l[0].Name != "Supports" {
			t.Errorf("after undo, labels %v", l)
		}
	})
}

func TestWorkspaceDefaults(t *testing.T) {
	w := NewWorkspace(testDoc(t, 3))
	if w.MaxHistory != DefaultMaxHistory || w.NewID == nil {
		t.Fatal("defaults not set")
	}
	if d := time.Since(w.now()); w.Now != nil || d < 0 || d > time.Minute {
		t.Errorf("the default clock is not time.Now (%v)", d)
	}
	id := w.NewID()
	if len(id) != 13 || id[0] != 'a' {
		t.Errorf("NewID() = %q", id)
	}
	for _, c := range id[1:] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			t.Errorf("NewID() = %q is not a + lowercase hex", id)
		}
	}
	// Zero-value clock and id functions fall back to the defaults.
	w.Now, w.NewID = nil, nil
	a := mustTag(t, w, 0, 0, "neutral")
	if a.ID == "" || a.Created.IsZero() || a.Created.Location() != time.UTC || a.Created.Nanosecond()%int(time.Millisecond) != 0 {
		t.Errorf("highlight %+v", a)
	}
}

func TestNewWorkspaceFor(t *testing.T) {
	doc := testDoc(t, 3)
	w := NewWorkspaceFor(doc, "The claim.")
	for _, sc := range w.Schemes() {
		if sc.Target != "The claim." {
			t.Errorf("scheme %s has the claim %q", sc.ID, sc.Target)
		}
	}
	if w.CanUndo() {
		t.Error("setting the claim on opening is an undo step")
	}
	if plain := NewWorkspaceFor(doc, ""); plain.Scheme().Target != NewWorkspace(doc).Scheme().Target {
		t.Errorf("an empty claim changed the preset's to %q", plain.Scheme().Target)
	}
}
