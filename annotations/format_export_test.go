package annotations

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata")

// testExport returns a workspace on a 4-sentence document with two
// highlights, and its export written by WriteExport.
func testExport(t *testing.T) (*Workspace, []byte) {
	t.Helper()
	w := testWorkspace(t, 4)
	mustTag(t, w, 0, 1, "supports")
	mustNote(t, w, "a1", "A <note> & \"quote\"\nsecond line")
	mustTag(t, w, 3, 3, "opposes")
	var buf bytes.Buffer
	if err := WriteExport(&buf, w.Export(testEpoch)); err != nil {
		t.Fatal(err)
	}
	return w, buf.Bytes()
}

func TestWriteExportGolden(t *testing.T) {
	_, got := testExport(t)
	const golden = "testdata/export.golden.json"
	if *updateGolden {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("WriteExport differs from %s (go test -update rewrites it):\n%s", golden, got)
	}
}

func TestWriteExportForm(t *testing.T) {
	e := &Export{
		Format:   FormatV1,
		Exported: time.Date(2024, 5, 1, 12, 0, 0, 123456789, time.FixedZone("CEST", 2*3600)),
		Document: ExportDocument{ID: "x"},
	}
	var buf bytes.Buffer
	if err := WriteExport(&buf, e); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		`"exported": "2024-05-01T10:00:00.123Z"`,
		`"annotations": []`,
		`"sentences": []`,
		`"labels": []`,
		"\n  \"annotator\": {\n    \"name\": \"\"\n  },\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if byValue, _ := json.Marshal(struct{ E Export }{*e}); !strings.Contains(string(byValue), `"exported":"2024-05-01T10:00:00.123Z"`) {
		t.Errorf("an Export inside a value is not written in UTC milliseconds: %s", byValue)
	}
	if strings.Contains(out, "assignment") {
		t.Error("empty assignment written")
	}
	if !strings.HasSuffix(out, "}\n") || strings.HasSuffix(out, "\n\n") {
		t.Error("output does not end with one newline")
	}
	e.Assignment = "hw-1"
	buf.Reset()
	WriteExport(&buf, e)
	if !strings.Contains(buf.String(), "\"exported\": \"2024-05-01T10:00:00.123Z\",\n  \"assignment\": \"hw-1\",\n") {
		t.Errorf("assignment not after exported:\n%s", buf.String())
	}
}

func TestExportRoundTrip(t *testing.T) {
	w, data := testExport(t)
	e, err := ReadExport(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := WriteExport(&again, e); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, again.Bytes()) {
		t.Errorf("round trip differs:\n%s\n---\n%s", data, again.Bytes())
	}
	// Any RFC 3339 time is read, and written back in UTC milliseconds.
	loose := strings.Replace(string(data), `"exported": "2024-05-01T10:00:00.000Z"`, `"exported": "2024-05-01T12:00:00.0004+02:00"`, 1)
	e, err = ReadExport(strings.NewReader(loose))
	if err != nil {
		t.Fatal(err)
	}
	again.Reset()
	WriteExport(&again, e)
	if !bytes.Equal(data, again.Bytes()) {
		t.Error("an RFC 3339 time in another zone is not written back as UTC milliseconds")
	}
	d, err := e.Doc()
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != w.Doc.ID || len(d.Sentences) != len(w.Doc.Sentences) {
		t.Error("Doc() does not rebuild the document")
	}
	// Import into a fresh workspace gives the same export.
	fresh := NewWorkspace(d)
	fresh.Annotator = "Ada"
	if err := fresh.Import(e); err != nil {
		t.Fatal(err)
	}
	again.Reset()
	WriteExport(&again, fresh.Export(testEpoch))
	if !bytes.Equal(data, again.Bytes()) {
		t.Errorf("import then export differs:\n%s", again.Bytes())
	}
	if a, _ := fresh.At(0); a.Annotator != "Ada" {
		t.Errorf("imported highlight annotator %q", a.Annotator)
	}
}

