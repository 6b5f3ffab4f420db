package annotations

import (
	"strings"
	"testing"
)

// TestProjectSourcesBoundaries: boundaries fixed by an author replace the
// segmenter's for that article only, travel in the project (and its hash),
// and boundaries that do not fit the text are refused, naming the file.
func TestProjectSourcesBoundaries(t *testing.T) {
	files := []ProjectFile{
		{"a.txt", []byte("Rain fell. The river rose. Roads shut.")},
		{"b.txt", []byte("The mayor resigned. Nobody knows why.")},
	}
	ps, err := ReadProjectSources(files, ProjectColumns{})
	if err != nil {
		t.Fatal(err)
	}
	docs := ps.Documents()
	if len(docs) != 2 || len(docs[0].Sentences) != 3 {
		t.Fatalf("documents %d, sentences of the first %d", len(docs), len(docs[0].Sentences))
	}
	joined, err := docs[0].JoinSentences(0)
	if err != nil {
		t.Fatal(err)
	}
	fixed, err := joined.SplitSentence(1, docs[0].Sentences[2].Start+len("Roads "))
	if err != nil {
		t.Fatal(err)
	}
	set := ProjectSettings{Claims: []string{"It rained"}, Boundaries: map[string][]ExportSentence{
		fixed.ID: fixed.ExportDocument().Sentences, "sha256:nobody": nil}}
	p, err := ps.Project(set)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := ps.Project(ProjectSettings{Claims: []string{"It rained"}})
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.Documents[0].Document()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, s := range d.Sentences {
		texts = append(texts, s.Text)
	}
	if got, want := strings.Join(texts, "|"), "Rain fell. The river rose.|Roads|shut."; got != want {
		t.Errorf("the fixed article's sentences %q, want %q", got, want)
	}
	if BoundariesID(p.Documents[0].Sentences) != fixed.BoundariesID() || BoundariesID(p.Documents[1].Sentences) != docs[1].BoundariesID() {
		t.Error("the project's boundaries are not the fixed ones for a.txt and the segmenter's for b.txt")
	}
	if p.Hash == plain.Hash {
		t.Error("fixed boundaries left the project's hash unchanged")
	}
	if ps.Documents()[0] != docs[0] || len(docs[0].Sentences) != 3 {
		t.Error("Project changed the sources")
	}
	bad := ProjectSettings{Claims: []string{"x"}, Boundaries: map[string][]ExportSentence{docs[1].ID: {{ID: "s1", Start: 0, End: 3}}}}
	if _, err := ps.Project(bad); err == nil || !strings.HasPrefix(err.Error(), "b.txt: the sentences fixed for it:") {
		t.Errorf("boundaries that leave words out: %v", err)
	}
}
