package annotations

import "time"

// This file is the student's side of an Assignment: a workspace to work in,
// the submission made from it, and the names of the files.

// NewWorkspace returns a student's workspace for a: on a's document, with
// a's scheme added (or replacing the preset of the same id) and active, no
// highlight and no undo step.
func (a *Assignment) NewWorkspace() (*Workspace, error) {
	doc, err := a.Doc()
	if err != nil {
		return nil, err
	}
	w := NewWorkspace(doc)
	if err := w.Import(&Export{Format: FormatV1, Document: a.Document, Scheme: a.Scheme.clone()}); err != nil {
		return nil, err
	}
	w.ResetHistory()
	return w, nil
}

// KeyExport returns a's key as a native export by the annotator "key", for
// the exports and agreement functions that take exports.
func (a *Assignment) KeyExport() *Export {
	as := make([]Annotation, len(a.Key))
	for i, h := range a.Key {
		as[i] = h.clone()
	}
	return &Export{
		Format: FormatV1, Assignment: a.ID, Annotator: ExportAnnotator{Name: "key"},
		Document: a.Document, Scheme: a.Scheme.clone(), Annotations: as,
	}
}

// Submission returns a student's submission from w: a native export, made
// at the given time, of w's highlights under a's scheme (by id), with
// Assignment set to a.ID and the annotator named student. The student's
// workspace should come from a.NewWorkspace.
func (a *Assignment) Submission(w *Workspace, student string, at time.Time) *Export {
	scheme := a.Scheme.clone()
	for _, s := range w.Schemes() {
		if s.ID == a.Scheme.ID {
			scheme = s
		}
	}
	set := w.AnnotationsFor(a.Scheme.ID)
	as := make([]Annotation, len(set))
	for i, h := range set {
		as[i] = h.clone()
		as[i].Annotator = student
	}
	return &Export{
		Format: FormatV1, Exported: at.UTC().Truncate(time.Millisecond), Assignment: a.ID,
		Annotator: ExportAnnotator{Name: student}, Document: w.Doc.ExportDocument(),
		Scheme: scheme, Annotations: as,
	}
}

// AssignmentFileName returns the file name of a's download:
// "<slug of the title, else of the id>.assignment.json".
func AssignmentFileName(a *Assignment) string {
	name := a.Title
	if Slug(name, maxSlug, 0, "") == "" {
		name = a.ID
	}
	return Slug(name, maxSlug, 0, "assignment") + ".assignment.json"
}

// SubmissionFileName returns the file name of student's submission for a:
// SubmissionFileName of a's title (else its id) and student.
func (a *Assignment) SubmissionFileName(student string) string {
	name := a.Title
	if Slug(name, maxSlug, 0, "") == "" {
		name = a.ID
	}
	return SubmissionFileName(name, student)
}

// SubmissionFileName returns the file name of a student's submission:
// "<assignment slug>-<student slug>.stancemark.json". A slug is Slug cut at
// maxSlug (48) characters: the text in lower case with every run of
// characters other than letters and digits between them replaced by one
// "-"; an empty slug becomes "assignment" or "student".
//
//	SubmissionFileName("Iran & the U.S.", "Zoë O'Neil") == "iran-the-u-s-zoë-o-neil.stancemark.json"
func SubmissionFileName(assignmentTitleOrID, student string) string {
	return Slug(assignmentTitleOrID, maxSlug, 0, "assignment") + "-" + Slug(student, maxSlug, 0, "student") + ".stancemark.json"
}

// maxSlug is the length, in characters, at which the slugs of
// SubmissionFileName and AssignmentFileName are cut (see Slug).
const maxSlug = 48
