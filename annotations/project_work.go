package annotations

import (
	"fmt"
	"time"
)

// Working on a project's tasks: the workspace an annotator tags a task in,
// and the TaskWork a workspace becomes in a submission.

// Task returns the task with the id, its document and its claim.
func (p *Project) Task(id string) (Task, *ProjectDocument, Claim, error) {
	x := p.index()
	ti, ok := x.tasks[id]
	if !ok {
		return Task{}, nil, Claim{}, becausef(ErrUnknownTask, "the project %s has no task %q", p.ID, id)
	}
	t := p.Tasks[ti]
	return t, &p.Documents[x.docs[t.Document]], p.Claims[x.claims[t.Claim]], nil
}

// TaskDetails returns the document and the claim of each of tasks, in one
// pass over the project (Task looks one task up at the cost of a pass).
// A task the project does not have gets nil and a zero Claim.
func (p *Project) TaskDetails(tasks []Task) ([]*ProjectDocument, []Claim) {
	x := p.index()
	docs, claims := make([]*ProjectDocument, len(tasks)), make([]Claim, len(tasks))
	for i, t := range tasks {
		if di, ok := x.docs[t.Document]; ok {
			docs[i] = &p.Documents[di]
		}
		if ci, ok := x.claims[t.Claim]; ok {
			claims[i] = p.Claims[ci]
		}
	}
	return docs, claims
}

// TaskWorkspace returns a fresh workspace for the task: its document with
// the project's own sentence boundaries, and the project's labels as the
// active label set with the task's claim as target (the presets stay
// there, unused). Opening a task is not an undo step.
func (p *Project) TaskWorkspace(taskID string) (*Workspace, error) {
	_, pd, claim, err := p.Task(taskID)
	if err != nil {
		return nil, err
	}
	doc, err := pd.Document()
	if err != nil {
		return nil, err
	}
	sc := p.Scheme.clone()
	sc.Target = claim.Text
	w := NewWorkspace(doc)
	if err := w.Import(&Export{Format: FormatV1, Document: pd.ExportDocument(), Scheme: sc}); err != nil {
		return nil, fmt.Errorf("task %s: %w", taskID, err)
	}
	w.ResetHistory()
	return w, nil
}

// TaskWorkFrom is the work of a workspace made by TaskWorkspace (or
// restored onto its document) as it goes into a submission: the
// highlights of the project's label set, with done, overall and active
// time as given.
func (p *Project) TaskWorkFrom(taskID string, w *Workspace, done bool, overall string, activeMillis int64) TaskWork {
	var hs []Annotation
	if w != nil {
		active := w.Scheme().ID
		if active != p.Scheme.ID {
			_ = w.SelectScheme(p.Scheme.ID) // a restored workspace always has it
		}
		for _, a := range w.Annotations() {
			hs = append(hs, a.clone())
		}
		if active != p.Scheme.ID {
			_ = w.SelectScheme(active)
		}
	}
	return TaskWork{Task: taskID, Annotations: hs, Overall: overall, Done: done, ActiveMillis: activeMillis}
}

// NewSubmission is annotator's submission of works (one per task with
// work, in the project's task order) at the time given.
func (p *Project) NewSubmission(annotator string, works []TaskWork, at time.Time) *ProjectSubmission {
	x := p.index()
	ordered := make([]TaskWork, 0, len(works))
	byTask := make(map[int]TaskWork, len(works))
	for _, w := range works {
		if ti, ok := x.tasks[w.Task]; ok && w.HasWork() {
			byTask[ti] = w
		}
	}
	for ti := range p.Tasks {
		if w, ok := byTask[ti]; ok {
			ordered = append(ordered, w)
		}
	}
	return &ProjectSubmission{
		Project: p.ID, ProjectHash: p.Hash, Annotator: annotator,
		Submitted: at.UTC().Format("2006-01-02T15:04:05.000Z07:00"), Tasks: ordered,
	}
}
