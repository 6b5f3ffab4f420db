package annotations

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// snapshot renders every scheme that has a target or highlights, with its
// highlights (not which scheme is active).
func snapshot(t *testing.T, w *Workspace) string {
	t.Helper()
	var b strings.Builder
	for _, s := range w.Schemes() {
		as := w.AnnotationsFor(s.ID)
		if s.Target == "" && len(as) == 0 {
			continue
		}
		fmt.Fprintf(&b, "%s %q:", s.ID, s.Target)
		for _, a := range as {
			j, err := json.Marshal(a)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, " %s", j)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestUndoRedo(t *testing.T) {
	w := testWorkspace(t, 10)
	other := testWorkspace(t, 10)
	mustTag(t, other, 3, 5, "supports")
	other.SelectScheme("semeval2016")
	mustTag(t, other, 3, 5, "favor")
	imported := other.Export(testEpoch)

	ops := []struct {
		name string
		do   func(t *testing.T)
	}{
		{"tag", func(t *testing.T) { mustTag(t, w, 0, 4, "supports") }},
		{"tag inside", func(t *testing.T) { mustTag(t, w, 2, 2, "opposes") }},
		{"note", func(t *testing.T) { mustNote(t, w, "a1", "left part") }},
		{"relabel", func(t *testing.T) { mustTag(t, w, 2, 2, "neutral") }},
		{"clear", func(t *testing.T) { w.Clear(1, 3) }},
		{"target", func(t *testing.T) { w.SetTarget("The claim.") }},
		{"import into another scheme", func(t *testing.T) {
			if err := w.Import(imported); err != nil {
				t.Fatal(err)
			}
		}},
		{"tag in the imported scheme", func(t *testing.T) { mustTag(t, w, 7, 7, "against") }},
		{"import replacing its own highlights", func(t *testing.T) {
			if err := w.Import(imported); err != nil {
				t.Fatal(err)
			}
		}},
	}
	snaps := []string{snapshot(t, w)}
	actives := []string{w.Scheme().ID}
	for _, op := range ops {
		op.do(t)
		checkInvariants(t, w)
		snaps = append(snaps, snapshot(t, w))
		actives = append(actives, w.Scheme().ID)
		if !w.CanUndo() || w.CanRedo() {
			t.Fatalf("after %s: CanUndo %v CanRedo %v", op.name, w.CanUndo(), w.CanRedo())
		}
	}
	for i := len(ops) - 1; i >= 0; i-- {
		v := w.Version()
		if !w.Undo() {
			t.Fatalf("undo %s failed", ops[i].name)
		}
		if w.Version() == v {
			t.Errorf("undo %s did not change the version", ops[i].name)
		}
		if got := snapshot(t, w); got != snaps[i] {
			t.Errorf("after undoing %s:\n got %s\nwant %s", ops[i].name, got, snaps[i])
		}
		checkInvariants(t, w)
	}
	if w.Undo() || w.CanUndo() {
		t.Error("undo past the beginning")
	}
	if w.Scheme().ID != "default" {
		t.Errorf("after undoing everything the active scheme is %q", w.Scheme().ID)
	}
	for i, op := range ops {
		if !w.Redo() {
			t.Fatalf("redo %s failed", op.name)
		}
		if got := snapshot(t, w); got != snaps[i+1] {
			t.Errorf("after redoing %s:\n got %s\nwant %s", op.name, got, snaps[i+1])
		}
		if w.Scheme().ID != actives[i+1] {
			t.Errorf("after redoing %s the active scheme is %q, want %q", op.name, w.Scheme().ID, actives[i+1])
		}
		checkInvariants(t, w)
	}
	if w.Redo() || w.CanRedo() {
		t.Error("redo past the end")
	}
}

func TestUndoSelectsTheChangedScheme(t *testing.T) {
	w := testWorkspace(t, 5)
	mustTag(t, w, 0, 0, "supports")
	w.SelectScheme("fnc1")
	if !w.Undo() {
		t.Fatal("undo")
	}
	if w.Scheme().ID != "default" || len(w.Annotations()) != 0 {
		t.Errorf("undo a change of default while fnc1 is active: active %q, %s", w.Scheme().ID, highlights(w))
	}
}

func TestNewChangeClearsRedo(t *testing.T) {
	w := testWorkspace(t, 5)
	mustTag(t, w, 0, 0, "supports")
	mustTag(t, w, 1, 1, "supports")
	w.Undo()
	if !w.CanRedo() {
		t.Fatal("nothing to redo")
	}
	mustTag(t, w, 3, 3, "opposes")
	if w.CanRedo() || w.Redo() {
		t.Error("a new change did not clear redo")
	}
	if got := highlights(w); got != "s1-s1 supports a1 | s4-s4 opposes a3" {
		t.Errorf("state %s", got)
	}
}

func TestBoundedHistory(t *testing.T) {
	w := testWorkspace(t, 10)
	w.MaxHistory = 3
	for i := range 6 {
		mustTag(t, w, i, i, "supports")
	}
	if len(w.undo) != 3 {
		t.Fatalf("%d undo steps kept, want 3", len(w.undo))
	}
	for range 3 {
		if !w.Undo() {
			t.Fatal("undo")
		}
	}
	if w.Undo() {
		t.Error("undo beyond MaxHistory")
	}
	if got := highlights(w); got != "s1-s1 supports a1 | s2-s2 supports a2 | s3-s3 supports a3" {
		t.Errorf("state %s", got)
	}
	for range 3 {
		w.Redo()
	}
	if len(w.Annotations()) != 6 {
		t.Errorf("redo: %s", highlights(w))
	}
}
