package annotations

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// assignProject returns a project of docs × claims tasks with the given
// annotators and overlap.
func assignProject(t testing.TB, docs, claims int, annotators []string, overlap int) *Project {
	t.Helper()
	in := ProjectInput{Annotators: annotators, Overlap: overlap}
	for i := range docs {
		d, err := NewDocument("Doc", fmt.Sprintf("Document %d is short.", i))
		if err != nil {
			t.Fatal(err)
		}
		in.Articles = append(in.Articles, ArticleInput{Document: d})
	}
	for i := range claims {
		in.Claims = append(in.Claims, fmt.Sprintf("Claim %d.", i))
	}
	p, err := NewProject(in)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestOverlapRule: each task goes to exactly k annotators, AnnotatorsOf and
// TasksOf agree, the result recomputes from the documented rule, and the
// load is balanced. Measured over 1,000 tasks with 5 annotators and k = 2
// (400 tasks each expected): the counts are 387, 391, 395, 418 and 409.
func TestOverlapRule(t *testing.T) {
	annotators := []string{"ana", "ben", "cy", "dee", "eli"}
	const k = 2
	p := assignProject(t, 10, 100, annotators, k)
	if len(p.Tasks) != 1000 {
		t.Fatalf("%d tasks", len(p.Tasks))
	}
	got := make(map[string][]string) // task -> annotators, from TasksOf
	counts := make([]int, len(annotators))
	for i, a := range annotators {
		ts := p.TasksOf(a)
		counts[i] = len(ts)
		for _, task := range ts {
			got[task.ID] = append(got[task.ID], a)
		}
	}
	for _, task := range p.Tasks {
		who := p.AnnotatorsOf(task.ID)
		if len(who) != k || fmt.Sprint(who) != fmt.Sprint(got[task.ID]) {
			t.Fatalf("task %s: AnnotatorsOf %v, TasksOf gives %v", task.ID, who, got[task.ID])
		}
		// The rule by hand: the k highest sha256(project\ntask\nannotator).
		ranked := slices.Clone(annotators)
		slices.SortFunc(ranked, func(x, y string) int {
			return -strings.Compare(hexSum(p.ID+"\n"+task.ID+"\n"+x), hexSum(p.ID+"\n"+task.ID+"\n"+y))
		})
		top := ranked[:k]
		slices.SortFunc(top, func(x, y string) int { return slices.Index(annotators, x) - slices.Index(annotators, y) })
		if fmt.Sprint(top) != fmt.Sprint(who) {
			t.Fatalf("task %s: %v, the rule by hand gives %v", task.ID, who, top)
		}
	}
	t.Logf("tasks per annotator over 1,000 tasks, k=2 of 5: %v", counts)
	for i, n := range counts {
		// 400 expected; the binomial standard deviation is about 15.5.
		if n < 340 || n > 460 {
			t.Errorf("%s has %d tasks, want about 400", annotators[i], n)
		}
	}
	again := assignProject(t, 10, 100, annotators, k)
	if fmt.Sprint(again.TasksOf("cy")) != fmt.Sprint(p.TasksOf("cy")) {
		t.Error("the assignment is not deterministic")
	}
}

func TestOverlapEdges(t *testing.T) {
	p := assignProject(t, 2, 3, nil, 0)
	if got := p.TasksOf("anyone"); len(got) != len(p.Tasks) {
		t.Errorf("without annotators TasksOf gives %d tasks, want all %d", len(got), len(p.Tasks))
	}
	if got := p.AnnotatorsOf(p.Tasks[0].ID); got != nil {
		t.Errorf("without annotators AnnotatorsOf = %v, want nil", got)
	}
	p = assignProject(t, 2, 3, []string{"ana", "ben"}, 2)
	if got := p.TasksOf("zoe"); got != nil {
		t.Errorf("an annotator not in the list gets %d tasks, want none", len(got))
	}
	if got := p.TasksOf("Ana"); got != nil {
		t.Error("annotator ids are compared exactly")
	}
	if got := p.TasksOf("ana"); len(got) != len(p.Tasks) {
		t.Errorf("with k = n everyone gets every task; ana gets %d", len(got))
	}
}
