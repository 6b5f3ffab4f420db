package app

import (
	"encoding/json"
	"testing"
	"time"
)

// clockAt makes s's clock read the time t0 + the offset *at.
func clockAt(s *session, at *time.Duration) {
	t0 := time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return t0.Add(*at) }
}

// Active time per task: inputs 10 s apart count, an idle pause counts up to
// the threshold, hiding the tab stops it, and the submission carries it;
// it survives a reload.
func TestProjectActiveTime(t *testing.T) {
	st := newMemoryStore()
	s, _ := newTestSession(t, st)
	var at time.Duration
	clockAt(s, &at)
	proj := testProject(t)
	s.annotatorParam = "ana"
	s.openProject(proj) // opening the task is an input at 0 s
	first := s.project.task().ID
	for _, sec := range []int{10, 20, 30} {
		at = time.Duration(sec) * time.Second
		s.activityInput()
	}
	at = 10 * time.Minute // away for 9.5 minutes: 60 s of it counts
	s.activityInput()
	at = 10*time.Minute + 5*time.Second
	s.activityStopped() // the tab is hidden
	at = 20 * time.Minute
	s.activityStopped() // hidden still: no time
	s.activityInput()   // back on the task
	at = 20*time.Minute + 15*time.Second
	s.run(cmdNextTask, false, "]") // 15 s more on task 1, then task 2 starts
	second := s.project.task().ID
	at = 20*time.Minute + 45*time.Second
	s.activityInput()

	want1 := (30 + 60 + 5 + 15) * int64(time.Second/time.Millisecond)
	sub, err := s.submission()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int64{}
	for _, w := range sub.Tasks {
		got[w.Task] = w.ActiveMillis
	}
	if got[first] != want1 || got[second] != 30_000 {
		t.Fatalf("active time %v, want %s %d ms and %s 30000 ms", got, first, want1, second)
	}

	s.activityStopped()
	again, _ := newTestSession(t, st)
	clockAt(again, &at)
	again.loadLibrary()
	again.openCurrent()
	if ms := again.project.activeOf(first, at.Milliseconds()).Millis(); ms != want1 {
		t.Errorf("after a reload task 1 has %d ms, want %d", ms, want1)
	}
}

// Two tabs on one project: each tab's done flags and overall stances reach
// the other (the later change wins per task), and time spent on the same
// task in both tabs at once counts once, not twice.
func TestProjectProgressAcrossTabs(t *testing.T) {
	st := newMemoryStore()
	proj := testProject(t)
	var at time.Duration
	open := func() *session {
		s, _ := newTestSession(t, st)
		clockAt(s, &at)
		s.annotatorParam = "ana"
		s.openProject(proj)
		return s
	}
	a := open()
	b := open()
	task := a.project.task().ID
	// both tabs on task 1 from 0 to 40 s: a's inputs at 0 and 40 s, b's at 20 and 40 s
	at = 20 * time.Second
	b.activityInput()
	at = 40 * time.Second
	a.activityInput()
	b.activityInput()
	a.toggleDone() // a marks task 1 done at 40 s
	deliver := func(to *session) {
		to.otherTabSaved(projectStateKey(proj.ID), st.items[projectStateKey(proj.ID)])
	}
	deliver(b)
	if !b.project.done[task] {
		t.Fatal("the other tab does not see task 1 done")
	}
	at = 50 * time.Second
	a.activityStopped()
	deliver(b)
	b.activityStopped()
	deliver(a)
	for name, s := range map[string]*session{"a": a, "b": b} {
		if ms := s.project.activeOf(task, at.Milliseconds()).Millis(); ms != 50_000 {
			t.Errorf("tab %s counts %d ms on task 1, want 50000 (the tabs' time merged, not added)", name, ms)
		}
	}
	// b takes it back later: the later change wins in a too
	at = time.Minute
	b.toggleDone()
	deliver(a)
	if a.project.done[task] {
		t.Error("the later 'not done' of the other tab lost")
	}
	var kept projectProgress
	if err := json.Unmarshal([]byte(st.items[projectStateKey(proj.ID)]), &kept); err != nil {
		t.Fatal(err)
	}
	if len(kept.Done) != 0 || kept.Active[task].Millis() != 50_000 {
		t.Errorf("the stored state %+v", kept)
	}
}

// State saved by the previous build (no changed stamps, no active time)
// reads as it was.
func TestProjectProgressFromEarlierBuild(t *testing.T) {
	st := newMemoryStore()
	proj := testProject(t)
	s, _ := newTestSession(t, st)
	var stored error
	s.storeProject(proj, func(err error) { stored = err })
	if stored != nil {
		t.Fatal(stored)
	}
	tasks := proj.TasksOf("ana")
	st.items[projectStateKey(proj.ID)] = `{"annotator":"ana","current":"` + tasks[1].ID + `","done":["` + tasks[0].ID + `"]}`
	st.items[keyCurrent] = projectCurrent + proj.ID
	s.openCurrent()
	if s.project == nil || s.project.task().ID != tasks[1].ID || !s.project.done[tasks[0].ID] {
		t.Fatalf("the earlier state did not restore: %+v", s.project)
	}
	if ms := s.project.activeOf(tasks[0].ID, 0).Millis(); ms != 0 {
		t.Errorf("active time from nowhere: %d", ms)
	}
}

// The "not done" filter: ] and [ skip done tasks, the list shows only the
// tasks not done (and the one on screen), and the choice survives a reload.
func TestProjectNotDoneFilter(t *testing.T) {
	st := newMemoryStore()
	s, _ := newTestSession(t, st)
	proj := testProject(t)
	s.annotatorParam = "bob"
	s.openProject(proj)
	tasks := s.project.tasks
	s.moveTask(1)
	s.toggleDone() // task 2 done
	s.moveTask(-1)
	s.toggleOnlyOpen()
	s.run(cmdNextTask, false, "]")
	if got := s.project.task().ID; got != tasks[2].ID {
		t.Fatalf("] with the filter went to %s, want task 3 (%s): task 2 is done", got, tasks[2].ID)
	}
	items, done := projectItems(s)
	var listed []int
	for _, it := range items {
		listed = append(listed, it.Number)
	}
	if done != 1 || len(listed) != 3 || listed[0] != 1 || listed[1] != 3 || listed[2] != 4 {
		t.Errorf("listed tasks %v (done %d), want 1 3 4", listed, done)
	}
	s.run(cmdPrevTask, false, "[")
	if got := s.project.task().ID; got != tasks[0].ID {
		t.Fatalf("[ with the filter went to %s, want task 1", got)
	}
	s.toggleOnlyOpen()
	s.run(cmdNextTask, false, "]")
	if got := s.project.task().ID; got != tasks[1].ID {
		t.Fatalf("] without the filter went to %s, want task 2", got)
	}
	s.toggleOnlyOpen()
	again, _ := newTestSession(t, st)
	again.loadLibrary()
	again.openCurrent()
	if !again.project.onlyOpen {
		t.Error("the filter was forgotten on reload")
	}
}
