//go:build !wasm

package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"stancemark/annotations"
	"stancemark/articles"
)

// These tests read the exports with the tools researchers use: pandas,
// DuckDB (its Node.js package), pyld and rdflib. "make deps" installs them
// (Debian's python3-pandas, python3-rdflib, python3-pyld; npm's
// @duckdb/node-api). Without them the tests are skipped on a developer's
// machine and fail in CI.

// consumer returns the path of a tool, or skips (fails in CI) without it.
func consumer(t *testing.T, what string, find func() (string, bool)) string {
	t.Helper()
	path, ok := find()
	if !ok {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed: run make deps", what)
		}
		t.Skipf("%s is not installed (make deps installs it)", what)
	}
	return path
}

// debianPython returns Debian's python3 (where apt installs pandas, rdflib
// and pyld) when it has the modules, else the python3 on PATH when it has.
func debianPython(t *testing.T, modules ...string) string {
	return consumer(t, "python3 with "+strings.Join(modules, ", "), func() (string, bool) {
		for _, p := range []string{"/usr/bin/python3", "python3"} {
			if exec.Command(p, "-c", "import "+strings.Join(modules, ", ")).Run() == nil {
				return p, true
			}
		}
		return "", false
	})
}

// absRoot is the repository's root, where node_modules is, as an
// absolute path.
func absRoot(t *testing.T) string {
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// run runs a consumer and returns its standard output.
func runTool(t *testing.T, dir, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s failed: %v\n%s", name, err, errOut.String())
	}
	return out.Bytes()
}

// consumerPanel writes the bundled article's three-annotator panel with a
// note that starts with "=" and a highlight on a sentence that starts with
// a quote, and returns the CSV, SemEval TSV and W3C exports' paths.
func consumerPanel(t *testing.T) (csvPath, tsvPath, w3cPath string) {
	t.Helper()
	dir := t.TempDir()
	files := threeAnnotators(t, dir)
	// Dee: s13 starts with a quote; the note is a formula.
	doc, err := annotations.ParsePlainText(articles.Bundled)
	if err != nil {
		t.Fatal(err)
	}
	w := annotations.NewWorkspace(doc)
	w.Annotator = "Dee"
	w.SetTarget(articles.BundledTarget)
	q := -1
	for i, s := range doc.Sentences {
		if strings.HasPrefix(s.Text, `"`) {
			q = i
			break
		}
	}
	if q < 0 {
		t.Fatal("the bundled article has no sentence starting with a quote")
	}
	a, err := w.Tag(q, q, "opposes")
	if err != nil {
		t.Fatal(err)
	}
	w.SetNote(a.ID, `=HYPERLINK("http://evil.example","click")`)
	var buf bytes.Buffer
	annotations.WriteExport(&buf, w.Export(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)))
	dee := filepath.Join(dir, "dee.json")
	os.WriteFile(dee, buf.Bytes(), 0o644)
	files = append(files, dee)
	for _, f := range []struct {
		format string
		path   *string
	}{{"csv", &csvPath}, {"semeval", &tsvPath}, {"w3c", &w3cPath}} {
		*f.path = filepath.Join(dir, "panel."+f.format)
		if _, errOut, code := stancemark(t, "", append([]string{"convert", "-to", f.format, "-o", *f.path}, files...)...); code != 0 {
			t.Fatalf("convert -to %s: exit %d: %s", f.format, code, errOut)
		}
	}
	return csvPath, tsvPath, w3cPath
}

// strictRows reads a file with Go's strict RFC 4180 reader.
func strictRows(t *testing.T, path string, comma rune) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = comma
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s is not RFC 4180: %v", filepath.Base(path), err)
	}
	return rows
}

