//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"stancemark/annotations"
)

// yamlScript prints the YAML header of a card (between the first two
// "---" lines) as JSON, read by PyYAML's safe loader.
const yamlScript = `
import json, sys, yaml
text = open(sys.argv[1], encoding="utf-8").read()
assert text.startswith("---\n"), "no YAML header"
header = text[4:text.index("\n---\n")]
print(json.dumps(yaml.safe_load(header)))
`

// hfCard is what the tests check of the card's header.
type hfCard struct {
	Configs []struct {
		ConfigName string                         `json:"config_name"`
		DataFiles  []struct{ Split, Path string } `json:"data_files"`
	} `json:"configs"`
	DatasetInfo []struct {
		ConfigName string           `json:"config_name"`
		Features   []map[string]any `json:"features"`
		Splits     []struct {
			Name        string `json:"name"`
			NumExamples int    `json:"num_examples"`
		} `json:"splits"`
	} `json:"dataset_info"`
}

// TestDatasetCardYAML: the card's YAML header, read by PyYAML, follows
// the Hugging Face convention (testdata/hf-dataset-card.schema.json); its
// configs name files that exist, its features are the tables' columns in
// order, the label's class_label names are the scheme's labels, and each
// split counts the table's rows.
func TestDatasetCardYAML(t *testing.T) {
	py := debianPython(t, "yaml")
	dir, p, _ := projectDataset(t)
	header := runTool(t, "", py, "-c", yamlScript, filepath.Join(dir, "README.md"))
	c := jsonschema.NewCompiler()
	schema, err := c.Compile(filepath.Join("testdata", "hf-dataset-card.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(header))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(v); err != nil {
		t.Fatalf("the card's header is not in the Hugging Face convention: %v\n%s", err, header)
	}
	var card hfCard
	if err := json.Unmarshal(header, &card); err != nil {
		t.Fatal(err)
	}
	if len(card.Configs) != 4 || len(card.DatasetInfo) != 4 {
		t.Fatalf("%d configs, %d dataset_info entries, want 4 each", len(card.Configs), len(card.DatasetInfo))
	}
	var labels []string
	for _, l := range p.Scheme.Labels {
		labels = append(labels, l.ID)
	}
	for i, ti := range annotations.DatasetTables {
		cfg, info := card.Configs[i], card.DatasetInfo[i]
		if cfg.ConfigName != ti.Name || info.ConfigName != ti.Name || len(cfg.DataFiles) != 1 || cfg.DataFiles[0].Path != ti.File {
			t.Errorf("config %d = %+v / %s, want %s on %s", i, cfg, info.ConfigName, ti.Name, ti.File)
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, cfg.DataFiles[0].Path)); err != nil {
			t.Errorf("config %s names %s: %v", ti.Name, cfg.DataFiles[0].Path, err)
		}
		var names []string
		for _, f := range info.Features {
			names = append(names, f["name"].(string))
			if f["name"] == "label" && (ti.Name == "annotations" || ti.Name == "gold") {
				got := classNames(t, f)
				if !slices.Equal(got, labels) {
					t.Errorf("%s: class_label names %q, want %q", ti.Name, got, labels)
				}
			}
		}
		if want := annotations.DatasetColumnNames(ti.Row); !slices.Equal(names, want) {
			t.Errorf("%s: features %q, want the columns %q", ti.Name, names, want)
		}
		rows := len(jsonLines(t, filepath.Join(dir, ti.File)))
		if len(info.Splits) != 1 || info.Splits[0].NumExamples != rows {
			t.Errorf("%s: splits %+v, want train with %d examples", ti.Name, info.Splits, rows)
		}
	}
	body := string(readAll(t, filepath.Join(dir, "README.md")))
	for _, want := range []string{"## Agreement", "Per claim:", "## Labels and codebook", "## How offsets count", "Unicode code points", "## Licence", "| ana |"} {
		if !strings.Contains(body, want) {
			t.Errorf("the card has no %q", want)
		}
	}
}

