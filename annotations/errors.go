package annotations

import (
	"errors"
	"fmt"
)

// ImportError reports why an export file or a saved state could not be
// read, and where. Its Err wraps one or more of the sentinel errors below, so
// callers can test it with errors.Is:
//
//	var ie *ImportError
//	if errors.As(err, &ie) && errors.Is(err, ErrUnknownLabel) { ... }
type ImportError struct {
	Field  string // JSON path such as "annotations[2].label" ("" for the whole file)
	Line   int    // 1-based line of a JSON syntax error; 0 otherwise
	Column int    // 1-based column (in characters) of a JSON syntax error; 0 otherwise
	Err    error
}

// Error returns a message for an end user, such as
// `annotations[2].label: unknown label "agree" (the scheme has supports,
// opposes, neutral, unrelated)` or `line 3, column 7: invalid JSON: ...`.
func (e *ImportError) Error() string {
	msg := "invalid file"
	if e.Err != nil {
		msg = e.Err.Error()
	}
	switch {
	case e.Line > 0:
		return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, msg)
	case e.Field != "":
		return e.Field + ": " + msg
	}
	return msg
}

// Unwrap returns the underlying error.
func (e *ImportError) Unwrap() error { return e.Err }

// The sentinel errors, grouped by concept; every exported sentinel of the
// package is here.
//
// Reading and validating files and saved states (format_, work_). Import and
// validation errors are *ImportError values whose Err wraps one of these;
// Workspace methods return them wrapped too.
var (
	ErrSyntax             = errors.New("invalid JSON")
	ErrTooLarge           = errors.New("the file is too large")
	ErrEmptyFile          = errors.New("the file is empty")
	ErrEncoding           = errors.New("the file is not UTF-8 text")
	ErrFormat             = errors.New("this is not a Stancemark export")
	ErrUnsupportedVersion = errors.New("unsupported format version")
	ErrMissingField       = errors.New("missing")
	ErrUnknownField       = errors.New("unknown field")
	ErrUnknownLabel       = errors.New("unknown label")
	ErrUnknownSentence    = errors.New("unknown sentence")
	ErrOverlap            = errors.New("a sentence is in two highlights")
	ErrNotContiguous      = errors.New("the sentences are not one run in document order")
	ErrDuplicateID        = errors.New("duplicate id")
	ErrOtherDocument      = errors.New("the file is for another document")
	ErrHashMismatch       = errors.New("the document id does not match its text")
	ErrBadTime            = errors.New("not an RFC 3339 time")
	ErrBadOffset          = errors.New("bad offset")
	ErrRange              = errors.New("out of range")
	ErrEmptyDocument      = errors.New("the document has no sentences")
	ErrBadValue           = errors.New("invalid value")
	ErrUnknownScheme      = errors.New("unknown scheme")
	ErrUnknownAnnotation  = errors.New("unknown highlight")
	ErrLabelInUse         = errors.New("label in use")
)

// Text in (text_, open.go).
var (
	// ErrNotText is wrapped by ParseFile's (and so Open's) error for a file
	// that is not an article as text: binary data (an image, a PDF, a Word
	// file), text that is not UTF-8, or JSON data.
	ErrNotText = errors.New("not a text file")
	// ErrTooLong is wrapped by the errors for a note, a name, a target or
	// a description longer than its limit.
	ErrTooLong = errors.New("too long")
	// ErrTooManySentences is wrapped by the error NewDocument returns for a
	// text of more than MaxSentences sentences.
	ErrTooManySentences = errors.New("the document has too many sentences")
)

// Classroom (class_).
var (
	// ErrBadLink is wrapped by the errors of DecodeAssignmentLink about the
	// link itself (not base64url, not DEFLATE data, cut off).
	ErrBadLink = errors.New("the link is damaged")

	// The errors of CheckSubmission and Class.Add for files that are valid
	// exports but not submissions for the assignment at hand.

	// ErrOtherAssignment: the submission belongs to another assignment.
	ErrOtherAssignment = errors.New("the file is for another assignment")
	// ErrNotSubmission: the export has no assignment id or no student name.
	ErrNotSubmission = errors.New("the file is not a submission")
)

