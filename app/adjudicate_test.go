package app

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stancemark/annotations"
)

// adjFixture is a project (testProject: two articles × two claims) and
// three annotators' submissions on its first task, with the
// disagreements planted:
//
//	s1  agree    agree    agree     unanimous
//	s2  agree    disagree disagree  majority disagree
//	s3  agree    disagree -         tie
//
// ana and cy also write a note on s3 and s2.
type adjFixture struct {
	project     *annotations.Project
	projectFile []byte
	subs        map[string][]byte // annotator → submission file
}

func newAdjFixture(t *testing.T) *adjFixture {
	t.Helper()
	p := testProject(t)
	f := &adjFixture{project: p, subs: map[string][]byte{}}
	var buf bytes.Buffer
	if err := annotations.WriteProject(&buf, p); err != nil {
		t.Fatal(err)
	}
	f.projectFile = bytes.Clone(buf.Bytes())
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	hl := func(id, label, sid, note string) annotations.Annotation {
		return annotations.Annotation{ID: id, SentenceIDs: []string{sid}, Label: label, Note: note, Created: at, Modified: at}
	}
	t0 := p.Tasks[0].ID
	for who, as := range map[string][]annotations.Annotation{
		"ana": {hl("a1", "agree", "s1", ""), hl("a2", "agree", "s2", ""), hl("a3", "agree", "s3", "<b>The port said yes</b>")},
		"bob": {hl("b1", "agree", "s1", ""), hl("b2", "disagree", "s2", ""), hl("b3", "disagree", "s3", "")},
		"cy":  {hl("c1", "agree", "s1", ""), hl("c2", "disagree", "s2", "Objections count.")},
		"dee": {hl("d1", "agree", "s1", ""), hl("d3", "agree", "s3", "")},
	} {
		sub := p.NewSubmission(who, []annotations.TaskWork{{Task: t0, Annotations: as, Done: true}}, at)
		buf.Reset()
		if err := annotations.WriteSubmission(&buf, sub); err != nil {
			t.Fatal(err)
		}
		f.subs[who] = bytes.Clone(buf.Bytes())
	}
	return f
}

// ticking makes the session's clock advance a second per reading, so that
// every change gets its own stamp (two tabs merge by them).
func ticking(s *session, from time.Time) {
	now := from
	s.now = func() time.Time {
		now = now.Add(time.Second)
		return now
	}
}

