package e2e

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"stancemark/annotations"
)

// datasetSubmission is one annotator's work on the harbour project: two
// highlights on task 1 (done) and one on task 2.
func datasetSubmission(p *annotations.Project, who, first, second string) *annotations.ProjectSubmission {
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	h := func(id, label string, ids ...string) annotations.Annotation {
		return annotations.Annotation{ID: who + id, SentenceIDs: ids, Label: label, Note: "=" + who + " thinks so", Created: at, Modified: at}
	}
	return &annotations.ProjectSubmission{Project: p.ID, ProjectHash: p.Hash, Annotator: who, Submitted: "2026-03-02T12:00:00.000Z",
		Tasks: []annotations.TaskWork{
			{Task: p.Tasks[0].ID, Annotations: []annotations.Annotation{h("1", first, "s1"), h("2", "discuss", "s2", "s3")}, Done: true},
			{Task: p.Tasks[1].ID, Annotations: []annotations.Annotation{h("3", second, "s1")}},
		}}
}

// TestDatasetDownload opens the harbour project, then ana's and bob's
// submissions, presses Download dataset, unzips what the browser saved and
// checks every file: the tables are the rows annotations.NewDataset gives
// for the same submissions, the manifest's hashes are the files', the CSV
// neutralises the notes' formulas, and the card names both annotators.
func TestDatasetDownload(t *testing.T) {
	proj, src := writeTestProject(t)
	subs := []*annotations.ProjectSubmission{
		datasetSubmission(proj, "ana", "agree", "unrelated"),
		datasetSubmission(proj, "bob", "disagree", "unrelated"),
	}
	dir := t.TempDir()
	p := newProfile(t)
	downloads := p.AllowDownloads()
	p.Do("open the project", chromedp.Navigate(baseURL+"?src="+src))
	p.WaitReady()
	p.WaitJS("the project is open", `!!document.querySelector("#dataset-download")`)
	for _, sub := range subs {
		var buf bytes.Buffer
		if err := annotations.WriteSubmission(&buf, sub); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, sub.Annotator+".submission.json")
		os.WriteFile(file, buf.Bytes(), 0o644)
		p.openLibrary()
		p.Do("open "+sub.Annotator+"'s submission", chromedp.SetUploadFiles(chromedp.CSS("#open-file"), []string{file}))
		p.Eventually(sub.Annotator+"'s work is open", func() error {
			if got := p.Value("#project-annotator"); got != sub.Annotator {
				return fmt.Errorf("annotator %q", got)
			}
			return nil
		})
	}
	p.waitLabelsN("bob's task 1", map[string]string{"s1": "disagree", "s2": "discuss", "s3": "discuss"}, 3)
	p.audit("project panel with Download dataset", axeSource(t))
	p.Settle()
	p.Click("#dataset-download")
	name := "harbour-study-dataset.zip"
	var files map[string][]byte
	p.Eventually("download "+name, func() error {
		data, err := readDownload(downloads, name)
		if err != nil {
			return err
		}
		files, err = unzip(data, "harbour-study-dataset/")
		return err
	})

	d, err := annotations.NewDataset(annotations.DatasetInput{Project: proj, Submissions: subs})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]func(io.Writer) error{}
	for _, f := range d.Files(annotations.CardOptions{}) {
		want[f.Name] = f.Write
	}
	if len(files) != len(want)+1 {
		t.Errorf("the zip holds %d files, want %d and the manifest", len(files), len(want))
	}
	for name, write := range want {
		var buf bytes.Buffer
		write(&buf)
		if name == "README.md" {
			continue // the card is checked below
		}
		// bob's work in the tab has the active time spent on it here (the
		// submissions were made with none): compare the rest exactly
		activeMS := regexp.MustCompile(`"active_ms":\d+`)
		if got := activeMS.ReplaceAll(files[name], []byte(`"active_ms":0`)); !bytes.Equal(got, buf.Bytes()) {
			t.Errorf("%s from the browser:\n%s\nwant (annotations.NewDataset):\n%s", name, files[name], buf.Bytes())
		}
	}
	rows, err := annotations.ReadDatasetRows[annotations.AnnotationRow](bytes.NewReader(files["annotations.jsonl"]))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2*4 { // each: s1, s2, s3 of task 1 and s1 of task 2
		t.Errorf("%d annotation rows, want 8", len(rows))
	}
	m, err := annotations.ReadManifest(bytes.NewReader(files[annotations.ManifestFile]))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range m.Files {
		sum := sha256.Sum256(files[e.Name])
		if hex.EncodeToString(sum[:]) != e.SHA256 || int64(len(files[e.Name])) != e.Bytes {
			t.Errorf("manifest entry %+v does not match the file", e)
		}
	}
	card := string(files["README.md"])
	for _, want := range []string{"pretty_name: \"Harbour study\"", "| ana |", "| bob |", "class_label", "## Agreement"} {
		if !strings.Contains(card, want) {
			t.Errorf("the card lacks %q", want)
		}
	}
	if strings.Contains(string(files["semeval.tsv"]), "\t=") || strings.Contains(string(files["bodies.csv"]), ",=") {
		t.Error("a formula is not neutralised")
	}
	if got := p.Text("#message-text"); !strings.Contains(got, name) || !strings.Contains(got, "ana, bob") {
		t.Errorf("message %q", got)
	}
}

