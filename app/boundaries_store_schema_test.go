package app

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"stancemark/annotations"
)

// TestDocRecordSchema: what storeDocument writes is valid under
// web/schema/stancemark-doc-v2.schema.json and reads back the same; the
// malformed records are refused by the schema and by the reader, with a
// message naming what is wrong.
func TestDocRecordSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	schema, err := c.Compile("../web/schema/stancemark-doc-v2.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	check := func(data string) error {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(data)))
		if err != nil {
			return err
		}
		return schema.Validate(v)
	}
	split, _ := annotations.NewDocument("New", oldSplitText)
	doc, _ := split.JoinSentences(0) // fixed: its record holds its sentences
	s, _ := newTestSession(t, newMemoryStore())
	if err := s.storeDocument(split, "", "pasted text"); err != nil {
		t.Fatal(err)
	}
	if data, _, _ := s.store.get(docKey(split.ID)); check(data) != nil {
		t.Errorf("the record of a split document fails its schema: %v\n%s", check(data), data)
	}
	if err := s.storeDocument(doc, "A claim", "pasted text"); err != nil {
		t.Fatal(err)
	}
	data, _, _ := s.store.get(docKey(doc.ID))
	if err := check(data); err != nil {
		t.Fatalf("the stored record fails its schema: %v\n%s", err, data)
	}
	back, target, err := s.loadDocument(doc.ID)
	if err != nil || back.BoundariesID() != doc.BoundariesID() || back.Title != "New" || target != "A claim" {
		t.Fatalf("read back: %v", err)
	}
	malformed := []struct {
		name          string
		schemaRefuses bool // false: beyond the schema, only the reader sees it
		edit          func(r *docRecord)
		msg           string
	}{
		{"boundaries not matching", false, func(r *docRecord) { r.Boundaries = "b0000000000000000" }, `has boundaries "b0000000000000000", but its sentences are b`},
		{"future format", true, func(r *docRecord) { r.Format = "stancemark-doc/v3" }, `has the unknown format "stancemark-doc/v3"`},
		{"neither sentences nor a segmenter", true, func(r *docRecord) { r.Sentences = nil; r.Boundaries = annotations.BoundariesID(nil) }, "a document needs at least one sentence"},
		{"both sentences and a segmenter", true, func(r *docRecord) { r.Segmenter = 2 }, ""},
		{"a sentence past the text", false, func(r *docRecord) {
			r.Sentences[len(r.Sentences)-1].End = 9999
			r.Boundaries = annotations.BoundariesID(r.Sentences)
		}, "are not a range inside paragraph"},
	}
	for _, tt := range malformed {
		t.Run(tt.name, func(t *testing.T) {
			var r docRecord
			json.Unmarshal([]byte(data), &r)
			tt.edit(&r)
			b, _ := json.Marshal(r)
			if refused := check(string(b)) != nil; refused != tt.schemaRefuses {
				t.Errorf("the schema refuses it: %v, want %v", refused, tt.schemaRefuses)
			}
			s.store.set(docKey(doc.ID), string(b))
			if tt.msg == "" { // the reader takes the sentences
				return
			}
			if _, _, err := s.loadDocument(doc.ID); err == nil || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("loadDocument: %v, want %q", err, tt.msg)
			}
		})
	}
}
