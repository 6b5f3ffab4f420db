package annotations

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
)

// run is a highlight of a test submission: sentence indexes and a label.
type run struct {
	first, last int
	label       string
}

// submit returns student's submission for a with the given highlights, made
// at 2026-03-02 10:00 plus minutes.
func submit(t testing.TB, a *Assignment, student string, minutes int, runs ...run) *Export {
	t.Helper()
	w, err := a.NewWorkspace()
	if err != nil {
		t.Fatal(err)
	}
	w.Annotator = student
	at := time.Date(2026, 3, 2, 10, minutes, 0, 0, time.UTC)
	w.Now = func() time.Time { return at } // fixed times and ids: golden files
	n := 0
	w.NewID = func() string { n++; return fmt.Sprintf("%s-%d", Slug(student, 8, 0, "x"), n) }
	for _, r := range runs {
		h, err := w.Tag(r.first, r.last, r.label)
		if err != nil {
			t.Fatal(err)
		}
		if r.label == "opposes" {
			w.SetNote(h.ID, student+" thinks this opposes, \"really\".")
		}
	}
	return a.Submission(w, student, time.Date(2026, 3, 2, 10, minutes, 0, 0, time.UTC))
}

// adaRuns is a submission against keyRuns worked out by hand in
// TestFeedback.
var adaRuns = []run{
	{0, 0, "supports"}, {1, 1, "opposes"}, {3, 3, "neutral"}, {5, 6, "opposes"},
	{12, 12, "neutral"}, {15, 15, "opposes"}, {16, 16, "neutral"}, {22, 22, "supports"},
}

func near(x *float64, want float64) bool { return x != nil && math.Abs(*x-want) < 1e-9 }

func TestFeedback(t *testing.T) {
	a := testAssignment(t, true)
	f, err := a.Compare(submit(t, a, "Ada", 0, adaRuns...))
	if err != nil {
		t.Fatal(err)
	}
	// The key tags s1 s2 s4 s6 s7 s10 s13 s16 s17 s21 (10 sentences). Ada
	// agrees on s1 s4 s6 s7 s13 s16, differs on s2 s17, misses s10 s21 and
	// adds s23. Key: supports 3, neutral 2, opposes 4, unrelated 1; Ada on
	// them: supports 1, opposes 4, neutral 3, untagged 2. po = 0.6,
	// pe = (3*1 + 2*3 + 4*4)/100 = 0.25, kappa = 0.35/0.75.
	if f.Agrees != 6 || f.Differs != 2 || f.Missed != 2 || f.Extra != 1 || f.KeyTagged != 10 || f.Score != 6 {
		t.Errorf("counts %+v", f)
	}
	if !near(f.Accuracy, 0.6) || !near(f.Kappa, 0.35/0.75) || f.KappaNote != "" {
		t.Errorf("accuracy %v, kappa %v (%s)", *f.Accuracy, f.Kappa, f.KappaNote)
	}
	var verdicts []string
	for _, s := range f.Sentences {
		verdicts = append(verdicts, s.SentenceID+":"+s.Verdict.String())
	}
	want := "s1:agrees s2:differs s3:untouched s4:agrees s5:untouched s6:agrees s7:agrees s8:untouched s9:untouched " +
		"s10:missed s11:untouched s12:untouched s13:agrees s14:untouched s15:untouched s16:agrees s17:differs " +
		"s18:untouched s19:untouched s20:untouched s21:missed s22:untouched s23:extra"
	if got := strings.Join(verdicts, " "); got != want {
		t.Errorf("verdicts\n got %s\nwant %s", got, want)
	}
	if s := f.Sentences[1]; s.Label != "opposes" || s.KeyLabel != "supports" {
		t.Errorf("s2 = %+v", s)
	}
	if s := f.Sentences[5]; s.KeyNote != "Kirby doubts any coordination." {
		t.Errorf("s6 key note = %q", s.KeyNote)
	}
}

func TestFeedbackDegenerate(t *testing.T) {
	t.Run("no key: no accuracy, no kappa", func(t *testing.T) {
		a := testAssignment(t, false)
		f, err := a.Compare(submit(t, a, "Ada", 0, adaRuns...))
		if err != nil {
			t.Fatal(err)
		}
		if f.Accuracy != nil || f.Kappa != nil || f.Extra != 9 || !strings.Contains(f.KappaNote, "no answer key") {
			t.Errorf("%+v", f)
		}
	})
	oneLabel := func(t *testing.T) *Assignment {
		a := testAssignment(t, false)
		a.Key = []Annotation{{ID: "k", SentenceIDs: []string{"s1", "s2"}, Label: "supports", Created: testEpoch, Modified: testEpoch}}
		if err := a.Validate(); err != nil {
			t.Fatal(err)
		}
		return a
	}
	t.Run("one-label key, perfect student: accuracy 1, kappa undefined", func(t *testing.T) {
		a := oneLabel(t)
		f, _ := a.Compare(submit(t, a, "Ada", 0, run{0, 1, "supports"}))
		if !near(f.Accuracy, 1) || f.Kappa != nil || !strings.Contains(f.KappaNote, "same label") {
			t.Errorf("accuracy %v kappa %v note %q", f.Accuracy, f.Kappa, f.KappaNote)
		}
	})
	t.Run("one-label key, imperfect student: kappa 0", func(t *testing.T) {
		a := oneLabel(t)
		f, _ := a.Compare(submit(t, a, "Ada", 0, run{0, 0, "supports"}))
		if !near(f.Accuracy, 0.5) || !near(f.Kappa, 0) {
			t.Errorf("accuracy %v kappa %v", *f.Accuracy, f.Kappa)
		}
	})
	t.Run("student tags nothing: accuracy 0, kappa 0", func(t *testing.T) {
		a := testAssignment(t, true)
		f, _ := a.Compare(submit(t, a, "Ada", 0))
		if !near(f.Accuracy, 0) || !near(f.Kappa, 0) || f.Missed != 10 {
			t.Errorf("%+v", f)
		}
	})
}

func TestVerdictString(t *testing.T) {
	if Differs.String() != "differs" || Verdict(9).String() != "Verdict(9)" {
		t.Error(Differs.String(), Verdict(9).String())
	}
}
