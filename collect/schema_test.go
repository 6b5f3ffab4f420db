package collect

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

const schemaFile = "../web/schema/stancemark-collection-v1.schema.json"

func compile(t *testing.T, ref string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	s, err := c.Compile(ref)
	if err != nil {
		t.Fatalf("compiling %s: %v", ref, err)
	}
	return s
}

func validateJSON(t *testing.T, s *jsonschema.Schema, data []byte) error {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not JSON: %v: %s", err, data)
	}
	return s.Validate(v)
}

// What the server sends (the collection of an assignment and of a
// project, and a receipt) validates against
// web/schema/stancemark-collection-v1.schema.json; the malformed examples
// in testdata/malformed are refused by it.
func TestCollectionSchema(t *testing.T) {
	abs, err := filepath.Abs(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	s := compile(t, abs)
	receipt := compile(t, abs+"#/$defs/receipt")
	a, ab := bundledAssignment(t)
	_, pb := bundledProject(t)
	st, srv := newAPI(t, "sqlite:"+t.TempDir()+"/s.db", Options{})
	for _, body := range [][]byte{ab, pb} {
		code, _ := newCollection(t, st, body, CollectionOptions{ParticipantParam: "PROLIFIC_PID", CompletionCode: "X1"})
		g := mustDo(t, "GET", srv.URL+"/api/collections/"+code, nil, nil)
		if err := validateJSON(t, s, g.body); err != nil {
			t.Errorf("GET %s: %v", code, err)
		}
		if strings.Contains(string(body), "stancemark-assignment/") {
			r, _ := submit(srv.URL, code, 1, studentBodies(t, a, 1)[0])
			if err := validateJSON(t, receipt, r.body); r.status != 201 || err != nil {
				t.Errorf("receipt %s: %v", r.body, err)
			}
		}
	}
	files, _ := filepath.Glob("testdata/malformed/*.json")
	if len(files) < 6 {
		t.Fatalf("%d malformed examples", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := validateJSON(t, s, data); err == nil {
			t.Errorf("%s: the schema accepts it", f)
		}
	}
}
