package annotations

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// FormatAssignmentV1 is the "format" of the first assignment files, still
// read: "options": {"revealKey": true} reads as ModePractice, false (or no
// options) as ModeGraded.
const FormatAssignmentV1 = "stancemark-assignment/v1"

// FormatAssignmentV2 is the "format" of an assignment file as written now:
// "options": {"mode": "practice"} or {"mode": "graded"}.
const FormatAssignmentV2 = "stancemark-assignment/v2"

// Assignment is a teacher's assignment ("stancemark-assignment/v2"): an
// article, the label scheme and target claim, instructions, and an optional
// answer key. It travels as a file (WriteAssignment, ReadAssignment) or as
// a link (EncodeAssignmentLink, DecodeAssignmentLink). In JSON:
//
//	{
//	  "format": "stancemark-assignment/v2",
//	  "id": "k3v9q2x7m4p8r6td",
//	  "title": "Iran and the U.S. in Iraq",
//	  "instructions": "Tag every sentence that takes a side.",
//	  "document": {same as in stancemark/v1},
//	  "scheme": {same as in stancemark/v1},
//	  "key": [highlights as in stancemark/v1],
//	  "options": {"mode": "practice"}
//	}
//
// In a practice assignment the key travels with the assignment and the
// student sees feedback as soon as they submit: honest by design, not
// secure (the key is in the file and the link). A graded assignment's key
// never leaves the teacher: what students get is StudentCopy, without it.
//
// "key" is written only when the key has highlights; "title",
// "instructions", "key" and "options" may be left out when reading. Reading
// is as strict as ReadExport: an unknown, missing or mistyped field is an
// *ImportError naming it by its JSON path ("key[0].label", "options.revealKey").
type Assignment struct {
	Format       string            `json:"format"`
	ID           string            `json:"id"` // URL-safe; see NewAssignmentID
	Title        string            `json:"title"`
	Instructions string            `json:"instructions"`
	Document     ExportDocument    `json:"document"`
	Scheme       Scheme            `json:"scheme"`
	Key          []Annotation      `json:"key,omitempty"` // the answer key; empty means no key
	Options      AssignmentOptions `json:"options"`
}

// AssignmentOptions are the teacher's choices for an Assignment.
type AssignmentOptions struct {
	// Mode is ModePractice or ModeGraded; NewAssignment makes "" graded.
	Mode AssignmentMode `json:"mode"`
}

// AssignmentMode says who holds an assignment's key and when students see
// feedback.
type AssignmentMode string

// The assignment modes.
const (
	// ModePractice: the key travels with the assignment; feedback at once
	// after submitting; scores are marked as practice.
	ModePractice AssignmentMode = "practice"
	// ModeGraded: the key stays with the teacher (StudentCopy has none);
	// feedback when the teacher sends it back.
	ModeGraded AssignmentMode = "graded"
)

// Practice reports whether a is a practice assignment.
func (a *Assignment) Practice() bool { return a.Options.Mode == ModePractice }

// StudentCopy is what students get of a: a itself for a practice
// assignment, a copy without the key for a graded one.
func (a *Assignment) StudentCopy() *Assignment {
	if a.Practice() || len(a.Key) == 0 {
		return a
	}
	c := *a
	c.Key = nil
	return &c
}

// assignmentFields are the top-level fields of an assignment.
var assignmentFields = []string{"format", "id", "title", "instructions", "document", "scheme", "key", "options"}

// MaxAssignmentIDLength is the length of the longest assignment id read.
const MaxAssignmentIDLength = 128

// assignmentWire is the JSON form of an Assignment.
type assignmentWire struct {
	Format       string            `json:"format"`
	ID           string            `json:"id"`
	Title        string            `json:"title"`
	Instructions string            `json:"instructions"`
	Document     ExportDocument    `json:"document"`
	Scheme       Scheme            `json:"scheme"`
	Key          []annotationWire  `json:"key,omitempty"`
	Options      AssignmentOptions `json:"options"`
}

// NewAssignmentID returns a new random assignment id: 16 lowercase letters
// and digits (80 bits), safe in URLs and file names.
func NewAssignmentID() string {
	return strings.ToLower(rand.Text()[:16])
}

