package annotations

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// datasetGoldenDir holds the files the project fixture gives (go test
// -update rewrites them).
const datasetGoldenDir = "testdata/dataset/project"

// datasetSubmissions is three annotators' work on submissionProject: ana
// (sampleSubmission), bob agreeing on task 1's s1 and disagreeing on s2,
// cy with a note that is a formula and a sentence that starts with a
// quote... on task 1 only.
func datasetSubmissions(p *Project) []*ProjectSubmission {
	bob := &ProjectSubmission{Project: p.ID, ProjectHash: p.Hash, Annotator: "bob", Submitted: "2026-03-02T12:00:00.000Z",
		Tasks: []TaskWork{
			{Task: p.Tasks[0].ID, Annotations: []Annotation{subHighlight("b1", "agree", "s1"), subHighlight("b2", "discuss", "s2")}, Overall: "agree", Done: true, ActiveMillis: 60000},
		}}
	cyNote := subHighlight("c1", "agree", "s1")
	cyNote.Note = `=HYPERLINK("http://evil.example","x")`
	cy := &ProjectSubmission{Project: p.ID, ProjectHash: p.Hash, Annotator: "cy", Submitted: "2026-03-03T12:00:00.000Z",
		Tasks: []TaskWork{
			{Task: p.Tasks[0].ID, Annotations: []Annotation{cyNote, subHighlight("c2", "disagree", "s2", "s3")}, Overall: "disagree", Done: true, ActiveMillis: 30000},
			{Task: p.Tasks[3].ID, Annotations: []Annotation{subHighlight("c3", "unrelated", "s2")}, ActiveMillis: 1000},
		}}
	return []*ProjectSubmission{sampleSubmission(p), bob, cy}
}

func projectDataset(t testing.TB) *Dataset {
	t.Helper()
	p := submissionProject(t)
	d, err := NewDataset(DatasetInput{Project: p, Submissions: datasetSubmissions(p)})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// datasetBytes writes every file of d (without Parquet) with the manifest.
func datasetBytes(t testing.TB, d *Dataset) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	m := &Manifest{Format: DatasetFormat}
	for _, f := range d.Files(CardOptions{}) {
		var buf bytes.Buffer
		e, err := WriteDatasetFile(&buf, f)
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = buf.Bytes()
		m.Files = append(m.Files, e)
	}
	var buf bytes.Buffer
	if err := WriteManifest(&buf, m); err != nil {
		t.Fatal(err)
	}
	out[ManifestFile] = buf.Bytes()
	return out
}

// TestDatasetGolden: the project fixture gives the files in
// testdata/dataset/project, byte for byte.
func TestDatasetGolden(t *testing.T) {
	files := datasetBytes(t, projectDataset(t))
	for name, data := range files {
		path := filepath.Join(datasetGoldenDir, name)
		if *updateGolden {
			os.MkdirAll(datasetGoldenDir, 0o755)
			os.WriteFile(path, data, 0o644)
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(data, want) {
			t.Errorf("%s differs from %s (go test -update rewrites it):\n%s", name, path, data)
		}
	}
}

// TestDatasetRows: the rows a user would count.
func TestDatasetRows(t *testing.T) {
	d := projectDataset(t)
	// ana: a1 s1, a2 s2+s3 on task 0, a3 s1 on task 1; bob: 2; cy: 1 + 2 on task 0, 1 on task 3.
	if len(d.Annotations) != 4+2+4 {
		t.Errorf("%d annotation rows, want 10 (one per label given)", len(d.Annotations))
	}
	seen := map[string]bool{}
	for _, r := range d.Annotations {
		key := *r.Task + r.Annotator + r.SentenceID
		if seen[key] {
			t.Errorf("two rows for %s", key)
		}
		seen[key] = true
		doc := d.Documents[0]
		if r.Document == doc.Document && string([]rune(doc.Text)[r.Start:r.End]) != r.Text {
			t.Errorf("row %+v: text is not the document's slice [start, end)", r)
		}
	}
	var s1 *GoldRow
	for i, g := range d.GoldRows {
		if *g.Task == d.Project.Tasks[0].ID && g.Unit == "sentence" && *g.SentenceID == "s1" {
			s1 = &d.GoldRows[i]
		}
	}
	if s1 == nil || *s1.Label != "agree" || s1.Source != "unanimous" || s1.VoteCount != 3 || s1.Annotators != 3 {
		t.Errorf("gold of task 1 s1 = %+v, want agree, unanimous, 3 votes of 3 annotators", s1)
	}
	if len(d.Documents) != 2 || len(d.Claims) != 2 || len(d.Annotators) != 3 {
		t.Errorf("%d documents, %d claims, %d annotators", len(d.Documents), len(d.Claims), len(d.Annotators))
	}
	if d.Agreement.Overall == nil || len(d.Agreement.PerClaim) == 0 {
		t.Errorf("agreement = %+v", d.Agreement)
	}
}

// roundTrip writes rows and reads them back.
func roundTrip[T any](t *testing.T, name string, rows []T) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteDatasetRows(&buf, rows); err != nil {
		t.Fatal(err)
	}
	got, err := ReadDatasetRows[T](bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("%s: reading what was written: %v", name, err)
	}
	if len(got) != len(rows) || strings.Count(buf.String(), "\n") != len(rows) {
		t.Fatalf("%s: %d rows written, %d read, %d lines", name, len(rows), len(got), strings.Count(buf.String(), "\n"))
	}
	for i := range rows {
		if !reflect.DeepEqual(got[i], rows[i]) {
			t.Errorf("%s row %d:\n got %+v\nwant %+v", name, i, got[i], rows[i])
		}
	}
}

