package annotations

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"
)

// This file is the annotator's side of a project: the submission file
// ("stancemark-submission/v1"), its check against the project, and the
// stancemark/v1 exports it stands for.
//
// WriteSubmission writes, and ReadSubmission reads, JSON indented by two
// spaces:
//
//	{
//	  "format": "stancemark-submission/v1",
//	  "project": "p0123456789abcdef",
//	  "projectHash": "sha256:…",
//	  "annotator": "ana",
//	  "submitted": "2026-03-01T12:00:00.000Z",
//	  "tasks": [
//	    {"task": "t0123456789ab",
//	     "annotations": [{"id": "a1", "sentences": ["s1", "s2"], "label": "agree",
//	                      "note": "", "created": "…", "modified": "…"}],
//	     "overall": "agree", "done": true, "activeMillis": 81250}
//	  ]
//	}
//
// "overall", "done" and "activeMillis" may be left out (no overall stance,
// not done, no time). The annotations are those of stancemark/v1, under the
// project's scheme and on the task's document.

// submissionWire is the JSON form of a ProjectSubmission.
type submissionWire struct {
	Format      string         `json:"format"`
	Project     string         `json:"project"`
	ProjectHash string         `json:"projectHash"`
	Annotator   string         `json:"annotator"`
	Submitted   string         `json:"submitted"`
	Tasks       []taskWorkWire `json:"tasks"`
}

// taskWorkWire is the JSON form of a TaskWork.
type taskWorkWire struct {
	Task         string           `json:"task"`
	Annotations  []annotationWire `json:"annotations"`
	Overall      string           `json:"overall"`
	Done         bool             `json:"done"`
	ActiveMillis int64            `json:"activeMillis"`
}

var (
	submissionFields = []string{"format", "project", "projectHash", "annotator", "submitted", "tasks"}
	taskWorkFields   = []string{"task", "annotations", "overall", "done", "activeMillis"}
)

// WriteSubmission writes s as stancemark-submission/v1: JSON indented by
// two spaces with a trailing newline, empty lists as [] and the times of
// the highlights in UTC with millisecond precision. Submitted is written as
// it is. It does not check s.
func WriteSubmission(w io.Writer, s *ProjectSubmission) error {
	wire := submissionWire{
		Format: SubmissionFormat, Project: s.Project, ProjectHash: s.ProjectHash,
		Annotator: s.Annotator, Submitted: s.Submitted, Tasks: make([]taskWorkWire, len(s.Tasks)),
	}
	for i, t := range s.Tasks {
		wire.Tasks[i] = taskWorkWire{
			Task: t.Task, Annotations: wireAnnotations(t.Annotations),
			Overall: t.Overall, Done: t.Done, ActiveMillis: t.ActiveMillis,
		}
	}
	return writeIndented(w, wire)
}

// ReadSubmission reads a stancemark-submission/v1 file from r: at most
// MaxImportBytes, with or without a leading byte order mark, as strict JSON
// (an unknown field, a missing field or a wrong type is an error). It checks
// what it can without the project: the ids are there, "submitted" is an RFC
// 3339 time, no task is listed twice, and every highlight has an id, a
// sentence and its times. Project.CheckSubmission checks the rest. Every
// error is an *ImportError naming the field by its JSON path, such as
//
//	tasks[3].annotations[0].created: missing
func ReadSubmission(r io.Reader) (*ProjectSubmission, error) {
	data, err := readLimited(r)
	if err != nil {
		return nil, err
	}
	if err := checkSyntax(data); err != nil {
		return nil, err
	}
	o, _, err := decodeFile(data, "project submission", checkSubmissionFormat, "a submission", submissionFields)
	if err != nil {
		return nil, err
	}
	s := &ProjectSubmission{}
	for _, f := range []struct {
		name string
		dst  *string
	}{{"project", &s.Project}, {"projectHash", &s.ProjectHash}, {"annotator", &s.Annotator}, {"submitted", &s.Submitted}} {
		if err := o.str(f.name, true, f.dst); err != nil {
			return nil, err
		}
		if strings.TrimSpace(*f.dst) == "" {
			return nil, fieldErrf(f.name, ErrMissingField, "empty")
		}
	}
	if _, err := parseTime(s.Submitted); err != nil {
		return nil, fieldErr("submitted", err)
	}
	items, err := o.list("tasks", true)
	if err != nil {
		return nil, err
	}
	seen := make(map[string]int, len(items))
	s.Tasks = make([]TaskWork, len(items))
	for i, item := range items {
		at := elemPath("tasks", i)
		t, err := decodeTaskWork(item, at)
		if err != nil {
			return nil, err
		}
		if j, ok := seen[t.Task]; ok {
			return nil, fieldErrf(at+".task", ErrDuplicateID, "task %q is listed twice (also %s)", t.Task, elemPath("tasks", j))
		}
		seen[t.Task] = i
		s.Tasks[i] = t
	}
	return s, nil
}

