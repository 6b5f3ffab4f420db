package annotations_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"stancemark/annotations"
)

// readTSV reads data with a strict RFC 4180 reader, the tab as separator.
func readTSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = '\t'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("not RFC 4180 TSV: %v", err)
	}
	return rows
}

func TestSemEvalPreset(t *testing.T) {
	// The semeval2016 preset's labels are written as SemEval's files have
	// them; a sentence starting with a quote and ones starting with "-" or
	// "=" keep their rows, and no cell starts a formula.
	doc, err := annotations.NewDocument("Quotes", "\"Yes,\" he said.\n\n-- Not at all, she said.\n\n=SUM(A1) is no formula here.")
	if err != nil {
		t.Fatal(err)
	}
	w := annotations.NewWorkspace(doc)
	w.Annotator = "@ada"
	if err := w.SelectScheme("semeval2016"); err != nil {
		t.Fatal(err)
	}
	for i, l := range []string{"favor", "against", "none"} {
		if _, err := w.Tag(i, i, l); err != nil {
			t.Fatal(err)
		}
	}
	e := w.Export(exportTime)
	data := render(t, "semeval", []*annotations.Export{e})
	rows := readTSV(t, data)
	want := [][]string{
		{"1", `"Yes," he said.`, "FAVOR", "'@ada"},
		{"2", "'-- Not at all, she said.", "AGAINST", "'@ada"},
		{"3", "'=SUM(A1) is no formula here.", "NONE", "'@ada"},
	}
	if len(rows) != 4 || strings.Count(string(data), "\n") != 4 {
		t.Fatalf("%d rows in %d lines, want 4", len(rows), strings.Count(string(data), "\n"))
	}
	for i, w := range want {
		r := rows[i+1]
		if got := []string{r[0], r[2], r[3], r[4]}; strings.Join(got, "\x00") != strings.Join(w, "\x00") {
			t.Errorf("row %d = %q, want %q", i+1, got, w)
		}
	}
	if got := annotations.SemEvalStance(e.Scheme, "favor"); got != "FAVOR" {
		t.Errorf("SemEvalStance = %q", got)
	}
	if got := annotations.SemEvalStance(panel(t)[0].Scheme, "supports"); got != "supports" {
		t.Errorf("SemEvalStance of another scheme = %q", got)
	}
}

func TestNeutralizeCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{`=HYPERLINK("http://x")`, `'=HYPERLINK("http://x")`},
		{"+1", "'+1"},
		{"-- he said", "'-- he said"},
		{"@ada", "'@ada"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"'=x", "''=x"},
		{"''-", "'''-"},
		{"'quoted'", "'quoted'"},
		{"'", "'"},
		{"", ""},
		{"plain = text", "plain = text"},
	}
	for _, tt := range tests {
		if got := annotations.NeutralizeCell(tt.in); got != tt.want {
			t.Errorf("NeutralizeCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := annotations.RestoreCell(annotations.NeutralizeCell(tt.in)); got != tt.in {
			t.Errorf("RestoreCell(NeutralizeCell(%q)) = %q", tt.in, got)
		}
	}
}

func FuzzNeutralizeCell(f *testing.F) {
	for _, s := range []string{"=1", "'=1", "''+", "'", "-", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := annotations.NeutralizeCell(s)
		if annotations.RestoreCell(n) != s {
			t.Errorf("RestoreCell(NeutralizeCell(%q)) = %q", s, annotations.RestoreCell(n))
		}
		if n != "" && strings.IndexByte("=+-@\t\r", n[0]) >= 0 {
			t.Errorf("NeutralizeCell(%q) = %q starts a formula", s, n)
		}
	})
}

func TestCSVNeutralizesFormulas(t *testing.T) {
	const hyperlink = `=HYPERLINK("http://evil.example","click")`
	e := articleExport(t, "=cmd|' /C calc'!A0", tagRun{0, 0, "supports", hyperlink}, tagRun{1, 1, "opposes", "+ a plus"})
	rows, err := csv.NewReader(bytes.NewReader(render(t, "csv", []*annotations.Export{e}))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if rows[1][8] != "'"+hyperlink || rows[2][8] != "'+ a plus" || rows[1][9] != "'=cmd|' /C calc'!A0" {
		t.Errorf("rows %q %q", rows[1], rows[2])
	}
	// JSONL keeps the note exactly.
	var rec annotations.JSONLRecord
	if err := json.Unmarshal(bytes.SplitN(render(t, "jsonl", []*annotations.Export{e}), []byte("\n"), 2)[0], &rec); err != nil || rec.Note != hyperlink {
		t.Errorf("JSONL note %q, %v", rec.Note, err)
	}
}

func TestAnonymousAnnotatorsAreOneNameEverywhere(t *testing.T) {
	a := articleExport(t, "", tagRun{0, 0, "supports", ""})
	b := articleExport(t, "", tagRun{0, 0, "opposes", ""})
	b.Annotations[0].ID = "a7f00d" // the app's ids are random
	exports := []*annotations.Export{a, b}
	na, nb := annotations.AnnotatorName(a), annotations.AnnotatorName(b)
	if !strings.HasPrefix(na, "anonymous-") || len(na) != len("anonymous-")+8 || na == nb || annotations.AnnotatorName(a) != na {
		t.Fatalf("names %q %q", na, nb)
	}
	if annotations.AnnotatorName(panel(t)[0]) != "Ada" {
		t.Errorf("a named annotator keeps the name")
	}
	rows, _ := csv.NewReader(bytes.NewReader(render(t, "csv", exports))).ReadAll()
	tsv := readTSV(t, render(t, "semeval", exports))
	pairs := strings.Split(string(render(t, "pairs", exports)), "\n")
	var jl annotations.JSONLRecord
	json.Unmarshal(bytes.SplitN(render(t, "jsonl", exports), []byte("\n"), 2)[0], &jl)
	w3c, _ := annotations.W3C(exports, annotations.W3COptions{})
	rel, err := annotations.ReliabilityFromExports(exports, "")
	if err != nil {
		t.Fatal(err)
	}
	for what, got := range map[string]string{
		"csv": rows[1][9], "semeval": tsv[1][4], "pairs": pairs[0], "jsonl": jl.Annotator,
		"w3c": w3c.Annotations()[0].Creator.Name, "agreement": rel.Coders[0],
	} {
		if !strings.Contains(got, na) {
			t.Errorf("%s names the first annotator %q, want %q", what, got, na)
		}
	}
	if second := rows[1+len(a.Document.Sentences)][9]; rel.Coders[1] != nb || second != nb {
		t.Errorf("the second annotator is %q in agreement, %q in the CSV; want %q", rel.Coders[1], second, nb)
	}
}

func TestJSONOfSeveralExportsIsJSONLines(t *testing.T) {
	exports := panel(t)
	data := render(t, "json", exports)
	ls := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(ls) != len(exports) {
		t.Fatalf("%d lines for %d exports", len(ls), len(exports))
	}
	for i, l := range ls {
		e, err := annotations.ReadExport(strings.NewReader(l))
		if err != nil || e.Annotator.Name != exports[i].Annotator.Name {
			t.Errorf("line %d: %v", i+1, err)
		}
	}
}
