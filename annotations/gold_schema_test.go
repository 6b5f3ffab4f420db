package annotations_test

import (
	"os"
	"testing"

	"stancemark/annotations"
)

// beyondGoldSchema are the malformed gold files that only ReadGold can
// refuse: the schema cannot compare fields with each other, sort, count
// votes or hash.
var beyondGoldSchema = map[string]bool{
	"id-not-hash": true, "document-misnumbered": true, "entry-other-document": true,
	"unknown-sentence": true, "task-without-project": true, "duplicate-entry": true,
	"votes-unsorted": true, "votes-twice": true, "decided-votes-unsorted": true,
	"source-does-not-follow": true, "label-does-not-follow": true, "majority-under-unanimous": true,
	"stale-wrong": true, "empty-claim": true,
}

// TestGoldSchema: the golden gold files validate against
// stancemark-gold-v1.schema.json; every malformed one that is JSON fails
// it, except those listed in beyondGoldSchema, which it accepts (so the
// list stays true).
func TestGoldSchema(t *testing.T) {
	s := compileSchema(t, "stancemark-gold-v1.schema.json")
	for _, name := range []string{"testdata/gold/gold.golden.json", "testdata/gold/exports.golden.json"} {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := validate(t, s, name, data); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	checkMalformedSchema(t, s, "testdata/malformed/gold", annotations.ReadGold, "ReadGold", beyondGoldSchema)
}
