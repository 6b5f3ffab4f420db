package annotations

import (
	"bytes"
	"fmt"
	"strings"
)

// NamedFile is a file as the teacher picked it: its name and its bytes.
type NamedFile struct {
	Name string
	Data []byte
}

// Submission is one student's accepted submission.
type Submission struct {
	File     string    // the file it was read from
	Student  string    // Export.Annotator.Name
	Export   *Export   // valid, of the assignment's document and scheme
	Feedback *Feedback // against the assignment's key
}

// FileProblem is a file that could not be used, and why.
type FileProblem struct {
	File string
	Err  error // an *ImportError for a file that is not a valid export
}

// Error returns "<file>: <why>".
func (p FileProblem) Error() string { return p.File + ": " + p.Err.Error() }

// Unwrap returns p.Err.
func (p FileProblem) Unwrap() error { return p.Err }

// Duplicate records that one student handed in two files: the newer one
// (by its "exported" time; on a tie, the one read first) is kept.
type Duplicate struct {
	Student string
	Kept    string // file name
	Dropped string // file name
}

// CheckSubmission checks that e (a valid export, as ReadExport returns) is
// a submission for a: it names a student, carries a's id, is of a's
// document and uses a's scheme (by id, with labels of a's scheme). The
// error is an *ImportError naming the field, wrapping ErrNotSubmission,
// ErrOtherAssignment, ErrOtherDocument, ErrUnknownScheme or
// ErrUnknownLabel, such as
//
//	assignment: belongs to assignment "x7" ("Week 2"), not "k3" ("Week 3")
func (a *Assignment) CheckSubmission(e *Export) error {
	switch {
	case e.Assignment == "":
		return fieldErrf("assignment", ErrNotSubmission, "missing; this is an export, not a submission for an assignment")
	case e.Assignment != a.ID:
		title := ""
		if e.Document.ID == a.Document.ID && e.Document.Title != "" {
			title = fmt.Sprintf(" (on %q)", e.Document.Title)
		}
		return fieldErrf("assignment", ErrOtherAssignment, "belongs to assignment %q%s, not to this one, %q (%s)", e.Assignment, title, a.ID, a.displayTitle())
	case e.Document.ID != a.Document.ID:
		return fieldErrf("document.id", ErrOtherDocument, "the submission is for %s, but the assignment's article is %s",
			describe(e.Document.Title, e.Document.ID), describe(a.Document.Title, a.Document.ID))
	case BoundariesID(e.Document.Sentences) != BoundariesID(a.Document.Sentences):
		return fieldErrf("document.sentences", ErrOtherDocument, "the submission is on %s, but the assignment's article is on %s",
			describeBoundaries(e.Document.Sentences), describeBoundaries(a.Document.Sentences))
	case strings.TrimSpace(e.Annotator.Name) == "":
		return fieldErrf("annotator.name", ErrNotSubmission, "missing; a submission names its student")
	case e.Scheme.ID != a.Scheme.ID:
		return fieldErrf("scheme.id", ErrUnknownScheme, "the submission uses the label set %q, the assignment %q", e.Scheme.ID, a.Scheme.ID)
	}
	for i, h := range e.Annotations {
		if _, ok := a.Scheme.Label(h.Label); !ok {
			return fieldErrf(elemPath("annotations", i)+".label", ErrUnknownLabel, "label %q is not one of the assignment's (%s)", h.Label, a.Scheme.labelIDs())
		}
	}
	return nil
}

// displayTitle returns a's title, or "untitled".
func (a *Assignment) displayTitle() string {
	if a.Title == "" {
		return "untitled"
	}
	return fmt.Sprintf("%q", a.Title)
}

// Class collects the submissions of one assignment, one file at a time (so
// a UI can show progress), and reports on them (Report). A Class is not
// safe for concurrent use.
type Class struct {
	Assignment *Assignment

	subs       []*Submission
	problems   []FileProblem
	duplicates []Duplicate
}

// NewClass returns an empty class for a, which must be valid.
func NewClass(a *Assignment) *Class { return &Class{Assignment: a} }

// Add reads the file name (its bytes data) as a submission. A file that is
// not a valid export, or not a submission for the class's assignment
// (CheckSubmission), is recorded as a problem and its error returned; the
// class is otherwise unchanged. A second file of a student already in the
// class (names compared case-insensitively, spaces collapsed) is recorded as
// a Duplicate and the newer of the two kept; Add returns nil.
func (c *Class) Add(name string, data []byte) error {
	e, err := ReadExport(bytes.NewReader(data))
	if err != nil {
		return c.problem(name, err)
	}
	return c.AddExport(name, e)
}

// AddExport is Add for an export already read and valid.
func (c *Class) AddExport(name string, e *Export) error {
	if err := c.Assignment.CheckSubmission(e); err != nil {
		return c.problem(name, err)
	}
	f, err := c.Assignment.Compare(e)
	if err != nil {
		return c.problem(name, err)
	}
	s := &Submission{File: name, Student: strings.Join(strings.Fields(e.Annotator.Name), " "), Export: e, Feedback: f}
	for i, old := range c.subs {
		if studentKey(old.Student) != studentKey(s.Student) {
			continue
		}
		if e.Exported.After(old.Export.Exported) {
			c.subs[i] = s
			c.duplicates = append(c.duplicates, Duplicate{Student: s.Student, Kept: s.File, Dropped: old.File})
		} else {
			c.duplicates = append(c.duplicates, Duplicate{Student: old.Student, Kept: old.File, Dropped: s.File})
		}
		return nil
	}
	c.subs = append(c.subs, s)
	return nil
}

// problem records a problem with file name and returns it.
func (c *Class) problem(name string, err error) error {
	p := FileProblem{File: name, Err: err}
	c.problems = append(c.problems, p)
	return p
}

// studentKey is the form of a student name compared to find duplicates.
func studentKey(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// LoadSubmissions reads files as submissions for a (see Class.Add) and
// returns the class report. Bad files are listed in the report's Problems;
// the others still load.
func LoadSubmissions(a *Assignment, files []NamedFile) *ClassReport {
	c := NewClass(a)
	for _, f := range files {
		c.Add(f.Name, f.Data)
	}
	return c.Report()
}

// Len returns the number of students in the class.
func (c *Class) Len() int { return len(c.subs) }