// TestDatasetRoundTrip: every table reads back, row for row.
func TestDatasetRoundTrip(t *testing.T) {
	for _, d := range []*Dataset{projectDataset(t), exportsDataset(t)} {
		roundTrip(t, "annotations", d.Annotations)
		roundTrip(t, "gold", d.GoldRows)
		roundTrip(t, "documents", d.Documents)
		roundTrip(t, "claims", d.Claims)
	}
}

// TestDatasetSameBytes: the same input, in any file order, gives the same
// bytes.
func TestDatasetSameBytes(t *testing.T) {
	p := submissionProject(t)
	subs := datasetSubmissions(p)
	d1, err := NewDataset(DatasetInput{Project: p, Submissions: subs})
	if err != nil {
		t.Fatal(err)
	}
	d2, err := NewDataset(DatasetInput{Project: p, Submissions: []*ProjectSubmission{subs[2], subs[0], subs[1]}})
	if err != nil {
		t.Fatal(err)
	}
	a, b := datasetBytes(t, d1), datasetBytes(t, d2)
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs when the submissions come in another order", name)
		}
	}
	var z1, z2 bytes.Buffer
	if err := WriteDatasetZip(&z1, d1, "ds"); err != nil {
		t.Fatal(err)
	}
	WriteDatasetZip(&z2, d2, "ds")
	if !bytes.Equal(z1.Bytes(), z2.Bytes()) {
		t.Error("the zip differs")
	}
}

// TestDatasetZip: the zip holds every file and the manifest, whose sizes
// and hashes are those of the files.
func TestDatasetZip(t *testing.T) {
	d := projectDataset(t)
	var buf bytes.Buffer
	if err := WriteDatasetZip(&buf, d, "submissions"); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got[strings.TrimPrefix(f.Name, "submissions/")], _ = io.ReadAll(rc)
		rc.Close()
	}
	want := datasetBytes(t, d)
	if len(got) != len(want) {
		t.Errorf("%d files in the zip, want %d", len(got), len(want))
	}
	for name, data := range want {
		if !bytes.Equal(got[name], data) {
			t.Errorf("%s in the zip differs", name)
		}
	}
	m, err := ReadManifest(bytes.NewReader(got[ManifestFile]))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range m.Files {
		sum := sha256.Sum256(got[e.Name])
		if hex.EncodeToString(sum[:]) != e.SHA256 || int64(len(got[e.Name])) != e.Bytes {
			t.Errorf("manifest entry %+v does not match the file", e)
		}
	}
}

// exportsDataset is the bundled article tagged by two named annotators and
// one anonymous one.
func exportsDataset(t testing.TB) *Dataset {
	t.Helper()
	doc := bundledArticle(t)
	var exports []*Export
	for i, name := range []string{"Ada", "", "Cy"} {
		w := NewWorkspace(doc)
		w.Annotator = name
		w.SetTarget("The United States and Iran could cooperate in Iraq.")
		if _, err := w.Tag(0, 1, "supports"); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Tag(4, 4, []string{"opposes", "neutral", "opposes"}[i]); err != nil {
			t.Fatal(err)
		}
		exports = append(exports, w.Export(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)))
	}
	d, err := NewDataset(DatasetInput{Exports: exports})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestDatasetFromExports: one document's exports give one document, one
