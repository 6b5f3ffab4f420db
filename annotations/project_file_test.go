package annotations

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
)

// projectGolden is the project NewProject makes of sampleProjectInput.
const projectGolden = "testdata/project.golden.json"

// sampleProjectInput is a small FNC-1-like input: two articles (the second
// one twice, under two keys), pairs with references in FNC-1's spelling,
// three annotators and a codebook.
func sampleProjectInput(t testing.TB) ProjectInput {
	t.Helper()
	doc := func(src string) *Document {
		d, err := ParsePlainText(src)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	fnc1 := Presets()[1]
	one := doc("Iran and the U.S.\n\nOfficials said on Monday that Iran & the U.S. could work together. Rear Adm. John Kirby declined to comment.\n\n\"Why?\" he asked. Talks followed.")
	two := doc("A spider in Bali\n\nA man says a spider burrowed under his skin. Doctors doubt it.")
	return ProjectInput{
		Scheme: fnc1,
		Codebook: Codebook{
			Guidelines: "Read the whole article first.\n\nThen judge the headline.",
			Labels: []LabelGuide{
				{Label: "unrelated", Definition: "The article is about something else."},
				{Label: "agree", Definition: "The article says the headline is true.", Examples: []string{"Officials confirmed it."}},
			},
		},
		Articles: []ArticleInput{
			{Key: "1", Document: one, Source: "bodies.csv:2", Meta: map[string]string{"Body ID": "1"}},
			{Key: "2", Document: two, Source: "bodies.csv:3", Meta: map[string]string{"Body ID": "2"}},
			{Key: "3", Document: doc("Same spider\n\nA man says a spider burrowed under his skin. Doctors doubt it."), Source: "bodies.csv:4"},
		},
		Pairs: []PairInput{
			{Article: "2", Claim: "Spider burrows under man's skin", Reference: "Discuss", Source: "stances.csv:2"},
			{Article: "1", Claim: "Iran and the U.S. will work together in Iraq", Reference: "agree", Source: "stances.csv:3"},
			{Article: "1", Claim: "Spider burrows under man's skin", Reference: "unrelated", Source: "stances.csv:4"},
			{Article: "3", Claim: "Spider burrows under man's skin ", Reference: " discuss", Source: "stances.csv:5"},
			{Article: "2", Claim: "Iran and the U.S. will work together in Iraq", Source: "stances.csv:6"},
		},
		Annotators: []string{"ana", "ben", " cy "},
		Overlap:    2,
		Options:    ProjectOptions{OverallStance: true, IdleSeconds: 90},
	}
}

func sampleProject(t testing.TB) *Project {
	t.Helper()
	p, err := NewProject(sampleProjectInput(t))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func writeProject(t testing.TB, p *Project) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteProject(&buf, p); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestProjectGolden: NewProject of the sample input writes the golden file
// (go test -update rewrites it), and reading and writing it again gives the
// same bytes.
func TestProjectGolden(t *testing.T) {
	got := writeProject(t, sampleProject(t))
	if *updateGolden {
		if err := os.WriteFile(projectGolden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(projectGolden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("NewProject wrote\n%s\nwant (%s)\n%s", got, projectGolden, want)
	}
	p, err := ReadProject(bytes.NewReader(want))
	if err != nil {
		t.Fatal(err)
	}
	if again := writeProject(t, p); !bytes.Equal(again, want) {
		t.Errorf("write(read(golden)) differs:\n%s", again)
	}
	// With a byte order mark, and through the io.Reader of a large file.
	if _, err := ReadProject(bytes.NewReader(append([]byte("\uFEFF"), want...))); err != nil {
		t.Errorf("with a BOM: %v", err)
	}
}

// TestNewProjectTwiceSameBytes: no clock, no randomness.
func TestNewProjectTwiceSameBytes(t *testing.T) {
	a, b := writeProject(t, sampleProject(t)), writeProject(t, sampleProject(t))
	if !bytes.Equal(a, b) {
		t.Error("two NewProject runs on one input wrote different bytes")
	}
}

// TestWriteProjectOmitsEmpty: a minimal project writes only the required
// fields.
func TestWriteProjectOmitsEmpty(t *testing.T) {
	p, err := NewProject(ProjectInput{
		Title:    "Bare",
		Articles: []ArticleInput{{Document: testDoc(t, 2)}},
		Claims:   []string{"Alpha is true."},
	})
	if err != nil {
		t.Fatal(err)
	}
	out := string(writeProject(t, p))
	for _, field := range []string{`"codebook"`, `"annotators"`, `"overlap"`, `"options"`, `"reference"`, `"source"`, `"meta"`, `"description"` + ": \"\""} {
		if strings.Contains(out, field) {
			t.Errorf("%s is written:\n%s", field, out)
		}
	}
	for _, field := range []string{`"format": "stancemark-project/v1"`, `"id": "p`, `"title": "Bare"`, `"hash": "sha256:`, `"scheme"`, `"documents"`, `"claims"`, `"tasks"`} {
		if !strings.Contains(out, field) {
			t.Errorf("%s is missing:\n%s", field, out)
		}
	}
	if _, err := ReadProject(strings.NewReader(out)); err != nil {
		t.Error(err)
	}
}

// TestReadProjectErrors: every error is an *ImportError wrapping the
// sentinel named.
func TestReadProjectErrors(t *testing.T) {
	golden, err := os.ReadFile(projectGolden)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, old, new string
		want           error
	}{
		{"newer version", `"stancemark-project/v1"`, `"stancemark-project/v2"`, ErrUnsupportedVersion},
		{"hash", `"hash": "sha256:`, `"hash": "sha256:0`, ErrHashMismatch},
		{"reference", `"reference": "agree"`, `"reference": "Agree"`, ErrUnknownLabel},
		{"unknown field", `"overlap": 2`, `"overlap": 2, "seed": 1`, ErrUnknownField},
		{"overlap", `"overlap": 2`, `"overlap": 4`, ErrRange},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bad := strings.Replace(string(golden), tt.old, tt.new, 1)
			if bad == string(golden) {
				t.Fatalf("the edit %q does not apply", tt.old)
			}
			_, err := ReadProject(strings.NewReader(bad))
			var ie *ImportError
			if !errors.As(err, &ie) || !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want an *ImportError wrapping %v", err, tt.want)
			}
		})
	}
}

