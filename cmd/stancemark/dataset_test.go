//go:build !wasm

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"stancemark/annotations"
)

// datasetFiles are the files every dataset folder has, the manifest last.
var datasetFiles = []string{
	"annotations.jsonl", "gold.jsonl", "documents.jsonl", "claims.jsonl",
	"bodies.csv", "stances.csv", "semeval.tsv", "README.md",
	"annotations.parquet", "gold.parquet", "documents.parquet", "claims.parquet",
	"manifest.json",
}

// datasetTables are the four tables.
var datasetTables = []string{"annotations", "gold", "documents", "claims"}

// makeDataset runs "stancemark dataset -o DIR FILES..." and returns DIR.
func makeDataset(t *testing.T, files ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "ds")
	if _, errOut, code := stancemark(t, "", append([]string{"dataset", "-o", out}, files...)...); code != 0 {
		t.Fatalf("dataset: exit %d: %s", code, errOut)
	}
	return out
}

// projectDataset is the gold tests' project (goldProjectFiles) as a
// dataset folder.
func projectDataset(t *testing.T) (dir string, p *annotations.Project, files []string) {
	t.Helper()
	p, files = goldProjectFiles(t, t.TempDir())
	return makeDataset(t, files...), p, files
}

func readAll(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// jsonLines returns each line of a JSON Lines file, decoded.
func jsonLines(t *testing.T, path string) []any {
	t.Helper()
	var out []any
	for i, line := range bytes.Split(bytes.TrimSuffix(readAll(t, path), []byte("\n")), []byte("\n")) {
		var v any
		if err := json.Unmarshal(line, &v); err != nil {
			t.Fatalf("%s line %d: %v", path, i+1, err)
		}
		out = append(out, v)
	}
	return out
}

// TestDatasetFolder: the folder has every file, the manifest lists each
// with its size and SHA-256, the tables read back with their readers, and
// a rerun (with the files in another order) gives the same bytes.
func TestDatasetFolder(t *testing.T) {
	dir, p, files := projectDataset(t)
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := slices.Sorted(slices.Values(datasetFiles)); !slices.Equal(names, want) {
		t.Fatalf("files %q, want %q", names, want)
	}
	m, err := annotations.ReadManifest(bytes.NewReader(readAll(t, filepath.Join(dir, "manifest.json"))))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Files) != len(datasetFiles)-1 {
		t.Errorf("the manifest lists %d files, want %d", len(m.Files), len(datasetFiles)-1)
	}
	for _, e := range m.Files {
		data := readAll(t, filepath.Join(dir, e.Name))
		sum := sha256.Sum256(data)
		if hex.EncodeToString(sum[:]) != e.SHA256 || int64(len(data)) != e.Bytes {
			t.Errorf("manifest entry %+v does not match %s", e, e.Name)
		}
	}
	rows, err := annotations.ReadDatasetRows[annotations.GoldRow](bytes.NewReader(readAll(t, filepath.Join(dir, "gold.jsonl"))))
	if err != nil {
		t.Fatal(err)
	}
	// task 1: s1..s5 (s1..s5 tagged) and its overall stance.
	if len(rows) != 6 || rows[5].Unit != "overall" || *rows[5].Label != "agree" || *rows[5].Task != p.Tasks[0].ID {
		t.Errorf("gold rows %d, last %+v", len(rows), rows[len(rows)-1])
	}
	again := makeDataset(t, files[3], files[1], files[0], files[2])
	for _, name := range datasetFiles {
		if !bytes.Equal(readAll(t, filepath.Join(dir, name)), readAll(t, filepath.Join(again, name))) {
			t.Errorf("%s differs on a rerun", name)
		}
	}
}

