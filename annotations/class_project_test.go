package annotations

import (
	"bytes"
	"errors"
	"testing"
	"time"
)

// An assignment is a one-task project: the same assignment always gives
// the same project, with its article, its claim and its instructions.
func TestAssignmentAsProject(t *testing.T) {
	a := testAssignment(t, true)
	p, err := a.Project()
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Documents) != 1 || len(p.Claims) != 1 || len(p.Tasks) != 1 {
		t.Fatalf("%d documents, %d claims, %d tasks; want one of each", len(p.Documents), len(p.Claims), len(p.Tasks))
	}
	doc, _ := a.Doc()
	if p.Documents[0].ID != doc.ID || p.Claims[0].Text != a.Scheme.Target || p.Codebook.Guidelines != a.Instructions || p.Title != a.Title {
		t.Errorf("project %q: document %s, claim %q, guidelines %q", p.Title, p.Documents[0].ID, p.Claims[0].Text, p.Codebook.Guidelines)
	}
	again, _ := testAssignment(t, true).Project()
	if again.ID != p.ID || again.Hash != p.Hash {
		t.Error("the same assignment gave another project")
	}
}

// A student's stancemark-submission/v1 of the assignment-as-project counts
// in the class exactly as the stancemark/v1 export of the same work does;
// a submission of another project is refused by name.
func TestClassReadsProjectSubmissions(t *testing.T) {
	a := testAssignment(t, true)
	p, _ := a.Project()
	task := p.Tasks[0].ID
	work := func() *Workspace {
		w, err := p.TaskWorkspace(task)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range [][3]any{{0, 1, "supports"}, {3, 3, "opposes"}, {20, 20, "unrelated"}} {
			if _, err := w.Tag(r[0].(int), r[1].(int), r[2].(string)); err != nil {
				t.Fatal(err)
			}
		}
		return w
	}
	at := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	sub := p.NewSubmission("Ana", []TaskWork{p.TaskWorkFrom(task, work(), true, "", 1000)}, at)
	var subBytes bytes.Buffer
	if err := WriteSubmission(&subBytes, sub); err != nil {
		t.Fatal(err)
	}
	var expBytes bytes.Buffer
	if err := WriteExport(&expBytes, a.Submission(work(), "Ben", at)); err != nil {
		t.Fatal(err)
	}

	c := NewClass(a)
	if err := c.Add("ana.submission.json", subBytes.Bytes()); err != nil {
		t.Fatalf("the project submission is refused: %v", err)
	}
	if err := c.Add("ben.stancemark.json", expBytes.Bytes()); err != nil {
		t.Fatal(err)
	}
	r := c.Report()
	if len(r.Students) != 2 || r.Students[0].Name != "Ana" || r.Students[1].Name != "Ben" {
		t.Fatalf("students %+v", r.Students)
	}
	ana, ben := r.Students[0], r.Students[1]
	if ana.Tagged != 4 || ana.Highlights != 3 || *ana.Accuracy != *ben.Accuracy || ana.Tagged != ben.Tagged {
		t.Errorf("Ana (submission) %+v vs Ben (export) %+v: the same work scores differently", ana, ben)
	}

	other := sampleProject(t)
	foreign := other.NewSubmission("Cy", nil, at)
	var fb bytes.Buffer
	WriteSubmission(&fb, foreign)
	err := c.Add("cy.submission.json", fb.Bytes())
	if !errors.Is(err, ErrOtherAssignment) {
		t.Fatalf("another project's submission: %v, want ErrOtherAssignment", err)
	}
	if got := len(c.Report().Students); got != 2 {
		t.Errorf("the refused file changed the class: %d students", got)
	}
}
