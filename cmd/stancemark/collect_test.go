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
	"stancemark/articles"
	"stancemark/collect"
)

// collect new prints the code, the secret and the link; collect export
// writes the submissions as files that "class" reads; a wrong secret is
// refused with exit 1 and writes nothing.
func TestCollectNewAndExport(t *testing.T) {
	dir := t.TempDir()
	dsn := "sqlite:" + filepath.Join(dir, "c.db")
	doc, err := annotations.ParsePlainText(articles.Bundled)
	if err != nil {
		t.Fatal(err)
	}
	a := annotations.NewAssignment("Week 3", "", doc, annotations.Presets()[0], nil, annotations.AssignmentOptions{})
	var ab bytes.Buffer
	annotations.WriteAssignment(&ab, a)
	apath := filepath.Join(dir, "week3.assignment.json")
	os.WriteFile(apath, ab.Bytes(), 0o644)

	out, errOut, code := stancemark(t, "", "collect", "new", "-db", dsn, "-url", "https://class.example/", apath)
	if code != 0 || !strings.Contains(out, "Link to share:  https://class.example/?collect=") || !strings.Contains(out, "Owner secret:") {
		t.Fatalf("collect new: exit %d\n%s%s", code, out, errOut)
	}
	out, _, code = stancemark(t, "", "collect", "new", "-db", dsn, "-json", apath)
	var made collect.Created
	if err := json.Unmarshal([]byte(out), &made); code != 0 || err != nil || len(made.Secret) < 26 {
		t.Fatalf("collect new -json: %d %q %v", code, out, err)
	}
	_, errOut, code = stancemark(t, "", "collect", "new", "-db", dsn, filepath.Join(dir, "c.db"))
	if code != 1 || !strings.Contains(errOut, "c.db") {
		t.Errorf("collect new of a database file: exit %d, %s", code, errOut)
	}

	store, err := collect.Open(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range annotations.GenerateSubmissions(a, 3, 1) {
		e.Exported = time.Date(2026, 3, 2, 9, i, 0, 0, time.UTC)
		var b bytes.Buffer
		annotations.WriteExport(&b, e)
		if _, _, err := store.Add(t.Context(), made.Code, collect.Submission{Annotator: e.Annotator.Name, Body: b.Bytes()}); err != nil {
			t.Fatal(err)
		}
	}
	store.Close()

	outDir := filepath.Join(dir, "out")
	_, errOut, code = stancemark(t, "", "collect", "export", "-db", dsn, "-secret", "forged", "-o", outDir, made.Code)
	if code != 1 || !strings.Contains(errOut, "the secret does not match") {
		t.Errorf("forged secret: exit %d, %s", code, errOut)
	}
	if _, err := os.Stat(outDir); err == nil {
		t.Error("a refused export wrote the directory")
	}
	out, errOut, code = stancemark(t, "", "collect", "export", "-db", dsn, "-secret", made.Secret, "-o", outDir, made.Code)
	if code != 0 || !strings.Contains(out, "3 submissions written") {
		t.Fatalf("collect export: exit %d\n%s%s", code, out, errOut)
	}
	subs, _ := filepath.Glob(filepath.Join(outDir, "*.stancemark.json"))
	args := append([]string{"class", "-json", "-key", filepath.Join(outDir, "week-3.assignment.json")}, subs...)
	out, errOut, code = stancemark(t, "", args...)
	var report struct{ Students []struct{ Name string } }
	json.Unmarshal([]byte(out), &report)
	if code != 0 || len(report.Students) != 3 {
		t.Errorf("class on the exported files: exit %d\n%.600s\n%s", code, out, errOut)
	}
}