// NewAssignment returns an assignment with a new id (NewAssignmentID) on
// doc under scheme, with copies of the key's highlights (nil or empty: no
// key). It does not validate the result; see Assignment.Validate.
func NewAssignment(title, instructions string, doc *Document, scheme Scheme, key []Annotation, opts AssignmentOptions) *Assignment {
	if opts.Mode == "" {
		opts.Mode = ModeGraded
	}
	a := &Assignment{
		Format: FormatAssignmentV2, ID: NewAssignmentID(),
		Title: title, Instructions: instructions,
		Document: doc.ExportDocument(), Scheme: scheme.clone(), Options: opts,
	}
	for _, h := range key {
		a.Key = append(a.Key, h.clone())
	}
	return a
}

// AssignmentFromWorkspace returns a new assignment on w's document under
// w's active scheme, whose key is that scheme's highlights (none: no key).
func AssignmentFromWorkspace(w *Workspace, title, instructions string, opts AssignmentOptions) *Assignment {
	return NewAssignment(title, instructions, w.Doc, w.Scheme(), w.Annotations(), opts)
}

// HasKey reports whether a has an answer key (at least one highlight).
func (a *Assignment) HasKey() bool { return len(a.Key) > 0 }

// MarshalJSON writes a with times in UTC and millisecond precision, empty
// lists as [] and "key" only when there is one.
func (a Assignment) MarshalJSON() ([]byte, error) {
	w := assignmentWire{
		Format: FormatAssignmentV2, ID: a.ID, Title: a.Title, Instructions: a.Instructions,
		Document: a.Document, Scheme: a.Scheme, Options: a.Options,
	}
	if len(a.Key) > 0 {
		w.Key = wireAnnotations(a.Key)
	}
	if w.Document.Sentences == nil {
		w.Document.Sentences = []ExportSentence{}
	}
	if w.Scheme.Labels == nil {
		w.Scheme.Labels = []Label{}
	}
	return marshalNoEscape(w)
}

// UnmarshalJSON reads a strictly (unknown fields, missing fields and wrong
// types are *ImportError values naming the field). It does not Validate a;
// ReadAssignment does.
func (a *Assignment) UnmarshalJSON(data []byte) error {
	got, err := decodeAssignment(data)
	if err != nil {
		return err
	}
	*a = *got
	return nil
}

// ReadAssignment reads an assignment file from r: at most MaxImportBytes,
// with or without a leading UTF-8 byte order mark, as strict JSON, then
// validates it (see Assignment.Validate). Every error is an *ImportError.
func ReadAssignment(r io.Reader) (*Assignment, error) {
	data, err := readLimited(r)
	if err != nil {
		return nil, err
	}
	return parseAssignment(data)
}

// parseAssignment checks, decodes and validates an assignment's JSON.
func parseAssignment(data []byte) (*Assignment, error) {
	if err := checkSyntax(data); err != nil {
		return nil, err
	}
	a, err := decodeAssignment(data)
	if err != nil {
		return nil, err
	}
	if err := a.Validate(); err != nil {
		return nil, err
	}
	return a, nil
}

// WriteAssignment writes a as JSON indented by two spaces with a trailing
// newline, as WriteExport does. It does not validate a.
func WriteAssignment(w io.Writer, a *Assignment) error {
	return writeIndented(w, a)
}

// decodeAssignment reads the fields of an assignment strictly. data is
// valid JSON.
func decodeAssignment(data []byte) (*Assignment, error) {
	o, format, err := decodeFile(data, "assignment", checkAssignmentFormat, "an assignment", assignmentFields)
	if err != nil {
		return nil, err
	}
	a := &Assignment{Format: format}
	if err := o.str("id", true, &a.ID); err != nil {
		return nil, err
	}
	if err := o.str("title", false, &a.Title); err != nil {
		return nil, err
	}
	if err := o.str("instructions", false, &a.Instructions); err != nil {
		return nil, err
	}
	do, err := o.object("document", true)
	if err != nil {
		return nil, err
	}
	if a.Document, err = decodeExportDocument(do); err != nil {
		return nil, err
	}
	so, err := o.object("scheme", true)
	if err != nil {
		return nil, err
	}
	if a.Scheme, err = decodeScheme(so); err != nil {
		return nil, err
	}
	items, err := o.list("key", false)
	if err != nil {
		return nil, err
	}
	if len(items) > 0 {
		if a.Key, err = decodeAnnotations(items, "key"); err != nil {
			return nil, err
		}
	}
	oo, err := o.object("options", false)
	if err != nil {
		return nil, err
	}
	a.Options.Mode = ModeGraded
	switch {
	case oo == nil:
	case format == FormatAssignmentV1:
		if err := oo.only("options", "revealKey"); err != nil {
			return nil, err
		}
		var reveal bool
		if err := decodeBool(oo, "revealKey", &reveal); err != nil {
			return nil, err
		}
		if reveal {
			a.Options.Mode = ModePractice
		}
	default:
		if err := oo.only("options", "mode"); err != nil {
			return nil, err
		}
		var mode string
		if err := oo.str("mode", true, &mode); err != nil {
			return nil, err
		}
		a.Options.Mode = AssignmentMode(mode)
	}
	if format == FormatAssignmentV2 && oo == nil {
		return nil, fieldErrf("options", ErrMissingField, `missing; a %s says whether it is "practice" or "graded" ("options": {"mode": "graded"})`, FormatAssignmentV2)
	}
	return a, nil
}