// goldOfCLI is what the CLI's gold decides from the same files with the
// gold file g as -adjudication: the bytes WriteGold writes.
func goldOfCLI(t *testing.T, f *adjFixture, g []byte, who ...string) string {
	t.Helper()
	in := annotations.GoldInput{Project: f.project}
	for _, w := range who {
		sub, err := annotations.ReadSubmission(bytes.NewReader(f.subs[w]))
		if err != nil {
			t.Fatal(err)
		}
		in.Submissions = append(in.Submissions, sub)
	}
	if g != nil {
		adj, err := annotations.ReadGold(bytes.NewReader(g))
		if err != nil {
			t.Fatal(err)
		}
		in.Adjudication = adj
	}
	out, err := annotations.NewGold(in)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := annotations.WriteGold(&buf, out); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// adjGoldFile is the open adjudication's gold file, as it downloads.
func adjGoldFile(t *testing.T, s *session) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := annotations.WriteGold(&buf, s.adj.open.gold); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// openAdjudication opens the view with the project and the submissions of who.
func openAdjFiles(t *testing.T, s *session, f *adjFixture, who ...string) {
	t.Helper()
	s.showAdjudicate()
	for _, w := range who { // the submissions first: they wait for their project
		s.adjDropped(w+".json", f.subs[w], nil)
	}
	s.adjDropped("harbour.project.json", f.projectFile, nil)
	if s.adj.open == nil || len(s.adj.open.rec.liveInputs()) != len(who) {
		t.Fatalf("adjudication %+v after opening %v (message %q)", s.adj.open, who, s.msg.Text)
	}
}

// unitOf is the row of sentence sid in the task on screen.
func unitOf(t *testing.T, s *session, sid string) adjUnitItem {
	t.Helper()
	task := s.adj.open.taskItem()
	for _, it := range append(task.Disagreements, task.Agreed...) {
		if it.SID == sid {
			return it
		}
	}
	t.Fatalf("no unit %s in task %+v", sid, task)
	return adjUnitItem{}
}

func TestAdjudicateDecideReloadAndExport(t *testing.T) {
	st := newMemoryStore()
	s, _ := newTestSession(t, st)
	ticking(s, time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC))
	f := newAdjFixture(t)
	openAdjFiles(t, s, f, "ana", "bob", "cy")
	a := s.adj.open
	if got, want := string(adjGoldFile(t, s)), goldOfCLI(t, f, nil, "ana", "bob", "cy"); got != want {
		t.Fatalf("before any decision the view's gold file differs from gold's:\n%s\nwant\n%s", got, want)
	}
	task := a.taskItem()
	var dis []string
	for _, it := range task.Disagreements {
		dis = append(dis, it.SID+":"+it.Source)
	}
	if got := strings.Join(dis, " "); got != "s2:majority s3:unresolved" {
		t.Errorf("disagreements %q, want s2 (majority) then s3 (a tie)", got)
	}
	if len(task.Agreed) != 1 || task.Agreed[0].SID != "s1" || task.Agreed[0].Source != "unanimous" {
		t.Errorf("agreed %+v, want s1 unanimous", task.Agreed)
	}
	s3 := unitOf(t, s, "s3")
	if !s3.Tie || s3.Cast[0].Note != "<b>The port said yes</b>" || s3.Cast[2].Label != "no vote" {
		t.Errorf("s3 row %+v: want a tie, ana's note as typed, cy without a vote", s3)
	}
	if a.unit != unitOf(t, s, "s2").Key {
		t.Errorf("the cursor starts on %q, not on the first disagreement", a.unit)
	}

	// Keyboard: a accepts s2's majority, j goes to s3, a refuses the tie, 2 decides it.
	s.adjSettings(func(r *adjRecord) { r.Adjudicator = "Dana" })
	s.run(cmdAccept, false, "a")
	if it := unitOf(t, s, "s2"); it.Source != "adjudicated" || it.Label != "disagree" || !strings.HasPrefix(it.Reason, "Accepted the majority label") {
		t.Errorf("a on s2 gave %+v", it)
	}
	s.run(cmdNext, false, "j")
	s.run(cmdAccept, false, "a")
	if !strings.Contains(s.msg.Text, "No majority to accept") {
		t.Errorf("a on a tie says %q", s.msg.Text)
	}
	s.adjSetReason("The port's statement is quoted as approval.") // typed before the label: kept for it
	s.run(cmdTag, false, "1")
	if it := unitOf(t, s, "s3"); it.Source != "adjudicated" || it.Label != "agree" || it.Adjudicator != "Dana" || it.Reason != "The port's statement is quoted as approval." {
		t.Errorf("1 on s3 gave %+v", it)
	}
	s.run(cmdNext, false, "j")
	if !strings.Contains(s.said, "No next disagreement") {
		t.Errorf("j past the last disagreement says %q", s.said)
	}
	exported := adjGoldFile(t, s)
	if got, want := string(exported), goldOfCLI(t, f, exported, "ana", "bob", "cy"); got != want {
		t.Fatalf("the gold file differs from gold -adjudication on it:\n%s\nwant\n%s", got, want)
	}

	// A reload: the same decisions, the same gold file, the view open.
	s2, _ := newTestSession(t, st)
	s2.reopenAdjudication()
	if s2.mode != modeAdjudicate || s2.adj.open == nil {
		t.Fatalf("after the reload: mode %v, adjudication %v (%q)", s2.mode, s2.adj.open, s2.msg.Text)
	}
	if got := adjGoldFile(t, s2); !bytes.Equal(got, exported) {
		t.Errorf("after the reload the gold file is\n%s\nwant\n%s", got, exported)
	}

	// A later submission never wipes a decision: it stays, marked stale.
	ticking(s2, time.Date(2026, 4, 2, 9, 0, 0, 0, time.UTC))
	s2.adjDropped("dee.json", f.subs["dee"], nil)
	if it := unitOf(t, s2, "s3"); it.Source != "adjudicated" || it.Label != "agree" || !it.Stale || !strings.Contains(it.goldText(), "Stale") {
		t.Errorf("s3 after dee's submission: %+v", it)
	}
	if got, want := string(adjGoldFile(t, s2)), goldOfCLI(t, f, exported, "ana", "bob", "cy", "dee"); got != want {
		t.Errorf("with dee the gold file differs from gold -adjudication:\n%s\nwant\n%s", got, want)
	}
	// Withdrawing goes back to the policy.
	s2.adjChoose(unitOf(t, s2, "s2").Key)
	s2.run(cmdClear, false, "0")
	if it := unitOf(t, s2, "s2"); it.Source != "majority" || it.Label != "disagree" {
		t.Errorf("s2 after 0: %+v", it)
	}
}

