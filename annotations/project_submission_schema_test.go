package annotations_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSubmissionSchema: the golden submission validates against
// stancemark-submission-v1.schema.json, and the fixtures the schema can
// see are wrong (another version, a wrong type, an unknown field, a
// missing field) are refused by it too.
func TestSubmissionSchema(t *testing.T) {
	s := compileSchema(t, "stancemark-submission-v1.schema.json")
	golden, err := os.ReadFile("testdata/submission/submission.golden.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := validate(t, s, "golden", golden); err != nil {
		t.Errorf("the golden submission: %v", err)
	}
	for _, name := range []string{"future-version", "export-format", "done-is-text", "negative-time", "unknown-field", "missing-annotator", "bad-submitted", "a-list"} {
		data, err := os.ReadFile(filepath.Join("testdata/submission", name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := validate(t, s, name, data); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		} else if strings.TrimSpace(err.Error()) == "" {
			t.Errorf("%s: empty error", name)
		}
	}
}
