package app

import (
	"bytes"
	"fmt"
	"slices"

	"stancemark/annotations"
)

// A research project open in the browser: its task queue, one task at a
// time, each task's work saved on its own, and the annotator's submission.

// projectMode is an open project and the annotator's place in it.
type projectMode struct {
	p         *annotations.Project
	annotator string                             // who works on it ("" when the project lists no annotators)
	tasks     []annotations.Task                 // the annotator's tasks, in the project's order
	docs      []*annotations.ProjectDocument     // the document of each of tasks
	claims    []annotations.Claim                // the claim of each of tasks
	current   int                                // index into tasks
	done      map[string]bool                    // task ids marked done
	overall   map[string]string                  // task id → the overall stance label, when the project asks for one
	changed   map[string]int64                   // task id → when its done flag or overall stance last changed (Unix ms)
	active    map[string]annotations.ActiveSpans // task id → its active time recorded so far (see annotations.ActivityClock)
	clock     annotations.ActivityClock          // this tab's active time on the task on screen
	onlyOpen  bool                               // the queue lists and walks the tasks not done only
}

// task is the task on screen.
func (pm *projectMode) task() annotations.Task { return pm.tasks[pm.current] }

// openProject opens a project file: it is kept in this browser, and the
// annotator continues where they left it (the first task the first time).
func (s *session) openProject(p *annotations.Project) {
	if s.project != nil && s.project.p.Hash == p.Hash { // a reload of ?src= finds it reopened from IndexedDB
		s.projectFile = nil
		s.setInfo("The project %q is already open.", p.Title)
		s.refresh()
		return
	}
	s.startProject(p, s.loadProjectState(p.ID))
	if s.project == nil {
		s.projectFile = nil
		return
	}
	s.next(func() { // after the first task is on screen: keeping a large file takes a moment
		s.storeProject(p, func(err error) {
			if err != nil {
				s.setError("The project could not be kept in this browser (%v): it is open in this tab only, and your work on its tasks is saved; download your submission before closing the tab, or open the project's file again.", err)
				s.refresh()
			}
		})
	})
}

// reopenProject opens a project kept in this browser (after a reload).
func (s *session) reopenProject(id string) {
	before := s.doc
	s.storedProject(id, func(p *annotations.Project, err error) { // asynchronous (IndexedDB)
		if s.doc != before || s.project != nil {
			return // something else was opened meanwhile
		}
		if err != nil {
			s.fail("The project you had open could not be reopened (%v); the bundled article is shown.", err)
			return
		}
		s.startProject(p, s.loadProjectState(id))
		s.clearMessage()
		s.refresh()
	})
}

// startProject shows the annotator's current task of p.
func (s *session) startProject(p *annotations.Project, st projectProgress) {
	annotator := st.Annotator
	if slices.Contains(p.Annotators, s.annotatorParam) {
		annotator = s.annotatorParam // ?annotator=ID, once: choosing another name in the panel wins
	}
	s.annotatorParam = ""
	if len(p.Annotators) > 0 && !slices.Contains(p.Annotators, annotator) {
		annotator = p.Annotators[0] // until they choose their name in the panel
	}
	tasks := p.TasksOf(annotator)
	if len(tasks) == 0 {
		s.fail("The project %q has no task for %s.", p.Title, orAnyone(annotator))
		return
	}
	pm := &projectMode{p: p, annotator: annotator, tasks: tasks}
	pm.clock.Idle = int64(p.Options.IdleSeconds) * 1000
	pm.docs, pm.claims = p.TaskDetails(tasks) // once: the panel shows them on every render
	pm.take(st)
	for i, t := range tasks {
		if t.ID == st.Current {
			pm.current = i
		}
	}
	if !s.showTask(pm, pm.current) {
		return
	}
	s.setInfo("Project %q: %s for %s.", p.Title, plural(len(tasks), "task"), orAnyone(annotator))
	s.refresh()
}

// orAnyone names an annotator, or says the project has no list of them.
func orAnyone(annotator string) string {
	if annotator == "" {
		return "every annotator"
	}
	return annotator
}

// showTask opens task i of pm with its saved work.
func (s *session) showTask(pm *projectMode, i int) bool {
	ws, err := pm.p.TaskWorkspace(pm.tasks[i].ID)
	if err != nil {
		s.fail("Opening task %d failed: %v.", i+1, err)
		return false
	}
	s.flush() // the previous task's save, under its own key
	now := s.nowMillis()
	if s.project == pm {
		if x, ok := pm.clock.Stop(now); ok {
			pm.record(pm.task().ID, x) // the time so far was the previous task's
		}
	}
	pm.current = i
	pm.clock.Input(now) // opening a task is an input on it
	s.load(ws.Doc, ws, nil, pm)
	s.ws.Annotator = s.project.annotator
	_ = s.rememberCurrent(projectCurrent + pm.p.ID)
	if err := s.saveProjectState(pm.p.ID, pm.progress(s.nowMillis())); err != nil {
		s.setError("Remembering your place in the project failed: %v.", err)
	}
	s.docChanged()
	return true
}

