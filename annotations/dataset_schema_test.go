package annotations_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDatasetSchemas: every line of the golden tables validates against
// its schema in web/schema/stancemark-dataset-v1/, and so does the
// manifest; every malformed row that is one line of JSON fails it.
func TestDatasetSchemas(t *testing.T) {
	dir := "testdata/dataset/project"
	for _, table := range []string{"annotations", "gold", "documents", "claims"} {
		s := compileSchema(t, "stancemark-dataset-v1/"+table+".schema.json")
		data, err := os.ReadFile(filepath.Join(dir, table+".jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n")) {
			if err := validate(t, s, table, line); err != nil {
				t.Errorf("%s.jsonl line %d: %v", table, i+1, err)
			}
		}
	}
	manifest := compileSchema(t, "stancemark-dataset-v1/manifest.schema.json")
	data, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := validate(t, manifest, "manifest.json", data); err != nil {
		t.Error(err)
	}
	names, _ := filepath.Glob("testdata/malformed/dataset/*.json")
	for _, n := range names {
		base := strings.TrimSuffix(filepath.Base(n), ".json")
		table, _, _ := strings.Cut(base, "-")
		data, _ := os.ReadFile(n)
		lines := bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n"))
		if len(lines) != 1 || !json.Valid(lines[0]) || base == "manifest-twice" {
			continue // not one line of JSON, or beyond what a schema can say
		}
		s := compileSchema(t, "stancemark-dataset-v1/"+table+".schema.json")
		if err := validate(t, s, base, lines[0]); err == nil {
			t.Errorf("%s: the schema accepts it", base)
		}
	}
}
