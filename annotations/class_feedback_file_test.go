package annotations

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// TestFeedbackFileRoundTrip: the feedback a teacher sends back, as a file
// and as a link, reads back to the same feedback; another student's or a
// class without a key has none.
func TestFeedbackFileRoundTrip(t *testing.T) {
	a := testAssignment(t, true)
	a.Options.Mode = ModeGraded
	r := LoadSubmissions(a, []NamedFile{{"ada.json", handinFile(t, submit(t, a, "Ada", 5, adaRuns...), 1, false)}})
	f, ok := r.FeedbackFor("ada")
	if !ok {
		t.Fatal("no feedback for Ada")
	}
	want, err := f.Feedback()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteFeedbackFile(&buf, f); err != nil {
		t.Fatal(err)
	}
	fromFile, err := ReadFeedbackFile(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	link, err := FeedbackLink("https://class.example.org/#x", f)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(link, "https://class.example.org/#f=") {
		t.Errorf("link %q", link[:40])
	}
	fromLink, err := DecodeFeedbackLink(link[strings.Index(link, "#")+1:])
	if err != nil {
		t.Fatal(err)
	}
	for what, g := range map[string]*FeedbackFile{"file": fromFile, "link": fromLink} {
		got, err := g.Feedback()
		if err != nil || got.Score != want.Score || got.KeyTagged != want.KeyTagged || g.Work.Annotator.Name != "Ada" {
			t.Errorf("%s: feedback %+v, %v; want score %d of %d", what, got, err, want.Score, want.KeyTagged)
		}
	}
	if f.FileName() != "iran-the-u-s-in-iraq-ada.feedback.json" {
		t.Errorf("file name %q", f.FileName())
	}
	if _, ok := r.FeedbackFor("Bob"); ok {
		t.Error("feedback for a student not in the class")
	}
	if _, ok := LoadSubmissions(testAssignment(t, false), nil).FeedbackFor("Ada"); ok {
		t.Error("feedback without a key")
	}
}

func TestReadFeedbackFileErrors(t *testing.T) {
	a := testAssignment(t, true)
	r := LoadSubmissions(a, []NamedFile{{"ada.json", exportFile(t, submit(t, a, "Ada", 5, adaRuns...))}})
	f, _ := r.FeedbackFor("Ada")
	data, _ := f.MarshalJSON()
	good := string(data)
	for _, tc := range []struct {
		name, in, want string
		sentinel       error
	}{
		{"newer", strings.Replace(good, "feedback/v1", "feedback/v2", 1), `format: "stancemark-feedback/v2" is not supported`, ErrUnsupportedVersion},
		{"no work", good[:strings.LastIndex(good, `,"work":`)] + "}", "work: missing", ErrMissingField},
		{"other assignment", replaceLast(good, `"assignment":"k3v9q2x7m4p8r6td"`, `"assignment":"other"`), `work.assignment: belongs to assignment "other"`, ErrOtherAssignment},
		{"bad link", "", "the link has no feedback data after #f=", ErrBadLink},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			if tc.name == "bad link" {
				_, err = DecodeFeedbackLink("#f=")
			} else {
				_, err = ReadFeedbackFile(strings.NewReader(tc.in))
			}
			var ie *ImportError
			if !errors.As(err, &ie) || !errors.Is(err, tc.sentinel) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want an *ImportError wrapping %v with %q", err, tc.sentinel, tc.want)
			}
		})
	}
}
