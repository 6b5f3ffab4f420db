package annotations

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
)

// malformedFiles returns the files of testdata/malformed (NAME.json, its
// message in NAME.want; go test -update rewrites the .want files) and those
// too big or too silly to commit, generated here.
func malformedFiles(t *testing.T) []malformed {
	t.Helper()
	out := malformedIn(t, "testdata/malformed", 30)
	base, err := os.ReadFile("testdata/malformed/bom.json")
	if err != nil {
		t.Fatal(err)
	}
	base = bytes.TrimPrefix(base, []byte("\uFEFF"))
	note := func(runes int) []byte {
		return bytes.Replace(base, []byte(`"note": "Kirby says so"`), []byte(`"note": "`+strings.Repeat("é", runes)+`"`), 1)
	}
	out = append(out,
		malformed{"generated: a note of 5 MB", note(5 << 20 / 2),
			"annotations[0].note: too long: 2,621,440 characters; a note can have at most 10,000"},
		malformed{"generated: a note of exactly MaxNoteRunes", note(MaxNoteRunes), ""},
		// 21 MB, more than MaxImportBytes, is read (an export may reach
		// MaxExportBytes; TestReadExportBOMAndSize tries one byte more).
		malformed{"generated: a file of 21 MB", append(note(21<<20/2), ' '),
			"annotations[0].note: too long: 11,010,048 characters; a note can have at most 10,000"},
	)
	return out
}

// TestMalformedFiles reads every malformed file, imports it into a
// workspace on the bundled article that already holds work, and checks the
// exact message and that the workspace did not change (imports are all or
// nothing). Nothing may panic.
func TestMalformedFiles(t *testing.T) {
	doc := bundledArticle(t)
	for _, m := range malformedFiles(t) {
		t.Run(m.name, func(t *testing.T) {
			w := NewWorkspace(doc)
			mustTag(t, w, 0, 1, "neutral")
			mustTag(t, w, 10, 12, "opposes")
			w.SelectScheme("fever")
			mustTag(t, w, 5, 5, "refutes")
			before, _ := w.MarshalState()
			v, undo := w.Version(), w.CanUndo()

			e, err := ReadExport(bytes.NewReader(m.data))
			if err == nil {
				err = w.Import(e)
			}
			checkMalformed(t, "testdata/malformed", m, err)
			if m.want == "" {
				return
			}
			// Import without ReadExport's checks must refuse it too.
			var raw Export
			// (Bytes that are not UTF-8 are a property of the file, not of
			// the decoded Export.)
			if json := bytes.TrimPrefix(m.data, []byte("\uFEFF")); !errors.Is(err, ErrEncoding) && raw.UnmarshalJSON(json) == nil {
				if err := w.Import(&raw); err == nil && e == nil {
					t.Error("Import accepts what ReadExport refuses")
				}
			}
			after, _ := w.MarshalState()
			if !bytes.Equal(before, after) || w.Version() != v || w.CanUndo() != undo {
				t.Error("a refused import changed the workspace")
			}
		})
	}
}

// TestImportOtherDocument: a valid file for another document is read, and
// Import refuses it by name, changing nothing.
func TestImportOtherDocument(t *testing.T) {
	w := NewWorkspace(bundledArticle(t))
	mustTag(t, w, 0, 1, "neutral")
	before, _ := w.MarshalState()
	other := testWorkspace(t, 3)
	mustTag(t, other, 0, 0, "supports")
	var buf bytes.Buffer
	WriteExport(&buf, other.Export(testEpoch))
	e, err := ReadExport(&buf)
	if err != nil {
		t.Fatal(err)
	}
	err = w.Import(e)
	want := `document.id: this file is for another document, "Test" (` + other.Doc.ID + `); the open document is "Could U.S., Iran Work Together In Iraq? Maybe, Officials Say" (` + w.Doc.ID + `)`
	if err == nil || err.Error() != want {
		t.Errorf("Import = %v\nwant %s", err, want)
	}
	if after, _ := w.MarshalState(); !bytes.Equal(before, after) {
		t.Error("the workspace changed")
	}
}

// TestLimits: the edits refuse what is over a limit and change nothing.
func TestLimits(t *testing.T) {
	w := testWorkspace(t, 4)
	a := mustTag(t, w, 0, 1, "supports")
	v := w.Version()
	err := w.SetNote(a.ID, strings.Repeat("x", MaxNoteRunes+1))
	if !errors.Is(err, ErrTooLong) || err.Error() != "note: too long: 10,001 characters; a note can have at most 10,000" {
		t.Errorf("SetNote: %v", err)
	}
	if err := w.SetNote(a.ID, strings.Repeat("😀", MaxNoteRunes)); err != nil {
		t.Errorf("SetNote of MaxNoteRunes emoji: %v", err)
	}
	v++
	err = w.SetTarget(strings.Repeat("t", MaxTargetRunes+1))
	if !errors.Is(err, ErrTooLong) || err.Error() != "target: too long: 2,001 characters; the target claim can have at most 2,000" {
		t.Errorf("SetTarget: %v", err)
	}
	s := w.Scheme()
	s.Labels[0].Name = strings.Repeat("n", MaxLabelRunes+1)
	err = w.SetScheme(s)
	if !errors.Is(err, ErrTooLong) || err.Error() != "labels[0].name: too long: 101 characters; a label name can have at most 100" {
		t.Errorf("SetScheme: %v", err)
	}
	if w.Version() != v || w.Scheme().Target != "" {
		t.Error("a refused edit changed the workspace")
	}
}

func TestMaxSentences(t *testing.T) {
	body := strings.Repeat("Go. ", MaxSentences)
	if !testing.Short() {
		d, err := NewDocument("Big", body)
		if err != nil || len(d.Sentences) != MaxSentences {
			t.Fatalf("NewDocument of %d sentences: %v", MaxSentences, err)
		}
	}
	_, err := ParsePlainText("Too big\n\n" + body + "One more.")
	want := "the text has 50,001 sentences; Stancemark opens documents of at most 50,000 sentences (split it into parts)"
	if !errors.Is(err, ErrTooManySentences) || err.Error() != want {
		t.Errorf("err = %v", err)
	}
}

func BenchmarkNewDocument50000(b *testing.B) {
	var sb strings.Builder
	for i := range MaxSentences {
		sb.WriteString("Officials said sentence ")
		sb.WriteString(thousands(i))
		sb.WriteString(" is about Iran. ")
		if i%5 == 4 {
			sb.WriteString("\n\n")
		}
	}
	body := sb.String()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		d, err := NewDocument("Bench", body)
		if err != nil || len(d.Sentences) != MaxSentences {
			b.Fatal(err)
		}
	}
}
