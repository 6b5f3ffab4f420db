package annotations

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// ClassReport is what the teacher's dashboard and "stancemark class" show:
// one row per student, one per sentence, per-label totals and the class's
// agreement.
//
// Class agreement is computed over the students (the key is not a coder):
// a unit is a sentence at least one student tagged (a sentence nobody
// tagged is not a unit: the rule of ReliabilityFromExports, the same as
// "stancemark agree"), a value is the label of the highlight covering it.
//   - Krippendorff's alpha (nominal): a sentence a student left untagged is
//     missing data for that student, as alpha allows (as "stancemark
//     agree" computes it).
//   - Fleiss' kappa needs every sentence rated by every student, so there
//     "untagged" is one more category: it measures agreement on what to do
//     with each sentence (which label, or none), as "stancemark agree
//     -none" computes it.
//   - Gwet's AC1 on the same data as Fleiss' kappa, so the two can be
//     compared: when "untagged" (or one label) dominates, kappa counts
//     most agreement as chance and AC1 does not (Reading says which to
//     read).
//
// Each is nil, with a note saying why, when undefined: fewer than two
// students, or a single category used throughout.
type ClassReport struct {
	Assignment  *Assignment
	Submissions []*Submission // accepted, one per student, sorted by name
	Problems    []FileProblem // files refused, in the order read
	Duplicates  []Duplicate   // students who handed in more than one file
	Students    []StudentRow  // one per submission, same order
	Sentences   []SentenceRow // one per sentence, document order
	Labels      []LabelTotal  // one per label of the scheme, scheme order
	Untagged    int           // sentences left untagged, summed over the students

	FleissKappa       *float64
	FleissNote        string // why FleissKappa is nil
	FleissReading     string // one line on what FleissKappa means (KappaReading)
	KrippendorffAlpha *float64
	AlphaNote         string // why KrippendorffAlpha is nil
	AlphaReading      string // one line on what KrippendorffAlpha means (AlphaReading)
	GwetAC1           *float64
	AC1Note           string // why GwetAC1 is nil
	// Units is how many sentences the agreement is computed over: those
	// at least one student tagged.
	Units int
	// Reading is one plain sentence on which of kappa, alpha and AC1 to
	// read for this class (Reliability.SkewReading on Fleiss' data); ""
	// with fewer than two students.
	Reading string
	// Tables is the agreement report of the labels given (an untagged
	// sentence is missing, as for alpha and in "stancemark agree"): its
	// PerLabel, PairwiseCohen and Confusion are the dashboard's tables.
	// nil with fewer than two students.
	Tables *AgreementReport
}

// StudentRow is one student's line in the class table.
type StudentRow struct {
	Name       string
	File       string
	Exported   time.Time
	Tagged     int      // sentences tagged
	Highlights int      // highlights made
	Notes      int      // highlights with a note
	Accuracy   *float64 // vs the key (Feedback.Accuracy); nil without a key
	Kappa      *float64 // Cohen's kappa vs the key (Feedback.Kappa); nil when undefined
	Feedback   *Feedback
	Attempt    int      // the scored submission's attempt (0: unknown)
	Flags      []string // what differs from the assignment (Assignment.Differences)
	// AfterFeedback are the student's files submitted after feedback had
	// been shown to them: kept, not scored.
	AfterFeedback []string
	Practice      bool // the assignment is a practice one: the score is a practice score
}

// SentenceRow is how the class labelled one sentence.
//
// Disagreement is 1 minus the share of the students who made the most
// common choice for the sentence, where a choice is a label or leaving the
// sentence untagged (as for Fleiss' kappa). It is 0 when every student made
// the same choice and at most 1 - 1/k with k choices: with 10 students, 6
// Supports, 3 Opposes and 1 untagged, it is 0.4. Counting "untagged" as a
// choice keeps a sentence that two students out of thirty tagged, with
// different labels, from topping the list, and brings up sentences the
// class splits on whether they take a stance at all.
type SentenceRow struct {
	ID           string
	Index        int // position in the document, from 0
	Paragraph    int
	Text         string
	Counts       map[string]int // every label id of the scheme -> students who gave it
	Tagged       int            // students who tagged the sentence
	Untagged     int            // students who did not
	Key          string         // the key's label; "" without a key or when the key leaves it untagged
	KeyShare     *float64       // share of the students who gave the key's label; nil when Key is ""
	Disagreement float64
}

