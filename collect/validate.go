package collect

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"stancemark/annotations"
)

// Kinds of collection.
const (
	KindAssignment = "assignment"
	KindProject    = "project"
)

// opened is an assignment or a project a collection is made of, read by
// annotations.Open as a file import is.
type opened struct {
	kind       string
	id, title  string
	body       []byte // as given
	publicBody []byte // what a student's link loads: no key, no hidden references
	assignment *annotations.Assignment
	project    *annotations.Project
}

// openItem reads body (a stancemark-assignment/v1 or stancemark-project/v1
// file) for a new collection.
func openItem(body []byte) (*opened, error) {
	o, err := annotations.Open("collection.json", body)
	if err != nil {
		return nil, err
	}
	switch o.Kind {
	case annotations.OpenedAssignment:
		pub := *o.Assignment
		pub.Key = nil // never a graded key to the students
		var b bytes.Buffer
		if err := annotations.WriteAssignment(&b, &pub); err != nil {
			return nil, err
		}
		return &opened{kind: KindAssignment, id: o.Assignment.ID, title: o.Assignment.Title, body: body, publicBody: b.Bytes(), assignment: o.Assignment}, nil
	case annotations.OpenedProject:
		pub := *o.Project
		if !pub.Options.ShowReference {
			pub.Tasks = make([]annotations.Task, len(o.Project.Tasks))
			for i, t := range o.Project.Tasks {
				t.Reference = "" // hidden from annotators; not in the project hash
				pub.Tasks[i] = t
			}
		}
		var b bytes.Buffer
		if err := annotations.WriteProject(&b, &pub); err != nil {
			return nil, err
		}
		return &opened{kind: KindProject, id: o.Project.ID, title: o.Project.Title, body: body, publicBody: b.Bytes(), project: o.Project}, nil
	}
	return nil, fmt.Errorf("a collection is made of an assignment (stancemark-assignment/v1) or a project (stancemark-project/v1); this file is %s", article(o.Kind.String()))
}

func article(kind string) string {
	if strings.IndexAny(kind[:1], "aeiou") == 0 {
		return "an " + kind
	}
	return "a " + kind
}

// errNotForCollection wraps the refusal of a submission body.
var errNotForCollection = errors.New("not a submission for this collection")

// checkSubmission reads body as a submission for the collection made of
// it (the same readers and checks as a file import: annotations.Open, then
// Assignment.CheckSubmission or Project.CheckSubmission) and returns the
// annotator it names.
func (it *opened) checkSubmission(body []byte) (annotator string, err error) {
	o, err := annotations.Open("submission.json", body)
	if err != nil {
		return "", err
	}
	switch it.kind {
	case KindAssignment:
		if o.Kind != annotations.OpenedExport {
			return "", fmt.Errorf("%w: this collection takes a student's work on assignment %q (stancemark/v1); the body is %s", errNotForCollection, it.title, article(o.Kind.String()))
		}
		if err := it.assignment.CheckSubmission(o.Export); err != nil {
			return "", err
		}
		annotator = o.Export.Annotator.Name
	case KindProject:
		if o.Kind != annotations.OpenedSubmission {
			return "", fmt.Errorf("%w: this collection takes an annotator's work on project %q (stancemark-submission/v1); the body is %s", errNotForCollection, it.title, article(o.Kind.String()))
		}
		if err := it.project.CheckSubmission(o.Submission); err != nil {
			return "", err
		}
		annotator = o.Submission.Annotator
	}
	annotator = strings.Join(strings.Fields(annotator), " ")
	if err := checkText("annotator", annotator, 200); err != nil {
		return "", err
	}
	if annotator == "" {
		return "", fmt.Errorf("%w: the submission names no annotator", errNotForCollection)
	}
	return annotator, nil
}

// checkText refuses a stored text field that is too long or holds a
// control character (PostgreSQL refuses NUL in text; nobody's name has one).
func checkText(field, s string, max int) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%s: not UTF-8", field)
	}
	if n := utf8.RuneCountInString(s); n > max {
		return fmt.Errorf("%s: too long: %d characters; at most %d", field, n, max)
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return fmt.Errorf("%s: contains the control character %U", field, r)
		}
	}
	return nil
}

// checkToken checks a header value used as a key (Idempotency-Key,
// Stancemark-Submitter): 1 to max printable ASCII characters, no spaces.
func checkToken(header, v string, max int) error {
	if v == "" || len(v) > max {
		return fmt.Errorf("the %s header must have 1 to %d characters; it has %d", header, max, len(v))
	}
	for i := 0; i < len(v); i++ {
		if v[i] <= 0x20 || v[i] >= 0x7f {
			return fmt.Errorf("the %s header may only hold printable ASCII without spaces (character %d is not)", header, i+1)
		}
	}
	return nil
}