// claim (the scheme's target), the anonymous annotator named by
// AnnotatorName, and a gold row per tagged sentence.
func TestDatasetFromExports(t *testing.T) {
	d := exportsDataset(t)
	if len(d.Documents) != 1 || len(d.Claims) != 1 || d.Claims[0].Claim != "The United States and Iran could cooperate in Iraq." {
		t.Fatalf("documents %d, claims %+v", len(d.Documents), d.Claims)
	}
	if len(d.Annotations) != 3*3 || len(d.GoldRows) != 3 {
		t.Errorf("%d annotation rows, %d gold rows; want 9 and 3", len(d.Annotations), len(d.GoldRows))
	}
	anonymous := 0
	for _, a := range d.Annotators {
		if strings.HasPrefix(a.Name, "anonymous-") {
			anonymous++
		}
	}
	if anonymous != 1 {
		t.Errorf("annotators %+v: want one anonymous-… name", d.Annotators)
	}
	g := d.GoldRows[2]
	if *g.SentenceID != "s5" || *g.Label != "opposes" || g.Source != "majority" || g.VoteCount != 3 || g.Project != nil || g.Task != nil {
		t.Errorf("gold of s5 = %+v", g)
	}
}

// TestDatasetErrors: inputs NewDataset refuses, with the message naming
// what is wrong.
func TestDatasetErrors(t *testing.T) {
	p := submissionProject(t)
	subs := datasetSubmissions(p)
	other := *subs[1]
	other.Project = "p0000000000000000"
	g, err := NewGold(GoldInput{Project: p, Submissions: subs})
	if err != nil {
		t.Fatal(err)
	}
	g.ProjectHash = "sha256:" + strings.Repeat("0", 64)
	for _, c := range []struct {
		name string
		in   DatasetInput
		want string
	}{
		{"another project", DatasetInput{Project: p, Submissions: []*ProjectSubmission{subs[0], &other}}, `submission 2 (bob): project: this file is for another project (p0000000000000000)`},
		{"same annotator twice", DatasetInput{Project: p, Submissions: []*ProjectSubmission{subs[0], subs[0]}}, `"ana"`},
		{"gold of another version", DatasetInput{Project: p, Submissions: subs, Gold: g}, "is not the id of projectHash"},
		{"nothing", DatasetInput{}, "nothing to decide"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := NewDataset(c.in)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one containing %q", err, c.want)
			}
		})
	}
}

// TestMalformedDatasetRows: the files of testdata/malformed/dataset, named
// TABLE-CASE.json, are refused by ReadDatasetRows of their table with the
// message of their .want file.
func TestMalformedDatasetRows(t *testing.T) {
	dir := "testdata/malformed/dataset"
	for _, m := range malformedIn(t, dir, 8) {
		t.Run(m.name, func(t *testing.T) {
			var err error
			switch table, _, _ := strings.Cut(m.name, "-"); table {
			case "annotations":
				_, err = ReadDatasetRows[AnnotationRow](bytes.NewReader(m.data))
			case "gold":
				_, err = ReadDatasetRows[GoldRow](bytes.NewReader(m.data))
			case "documents":
				_, err = ReadDatasetRows[DocumentRow](bytes.NewReader(m.data))
			case "claims":
				_, err = ReadDatasetRows[ClaimRow](bytes.NewReader(m.data))
			case "manifest":
				_, err = ReadManifest(bytes.NewReader(m.data))
			default:
				t.Fatalf("%s names no table", m.name)
			}
			if err == nil {
				t.Fatal("accepted")
			}
			checkMalformed(t, dir, m, err)
		})
	}
}

// TestCardEscapesText: a title, claim or codebook with Markdown or HTML
// stays text in the card.
func TestCardEscapesText(t *testing.T) {
	d := projectDataset(t)
	d.Title = `<script>alert(1)</script> *x*`
	d.Project.Codebook.Guidelines = "<img src=x onerror=alert(1)>\n\nSecond | paragraph"
	var buf bytes.Buffer
	if err := d.WriteCard(&buf, CardOptions{}); err != nil {
		t.Fatal(err)
	}
	card := buf.String()
	_, body, _ := strings.Cut(strings.TrimPrefix(card, "---\n"), "\n---\n")
	for _, bad := range []string{"<script>", "<img", "Second | paragraph"} {
		if strings.Contains(body, bad) {
			t.Errorf("the card's Markdown holds %q unescaped", bad)
		}
	}
	if !strings.Contains(card, `pretty_name: "<script>alert(1)</script> *x*"`) {
		t.Errorf("the YAML pretty_name is not the quoted title:\n%s", card[:200])
	}
}