// sameTable compares what a consumer read (header, then rows) with the
// strict reader's rows.
func sameTable(t *testing.T, who, file string, got [][]string, want [][]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s reads %d rows of %s, the RFC 4180 reader %d", who, len(got)-1, file, len(want)-1)
	}
	for i := range want {
		if strings.Join(got[i], "\x00") != strings.Join(want[i], "\x00") {
			t.Errorf("%s, %s row %d:\n got %q\nwant %q", who, file, i, got[i], want[i])
		}
	}
}

// checkPanelCells checks a few cells a spreadsheet or a naive reader gets
// wrong: the sentence starting with a quote and the note starting with "=".
func checkPanelCells(t *testing.T, csvRows, tsvRows [][]string) {
	t.Helper()
	doc, _ := annotations.ParsePlainText(articles.Bundled)
	if want := 1 + 4*len(doc.Sentences); len(csvRows) != want {
		t.Errorf("CSV: %d rows, want %d (a header, one per sentence per annotator)", len(csvRows), want)
	}
	if want := 1 + 2 + 3 + 2 + 1; len(tsvRows) != want {
		t.Errorf("TSV: %d rows, want %d (a header, one per highlight)", len(tsvRows), want)
	}
	found := false
	for _, r := range csvRows[1:] {
		if r[9] == "Dee" && r[7] == "opposes" {
			found = true
			if !strings.HasPrefix(r[6], `"`) || r[8] != `'=HYPERLINK("http://evil.example","click")` {
				t.Errorf("CSV row of Dee's highlight = %q", r)
			}
		}
	}
	last := tsvRows[len(tsvRows)-1]
	if !found || !strings.HasPrefix(last[2], `"`) || last[3] != "opposes" || last[4] != "Dee" || last[0] != "8" {
		t.Errorf("TSV row of Dee's highlight = %q", last)
	}
	ids := map[string]bool{}
	for _, r := range tsvRows[1:] {
		if ids[r[0]] {
			t.Errorf("TSV: ID %s twice", r[0])
		}
		ids[r[0]] = true
	}
}

const pandasScript = `
import json, sys
import pandas as pd
out = {}
for name, sep in (("csv", ","), ("tsv", "\t")):
    df = pd.read_csv(sys.argv[1 if name == "csv" else 2], sep=sep, dtype=str, keep_default_na=False)
    out[name] = [list(df.columns)] + df.values.tolist()
print(json.dumps(out))
`

func TestPandasReadsTheTables(t *testing.T) {
	py := debianPython(t, "pandas")
	csvPath, tsvPath, _ := consumerPanel(t)
	var got struct{ CSV, TSV [][]string }
	if err := json.Unmarshal(runTool(t, "", py, "-c", pandasScript, csvPath, tsvPath), &got); err != nil {
		t.Fatal(err)
	}
	csvRows, tsvRows := strictRows(t, csvPath, ','), strictRows(t, tsvPath, '\t')
	sameTable(t, "pandas", "the CSV", got.CSV, csvRows)
	sameTable(t, "pandas", "the SemEval TSV", got.TSV, tsvRows)
	checkPanelCells(t, got.CSV, got.TSV)
}

const duckdbScript = `
const { DuckDBInstance } = require("@duckdb/node-api");
(async () => {
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  const out = {};
  for (const [name, file, delim] of [["csv", process.argv[1], ","], ["tsv", process.argv[2], "\t"]]) {
    const r = await con.runAndReadAll(
      "SELECT * FROM read_csv(?, header = true, delim = ?, quote = '\"', escape = '\"', all_varchar = true, strict_mode = true)",
      [file, delim]);
    out[name] = [r.columnNames()].concat(r.getRows().map(row => row.map(v => v === null ? "" : String(v))));
  }
  console.log(JSON.stringify(out));
})().catch(e => { console.error(e); process.exit(1); });
`