// unzip returns the files of a zip under dir/, by name without dir/.
func unzip(data []byte, dir string) (map[string][]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("not a complete zip yet (%d bytes): %w", len(data), err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, dir) {
			return nil, fmt.Errorf("%s is outside %s", f.Name, dir)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		out[strings.TrimPrefix(f.Name, dir)] = b
	}
	return out, nil
}

// TestDatasetDownloadOnAPhone: at 390 × 844 with touch, an annotator tags
// a sentence and taps Download dataset, which fits the screen; the zip
// holds their one label. Without any work the button says what is
// missing instead.
func TestDatasetDownloadOnAPhone(t *testing.T) {
	_, src := writeTestProject(t)
	p := newProfile(t)
	downloads := p.AllowDownloads()
	p.Do("phone viewport", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
	p.Do("open the project", chromedp.Navigate(baseURL+"?annotator=ana&src="+src))
	p.WaitReady()
	p.WaitJS("the project is open", `!!document.querySelector("#dataset-download")`)
	p.Settle()
	p.tap("#dataset-download")
	p.Eventually("no work yet", func() error {
		if got := p.Text("#message-text"); !strings.Contains(got, "no work to make a dataset of") {
			return fmt.Errorf("message %q", got)
		}
		return nil
	})
	p.tap(sentSel("s1"))
	p.WaitSelected("a tap selects", "s1")
	p.tap(`#palette button.label-btn[data-label-id="agree"]`)
	p.waitLabelsN("tagged by tapping", map[string]string{"s1": "agree"}, 3)
	p.Settle()
	if r := Eval[[]float64](p, `(() => { const r = document.querySelector("#dataset-download").getBoundingClientRect(); return [r.left, r.right]; })()`); r[0] < -1 || r[1] > 391 {
		t.Errorf("Download dataset spans %v px at 390 px wide", r)
	}
	p.tap("#dataset-download")
	var files map[string][]byte
	p.Eventually("download the dataset", func() error {
		data, err := readDownload(downloads, "harbour-study-dataset.zip")
		if err != nil {
			return err
		}
		files, err = unzip(data, "harbour-study-dataset/")
		return err
	})
	rows, err := annotations.ReadDatasetRows[annotations.AnnotationRow](bytes.NewReader(files["annotations.jsonl"]))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].Annotator != "ana" || rows[0].Label != "agree" || rows[0].SentenceID != "s1" {
		t.Errorf("rows %+v, want ana's agree on s1", rows)
	}
}
