package annotations

import (
	"errors"
	"testing"
)

func TestProjectStats(t *testing.T) {
	p := submissionProject(t) // 4 tasks, ana, bob, cy with an overlap of 2
	ana := sampleSubmission(p)
	// ana's work may include tasks not assigned to her: count what she did.
	older := sampleSubmission(p)
	older.Submitted = "2026-02-01T12:00:00Z"
	older.Tasks = older.Tasks[:1]
	eve := sampleSubmission(p)
	eve.Annotator = "eve" // not one of the project's annotators
	eve.Tasks = eve.Tasks[1:2]
	st, err := p.Stats([]*ProjectSubmission{ana, older, eve})
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Annotators) != 4 || st.Annotators[3].Annotator != "eve" {
		t.Fatalf("annotators %+v", st.Annotators)
	}
	a := st.Annotators[0]
	assigned := p.TasksOf("ana")
	worked := map[string]bool{ana.Tasks[0].Task: true, ana.Tasks[1].Task: true, ana.Tasks[2].Task: true}
	untouched := 0
	for _, tk := range assigned {
		if !worked[tk.ID] {
			untouched++
		}
	}
	if a.Annotator != "ana" || a.Submitted != ana.Submitted || a.Assigned != len(assigned) || a.Done != 1 || a.InProgress != 2 ||
		a.Untouched != untouched || a.ActiveMillis != 81250+4000+1500 {
		t.Errorf("ana = %+v (assigned %d, untouched %d)", a, len(assigned), untouched)
	}
	if b := st.Annotators[1]; b.Submitted != "" || b.Done != 0 || b.Untouched != len(p.TasksOf("bob")) || b.Assigned != b.Untouched {
		t.Errorf("bob = %+v", b)
	}
	if e := st.Annotators[3]; e.Assigned != 0 || e.InProgress != 1 || e.Untouched != 0 {
		t.Errorf("eve = %+v", e)
	}
	for i, ts := range st.Tasks {
		if ts.Assigned != 2 {
			t.Errorf("task %d assigned to %d, want the overlap 2", i, ts.Assigned)
		}
		if want := map[bool]int{true: 1, false: 0}[i == 0]; ts.Done != want {
			t.Errorf("task %d done by %d, want %d", i, ts.Done, want)
		}
	}

	// Without annotators, every task is everyone's.
	p.Annotators, p.Overlap = nil, 0
	st, err = p.Stats([]*ProjectSubmission{ana})
	if err != nil {
		t.Fatal(err)
	}
	if a := st.Annotators[0]; a.Assigned != 4 || a.Untouched != 1 || st.Tasks[3].Assigned != 1 {
		t.Errorf("without assignment: %+v, task 4 %+v", a, st.Tasks[3])
	}

	other := sampleSubmission(p)
	other.ProjectHash = "sha256:0000"
	if _, err := p.Stats([]*ProjectSubmission{ana, other}); !errors.Is(err, ErrOtherRevision) {
		t.Errorf("Stats of another revision: %v", err)
	}
}