// moveTask goes to the next (+1) or previous (-1) task; with the "not
// done" filter on, to the next or previous task not done.
func (s *session) moveTask(by int) {
	pm := s.project
	if pm == nil {
		return
	}
	i := pm.step(pm.current, by)
	if i < 0 {
		which := map[bool]string{true: "next", false: "previous"}[by > 0]
		if pm.onlyOpen {
			which += " not-done"
		}
		s.announce("No %s task.", which)
		s.refresh()
		return
	}
	s.goToTask(i)
}

// step is the task |by| steps from i in by's direction (skipping done tasks
// when the filter is on), or -1 when there is none.
func (pm *projectMode) step(i, by int) int {
	dir := 1
	if by < 0 {
		dir, by = -1, -by
	}
	for ; by > 0; by-- {
		i += dir
		for pm.onlyOpen && i >= 0 && i < len(pm.tasks) && pm.done[pm.tasks[i].ID] {
			i += dir
		}
		if i < 0 || i >= len(pm.tasks) {
			return -1
		}
	}
	return i
}

// goToTask shows task i of the queue.
func (s *session) goToTask(i int) {
	pm := s.project
	if s.showTask(pm, i) {
		s.clearMessage()
		s.announce("Task %d of %d.", i+1, len(pm.tasks))
	}
}

// toggleOnlyOpen turns the "not done" filter of the queue on or off.
func (s *session) toggleOnlyOpen() {
	pm := s.project
	if pm == nil {
		return
	}
	pm.onlyOpen = !pm.onlyOpen
	s.keepProjectProgress()
	if pm.onlyOpen {
		s.announce("Showing the tasks not done.")
	} else {
		s.announce("Showing every task.")
	}
	s.refresh()
}

// chooseTask goes to the task with the id.
func (s *session) chooseTask(id string) {
	pm := s.project
	if pm == nil {
		return
	}
	for i, t := range pm.tasks {
		if t.ID == id && i != pm.current {
			s.goToTask(i)
			return
		}
	}
}

// toggleDone marks the task on screen done, or not done again.
func (s *session) toggleDone() {
	pm := s.project
	if pm == nil {
		return
	}
	id := pm.task().ID
	if !pm.done[id] && pm.p.Options.OverallStance && pm.overall[id] == "" {
		s.fail("Give the article's overall stance toward the claim first: this project asks for one per task.")
		return
	}
	pm.done[id] = !pm.done[id]
	pm.changed[id] = s.nowMillis()
	if err := s.saveProjectState(pm.p.ID, pm.progress(s.nowMillis())); err != nil {
		s.setError("Remembering that the task is done failed: %v.", err)
	}
	if pm.done[id] {
		s.announce("Task %d done.", pm.current+1)
	} else {
		s.announce("Task %d not done.", pm.current+1)
	}
	s.refresh()
}

// taskState is "done", "in progress" (some work or active time) or "not
// started".
func (s *session) taskState(pm *projectMode, t annotations.Task) string {
	switch {
	case pm.done[t.ID]:
		return "done"
	case t.ID == pm.task().ID && len(s.ws.Annotations()) > 0:
		return "in progress"
	}
	if s.hasTaskWork(pm.p.ID, t.ID) || len(pm.active[t.ID]) > 0 || t.ID == pm.task().ID && pm.clock.Running() {
		return "in progress" // as in project stats: work saved, or time spent on it
	}
	return "not started"
}

// submission is the annotator's work on every task, as a file.
func (s *session) submission() (*annotations.ProjectSubmission, error) {
	pm := s.project
	s.flush()
	now := s.nowMillis()
	var works []annotations.TaskWork
	for _, t := range pm.tasks {
		ws, err := s.taskWork(pm.p, t.ID)
		if err != nil {
			return nil, fmt.Errorf("the saved work on task %s could not be read: %w", t.ID, err)
		}
		if t.ID == pm.task().ID {
			ws = s.ws
		}
		works = append(works, pm.p.TaskWorkFrom(t.ID, ws, pm.done[t.ID], pm.overall[t.ID], pm.activeOf(t.ID, now).Millis()))
	}
	name := pm.annotator
	if name == "" {
		name = s.annotator
	}
	if name == "" {
		return nil, fmt.Errorf("type your name in the toolbar first: a submission says whose work it is")
	}
	return pm.p.NewSubmission(name, works, s.now()), nil
}