// Project submissions (project_submission.go).
//
// The errors of CheckSubmission for a stancemark-submission/v1 file that is
// not work on the project at hand.
var (
	// ErrNoClaims: the inputs of a new project pair no claim with an
	// article (ProjectSources.Project); the CLI and the app say how to give
	// some.
	ErrNoClaims = errors.New("no claims")
	// ErrNoTextColumn: an article table of a new project has no column (or
	// JSONL field) of the text.
	ErrNoTextColumn = errors.New("no text column")
	// ErrOtherProject: the submission belongs to another project.
	ErrOtherProject = errors.New("the file is for another project")
	// ErrOtherRevision: the submission was made on another version of the
	// project (its projectHash is not the project's Hash).
	ErrOtherRevision = errors.New("the file was made on another version of the project")
	// ErrUnknownTask: the submission names a task the project does not have.
	ErrUnknownTask = errors.New("unknown task")
)

// Gold labels (gold_).
var (
	// ErrDuplicateAnnotator: two submissions or exports given for gold
	// labels are by the same annotator.
	ErrDuplicateAnnotator = errors.New("the same annotator twice")
)

// Agreement (agree_).
//
// The errors of the agreement measures, for input they are not defined on.
var (
	// ErrTooFewCoders: the data has fewer than two coders.
	ErrTooFewCoders = errors.New("agreement needs at least two coders")
	// ErrNoPairableValues: no unit has two or more values, so nothing can
	// be compared.
	ErrNoPairableValues = errors.New("no unit has values from two coders")
	// ErrNoVariation: every pairable value is the same, so the agreement
	// expected by chance is perfect and a chance-corrected coefficient
	// (alpha, kappa) is 0/0. Percent agreement is still defined (1).
	ErrNoVariation = errors.New("every value is the same, so chance agreement is perfect and the coefficient is undefined")
	// ErrNotNumeric: an ordinal, interval or ratio level met a value that
	// is not a number.
	ErrNotNumeric = errors.New("not a number")
	// ErrNegativeValue: the ratio level met a value below 0.
	ErrNegativeValue = errors.New("ratio values must be 0 or more")
	// ErrUnequalRatings: Fleiss' kappa needs every unit to have the same
	// number of values.
	ErrUnequalRatings = errors.New("units have different numbers of values")
	// ErrNotTwoCoders: Cohen's kappa needs exactly two coders.
	ErrNotTwoCoders = errors.New("Cohen's kappa needs exactly two coders")
	// ErrMatrixShape: a row does not have one value per coder.
	ErrMatrixShape = errors.New("the matrix is not rectangular")
)

// reason is an error with a message for the user that wraps sentinels.
type reason struct {
	msg  string
	errs []error
}

func (r *reason) Error() string   { return r.msg }
func (r *reason) Unwrap() []error { return r.errs }

// because returns an error with message msg wrapping the sentinels.
func because(msg string, sentinels ...error) error {
	return &reason{msg: msg, errs: sentinels}
}

// becausef is because with a format.
func becausef(sentinel error, format string, args ...any) error {
	return &reason{msg: fmt.Sprintf(format, args...), errs: []error{sentinel}}
}

// fieldErr returns an *ImportError for field.
func fieldErr(field string, err error) *ImportError {
	return &ImportError{Field: field, Err: err}
}

// fieldErrf returns an *ImportError for field wrapping sentinel.
func fieldErrf(field string, sentinel error, format string, args ...any) *ImportError {
	return &ImportError{Field: field, Err: becausef(sentinel, format, args...)}
}

// prefixed returns err with prefix added to its field path: "scheme" and
// "labels[0].key" give "scheme.labels[0].key".
func prefixed(prefix string, err error) error {
	var ie *ImportError
	if !errors.As(err, &ie) {
		return fieldErr(prefix, err)
	}
	c := *ie
	switch {
	case c.Field == "":
		c.Field = prefix
	case c.Field[0] == '[':
		c.Field = prefix + c.Field
	default:
		c.Field = prefix + "." + c.Field
	}
	return &c
}
