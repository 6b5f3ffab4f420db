package annotations_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"stancemark/annotations"
	"stancemark/articles"
)

// TestEveryProjectValidatesAgainstItsSchema: the golden project, a bare one
// and one on the bundled article validate against
// stancemark-project-v1.schema.json.
func TestEveryProjectValidatesAgainstItsSchema(t *testing.T) {
	s := compileSchema(t, "stancemark-project-v1.schema.json")
	golden, err := os.ReadFile("testdata/project.golden.json")
	if err != nil {
		t.Fatal(err)
	}
	bare, err := annotations.NewProject(annotations.ProjectInput{
		Articles: []annotations.ArticleInput{{Document: bundledDoc(t)}},
		Claims:   []string{articles.BundledTarget},
	})
	if err != nil {
		t.Fatal(err)
	}
	full, err := annotations.NewProject(annotations.ProjectInput{
		Title:      "Iran & the U.S. <in> Iraq",
		Scheme:     annotations.Presets()[2],
		Codebook:   annotations.Codebook{Guidelines: "Judge the author.", Labels: []annotations.LabelGuide{{Label: "none", Examples: []string{"a", "b"}}}},
		Articles:   []annotations.ArticleInput{{Key: "k", Document: bundledDoc(t), Source: "news.txt", Meta: map[string]string{"lang": "en"}}},
		Pairs:      []annotations.PairInput{{Article: "k", Claim: articles.BundledTarget, Reference: "FAVOR"}, {Article: "k", Claim: "Iraq is safe."}},
		Annotators: []string{"ana", "ben", "cy"},
		Overlap:    2,
		Options:    annotations.ProjectOptions{OverallStance: true, ShowReference: true, IdleSeconds: annotations.MaxIdleSeconds},
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, data := range [][]byte{golden, writeProjectBytes(t, bare), writeProjectBytes(t, full)} {
		if err := validate(t, s, "project", data); err != nil {
			t.Errorf("project %d: %v", i, err)
		}
	}
}

// beyondProjectSchema are the malformed projects that only ReadProject can
// refuse: the schema cannot compare fields with each other, hash, or check
// text against offsets.
var beyondProjectSchema = map[string]bool{
	"claim-text-changed": true, "codebook-unknown-label": true, "duplicate-claim": true,
	"duplicate-document": true, "duplicate-label": true, "duplicate-task-id": true,
	"hash-mismatch": true, "id-mismatch": true, "overlap-out-of-range": true,
	"sentence-bad-paragraph": true, "sentence-crosses-paragraph": true, "sentence-gap": true,
	"sentence-misnumbered": true, "sentence-missing-at-end": true, "sentences-overlap": true,
	"task-id-changed": true, "task-missing-claim": true, "task-missing-document": true,
	"text-changed": true, "text-not-canonical": true, "unknown-reference-label": true,
}

// TestProjectSchemaRejectsMalformed: every malformed project that is JSON
// fails the schema, except those listed in beyondProjectSchema, which the
// schema accepts (so the list stays true).
func TestProjectSchemaRejectsMalformed(t *testing.T) {
	s := compileSchema(t, "stancemark-project-v1.schema.json")
	checkMalformedSchema(t, s, "testdata/malformed/project", annotations.ReadProject, "ReadProject", beyondProjectSchema)
}

// jsonValue reports whether data is one JSON value.
func jsonValue(data []byte) bool {
	var v any
	return len(bytes.TrimSpace(data)) > 0 && json.Unmarshal(data, &v) == nil
}

func writeProjectBytes(t *testing.T, p *annotations.Project) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := annotations.WriteProject(&buf, p); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