func TestExportDoc(t *testing.T) {
	_, data := testExport(t)
	tests := []struct {
		name  string
		edit  func(e *Export)
		field string
	}{
		{"sentences split differently", func(e *Export) { e.Document.Sentences[0].End = 19 }, "document.sentences"},
		{"a sentence too many", func(e *Export) {
			e.Document.Sentences = append(e.Document.Sentences, ExportSentence{ID: "s5", Paragraph: 1, Start: 90, End: 91})
		}, "document.sentences"},
		{"text not canonical", func(e *Export) {
			e.Document.Text = strings.Replace(e.Document.Text, "\n\n", "\n \n", 1)
			e.Document.ID = DocumentID(e.Document.Text)
		}, "document.text"},
		{"empty text", func(e *Export) { e.Document.Text = "" }, "document.text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := ReadExport(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			tt.edit(e)
			_, err = e.Doc()
			var ie *ImportError
			if !errors.As(err, &ie) || ie.Field != tt.field {
				t.Errorf("Doc() = %v, want an error on %s", err, tt.field)
			}
		})
	}
}

// largeReader yields n bytes: data, then spaces.
type largeReader struct {
	data []byte
	n    int
}

func (r *largeReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	k := min(len(p), r.n)
	c := copy(p[:k], r.data)
	r.data = r.data[c:]
	for i := c; i < k; {
		i += copy(p[i:k], spaces[:])
	}
	r.n -= k
	return k, nil
}

// spaces fills a largeReader past its data.
var spaces = [4096]byte{}

func init() {
	for i := range spaces {
		spaces[i] = ' '
	}
}

