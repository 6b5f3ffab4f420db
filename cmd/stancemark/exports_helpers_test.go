//go:build !wasm

package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"stancemark/annotations"
	"stancemark/articles"
)

// tagRun is one highlight: sentence indexes first..last and a label.
type tagRun struct {
	first, last int
	label       string
}

// writeExport writes annotator's export of the bundled article, with the
// given highlights, to dir/name and returns its path.
func writeExport(t testing.TB, dir, name, annotator string, runs ...tagRun) string {
	t.Helper()
	doc, err := annotations.ParsePlainText(articles.Bundled)
	if err != nil {
		t.Fatal(err)
	}
	w := annotations.NewWorkspace(doc)
	w.Annotator = annotator
	w.SetTarget(articles.BundledTarget)
	n := 0
	w.NewID = func() string { n++; return fmt.Sprintf("a%s%d", annotator, n) }
	for _, r := range runs {
		a, err := w.Tag(r.first, r.last, r.label)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.SetNote(a.ID, "why "+r.label); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := annotations.WriteExport(&buf, w.Export(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// threeAnnotators writes three exports of the bundled article.
func threeAnnotators(t testing.TB, dir string) []string {
	return []string{
		writeExport(t, dir, "ada.json", "Ada", tagRun{0, 1, "supports"}, tagRun{4, 4, "opposes"}),
		writeExport(t, dir, "bob.json", "Bob", tagRun{0, 0, "supports"}, tagRun{1, 1, "neutral"}, tagRun{4, 4, "opposes"}),
		writeExport(t, dir, "cy.json", "Cy", tagRun{0, 1, "supports"}, tagRun{4, 5, "neutral"}),
	}
}
