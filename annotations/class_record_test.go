package annotations

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// TestClassFileRoundTrip: the class file keeps the key, every file loaded
// (refused ones with their reason) and the scoring; written again it is
// the same bytes; compact, each handin costs its highlights, not the text.
func TestClassFileRoundTrip(t *testing.T) {
	a := testAssignment(t, true)
	a.Options.Mode = ModeGraded
	c := NewClass(a)
	c.Add("cy-1.json", handinFile(t, submit(t, a, "Cy", 3, keyRunsAsRuns()[:2]...), 1, false))
	c.Add("cy-2.json", handinFile(t, submit(t, a, "Cy", 9, keyRunsAsRuns()...), 2, true))
	c.Add("ada.json", exportFile(t, submit(t, a, "Ada", 5, adaRuns...)))
	c.Add("broken.json", []byte(`{"format":`))
	var file, compact bytes.Buffer
	if err := WriteClass(&file, c, false); err != nil {
		t.Fatal(err)
	}
	if err := WriteClass(&compact, c, true); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(compact.String(), `"sentences":[{"id"`); n != 1 {
		t.Errorf("the compact class file has the article's text %d times, want once (in the assignment)", n)
	}
	for _, data := range [][]byte{file.Bytes(), compact.Bytes()} {
		got, err := ReadClass(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if !got.Assignment.HasKey() || got.Assignment.Options.Mode != ModeGraded {
			t.Errorf("the class file lost the key or the mode")
		}
		r, want := got.Report(), c.Report()
		if len(r.Students) != 2 || len(r.Problems) != 1 || r.Students[1].File != "cy-1.json" || len(r.Students[1].AfterFeedback) != 1 {
			t.Errorf("read back: %d students, %d problems, %+v", len(r.Students), len(r.Problems), r.Students)
		}
		if r.Problems[0].Error() != want.Problems[0].Error() {
			t.Errorf("problem %q, want %q", r.Problems[0], want.Problems[0])
		}
		var again bytes.Buffer
		WriteClass(&again, got, false)
		if !bytes.Equal(again.Bytes(), file.Bytes()) {
			t.Errorf("read then write is not identity")
		}
	}
	if !c.Remove("cy-1.json") || c.Remove("nothing.json") {
		t.Fatal("Remove")
	}
	if r := c.Report(); len(r.Students) != 2 || r.Students[1].File != "cy-2.json" || len(r.Duplicates) != 0 {
		t.Errorf("after removing cy-1.json: %+v", r.Students)
	}
}

func TestReadClassErrors(t *testing.T) {
	a := testAssignment(t, true)
	c := NewClass(a)
	c.Add("ada.json", handinFile(t, submit(t, a, "Ada", 5, adaRuns...), 1, false))
	var buf bytes.Buffer
	WriteClass(&buf, c, true)
	good := buf.String()
	for _, tc := range []struct {
		name, in, want string
		sentinel       error
	}{
		{"newer", strings.Replace(good, "class/v1", "class/v2", 1), `format: "stancemark-class/v2" is not supported`, ErrUnsupportedVersion},
		{"an assignment", strings.Replace(good, `"format":"stancemark-class/v1"`, `"format":"stancemark-assignment/v2"`, 1), `format:`, ErrFormat},
		{"bad key label", strings.Replace(good, `"label":"supports"`, `"label":"agree"`, 1), `assignment.key[0].label: unknown label "agree"`, ErrUnknownLabel},
		{"bad handin label", replaceLast(good, `"label":"opposes"`, `"label":"nope"`), `files[0].handin.work.annotations`, ErrUnknownLabel},
		{"no name", strings.Replace(good, `"name":"ada.json",`, ``, 1), `files[0].name: missing`, ErrMissingField},
		{"both", strings.Replace(good, `"name":"ada.json",`, `"name":"ada.json","problem":"x",`, 1), `files[0]: a file of the class has either "handin" or "problem"`, ErrBadValue},
		{"other document", replaceLast(good, `"document":{"id":"sha256:`, `"document":{"id":"sha256:0`), `files[0].handin.work.document`, ErrImport},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadClass(strings.NewReader(tc.in))
			var ie *ImportError
			if !errors.As(err, &ie) || (tc.sentinel != ErrImport && !errors.Is(err, tc.sentinel)) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want an *ImportError wrapping %v with %q", err, tc.sentinel, tc.want)
			}
		})
	}
}

// ErrImport stands for "any *ImportError" in TestReadClassErrors.
var ErrImport = errors.New("any")

// replaceLast replaces the last old in s with new.
func replaceLast(s, old, new string) string {
	i := strings.LastIndex(s, old)
	if i < 0 {
		panic("no " + old)
	}
	return s[:i] + new + s[i+len(old):]
}
