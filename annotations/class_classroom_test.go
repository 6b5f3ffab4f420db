package annotations

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"stancemark/articles"
)

// exportFile returns e as the bytes of a file.
func exportFile(t testing.TB, e *Export) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteExport(&buf, e); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestLoadSubmissions(t *testing.T) {
	a := testAssignment(t, true)
	ada := submit(t, a, "Ada", 5, adaRuns...)
	adaOld := submit(t, a, "ada ", 1, run{0, 22, "neutral"})
	bob := submit(t, a, "Bob", 2, run{0, 1, "supports"}, run{3, 3, "neutral"})
	cy := submit(t, a, "Cy", 3, keyRunsAsRuns()...)
	other := submit(t, a, "Dee", 4, run{0, 0, "supports"})
	other.Assignment = "week2"
	anon := submit(t, a, "", 4)
	plain := submit(t, a, "Eve", 4)
	plain.Assignment = ""
	doc, _ := ParsePlainText(strings.Replace(articles.Bundled, "Pentagon spokesman", "Pentagon spokeswoman", 1))
	ow := NewWorkspace(doc)
	otherDoc := a.Submission(ow, "Fay", time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC))

	r := LoadSubmissions(a, []NamedFile{
		{"ada-old.json", exportFile(t, adaOld)},
		{"cy.json", exportFile(t, cy)},
		{"broken.json", []byte(`{"format": "stancemark/v1",`)},
		{"ada.json", exportFile(t, ada)},
		{"bob.json", exportFile(t, bob)},
		{"dee.json", exportFile(t, other)},
		{"ada-old-again.json", exportFile(t, adaOld)},
		{"anon.json", exportFile(t, anon)},
		{"eve.json", exportFile(t, plain)},
		{"fay.json", exportFile(t, otherDoc)},
	})

	var problems []string
	for _, p := range r.Problems {
		problems = append(problems, p.Error())
	}
	for i, want := range []string{
		"broken.json: line 1, column 28: invalid JSON: the file ends too early",
		`dee.json: assignment: belongs to assignment "week2" (on "Could U.S., Iran Work Together In Iraq? Maybe, Officials Say"), not to this one, "k3v9q2x7m4p8r6td" ("Iran & the U.S. in Iraq")`,
		"anon.json: annotator.name: missing; a submission names its student",
		"eve.json: assignment: missing; this is an export, not a submission",
		"fay.json: document.id: the submission is for",
	} {
		if i >= len(problems) || !strings.HasPrefix(problems[i], want) {
			t.Errorf("problem %d:\n got %q\nwant %q...", i, problems, want)
		}
	}
	if len(problems) != 5 || !errors.Is(r.Problems[1], ErrOtherAssignment) || !errors.Is(r.Problems[4], ErrOtherDocument) {
		t.Errorf("problems %q", problems)
	}
	if fmt.Sprint(r.Duplicates) != "[{Ada ada.json ada-old.json false} {Ada ada.json ada-old-again.json false}]" {
		t.Errorf("duplicates %v", r.Duplicates)
	}

	var names []string
	for _, s := range r.Students {
		names = append(names, fmt.Sprintf("%s:%d:%d", s.Name, s.Tagged, s.Notes))
	}
	if got := strings.Join(names, " "); got != "Ada:9:3 Bob:3:0 Cy:10:2" {
		t.Errorf("students %s", got)
	}
	if s := r.Students[0]; !near(s.Accuracy, 0.6) || !near(s.Kappa, 0.35/0.75) || s.File != "ada.json" {
		t.Errorf("Ada %+v", s)
	}
	if s := r.Students[2]; !near(s.Accuracy, 1) || !near(s.Kappa, 1) {
		t.Errorf("Cy %+v", s)
	}

	// s2: Ada opposes, Bob supports, Cy supports (the key: supports).
	s2 := r.Sentences[1]
	if s2.ID != "s2" || s2.Counts["supports"] != 2 || s2.Counts["opposes"] != 1 || s2.Counts["neutral"] != 0 ||
		s2.Untagged != 0 || s2.Key != "supports" || !near(s2.KeyShare, 2.0/3) || !near(&s2.Disagreement, 1.0/3) {
		t.Errorf("s2 %+v", s2)
	}
	if !strings.HasPrefix(s2.Text, "But a Pentagon spokesman denied") {
		t.Errorf("s2 text %q", s2.Text)
	}
	if r.Sentences[2].Key != "" || r.Sentences[2].KeyShare != nil || r.Sentences[2].Disagreement != 0 {
		t.Errorf("s3 %+v", r.Sentences[2])
	}
	// s17: Ada neutral, Bob untagged, Cy opposes: three choices, 2/3.
	top := r.ByDisagreement()
	if len(top) == 0 || !near(&top[0].Disagreement, 2.0/3) || top[0].ID != "s17" {
		t.Errorf("most disagreement: %+v", top[0])
	}
	for i := 1; i < len(top); i++ {
		if top[i].Disagreement > top[i-1].Disagreement || top[i].Disagreement == 0 {
			t.Errorf("ByDisagreement is not sorted: %v then %v", top[i-1], top[i])
		}
	}

	// The class coefficients are those of the agreement functions.
	exports := []*Export{ada, bob, cy}
	rel, _ := ReliabilityFromExports(exports, "")
	alpha, _ := rel.KrippendorffAlpha(Nominal)
	rel, _ = ReliabilityFromExports(exports, untaggedValue)
	fleiss, _ := rel.FleissKappa()
	if !near(r.KrippendorffAlpha, alpha) || !near(r.FleissKappa, fleiss) || r.AlphaReading == "" || r.FleissReading == "" {
		t.Errorf("alpha %v (want %v) fleiss %v (want %v)", r.KrippendorffAlpha, alpha, r.FleissKappa, fleiss)
	}

	total := 0
	for _, l := range r.Labels {
		total += l.Sentences
	}
	if total+r.Untagged != 3*23 || r.Labels[0].Label.ID != "supports" || r.Labels[0].Key != 3 || r.Labels[2].Key != 2 {
		t.Errorf("labels %+v, untagged %d", r.Labels, r.Untagged)
	}
}

