package annotations

import (
	"io"
	"strings"
)

// FormatFeedbackV1 is the "format" of the feedback a teacher sends back.
const FormatFeedbackV1 = "stancemark-feedback/v1"

// FeedbackFile is a graded assignment's feedback for one student
// ("stancemark-feedback/v1"), sent back by the teacher from the dashboard
// as a file or a link (FeedbackLink, "#f=DATA"): the assignment with its
// key (the grading is done, so the key may now travel) and the student's
// scored work. The student's app shows it as Assignment.Compare of the two,
// and from then on the student's submissions are "after feedback". In JSON:
//
//	{
//	  "format": "stancemark-feedback/v1",
//	  "assignment": {a stancemark-assignment/v2 with the key},
//	  "work": {the scored stancemark/v1 export}
//	}
type FeedbackFile struct {
	Assignment *Assignment
	Work       *Export
}

// FeedbackFor returns the feedback file of student (the scored submission),
// or false when the class has no such student or the assignment no key.
func (r *ClassReport) FeedbackFor(student string) (*FeedbackFile, bool) {
	if !r.Assignment.HasKey() {
		return nil, false
	}
	for _, s := range r.Submissions {
		if studentKey(s.Student) == studentKey(student) {
			return &FeedbackFile{Assignment: r.Assignment, Work: s.Export}, true
		}
	}
	return nil, false
}

// Feedback is the feedback of f: its work against its key.
func (f *FeedbackFile) Feedback() (*Feedback, error) { return f.Assignment.Compare(f.Work) }

// FileName is "<assignment slug>-<student slug>.feedback.json".
func (f *FeedbackFile) FileName() string {
	return strings.TrimSuffix(f.Assignment.SubmissionFileName(f.Work.Annotator.Name), ".stancemark.json") + ".feedback.json"
}

// MarshalJSON writes f's assignment and work as their own MarshalJSON do.
func (f FeedbackFile) MarshalJSON() ([]byte, error) {
	a, err := f.Assignment.MarshalJSON()
	if err != nil {
		return nil, err
	}
	w, err := f.Work.MarshalJSON()
	if err != nil {
		return nil, err
	}
	return marshalNoEscape(struct {
		Format     string      `json:"format"`
		Assignment rawNoEscape `json:"assignment"`
		Work       rawNoEscape `json:"work"`
	}{FormatFeedbackV1, a, w})
}

// WriteFeedbackFile writes f indented by two spaces.
func WriteFeedbackFile(w io.Writer, f *FeedbackFile) error { return writeIndented(w, f) }

// ReadFeedbackFile reads a feedback file strictly: the assignment as
// ReadAssignment, the work as a submission for it (CheckSubmission). Every
// error is an *ImportError naming the field.
func ReadFeedbackFile(r io.Reader) (*FeedbackFile, error) {
	data, err := readLimitedTo(r, MaxExportBytes)
	if err != nil {
		return nil, err
	}
	return parseFeedbackFile(data)
}

// parseFeedbackFile checks, decodes and validates a feedback file's JSON.
func parseFeedbackFile(data []byte) (*FeedbackFile, error) {
	if err := checkSyntax(data); err != nil {
		return nil, err
	}
	o, _, err := decodeFile(data, "feedback file", func(got string) error { return checkFormat(got, FormatFeedbackV1) }, "a feedback file", []string{"format", "assignment", "work"})
	if err != nil {
		return nil, err
	}
	f := &FeedbackFile{}
	raw, _, err := o.field("assignment", true)
	if err != nil {
		return nil, err
	}
	if kindOf(raw) != "an object" {
		return nil, typeErr("assignment", "an object", raw)
	}
	if f.Assignment, err = decodeAssignment(raw); err == nil {
		err = f.Assignment.Validate()
	}
	if err != nil {
		return nil, prefixed("assignment", err)
	}
	if raw, _, err = o.field("work", true); err != nil {
		return nil, err
	}
	if kindOf(raw) != "an object" {
		return nil, typeErr("work", "an object", raw)
	}
	if f.Work, err = decodeExport(raw); err == nil {
		if err = f.Work.Validate(); err == nil {
			err = f.Assignment.CheckSubmission(f.Work)
		}
	}
	if err != nil {
		return nil, prefixed("work", err)
	}
	return f, nil
}

// FeedbackLink returns appURL + "#f=" + DATA, DATA made as an assignment
// link's is, of f's compact JSON.
func FeedbackLink(appURL string, f *FeedbackFile) (string, error) {
	data, err := f.MarshalJSON()
	if err != nil {
		return "", err
	}
	enc, err := deflateLink(data)
	if err != nil {
		return "", err
	}
	if i := strings.IndexByte(appURL, '#'); i >= 0 {
		appURL = appURL[:i]
	}
	return appURL + "#f=" + enc, nil
}

// DecodeFeedbackLink reads the feedback file of a link's DATA (after
// "#f="), with the limits and messages of DecodeAssignmentLink.
func DecodeFeedbackLink(data string) (*FeedbackFile, error) {
	js, err := inflateLink(data, "f", "feedback")
	if err != nil {
		return nil, err
	}
	return parseFeedbackFile(js)
}
