package app

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"stancemark/annotations"
)

// classFiles makes a graded assignment in s (the teacher's highlights as
// key) and n students' handins for it.
func classFiles(t *testing.T, s *session, n int) (*annotations.Assignment, []annotations.NamedFile) {
	t.Helper()
	s.selectRun(0, 1)
	s.run(cmdTag, false, "1")
	a, ok := s.makeAssignment(assignmentInput{Title: "Week 3", Target: s.ws.Scheme().Target, UseKey: true, Mode: annotations.ModeGraded})
	if !ok {
		t.Fatal(s.msg)
	}
	var files []annotations.NamedFile
	for i, e := range annotations.GenerateSubmissions(a, n, 3) {
		var buf bytes.Buffer
		if err := annotations.WriteHandin(&buf, annotations.NewHandin(e, 1, false)); err != nil {
			t.Fatal(err)
		}
		files = append(files, annotations.NamedFile{Name: string(rune('a'+i)) + ".json", Data: buf.Bytes()})
	}
	return a, files
}

// TestDashboardKeptAcrossReload: the class of an assignment is kept in the
// store, compactly, and a new session on the same store opens the dashboard
// on it; a removed file stays removed.
func TestDashboardKeptAcrossReload(t *testing.T) {
	st := newMemoryStore()
	s, _ := newTestSession(t, st)
	a, files := classFiles(t, s, 3)
	s.showDashboard(true)
	s.dashAssignmentID(a.ID)
	s.dashExpect(len(files) + 1)
	for _, f := range files {
		s.dashAdd(f.Name, f.Data, nil)
	}
	s.dashAdd("lost.json", nil, errQuota)
	if r := s.class.report; len(r.Students) != 3 || len(r.Problems) != 1 {
		t.Fatalf("%d students, %d problems", len(r.Students), len(r.Problems))
	}
	stored := st.items[classKey(a.ID)]
	if n := strings.Count(stored, "Kerry"); n > strings.Count(a.Document.Text, "Kerry") {
		t.Errorf("the stored class repeats the article (%d mentions of Kerry)", n)
	}
	s.dashRemove("b.json")

	again, _ := newTestSession(t, st)
	again.reopenDashboard()
	if again.mode != modeDashboard || again.class.report == nil {
		t.Fatalf("a reload does not reopen the dashboard: mode %v", again.mode)
	}
	r := again.class.report
	if len(r.Students) != 2 || len(r.Problems) != 1 || !r.Assignment.HasKey() || r.Problems[0].File != "lost.json" {
		t.Errorf("after a reload: %d students, problems %v, key %v", len(r.Students), r.Problems, r.Assignment.HasKey())
	}
	again.showDashboard(false)
	third, _ := newTestSession(t, st)
	third.reopenDashboard()
	if third.mode == modeDashboard {
		t.Errorf("the dashboard reopens after the teacher went back to annotating")
	}
}

// TestDashboardFullStorage: a class that cannot be kept says so and stays
// loaded in the page.
func TestDashboardFullStorage(t *testing.T) {
	st := newMemoryStore()
	s, _ := newTestSession(t, st)
	a, files := classFiles(t, s, 2)
	s.dashAssignmentID(a.ID)
	st.full = true
	s.dashExpect(1)
	s.dashAdd(files[0].Name, files[0].Data, nil)
	if s.msg.Kind != "error" || !strings.Contains(s.msg.Text, "download the teacher file") {
		t.Errorf("message %+v", s.msg)
	}
	if len(s.class.report.Students) != 1 {
		t.Errorf("the class lost its student when the storage is full")
	}
}

// TestSubmitCountsAttempts: the handins count the attempts and record the
// feedback shown by a practice assignment.
func TestSubmitCountsAttempts(t *testing.T) {
	st := newMemoryStore()
	teacher, _ := newTestSession(t, st)
	teacher.selectRun(0, 1)
	teacher.run(cmdTag, false, "1")
	a, _ := teacher.makeAssignment(assignmentInput{Title: "P", Target: teacher.ws.Scheme().Target, UseKey: true, Mode: annotations.ModePractice})
	s, _ := newTestSession(t, newMemoryStore())
	s.now = func() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }
	s.openAssignment(a)
	s.setStudent("Ana")
	s.submit()
	if r := s.attempts(a.ID); r.Attempts != 1 || !r.FeedbackShown || s.feedback == nil {
		t.Errorf("after a practice submit: %+v, feedback %v", r, s.feedback != nil)
	}
	s.submit()
	if r := s.attempts(a.ID); r.Attempts != 2 {
		t.Errorf("after a second submit: %+v", r)
	}
}