func TestAdjudicateRefusesBadInputChangingNothing(t *testing.T) {
	st := newMemoryStore()
	s, _ := newTestSession(t, st)
	ticking(s, time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC))
	f := newAdjFixture(t)
	openAdjFiles(t, s, f, "ana", "bob")
	s.adjSettings(func(r *adjRecord) { r.Adjudicator = "Dana" })
	s.run(cmdTag, false, "2")
	key := adjudicationKey(f.project.ID)
	before := st.items[key]

	other := newAdjFixture(t)
	otherProject := testProject(t)
	otherProject.Title = "Harbour study, again"
	otherSub := strings.Replace(string(other.subs["cy"]), f.project.ID, "p0000000000000000", 1)
	dupe := strings.Replace(string(f.subs["cy"]), `"annotator": "cy"`, `"annotator": "ana"`, 1)
	good := adjGoldFile(t, s)
	otherVersion := strings.ReplaceAll(string(good), f.project.Hash, "sha256:"+strings.Repeat("0", 64))
	otherVersion = strings.ReplaceAll(otherVersion, f.project.ID, annotations.ProjectID("sha256:"+strings.Repeat("0", 64)))
	unknownSentence := strings.Replace(string(good), `"sentence": "s2",`, `"sentence": "s9",`, 1)
	for _, tt := range []struct{ name, file, data, want string }{
		{"a submission of another project", "x.json", otherSub, "x.json is a submission of another project (p0000000000000000)"},
		{"a second file by one annotator", "ana2.json", dupe, "ana2.json is by ana, whose work is already loaded (from ana.json)"},
		{"a gold file of another project version", "old.gold.json", otherVersion, "made on another version of project " + f.project.ID},
		{"a gold file naming an unknown sentence", "bad.gold.json", unknownSentence, `unknown sentence "s9"`},
		{"a file that is not JSON of ours", "notes.json", `{"format":"stancemark-gold/v7"}`, "Opening notes.json failed, nothing was changed"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s.clearMessage()
			s.adjDropped(tt.file, []byte(tt.data), nil)
			if s.msg.Kind != "error" || !strings.Contains(s.msg.Text, tt.want) {
				t.Errorf("message %q (%s), want one containing %q", s.msg.Text, s.msg.Kind, tt.want)
			}
			if st.items[key] != before || len(s.adj.open.rec.liveInputs()) != 2 {
				t.Errorf("something changed: %d inputs, record changed %t", len(s.adj.open.rec.liveInputs()), st.items[key] != before)
			}
		})
	}
}

func TestAdjudicateFullQuotaKeepsDecisionsInTheTab(t *testing.T) {
	st := newMemoryStore()
	s, _ := newTestSession(t, st)
	f := newAdjFixture(t)
	openAdjFiles(t, s, f, "ana", "bob", "cy")
	s.adjSettings(func(r *adjRecord) { r.Adjudicator = "Dana" })
	kept := st.items[adjudicationKey(f.project.ID)]
	st.full = true
	s.run(cmdNext, false, "j")
	s.run(cmdTag, false, "2")
	if it := unitOf(t, s, "s3"); it.Source != "adjudicated" || it.Label != "disagree" {
		t.Errorf("the decision is not in the tab: %+v", it)
	}
	if state, text := s.adj.open.save.shown(); state != "error" || !strings.Contains(text, "storage is full") {
		t.Errorf("save status %s %q", state, text)
	}
	if st.items[adjudicationKey(f.project.ID)] != kept {
		t.Error("what was kept before changed")
	}
	if !strings.Contains(string(adjGoldFile(t, s)), `"source": "adjudicated"`) {
		t.Error("the gold file to download lacks the decision")
	}
}