// classNames returns the class_label names of a feature, in index order.
func classNames(t *testing.T, f map[string]any) []string {
	t.Helper()
	dtype, _ := f["dtype"].(map[string]any)
	cl, _ := dtype["class_label"].(map[string]any)
	names, _ := cl["names"].(map[string]any)
	out := make([]string, len(names))
	for k, v := range names {
		i, err := strconv.Atoi(k)
		if err != nil || i >= len(out) {
			t.Fatalf("class_label key %q", k)
		}
		out[i] = v.(string)
	}
	return out
}

// TestDatasetGoldFlag: with -gold, an adjudicated entry of that gold file
// decides its unit, with the adjudicator and the reason in gold.jsonl.
func TestDatasetGoldFlag(t *testing.T) {
	dir := t.TempDir()
	_, files := goldProjectFiles(t, dir)
	goldPath := filepath.Join(dir, "gold.json")
	if _, errOut, code := stancemark(t, "", append([]string{"gold", "-o", goldPath}, files...)...); code != 0 {
		t.Fatal(errOut)
	}
	writeGoldFile(t, goldPath, decide(t, readGoldFile(t, goldPath), "s3", "discuss"))
	out := makeDataset(t, append([]string{"-gold", goldPath}, files...)...)
	rows, err := annotations.ReadDatasetRows[annotations.GoldRow](bytes.NewReader(readAll(t, filepath.Join(out, "gold.jsonl"))))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		if r.SentenceID != nil && *r.SentenceID == "s3" {
			found = true
			if r.Source != "adjudicated" || *r.Label != "discuss" || *r.Adjudicator != "Dana" || *r.Reason != "Per the codebook." || r.VoteCount != 3 {
				t.Errorf("s3 = %+v", r)
			}
		}
	}
	if !found {
		t.Error("no gold row for s3")
	}
}

// TestDatasetRefuses: wrong command lines exit 2, bad inputs 1, each with
// a message naming what is wrong, and nothing is written.
func TestDatasetRefuses(t *testing.T) {
	dir := t.TempDir()
	_, files := goldProjectFiles(t, dir)
	other, otherFiles := goldProjectFiles(t, t.TempDir(), "Another claim", "And one more")
	exports := threeAnnotators(t, dir)
	gold := filepath.Join(dir, "gold.json")
	if _, errOut, code := stancemark(t, "", append([]string{"gold", "-o", gold}, otherFiles...)...); code != 0 {
		t.Fatal(errOut)
	}
	notJSON := putFile(t, filepath.Join(dir, "notes.json"), "{not json")
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no -o", files, 2, "dataset needs -o DIR"},
		{"no files", []string{"-o", "DIR"}, 2, "dataset needs FILEs"},
		{"stdin twice", []string{"-o", "DIR", "-", "-"}, 2, "standard input is given twice"},
		{"a project without submissions", []string{"-o", "DIR", files[0]}, 1, "a project without submissions"},
		{"a submission without its project", []string{"-o", "DIR", files[1]}, 1, "give its project file"},
		{"another project's submission", []string{"-o", "DIR", files[0], files[1], otherFiles[2]}, 1, "this file is for another project (" + other.ID + ")"},
		{"exports with a project", []string{"-o", "DIR", files[0], files[1], exports[0]}, 1, "a stancemark/v1 export; with the project"},
		{"a gold file as FILE", []string{"-o", "DIR", files[0], files[1], gold}, 1, "this is a gold file"},
		{"the gold of another project", []string{"-o", "DIR", "-gold", gold, files[0], files[1]}, 1, "gold.json: "},
		{"not JSON", []string{"-o", "DIR", notJSON}, 1, "notes.json: "},
		{"the same annotator twice", []string{"-o", "DIR", files[0], files[1], files[1]}, 1, `are both by "ana"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "ds")
			args := slices.Clone(c.args)
			for i, a := range args {
				if a == "DIR" {
					args[i] = out
				}
			}
			_, errOut, code := stancemark(t, "", append([]string{"dataset"}, args...)...)
			if code != c.code || !strings.Contains(errOut, c.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, c.code, c.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s was made", out)
			}
		})
	}
}
