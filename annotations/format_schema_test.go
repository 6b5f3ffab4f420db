package annotations_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"stancemark/annotations"
)

// schemaDir holds the JSON Schemas the app serves under /web/schema/.
const schemaDir = "../web/schema"

// compileSchema compiles one schema of schemaDir, asserting formats
// (date-time) too.
func compileSchema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	s, err := c.Compile(filepath.Join(schemaDir, name))
	if err != nil {
		t.Fatalf("compiling %s: %v", name, err)
	}
	return s
}

func validate(t *testing.T, s *jsonschema.Schema, what string, data []byte) error {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s is not JSON: %v", what, err)
	}
	return s.Validate(v)
}

// checkMalformedSchema checks the malformed files of dir
// (testdata/malformed/<kind>) against the schema s: read (named readName in
// messages, as "ReadGold") refuses every one, and every one that is JSON
// fails the schema, except those named in beyond, which the schema accepts
// (so the list stays true).
func checkMalformedSchema[T any](t *testing.T, s *jsonschema.Schema, dir string, read func(io.Reader) (T, error), readName string, beyond map[string]bool) {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(names) == 0 {
		t.Fatal(names, err)
	}
	for _, n := range names {
		name := strings.TrimSuffix(filepath.Base(n), ".json")
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := read(bytes.NewReader(data)); err == nil {
			t.Errorf("%s: %s accepts it", name, readName)
		}
		if !jsonValue(data) {
			continue // not JSON: no schema applies
		}
		schemaErr := validate(t, s, name, data)
		if beyond[name] != (schemaErr == nil) {
			t.Errorf("%s: schema error %v (listed as beyond the schema: %v)", name, schemaErr, beyond[name])
		}
	}
}

// lines returns the non-empty lines of data.
func lines(data []byte) [][]byte {
	var out [][]byte
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) > 0 {
			out = append(out, append([]byte(nil), sc.Bytes()...))
		}
	}
	return out
}

func TestEveryExportValidatesAgainstItsSchema(t *testing.T) {
	exports := panel(t)
	empty := articleExport(t, "")
	native := compileSchema(t, "stancemark-v1.schema.json")
	t.Run("stancemark/v1", func(t *testing.T) {
		golden, err := os.ReadFile("testdata/export.golden.json")
		if err != nil {
			t.Fatal(err)
		}
		for i, data := range [][]byte{golden, render(t, "json", exports[:1]), render(t, "json", exports[1:2]), render(t, "json", []*annotations.Export{empty})} {
			if err := validate(t, native, "export", data); err != nil {
				t.Errorf("export %d: %v", i, err)
			}
		}
	})
	t.Run("w3c", func(t *testing.T) {
		s := compileSchema(t, "w3c-annotation-collection.schema.json")
		for _, set := range [][]*annotations.Export{exports, exports[:1], {empty}} {
			if err := validate(t, s, "w3c", render(t, "w3c", set)); err != nil {
				t.Errorf("%d exports: %v", len(set), err)
			}
		}
	})
	t.Run("jsonl", func(t *testing.T) {
		s := compileSchema(t, "stancemark-annotation-v1.schema.json")
		for i, l := range lines(render(t, "jsonl", exports)) {
			if err := validate(t, s, "jsonl", l); err != nil {
				t.Errorf("line %d: %v", i+1, err)
			}
		}
	})
	t.Run("pairs", func(t *testing.T) {
		s := compileSchema(t, "stancemark-pairs-v1.schema.json")
		var maj bytes.Buffer
		if err := annotations.WritePairs(&maj, exports, annotations.DatasetOptions{Majority: true}); err != nil {
			t.Fatal(err)
		}
		for i, l := range append(lines(render(t, "pairs", exports)), lines(maj.Bytes())...) {
			if err := validate(t, s, "pairs", l); err != nil {
				t.Errorf("line %d: %v", i+1, err)
			}
		}
	})
	t.Run("agree -json", func(t *testing.T) {
		s := compileSchema(t, "stancemark-agree-v2.schema.json")
		missing, err := annotations.ReliabilityFromExports(exports, "")
		if err != nil {
			t.Fatal(err)
		}
		none, _ := annotations.ReliabilityFromExports(exports, "none")
		lonely := &annotations.Reliability{Units: []string{"u1", "u2"}, Coders: []string{"A", "B"}, Values: [][]string{{"a", ""}, {"", "b"}}}
		var first []byte
		for i, r := range []*annotations.Reliability{missing, none, lonely} {
			rep, err := r.Report(annotations.Nominal)
			if err != nil {
				t.Fatal(err)
			}
			data, _ := json.Marshal(rep)
			if err := validate(t, s, "report", data); err != nil {
				t.Errorf("report %d: %s: %v", i, data, err)
			}
			if i == 0 {
				first = data
			}
		}
		// A null coefficient without its reason is refused.
		var m map[string]any
		if err := json.Unmarshal(first, &m); err != nil || m["fleiss_kappa"] != nil || m["fleiss_kappa_why"] == nil {
			t.Fatalf("the test needs a null fleiss_kappa with its reason: %s (%v)", first, err)
		}
		delete(m, "fleiss_kappa_why")
		bad, _ := json.Marshal(m)
		if err := validate(t, s, "report", bad); err == nil {
			t.Errorf("the schema accepts fleiss_kappa null without fleiss_kappa_why: %s", bad)
		}
	})
}