func TestReadExportErrors(t *testing.T) {
	w, data := testExport(t)
	base := string(data)
	other := testWorkspace(t, 3)
	var otherData bytes.Buffer
	WriteExport(&otherData, other.Export(testEpoch))

	replace := func(old, new string) func() string {
		return func() string {
			if !strings.Contains(base, old) {
				t.Fatalf("base export lacks %q", old)
			}
			return strings.Replace(base, old, new, 1)
		}
	}
	tests := []struct {
		name   string
		input  func() string
		field  string
		msg    string // the whole message, or with a trailing "…" its start
		err    error
		readOK bool // ReadExport accepts it; only Workspace.Import refuses it
	}{
		{"malformed JSON", replace(`"format": "stancemark/v1",`, `"format": "stancemark/v1"`), "",
			`line 3, column 3: invalid JSON: invalid character '"' after object key:value pair`, ErrSyntax, false},
		{"not JSON at all", func() string { return "Could U.S., Iran Work Together?\n\nThe United States..." }, "",
			"line 1, column 1: invalid JSON: this file is not JSON; a Stancemark file starts with {", ErrSyntax, false},
		{"cut off", func() string { return base[:len(base)/2] }, "",
			"line …", ErrSyntax, false},
		{"trailing data", func() string { return base + "{}" }, "",
			"line …", ErrSyntax, false},
		{"empty file", func() string { return " \n" }, "", "the file is empty", ErrEmptyFile, false},
		{"JSON but a list", func() string { return "[1, 2]" }, "",
			"this is not a Stancemark export (the file holds a list, not an object)", ErrFormat, false},
		{"missing format", replace(`"format": "stancemark/v1",`, ``), "format",
			"format: missing; this is not a Stancemark export", ErrMissingField, false},
		{"some other JSON", func() string { return `{"name": "x"}` }, "format",
			"format: missing; this is not a Stancemark export", ErrFormat, false},
		{"wrong version", replace(`"stancemark/v1"`, `"stancemark/v2"`), "format",
			`format: "stancemark/v2" is not supported; this version of Stancemark reads stancemark/v1 (was the file made by a newer Stancemark?)`, ErrUnsupportedVersion, false},
		{"an assignment", replace(`"stancemark/v1"`, `"stancemark-assignment/v1"`), "format",
			`format: this is a "stancemark-assignment/v1" file, not a Stancemark export (stancemark/v1)`, ErrFormat, false},
		{"unknown top-level field", replace(`"format": "stancemark/v1",`, `"format": "stancemark/v1", "extra": 1,`), "extra",
			"extra: unknown field (an export has format, exported, assignment, annotator, document, scheme, annotations)", ErrUnknownField, false},
		{"unknown annotation field", replace(`"label": "opposes",`, `"label": "opposes", "colour": "red",`), "annotations[1].colour",
			"annotations[1].colour: unknown field (a highlight has id, sentences, label, note, created, modified)", ErrUnknownField, false},
		{"missing field", replace(`"label": "opposes",`, ``), "annotations[1].label",
			"annotations[1].label: missing", ErrMissingField, false},
		{"wrong type", replace(`"paragraph": 0,`, `"paragraph": "0",`), "document.sentences[0].paragraph",
			"document.sentences[0].paragraph: expected a whole number, found text", ErrBadValue, false},
		{"fraction offset", replace(`"end": 20`, `"end": 20.5`), "document.sentences[0].end",
			"document.sentences[0].end: expected a whole number of 0 or more, found 20.5", ErrBadValue, false},
		{"unknown label", replace(`"label": "supports"`, `"label": "agree"`), "annotations[0].label",
			`annotations[0].label: unknown label "agree" (the scheme has supports, opposes, neutral, unrelated)`, ErrUnknownLabel, false},
		{"unknown sentence", replace(`"s4"
      ],`, `"s99"
      ],`), "annotations[1].sentences[0]",
			`annotations[1].sentences[0]: unknown sentence "s99" (the document has s1 to s4)`, ErrUnknownSentence, false},
		{"overlap", replace(`"s4"
      ],`, `"s2"
      ],`), "annotations[1].sentences[0]",
			`annotations[1].sentences[0]: sentence "s2" is also in annotations[0] ("a1"); a sentence can be in only one highlight`, ErrOverlap, false},
		{"not contiguous", replace(`"s2"
      ],`, `"s3"
      ],`), "annotations[0].sentences[1]",
			`annotations[0].sentences[1]: "s3" does not follow "s1"; a highlight is one run of consecutive sentences`, ErrNotContiguous, false},
		{"no sentences", replace(`"s4"
      ],`, `],`), "annotations[1].sentences",
			"annotations[1].sentences: empty; a highlight needs at least one sentence", ErrMissingField, false},
		{"duplicate id", replace(`"id": "a2"`, `"id": "a1"`), "annotations[1].id",
			`annotations[1].id: duplicate id "a1" (also annotations[0])`, ErrDuplicateID, false},
		{"bad time", replace(`"created": "2024-05-01T10:00:01.000Z"`, `"created": "yesterday"`), "annotations[0].created",
			`annotations[0].created: "yesterday" is not an RFC 3339 time`, ErrBadTime, false},
		{"modified before created", replace(`"created": "2024-05-01T10:00:01.000Z"`, `"created": "2025-01-01T00:00:00Z"`), "annotations[0].modified",
			"annotations[0].modified: 2024-05-01T10:00:02.000Z is before created (2025-01-01T00:00:00.000Z)", ErrBadTime, false},
		{"text changed", replace(`Alpha is`, `Alpha was`), "document.id",
			"document.id: \"" + w.Doc.ID + "\" does not match the document text (was the text changed after the export?)", ErrHashMismatch, false},
		{"sentence ids out of order", replace(`"id": "s2"`, `"id": "s3"`), "document.sentences[1].id",
			`document.sentences[1].id: expected "s2", found "s3" (sentences are numbered s1, s2, … in order)`, ErrBadValue, false},
		{"offset past the text", replace(`"end": 86`, `"end": 87`), "document.sentences[3]",
			"document.sentences[3]: start 66 and end 87 are not a range inside the text (86 characters)", ErrBadOffset, false},
		{"overlapping sentences", replace(`"start": 21`, `"start": 19`), "document.sentences[1].start",
			"document.sentences[1].start: 19 is before the end of s1 (20)", ErrBadOffset, false},
		{"invalid scheme", replace(`"key": "2"`, `"key": "1"`), "scheme.labels[1].key",
			`scheme.labels[1].key: duplicate key "1" (also labels[0])`, ErrDuplicateID, false},
		{"other document", func() string { return otherData.String() }, "document.id",
			"document.id: this file is for another document, \"Test\" (" + other.Doc.ID + "); the open document is \"Test\" (" + w.Doc.ID + ")", ErrOtherDocument, true},
		{"sentences split differently", replace(`"end": 20`, `"end": 19`), "document.sentences",
			"document.sentences: do not match the text as this version of Stancemark splits it (the first difference is at s1)", ErrBadOffset, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.input()
			e, err := ReadExport(strings.NewReader(in))
			if tt.readOK {
				if err != nil {
					t.Fatalf("ReadExport: %v", err)
				}
				err = w.Import(e)
			}
			checkImportError(t, err, tt.field, tt.msg, tt.err)

			// Workspace.Import of whatever decodes changes nothing.
			var dec Export
			if json.Unmarshal([]byte(in), &dec) != nil {
				return
			}
			before, v := snapshot(t, w), w.Version()
			if err := w.Import(&dec); err == nil {
				t.Fatal("Import accepted it")
			}
			if snapshot(t, w) != before || w.Version() != v || w.Scheme().ID != "default" {
				t.Error("a failed Import changed the workspace")
			}
		})
	}
}