func TestDuckDBReadsTheTables(t *testing.T) {
	root := absRoot(t)
	node := consumer(t, "DuckDB's @duckdb/node-api (npm)", func() (string, bool) {
		p, err := exec.LookPath("node")
		_, statErr := os.Stat(filepath.Join(root, "node_modules", "@duckdb", "node-api", "package.json"))
		return p, err == nil && statErr == nil
	})
	csvPath, tsvPath, _ := consumerPanel(t)
	var got struct{ CSV, TSV [][]string }
	if err := json.Unmarshal(runTool(t, root, node, "-e", duckdbScript, csvPath, tsvPath), &got); err != nil {
		t.Fatal(err)
	}
	csvRows, tsvRows := strictRows(t, csvPath, ','), strictRows(t, tsvPath, '\t')
	sameTable(t, "DuckDB", "the CSV", got.CSV, csvRows)
	sameTable(t, "DuckDB", "the SemEval TSV", got.TSV, tsvRows)
	checkPanelCells(t, got.CSV, got.TSV)
}

// w3cScript reads the W3C export offline: pyld with a document loader that
// serves web/schema/anno.jsonld for the anno.jsonld context (and refuses
// every other URL), and rdflib with the local context in place of the
// remote one. It prints, for each, the annotations, the rdf:value of every
// body by purpose, and the number of pages.
const w3cScript = `
import json, sys
from pyld import jsonld
from rdflib import Graph, Namespace, RDF
export, context = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
def loader(url, options={}):
    if url.rstrip("/").replace("https:", "http:") == "http://www.w3.org/ns/anno.jsonld":
        return {"contextUrl": None, "documentUrl": url, "document": context}
    raise Exception("offline: no " + url)
jsonld.set_document_loader(loader)
OA, AS = Namespace("http://www.w3.org/ns/oa#"), Namespace("http://www.w3.org/ns/activitystreams#")
def summary(g):
    bodies = {}
    for a in g.subjects(RDF.type, OA.Annotation):
        for b in g.objects(a, OA.hasBody):
            for p in g.objects(b, OA.hasPurpose):
                bodies.setdefault(str(p), set()).update(str(v) for v in g.objects(b, RDF.value))
    return {"annotations": len(set(g.subjects(RDF.type, OA.Annotation))),
            "pages": len(set(g.subjects(RDF.type, AS.OrderedCollectionPage))),
            "bodies": {k: sorted(v) for k, v in bodies.items()}}
nquads = jsonld.to_rdf(export, {"format": "application/n-quads"})
out = {"pyld": summary(Graph().parse(data=nquads, format="nquads"))}
local = dict(export)
local["@context"] = context["@context"]
out["rdflib"] = summary(Graph().parse(data=json.dumps(local), format="json-ld"))
print(json.dumps(out))
`

func TestJSONLDProcessorsReadTheW3CExportOffline(t *testing.T) {
	py := debianPython(t, "pyld", "rdflib")
	_, _, w3cPath := consumerPanel(t)
	context := filepath.Join(absRoot(t), "web", "schema", "anno.jsonld")
	var got map[string]struct {
		Annotations, Pages int
		Bodies             map[string][]string
	}
	if err := json.Unmarshal(runTool(t, "", py, "-c", w3cScript, w3cPath, context), &got); err != nil {
		t.Fatal(err)
	}
	const oa = "http://www.w3.org/ns/oa#"
	for _, who := range []string{"pyld", "rdflib"} {
		g := got[who]
		if g.Annotations != 2+3+2+1 || g.Pages != 1 {
			t.Errorf("%s: %d annotations in %d pages, want 8 in 1", who, g.Annotations, g.Pages)
		}
		if claims := g.Bodies[oa+"describing"]; len(claims) != 1 || claims[0] != articles.BundledTarget {
			t.Errorf("%s: the claim bodies are %q, want %q", who, claims, articles.BundledTarget)
		}
		if labels := strings.Join(g.Bodies[oa+"classifying"], ","); labels != "Neutral,Opposes,Supports" {
			t.Errorf("%s: the label bodies are %q, want the label names", who, labels)
		}
		if notes := g.Bodies[oa+"commenting"]; len(notes) == 0 {
			t.Errorf("%s: no note came through", who)
		}
	}
}