// LabelTotal is how much a label was used across the class.
type LabelTotal struct {
	Label      Label
	Sentences  int // sentences tagged with it, summed over the students
	Highlights int // highlights with it, summed over the students
	Key        int // sentences the key tags with it
}

// Report returns the class report of the submissions added so far.
func (c *Class) Report() *ClassReport {
	a := c.Assignment
	r := &ClassReport{
		Assignment:  a,
		Submissions: slices.Clone(c.subs),
		Problems:    slices.Clone(c.problems),
		Duplicates:  slices.Clone(c.duplicates),
	}
	slices.SortStableFunc(r.Submissions, func(x, y *Submission) int {
		return cmp.Or(cmp.Compare(studentKey(x.Student), studentKey(y.Student)), strings.Compare(x.Student, y.Student))
	})
	keyLabels, _ := labelsBySentence(a.Document.Sentences, a.Key)
	text := newExportText(&Export{Document: a.Document})
	r.Sentences = make([]SentenceRow, len(a.Document.Sentences))
	for i, s := range a.Document.Sentences {
		row := SentenceRow{ID: s.ID, Index: i, Paragraph: s.Paragraph, Text: text.sentence(i), Counts: map[string]int{}, Key: keyLabels[i]}
		for _, l := range a.Scheme.Labels {
			row.Counts[l.ID] = 0
		}
		r.Sentences[i] = row
	}
	r.Labels = make([]LabelTotal, len(a.Scheme.Labels))
	for i, l := range a.Scheme.Labels {
		r.Labels[i].Label = l
	}
	labelIndex := func(id string) int {
		return slices.IndexFunc(a.Scheme.Labels, func(l Label) bool { return l.ID == id })
	}
	for _, k := range keyLabels {
		if j := labelIndex(k); j >= 0 {
			r.Labels[j].Key++
		}
	}
	exports := make([]*Export, len(r.Submissions))
	for si, s := range r.Submissions {
		exports[si] = s.Export
		row := StudentRow{
			Name: s.Student, File: s.File, Exported: s.Export.Exported, Highlights: len(s.Export.Annotations),
			Accuracy: s.Feedback.Accuracy, Kappa: s.Feedback.Kappa, Feedback: s.Feedback,
			Attempt: s.Attempt, Flags: s.Flags, Practice: a.Practice(),
		}
		for _, d := range r.Duplicates {
			if d.AfterFeedback && studentKey(d.Student) == studentKey(s.Student) {
				row.AfterFeedback = append(row.AfterFeedback, d.Dropped)
			}
		}
		for _, h := range s.Export.Annotations {
			row.Tagged += len(h.SentenceIDs)
			if strings.TrimSpace(h.Note) != "" {
				row.Notes++
			}
			if j := labelIndex(h.Label); j >= 0 {
				r.Labels[j].Highlights++
				r.Labels[j].Sentences += len(h.SentenceIDs)
			}
		}
		for i, sf := range s.Feedback.Sentences {
			if sf.Label == "" {
				r.Sentences[i].Untagged++
				r.Untagged++
				continue
			}
			r.Sentences[i].Tagged++
			r.Sentences[i].Counts[sf.Label]++
		}
		r.Students = append(r.Students, row)
	}
	n := len(r.Submissions)
	for i := range r.Sentences {
		row := &r.Sentences[i]
		if n == 0 {
			continue
		}
		top := row.Untagged
		for _, c := range row.Counts {
			top = max(top, c)
		}
		row.Disagreement = 1 - float64(top)/float64(n)
		if row.Key != "" {
			share := float64(row.Counts[row.Key]) / float64(n)
			row.KeyShare = &share
		}
	}
	r.agreement(exports)
	return r
}

