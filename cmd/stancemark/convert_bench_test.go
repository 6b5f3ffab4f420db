//go:build !wasm

package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"stancemark/annotations"
)

// bigExports writes n annotators' stancemark/v1 exports of one generated
// document of sentences sentences (paragraphs of ten), each with a
// highlight on every sentence, and returns their paths.
func bigExports(b *testing.B, dir string, n, sentences int) []string {
	b.Helper()
	var text strings.Builder
	text.WriteString("A long article\n\n")
	for i := range sentences {
		if i > 0 {
			if i%10 == 0 {
				text.WriteString("\n\n")
			} else {
				text.WriteString(" ")
			}
		}
		fmt.Fprintf(&text, "Sentence %d of the long article reports what officials said.", i+1)
	}
	doc, err := annotations.ParsePlainText(text.String())
	if err != nil {
		b.Fatal(err)
	}
	if len(doc.Sentences) != sentences {
		b.Fatalf("%d sentences, want %d", len(doc.Sentences), sentences)
	}
	labels := []string{"supports", "opposes", "neutral", "unrelated"}
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	var paths []string
	for k := range n {
		w := annotations.NewWorkspace(doc)
		w.Annotator = fmt.Sprintf("annotator %d", k+1)
		w.SetTarget("Officials said what the article reports.")
		e := w.Export(at)
		for i := range sentences {
			e.Annotations = append(e.Annotations, annotations.Annotation{ID: fmt.Sprintf("a%d", i+1), SentenceIDs: []string{fmt.Sprintf("s%d", i+1)},
				Label: labels[(i+k)%4], Created: at, Modified: at})
		}
		var buf bytes.Buffer
		if err := annotations.WriteExport(&buf, e); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, putFile(b, filepath.Join(dir, fmt.Sprintf("big%d.json", k+1)), buf.String()))
	}
	return paths
}

// BenchmarkConvertW3C3x50000 is "stancemark convert -to w3c -o FILE" of
// three exports of a 50,000-sentence document with a highlight on every
// sentence (150,000 annotations, 150 pages): reading and checking the
// exports and streaming the collection (go test -run '^$' -bench
// ConvertW3C -benchtime 3x ./cmd/stancemark/). The target is 2 s and 300
// MB peak RSS, measured on the binary (STANCEMARK_BENCH_DIR keeps the
// inputs; see the README).
func BenchmarkConvertW3C3x50000(b *testing.B) {
	dir := benchDir(b, "w3c-3x50000")
	files := bigExports(b, dir, 3, 50_000)
	out := filepath.Join(dir, "panel.jsonld")
	b.ResetTimer()
	for b.Loop() {
		if err := run(b.Context(), append([]string{"convert", "-to", "w3c", "-o", out}, files...), nil, io.Discard, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if info, err := os.Stat(out); err == nil {
		b.ReportMetric(float64(info.Size())/(1<<20), "MB-written")
	}
}
