//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"stancemark/annotations"
)

// TestSegmentOpensFilesAsTheAppDoes: segment reads a file through
// annotations.Open, as the app does: Markdown and HTML are reduced to their
// text, an export gives its document, and a binary file is refused by name.
func TestSegmentOpensFilesAsTheAppDoes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, file, content string
		title               string
		sentences           []string
	}{
		{"markdown", "notes.md", "# The vote\n\nThe council *met*. It voted [yes](http://x.org).\n", "The vote", []string{"The council met.", "It voted yes."}},
		{"html", "page.html", "<html><h1>The vote</h1><p>The council met.</p><script>x()</script></html>", "The vote", []string{"The council met."}},
		{"sniffed markdown on stdin", "-", "# The vote\n\nThe council **met**.\n", "The vote", []string{"The council met."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arg, stdin := tt.file, tt.content
			if tt.file != "-" {
				arg, stdin = write(tt.file, tt.content), ""
			}
			out, errOut, code := stancemark(t, stdin, "segment", arg)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var doc segmentJSON
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range doc.Sentences {
				got = append(got, s.Text)
			}
			if doc.Title != tt.title || strings.Join(got, "|") != strings.Join(tt.sentences, "|") {
				t.Errorf("title %q, sentences %q; want %q, %q", doc.Title, got, tt.title, tt.sentences)
			}
		})
	}

	t.Run("an export gives its document", func(t *testing.T) {
		bundled, _, _ := stancemark(t, "", "segment")
		var want segmentJSON
		if err := json.Unmarshal([]byte(bundled), &want); err != nil {
			t.Fatal(err)
		}
		var sentences []map[string]any
		for _, s := range want.Sentences {
			sentences = append(sentences, map[string]any{"id": s.ID, "paragraph": s.Paragraph, "start": s.Start, "end": s.End})
		}
		sj, _ := json.Marshal(sentences)
		export := `{"format": "stancemark/v1", "exported": "2026-01-02T03:04:05Z", "annotator": {"name": ""},
"document": {"id": "` + want.ID + `", "title": ` + jsonString(want.Title) + `, "text": ` + jsonString(want.Text) + `, "sentences": ` + string(sj) + `},
"scheme": {"id": "stance", "name": "Stance", "target": "", "labels": [{"id": "supports", "name": "Supports", "key": "1", "color": "#0072B2"}]},
"annotations": []}`
		out, errOut, code := stancemark(t, "", "segment", write("work.json", export))
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var got segmentJSON
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		if got.ID != want.ID || len(got.Sentences) != len(want.Sentences) {
			t.Errorf("id %s with %d sentences, want %s with %d", got.ID, len(got.Sentences), want.ID, len(want.Sentences))
		}
	})

	t.Run("a project is refused with what it is", func(t *testing.T) {
		doc, err := annotations.ParsePlainText("Harbour plan\n\nThe port approved the plan.")
		if err != nil {
			t.Fatal(err)
		}
		p, err := annotations.NewProject(annotations.ProjectInput{Articles: []annotations.ArticleInput{{Document: doc}}, Claims: []string{"The plan passed."}})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := annotations.WriteProject(&buf, p); err != nil {
			t.Fatal(err)
		}
		_, errOut, code := stancemark(t, "", "segment", write("study.json", buf.String()))
		if code != 1 || !strings.Contains(errOut, "study.json") || !strings.Contains(errOut, "project") {
			t.Errorf("exit %d, stderr %q", code, errOut)
		}
	})

	t.Run("a picture is refused by name", func(t *testing.T) {
		_, errOut, code := stancemark(t, "", "segment", write("photo.txt", "\x89PNG\r\n\x1a\n\x00\x00\x00"))
		if code != 1 || !strings.Contains(errOut, "photo.txt is not a text file (it looks like image/png)") {
			t.Errorf("exit %d, stderr %q", code, errOut)
		}
	})
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
