package app

import (
	"bytes"
	"strings"
	"testing"

	"stancemark/annotations"
)

// testProject is a project of two articles judged against two claims, for
// the annotators ana and bob who each get every task.
func testProject(t *testing.T) *annotations.Project {
	t.Helper()
	doc := func(src string) *annotations.Document {
		d, err := annotations.ParsePlainText(src)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	p, err := annotations.NewProject(annotations.ProjectInput{
		Title:  "Harbour study",
		Scheme: annotations.Presets()[1],
		Articles: []annotations.ArticleInput{
			{Key: "1", Document: doc("Harbour plan\n\nThe port approved the plan. Fishermen objected.\n\nThe vote was close.")},
			{Key: "2", Document: doc("Bridge repairs\n\nThe bridge closes in May. Drivers must detour.")},
		},
		Claims:     []string{"The harbour plan was approved.", "The bridge stays open."},
		Annotators: []string{"ana", "bob"},
		Overlap:    2,
	})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestProjectTasksKeepTheirWork(t *testing.T) {
	st := newMemoryStore()
	s, p := newTestSession(t, st)
	proj := testProject(t)
	s.annotatorParam = "bob"
	s.openProject(proj)
	if s.project == nil || s.project.annotator != "bob" || len(s.project.tasks) != 4 {
		t.Fatalf("project mode %+v, want bob's 4 tasks", s.project)
	}
	first := s.project.task()
	if s.ws.Scheme().Target != "The harbour plan was approved." || s.doc.Title != "Harbour plan" {
		t.Fatalf("task 1 shows %q against %q", s.doc.Title, s.ws.Scheme().Target)
	}
	s.clickSentence(0, false)
	s.tagKey("1")
	s.toggleDone()
	s.moveTask(1)
	if s.project.current != 1 || firstLabels(p, 1) != "-" {
		t.Fatalf("task 2: current %d, labels %q", s.project.current, labels(p))
	}
	s.clickSentence(1, false)
	s.tagKey("2")
	s.run(cmdPrevTask, false, "[")
	if s.project.task().ID != first.ID || firstLabels(p, 1) != "agree" {
		t.Fatalf("back on task 1: %s, labels %q", s.project.task().ID, labels(p))
	}
	if _, ok := st.items[workKey(s.doc.ID)]; ok {
		t.Error("a task's work was saved as the document's own work")
	}
	if _, ok := st.items[projectTaskKey(proj.ID, first.ID)]; !ok {
		t.Error("task 1's work is not saved under its task")
	}

	// a reload: the same store, a new session
	again, p2 := newTestSession(t, st)
	again.loadLibrary()
	again.openCurrent()
	if again.project == nil || again.project.task().ID != first.ID || firstLabels(p2, 1) != "agree" || !again.project.done[first.ID] {
		t.Fatalf("after a reload: project %+v, labels %q", again.project, labels(p2))
	}
	for _, e := range again.library.entries {
		if e.ID == again.doc.ID {
			t.Errorf("the task's article %q went into the library", e.Title)
		}
	}

	sub, err := again.submission()
	if err != nil {
		t.Fatal(err)
	}
	if err := proj.CheckSubmission(sub); err != nil {
		t.Fatalf("the submission is refused: %v", err)
	}
	if sub.Annotator != "bob" || len(sub.Tasks) != 2 || !sub.Tasks[0].Done || sub.Tasks[1].Annotations[0].Label != "disagree" {
		t.Fatalf("submission %+v", sub)
	}

	// the submission opened in a fresh browser that has the project
	var buf bytes.Buffer
	if err := annotations.WriteSubmission(&buf, sub); err != nil {
		t.Fatal(err)
	}
	fresh, p3 := newTestSession(t, newMemoryStore())
	fresh.openProject(proj)
	o, err := annotations.Open("bob.submission.json", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	fresh.openSubmission("bob.submission.json", o.Submission)
	if fresh.project == nil || fresh.project.annotator != "bob" || !fresh.project.done[first.ID] || firstLabels(p3, 1) != "agree" {
		t.Fatalf("the submission did not come back: %+v, labels %q, message %+v", fresh.project, labels(p3), fresh.msg)
	}

	// choosing another name in the panel beats the link's ?annotator=
	fresh.annotatorParam = "bob"
	fresh.chooseProjectAnnotator("ana")
	if fresh.project.annotator != "ana" {
		t.Errorf("chose ana, works as %q", fresh.project.annotator)
	}

	// leaving goes back to one's own documents
	fresh.leaveProject()
	if fresh.project != nil || fresh.doc.ID != mustBundled(t).ID {
		t.Errorf("after leaving: project %v, document %q", fresh.project != nil, fresh.doc.Title)
	}
}

func TestProjectSubmissionOfAnotherProjectIsRefused(t *testing.T) {
	s, _ := newTestSession(t, newMemoryStore())
	proj := testProject(t)
	s.openProject(proj)
	sub := proj.NewSubmission("ana", nil, s.now())
	sub.Project = "p0000000000000000"
	s.openSubmission("other.json", sub)
	if s.msg.Kind != "error" || !strings.Contains(s.msg.Text, "other.json") || !strings.Contains(s.msg.Text, "nothing was changed") {
		t.Errorf("message %+v", s.msg)
	}
	if s.project == nil || s.project.annotator != "ana" {
		t.Errorf("the open project changed: %+v", s.project)
	}
}

func TestProjectOverallStance(t *testing.T) {
	s, _ := newTestSession(t, newMemoryStore())
	proj := testProject(t)
	proj.Options.OverallStance = true
	s.openProject(proj)
	s.toggleDone()
	if s.project.done[s.project.task().ID] || s.msg.Kind != "error" || !strings.Contains(s.msg.Text, "overall stance") {
		t.Fatalf("done without an overall stance: done %v, message %+v", s.project.done, s.msg)
	}
	s.setOverall("disagree")
	s.toggleDone()
	s.setOverall("no such label")
	sub, err := s.submission()
	if err != nil {
		t.Fatal(err)
	}
	if err := proj.CheckSubmission(sub); err != nil {
		t.Fatalf("refused: %v", err)
	}
	if len(sub.Tasks) != 1 || sub.Tasks[0].Overall != "disagree" || !sub.Tasks[0].Done {
		t.Fatalf("submission tasks %+v", sub.Tasks)
	}
	// the stance is kept with the annotator's place
	again, _ := newTestSession(t, s.store.(*memoryStore))
	again.openCurrent()
	if again.project == nil || again.project.overall[again.project.task().ID] != "disagree" {
		t.Errorf("after a reload the overall stance is %v", again.project)
	}
}
