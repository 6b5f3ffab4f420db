package annotations

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExportRoundTrip checks that reading any input never panics, that
// errors are *ImportError values, and that an export that reads writes back
// identically after a second read (export -> import -> export is identity).
// The seed corpus is in testdata/fuzz/FuzzExportRoundTrip.
func FuzzExportRoundTrip(f *testing.F) {
	if golden, err := os.ReadFile("testdata/export.golden.json"); err == nil {
		f.Add(golden)
	}
	f.Add([]byte(`{"format":"stancemark/v1"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, _, ok := fuzzRoundTrip(t, data, ReadExport, WriteExport)
		if !ok {
			return
		}
		// When this version splits the text the same way, importing and
		// exporting again gives the same file.
		doc, err := e.Doc()
		if err != nil {
			return
		}
		w := NewWorkspace(doc)
		w.Annotator = e.Annotator.Name
		if err := w.Import(e); err != nil {
			t.Fatalf("Import of a valid export of its own document: %v", err)
		}
		out := w.Export(e.Exported)
		out.Assignment = e.Assignment
		var third bytes.Buffer
		WriteExport(&third, out)
		if e2, _ := ReadExport(bytes.NewReader(third.Bytes())); e2 == nil || len(e2.Annotations) != len(e.Annotations) {
			t.Fatalf("import then export lost highlights:\n%s", third.Bytes())
		}
	})
}

// FuzzRestoreWorkspace checks that RestoreWorkspace never panics and that
// what it restores marshals back to the same state.
func FuzzRestoreWorkspace(f *testing.F) {
	doc := testDoc(f, 6)
	w := NewWorkspace(doc)
	w.Tag(0, 1, "supports")
	w.Tag(3, 3, "opposes")
	data, _ := w.MarshalState()
	f.Add(data)
	f.Add([]byte(`{"format":"stancemark-state/v1"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := RestoreWorkspace(doc, data)
		if err != nil {
			var ie *ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an *ImportError", err)
			}
			return
		}
		out, err := r.MarshalState()
		if err != nil {
			t.Fatal(err)
		}
		r2, err := RestoreWorkspace(doc, out)
		if err != nil {
			t.Fatalf("restoring what was saved: %v", err)
		}
		if out2, _ := r2.MarshalState(); !bytes.Equal(out, out2) {
			t.Fatalf("save(restore(save(x))) differs")
		}
	})
}

// FuzzNewDocument checks the segmentation invariants on any text: no panic,
// canonical text idempotent, sentences non-empty, trimmed, inside their
// paragraph, ascending, with offsets giving their text.
func FuzzNewDocument(f *testing.F) {
	for _, s := range []string{
		"Rear Adm. John Kirby spoke. \"Why?\" he asked.\n\nNext.",
		"日本語。二つ。\r\n\u00a0\r\nEmoji 👨\u200d👩\u200d👧 here. 3. Fine!",
		"\xff\xfe. . .. ... ?! \"\" ''",
		"1.) a 2.) b • x • ⁃3. y It rained.Then the E.U. Officials at 6 p.m. Then King Jr.'s . . . I . . . . The a. b. c) www.x.org/A.B. Go",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		d, err := NewDocument("t", body)
		text, _ := CanonicalText(body)
		if again, _ := CanonicalText(text); again != text {
			t.Fatalf("CanonicalText not idempotent on %q", body)
		}
		if err != nil {
			if strings.TrimFunc(text, isSpace) != "" {
				t.Fatalf("NewDocument(%q): %v", body, err)
			}
			return
		}
		runes := []rune(d.Text)
		prevEnd := 0
		for i, s := range d.Sentences {
			p := d.Paragraphs[s.Paragraph]
			switch {
			case s.ID != sentenceID(i):
				t.Fatalf("sentence %d has id %s", i, s.ID)
			case s.Start < prevEnd || s.Start >= s.End || s.Start < p.Start || s.End > p.End:
				t.Fatalf("%s offsets %d..%d (paragraph %d..%d, previous end %d)", s.ID, s.Start, s.End, p.Start, p.End, prevEnd)
			case string(runes[s.Start:s.End]) != s.Text:
				t.Fatalf("%s text %q is not at its offsets", s.ID, s.Text)
			case strings.TrimFunc(s.Text, isSpace) != s.Text || !utf8.ValidString(s.Text):
				t.Fatalf("%s text %q is not trimmed valid UTF-8", s.ID, s.Text)
			case d.Quote(i, i) != s.Text:
				t.Fatalf("Quote(%d, %d) = %q", i, i, d.Quote(i, i))
			}
			prevEnd = s.End
		}
		e := &Export{Format: FormatV1, Document: d.ExportDocument()}
		if _, err := e.Doc(); err != nil { // also: every word of the text is in a sentence
			t.Fatalf("Doc() of its own export: %v", err)
		}
		for _, b := range d.Explain() {
			if b.At < 0 || b.At > len(runes) || b.Rule == "" {
				t.Fatalf("Explain: %+v", b)
			}
		}
	})
}
