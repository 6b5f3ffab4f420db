//go:build !wasm

package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"stancemark/annotations"
	"stancemark/articles"
)

// segmentOut runs stancemark segment with args and decodes its output.
func segmentOut(t *testing.T, stdin string, args ...string) segmentJSON {
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

func sentencesOf(doc segmentJSON) string {
	var s []string
	for _, x := range doc.Sentences {
		s = append(s, x.Text)
	}
	return strings.Join(s, "|")
}

// TestSegmentLanguage: segment splits an article by its language's rules,
// given by -lang or detected, and says which and how it knows.
func TestSegmentLanguage(t *testing.T) {
	german := "Die Wiedervereinigung\n\nAm 3. Oktober 1990 wurde Deutschland wiedervereinigt. Die Feier fand z. B. in Berlin statt, und es war ein großer Tag für das Land.\n"
	tests := []struct {
		name, stdin string
		args        []string
		lang, src   string
		sentences   string
	}{
		{"given", german, []string{"-lang", "de", "-"}, "de", "given",
			"Am 3. Oktober 1990 wurde Deutschland wiedervereinigt.|Die Feier fand z. B. in Berlin statt, und es war ein großer Tag für das Land."},
		{"given with a region, any case", german, []string{"-lang", "DE-ch", "-"}, "de-CH", "given",
			"Am 3. Oktober 1990 wurde Deutschland wiedervereinigt.|Die Feier fand z. B. in Berlin statt, und es war ein großer Tag für das Land."},
		{"detected", german, []string{"-"}, "de", "detected",
			"Am 3. Oktober 1990 wurde Deutschland wiedervereinigt.|Die Feier fand z. B. in Berlin statt, und es war ein großer Tag für das Land."},
		{"given English, split as English", german, []string{"-lang", "en", "-"}, "en", "given",
			"Am 3.|Oktober 1990 wurde Deutschland wiedervereinigt.|Die Feier fand z.|B. in Berlin statt, und es war ein großer Tag für das Land."},
		{"Chinese detected", "会议\n\n政府宣布了新措施。反对派表示反对！\n", []string{"-"}, "zh", "detected",
			"政府宣布了新措施。|反对派表示反对！"},
		{"Markdown in Russian", "# Новости\n\nПравительство объявило новые меры. Что будет дальше?\n", []string{"-"}, "ru", "detected",
			"Правительство объявило новые меры.|Что будет дальше?"},
		{"nothing clear", "Lorem\n\nLorem ipsum dolor sit amet. Consectetur adipiscing elit.\n", []string{"-"}, "und", "detected",
			"Lorem ipsum dolor sit amet.|Consectetur adipiscing elit."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := segmentOut(t, tt.stdin, tt.args...)
			if doc.Language != tt.lang || doc.LangSource != tt.src || sentencesOf(doc) != tt.sentences {
				t.Errorf("language %q (%s), sentences %q; want %q (%s), %q", doc.Language, doc.LangSource, sentencesOf(doc), tt.lang, tt.src, tt.sentences)
			}
		})
	}
}

// TestSegmentBundledUnchanged: the bundled article is detected as English
// and split as before languages: 23 sentences in 20 paragraphs, the same
// boundaries as annotations.ParsePlainText.
func TestSegmentBundledUnchanged(t *testing.T) {
	want, err := annotations.ParsePlainText(articles.Bundled)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{nil, {"-lang", "en"}, {"-lang", "und"}} {
		doc := segmentOut(t, "", args...)
		if len(doc.Sentences) != 23 || len(doc.Paragraphs) != 20 || doc.Boundaries != want.BoundariesID() {
			t.Errorf("%v: %d sentences in %d paragraphs, boundaries %s; want 23 in 20, %s", args, len(doc.Sentences), len(doc.Paragraphs), doc.Boundaries, want.BoundariesID())
		}
	}
	if doc := segmentOut(t, ""); doc.Language != "en" || doc.LangSource != "detected" {
		t.Errorf("language %q (%s), want en (detected)", doc.Language, doc.LangSource)
	}
}

// TestSegmentLanguageExportKeepsBoundaries: an export's recorded
// boundaries are not split again for -lang.
func TestSegmentLanguageExportKeepsBoundaries(t *testing.T) {
	d, err := annotations.NewDocument("T", "Am 3. Oktober 1990 wurde Deutschland wiedervereinigt.")
	if err != nil || len(d.Sentences) != 2 {
		t.Fatalf("%v, %d sentences", err, len(d.Sentences))
	}
	sj, _ := json.Marshal(d.ExportDocument().Sentences)
	export := `{"format": "stancemark/v1", "exported": "2026-01-02T03:04:05Z", "annotator": {"name": ""},
"document": {"id": "` + d.ID + `", "title": "T", "text": ` + jsonString(d.Text) + `, "sentences": ` + string(sj) + `},
"scheme": {"id": "stance", "name": "Stance", "target": "", "labels": [{"id": "supports", "name": "Supports", "key": "1", "color": "#0072B2"}]},
"annotations": []}`
	p := filepath.Join(t.TempDir(), "work.json")
	if err := os.WriteFile(p, []byte(export), 0o644); err != nil {
		t.Fatal(err)
	}
	doc := segmentOut(t, "", "-lang", "de", p)
	if doc.Boundaries != d.BoundariesID() || doc.Language != "de" {
		t.Errorf("boundaries %s, language %q; want %s, de", doc.Boundaries, doc.Language, d.BoundariesID())
	}
}

// TestSegmentLanguageExplain: -explain names the language's rules.
func TestSegmentLanguageExplain(t *testing.T) {
	doc := segmentOut(t, "Новости\n\nПравительство объявило новые меры. Что будет дальше?\n", "-explain", "-")
	if len(doc.Sentences) != 2 || doc.Sentences[1].Rule != annotations.RuleGenericTerminal || doc.Current == nil || !*doc.Current {
		t.Errorf("sentences %+v, current %v", doc.Sentences, doc.Current)
	}
}

// TestSegmentBadLanguage: a bad tag is a usage error that names it.
func TestSegmentBadLanguage(t *testing.T) {
	for _, tag := range []string{"german", "xx", "de-"} {
		_, errOut, code := stancemark(t, "", "segment", "-lang", tag)
		if code != 2 || !strings.Contains(errOut, `language "`+tag+`" is not a BCP 47 tag`) {
			t.Errorf("-lang %s: exit %d, %q", tag, code, errOut)
		}
	}
}

// TestModelsNotInAppWasm: the embedded sentence models are linked into the
// command-line binary only.
func TestModelsNotInAppWasm(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "stancemark/cmd/stancemark")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if pkg == "stancemark/web/models" {
			t.Errorf("app.wasm links %s", pkg)
		}
	}
}

// TestSegmentOutputSchema: what segment prints, with and without -explain
// and -lang, follows web/schema/stancemark-segment.schema.json.
func TestSegmentOutputSchema(t *testing.T) {
	schema, err := jsonschema.NewCompiler().Compile(filepath.Join(repoRoot, "web", "schema", "stancemark-segment.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{nil, {"-explain"}, {"-lang", "de-CH", "-explain", "-"}, {"-lang", "ja", "-"}} {
		out, errOut, code := stancemark(t, "見出し\n\n今日は雨です。明日は晴れ？\n", append([]string{"segment"}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(v); err != nil {
			t.Errorf("%v: %v", args, err)
		}
	}
}