// downloadSubmission downloads the annotator's submission.
func (s *session) downloadSubmission() {
	if s.project == nil {
		return
	}
	sub, err := s.submission()
	var buf bytes.Buffer
	if err == nil {
		err = annotations.WriteSubmission(&buf, sub)
	}
	if err != nil {
		s.fail("Making the submission failed: %v.", err)
		return
	}
	name := slug(s.project.p.Title) + "-" + annotations.Slug(sub.Annotator, 48, 0, "annotator") + ".submission.json"
	download(name, "application/json", buf.Bytes())
	s.setInfo("Your work on %s was saved as %s.", plural(len(sub.Tasks), "task"), name)
	s.refresh()
}

// openSubmission brings an annotator's submission back into the project
// it was made on (kept in this browser), to go on with the work.
func (s *session) openSubmission(name string, sub *annotations.ProjectSubmission) {
	s.flush() // a save still waiting must not land on top of the submission's work
	s.storedProject(sub.Project, func(p *annotations.Project, err error) { s.openSubmissionOn(p, err, name, sub) })
}

// openSubmissionOn brings the submission into p, its project read back.
func (s *session) openSubmissionOn(p *annotations.Project, err error, name string, sub *annotations.ProjectSubmission) {
	if err == nil {
		err = p.CheckSubmission(sub)
	}
	if err != nil {
		s.fail("Opening the submission %s failed, nothing was changed: %v", name, err)
		return
	}
	st := s.loadProjectState(p.ID)
	st.Annotator = sub.Annotator
	for _, w := range sub.Tasks {
		ws, err := p.TaskWorkspace(w.Task)
		if err == nil {
			_, pd, claim, _ := p.Task(w.Task)
			sc := p.Scheme
			sc.Target = claim.Text
			err = ws.Import(&annotations.Export{Format: annotations.FormatV1, Annotator: annotations.ExportAnnotator{Name: sub.Annotator},
				Document: pd.ExportDocument(), Scheme: sc, Annotations: w.Annotations})
		}
		if err == nil {
			err = s.storeTaskWork(p.ID, w.Task, ws)
		}
		if err != nil {
			s.fail("Opening the submission %s failed at task %s: %v", name, w.Task, err)
			return
		}
		if w.Done && !slices.Contains(st.Done, w.Task) {
			st.Done = append(st.Done, w.Task)
		}
		if w.Overall != "" {
			st.Overall = setIn(st.Overall, w.Task, w.Overall)
		}
		if w.ActiveMillis > st.Active[w.Task].Millis() {
			// a submission holds each task's total, not its intervals: the
			// larger of the two totals is kept, as one span at the epoch
			st.Active = setIn(st.Active, w.Task, annotations.ActiveSpans{{Start: 0, End: w.ActiveMillis}})
		}
	}
	s.keepSubmission(sub) // for the project's dataset (dataset_download.go)
	s.project = nil       // the tasks are read again from what was just stored
	s.startProject(p, st)
	if s.project != nil {
		s.setInfo("Opened %s: %s of %q by %s, ready to go on.", name, plural(len(sub.Tasks), "task"), p.Title, sub.Annotator)
		s.refresh()
	}
}

// leaveProject goes back to one's own documents; the project's work stays saved.
func (s *session) leaveProject() {
	if s.project == nil {
		return
	}
	b, err := bundledDocument()
	if err != nil {
		return
	}
	s.switchTo(b, bundledTarget())
}

// chooseProjectAnnotator switches the project to another annotator of its
// list, and so to their tasks.
func (s *session) chooseProjectAnnotator(name string) {
	pm := s.project
	if pm == nil || name == pm.annotator || !slices.Contains(pm.p.Annotators, name) {
		return
	}
	s.flush()
	s.annotatorParam = "" // the name chosen here beats the link's
	st := pm.progress(s.nowMillis())
	st.Annotator, st.Current = name, ""
	s.startProject(pm.p, st)
}

// setOverall gives the overall stance of the task on screen ("" takes it back).
func (s *session) setOverall(label string) {
	pm := s.project
	if pm == nil || !pm.p.Options.OverallStance {
		return
	}
	id := pm.task().ID
	if label == "" {
		delete(pm.overall, id)
	} else if _, ok := pm.p.Scheme.Label(label); ok {
		pm.overall[id] = label
	} else {
		return
	}
	pm.changed[id] = s.nowMillis()
	if err := s.saveProjectState(pm.p.ID, pm.progress(s.nowMillis())); err != nil {
		s.setError("Remembering the overall stance failed: %v.", err)
	}
	s.announce("Overall stance: %s.", orNone(pm.p.Scheme, label))
	s.refresh()
}

// orNone is a label's name, or "not given".
func orNone(sc annotations.Scheme, label string) string {
	if l, ok := sc.Label(label); ok {
		return l.Name
	}
	return "not given"
}
