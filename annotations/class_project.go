package annotations

import (
	"bytes"
	"cmp"
	"time"
)

// An assignment is a one-task project: its article is the project's one
// document, its claim the one claim (an assignment without a claim is
// judged against its title), its instructions the codebook's guidelines.
// A student's work can therefore arrive as a stancemark-submission/v1 of
// that project as well as the stancemark/v1 export the app's Submit writes;
// the class reads both alike.

// Project is the assignment as a one-task project. Its id and hash derive
// from the assignment's content, so anyone gets the same project from the
// same assignment.
func (a *Assignment) Project() (*Project, error) {
	doc, err := a.Doc()
	if err != nil {
		return nil, err
	}
	title := cmp.Or(trimSpace(a.Title), trimSpace(doc.Title), a.ID)
	return NewProject(ProjectInput{
		Title:    title,
		Scheme:   a.Scheme,
		Articles: []ArticleInput{{Key: a.ID, Document: doc}},
		Claims:   []string{cmp.Or(trimSpace(a.Scheme.Target), title)},
		Codebook: Codebook{Guidelines: trimSpace(a.Instructions)},
	})
}

// submissionExport is a project submission for the assignment as the
// stancemark/v1 submission it stands for: the student, their highlights on
// the one task, the time submitted.
func (a *Assignment) submissionExport(sub *ProjectSubmission) (*Export, error) {
	p, err := a.Project()
	if err != nil {
		return nil, err
	}
	if sub.Project != p.ID {
		return nil, becausef(ErrOtherAssignment, "this submission is for the project %s, not for the assignment %q (as a project: %s)", sub.Project, a.displayTitle(), p.ID)
	}
	if err := p.CheckSubmission(sub); err != nil {
		return nil, err
	}
	at, err := time.Parse(time.RFC3339, sub.Submitted)
	if err != nil {
		return nil, becausef(ErrBadTime, "submitted: %q", sub.Submitted)
	}
	e := &Export{Format: FormatV1, Exported: at, Assignment: a.ID, Annotator: ExportAnnotator{Name: sub.Annotator},
		Document: a.Document, Scheme: a.Scheme, Annotations: []Annotation{}}
	for _, w := range sub.Tasks {
		e.Annotations = append(e.Annotations, w.Annotations...)
	}
	return e, nil
}

// readClassFile reads a student's file: a stancemark-handin/v1 (what
// Submit writes), a stancemark/v1 export, or a stancemark-submission/v1 of
// the assignment as a project. The last two read as a first attempt made
// before any feedback.
func (a *Assignment) readClassFile(data []byte) (*Handin, error) {
	if isHandin(data) {
		return ReadHandin(bytes.NewReader(data))
	}
	var e *Export
	var err error
	if openedKindOf(data) == OpenedSubmission {
		var sub *ProjectSubmission
		if sub, err = ReadSubmission(bytes.NewReader(data)); err == nil {
			e, err = a.submissionExport(sub)
		}
	} else {
		e, err = ReadExport(bytes.NewReader(data))
	}
	if err != nil {
		return nil, err
	}
	return NewHandin(e, 0, false), nil
}
