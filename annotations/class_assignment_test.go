package annotations

import (
	"bytes"
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"stancemark/articles"
)

// keyRuns is the answer key testAssignment puts on the bundled article:
// sentence indexes first..last and a label.
var keyRuns = []struct {
	first, last int
	label       string
}{
	{0, 1, "supports"}, {3, 3, "neutral"}, {5, 6, "opposes"}, {9, 9, "supports"},
	{12, 12, "neutral"}, {15, 16, "opposes"}, {20, 20, "unrelated"},
}

// testAssignment returns an assignment on the bundled article with the id
// "k3v9q2x7m4p8r6td", and the key keyRuns when withKey.
func testAssignment(t testing.TB, withKey bool) *Assignment {
	t.Helper()
	doc, err := ParsePlainText(articles.Bundled)
	if err != nil {
		t.Fatal(err)
	}
	w := NewWorkspace(doc)
	w.Annotator = "Teacher"
	clock := &testClock{t: testEpoch}
	w.Now = clock.now
	n := 0
	w.NewID = func() string { n++; return "k" + string(rune('a'+n)) }
	w.SetTarget(articles.BundledTarget)
	if withKey {
		for _, r := range keyRuns {
			h, err := w.Tag(r.first, r.last, r.label)
			if err != nil {
				t.Fatal(err)
			}
			if r.first == 5 {
				w.SetNote(h.ID, "Kirby doubts any coordination.")
			}
		}
	}
	a := AssignmentFromWorkspace(w, "Iran & the U.S. in Iraq", "Tag every sentence that takes a side.\nThen explain one.", AssignmentOptions{Mode: ModePractice})
	a.ID = "k3v9q2x7m4p8r6td"
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestNewAssignmentID(t *testing.T) {
	seen := map[string]bool{}
	for range 100 {
		id := NewAssignmentID()
		if !regexp.MustCompile(`^[a-z2-7]{16}$`).MatchString(id) || seen[id] {
			t.Fatalf("id %q: not 16 base32 characters, or repeated", id)
		}
		seen[id] = true
	}
}

func TestAssignmentGolden(t *testing.T) {
	a := testAssignment(t, true)
	var buf bytes.Buffer
	if err := WriteAssignment(&buf, a); err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/assignment.golden.json"
	if os.Getenv("UPDATE_GOLDEN") != "" {
		os.WriteFile(golden, buf.Bytes(), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("WriteAssignment differs from %s (UPDATE_GOLDEN=1 to rewrite):\n%s", golden, buf.Bytes())
	}
	got, err := ReadAssignment(bytes.NewReader(want))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	WriteAssignment(&again, got)
	if !bytes.Equal(again.Bytes(), want) {
		t.Errorf("read then write is not identity:\n%s", again.Bytes())
	}
	if len(got.Key) != len(keyRuns) || got.Key[2].Note != "Kirby doubts any coordination." || !got.Practice() || got.Scheme.Target != articles.BundledTarget {
		t.Errorf("read %+v", got)
	}
	doc, err := got.Doc()
	if err != nil || len(doc.Sentences) != 23 {
		t.Fatalf("Doc: %v", err)
	}
}

func TestAssignmentWithoutKey(t *testing.T) {
	a := testAssignment(t, false)
	var buf bytes.Buffer
	WriteAssignment(&buf, a)
	if strings.Contains(buf.String(), `"key": [`) {
		t.Errorf("an assignment without a key writes a key:\n%s", buf.String())
	}
	got, err := ReadAssignment(&buf)
	if err != nil || got.HasKey() {
		t.Fatalf("%v, key %v", err, got.Key)
	}
	// title, instructions, key and options may be left out.
	min := `{"format":"stancemark-assignment/v2","id":"x","options":{"mode":"graded"},"document":` + mustJSON(t, a.Document) + `,"scheme":` + mustJSON(t, a.Scheme) + `}`
	if got, err := ReadAssignment(strings.NewReader(min)); err != nil || got.Title != "" || got.Practice() {
		t.Fatalf("minimal assignment: %v", err)
	}
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	data, err := marshalNoEscape(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestReadAssignmentErrors(t *testing.T) {
	a := testAssignment(t, true)
	data, err := a.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	good := string(data)
	replace := func(old, new string) string {
		if !strings.Contains(good, old) {
			t.Fatalf("the assignment has no %q", old)
		}
		return strings.Replace(good, old, new, 1)
	}
	for _, tc := range []struct {
		name, in, want string
		sentinel       error
	}{
		{"not JSON", "hello", "line 1, column 1: invalid JSON", ErrSyntax},
		{"a list", "[]", "this is not a Stancemark assignment (the file holds a list", ErrFormat},
		{"an export", replace(`"format":"stancemark-assignment/v2"`, `"format":"stancemark/v1"`), `format: this is a "stancemark/v1" export (a student's work?), not an assignment`, ErrFormat},
		{"a newer version", replace(`assignment/v2"`, `assignment/v3"`), `format: "stancemark-assignment/v3" is not supported; this version of Stancemark reads stancemark-assignment/v2 and stancemark-assignment/v1`, ErrUnsupportedVersion},
		{"unknown field", replace(`"title":`, `"color":"red","title":`), "color: unknown field (an assignment has format, id, title", ErrUnknownField},
		{"missing id", replace(`"id":"k3v9q2x7m4p8r6td",`, ``), "id: missing", ErrMissingField},
		{"empty id", replace(`"id":"k3v9q2x7m4p8r6td"`, `"id":""`), "id: missing; an assignment needs an id", ErrMissingField},
		{"id with a space", replace(`"id":"k3v9q2x7m4p8r6td"`, `"id":"week 3"`), `id: "week 3" has spaces`, ErrBadValue},
		{"title not text", replace(`"title":"Iran & the U.S. in Iraq"`, `"title":3`), "title: expected text, found a number", ErrBadValue},
		{"key label", replace(`"label":"neutral"`, `"label":"agree"`), `key[1].label: unknown label "agree" (the scheme has supports, opposes, neutral, unrelated)`, ErrUnknownLabel},
		{"key sentence", replace(`"sentences":["s4"]`, `"sentences":["s99"]`), `key[1].sentences[0]: unknown sentence "s99"`, ErrUnknownSentence},
		{"key not a list", replace(`"key":[`, `"key":{"x":[`) + "}", "key: expected a list, found an object", ErrBadValue},
		{"options not an object", replace(`"options":{"mode":"practice"}`, `"options":true`), "options: expected an object, found true or false", ErrBadValue},
		{"no options in v2", replace(`,"options":{"mode":"practice"}`, ``), `options: missing; a stancemark-assignment/v2 says whether it is "practice" or "graded"`, ErrMissingField},
		{"mode not text", replace(`"mode":"practice"`, `"mode":true`), "options.mode: expected text, found true or false", ErrBadValue},
		{"unknown mode", replace(`"mode":"practice"`, `"mode":"exam"`), `options.mode: "exam" is not a mode; it is "practice"`, ErrBadValue},
		{"a v1 option in v2", replace(`"mode":"practice"`, `"revealKey":true`), "options.revealKey: unknown field", ErrUnknownField},
		{"unknown option", replace(`"mode":"practice"`, `"mode":"practice","timer":5`), "options.timer: unknown field", ErrUnknownField},
		{"revealKey not a bool in v1", strings.Replace(replace(`"mode":"practice"`, `"revealKey":"yes"`), "assignment/v2", "assignment/v1", 1), "options.revealKey: expected true or false, found text", ErrBadValue},
		{"text changed", replace(`Pentagon spokesman`, `Pentagon spokeswoman`), "document.id:", ErrHashMismatch},
		{"scheme label key", replace(`"key":"1"`, `"key":"0"`), `scheme.labels[0].key: "0" is not a key from 1 to 9`, ErrBadValue},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadAssignment(strings.NewReader(tc.in))
			var ie *ImportError
			if !errors.As(err, &ie) || !errors.Is(err, tc.sentinel) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want an *ImportError wrapping %v with %q", err, tc.sentinel, tc.want)
			}
		})
	}
}

func TestSubmissionFileName(t *testing.T) {
	for _, tc := range []struct{ assignment, student, want string }{
		{"Iran & the U.S.", "Zoë O'Neil", "iran-the-u-s-zoë-o-neil.stancemark.json"},
		{"k3v9q2x7m4p8r6td", "ada", "k3v9q2x7m4p8r6td-ada.stancemark.json"},
		{"  ", "../../etc/passwd", "assignment-etc-passwd.stancemark.json"},
		{"Week 3", "", "week-3-student.stancemark.json"},
		{strings.Repeat("long ", 30), "Ada", "long-long-long-long-long-long-long-long-long-lon-ada.stancemark.json"},
	} {
		if got := SubmissionFileName(tc.assignment, tc.student); got != tc.want {
			t.Errorf("SubmissionFileName(%q, %q) = %q, want %q", tc.assignment, tc.student, got, tc.want)
		}
	}
	a := testAssignment(t, false)
	if got := AssignmentFileName(a); got != "iran-the-u-s-in-iraq.assignment.json" {
		t.Errorf("AssignmentFileName = %q", got)
	}
	if got := a.SubmissionFileName("Ada K."); got != "iran-the-u-s-in-iraq-ada-k.stancemark.json" {
		t.Errorf("Assignment.SubmissionFileName = %q", got)
	}
	a.Title = "?"
	if got := a.SubmissionFileName("Ada K."); got != "k3v9q2x7m4p8r6td-ada-k.stancemark.json" {
		t.Errorf("Assignment.SubmissionFileName without a title = %q", got)
	}
	if got := AssignmentFileName(a); got != "k3v9q2x7m4p8r6td.assignment.json" {
		t.Errorf("AssignmentFileName without a title = %q", got)
	}
}

func TestAssignmentStudentWorkspaceAndSubmission(t *testing.T) {
	a := testAssignment(t, true)
	a.Scheme.Labels[0].Name = "For" // an edited preset replaces the preset
	w, err := a.NewWorkspace()
	if err != nil {
		t.Fatal(err)
	}
	if w.Scheme().ID != "default" || w.Scheme().Labels[0].Name != "For" || w.CanUndo() || len(w.Annotations()) != 0 {
		t.Fatalf("workspace scheme %+v, undo %v", w.Scheme(), w.CanUndo())
	}
	w.Tag(0, 1, "supports")
	w.SelectScheme("fnc1") // the student wanders off: the submission still uses the assignment's scheme
	w.Tag(2, 2, "agree")
	e := a.Submission(w, "Ada K.", time.Date(2026, 3, 2, 10, 0, 0, 0, time.FixedZone("CET", 3600)))
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := a.CheckSubmission(e); err != nil {
		t.Fatal(err)
	}
	if e.Assignment != a.ID || e.Annotator.Name != "Ada K." || len(e.Annotations) != 1 || e.Exported.Location() != time.UTC {
		t.Errorf("submission %+v", e)
	}
	if k := a.KeyExport(); k.Validate() != nil || len(k.Annotations) != len(keyRuns) || k.Annotator.Name != "key" {
		t.Errorf("KeyExport %+v: %v", k, k.Validate())
	}
	var buf bytes.Buffer
	WriteExport(&buf, e)
	if !strings.Contains(buf.String(), `"assignment": "k3v9q2x7m4p8r6td"`) {
		t.Errorf("the submission file has no assignment id:\n%s", buf.String())
	}
}

// TestAssignmentV1StillRead: a stancemark-assignment/v1 file (the golden
// file as v1 wrote it) is read: revealKey true is a practice assignment,
// false a graded one; written again, it is a v2 file that reads back the same.
func TestAssignmentV1StillRead(t *testing.T) {
	data, err := os.ReadFile("testdata/assignment-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	a, err := ReadAssignment(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if !a.Practice() || !a.HasKey() || a.Format != FormatAssignmentV1 {
		t.Errorf("v1 with revealKey true: mode %q, key %d, format %q; want practice with its key", a.Options.Mode, len(a.Key), a.Format)
	}
	graded, err := ReadAssignment(strings.NewReader(strings.Replace(string(data), `"revealKey": true`, `"revealKey": false`, 1)))
	if err != nil || graded.Options.Mode != ModeGraded {
		t.Fatalf("v1 with revealKey false: %v, mode %q; want graded", err, graded.Options.Mode)
	}
	var buf bytes.Buffer
	if err := WriteAssignment(&buf, a); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"format": "stancemark-assignment/v2"`) || !strings.Contains(buf.String(), `"mode": "practice"`) {
		t.Errorf("a v1 assignment is not written as v2:\n%s", buf.String())
	}
	back, err := ReadAssignment(&buf)
	if err != nil || back.ID != a.ID || len(back.Key) != len(a.Key) || !back.Practice() {
		t.Errorf("v2 of a v1 assignment reads back as %+v, %v", back, err)
	}
}

// TestStudentCopy: a graded assignment's student copy has no key, and its
// file and link hold none of the key's notes; a practice one travels whole.
func TestStudentCopy(t *testing.T) {
	a := testAssignment(t, true)
	a.Options.Mode = ModeGraded
	c := a.StudentCopy()
	if c.HasKey() || !a.HasKey() {
		t.Fatalf("graded: student copy has %d highlights of key, the teacher's %d", len(c.Key), len(a.Key))
	}
	var buf bytes.Buffer
	if err := WriteAssignment(&buf, c); err != nil {
		t.Fatal(err)
	}
	link, err := EncodeAssignmentLink(c)
	if err != nil {
		t.Fatal(err)
	}
	fromLink, err := DecodeAssignmentLink(link)
	if err != nil {
		t.Fatal(err)
	}
	for what, s := range map[string]string{"file": buf.String(), "link": mustJSON(t, fromLink)} {
		// "key" is also a label's hotkey; the answer key is a list
		if strings.Contains(s, `"key": [`) || strings.Contains(s, `"key":[`) || strings.Contains(s, "Kirby doubts any coordination.") {
			t.Errorf("the graded student copy's %s holds the key:\n%s", what, s)
		}
	}
	a.Options.Mode = ModePractice
	if p := a.StudentCopy(); len(p.Key) != len(a.Key) {
		t.Errorf("practice: the student copy has %d highlights of key, want %d", len(p.Key), len(a.Key))
	}
}
