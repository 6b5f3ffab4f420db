package annotations

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
)

// goldGolden is the gold file of the planted disagreements, adjudicated.
const goldGolden = "testdata/gold/gold.golden.json"

// goldProject is a small project for the gold tests: one article of five
// sentences and a second of two, two claims, the fnc1 labels, asking for
// an overall stance.
func goldProject(t testing.TB) *Project {
	t.Helper()
	doc := func(src string) *Document {
		d, err := ParsePlainText(src)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	p, err := NewProject(ProjectInput{
		Title:  "Gold",
		Scheme: Presets()[1],
		Articles: []ArticleInput{
			{Key: "1", Document: doc("Talks\n\nOfficials met on Monday. They talked for hours. Nobody agreed on anything. The talks will resume in May. Reporters waited outside.")},
			{Key: "2", Document: doc("Spiders\n\nA man says a spider lived under his skin. Doctors doubt it.")},
		},
		Claims:  []string{"Iran will help the U.S.", "A spider lived under a man's skin"},
		Options: ProjectOptions{OverallStance: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Tasks) != 4 || p.Tasks[0].Document != p.Documents[0].ID || len(p.Documents[0].Sentences) != 5 {
		t.Fatalf("%d tasks, %d sentences", len(p.Tasks), len(p.Documents[0].Sentences))
	}
	return p
}

// vote is a highlight of one sentence.
func vote(id, label, sentence string) Annotation {
	return Annotation{ID: id, SentenceIDs: []string{sentence}, Label: label, Created: testEpoch, Modified: testEpoch}
}

// plantedSubmissions are three annotators' work on goldProject's first
// task, with the disagreements planted:
//
//	s1  agree agree agree        unanimous
//	s2  agree agree disagree     majority agree
//	s3  agree disagree discuss   tie
//	s4  -     -     discuss      single (with -none: majority none)
//	s5  agree disagree -         tie
//	overall agree disagree agree majority agree
//
// and ana alone on the second task (s1 unrelated: single).
func plantedSubmissions(p *Project) []*ProjectSubmission {
	sub := func(who string, tasks ...TaskWork) *ProjectSubmission {
		return &ProjectSubmission{Project: p.ID, ProjectHash: p.Hash, Annotator: who, Submitted: "2026-03-01T12:00:00.000Z", Tasks: tasks}
	}
	t0, t1 := p.Tasks[0].ID, p.Tasks[1].ID
	return []*ProjectSubmission{
		sub("ana",
			TaskWork{Task: t0, Annotations: []Annotation{vote("a1", "agree", "s1"), vote("a2", "agree", "s2"), vote("a3", "agree", "s3"), vote("a5", "agree", "s5")}, Overall: "agree", Done: true},
			TaskWork{Task: t1, Annotations: []Annotation{vote("a6", "unrelated", "s1")}, ActiveMillis: 10}),
		sub("bob",
			TaskWork{Task: t0, Annotations: []Annotation{vote("b1", "agree", "s1"), vote("b2", "agree", "s2"), vote("b3", "disagree", "s3"), vote("b5", "disagree", "s5")}, Overall: "disagree", Done: true}),
		sub("cy",
			TaskWork{Task: t0, Annotations: []Annotation{vote("c1", "agree", "s1"), vote("c2", "disagree", "s2"), vote("c3", "discuss", "s3"), vote("c4", "discuss", "s4")}, Overall: "agree", Done: true},
			TaskWork{Task: p.Tasks[2].ID, ActiveMillis: 5}), // looked at, no tag: no entry
	}
}

// summary renders the entries one a line: unit, label, source, votes.
func summary(g *Gold) string {
	var b strings.Builder
	for _, e := range g.Entries {
		unit := e.Sentence
		if e.Task != "" {
			unit = "overall"
		}
		fmt.Fprintf(&b, "%s%s/%s %q %s [%s]", e.Task, e.Claim, unit, e.Label, e.Source, e.Votes)
		if e.Source == SourceAdjudicated {
			fmt.Fprintf(&b, " by %s stale=%t decided [%s]", e.Adjudicator, e.Stale, e.DecidedVotes)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func mustGold(t *testing.T, in GoldInput) *Gold {
	t.Helper()
	g, err := NewGold(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Validate(); err != nil {
		t.Fatalf("NewGold made an invalid gold file: %v", err)
	}
	return g
}

func TestGoldPlantedDisagreements(t *testing.T) {
	p := goldProject(t)
	subs := plantedSubmissions(p)
	c0, c1 := p.Tasks[0].Claim, p.Tasks[1].Claim
	overall := p.Tasks[0].ID + c0 + "/overall"
	tests := []struct {
		name   string
		policy GoldPolicy
		none   bool
		want   string
	}{
		{"majority", PolicyMajority, false, `
` + c0 + `/s1 "agree" unanimous [agree 3 (ana, bob, cy)]
` + c0 + `/s2 "agree" majority [agree 2 (ana, bob), disagree 1 (cy)]
` + c0 + `/s3 "" unresolved [agree 1 (ana), disagree 1 (bob), discuss 1 (cy)]
` + c0 + `/s4 "discuss" single [discuss 1 (cy)]
` + c0 + `/s5 "" unresolved [agree 1 (ana), disagree 1 (bob)]
` + overall + ` "agree" majority [agree 2 (ana, cy), disagree 1 (bob)]
` + c1 + `/s1 "unrelated" single [unrelated 1 (ana)]
`},
		{"unanimous", PolicyUnanimous, false, `
` + c0 + `/s1 "agree" unanimous [agree 3 (ana, bob, cy)]
` + c0 + `/s2 "" unresolved [agree 2 (ana, bob), disagree 1 (cy)]
` + c0 + `/s3 "" unresolved [agree 1 (ana), disagree 1 (bob), discuss 1 (cy)]
` + c0 + `/s4 "discuss" single [discuss 1 (cy)]
` + c0 + `/s5 "" unresolved [agree 1 (ana), disagree 1 (bob)]
` + overall + ` "" unresolved [agree 2 (ana, cy), disagree 1 (bob)]
` + c1 + `/s1 "unrelated" single [unrelated 1 (ana)]
`},
		{"majority, untagged votes none", PolicyMajority, true, `
` + c0 + `/s1 "agree" unanimous [agree 3 (ana, bob, cy)]
` + c0 + `/s2 "agree" majority [agree 2 (ana, bob), disagree 1 (cy)]
` + c0 + `/s3 "" unresolved [agree 1 (ana), disagree 1 (bob), discuss 1 (cy)]
` + c0 + `/s4 "none" majority [none 2 (ana, bob), discuss 1 (cy)]
` + c0 + `/s5 "" unresolved [agree 1 (ana), disagree 1 (bob), none 1 (cy)]
` + overall + ` "agree" majority [agree 2 (ana, cy), disagree 1 (bob)]
` + c1 + `/s1 "unrelated" single [unrelated 1 (ana)]
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := mustGold(t, GoldInput{Project: p, Submissions: subs, Policy: tt.policy, None: tt.none})
			want := strings.TrimPrefix(tt.want, "\n")
			if got := summary(g); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
			if g.Project != p.ID || g.ProjectHash != p.Hash || g.Policy != tt.policy || g.None != tt.none {
				t.Errorf("header %+v", g)
			}
		})
	}
	// With -none, ana's untagged s2..s5 of the second task stay no entry:
	// only s1 was tagged by anyone.
	g := mustGold(t, GoldInput{Project: p, Submissions: subs, None: true})
	if n := len(g.Pending()); n != 2 {
		t.Errorf("%d pending, want 2 (s3, s5)", n)
	}
	counts := g.Counts()
	if counts[SourceUnanimous] != 1 || counts[SourceMajority] != 3 || counts[SourceSingle] != 1 || counts[SourceUnresolved] != 2 || counts[SourceAdjudicated] != 0 {
		t.Errorf("counts %v", counts)
	}
}

// adjudicate returns g with the entry of sentence sid (or the overall
// stance when sid is "") of the first task decided as label.
func adjudicate(t *testing.T, g *Gold, p *Project, sid, label string) *Gold {
	t.Helper()
	c := *g
	c.Entries = append([]GoldEntry(nil), g.Entries...)
	for i := range c.Entries {
		e := &c.Entries[i]
		if e.Claim == p.Tasks[0].Claim && e.Document == p.Tasks[0].Document && e.Sentence == sid && (sid != "" || e.Task != "") {
			e.Source, e.Label, e.Adjudicator, e.Reason = SourceAdjudicated, label, "Dana", "The codebook says so."
			e.DecidedVotes = e.Votes.clone()
			return &c
		}
	}
	t.Fatalf("no entry %q", sid)
	return nil
}

func TestGoldAdjudicationOverridesAndGoesStale(t *testing.T) {
	p := goldProject(t)
	subs := plantedSubmissions(p)
	two := mustGold(t, GoldInput{Project: p, Submissions: subs[:2]})
	// ana and bob split s3; Dana decides it, and overrides the overall
	// stance they split too.
	adj := adjudicate(t, adjudicate(t, two, p, "s3", "disagree"), p, "", "discuss")

	again := mustGold(t, GoldInput{Project: p, Submissions: subs[:2], Adjudication: adj})
	s3 := entryOf(t, again, "s3")
	if s3.Source != SourceAdjudicated || s3.Label != "disagree" || s3.Adjudicator != "Dana" || s3.Reason != "The codebook says so." || s3.Stale {
		t.Errorf("s3 = %+v", s3)
	}
	if len(again.Pending()) != 1 { // s5 is still a tie
		t.Errorf("pending %+v", again.Pending())
	}

	// cy's submission arrives later: the decisions stay, marked stale
	// where cy's votes changed them.
	later := mustGold(t, GoldInput{Project: p, Submissions: subs, Adjudication: adj})
	s3 = entryOf(t, later, "s3")
	if s3.Source != SourceAdjudicated || s3.Label != "disagree" || !s3.Stale ||
		s3.Votes.String() != "agree 1 (ana), disagree 1 (bob), discuss 1 (cy)" || s3.DecidedVotes.String() != "agree 1 (ana), disagree 1 (bob)" {
		t.Errorf("s3 after cy = %+v", s3)
	}
	ov := entryOf(t, later, "")
	if ov.Source != SourceAdjudicated || ov.Label != "discuss" || !ov.Stale {
		t.Errorf("overall after cy = %+v", ov)
	}
	// Written and read back, the stale decision is still stale, and fed
	// back as the adjudication it stays what it is.
	var buf bytes.Buffer
	if err := WriteGold(&buf, later); err != nil {
		t.Fatal(err)
	}
	read, err := ReadGold(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if summary(read) != summary(later) {
		t.Errorf("read back:\n%s\nwant\n%s", summary(read), summary(later))
	}
	fed := mustGold(t, GoldInput{Project: p, Submissions: subs, Adjudication: read})
	if summary(fed) != summary(later) {
		t.Errorf("fed back:\n%s\nwant\n%s", summary(fed), summary(later))
	}
	if n := len(later.Pending()); n != 3 { // s3 and the overall stance stale, s5 a tie
		t.Errorf("%d pending, want 3", n)
	}

	// A decision on a unit nobody votes on any more is kept, with no
	// votes, stale.
	dee := &ProjectSubmission{Project: p.ID, ProjectHash: p.Hash, Annotator: "dee", Submitted: "2026-03-02T12:00:00Z",
		Tasks: []TaskWork{{Task: p.Tasks[0].ID, Annotations: []Annotation{vote("d1", "agree", "s1")}}}}
	onlyDee := mustGold(t, GoldInput{Project: p, Submissions: []*ProjectSubmission{dee}, Adjudication: adj})
	s3 = entryOf(t, onlyDee, "s3")
	if s3.Source != SourceAdjudicated || s3.Label != "disagree" || !s3.Stale || len(s3.Votes) != 0 {
		t.Errorf("s3 with only dee = %+v", s3)
	}
	if got := summary(onlyDee); strings.Count(got, "\n") != 3 || !strings.Contains(got, "/s1 \"agree\" single") {
		t.Errorf("with only dee:\n%s", got)
	}

	if *updateGolden {
		os.WriteFile(goldGolden, buf.Bytes(), 0o644)
	}
}

// entryOf returns the entry of sentence sid of the first task's claim on
// the first document ("" for the overall stance of the first task).
func entryOf(t *testing.T, g *Gold, sid string) GoldEntry {
	t.Helper()
	for _, e := range g.Entries {
		if e.Sentence == sid && (sid != "" || e.Task != "") && strings.HasPrefix(e.Claim, "c") && e.Claim == g.Entries[0].Claim {
			return e
		}
	}
	t.Fatalf("no entry %q in\n%s", sid, summary(g))
	return GoldEntry{}
}

func TestGoldRefuses(t *testing.T) {
	p := goldProject(t)
	subs := plantedSubmissions(p)
	two := mustGold(t, GoldInput{Project: p, Submissions: subs})
	adj := adjudicate(t, two, p, "s3", "disagree")
	with := func(edit func(g *Gold, e *GoldEntry)) *Gold {
		c := *adj
		c.Entries = append([]GoldEntry(nil), adj.Entries...)
		for i := range c.Entries {
			if c.Entries[i].Source == SourceAdjudicated {
				edit(&c, &c.Entries[i])
			}
		}
		return &c
	}
	other := *p
	other.ID = "p0000000000000000"
	otherSub := *subs[1]
	otherSub.Project = other.ID
	dup := *subs[1]
	dup.Annotator = "ana"
	tests := []struct {
		name string
		in   GoldInput
		err  error
		want string
	}{
		{"duplicate annotator", GoldInput{Project: p, Submissions: []*ProjectSubmission{subs[0], &dup}}, ErrDuplicateAnnotator,
			`submissions 1 and 2 are both by "ana"; give each annotator's work once`},
		{"submission of another project", GoldInput{Project: p, Submissions: []*ProjectSubmission{subs[0], &otherSub}}, ErrOtherProject,
			`submission 2 (bob): project: this file is for another project (p0000000000000000); this project is "Gold" (` + p.ID + `)`},
		{"adjudication of another version", GoldInput{Project: p, Submissions: subs, Adjudication: with(func(g *Gold, _ *GoldEntry) {
			g.ProjectHash = "sha256:" + strings.Repeat("0", 64)
			g.Project = ProjectID(g.ProjectHash)
		})}, ErrOtherRevision, `projectHash: made on another version of project ` + p.ID + ` "Gold", or on another project (this file is p0000000000000000, hash sha256:0000000000000000…; the project's hash is ` + p.Hash[:23] + `…)`},
		{"adjudication whose id is not its hash's", GoldInput{Project: p, Submissions: subs, Adjudication: func() *Gold {
			g := *adj
			g.ProjectHash = "sha256:" + strings.Repeat("0", 64)
			return &g
		}()}, ErrHashMismatch, ""},
		{"unknown sentence", GoldInput{Project: p, Submissions: subs, Adjudication: with(func(_ *Gold, e *GoldEntry) { e.Sentence = "s9" })}, ErrUnknownSentence,
			`gold[2].sentence: unknown sentence "s9" (document ` + p.Tasks[0].Document + ` has s1 to s5)`},
		{"unknown task", GoldInput{Project: p, Submissions: subs, Adjudication: with(func(_ *Gold, e *GoldEntry) { e.Sentence, e.Task = "", "t000000000000" })}, ErrUnknownTask,
			`gold[2].task: unknown task "t000000000000" (the project has 4 tasks)`},
		{"unknown claim", GoldInput{Project: p, Submissions: subs, Adjudication: with(func(_ *Gold, e *GoldEntry) { e.Claim = "c000000000000" })}, ErrUnknownTask,
			`gold[2].claim: no task of the project judges document ` + p.Tasks[0].Document + ` against claim "c000000000000"`},
		{"unknown label", GoldInput{Project: p, Submissions: subs, Adjudication: with(func(_ *Gold, e *GoldEntry) { e.Label = "maybe" })}, ErrUnknownLabel,
			`gold[2].label: unknown label "maybe" (the labels are agree, disagree, discuss, unrelated)`},
		{"none without -none", GoldInput{Project: p, Submissions: subs, Adjudication: with(func(_ *Gold, e *GoldEntry) { e.Label = "none" })}, ErrUnknownLabel,
			`gold[2].label: unknown label "none" (the labels are agree, disagree, discuss, unrelated)`},
		{"bad policy", GoldInput{Project: p, Submissions: subs, Policy: "plurality"}, ErrBadValue, `unknown policy "plurality" (want majority or unanimous)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewGold(tt.in)
			if !errors.Is(err, tt.err) {
				t.Fatalf("error %v does not wrap %v", err, tt.err)
			}
			if tt.want != "" && err.Error() != tt.want {
				t.Errorf("message\n got %q\nwant %q", err, tt.want)
			}
		})
	}
	// With -none, "none" is a label an adjudicator may choose.
	none := mustGold(t, GoldInput{Project: p, Submissions: subs, None: true})
	if _, err := NewGold(GoldInput{Project: p, Submissions: subs, None: true, Adjudication: adjudicate(t, none, p, "s3", "none")}); err != nil {
		t.Error(err)
	}
}

func TestGoldGolden(t *testing.T) {
	golden, err := os.ReadFile(goldGolden)
	if err != nil {
		t.Fatal(err)
	}
	g, err := ReadGold(bytes.NewReader(golden))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteGold(&buf, g); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), golden) {
		t.Errorf("read then written gives other bytes:\n%s", buf.Bytes())
	}
	p := goldProject(t)
	if g.Project != p.ID || g.ProjectHash != p.Hash {
		t.Errorf("the golden file is for %s %s, the project is %s %s (go test -update rewrites it)", g.Project, g.ProjectHash, p.ID, p.Hash)
	}
}

func TestGoldVotesDecide(t *testing.T) {
	tests := []struct {
		votes  GoldVotes
		policy GoldPolicy
		label  string
		source GoldSource
	}{
		{GoldVotes{}, PolicyMajority, "", SourceUnresolved},
		{GoldVotes{"a": {"x"}}, PolicyUnanimous, "a", SourceSingle},
		{GoldVotes{"a": {"x", "y"}}, PolicyUnanimous, "a", SourceUnanimous},
		{GoldVotes{"a": {"x", "y"}, "b": {"z"}}, PolicyMajority, "a", SourceMajority},
		{GoldVotes{"a": {"x", "y"}, "b": {"z"}}, PolicyUnanimous, "", SourceUnresolved},
		{GoldVotes{"a": {"x", "y"}, "b": {"z", "w"}, "c": {"v"}}, PolicyMajority, "", SourceUnresolved},
	}
	for _, tt := range tests {
		if l, s := tt.votes.Decide(tt.policy); l != tt.label || s != tt.source {
			t.Errorf("%s under %s: %q %s, want %q %s", tt.votes, tt.policy, l, s, tt.label, tt.source)
		}
	}
}

func TestGoldNotes(t *testing.T) {
	p := goldProject(t)
	subs := plantedSubmissions(p)
	subs[1].Tasks[0].Annotations[2].Note = "Bob: the talks failed."
	subs[2].Tasks[0].Annotations[2].Note = "Cy: only reported."
	in := GoldInput{Project: p, Submissions: subs}
	g := mustGold(t, in)
	notes := in.Notes()
	s3, s2 := entryOf(t, g, "s3"), entryOf(t, g, "s2")
	want := map[string]string{"bob": "Bob: the talks failed.", "cy": "Cy: only reported."}
	if got := notes[s3.UnitKey()]; len(got) != 2 || got["bob"] != want["bob"] || got["cy"] != want["cy"] {
		t.Errorf("notes on s3 = %v, want %v", got, want)
	}
	if got := notes[s2.UnitKey()]; got != nil {
		t.Errorf("s2 has no note, got %v", got)
	}
	if len(notes) != 1 {
		t.Errorf("%d units with notes, want 1", len(notes))
	}
}
