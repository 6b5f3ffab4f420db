package annotations

import (
	"bytes"
	"errors"
	"testing"
	"time"
)

func TestTaskWorkspaceToSubmission(t *testing.T) {
	p := submissionProject(t)
	task := p.Tasks[0]
	w, err := p.TaskWorkspace(task.ID)
	if err != nil {
		t.Fatal(err)
	}
	_, pd, claim, _ := p.Task(task.ID)
	if w.Scheme().ID != p.Scheme.ID || w.Scheme().Target != claim.Text || w.CanUndo() {
		t.Fatalf("workspace scheme %s with target %q (undo %v), want %s with the claim %q and no history", w.Scheme().ID, w.Scheme().Target, w.CanUndo(), p.Scheme.ID, claim.Text)
	}
	if len(w.Doc.Sentences) != len(pd.Sentences) || w.Doc.ID != pd.ID {
		t.Fatalf("document %s with %d sentences, want the project's %s with %d", w.Doc.ID, len(w.Doc.Sentences), pd.ID, len(pd.Sentences))
	}
	if _, err := w.Tag(0, 1, "agree"); err != nil {
		t.Fatal(err)
	}
	// The work survives the saved state, as the app keeps it.
	state, err := w.MarshalState()
	if err != nil {
		t.Fatal(err)
	}
	restored, err := RestoreWorkspace(w.Doc, state)
	if err != nil {
		t.Fatal(err)
	}
	_ = restored.SelectScheme("default") // the annotator looked at another label set
	work := p.TaskWorkFrom(task.ID, restored, true, "agree", 1200)
	if restored.Scheme().ID != "default" {
		t.Error("TaskWorkFrom changed the active label set")
	}
	if len(work.Annotations) != 1 || work.Annotations[0].Label != "agree" || len(work.Annotations[0].SentenceIDs) != 2 {
		t.Fatalf("task work %+v", work)
	}
	empty := p.TaskWorkFrom(p.Tasks[1].ID, nil, false, "", 0)
	s := p.NewSubmission("ana", []TaskWork{empty, work}, time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC))
	if len(s.Tasks) != 1 || s.Tasks[0].Task != task.ID {
		t.Fatalf("submission tasks %+v: want only the task with work", s.Tasks)
	}
	if err := p.CheckSubmission(s); err != nil {
		t.Fatalf("the submission is refused: %v", err)
	}
	var buf bytes.Buffer
	if err := WriteSubmission(&buf, s); err != nil {
		t.Fatal(err)
	}
	back, err := ReadSubmission(&buf)
	if err != nil || len(back.Tasks) != 1 || back.Tasks[0].Overall != "agree" || !back.Tasks[0].Done {
		t.Fatalf("read back %+v, %v", back, err)
	}
	if _, err := p.TaskWorkspace("t000000000000"); !errors.Is(err, ErrUnknownTask) {
		t.Errorf("an unknown task: %v", err)
	}
}

func TestTaskDetails(t *testing.T) {
	p := submissionProject(t)
	docs, claims := p.TaskDetails(p.Tasks)
	for i, task := range p.Tasks {
		_, pd, claim, err := p.Task(task.ID)
		if err != nil || docs[i] != pd || claims[i] != claim {
			t.Errorf("task %d: %v %v, want %v %v (%v)", i, docs[i].ID, claims[i], pd.ID, claim, err)
		}
	}
}