// parquetRows reads a Parquet table back with parquet-go.
func parquetRows[T any](t *testing.T, path string) []T {
	t.Helper()
	rows, err := parquet.ReadFile[T](path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

// sameRows compares the Parquet rows with the JSON Lines rows.
func sameRows[T any](t *testing.T, dir, table string) {
	t.Helper()
	want, err := annotations.ReadDatasetRows[T](bytes.NewReader(readAll(t, filepath.Join(dir, table+".jsonl"))))
	if err != nil {
		t.Fatal(err)
	}
	got := parquetRows[T](t, filepath.Join(dir, table+".parquet"))
	if len(got) != len(want) {
		t.Fatalf("%s.parquet: %d rows, the JSON Lines %d", table, len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(normalizeEmpty(got[i]), normalizeEmpty(want[i])) {
			t.Errorf("%s row %d:\nparquet %+v\n  jsonl %+v", table, i, got[i], want[i])
		}
	}
}

// normalizeEmpty returns v with every nil slice made empty: Parquet does
// not tell them apart, and the JSON Lines write [] for both.
func normalizeEmpty[T any](v T) T {
	fillNil(reflect.ValueOf(&v).Elem())
	return v
}

func fillNil(v reflect.Value) {
	switch v.Kind() {
	case reflect.Slice:
		if v.IsNil() {
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		}
		for i := range v.Len() {
			fillNil(v.Index(i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			fillNil(v.Field(i))
		}
	}
}

// TestDatasetParquetRoundTrip: each Parquet copy reads back with
// parquet-go into the same rows as its JSON Lines table.
func TestDatasetParquetRoundTrip(t *testing.T) {
	dir, _, _ := projectDataset(t)
	sameRows[annotations.AnnotationRow](t, dir, "annotations")
	sameRows[annotations.GoldRow](t, dir, "gold")
	sameRows[annotations.DocumentRow](t, dir, "documents")
	sameRows[annotations.ClaimRow](t, dir, "claims")
}

// duckdbDatasetScript reads each table of the folder with DuckDB twice:
// the Parquet copy (read_parquet) and the JSON Lines (read_json, with the
// column types DuckDB found in the Parquet copy), and prints every row of
// both as JSON (to_json), per table.
const duckdbDatasetScript = `
const { DuckDBInstance } = require("@duckdb/node-api");
(async () => {
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  const dir = process.argv[1], out = {};
  for (const table of process.argv.slice(2)) {
    const pq = dir + "/" + table + ".parquet", js = dir + "/" + table + ".jsonl";
    const desc = await con.runAndReadAll("DESCRIBE SELECT * FROM read_parquet(?)", [pq]);
    const cols = desc.getRowObjects().map(r => "'" + r.column_name + "': '" + r.column_type + "'").join(", ");
    const rows = async (sql, file) => (await con.runAndReadAll(sql, [file])).getRows().map(r => String(r[0]));
    out[table] = {
      types: desc.getRowObjects().map(r => r.column_name + " " + r.column_type),
      parquet: await rows("SELECT to_json(t)::VARCHAR FROM read_parquet(?) t", pq),
      jsonl: await rows("SELECT to_json(t)::VARCHAR FROM read_json(?, format = 'newline_delimited', columns = {" + cols + "}) t", js),
    };
  }
  console.log(JSON.stringify(out));
})().catch(e => { console.error(e); process.exit(1); });
`

// TestDuckDBReadsTheDataset: DuckDB reads every Parquet and JSON Lines
// table of a project's dataset and of an exports' dataset, and every row
// of both is the row the JSON Lines file holds.
func TestDuckDBReadsTheDataset(t *testing.T) {
	root := absRoot(t)
	node := duckdbNode(t, root)
	projectDir, _, _ := projectDataset(t)
	exportsDir := makeDataset(t, threeAnnotators(t, t.TempDir())...)
	for _, dir := range []string{projectDir, exportsDir} {
		var got map[string]struct{ Types, Parquet, JSONL []string }
		if err := json.Unmarshal(runTool(t, root, node, append([]string{"-e", duckdbDatasetScript, dir}, datasetTables...)...), &got); err != nil {
			t.Fatal(err)
		}
		for _, table := range datasetTables {
			want := jsonLines(t, filepath.Join(dir, table+".jsonl"))
			g := got[table]
			t.Logf("%s: %s", table, strings.Join(g.Types, ", "))
			for _, read := range []struct {
				how  string
				rows []string
			}{{"read_parquet", g.Parquet}, {"read_json", g.JSONL}} {
				if len(read.rows) != len(want) {
					t.Errorf("%s of %s: %d rows, want %d", read.how, table, len(read.rows), len(want))
					continue
				}
				for i, r := range read.rows {
					var v any
					if err := json.Unmarshal([]byte(r), &v); err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(v, want[i]) {
						t.Errorf("%s of %s, row %d:\n got %s\nwant %v", read.how, table, i+1, r, want[i])
					}
				}
			}
		}
	}
}

// duckdbNode returns node when DuckDB's npm package is installed.
func duckdbNode(t *testing.T, root string) string {
	return consumer(t, "DuckDB's @duckdb/node-api (npm)", func() (string, bool) {
		p, err := exec.LookPath("node")
		_, statErr := os.Stat(filepath.Join(root, "node_modules", "@duckdb", "node-api", "package.json"))
		return p, err == nil && statErr == nil
	})
}

// pandasDatasetScript reads the folder's JSON Lines, CSV and TSV files
// with pandas and prints each one's row count and columns.
const pandasDatasetScript = `
import json, sys
import pandas as pd
d, out = sys.argv[1], {}
for t in ("annotations", "gold", "documents", "claims"):
    df = pd.read_json(d + "/" + t + ".jsonl", lines=True, convert_dates=False, dtype=False)
    out[t] = {"rows": len(df), "columns": list(df.columns)}
for f, sep in (("bodies.csv", ","), ("stances.csv", ","), ("semeval.tsv", "\t")):
    df = pd.read_csv(d + "/" + f, sep=sep, dtype=str, keep_default_na=False)
    out[f] = {"rows": len(df), "columns": list(df.columns), "first": df.values.tolist()[:1]}
print(json.dumps(out))
`

// TestPandasReadsTheDataset: pandas reads every JSON Lines, CSV and TSV
// file with the rows a user expects and the corpora's column names.
func TestPandasReadsTheDataset(t *testing.T) {
	py := debianPython(t, "pandas")
	dir, _, _ := projectDataset(t)
	var got map[string]struct {
		Rows    int
		Columns []string
		First   [][]string
	}
	if err := json.Unmarshal(runTool(t, "", py, "-c", pandasDatasetScript, dir), &got); err != nil {
		t.Fatal(err)
	}
	cols := map[string]reflect.Type{}
	for _, ti := range annotations.DatasetTables {
		cols[ti.Name] = ti.Row
	}
	for _, table := range datasetTables {
		if want := len(jsonLines(t, filepath.Join(dir, table+".jsonl"))); got[table].Rows != want {
			t.Errorf("pandas reads %d rows of %s.jsonl, want %d", got[table].Rows, table, want)
		}
		if want := annotations.DatasetColumnNames(cols[table]); !slices.Equal(got[table].Columns, want) {
			t.Errorf("pandas reads the columns %q of %s.jsonl, want %q", got[table].Columns, table, want)
		}
	}
	// 2 documents; 1 task with an overall stance (agree by majority);
	// s1, s2, s4 resolved (s3 and s5 tie).
	for file, want := range map[string]struct {
		rows    int
		columns []string
	}{
		"bodies.csv":  {2, annotations.FNC1BodiesHeader},
		"stances.csv": {1, annotations.FNC1StancesHeader},
		"semeval.tsv": {3, annotations.SemEvalHeader},
	} {
		if g := got[file]; g.Rows != want.rows || !slices.Equal(g.Columns, want.columns) {
			t.Errorf("pandas reads %s as %d rows of %q, want %d of %q", file, g.Rows, g.Columns, want.rows, want.columns)
		}
	}
	if first := got["semeval.tsv"].First; len(first) != 1 || first[0][0] != "1" || first[0][3] != "agree" || first[0][2] != "Officials met on Monday." {
		t.Errorf("semeval.tsv's first row = %q", first)
	}
	if first := got["stances.csv"].First; len(first) != 1 || first[0][0] != "Iran will help the U.S." || first[0][1] != "0" || first[0][2] != "agree" {
		t.Errorf("stances.csv's first row = %q", first)
	}
}
