package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"stancemark/annotations"
)

// exportOf builds a valid stancemark/v1 export of doc with one annotation on
// its first sentence, by hand from the annotations types (so the bad files
// below differ from a valid file in exactly one way).
func exportOf(t *testing.T, doc *annotations.Document) []byte {
	t.Helper()
	var scheme annotations.Scheme
	for _, s := range annotations.Presets() {
		if s.ID == "default" {
			scheme = s
		}
	}
	if scheme.ID == "" {
		t.Fatalf("annotations.Presets has no default scheme")
	}
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	e := &annotations.Export{
		Format:    annotations.FormatV1,
		Exported:  now,
		Annotator: annotations.ExportAnnotator{Name: "Mallory"},
		Document:  doc.ExportDocument(),
		Scheme:    scheme,
		Annotations: []annotations.Annotation{{
			ID: "imported-1", SentenceIDs: []string{doc.Sentences[0].ID}, Label: scheme.Labels[0].ID,
			Note: "from a file", Created: now, Modified: now,
		}},
	}
	var buf bytes.Buffer
	if err := annotations.WriteExport(&buf, e); err != nil {
		t.Fatalf("WriteExport: %v", err)
	}
	if _, err := annotations.ReadExport(bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatalf("the hand-built valid export does not read back: %v", err)
	}
	return buf.Bytes()
}

// withFormat returns data with its "format" field replaced.
func withFormat(t *testing.T, data []byte, format string) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	m["format"] = format
	out, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestImportRejectsBadFiles(t *testing.T) {
	doc := bundled(t)
	dir := t.TempDir()
	files := []struct {
		name, mention string
		data          []byte
	}{
		{"malformed.stancemark.json", "JSON", []byte(`{"format": "stancemark/v1", "annotations": [`)},
		{"v2.stancemark.json", "stancemark/v2", withFormat(t, exportOf(t, doc), "stancemark/v2")},
	}

	p := newPage(t)
	wantLabels := p.keepOneHighlight("before imports")
	list := p.Highlights()
	store := p.Storage()
	states := p.States()

	for _, f := range files {
		path := filepath.Join(dir, f.name)
		if err := os.WriteFile(path, f.data, 0o644); err != nil {
			t.Fatal(err)
		}
		p.Upload(path)
		p.Eventually("import of "+f.name+" shows an error naming the problem", func() error {
			kind, _ := p.Attr("#message", "data-kind")
			role, _ := p.Attr("#message", "role")
			msg := p.Text("#message")
			if kind != "error" || role != "alert" || !strings.Contains(msg, f.mention) {
				return fmt.Errorf("#message role=%q data-kind=%q text=%q, want role=alert, data-kind=error and a text that mentions %q", role, kind, msg, f.mention)
			}
			return nil
		})
		// Nothing changed: sentences, side list, stored data.
		p.highlightsStay("after the rejected "+f.name+" nothing changes", wantLabels, list)
		if got := p.States(); !reflect.DeepEqual(paintOnly(got), paintOnly(states)) {
			t.Errorf("%s: sentence paint changed:\n got %+v\nwant %+v", f.name, paintOnly(got), paintOnly(states))
		}
		if got := p.Storage(); !reflect.DeepEqual(got, store) {
			t.Errorf("%s: localStorage changed after a rejected import:\n got %v\nwant %v", f.name, got, store)
		}
	}
	if v := p.Value("input#target"); v != bundledClaim {
		t.Errorf("target changed to %q", v)
	}
}

// TestImportOfAnotherDocumentOpensIt: Import… and Documents → Open a
// file… are one door: another document's export opens that document with
// its highlights, in plain words, and the work on the bundled article stays.
func TestImportOfAnotherDocumentOpensIt(t *testing.T) {
	other, err := annotations.NewDocument("Other", "Some other text. Two sentences.")
	if err != nil {
		t.Fatalf("NewDocument: %v", err)
	}
	path := filepath.Join(t.TempDir(), "other.stancemark.json")
	if err := os.WriteFile(path, exportOf(t, other), 0o644); err != nil {
		t.Fatal(err)
	}
	p := newPage(t)
	wantLabels := p.keepOneHighlight("before the import")
	p.Upload(path)
	p.waitTitle("Other")
	p.Eventually("the other document's highlight is on it", func() error {
		if h := p.Highlights(); len(h) != 1 {
			return fmt.Errorf("highlights %+v", h)
		}
		return nil
	})
	if msg := p.Text("#message"); strings.Contains(msg, "sha256") {
		t.Errorf("the message shows hashes: %q", msg)
	}
	p.openLibrary()
	p.Click(fmt.Sprintf(`li.doc[data-doc-id=%q] .doc-open`, bundled(t).ID))
	p.WaitLabels("the bundled article's work is as it was", wantLabels)
}

// paintOnly keeps the parts of the sentence state an import may change.
func paintOnly(st []SentState) []string {
	var out []string
	for _, s := range st {
		out = append(out, s.SID+":"+s.Label+":"+s.LabelName+":"+s.BG)
	}
	return out
}