func TestSchemasRejectWhatImportRejects(t *testing.T) {
	native := compileSchema(t, "stancemark-v1.schema.json")
	good := string(render(t, "json", panel(t)[:1]))
	tests := []struct{ name, old, new string }{
		{"unknown field", `"format": "stancemark/v1",`, `"format": "stancemark/v1", "extra": 1,`},
		{"other version", `"stancemark/v1"`, `"stancemark/v2"`},
		{"bad time", `"exported": "2026-03-01T12:00:00.000Z"`, `"exported": "yesterday"`},
		{"bad document id", `"id": "sha256:`, `"id": "md5:`},
		{"negative offset", `"start": 0`, `"start": -1`},
		{"bad colour", `"color": "#009e73"`, `"color": "green"`},
		{"key 0", `"key": "1"`, `"key": "0"`},
		{"empty sentences", `"sentences": [
        "s1",
        "s2"
      ]`, `"sentences": []`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := strings.Replace(good, tt.old, tt.new, 1)
			if bad == good {
				t.Fatalf("the test edit %q does not apply", tt.old)
			}
			if err := validate(t, native, "export", []byte(bad)); err == nil {
				t.Errorf("the schema accepts it")
			}
			if _, err := annotations.ReadExport(strings.NewReader(bad)); err == nil {
				t.Errorf("ReadExport accepts it")
			}
		})
	}
	w3c := compileSchema(t, "w3c-annotation-collection.schema.json")
	good = string(render(t, "w3c", panel(t)[:1]))
	for _, edit := range [][2]string{ // WriteW3C writes compact JSON, one annotation per line
		{`"motivation":"classifying"`, `"motivation":"stance"`},
		{`"@context":"http://www.w3.org/ns/anno.jsonld"`, `"@context":"http://example.org/context.jsonld"`},
		{`"id":"urn:stancemark:annotation:`, `"@context":"http://www.w3.org/ns/anno.jsonld","id":"urn:stancemark:annotation:`},
		{`"purpose":"describing"`, `"purpose":"claim"`},
		{`"id":"urn:stancemark:label:`, `"id":"urn:other:label:`},
		{`"last":"urn:stancemark:collection:`, `"last":"not an iri `},
		{`"created":"2026-03-01T08:00:01.500Z"`, `"created":"2026-03-01T09:00:01.500+01:00"`},
		{`"id":"urn:stancemark:annotation:`, `"id":"not an iri `},
		{`"type":"TextPositionSelector","start":0`, `"type":"TextPositionSelector","start":-4`},
		{`"type":"TextQuoteSelector",`, `"type":"TextQuoteSelector","start":0,`},
		{`"purpose":"commenting"`, `"purpose":"opinion"`},
	} {
		bad := strings.Replace(good, edit[0], edit[1], 1)
		if bad == good {
			t.Errorf("the test edit %q does not apply", edit[0])
			continue
		}
		if err := validate(t, w3c, "w3c", []byte(bad)); err == nil {
			t.Errorf("the W3C schema accepts %q", edit[1])
		}
	}
}

// TestClassroomSchemas: the golden assignment, handin and class files
// validate against their schemas; every malformed one that is JSON fails
// its schema, except those the schema cannot see (named below).
func TestClassroomSchemas(t *testing.T) {
	for _, c := range []struct {
		schema, golden, dir string
		read                func(io.Reader) (any, error)
		beyond              map[string]bool
	}{
		{"stancemark-assignment-v2.schema.json", "testdata/assignment.golden.json", "testdata/malformed/assignment",
			func(r io.Reader) (any, error) { return annotations.ReadAssignment(r) }, map[string]bool{"text-changed": true, "key-unknown-label": true}},
		{"stancemark-handin-v1.schema.json", "testdata/handin.golden.json", "testdata/malformed/handin",
			func(r io.Reader) (any, error) { return annotations.ReadHandin(r) }, map[string]bool{"work-unknown-label": true}},
		{"stancemark-class-v1.schema.json", "testdata/class.golden.json", "testdata/malformed/class",
			func(r io.Reader) (any, error) { return annotations.ReadClass(r) }, map[string]bool{"handin-other-document": true}},
		{"stancemark-feedback-v1.schema.json", "testdata/feedback.golden.json", "testdata/malformed/feedback",
			func(r io.Reader) (any, error) { return annotations.ReadFeedbackFile(r) }, map[string]bool{"work-other-assignment": true}},
	} {
		s := compileSchema(t, c.schema)
		data, err := os.ReadFile(c.golden)
		if err != nil {
			t.Fatal(err)
		}
		if err := validate(t, s, c.golden, data); err != nil {
			t.Errorf("%s: %v", c.golden, err)
		}
		checkMalformedSchema(t, s, c.dir, c.read, c.schema, c.beyond)
	}
}