// keyRunsAsRuns returns keyRuns as runs: a perfect student.
func keyRunsAsRuns() []run {
	var out []run
	for _, r := range keyRuns {
		out = append(out, run{r.first, r.last, r.label})
	}
	return out
}

func TestClassAgreementByHand(t *testing.T) {
	w := testWorkspace(t, 3)
	a := AssignmentFromWorkspace(w, "Tiny", "", AssignmentOptions{})
	// A: s1 supports, s2 opposes; B: s1 supports, s2 supports; s3 untagged
	// by both, so not a unit: 2 units.
	// Fleiss (untagged a category): P = 1, 0, so 1/2; p = 3/4, 1/4, Pe =
	// 10/16; kappa = (1/2 - 10/16) / (1 - 10/16) = -1/3.
	// Alpha (untagged missing): o(s,s) = 2, o(s,o) = o(o,s) = 1, n = 4,
	// alpha = 1 - 3 * 2 / (2 * 3 * 1) = 0.
	// AC1 (as Fleiss): pa = 1/2; pi = 3/4, 1/4; pe = 2 * 3/16 / 1 = 3/8;
	// AC1 = (1/2 - 3/8) / (5/8) = 0.2.
	c := NewClass(a)
	if err := c.AddExport("a", submit(t, a, "A", 0, run{0, 0, "supports"}, run{1, 1, "opposes"})); err != nil {
		t.Fatal(err)
	}
	r := c.Report()
	if r.FleissKappa != nil || !strings.Contains(r.FleissNote, "at least two students (the class has 1)") {
		t.Errorf("one student: %v %q", r.FleissKappa, r.FleissNote)
	}
	c.AddExport("b", submit(t, a, "B", 0, run{0, 1, "supports"}))
	r = c.Report()
	if !near(r.FleissKappa, -1.0/3) || !near(r.KrippendorffAlpha, 0) || !near(r.GwetAC1, 0.2) || r.Units != 2 {
		t.Errorf("fleiss %v alpha %v AC1 %v units %d", *r.FleissKappa, *r.KrippendorffAlpha, r.GwetAC1, r.Units)
	}
	if !strings.HasPrefix(r.Reading, `"supports" is 75% of the values`) {
		t.Errorf("reading %q", r.Reading)
	}
	if r.FleissReading != KappaReading(-1.0/3) || !strings.HasPrefix(r.AlphaReading, "Unreliable") {
		t.Errorf("readings %q %q", r.FleissReading, r.AlphaReading)
	}
	if r.Students[0].Accuracy != nil || r.Students[0].Kappa != nil {
		t.Errorf("no key, but %+v", r.Students[0])
	}
	if got := fmt.Sprint(r.Sentences[0].Disagreement, r.Sentences[1].Disagreement, r.Sentences[2].Disagreement); got != "0 0.5 0" {
		t.Errorf("disagreement %s", got)
	}

	var long, summary bytes.Buffer
	if err := WriteClassCSV(&long, r); err != nil {
		t.Fatal(err)
	}
	wantLong := "student,sentence_id,sentence_text,label,note\n" +
		"A,s1,Alpha is a sentence.,supports,\n" +
		"A,s2,Bravo is a sentence.,opposes,\"A thinks this opposes, \"\"really\"\".\"\n" +
		"A,s3,Charlie is a sentence.,,\n" +
		"B,s1,Alpha is a sentence.,supports,\n" +
		"B,s2,Bravo is a sentence.,supports,\n" +
		"B,s3,Charlie is a sentence.,,\n"
	if long.String() != wantLong {
		t.Errorf("class CSV\n%s\nwant\n%s", long.String(), wantLong)
	}
	WriteClassSummaryCSV(&summary, r)
	if want := "student,tagged,accuracy,kappa,notes\nA,2,,,1\nB,2,,,0\n"; summary.String() != want {
		t.Errorf("summary CSV\n%s\nwant\n%s", summary.String(), want)
	}
	// Every student makes the same choice everywhere: both undefined.
	c = NewClass(a)
	c.AddExport("a", submit(t, a, "A", 0, run{0, 2, "neutral"}))
	c.AddExport("b", submit(t, a, "B", 0, run{0, 2, "neutral"}))
	if r := c.Report(); r.FleissKappa != nil || r.KrippendorffAlpha != nil || !strings.Contains(r.AlphaNote, "same choice") {
		t.Errorf("no variation: %v %v %q", r.FleissKappa, r.KrippendorffAlpha, r.AlphaNote)
	}
}

