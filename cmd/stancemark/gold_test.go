//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"stancemark/annotations"
)

// goldProjectFiles writes a project of two articles × two claims and
// three annotators' submissions with planted disagreements on its first
// task (see annotations' gold tests):
//
//	s1  agree agree agree        unanimous
//	s2  agree agree disagree     majority
//	s3  agree disagree discuss   tie
//	s4  -     -     discuss      single
//	s5  agree disagree -         tie
//	overall agree disagree agree majority
//
// It returns the project and the paths: project, ana, bob, cy.
func goldProjectFiles(t *testing.T, dir string, claims ...string) (*annotations.Project, []string) {
	t.Helper()
	doc := func(src string) *annotations.Document {
		d, err := annotations.ParsePlainText(src)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	if len(claims) == 0 {
		claims = []string{"Iran will help the U.S.", "A spider lived under a man's skin"}
	}
	p, err := annotations.NewProject(annotations.ProjectInput{
		Title:  "Gold",
		Scheme: annotations.Presets()[1],
		Articles: []annotations.ArticleInput{
			{Key: "1", Document: doc("Talks\n\nOfficials met on Monday. They talked for hours. Nobody agreed on anything. The talks will resume in May. Reporters waited outside.")},
			{Key: "2", Document: doc("Spiders\n\nA man says a spider lived under his skin. Doctors doubt it.")},
		},
		Claims:  claims,
		Options: annotations.ProjectOptions{OverallStance: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := annotations.WriteProject(&buf, p); err != nil {
		t.Fatal(err)
	}
	paths := []string{putFile(t, filepath.Join(dir, "project.json"), buf.String())}
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	v := func(id, label, sid string) annotations.Annotation {
		return annotations.Annotation{ID: id, SentenceIDs: []string{sid}, Label: label, Created: at, Modified: at}
	}
	t0 := p.Tasks[0].ID
	for _, s := range []struct {
		who     string
		as      []annotations.Annotation
		overall string
	}{
		{"ana", []annotations.Annotation{v("a1", "agree", "s1"), v("a2", "agree", "s2"), v("a3", "agree", "s3"), v("a5", "agree", "s5")}, "agree"},
		{"bob", []annotations.Annotation{v("b1", "agree", "s1"), v("b2", "agree", "s2"), v("b3", "disagree", "s3"), v("b5", "disagree", "s5")}, "disagree"},
		{"cy", []annotations.Annotation{v("c1", "agree", "s1"), v("c2", "disagree", "s2"), v("c3", "discuss", "s3"), v("c4", "discuss", "s4")}, "agree"},
	} {
		sub := &annotations.ProjectSubmission{Project: p.ID, ProjectHash: p.Hash, Annotator: s.who, Submitted: "2026-03-01T12:00:00.000Z",
			Tasks: []annotations.TaskWork{{Task: t0, Annotations: s.as, Overall: s.overall, Done: true}}}
		buf.Reset()
		if err := annotations.WriteSubmission(&buf, sub); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, putFile(t, filepath.Join(dir, s.who+".json"), buf.String()))
	}
	return p, paths
}

// readGoldFile reads a gold file the command wrote.
func readGoldFile(t *testing.T, path string) *annotations.Gold {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := annotations.ReadGold(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return g
}

func writeGoldFile(t *testing.T, path string, g *annotations.Gold) string {
	t.Helper()
	var buf bytes.Buffer
	if err := annotations.WriteGold(&buf, g); err != nil {
		t.Fatal(err)
	}
	return putFile(t, path, buf.String())
}

// decide marks the entry of sentence sid (the overall stance for "") as
// decided by Dana.
func decide(t *testing.T, g *annotations.Gold, sid, label string) *annotations.Gold {
	t.Helper()
	for i := range g.Entries {
		e := &g.Entries[i]
		if e.Sentence == sid && (sid != "" || e.Task != "") {
			e.Source, e.Label, e.Adjudicator, e.Reason, e.DecidedVotes = annotations.SourceAdjudicated, label, "Dana", "Per the codebook.", e.Votes
			return g
		}
	}
	t.Fatalf("no entry %q", sid)
	return nil
}

func TestGoldProject(t *testing.T) {
	dir := t.TempDir()
	p, files := goldProjectFiles(t, dir)
	out := filepath.Join(dir, "gold.json")
	stdout, stderr, code := stancemark(t, "", append([]string{"gold", "-o", out}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if stdout != "" {
		t.Errorf("with -o, stdout = %q", stdout)
	}
	wantErr := "gold: 6 labels (1 unanimous, 2 majority, 0 adjudicated, 1 single, 2 unresolved)\n" +
		"2 need a decision:\n" +
		"  task " + p.Tasks[0].ID + `, s3 "Nobody agreed on anything.": unresolved: agree 1 (ana), disagree 1 (bob), discuss 1 (cy)` + "\n" +
		"  task " + p.Tasks[0].ID + `, s5 "Reporters waited outside.": unresolved: agree 1 (ana), disagree 1 (bob)` + "\n"
	if stderr != wantErr {
		t.Errorf("stderr\n%s\nwant\n%s", stderr, wantErr)
	}
	g := readGoldFile(t, out)
	if g.Project != p.ID || g.ProjectHash != p.Hash || g.Policy != annotations.PolicyMajority || g.None || len(g.Entries) != 6 {
		t.Errorf("gold file %+v", g)
	}

	// No -o: the gold file on stdout, the same bytes.
	stdout, _, code = stancemark(t, "", append([]string{"gold"}, files...)...)
	written, _ := os.ReadFile(out)
	if code != 0 || stdout != string(written) {
		t.Errorf("exit %d; stdout differs from -o:\n%s", code, stdout)
	}

	// -policy unanimous and -none.
	stdout, stderr, code = stancemark(t, "", append([]string{"gold", "-policy", "unanimous", "-none", "-o", "-"}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	u, err := annotations.ReadGold(strings.NewReader(stdout))
	if err != nil {
		t.Fatal(err)
	}
	if u.Policy != annotations.PolicyUnanimous || !u.None || !strings.HasPrefix(stderr, "gold: 6 labels (1 unanimous, 0 majority, 0 adjudicated, 0 single, 5 unresolved)\n") {
		t.Errorf("policy %s none %t; stderr %s", u.Policy, u.None, stderr)
	}
}

func TestGoldAdjudicationAndStale(t *testing.T) {
	dir := t.TempDir()
	p, files := goldProjectFiles(t, dir)
	// ana and bob first; Dana decides their tie on s3 and the overall
	// stance.
	first := filepath.Join(dir, "first.json")
	if _, stderr, code := stancemark(t, "", "gold", "-o", first, files[0], files[1], files[2]); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	adj := writeGoldFile(t, filepath.Join(dir, "adj.json"), decide(t, decide(t, readGoldFile(t, first), "s3", "disagree"), "", "discuss"))

	again := filepath.Join(dir, "again.json")
	stdout, stderr, code := stancemark(t, "", "gold", "-json", "-adjudication", adj, "-o", again, files[0], files[1], files[2])
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep struct {
		Labels  int
		Sources map[string]int
		Pending []struct {
			Sentence, Task, Label, Source, Why, Adjudicator string
			Votes, DecidedVotes                             map[string][]string
		}
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, stdout)
	}
	if rep.Sources["adjudicated"] != 2 || len(rep.Pending) != 1 || rep.Pending[0].Sentence != "s5" || rep.Pending[0].Why != "unresolved" {
		t.Errorf("report %+v", rep)
	}
	if g := readGoldFile(t, again); g.Entries[2].Source != annotations.SourceAdjudicated || g.Entries[2].Stale {
		t.Errorf("s3 = %+v", g.Entries[2])
	}

	// cy's submission arrives: the decisions stay, stale.
	stdout, stderr, code = stancemark(t, "", "gold", "-json", "-adjudication", adj, "-o", again, files[0], files[1], files[2], files[3])
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rep.Pending = nil
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Pending) != 3 {
		t.Fatalf("pending %+v", rep.Pending)
	}
	s3 := rep.Pending[0]
	if s3.Sentence != "s3" || s3.Why != "stale" || s3.Label != "disagree" || s3.Adjudicator != "Dana" || len(s3.Votes) != 3 || len(s3.DecidedVotes) != 2 {
		t.Errorf("s3 %+v", s3)
	}
	g := readGoldFile(t, again)
	if e := g.Entries[2]; e.Source != annotations.SourceAdjudicated || !e.Stale || e.Label != "disagree" {
		t.Errorf("s3 in the file = %+v", e)
	}
	// Without -json the stale decisions are listed on stderr.
	_, stderr, _ = stancemark(t, "", "gold", "-adjudication", adj, "-o", again, files[0], files[1], files[2], files[3])
	if want := "  task " + p.Tasks[0].ID + `, the overall stance: stale: "discuss" by Dana was decided on agree 1 (ana), disagree 1 (bob); now agree 2 (ana, cy), disagree 1 (bob)`; !strings.Contains(stderr, want) {
		t.Errorf("stderr\n%s\nlacks\n%s", stderr, want)
	}
}

func TestGoldExports(t *testing.T) {
	dir := t.TempDir()
	files := threeAnnotators(t, dir)
	stdout, stderr, code := stancemark(t, "", append([]string{"gold"}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	g, err := annotations.ReadGold(strings.NewReader(stdout))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range g.Entries {
		lines = append(lines, e.Sentence+" "+e.Label+" "+string(e.Source)+" "+e.Votes.String())
	}
	want := []string{
		"s1 supports unanimous supports 3 (Ada, Bob, Cy)",
		"s2 supports majority supports 2 (Ada, Cy), neutral 1 (Bob)",
		"s5 opposes majority opposes 2 (Ada, Bob), neutral 1 (Cy)",
		"s6 neutral single neutral 1 (Cy)",
	}
	if got := strings.Join(lines, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	if g.Document == nil || len(g.Document.Sentences) != 23 || g.Project != "" {
		t.Errorf("header %+v", g)
	}
	if stderr != "gold: 4 labels (1 unanimous, 2 majority, 0 adjudicated, 1 single, 0 unresolved)\nNothing needs a decision.\n" {
		t.Errorf("stderr %s", stderr)
	}
	// An export without an annotator's name is named by its file.
	nameless := writeExport(t, dir, "dee.json", "", tagRun{0, 0, "opposes"})
	stdout, _, code = stancemark(t, "", "gold", files[0], nameless)
	if code != 0 || !strings.Contains(stdout, `"dee.json"`) {
		t.Errorf("exit %d:\n%s", code, stdout)
	}
}

func TestGoldRefuses(t *testing.T) {
	dir := t.TempDir()
	p, files := goldProjectFiles(t, dir)
	other, otherFiles := goldProjectFiles(t, t.TempDir(), "Iran will not help")
	exports := threeAnnotators(t, t.TempDir())
	dup := filepath.Join(dir, "ana-again.json")
	data, _ := os.ReadFile(files[1])
	putFile(t, dup, string(data))
	first := filepath.Join(dir, "first.json")
	if _, stderr, code := stancemark(t, "", append([]string{"gold", "-o", first}, files...)...); code != 0 {
		t.Fatal(stderr)
	}
	edit := func(name string, change func(e *annotations.GoldEntry)) string {
		g := decide(t, readGoldFile(t, first), "s3", "disagree")
		change(&g.Entries[2])
		return writeGoldFile(t, filepath.Join(dir, name), g)
	}
	unknownSentence := edit("s9.json", func(e *annotations.GoldEntry) { e.Sentence = "s9" })
	unknownLabel := edit("maybe.json", func(e *annotations.GoldEntry) { e.Label = "maybe" })
	unknownTask := edit("task.json", func(e *annotations.GoldEntry) { e.Sentence, e.Task = "", "t000000000000" })
	otherGold := filepath.Join(dir, "other-gold.json")
	if _, stderr, code := stancemark(t, "", append([]string{"gold", "-o", otherGold}, otherFiles...)...); code != 0 {
		t.Fatal(stderr)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"duplicate annotator", []string{files[0], files[1], dup}, 1,
			files[1] + " and " + dup + ` are both by "ana"; give each annotator's submission once`},
		{"submissions of another project", []string{files[0], files[1], otherFiles[2]}, 1,
			otherFiles[2] + `: project: this file is for another project (` + other.ID + `); this project is "Gold" (` + p.ID + `)`},
		{"gold file of another project version", append([]string{"-adjudication", otherGold}, files...), 1,
			otherGold + `: projectHash: made on another version of project ` + p.ID + ` "Gold", or on another project (this file is ` + other.ID + `, hash ` + other.Hash[:23] + `…; the project's hash is ` + p.Hash[:23] + `…)`},
		{"adjudication of an unknown sentence", append([]string{"-adjudication", unknownSentence}, files...), 1,
			unknownSentence + `: gold[2].sentence: unknown sentence "s9" (document ` + p.Tasks[0].Document + ` has s1 to s5)`},
		{"adjudication of an unknown label", append([]string{"-adjudication", unknownLabel}, files...), 1,
			unknownLabel + `: gold[2].label: unknown label "maybe" (the labels are agree, disagree, discuss, unrelated)`},
		{"adjudication of an unknown task", append([]string{"-adjudication", unknownTask}, files...), 1,
			unknownTask + `: gold[2].task: unknown task "t000000000000" (the project has 4 tasks)`},
		{"adjudication of another document", append([]string{"-adjudication", first}, exports...), 1,
			first + `: project: this gold file is for project ` + p.ID + `; the exports are of document `},
		{"a malformed adjudication", append([]string{"-adjudication", files[1]}, files...), 1,
			files[1] + `: format: this is a "stancemark-submission/v1" file, not a Stancemark gold file (stancemark-gold/v1)`},
		{"exports with a project", []string{files[0], files[1], exports[0]}, 1,
			exports[0] + ": a stancemark/v1 export; with the project " + files[0] + " give its submissions (stancemark-submission/v1)"},
		{"submissions without their project", files[1:], 1,
			files[1] + ": a project submission; give its project file (stancemark-project/v1) too"},
		{"exports of the same annotator", []string{exports[0], exports[1], exports[0]}, 1,
			exports[0] + " and " + exports[0] + ` are both by "Ada"; give each annotator's export once`},
		{"a missing file", []string{files[0], filepath.Join(dir, "nope.json")}, 1, filepath.Join(dir, "nope.json") + ": no such file or directory"},
		{"no files", nil, 2, "gold needs FILEs"},
		{"unknown policy", append([]string{"-policy", "plurality"}, files...), 2, `unknown policy "plurality" (want majority or unanimous)`},
		{"-json with -o -", append([]string{"-json", "-o", "-"}, files...), 2, "-json prints the report on standard output"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "gold.json")
			args := append([]string{"gold", "-o", out}, tt.args...)
			stdout, stderr, code := stancemark(t, "", args...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, tt.code, tt.want)
			}
			if stdout != "" {
				t.Errorf("stdout %q", stdout)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("%s was written", out)
			}
			if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 0 {
				t.Errorf("left in the folder: %v", entries)
			}
		})
	}
}
