package annotations

import (
	"bytes"
	"os"
	"testing"
)

// The classroom formats of issue 17 as golden files, their malformed
// variants (testdata/malformed/{assignment,handin,class}: NAME.json and
// the exact message in NAME.want; go test -update rewrites the .want
// files) and their JSON Schemas (web/schema, made by
// tools/gen_classroom_schemas.py).

const (
	handinGolden = "testdata/handin.golden.json"
	classGolden  = "testdata/class.golden.json"
	// feedbackGolden is Cy's feedback in the golden class
	feedbackGolden = "testdata/feedback.golden.json"
)

// classroomGoldens returns the golden handin and class file, as written now.
func classroomGoldens(t *testing.T) (handin, class, feedback []byte) {
	t.Helper()
	a := testAssignment(t, true)
	a.Options.Mode = ModeGraded
	first := submit(t, a, "Cy", 3, keyRunsAsRuns()[:2]...)
	h := handinFile(t, first, 1, false)
	c := NewClass(a)
	c.Add("cy-1.stancemark.json", h)
	c.Add("cy-2.stancemark.json", handinFile(t, submit(t, a, "Cy", 9, keyRunsAsRuns()...), 2, true))
	c.Add("broken.json", []byte(`{"format":`))
	var buf, fb bytes.Buffer
	if err := WriteClass(&buf, c, false); err != nil {
		t.Fatal(err)
	}
	f, ok := c.Report().FeedbackFor("Cy")
	if !ok {
		t.Fatal("no feedback for Cy")
	}
	if err := WriteFeedbackFile(&fb, f); err != nil {
		t.Fatal(err)
	}
	return h, buf.Bytes(), fb.Bytes()
}

func TestClassroomGoldens(t *testing.T) {
	h, c, f := classroomGoldens(t)
	for name, got := range map[string][]byte{handinGolden: h, classGolden: c, feedbackGolden: f} {
		if os.Getenv("UPDATE_GOLDEN") != "" {
			os.WriteFile(name, got, 0o644)
		}
		want, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs (UPDATE_GOLDEN=1 to rewrite)", name)
		}
	}
}

func TestMalformedClassroomFiles(t *testing.T) {
	for dir, read := range map[string]func([]byte) error{
		"testdata/malformed/assignment": func(b []byte) error { _, err := ReadAssignment(bytes.NewReader(b)); return err },
		"testdata/malformed/handin":     func(b []byte) error { _, err := ReadHandin(bytes.NewReader(b)); return err },
		"testdata/malformed/class":      func(b []byte) error { _, err := ReadClass(bytes.NewReader(b)); return err },
		"testdata/malformed/feedback":   func(b []byte) error { _, err := ReadFeedbackFile(bytes.NewReader(b)); return err },
	} {
		for _, m := range malformedIn(t, dir, 4) {
			t.Run(dir+"/"+m.name, func(t *testing.T) {
				err := read(m.data)
				if err == nil {
					t.Fatalf("read accepts %s", m.name)
				}
				checkMalformed(t, dir, m, err)
			})
		}
	}
}
