package annotations

import (
	"fmt"
	"time"
)

// ProjectStats is how far a project's annotators have come, from their
// submissions (see Project.Stats).
type ProjectStats struct {
	Annotators []AnnotatorStats // the project's annotators in order, then others who submitted
	Tasks      []TaskStats      // one per task, in project order
}

// AnnotatorStats is one annotator's progress.
type AnnotatorStats struct {
	Annotator    string
	Submitted    string // the submission's time; "" when the annotator sent none
	Assigned     int    // the tasks assigned (Project.TasksOf with Annotators and Overlap, else every task)
	Done         int    // tasks marked done (assigned or not)
	InProgress   int    // tasks with work (TaskWork.HasWork) not marked done
	Untouched    int    // assigned tasks without work
	ActiveMillis int64  // active time over every task, in milliseconds
}

// TaskStats is one task's progress.
type TaskStats struct {
	Task     string
	Assigned int // annotators the task is assigned to (every annotator when the project assigns none)
	Done     int // annotators who marked it done
}

// Stats returns the progress of p's annotators from their submissions.
// Every submission must pass p.CheckSubmission; the first that does not is
// the error ("submission 2: …"). When an annotator has several
// submissions, the last submitted (by Submitted, then by order) counts.
// Stats is a pure function of p and subs.
func (p *Project) Stats(subs []*ProjectSubmission) (*ProjectStats, error) {
	latest := map[string]*ProjectSubmission{}
	var order []string
	for i, s := range subs {
		if err := p.CheckSubmission(s); err != nil {
			return nil, fmt.Errorf("submission %d: %w", i+1, err)
		}
		prev, ok := latest[s.Annotator]
		if !ok {
			order = append(order, s.Annotator)
		}
		if !ok || !submittedBefore(s, prev) {
			latest[s.Annotator] = s
		}
	}
	listed := map[string]bool{}
	var names []string
	for _, a := range p.Annotators {
		if !listed[a] {
			listed[a] = true
			names = append(names, a)
		}
	}
	for _, a := range order {
		if !listed[a] {
			names = append(names, a)
		}
	}
	assigns := len(p.Annotators) > 0 && p.Overlap > 0
	x := p.index()
	st := &ProjectStats{Tasks: make([]TaskStats, len(p.Tasks))}
	for i, t := range p.Tasks {
		st.Tasks[i].Task = t.ID
		if !assigns {
			st.Tasks[i].Assigned = len(names)
		}
	}
	for _, name := range names {
		as := AnnotatorStats{Annotator: name}
		var assigned []int // task indexes
		switch {
		case !assigns:
			assigned = make([]int, len(p.Tasks))
			for i := range assigned {
				assigned[i] = i
			}
		case listed[name]:
			for _, t := range p.TasksOf(name) {
				if ti, ok := x.tasks[t.ID]; ok {
					assigned = append(assigned, ti)
					st.Tasks[ti].Assigned++
				}
			}
		}
		as.Assigned = len(assigned)
		worked := map[int]bool{}
		if s := latest[name]; s != nil {
			as.Submitted = s.Submitted
			for _, w := range s.Tasks {
				if !w.HasWork() {
					continue
				}
				ti := x.tasks[w.Task]
				worked[ti] = true
				as.ActiveMillis += w.ActiveMillis
				if w.Done {
					as.Done++
					st.Tasks[ti].Done++
				} else {
					as.InProgress++
				}
			}
		}
		for _, ti := range assigned {
			if !worked[ti] {
				as.Untouched++
			}
		}
		st.Annotators = append(st.Annotators, as)
	}
	return st, nil
}

// submittedBefore reports whether a was submitted before b (times that do
// not parse count as the earliest).
func submittedBefore(a, b *ProjectSubmission) bool {
	ta, errA := time.Parse(time.RFC3339, a.Submitted)
	tb, errB := time.Parse(time.RFC3339, b.Submitted)
	switch {
	case errA != nil:
		return errB == nil
	case errB != nil:
		return false
	}
	return ta.Before(tb)
}