func TestAdjudicateTwoTabsMerge(t *testing.T) {
	st := newMemoryStore()
	f := newAdjFixture(t)
	one, _ := newTestSession(t, st)
	ticking(one, time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC))
	openAdjFiles(t, one, f, "ana", "bob", "cy")
	one.adjSettings(func(r *adjRecord) { r.Adjudicator = "Dana" })
	two, _ := newTestSession(t, st)
	ticking(two, time.Date(2026, 4, 1, 10, 0, 0, 0, time.UTC))
	two.reopenAdjudication()
	key := adjudicationKey(f.project.ID)

	one.run(cmdAccept, false, "a") // s2 in tab one
	two.run(cmdNext, false, "j")
	two.run(cmdTag, false, "1") // s3 in tab two, saved over tab one's record
	one.otherTabSaved(key, st.items[key])
	two.otherTabSaved(key, st.items[key])
	for name, s := range map[string]*session{"one": one, "two": two} {
		if it := unitOf(t, s, "s2"); it.Source != "adjudicated" {
			t.Errorf("tab %s lost s2's decision: %+v", name, it)
		}
		if it := unitOf(t, s, "s3"); it.Source != "adjudicated" || it.Label != "agree" {
			t.Errorf("tab %s lost s3's decision: %+v", name, it)
		}
	}
	if !bytes.Equal(adjGoldFile(t, one), adjGoldFile(t, two)) {
		t.Error("the two tabs end with different gold files")
	}
}

func TestAdjRecordReadRefusesWhatItCannotUse(t *testing.T) {
	for _, data := range []string{`{`, `{"format":"stancemark-adjudication/v9","project":"p1"}`, `{"format":"stancemark-adjudication/v1"}`,
		`{"format":"stancemark-adjudication/v1","project":"p1","policy":"plurality"}`} {
		if _, err := readAdjRecord(data); err == nil {
			t.Errorf("readAdjRecord(%s) accepted it", data)
		}
	}
}

// exportFile is an export of the bundled article by who (no name when
// who is ""), tagged as runs say: sentence index → label.
func exportFile(t *testing.T, who string, runs map[int]string) []byte {
	t.Helper()
	doc, err := bundledDocument()
	if err != nil {
		t.Fatal(err)
	}
	w := annotations.NewWorkspaceFor(doc, "The United States and Iran could cooperate in Iraq.")
	for i, label := range runs {
		if _, err := w.Tag(i, i, label); err != nil {
			t.Fatal(err)
		}
	}
	e := w.Export(time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC))
	e.Annotator.Name = who
	var buf bytes.Buffer
	if err := annotations.WriteExport(&buf, e); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestAdjudicateExportsOfOneDocument adjudicates one article without a