// checkSubmissionFormat checks the "format" of a submission.
func checkSubmissionFormat(got string) error {
	return checkFormatNamed(got, SubmissionFormat, "project submission")
}

// decodeTaskWork reads one task of a submission at path.
func decodeTaskWork(raw json.RawMessage, path string) (TaskWork, error) {
	var t TaskWork
	o, err := decodeObject(raw, path)
	if err != nil {
		return t, err
	}
	if err := o.only("a task", taskWorkFields...); err != nil {
		return t, err
	}
	if err := o.str("task", true, &t.Task); err != nil {
		return t, err
	}
	if t.Task == "" {
		return t, fieldErrf(fieldPath(path, "task"), ErrMissingField, "empty")
	}
	items, err := o.list("annotations", true)
	if err != nil {
		return t, err
	}
	if t.Annotations, err = decodeAnnotations(items, fieldPath(path, "annotations")); err != nil {
		return t, err
	}
	if err := o.str("overall", false, &t.Overall); err != nil {
		return t, err
	}
	if raw, ok := o.fields["done"]; ok {
		if kindOf(raw) != "true or false" {
			return t, typeErr(fieldPath(path, "done"), "true or false", raw)
		}
		t.Done = bytes.Equal(bytes.TrimSpace(raw), []byte("true"))
	}
	var ms int
	if err := o.int("activeMillis", false, &ms); err != nil {
		return t, err
	}
	t.ActiveMillis = int64(ms)
	return t, nil
}

// HasWork reports whether the annotator touched the task: a highlight, an
// overall stance, marked done or any active time.
func (w TaskWork) HasWork() bool {
	return len(w.Annotations) > 0 || w.Overall != "" || w.Done || w.ActiveMillis > 0
}

// projectIndex finds a project's tasks, documents and claims by id.
type projectIndex struct {
	tasks  map[string]int // Task.ID -> index into Tasks
	docs   map[string]int // ProjectDocument.ID -> index into Documents
	claims map[string]int // Claim.ID -> index into Claims
}

func (p *Project) index() *projectIndex {
	x := &projectIndex{
		tasks:  make(map[string]int, len(p.Tasks)),
		docs:   make(map[string]int, len(p.Documents)),
		claims: make(map[string]int, len(p.Claims)),
	}
	for i, t := range p.Tasks {
		x.tasks[t.ID] = i
	}
	for i, d := range p.Documents {
		x.docs[d.ID] = i
	}
	for i, c := range p.Claims {
		x.claims[c.ID] = i
	}
	return x
}

// sentenceIndex returns the index of sentence id ("s1" is 0) in a document
// of n sentences, or -1.
func sentenceIndex(id string, n int) int {
	if len(id) < 2 || id[0] != 's' || id[1] == '0' {
		return -1
	}
	k, err := strconv.Atoi(id[1:])
	if err != nil || k < 1 || k > n {
		return -1
	}
	return k - 1
}

// abbrevHash shortens "sha256:<64 hex>" for a message.
func abbrevHash(h string) string {
	const keep = len("sha256:") + 16
	if len(h) > keep {
		return h[:keep] + "…"
	}
	return h
}

