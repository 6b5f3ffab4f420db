//go:build !wasm

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"stancemark/annotations"
)

func TestConvertOutputDashIsStdout(t *testing.T) {
	dir := t.TempDir()
	files := threeAnnotators(t, dir)
	out, errOut, code := stancemark(t, "", "convert", "-to", "csv", "-o", "-", files[0])
	if code != 0 || !strings.HasPrefix(out, "document_id,") {
		t.Fatalf("exit %d, stdout %.40q, stderr %s", code, out, errOut)
	}
	if _, err := os.Stat("-"); err == nil {
		os.Remove("-")
		t.Errorf(`-o - wrote a file named "-"`)
	}
}

func TestConvertReadsStdinOnce(t *testing.T) {
	files := threeAnnotators(t, t.TempDir())
	data, _ := os.ReadFile(files[0])
	out, errOut, code := stancemark(t, string(data), "convert", "-to", "csv", "-", "-")
	if code != 2 || out != "" || !strings.Contains(errOut, `standard input is given twice, but it can be read only once (give "-" once)`) {
		t.Errorf("exit %d, stdout %.40q, stderr %q; want a usage error", code, out, errOut)
	}
	// agree reads its files the same way: the second "-" is refused.
	_, errOut, code = stancemark(t, string(data), "agree", "-", "-")
	if code != 1 || !strings.Contains(errOut, "standard input is given twice") {
		t.Errorf("agree - -: exit %d, stderr %q", code, errOut)
	}
	out, errOut, code = stancemark(t, string(data), "convert", "-to", "jsonl", "-", files[1])
	if code != 0 || strings.Count(out, "\n") != 2+3 {
		t.Errorf("one - and a file: exit %d, %d lines, stderr %s", code, strings.Count(out, "\n"), errOut)
	}
}

// TestConvertReadsWhatItWrites converts an export larger than
// MaxImportBytes (a 50,000-sentence document with notes) to json and back:
// what Stancemark writes, it reads.
func TestConvertReadsWhatItWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 25 MB export")
	}
	var text strings.Builder
	e := &annotations.Export{Format: annotations.FormatV1, Exported: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC), Scheme: annotations.Presets()[0]}
	note := strings.Repeat("n", 200)
	when := e.Exported.Add(-time.Hour)
	for i := range annotations.MaxSentences {
		if i > 0 {
			text.WriteByte(' ')
		}
		start := text.Len()
		fmt.Fprintf(&text, "Sentence %d of a long book.", i+1)
		id := fmt.Sprintf("s%d", i+1)
		e.Document.Sentences = append(e.Document.Sentences, annotations.ExportSentence{ID: id, Start: start, End: text.Len()})
		e.Annotations = append(e.Annotations, annotations.Annotation{ID: fmt.Sprintf("a%d", i), SentenceIDs: []string{id}, Label: "neutral", Note: note, Created: when, Modified: when})
	}
	e.Document.Text, e.Document.Title = text.String(), "A long book"
	e.Document.ID = annotations.DocumentID(e.Document.Text)
	dir := t.TempDir()
	in, out := filepath.Join(dir, "book.json"), filepath.Join(dir, "again.json")
	f, err := os.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := annotations.WriteFormat(f, "json", []*annotations.Export{e}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if st, _ := os.Stat(in); st.Size() <= annotations.MaxImportBytes {
		t.Fatalf("the export has %d bytes, not more than MaxImportBytes", st.Size())
	}
	if _, errOut, code := stancemark(t, "", "convert", "-to", "json", "-o", out, in); code != 0 {
		t.Fatalf("convert of a %s export: exit %d: %s", "25 MB", code, errOut)
	}
	if _, errOut, code := stancemark(t, "", "convert", "-to", "jsonl", "-o", filepath.Join(dir, "x.jsonl"), out); code != 0 {
		t.Fatalf("convert of its own output: exit %d: %s", code, errOut)
	}
	var head struct{ Format string }
	data, _ := os.ReadFile(out)
	if err := json.Unmarshal(data, &head); err != nil || head.Format != annotations.FormatV1 {
		t.Errorf("output %v %q", err, head.Format)
	}
}