// project: three exports (one without a name, named by its file as gold
// does), -none and the unanimous policy in the view, a decision, and the
// gold file is NewGold's on the same exports with it as adjudication.
func TestAdjudicateExportsOfOneDocument(t *testing.T) {
	st := newMemoryStore()
	s, _ := newTestSession(t, st)
	ticking(s, time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC))
	files := map[string][]byte{
		"ada.json":  exportFile(t, "Ada", map[int]string{0: "supports", 1: "supports", 4: "opposes"}),
		"bob.json":  exportFile(t, "Bob", map[int]string{0: "supports", 1: "neutral", 4: "neutral"}),
		"anon.json": exportFile(t, "", map[int]string{0: "supports", 4: "opposes"}),
	}
	s.showAdjudicate()
	for _, name := range []string{"ada.json", "bob.json", "anon.json"} {
		s.adjDropped(name, files[name], nil)
	}
	a := s.adj.open
	if a == nil || a.project != nil || strings.Join(a.annotators(), ",") != "Ada,Bob,anon.json" {
		t.Fatalf("adjudication %+v (%q)", a, s.msg.Text)
	}
	s.adjDropped("ada-again.json", exportFile(t, "Ada", map[int]string{0: "opposes"}), nil)
	if !strings.Contains(s.msg.Text, "ada-again.json is by Ada, whose work is already loaded (from ada.json)") {
		t.Errorf("a second export by Ada: %q", s.msg.Text)
	}
	other, _ := annotations.NewDocument("Another article", "Short text. Two sentences.")
	ow := annotations.NewWorkspaceFor(other, "")
	ow.Annotator = "Cy"
	var ob bytes.Buffer
	if err := annotations.WriteExport(&ob, ow.Export(time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC))); err != nil {
		t.Fatal(err)
	}
	s.adjDropped("cy.json", ob.Bytes(), nil)
	if !strings.Contains(s.msg.Text, "cy.json is an export of another document") || len(s.adj.open.annotators()) != 3 {
		t.Errorf("another document: %q, %d annotators", s.msg.Text, len(s.adj.open.annotators()))
	}
	s.adjSettings(func(r *adjRecord) { r.None, r.Adjudicator = true, "Dana" })
	s.adjSettings(func(r *adjRecord) { r.Policy = annotations.PolicyUnanimous })
	if it := unitOf(t, s, "s2"); it.Source != "unresolved" || !strings.Contains(it.Votes, "none 1 (anon.json)") {
		t.Errorf("s2 with -none and the unanimous policy: %+v", it)
	}
	s.adjChoose(unitOf(t, s, "s2").Key)
	s.adjDecide(annotations.NoneLabel)
	s.adjSettings(func(r *adjRecord) { r.None = false })
	if !strings.Contains(s.msg.Text, `unknown label "none"`) || !s.adj.open.rec.None {
		t.Errorf("turning -none off under a decision for none: %q, none %t", s.msg.Text, s.adj.open.rec.None)
	}
	in := annotations.GoldInput{Policy: annotations.PolicyUnanimous, None: true}
	for _, name := range []string{"ada.json", "bob.json", "anon.json"} {
		e, err := annotations.ReadExport(bytes.NewReader(files[name]))
		if err != nil {
			t.Fatal(err)
		}
		if e.Annotator.Name == "" {
			e.Annotator.Name = name
		}
		in.Exports = append(in.Exports, e)
	}
	exported := adjGoldFile(t, s)
	adj, err := annotations.ReadGold(bytes.NewReader(exported))
	if err != nil {
		t.Fatal(err)
	}
	in.Adjudication = adj
	g, err := annotations.NewGold(in)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := annotations.WriteGold(&want, g); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(exported, want.Bytes()) || !strings.Contains(string(exported), `"label": "none"`) {
		t.Errorf("the gold file\n%s\nwant\n%s", exported, want.Bytes())
	}
}

// TestAdjudicateGoldFileGoesOnInAnotherBrowser opens a downloaded gold
// file in a browser that has only the project: the decisions come in
// (stale until the votes are back), and with the same submissions the gold
// file is the one downloaded.
func TestAdjudicateGoldFileGoesOnInAnotherBrowser(t *testing.T) {
	f := newAdjFixture(t)
	first, _ := newTestSession(t, newMemoryStore())
	ticking(first, time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC))
	openAdjFiles(t, first, f, "ana", "bob", "cy")
	first.adjSettings(func(r *adjRecord) { r.Adjudicator = "Dana" })
	first.run(cmdAccept, false, "a")
	first.run(cmdNext, false, "j")
	first.run(cmdTag, false, "1")
	gold := adjGoldFile(t, first)

	st := newMemoryStore()
	s, _ := newTestSession(t, st)
	ticking(s, time.Date(2026, 4, 3, 9, 0, 0, 0, time.UTC))
	s.openData("harbour-study.gold.json", gold)
	if !strings.Contains(s.msg.Text, "open its project file") || s.mode != modeAdjudicate || s.adj.open != nil {
		t.Fatalf("a gold file without its project: %q, mode %v", s.msg.Text, s.mode)
	}
	s.leaveAdjudicate()
	s.openData("harbour.project.json", f.projectFile) // an annotator's view of the project: it is kept here
	s.openData("harbour-study.gold.json", gold)
	if s.mode != modeAdjudicate || s.adj.open == nil || !strings.Contains(s.msg.Text, "Took 2 decisions") {
		t.Fatalf("mode %v, adjudication %v, message %q", s.mode, s.adj.open, s.msg.Text)
	}
	if it := unitOf(t, s, "s3"); it.Source != "adjudicated" || !it.Stale {
		t.Errorf("s3 before the submissions: %+v, want its decision, stale (no votes yet)", it)
	}
	for _, w := range []string{"ana", "bob", "cy"} {
		s.adjDropped(w+".json", f.subs[w], nil)
	}
	if got := adjGoldFile(t, s); !bytes.Equal(got, gold) {
		t.Errorf("with the same submissions the gold file is\n%s\nwant\n%s", got, gold)
	}
}

