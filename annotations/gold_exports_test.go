package annotations_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"strings"
	"testing"

	"stancemark/annotations"
	"stancemark/articles"
)

// goldExportsGolden is the gold file of goldExports, adjudicated on s2.
const goldExportsGolden = "testdata/gold/exports.golden.json"

// goldExports are three annotators' exports of the bundled article:
//
//	s1  supports supports supports  unanimous
//	s2  supports opposes  -         tie (with -none too)
//	s5  opposes  opposes  -         unanimous (with -none: majority)
//	s7  -        -        neutral   single (with -none: majority none)
func goldExports(t *testing.T) []*annotations.Export {
	return []*annotations.Export{
		articleExport(t, "ana", tagRun{0, 1, "supports", ""}, tagRun{4, 4, "opposes", ""}),
		articleExport(t, "bob", tagRun{0, 0, "supports", ""}, tagRun{1, 1, "opposes", ""}, tagRun{4, 4, "opposes", ""}),
		articleExport(t, "cy", tagRun{0, 0, "supports", ""}, tagRun{6, 6, "neutral", ""}),
	}
}

// goldUpdate reports whether -update was given (the flag is the internal
// test package's, in the same test binary).
func goldUpdate() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func goldLines(g *annotations.Gold) string {
	var b strings.Builder
	for _, e := range g.Entries {
		b.WriteString(e.Sentence + " " + e.Label + " " + string(e.Source) + " [" + e.Votes.String() + "]\n")
	}
	return b.String()
}

func TestGoldFromExports(t *testing.T) {
	exports := goldExports(t)
	g, err := annotations.NewGold(annotations.GoldInput{Exports: exports})
	if err != nil {
		t.Fatal(err)
	}
	want := `s1 supports unanimous [supports 3 (ana, bob, cy)]
s2  unresolved [opposes 1 (bob), supports 1 (ana)]
s5 opposes unanimous [opposes 2 (ana, bob)]
s7 neutral single [neutral 1 (cy)]
`
	if got := goldLines(g); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if g.Document == nil || g.Document.ID != exports[0].Document.ID || len(g.Document.Sentences) != 23 || g.Project != "" {
		t.Errorf("header %+v", g)
	}
	if c := g.Entries[0].Claim; c != annotations.ClaimID(articles.BundledTarget) {
		t.Errorf("claim %q", c)
	}

	none, err := annotations.NewGold(annotations.GoldInput{Exports: exports, None: true})
	if err != nil {
		t.Fatal(err)
	}
	want = `s1 supports unanimous [supports 3 (ana, bob, cy)]
s2  unresolved [none 1 (cy), opposes 1 (bob), supports 1 (ana)]
s5 opposes majority [opposes 2 (ana, bob), none 1 (cy)]
s7 none majority [none 2 (ana, bob), neutral 1 (cy)]
`
	if got := goldLines(none); got != want {
		t.Errorf("with none: got\n%s\nwant\n%s", got, want)
	}

	// Dana decides s2; then bob changes his mind: the decision stays,
	// stale.
	adj := *g
	adj.Entries = append([]annotations.GoldEntry(nil), g.Entries...)
	e := &adj.Entries[1]
	e.Source, e.Label, e.Adjudicator, e.Reason, e.DecidedVotes = annotations.SourceAdjudicated, "supports", "Dana", "Officials say so.", e.Votes
	decided, err := annotations.NewGold(annotations.GoldInput{Exports: exports, Adjudication: &adj})
	if err != nil {
		t.Fatal(err)
	}
	if s2 := decided.Entries[1]; s2.Source != annotations.SourceAdjudicated || s2.Stale || len(decided.Pending()) != 0 {
		t.Errorf("s2 = %+v", s2)
	}
	var buf bytes.Buffer
	if err := annotations.WriteGold(&buf, decided); err != nil {
		t.Fatal(err)
	}
	if goldUpdate() {
		os.WriteFile(goldExportsGolden, buf.Bytes(), 0o644)
	}
	golden, err := os.ReadFile(goldExportsGolden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), golden) {
		t.Errorf("WriteGold differs from %s (go test -update rewrites it):\n%s", goldExportsGolden, buf.Bytes())
	}
	read, err := annotations.ReadGold(bytes.NewReader(golden))
	if err != nil {
		t.Fatal(err)
	}
	changed := goldExports(t)
	changed[1] = articleExport(t, "bob", tagRun{0, 0, "supports", ""}, tagRun{1, 1, "neutral", ""}, tagRun{4, 4, "opposes", ""})
	later, err := annotations.NewGold(annotations.GoldInput{Exports: changed, Adjudication: read})
	if err != nil {
		t.Fatal(err)
	}
	s2 := later.Entries[1]
	if s2.Source != annotations.SourceAdjudicated || s2.Label != "supports" || !s2.Stale || s2.DecidedVotes.String() != "opposes 1 (bob), supports 1 (ana)" {
		t.Errorf("s2 after bob changed = %+v", s2)
	}
	if p := later.Pending(); len(p) != 1 || p[0].Sentence != "s2" {
		t.Errorf("pending %+v", p)
	}
}

func TestGoldFromExportsRefuses(t *testing.T) {
	exports := goldExports(t)
	doc, err := annotations.ParsePlainText("Other\n\nOne sentence. Another one.")
	if err != nil {
		t.Fatal(err)
	}
	w := annotations.NewWorkspace(doc)
	w.Annotator = "dee"
	other := w.Export(exportTime)
	nameless := articleExport(t, "")
	g, err := annotations.NewGold(annotations.GoldInput{Exports: exports})
	if err != nil {
		t.Fatal(err)
	}
	otherDoc := *g
	otherDoc.Document = &annotations.GoldDocument{ID: "sha256:abc", Sentences: g.Document.Sentences}
	for i := range otherDoc.Entries {
		otherDoc.Entries = append([]annotations.GoldEntry(nil), otherDoc.Entries...)
		otherDoc.Entries[i].Document = "sha256:abc"
	}
	tests := []struct {
		name string
		in   annotations.GoldInput
		err  error
		want string
	}{
		{"the same annotator twice", annotations.GoldInput{Exports: []*annotations.Export{exports[0], exports[1], exports[0]}}, annotations.ErrDuplicateAnnotator,
			`exports 1 and 3 are both by "ana"; give each annotator's work once`},
		{"no annotator's name", annotations.GoldInput{Exports: []*annotations.Export{exports[0], nameless}}, annotations.ErrMissingField,
			"export 2 has no annotator's name"},
		{"another document", annotations.GoldInput{Exports: []*annotations.Export{exports[0], other}}, annotations.ErrOtherDocument,
			`export 2 is for "Other" (` + doc.ID + `), but export 1 is for "Could U.S., Iran Work Together In Iraq? Maybe, Officials Say" (` + exports[0].Document.ID + `); gold labels need exports of one document`},
		{"an adjudication of another document", annotations.GoldInput{Exports: exports, Adjudication: &otherDoc}, annotations.ErrOtherDocument,
			"document.id: this gold file is for another document (sha256:abc); the exports are of " + g.Document.ID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := annotations.NewGold(tt.in)
			if !errors.Is(err, tt.err) {
				t.Fatalf("error %v does not wrap %v", err, tt.err)
			}
			if tt.want != "" && err.Error() != tt.want {
				t.Errorf("message\n got %q\nwant %q", err, tt.want)
			}
		})
	}
}
