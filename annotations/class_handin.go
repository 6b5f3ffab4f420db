package annotations

import "io"

// FormatHandinV1 is the "format" of what a student's Submit writes.
const FormatHandinV1 = "stancemark-handin/v1"

// Handin is a student's submission as the app's Submit writes it
// ("stancemark-handin/v1"): their work, a stancemark/v1 export carrying the
// assignment's id, and whether feedback against the key had been shown to
// them before they submitted it. In JSON:
//
//	{
//	  "format": "stancemark-handin/v1",
//	  "attempt": 2,
//	  "feedbackShown": true,
//	  "work": {a stancemark/v1 export with "assignment": "<id>"}
//	}
//
// Attempt counts the student's submissions of the assignment in that
// browser, from 1. The class scores a student's work from before feedback
// (see Class.Add); a handin made after feedback is kept, marked "after
// feedback", and not scored. A plain stancemark/v1 export still reads as a
// submission: attempt 0 (unknown), feedback not shown.
type Handin struct {
	Format        string  `json:"format"`
	Attempt       int     `json:"attempt"`
	FeedbackShown bool    `json:"feedbackShown"`
	Work          *Export `json:"work"`
}

// handinFields are the top-level fields of a handin.
var handinFields = []string{"format", "attempt", "feedbackShown", "work"}

// NewHandin wraps a student's submission (Assignment.Submission).
func NewHandin(work *Export, attempt int, feedbackShown bool) *Handin {
	return &Handin{Format: FormatHandinV1, Attempt: attempt, FeedbackShown: feedbackShown, Work: work}
}

// WriteHandin writes h indented by two spaces, as WriteExport does.
func WriteHandin(w io.Writer, h *Handin) error { return writeIndented(w, h) }

// MarshalJSON writes h, its work as MarshalJSON of an Export writes it.
func (h Handin) MarshalJSON() ([]byte, error) {
	work, err := h.Work.MarshalJSON()
	if err != nil {
		return nil, err
	}
	return marshalNoEscape(struct {
		Format        string      `json:"format"`
		Attempt       int         `json:"attempt"`
		FeedbackShown bool        `json:"feedbackShown"`
		Work          rawNoEscape `json:"work"`
	}{FormatHandinV1, h.Attempt, h.FeedbackShown, work})
}

// rawNoEscape is JSON already written.
type rawNoEscape []byte

// MarshalJSON returns r.
func (r rawNoEscape) MarshalJSON() ([]byte, error) { return r, nil }

// ReadHandin reads a handin from r (at most MaxExportBytes) strictly, and
// validates its work as ReadExport does. Every error is an *ImportError
// naming the field ("work.annotations[0].label", "attempt").
func ReadHandin(r io.Reader) (*Handin, error) {
	data, err := readLimitedTo(r, MaxExportBytes)
	if err != nil {
		return nil, err
	}
	if err := checkSyntax(data); err != nil {
		return nil, err
	}
	return decodeHandin(data)
}

// decodeHandin reads a handin's fields strictly and validates its work.
// data is valid JSON.
func decodeHandin(data []byte) (*Handin, error) {
	o, format, err := decodeFile(data, "handin", func(got string) error { return checkFormat(got, FormatHandinV1) }, "a handin", handinFields)
	if err != nil {
		return nil, err
	}
	h := &Handin{Format: format}
	if err := o.int("attempt", true, &h.Attempt); err != nil {
		return nil, err
	}
	if _, ok, err := o.field("feedbackShown", true); !ok {
		return nil, err
	}
	if err := decodeBool(o, "feedbackShown", &h.FeedbackShown); err != nil {
		return nil, err
	}
	raw, _, err := o.field("work", true)
	if err != nil {
		return nil, err
	}
	if kindOf(raw) != "an object" {
		return nil, typeErr("work", "an object", raw)
	}
	e, err := decodeExport(raw)
	if err == nil {
		err = e.Validate()
	}
	if err != nil {
		return nil, prefixed("work", err)
	}
	if e.Assignment == "" {
		return nil, fieldErrf("work.assignment", ErrNotSubmission, "missing; a handin is a submission for an assignment")
	}
	h.Work = e
	return h, nil
}

// isHandin reports whether data is a JSON object whose "format" is a
// handin's (any version).
func isHandin(data []byte) bool { return HasFormat(data, "stancemark-handin/") }