func TestAdjudicateUnreadableKeptAdjudicationIsBackedUp(t *testing.T) {
	st := newMemoryStore()
	s, _ := newTestSession(t, st)
	f := newAdjFixture(t)
	key := adjudicationKey(f.project.ID)
	st.items[key] = `{"format":"stancemark-adjudication/v1", broken`
	st.items[keyAdjudicating] = f.project.ID
	s.showAdjudicate()
	if !strings.Contains(s.msg.Text, "could not be read") || st.items[key] != `{"format":"stancemark-adjudication/v1", broken` {
		t.Fatalf("opening the view on it: %q; kept %q", s.msg.Text, st.items[key])
	}
	s.adjDropped("harbour.project.json", f.projectFile, nil)
	var backup string
	for k, v := range st.items {
		if strings.HasPrefix(k, "stancemark/backup/") && strings.HasSuffix(k, "/adjudication/"+f.project.ID) {
			backup = v
		}
	}
	if backup != `{"format":"stancemark-adjudication/v1", broken` {
		t.Fatalf("no backup of the unreadable adjudication: %v", st.items)
	}
	if !strings.Contains(s.msg.Text, "it is kept unchanged under \"stancemark/backup/") {
		t.Errorf("the reader is not told where it is kept: %q", s.msg.Text)
	}
	s.adjDropped("ana.json", f.subs["ana"], nil)
	if s.adj.open == nil || len(s.adj.open.rec.liveInputs()) != 1 {
		t.Fatalf("the new adjudication did not start: %q", s.msg.Text)
	}
	if _, err := readAdjRecord(st.items[key]); err != nil {
		t.Errorf("the new adjudication is not kept: %v", err)
	}
}

// TestAdjudicateViewRenders renders the view through go-app: the
// disagreements with their DOM hooks, the cursor's controls, notes escaped
// as text, no attribute rendered "false".
func TestAdjudicateViewRenders(t *testing.T) {
	e := app.NewTestEngine()
	a := &Annotator{}
	if err := e.Load(a); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	f := newAdjFixture(t)
	openAdjFiles(t, a.s, f, "ana", "bob", "cy")
	e.ConsumeAll()
	html := app.HTMLString(a)
	for _, want := range []string{
		`<main id="adjudicate"`, `id="adj-current"`, `data-sid="s2"`, `data-source="majority"`,
		`id="adj-reason"`, `data-label-id="agree"`,
		`&lt;b&gt;The port said yes&lt;/b&gt;`, `id="adj-ac1">Gwet&#39;s AC1: `, `id="adj-tables-confusion"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("no %s in the view", want)
		}
	}
	// go-app writes attributes in no fixed order: look for the tied row's tag
	tied := false
	for _, tag := range regexp.MustCompile(`<li [^>]*>`).FindAllString(html, -1) {
		if strings.Contains(tag, `data-source="unresolved"`) && regexp.MustCompile(`\sdata-tie[\s>]`).MatchString(tag) {
			tied = true
		}
	}
	if !tied {
		t.Error(`no row with data-source="unresolved" and data-tie in the view`)
	}
	if strings.Contains(html, "<b>The port") {
		t.Error("a note is rendered as HTML")
	}
	for _, attr := range []string{"selected", "open", "disabled", "hidden", "checked", "readonly"} {
		if strings.Contains(html, " "+attr+`="false"`) {
			t.Errorf(`%s="false" is rendered, which browsers read as %s`, attr, attr)
		}
	}
}

func TestAdjudicateLeftByOpeningADocument(t *testing.T) {
	st := newMemoryStore()
	s, _ := newTestSession(t, st)
	f := newAdjFixture(t)
	openAdjFiles(t, s, f, "ana", "bob")
	s.openPasted("", "School budget\n\nThe council voted. It passed.")
	if s.mode != modeAnnotate || s.doc.Title != "School budget" {
		t.Fatalf("mode %v, document %q", s.mode, s.doc.Title)
	}
	again, _ := newTestSession(t, st)
	again.openCurrent()
	again.reopenAdjudication()
	if again.mode != modeAnnotate || again.doc.Title != "School budget" {
		t.Errorf("after a reload: mode %v, document %q", again.mode, again.doc.Title)
	}
	again.showAdjudicate()
	if again.adj.open != nil {
		t.Error("the view reopened the adjudication that was left")
	}
	if kept := again.adjudicationsKept(); len(kept) != 1 || kept[0].Scope != f.project.ID {
		t.Errorf("kept adjudications %v", kept)
	}
}