func TestClassSummaryJSON(t *testing.T) {
	a := testAssignment(t, true)
	c := NewClass(a)
	c.AddExport("ada", submit(t, a, "Ada", 0, adaRuns...))
	data, err := json.Marshal(c.Report().Summary())
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for _, want := range []string{
		`{"students":[{"name":"Ada","tagged":9,"accuracy":0.6,"kappa":0.4666666666666666}],"sentences":[{"id":"s1","counts":{"neutral":0,"opposes":0,"supports":1,"unrelated":0},"key":"supports"}`,
		`{"id":"s3","counts":{"neutral":0,"opposes":0,"supports":0,"unrelated":0},"key":null}`,
		`"fleiss_kappa":null,"krippendorff_alpha":null}`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("summary has no %s:\n%s", want, s)
		}
	}
}

func TestKappaAndAlphaReadings(t *testing.T) {
	for _, tc := range []struct {
		x    float64
		want string
	}{{-0.1, "Poor"}, {0.1, "Slight"}, {0.3, "Fair"}, {0.5, "Moderate"}, {0.7, "Substantial"}, {0.9, "Almost perfect"}} {
		if got := KappaReading(tc.x); !strings.HasPrefix(got, tc.want) {
			t.Errorf("KappaReading(%v) = %q", tc.x, got)
		}
	}
	for _, tc := range []struct {
		x    float64
		want string
	}{{-0.1, "Systematic"}, {0.5, "Unreliable"}, {0.7, "Tentative"}, {0.85, "Reliable"}} {
		if got := AlphaReading(tc.x); !strings.HasPrefix(got, tc.want) {
			t.Errorf("AlphaReading(%v) = %q", tc.x, got)
		}
	}
}

func TestGenerateSubmissions(t *testing.T) {
	for _, withKey := range []bool{true, false} {
		a := testAssignment(t, withKey)
		subs := GenerateSubmissions(a, 25, 42)
		again := GenerateSubmissions(a, 25, 42)
		if len(subs) != 25 {
			t.Fatalf("%d submissions", len(subs))
		}
		files := make([]NamedFile, len(subs))
		for i, e := range subs {
			files[i] = NamedFile{Name: SubmissionFileName(a.Title, e.Annotator.Name), Data: exportFile(t, e)}
			if !bytes.Equal(files[i].Data, exportFile(t, again[i])) {
				t.Fatalf("submission %d differs between two runs with the same seed", i)
			}
			if _, err := ReadExport(bytes.NewReader(files[i].Data)); err != nil {
				t.Fatalf("submission %d is not a valid export: %v", i, err)
			}
		}
		r := LoadSubmissions(a, files)
		if len(r.Problems) != 0 || len(r.Duplicates) != 0 || len(r.Students) != 25 {
			t.Fatalf("problems %v duplicates %v", r.Problems, r.Duplicates)
		}
		notes := 0
		for _, s := range r.Students {
			notes += s.Notes
			if withKey && (*s.Accuracy < 0.2 || *s.Accuracy > 1) {
				t.Errorf("%s: implausible accuracy %v", s.Name, *s.Accuracy)
			}
		}
		if notes == 0 || r.FleissKappa == nil || *r.KrippendorffAlpha < 0.2 {
			t.Errorf("key %v: notes %d, fleiss %v, alpha %v: not a plausible class", withKey, notes, r.FleissKappa, r.KrippendorffAlpha)
		}
		t.Logf("key %v: Fleiss %.3f, alpha %.3f, %d discussion sentences", withKey, *r.FleissKappa, *r.KrippendorffAlpha, len(r.ByDisagreement()))
	}
	if a := testAssignment(t, true); GenerateSubmissions(a, 3, 1)[0].Annotator.Name == GenerateSubmissions(a, 3, 2)[0].Annotator.Name &&
		GenerateSubmissions(a, 3, 1)[1].Annotator.Name == GenerateSubmissions(a, 3, 2)[1].Annotator.Name {
		t.Error("different seeds give the same students")
	}
}
