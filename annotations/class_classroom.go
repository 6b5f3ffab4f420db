package annotations

import (
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
	// Attempt and FeedbackShown are the handin's (0 and false for a plain
	// export).
	Attempt       int
	FeedbackShown bool
	// Flags name what in the submission differs from the assignment
	// (Assignment.Differences): the claim, the labels.
	Flags []string
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

// Duplicate records that one student handed in two files, and which one
// is scored (Kept); see Class.Add for the rule.
type Duplicate struct {
	Student string
	Kept    string // file name
	Dropped string // file name
	// AfterFeedback: the dropped file was submitted after feedback had
	// been shown to the student, so it is not scored.
	AfterFeedback bool
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
	entries    []classEntry // every file added, in order (WriteClass)
}

// NewClass returns an empty class for a, which must be valid.
func NewClass(a *Assignment) *Class { return &Class{Assignment: a} }

// Add reads the file name (its bytes data) as a submission: a
// stancemark-handin/v1 (what the app's Submit writes), a stancemark/v1
// export, or a stancemark-submission/v1 of the assignment as a one-task
// project (Assignment.Project). A file that is not a valid export, or not
// a submission for the class's assignment (CheckSubmission), is recorded
// as a problem and its error returned; the class is otherwise unchanged.
//
// A second file of a student already in the class (names compared
// case-insensitively, spaces collapsed) is recorded as a Duplicate and one
// of the two scored: work submitted before feedback beats work submitted
// after it (a student who saw the key and fixed their answers keeps their
// first score, the later file marked "after feedback"); between two files
// from before feedback the newer wins (by "exported" time, then attempt;
// on a tie, the one read first), between two from after it the older.
// Add returns nil.
func (c *Class) Add(name string, data []byte) error {
	h, err := c.Assignment.readClassFile(data)
	if err != nil {
		return c.problem(name, err)
	}
	return c.AddHandin(name, h)
}

// AddExport is Add for an export already read and valid (a first attempt,
// before feedback).
func (c *Class) AddExport(name string, e *Export) error {
	return c.AddHandin(name, NewHandin(e, 0, false))
}

// AddHandin is Add for a handin already read and valid.
func (c *Class) AddHandin(name string, h *Handin) error {
	e := h.Work
	if err := c.Assignment.CheckSubmission(e); err != nil {
		return c.problem(name, err)
	}
	f, err := c.Assignment.Compare(e)
	if err != nil {
		return c.problem(name, err)
	}
	c.entries = append(c.entries, classEntry{name: name, handin: h})
	s := &Submission{File: name, Student: strings.Join(strings.Fields(e.Annotator.Name), " "), Export: e, Feedback: f,
		Attempt: h.Attempt, FeedbackShown: h.FeedbackShown, Flags: c.Assignment.Differences(e)}
	for i, old := range c.subs {
		if studentKey(old.Student) != studentKey(s.Student) {
			continue
		}
		kept, dropped := old, s
		if scoredBefore(s, old) {
			kept, dropped = s, old
			c.subs[i] = s
		}
		c.duplicates = append(c.duplicates, Duplicate{Student: kept.Student, Kept: kept.File, Dropped: dropped.File, AfterFeedback: dropped.FeedbackShown})
		return nil
	}
	c.subs = append(c.subs, s)
	return nil
}

// scoredBefore reports whether s is scored rather than old, two
// submissions of one student (the rule of Class.Add).
func scoredBefore(s, old *Submission) bool {
	if s.FeedbackShown != old.FeedbackShown {
		return !s.FeedbackShown
	}
	later := s.Export.Exported.After(old.Export.Exported) ||
		s.Export.Exported.Equal(old.Export.Exported) && s.Attempt > old.Attempt
	if s.FeedbackShown {
		return !later && !s.Export.Exported.Equal(old.Export.Exported)
	}
	return later
}

// Differences names what in submission e (of a's document and scheme id)
// differs from a: "the claim" when its target claim is not a's, "the
// labels" when its labels (names, keys, colours or the set) are not a's.
// The class still scores such a submission (labels are compared by id),
// and the dashboard flags it.
func (a *Assignment) Differences(e *Export) []string {
	var out []string
	if strings.TrimSpace(e.Scheme.Target) != strings.TrimSpace(a.Scheme.Target) {
		out = append(out, fmt.Sprintf("the claim: %q, not the assignment's %q", e.Scheme.Target, a.Scheme.Target))
	}
	same := len(e.Scheme.Labels) == len(a.Scheme.Labels)
	for i := 0; same && i < len(e.Scheme.Labels); i++ {
		x, y := e.Scheme.Labels[i], a.Scheme.Labels[i]
		same = x.ID == y.ID && x.Name == y.Name && x.Key == y.Key && x.Color == y.Color
	}
	if !same {
		out = append(out, "the labels: "+e.Scheme.labelNames()+", not the assignment's "+a.Scheme.labelNames())
	}
	return out
}

// problem records a problem with file name and returns it.
func (c *Class) problem(name string, err error) error {
	p := FileProblem{File: name, Err: err}
	c.problems = append(c.problems, p)
	c.entries = append(c.entries, classEntry{name: name, problem: err.Error()})
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

// labelNames lists s's labels by name, for a message.
func (s Scheme) labelNames() string {
	names := make([]string, len(s.Labels))
	for i, l := range s.Labels {
		names[i] = l.Name
	}
	return strings.Join(names, ", ")
}
