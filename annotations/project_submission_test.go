package annotations

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// submissionGolden is the submission sampleSubmission writes.
const submissionGolden = "testdata/submission/submission.golden.json"

// submissionProject is a small project for the submission tests: two
// articles × two claims under the fnc1 labels, three annotators with an
// overlap of two, asking for an overall stance.
func submissionProject(t testing.TB) *Project {
	t.Helper()
	doc := func(src string) *Document {
		d, err := ParsePlainText(src)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	p, err := NewProject(ProjectInput{
		Title:  "Submissions",
		Scheme: Presets()[1],
		Articles: []ArticleInput{
			{Key: "1", Document: doc("Iran and the U.S.\n\nOfficials said Iran could help. Others doubted it.\n\nTalks followed.")},
			{Key: "2", Document: doc("A spider in Bali\n\nA man says a spider burrowed under his skin. Doctors doubt it.")},
		},
		Claims:     []string{"Iran will help the U.S.", "A spider lived under a man's skin"},
		Annotators: []string{"ana", "bob", "cy"},
		Overlap:    2,
		Options:    ProjectOptions{OverallStance: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// subHighlight returns a highlight of the sentences ids with label.
func subHighlight(id, label string, ids ...string) Annotation {
	return Annotation{ID: id, SentenceIDs: ids, Label: label, Note: "why " + label, Created: testEpoch, Modified: testEpoch.Add(time.Minute)}
}

// sampleSubmission is ana's work on p: the first task done with an overall
// stance, the second in progress, the third only looked at.
func sampleSubmission(p *Project) *ProjectSubmission {
	return &ProjectSubmission{
		Project: p.ID, ProjectHash: p.Hash, Annotator: "ana", Submitted: "2026-03-01T12:00:00.000Z",
		Tasks: []TaskWork{
			{Task: p.Tasks[0].ID, Annotations: []Annotation{subHighlight("a1", "agree", "s1"), subHighlight("a2", "disagree", "s2", "s3")}, Overall: "agree", Done: true, ActiveMillis: 81250},
			{Task: p.Tasks[1].ID, Annotations: []Annotation{subHighlight("a3", "unrelated", "s1")}, ActiveMillis: 4000},
			{Task: p.Tasks[2].ID, ActiveMillis: 1500},
		},
	}
}

func TestSubmissionRoundTrip(t *testing.T) {
	p := submissionProject(t)
	var buf bytes.Buffer
	if err := WriteSubmission(&buf, sampleSubmission(p)); err != nil {
		t.Fatal(err)
	}
	if *updateGolden {
		os.WriteFile(submissionGolden, buf.Bytes(), 0o644)
	}
	golden, err := os.ReadFile(submissionGolden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), golden) {
		t.Errorf("WriteSubmission differs from %s (go test -update rewrites it):\n%s", submissionGolden, buf.Bytes())
	}
	s, err := ReadSubmission(bytes.NewReader(golden))
	if err != nil {
		t.Fatal(err)
	}
	if err := p.CheckSubmission(s); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	WriteSubmission(&again, s)
	if !bytes.Equal(again.Bytes(), golden) {
		t.Errorf("read then written gives other bytes:\n%s", again.Bytes())
	}
	if s.Tasks[2].Done || s.Tasks[2].Overall != "" || s.Tasks[2].ActiveMillis != 1500 || len(s.Tasks[2].Annotations) != 0 {
		t.Errorf("task 3 = %+v", s.Tasks[2])
	}
}

func TestSubmissionExports(t *testing.T) {
	p := submissionProject(t)
	s := sampleSubmission(p)
	es, err := s.Exports(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 3 {
		t.Fatalf("%d exports, want one per task with work (3)", len(es))
	}
	for i, e := range es {
		if err := e.Validate(); err != nil {
			t.Errorf("export %d: %v", i, err)
		}
		task := p.Tasks[i]
		var claim string
		for _, c := range p.Claims {
			if c.ID == task.Claim {
				claim = c.Text
			}
		}
		if e.Document.ID != task.Document || e.Scheme.Target != claim || e.Scheme.ID != "fnc1" || e.Annotator.Name != "ana" {
			t.Errorf("export %d: document %s, target %q, scheme %s, annotator %q", i, e.Document.ID, e.Scheme.Target, e.Scheme.ID, e.Annotator.Name)
		}
		if len(e.Annotations) != len(s.Tasks[i].Annotations) {
			t.Errorf("export %d has %d highlights", i, len(e.Annotations))
		}
	}
	if !es[0].Exported.Equal(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("exported %v", es[0].Exported)
	}
	// A single task still exports as stancemark/v1, byte for byte readable.
	var buf bytes.Buffer
	if err := WriteExport(&buf, es[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadExport(&buf); err != nil {
		t.Errorf("ReadExport of an export of a submission: %v", err)
	}
	s.ProjectHash = "sha256:" + strings.Repeat("0", 64)
	if _, err := s.Exports(p); !errors.Is(err, ErrOtherRevision) {
		t.Errorf("Exports of another revision: %v", err)
	}
}

// TestMalformedSubmissions reads every file of testdata/submission
// (NAME.json, its message in NAME.want; go test -update rewrites them),
// checks it against submissionProject and compares the exact message.
func TestMalformedSubmissions(t *testing.T) {
	p := submissionProject(t)
	names, err := filepath.Glob("testdata/submission/*.json")
	if err != nil || len(names) < 8 {
		t.Fatalf("%d files in testdata/submission (%v)", len(names), err)
	}
	for _, n := range names {
		if strings.HasSuffix(n, ".golden.json") {
			continue
		}
		t.Run(filepath.Base(n), func(t *testing.T) {
			data, err := os.ReadFile(n)
			if err != nil {
				t.Fatal(err)
			}
			s, err := ReadSubmission(bytes.NewReader(data))
			if err == nil {
				err = p.CheckSubmission(s)
			}
			got := ""
			if err != nil {
				got = err.Error()
				if !errors.As(err, new(*ImportError)) {
					t.Errorf("%v (%T) is not an *ImportError", err, err)
				}
			}
			wantFile := strings.TrimSuffix(n, ".json") + ".want"
			if *updateGolden {
				os.WriteFile(wantFile, []byte(got+"\n"), 0o644)
				return
			}
			want, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatalf("no .want file (go test -update writes it): %v", err)
			}
			if w := strings.TrimSuffix(string(want), "\n"); got != w {
				t.Errorf("message\n got %q\nwant %q", got, w)
			}
			if got == "" {
				t.Error("a malformed submission is accepted")
			}
		})
	}
}

func TestCheckSubmissionSentinels(t *testing.T) {
	p := submissionProject(t)
	tests := []struct {
		name   string
		edit   func(s *ProjectSubmission)
		target error
	}{
		{"another project", func(s *ProjectSubmission) { s.Project = "p0000000000000000" }, ErrOtherProject},
		{"another revision", func(s *ProjectSubmission) { s.ProjectHash = "sha256:" + strings.Repeat("a", 64) }, ErrOtherRevision},
		{"unknown task", func(s *ProjectSubmission) { s.Tasks[1].Task = "t000000000000" }, ErrUnknownTask},
		{"task twice", func(s *ProjectSubmission) { s.Tasks[1].Task = s.Tasks[0].Task }, ErrDuplicateID},
		{"unknown sentence", func(s *ProjectSubmission) { s.Tasks[0].Annotations[0].SentenceIDs = []string{"s99"} }, ErrUnknownSentence},
		{"sentence s01", func(s *ProjectSubmission) { s.Tasks[0].Annotations[0].SentenceIDs = []string{"s01"} }, ErrUnknownSentence},
		{"unknown label", func(s *ProjectSubmission) { s.Tasks[0].Annotations[0].Label = "supports" }, ErrUnknownLabel},
		{"overlap", func(s *ProjectSubmission) { s.Tasks[0].Annotations[1].SentenceIDs = []string{"s1", "s2"} }, ErrOverlap},
		{"unknown overall", func(s *ProjectSubmission) { s.Tasks[0].Overall = "maybe" }, ErrUnknownLabel},
		{"done without overall", func(s *ProjectSubmission) { s.Tasks[0].Overall = "" }, ErrMissingField},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sampleSubmission(p)
			tt.edit(s)
			if err := p.CheckSubmission(s); !errors.Is(err, tt.target) {
				t.Errorf("CheckSubmission = %v, want %v", err, tt.target)
			}
		})
	}
	p.Options.OverallStance = false
	s := sampleSubmission(p)
	s.Tasks[0].Overall = ""
	if err := p.CheckSubmission(s); err != nil {
		t.Errorf("done without overall, when the project does not ask for one: %v", err)
	}
}

func TestReliabilityFromSubmissions(t *testing.T) {
	p := submissionProject(t)
	ana := sampleSubmission(p)
	bob := sampleSubmission(p)
	bob.Annotator = "bob"
	bob.Tasks[0].Annotations = []Annotation{subHighlight("b1", "agree", "s1", "s2")}
	bob.Tasks = bob.Tasks[:1]
	r, err := ReliabilityFromSubmissions(p, []*ProjectSubmission{ana, bob}, "", "")
	if err != nil {
		t.Fatal(err)
	}
	// The units are the sentences somebody tagged, task by task (a sentence
	// nobody tagged is no unit, as in ReliabilityFromExports).
	taggedUnits := map[string]bool{}
	for _, sub := range []*ProjectSubmission{ana, bob} {
		for _, w := range sub.Tasks {
			for _, a := range w.Annotations {
				for _, sid := range a.SentenceIDs {
					taggedUnits[w.Task+":"+sid] = true
				}
			}
		}
	}
	if len(r.Units) != len(taggedUnits) || len(r.Coders) != 2 || r.Coders[1] != "bob" {
		t.Fatalf("%d units, coders %v; want the %d tagged sentences", len(r.Units), r.Coders, len(taggedUnits))
	}
	for _, id := range r.Units {
		if !taggedUnits[id] {
			t.Errorf("unit %s: nobody tagged it", id)
		}
	}
	want := map[string][2]string{
		p.Tasks[0].ID + ":s1": {"agree", "agree"},
		p.Tasks[0].ID + ":s2": {"disagree", "agree"},
		p.Tasks[0].ID + ":s3": {"disagree", ""},
		p.Tasks[1].ID + ":s1": {"unrelated", ""},
	}
	for u, id := range r.Units {
		if w, ok := want[id]; ok && (r.Values[u][0] != w[0] || r.Values[u][1] != w[1]) {
			t.Errorf("%s = %v, want %v", id, r.Values[u], w)
		}
	}
	rc, err := ReliabilityFromSubmissions(p, []*ProjectSubmission{ana, bob}, "none", p.Tasks[0].Claim)
	if err != nil {
		t.Fatal(err)
	}
	for u, id := range rc.Units {
		task, _, _ := strings.Cut(id, ":")
		for _, tk := range p.Tasks {
			if tk.ID == task && tk.Claim != p.Tasks[0].Claim {
				t.Errorf("unit %s is of another claim", id)
			}
		}
		if id == p.Tasks[0].ID+":s3" && rc.Values[u][1] != "none" {
			t.Errorf("untagged sentence of a task with work = %q, want none", rc.Values[u][1])
		}
	}
	other := sampleSubmission(p)
	other.Project = "p0000000000000000"
	if _, err := ReliabilityFromSubmissions(p, []*ProjectSubmission{ana, other}, "", ""); !errors.Is(err, ErrOtherProject) || !strings.HasPrefix(err.Error(), "submission 2: ") {
		t.Errorf("another project: %v", err)
	}
}