// decodeBool reads the optional true/false field name of o.
func decodeBool(o *jsonObject, name string, dst *bool) error {
	raw, ok, err := o.field(name, false)
	if !ok {
		return err
	}
	if kindOf(raw) != "true or false" {
		return typeErr(fieldPath(o.path, name), "true or false", raw)
	}
	return json.Unmarshal(raw, dst)
}

// checkAssignmentFormat checks the "format" of an assignment.
func checkAssignmentFormat(got string) error {
	switch {
	case got == FormatAssignmentV1 || got == FormatAssignmentV2:
		return nil
	case got == "":
		return fieldErr("format", because("missing; this is not a Stancemark assignment", ErrMissingField, ErrFormat))
	case strings.HasPrefix(got, "stancemark-assignment/v"):
		return fieldErr("format", because(fmt.Sprintf("%q is not supported; this version of Stancemark reads %s and %s (was the file made by a newer Stancemark?)", got, FormatAssignmentV2, FormatAssignmentV1), ErrUnsupportedVersion))
	case got == FormatV1:
		return fieldErr("format", because(fmt.Sprintf("this is a %q export (a student's work?), not an assignment (%s)", got, FormatAssignmentV2), ErrFormat))
	case strings.HasPrefix(got, "stancemark"):
		return fieldErr("format", because(fmt.Sprintf("this is a %q file, not a Stancemark assignment (%s)", got, FormatAssignmentV2), ErrFormat))
	}
	return fieldErr("format", because(fmt.Sprintf("%q: this is not a Stancemark assignment", got), ErrFormat))
}

// Validate checks a as a whole and returns the first problem as an
// *ImportError naming the field:
//   - format is FormatAssignmentV2 or FormatAssignmentV1;
//   - the mode is "practice" or "graded";
//   - id is not empty, at most MaxAssignmentIDLength bytes, and has no
//     spaces or control characters;
//   - the document and scheme are valid as in an export (Export.Validate);
//   - the key's highlights are valid as an export's annotations are.
func (a *Assignment) Validate() error {
	if err := checkAssignmentFormat(a.Format); err != nil {
		return err
	}
	switch {
	case a.ID == "":
		return fieldErrf("id", ErrMissingField, "missing; an assignment needs an id")
	case len(a.ID) > MaxAssignmentIDLength:
		return fieldErrf("id", ErrBadValue, "longer than %d characters", MaxAssignmentIDLength)
	case strings.ContainsFunc(a.ID, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\uFFFD' }):
		return fieldErrf("id", ErrBadValue, "%q has spaces or control characters", a.ID)
	}
	if m := a.Options.Mode; m != ModePractice && m != ModeGraded {
		return fieldErrf("options.mode", ErrBadValue, `%q is not a mode; it is "practice" (the key travels with the assignment) or "graded" (the key stays with the teacher)`, string(m))
	}
	if err := validateExportDocument(&a.Document); err != nil {
		return err
	}
	if err := a.Scheme.Validate(); err != nil {
		return prefixed("scheme", err)
	}
	ids := make(map[string]int, len(a.Document.Sentences))
	for i, s := range a.Document.Sentences {
		ids[s.ID] = i
	}
	lookup := func(id string) int {
		if i, ok := ids[id]; ok {
			return i
		}
		return -1
	}
	return validateAnnotations(a.Key, a.Scheme, lookup, len(ids), "key")
}

// Doc rebuilds the Document of a from its title and text and checks that it
// has a's id and sentences, as Export.Doc does.
func (a *Assignment) Doc() (*Document, error) {
	return (&Export{Document: a.Document}).Doc()
}
