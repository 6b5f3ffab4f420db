package annotations

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// handinFile returns the bytes of a handin of e.
func handinFile(t testing.TB, e *Export, attempt int, shown bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteHandin(&buf, NewHandin(e, attempt, shown)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestHandinRoundTrip(t *testing.T) {
	a := testAssignment(t, true)
	e := submit(t, a, "Ada", 5, adaRuns...)
	data := handinFile(t, e, 2, true)
	h, err := ReadHandin(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if h.Attempt != 2 || !h.FeedbackShown || h.Work.Annotator.Name != "Ada" || len(h.Work.Annotations) != len(e.Annotations) {
		t.Errorf("read back %+v", h)
	}
	var again bytes.Buffer
	if err := WriteHandin(&again, h); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), data) {
		t.Errorf("read then write is not identity:\n%s\n%s", again.Bytes(), data)
	}
}

func TestReadHandinErrors(t *testing.T) {
	a := testAssignment(t, true)
	good := string(handinFile(t, submit(t, a, "Ada", 5, adaRuns...), 1, false))
	replace := func(old, new string) string {
		if !strings.Contains(good, old) {
			t.Fatalf("the handin has no %q", old)
		}
		return strings.Replace(good, old, new, 1)
	}
	for _, tc := range []struct {
		name, in, want string
		sentinel       error
	}{
		{"newer", replace(`handin/v1`, `handin/v2`), `format: "stancemark-handin/v2" is not supported`, ErrUnsupportedVersion},
		{"no attempt", replace(`"attempt": 1,`, ``), "attempt: missing", ErrMissingField},
		{"negative attempt", replace(`"attempt": 1`, `"attempt": -1`), "attempt: expected a whole number of 0 or more, found -1", ErrBadValue},
		{"no feedbackShown", replace(`"feedbackShown": false,`, ``), "feedbackShown: missing", ErrMissingField},
		{"feedbackShown not a bool", replace(`"feedbackShown": false`, `"feedbackShown": "no"`), "feedbackShown: expected true or false, found text", ErrBadValue},
		{"work not an object", `{"format":"stancemark-handin/v1","attempt":1,"feedbackShown":false,"work":[]}`, "work: expected an object, found a list", ErrBadValue},
		{"work's label", replace(`"label": "supports"`, `"label": "agree"`), `work.annotations[0].label: unknown label "agree"`, ErrUnknownLabel},
		{"no assignment", replace(`"assignment": "k3v9q2x7m4p8r6td",`, ``), "work.assignment: missing; a handin is a submission for an assignment", ErrNotSubmission},
		{"unknown field", replace(`"attempt": 1,`, `"attempt": 1, "score": 100,`), "score: unknown field (a handin has format, attempt, feedbackShown, work)", ErrUnknownField},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadHandin(strings.NewReader(tc.in))
			var ie *ImportError
			if !errors.As(err, &ie) || !errors.Is(err, tc.sentinel) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want an *ImportError wrapping %v with %q", err, tc.sentinel, tc.want)
			}
		})
	}
}

// TestClassScoresBeforeFeedback is the gaming attempt of issue 17: a
// student submits, sees the key, fixes the two mistakes and submits again.
// The class scores the first submission and marks the second "after
// feedback", whatever order the files are read in.
func TestClassScoresBeforeFeedback(t *testing.T) {
	a := testAssignment(t, true)
	first := submit(t, a, "Cy", 3, keyRunsAsRuns()[:len(keyRuns)-2]...)
	fixed := submit(t, a, "Cy", 9, keyRunsAsRuns()...)
	files := []NamedFile{
		{"cy-1.json", handinFile(t, first, 1, false)},
		{"cy-2.json", handinFile(t, fixed, 2, true)},
	}
	for _, order := range [][]NamedFile{files, {files[1], files[0]}} {
		r := LoadSubmissions(a, order)
		if len(r.Students) != 1 || len(r.Problems) != 0 {
			t.Fatalf("%d students, problems %v", len(r.Students), r.Problems)
		}
		row := r.Students[0]
		if row.File != "cy-1.json" || *row.Accuracy == 1 || row.Attempt != 1 {
			t.Errorf("scored %s (attempt %d) at %v, want the first submission, cy-1.json, below 100%%", row.File, row.Attempt, *row.Accuracy)
		}
		if len(row.AfterFeedback) != 1 || row.AfterFeedback[0] != "cy-2.json" || !r.Duplicates[0].AfterFeedback {
			t.Errorf("after feedback: %v, duplicates %+v; want cy-2.json", row.AfterFeedback, r.Duplicates)
		}
	}
	// Two submissions before any feedback: the newer one is scored.
	r := LoadSubmissions(a, []NamedFile{{"cy-2.json", handinFile(t, fixed, 2, false)}, {"cy-1.json", handinFile(t, first, 1, false)}})
	if row := r.Students[0]; row.File != "cy-2.json" || len(row.AfterFeedback) != 0 {
		t.Errorf("before feedback twice: scored %s, after feedback %v; want cy-2.json, none", row.File, row.AfterFeedback)
	}
}

// TestClassFlagsDifferences: a submission against another claim or with
// renamed labels is scored and flagged by name.
func TestClassFlagsDifferences(t *testing.T) {
	a := testAssignment(t, true)
	e := submit(t, a, "Dee", 3, adaRuns...)
	e.Scheme.Target = "Aliens made the crater."
	e.Scheme.Labels[0].Name = "Yes"
	r := LoadSubmissions(a, []NamedFile{{"dee.json", handinFile(t, e, 1, false)}})
	if len(r.Students) != 1 {
		t.Fatalf("problems %v", r.Problems)
	}
	flags := strings.Join(r.Students[0].Flags, " | ")
	if !strings.Contains(flags, `the claim: "Aliens made the crater."`) || !strings.Contains(flags, "the labels: Yes, Opposes") {
		t.Errorf("flags %q", flags)
	}
	if f := LoadSubmissions(a, []NamedFile{{"ada.json", exportFile(t, submit(t, a, "Ada", 3, adaRuns...))}}).Students[0].Flags; len(f) != 0 {
		t.Errorf("a faithful submission is flagged: %q", f)
	}
}
