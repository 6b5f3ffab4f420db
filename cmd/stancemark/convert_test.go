//go:build !wasm

package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestConvertEveryFormat(t *testing.T) {
	dir := t.TempDir()
	files := threeAnnotators(t, dir)
	for _, format := range []string{"json", "w3c", "csv", "jsonl", "semeval", "pairs"} {
		t.Run(format, func(t *testing.T) {
			out, errOut, code := stancemark(t, "", append([]string{"convert", "-to", format}, files...)...)
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			switch format {
			case "w3c":
				var c struct {
					Context string `json:"@context"`
					Type    string `json:"type"`
					Total   int    `json:"total"`
				}
				if err := json.Unmarshal([]byte(out), &c); err != nil || c.Context != "http://www.w3.org/ns/anno.jsonld" || c.Type != "AnnotationCollection" || c.Total != 7 {
					t.Errorf("collection %+v, %v; want 7 annotations", c, err)
				}
			case "csv":
				rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
				if err != nil || len(rows) != 1+3*23 {
					t.Errorf("%d rows, %v; want a header and 69 rows", len(rows), err)
				}
			case "jsonl", "pairs":
				for i, l := range strings.Split(strings.TrimSpace(out), "\n") {
					if !json.Valid([]byte(l)) {
						t.Errorf("line %d is not JSON: %q", i+1, l)
					}
				}
			case "semeval":
				if !strings.HasPrefix(out, "ID\tTarget\tTweet\tStance\tAnnotator\tDocument\tHighlight\n") || strings.Count(out, "\n") != 8 {
					t.Errorf("TSV = %q", out)
				}
			case "json":
				// Several files give JSON Lines: each export compact on
				// its line, the same JSON as the file.
				lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
				if len(lines) != len(files) {
					t.Fatalf("%d lines for %d files", len(lines), len(files))
				}
				for i, f := range files {
					b, _ := os.ReadFile(f)
					var compact bytes.Buffer
					if err := json.Compact(&compact, b); err != nil || compact.String() != lines[i] {
						t.Errorf("line %d is not %s, compact", i+1, filepath.Base(f))
					}
				}
				one, _, _ := stancemark(t, "", "convert", "-to", "json", files[0])
				if b, _ := os.ReadFile(files[0]); one != string(b) {
					t.Errorf("json of one file re-emits different bytes than the export")
				}
			}
		})
	}
}

func TestConvertMajority(t *testing.T) {
	files := threeAnnotators(t, t.TempDir())
	out, errOut, code := stancemark(t, "", append([]string{"convert", "-to", "pairs", "-majority"}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var first struct {
		SentenceID string         `json:"sentence_id"`
		Label      string         `json:"label"`
		Agreement  float64        `json:"agreement"`
		Annotators int            `json:"annotators"`
		Votes      map[string]int `json:"votes"`
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if err := json.Unmarshal([]byte(lines[1]), &first); err != nil {
		t.Fatal(err)
	}
	if len(lines) != 4 || first.SentenceID != "s2" || first.Label != "supports" || first.Annotators != 3 || first.Votes["neutral"] != 1 {
		t.Errorf("%d lines; s2 = %+v", len(lines), first)
	}
}

func TestConvertBadFileStillConvertsTheOthers(t *testing.T) {
	dir := t.TempDir()
	good := writeExport(t, dir, "good.json", "Ada", tagRun{0, 0, "supports"})
	bad := filepath.Join(dir, "bad.json")
	data, _ := os.ReadFile(good)
	os.WriteFile(bad, []byte(strings.Replace(string(data), `"label": "supports"`, `"label": "agree"`, 1)), 0o644)
	out, errOut, code := stancemark(t, "", "convert", "-to", "jsonl", bad, good, filepath.Join(dir, "missing.json"))
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{bad + `: annotations[0].label: unknown label "agree"`, "missing.json: no such file", "2 of 3 files"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr %q does not say %q", errOut, want)
		}
	}
	if strings.Count(out, "\n") != 1 || !strings.Contains(out, `"annotator":"Ada"`) {
		t.Errorf("stdout = %q, want the good file's one highlight", out)
	}
}

func TestConvertToFile(t *testing.T) {
	dir := t.TempDir()
	file := writeExport(t, dir, "ada.json", "Ada", tagRun{2, 3, "neutral"})
	dest := filepath.Join(dir, "out.csv")
	out, errOut, code := stancemark(t, "", "convert", "-to", "csv", "-o", dest, file)
	if code != 0 || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if b, err := os.ReadFile(dest); err != nil || !strings.HasPrefix(string(b), "document_id,sentence_id,") {
		t.Errorf("%s: %v %q", dest, err, b)
	}
}

func TestConvertUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"help", []string{"convert", "-h"}, 0, "Usage: stancemark convert"},
		{"no format", []string{"convert", "x.json"}, 2, "needs -to"},
		{"unknown format", []string{"convert", "-to", "xml", "x.json"}, 2, `unknown format "xml"`},
		{"no file", []string{"convert", "-to", "csv"}, 2, "at least one FILE"},
		{"majority for csv", []string{"convert", "-to", "csv", "-majority", "x.json"}, 2, "-majority"},
		{"unknown flag", []string{"convert", "-x"}, 2, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := stancemark(t, "", tt.args...)
			if code != tt.code || !strings.Contains(out+errOut, tt.want) {
				t.Errorf("exit %d, output %q; want exit %d and %q", code, out+errOut, tt.code, tt.want)
			}
		})
	}
}