func checkImportError(t *testing.T, err error, field, msg string, target error) {
	t.Helper()
	var ie *ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("error %v (%T) is not an *ImportError", err, err)
	}
	if ie.Field != field {
		t.Errorf("Field = %q, want %q", ie.Field, field)
	}
	if prefix, ok := strings.CutSuffix(msg, "…"); ok {
		if !strings.HasPrefix(err.Error(), prefix) {
			t.Errorf("message %q does not start with %q", err, prefix)
		}
	} else if err.Error() != msg {
		t.Errorf("message\n got %s\nwant %s", err, msg)
	}
	if !errors.Is(err, target) {
		t.Errorf("error does not wrap %v", target)
	}
}

func TestReadExportBOMAndSize(t *testing.T) {
	_, data := testExport(t)
	if _, err := ReadExport(bytes.NewReader(append([]byte("\uFEFF"), data...))); err != nil {
		t.Errorf("with a BOM: %v", err)
	}
	if _, err := ReadExport(&largeReader{data: data, n: MaxExportBytes}); err != nil {
		t.Errorf("exactly MaxExportBytes: %v", err)
	}
	_, err := ReadExport(&largeReader{data: data, n: MaxExportBytes + 1})
	checkImportError(t, err, "", "the file is larger than 148 MB", ErrTooLarge)
}

func TestSyntaxErrorPosition(t *testing.T) {
	tests := []struct {
		name, in  string
		line, col int
	}{
		{"first line", `{"format" 1}`, 1, 11},
		{"after newlines", "{\n  \"a\": 1,\n  }", 3, 3},
		{"after multibyte characters", "{\"é😀\": x}", 1, 8},
		{"not JSON after spaces", "\n\n  hello", 3, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadExport(strings.NewReader(tt.in))
			var ie *ImportError
			if !errors.As(err, &ie) || ie.Line != tt.line || ie.Column != tt.col {
				t.Errorf("got %v (line %d, column %d), want line %d, column %d", err, ie.Line, ie.Column, tt.line, tt.col)
			}
		})
	}
}

func TestAnnotationJSON(t *testing.T) {
	a := Annotation{ID: "a1", Label: "supports", Annotator: "not written",
		Created:  time.Date(2024, 1, 1, 1, 0, 0, 999999999, time.FixedZone("", 3600)),
		Modified: time.Date(2024, 1, 1, 0, 0, 1, 0, time.UTC)}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"a1","sentences":[],"label":"supports","note":"","created":"2024-01-01T00:00:00.999Z","modified":"2024-01-01T00:00:01.000Z"}`
	if string(b) != want {
		t.Errorf("got %s\nwant %s", b, want)
	}
	var back Annotation
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.ID != "a1" || !back.Created.Equal(a.Created.Truncate(time.Millisecond)) || back.Annotator != "" {
		t.Errorf("read back %+v", back)
	}
	err = json.Unmarshal([]byte(`{"id":"a1","sentences":["s1"],"label":"x","created":"yesterday","modified":"2024-01-01T00:00:01Z"}`), &back)
	if err == nil || err.Error() != `created: "yesterday" is not an RFC 3339 time` {
		t.Errorf("bad time: %v", err)
	}
}
