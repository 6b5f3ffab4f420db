//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"stancemark/annotations"
)

// TestSegmentExplain: -explain names the rule behind each sentence start
// and each tokenizer boundary a rule removed; a titleless body keeps its
// first paragraph; an export on older boundaries is shown on those, marked
// not current.
func TestSegmentExplain(t *testing.T) {
	in := "Climbers at Mt. Rainier left the E.U. Officials stayed. It rained.Then it stopped.\n\n1.) pack 2.) go\n"
	doc := runSegmentJSON(t, in, "-explain", "-")
	var got []string
	for _, s := range doc.Sentences {
		got = append(got, s.Rule+": "+s.Text)
	}
	want := []string{
		"paragraph: Climbers at Mt. Rainier left the E.U.",
		"initialism-end: Officials stayed.",
		"punkt: It rained.",
		"missing-space: Then it stopped.",
		"paragraph: 1.) pack",
		"list-item: 2.) go",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sentences:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if doc.Title != "Climbers at Mt. Rainier left the E.U." {
		t.Errorf("title %q: the lede is a sentence, the title is derived from it", doc.Title)
	}
	if len(doc.Joins) != 1 || doc.Joins[0].Rule != "title-abbreviation" || !strings.Contains(doc.Joins[0].Context, "Mt. …Rainier") {
		t.Errorf("joins %+v", doc.Joins)
	}
	if doc.Current == nil || !*doc.Current {
		t.Error("current is not true")
	}
	d, _ := annotations.NewDocument("", strings.TrimSpace(in))
	if doc.Boundaries != d.BoundariesID() {
		t.Errorf("boundaries %s, want %s", doc.Boundaries, d.BoundariesID())
	}

	// Without -explain there are no rules.
	plain, _, _ := stancemark(t, in, "segment", "-")
	if strings.Contains(plain, `"rule"`) || strings.Contains(plain, `"joins"`) {
		t.Errorf("rules without -explain:\n%s", plain)
	}

	// An export made on version 1's boundaries keeps them.
	old, err := annotations.NewDocumentSegmented("Old", "The firm moved to the E.U. Officials agreed.", annotations.SegmenterV1)
	if err != nil {
		t.Fatal(err)
	}
	w := annotations.NewWorkspace(old)
	var buf bytes.Buffer
	if err := annotations.WriteExport(&buf, w.Export(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.stancemark.json")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	doc = runSegmentJSON(t, "", "-explain", path)
	if len(doc.Sentences) != 1 || doc.Sentences[0].Rule != "recorded" || doc.Current == nil || *doc.Current || doc.Boundaries != old.BoundariesID() {
		t.Errorf("the old export: %+v", doc)
	}
}

// runSegmentJSON runs "stancemark segment args..." on stdin and decodes
// its output.
func runSegmentJSON(t *testing.T, stdin string, args ...string) segmentJSON {
	t.Helper()
	out, errOut, code := stancemark(t, stdin, append([]string{"segment"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc segmentJSON
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestProjectNewKeepsFixedBoundaries: an article given to project new as
// an export (made after fixing its sentences in the app) keeps those
// sentences in the project, so every annotator gets them.
func TestProjectNewKeepsFixedBoundaries(t *testing.T) {
	d, err := annotations.NewDocument("Floods", "Rain fell hard all night. Roads flooded. Schools shut.")
	if err != nil {
		t.Fatal(err)
	}
	fixed, err := d.JoinSentences(1)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := annotations.WriteExport(&buf, annotations.NewWorkspace(fixed).Export(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in, claims, out := filepath.Join(dir, "floods.stancemark.json"), filepath.Join(dir, "claims.txt"), filepath.Join(dir, "p.json")
	os.WriteFile(in, buf.Bytes(), 0o644)
	os.WriteFile(claims, []byte("Schools shut because of the rain.\n"), 0o644)
	if _, errOut, code := stancemark(t, "", "project", "new", "-o", out, "-claims", claims, in); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := annotations.ReadProject(f)
	if err != nil {
		t.Fatal(err)
	}
	if got := annotations.BoundariesID(p.Documents[0].Sentences); got != fixed.BoundariesID() || len(p.Documents[0].Sentences) != 2 {
		t.Errorf("the project's document is on %s (%d sentences), the fixed export on %s", got, len(p.Documents[0].Sentences), fixed.BoundariesID())
	}
}
