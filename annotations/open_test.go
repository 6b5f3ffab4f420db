package annotations

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestOpen(t *testing.T) {
	w := testWorkspace(t, 4)
	if _, err := w.Tag(1, 2, "supports"); err != nil {
		t.Fatal(err)
	}
	var export bytes.Buffer
	if err := WriteExport(&export, w.Export(testEpoch)); err != nil {
		t.Fatal(err)
	}
	var assignment bytes.Buffer
	a := NewAssignment("Homework", "Tag it.", w.Doc, w.Scheme(), nil, AssignmentOptions{})
	if err := WriteAssignment(&assignment, a); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file string
		data       []byte
		kind       OpenedKind
		title      string
		highlights int // of an export
	}{
		{"plain text", "a.txt", []byte("Title\n\nOne. Two."), OpenedDocument, "Title", 0},
		{"markdown by its name", "a.md", []byte("# Title\n\n**One**."), OpenedDocument, "Title", 0},
		{"sniffed HTML by a tag browsers sniff", "download", []byte("<font size=2>Note</font><h1>Title</h1><p>One.</p>"), OpenedDocument, "Title", 0},
		{"text starting like a bitmap", "cars.txt", []byte("BMW recalls cars\n\nThe recall is large."), OpenedDocument, "BMW recalls cars", 0},
		{"export", "work.json", export.Bytes(), OpenedExport, "Test", 1},
		{"export with a BOM and no extension", "download", append([]byte("\xef\xbb\xbf"), export.Bytes()...), OpenedExport, "Test", 1},
		{"assignment", "homework.json", assignment.Bytes(), OpenedAssignment, "Test", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := Open(tt.file, tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if o.Kind != tt.kind || o.Document == nil || o.Document.Title != tt.title {
				t.Fatalf("Open = %v, want %v %q", o, tt.kind, tt.title)
			}
			if (o.Export != nil) != (tt.kind == OpenedExport) || (o.Assignment != nil) != (tt.kind == OpenedAssignment) {
				t.Errorf("Export %v, Assignment %v for a %v", o.Export != nil, o.Assignment != nil, tt.kind)
			}
			if o.Export != nil && len(o.Export.Annotations) != tt.highlights {
				t.Errorf("%d highlights, want %d", len(o.Export.Annotations), tt.highlights)
			}
			if o.Assignment != nil && o.Assignment.Title != "Homework" {
				t.Errorf("assignment title %q", o.Assignment.Title)
			}
		})
	}
}

func TestOpenErrors(t *testing.T) {
	w := testWorkspace(t, 2)
	var export bytes.Buffer
	if err := WriteExport(&export, w.Export(testEpoch)); err != nil {
		t.Fatal(err)
	}
	badLabel := strings.Replace(export.String(), `"format": "stancemark/v1"`, `"format": "stancemark/v9"`, 1)
	if badLabel == export.String() {
		t.Fatal("the export's format field was not found")
	}
	tests := []struct {
		name, file string
		data       []byte
		kind       OpenedKind
		sentinel   error
		msg        string
	}{
		{"image", "photo.png", append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 16)...), OpenedDocument, ErrNotText, "photo.png is not a text file (it looks like image/png)"},
		{"bitmap", "b.txt", append([]byte("BM"), make([]byte, 16)...), OpenedDocument, ErrNotText, "b.txt is not a text file (it looks like image/bmp)"},
		{"zip (a Word file)", "essay.docx", []byte("PK\x03\x04\x14\x00\x06\x00"), OpenedDocument, ErrNotText, "essay.docx is not a text file (it looks like application/zip)"},
		{"other JSON", "data.json", []byte(`{"rows": [1, 2]}`), OpenedDocument, ErrNotText, "data.json holds JSON data, not an article: open it as an export or an assignment"},
		{"export of a later version", "work.json", []byte(badLabel), OpenedExport, ErrUnsupportedVersion, ""},
		{"assignment without a document", "a.json", []byte(`{"format": "stancemark-assignment/v1", "id": "x"}`), OpenedAssignment, ErrMissingField, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(tt.file, tt.data)
			var oe *OpenError
			var ie *ImportError
			if !errors.As(err, &oe) || !errors.As(err, &ie) || !errors.Is(err, tt.sentinel) {
				t.Fatalf("error = %v (%T), want an *OpenError with an *ImportError wrapping %v", err, err, tt.sentinel)
			}
			if oe.Kind != tt.kind || oe.Name != tt.file {
				t.Errorf("OpenError{%q, %v}, want {%q, %v}", oe.Name, oe.Kind, tt.file, tt.kind)
			}
			if tt.msg != "" && err.Error() != tt.msg {
				t.Errorf("message %q, want %q", err, tt.msg)
			}
		})
	}
}

func ExampleOpen() {
	o, err := Open("notes.md", []byte("# Budget vote\n\nThe council met. It voted *yes*."))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(o.Kind, o.Document.Title, len(o.Document.Sentences))
	_, err = Open("scan.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"))
	fmt.Println(err)
	// Output:
	// document Budget vote 2
	// scan.pdf is not a text file (it looks like application/pdf)
}

func TestOpenProjectAndSubmission(t *testing.T) {
	p := submissionProject(t)
	var pf, sf bytes.Buffer
	if err := WriteProject(&pf, p); err != nil {
		t.Fatal(err)
	}
	if err := WriteSubmission(&sf, sampleSubmission(p)); err != nil {
		t.Fatal(err)
	}
	o, err := Open("study.json", pf.Bytes())
	if err != nil || o.Kind != OpenedProject || o.Project == nil || o.Project.ID != p.ID {
		t.Fatalf("Open(project) = %v, %v", o, err)
	}
	o, err = Open("ana.json", sf.Bytes())
	if err != nil || o.Kind != OpenedSubmission || o.Submission == nil || o.Submission.Annotator != "ana" {
		t.Fatalf("Open(submission) = %v, %v", o, err)
	}
	broken := bytes.Replace(pf.Bytes(), []byte(`"stancemark-project/v1"`), []byte(`"stancemark-project/v9"`), 1)
	var oe *OpenError
	if _, err := Open("study.json", broken); !errors.As(err, &oe) || oe.Kind != OpenedProject || !errors.Is(err, ErrUnsupportedVersion) {
		t.Errorf("a later project version: %v", err)
	}
}

func TestOpenGold(t *testing.T) {
	p := goldProject(t)
	g := mustGold(t, GoldInput{Project: p, Submissions: plantedSubmissions(p)})
	var buf bytes.Buffer
	if err := WriteGold(&buf, g); err != nil {
		t.Fatal(err)
	}
	o, err := Open("gold.json", buf.Bytes())
	if err != nil || o.Kind != OpenedGold || o.Gold == nil || len(o.Gold.Entries) != len(g.Entries) {
		t.Fatalf("Open(gold) = %v, %v", o, err)
	}
	if got := o.String(); got != fmt.Sprintf("gold file with %d labels", len(g.Entries)) {
		t.Errorf("String() = %q", got)
	}
	broken := bytes.Replace(buf.Bytes(), []byte(`"majority"`), []byte(`"plurality"`), 1)
	var oe *OpenError
	if _, err := Open("gold.json", broken); !errors.As(err, &oe) || oe.Kind != OpenedGold || !errors.Is(err, ErrBadValue) {
		t.Errorf("a gold file with an unknown policy: %v", err)
	}
}