// CheckSubmission checks that s is work on p, as it is now, and returns the
// first problem as an *ImportError naming the field:
//   - s.Project is p.ID (else ErrOtherProject);
//   - s.ProjectHash is p.Hash (else ErrOtherRevision: the work was made on
//     another version of the project, whose documents, sentences, claims,
//     labels or tasks differ);
//   - every task is one of p's (ErrUnknownTask) and listed once;
//   - every highlight is valid on the task's document under p's scheme as
//     in stancemark/v1 (ErrUnknownSentence, ErrUnknownLabel, ErrOverlap,
//     ErrNotContiguous, ErrDuplicateID, times, notes);
//   - the overall stance, when given, is a label of the scheme
//     (ErrUnknownLabel), and a task marked done has one when the project
//     asks for it (Options.OverallStance; ErrMissingField).
func (p *Project) CheckSubmission(s *ProjectSubmission) error {
	if s.Project != p.ID {
		return fieldErrf("project", ErrOtherProject, "this file is for another project (%s); this project is %q (%s)", s.Project, p.Title, p.ID)
	}
	if s.ProjectHash != p.Hash {
		return fieldErrf("projectHash", ErrOtherRevision, "made on another version of project %s %q (hash %s, this file is %s)",
			p.ID, p.Title, abbrevHash(p.Hash), abbrevHash(s.ProjectHash))
	}
	x := p.index()
	seen := make(map[string]int, len(s.Tasks))
	for i, w := range s.Tasks {
		at := elemPath("tasks", i)
		ti, ok := x.tasks[w.Task]
		if !ok {
			return fieldErrf(at+".task", ErrUnknownTask, "unknown task %q (the project has %d tasks)", w.Task, len(p.Tasks))
		}
		if j, dup := seen[w.Task]; dup {
			return fieldErrf(at+".task", ErrDuplicateID, "task %q is listed twice (also %s)", w.Task, elemPath("tasks", j))
		}
		seen[w.Task] = i
		di, ok := x.docs[p.Tasks[ti].Document]
		if !ok {
			return fieldErrf(at+".task", ErrUnknownTask, "task %q names document %s, which the project does not have", w.Task, p.Tasks[ti].Document)
		}
		n := len(p.Documents[di].Sentences)
		lookup := func(id string) int { return sentenceIndex(id, n) }
		if err := validateAnnotations(w.Annotations, p.Scheme, lookup, n, at+".annotations"); err != nil {
			return err
		}
		if w.Overall != "" {
			if _, ok := p.Scheme.Label(w.Overall); !ok {
				return fieldErrf(at+".overall", ErrUnknownLabel, "unknown label %q (the scheme has %s)", w.Overall, p.Scheme.labelIDs())
			}
		} else if w.Done && p.Options.OverallStance {
			return fieldErrf(at+".overall", ErrMissingField, "missing; the task is done, and the project asks for an overall stance")
		}
	}
	return nil
}

// Exports returns s as stancemark/v1 exports, one per task with work (see
// TaskWork.HasWork), in the order of s.Tasks: the task's document with the
// project's sentence boundaries, the project's scheme with Target set to
// the task's claim, the annotator s.Annotator, the highlights of the task
// and Exported set to s.Submitted. The overall stance has no place in
// stancemark/v1 and is left out. s is checked first (CheckSubmission).
func (s *ProjectSubmission) Exports(p *Project) ([]*Export, error) {
	if err := p.CheckSubmission(s); err != nil {
		return nil, err
	}
	at, err := parseTime(s.Submitted)
	if err != nil {
		return nil, fieldErr("submitted", err)
	}
	x := p.index()
	var out []*Export
	for _, w := range s.Tasks {
		if !w.HasWork() {
			continue
		}
		t := p.Tasks[x.tasks[w.Task]]
		d := p.Documents[x.docs[t.Document]]
		scheme := p.Scheme.clone()
		if ci, ok := x.claims[t.Claim]; ok {
			scheme.Target = p.Claims[ci].Text
		}
		as := make([]Annotation, len(w.Annotations))
		for i, a := range w.Annotations {
			as[i] = a.clone()
			as[i].Annotator = s.Annotator
		}
		out = append(out, &Export{
			Format: FormatV1, Exported: at, Annotator: ExportAnnotator{Name: s.Annotator},
			Document: ExportDocument{ID: d.ID, Title: d.Title, Text: d.Text, Sentences: append([]ExportSentence(nil), d.Sentences...)},
			Scheme:   scheme, Annotations: as,
		})
	}
	return out, nil
}