// agreement computes the class's Fleiss' kappa, Krippendorff's alpha and
// Gwet's AC1.
func (r *ClassReport) agreement(exports []*Export) {
	if len(exports) < 2 {
		note := fmt.Sprintf("undefined: it needs at least two students (the class has %d)", len(exports))
		r.FleissNote, r.AlphaNote, r.AC1Note = note, note, note
		return
	}
	if rel, err := ReliabilityFromExports(exports, untaggedValue); err != nil {
		r.FleissNote, r.AC1Note = noteFor(err), noteFor(err)
	} else {
		r.Units, r.Reading = len(rel.Units), rel.SkewReading()
		if k, err := rel.FleissKappa(); err != nil {
			r.FleissNote = classNote(err)
		} else {
			r.FleissKappa, r.FleissReading = &k, KappaReading(k)
		}
		if x, err := rel.GwetAC1(); err != nil {
			r.AC1Note = classNote(err)
		} else {
			r.GwetAC1 = &x
		}
	}
	rel, err := ReliabilityFromExports(exports, "")
	if err == nil {
		r.Tables, _ = rel.Report(Nominal) // nominal labels: Report cannot fail on them
	}
	if err != nil {
		r.AlphaNote = noteFor(err)
	} else if x, err := rel.KrippendorffAlpha(Nominal); err != nil {
		r.AlphaNote = classNote(err)
	} else {
		r.KrippendorffAlpha, r.AlphaReading = &x, AlphaReading(x)
	}
}

// classNote explains in a teacher's words why a class coefficient is
// undefined.
func classNote(err error) string {
	switch {
	case errors.Is(err, ErrNoPairableValues):
		return "undefined: no sentence was tagged by two students"
	case errors.Is(err, ErrNoVariation):
		return "undefined: every student made the same choice everywhere, so chance agreement is already perfect"
	}
	return noteFor(err)
}

// ByDisagreement returns the sentences on which the class disagrees
// (Disagreement > 0), most disagreement first; ties go to the sentence more
// students tagged, then to document order. These are the discussion
// starters.
func (r *ClassReport) ByDisagreement() []SentenceRow {
	var out []SentenceRow
	for _, s := range r.Sentences {
		if s.Disagreement > 0 {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b SentenceRow) int {
		return cmp.Or(cmp.Compare(b.Disagreement, a.Disagreement), cmp.Compare(b.Tagged, a.Tagged), cmp.Compare(a.Index, b.Index))
	})
	return out
}

// KappaReading returns one line on what a kappa means, in the bands of
// Landis and Koch (1977): below 0 poor, up to 0.20 slight, 0.40 fair, 0.60
// moderate, 0.80 substantial, above that almost perfect agreement.
func KappaReading(k float64) string {
	switch {
	case k < 0:
		return "Poor agreement: less than chance would give (Landis & Koch)."
	case k <= 0.20:
		return "Slight agreement: little more than chance (Landis & Koch)."
	case k <= 0.40:
		return "Fair agreement: above chance, but readers often differ (Landis & Koch)."
	case k <= 0.60:
		return "Moderate agreement: readers agree on many sentences but differ on many others (Landis & Koch)."
	case k <= 0.80:
		return "Substantial agreement: readers mostly agree (Landis & Koch)."
	}
	return "Almost perfect agreement (Landis & Koch)."
}

// AlphaReading returns one line on what a Krippendorff's alpha means, with
// his guidance: from 0.800 the labels are applied reliably, from 0.667 good
// enough for tentative conclusions only, below that unreliable; below 0
// the disagreement is systematic.
func AlphaReading(a float64) string {
	switch {
	case a < 0:
		return "Systematic disagreement: readers disagree more than chance would make them."
	case a < 0.667:
		return "Unreliable: the class does not apply the labels consistently (Krippendorff asks for 0.667 at least)."
	case a < 0.800:
		return "Tentative: consistent enough for tentative conclusions only (Krippendorff asks for 0.800 to rely on it)."
	}
	return "Reliable: the class applies the labels consistently (Krippendorff's 0.800 or more)."
}