// TestProjectDocument: a project document becomes the Document with its own
// boundaries, and an export document.
func TestProjectDocument(t *testing.T) {
	p := sampleProject(t)
	pd := &p.Documents[0]
	d, err := pd.Document()
	if err != nil {
		t.Fatal(err)
	}
	want, _ := NewDocument(pd.Title, pd.Text)
	if len(d.Sentences) != len(want.Sentences) || d.ID != want.ID {
		t.Fatalf("%d sentences, want %d", len(d.Sentences), len(want.Sentences))
	}
	for i, s := range want.Sentences {
		if d.Sentences[i] != s || d.Quote(i, i) != s.Text || d.SentenceIndex(s.ID) != i {
			t.Errorf("sentence %d = %+v, want %+v", i, d.Sentences[i], s)
		}
	}
	e := &Export{Format: FormatV1, Document: pd.ExportDocument()}
	if _, err := e.Doc(); err != nil {
		t.Error(err)
	}
	pd.Sentences[0].End--
	if _, err := pd.Document(); err == nil {
		t.Error("Document accepts a sentence cut short")
	}
}

// TestProjectJSON: json.Marshal and json.Unmarshal of a Project use the
// file format.
func TestProjectJSON(t *testing.T) {
	p := sampleProject(t)
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var back Project
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if err := back.Validate(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(writeProject(t, &back), writeProject(t, p)) {
		t.Error("json.Marshal then json.Unmarshal changed the project")
	}
	if err := json.Unmarshal([]byte(`{"format":"stancemark-project/v1","extra":1}`), &back); err == nil || err.Error() != "extra: unknown field (a project has format, id, title, hash, scheme, codebook, documents, claims, tasks, annotators, overlap, options)" {
		t.Errorf("unknown field: %v", err)
	}
}
