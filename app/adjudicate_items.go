package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stancemark/annotations"
)

// What the Adjudicate view shows, as comparable props computed from the
// open adjudication: the task on screen with its units, the annotators,
// the agreement and the counts.

// adjUnitItem is one gold unit as its row shows it.
type adjUnitItem struct {
	Key         string // annotations.GoldEntry.UnitKey
	SID         string // the sentence id, or "overall"
	Text        string // the sentence, plain text
	Label       string // the gold label's id ("" while unresolved)
	LabelName   string
	Source      string
	Tie         bool // unresolved with votes: nobody has decided
	Stale       bool
	Votes       string // "3 votes: agree 2 (ana, cy), disagree 1 (bob)"
	Cast        []adjVoteItem
	Adjudicator string
	Reason      string
	AutoReason  bool   // the app wrote Reason: the field shows it as its placeholder
	Decided     string // the votes a stale decision was made on
	Current     bool
}

// adjVoteItem is one annotator's label and note on a unit.
type adjVoteItem struct {
	Annotator string
	Label     string // the label's name; "no vote" when they left it untagged
	Note      string
}

// adjTaskItem is the task on screen.
type adjTaskItem struct {
	Number, Count int
	Title, Claim  string
	Pending       int // its labels that need a decision
	Disagreements []adjUnitItem
	Agreed        []adjUnitItem
}

// adjAgreementItem is the agreement between the annotators, as text.
type adjAgreementItem struct {
	Units, AC1, Kappa, Alpha, Reading, Missing string
}

// adjAnnotatorItem is one annotator whose work is loaded.
type adjAnnotatorItem struct{ Name, File string }

// adjudicatePage is the Adjudicate view of the session.
func (s *session) adjudicatePage() app.UI {
	v := &adjudicateView{Kept: s.adjudicationsKept(), Waiting: len(s.adj.waiting), s: s}
	a := s.adj.open
	if a == nil {
		return v
	}
	v.Open = true
	v.Title, v.Project = a.rec.Title, a.project != nil
	v.Adjudicator, v.Policy, v.None = a.rec.Adjudicator, string(a.rec.Policy), a.rec.None
	v.Save = a.save
	v.Labels = a.labels
	for _, in := range a.rec.liveInputs() {
		v.Annotators = append(v.Annotators, adjAnnotatorItem{in.Annotator, in.Name})
	}
	v.Counts = countsText(a.gold)
	v.Pending = len(a.gold.Pending())
	v.Agreement, v.Tables = agreementItem(a), a.report
	if len(a.groups) > 0 {
		v.Task = a.taskItem()
	}
	if d := a.draft; d != "" {
		v.Draft = d
	}
	if v.Project {
		v.Live = s.projectLiveKey()
	}
	return v
}

// countsText counts the gold labels by source.
func countsText(g *annotations.Gold) string {
	if len(g.Entries) == 0 {
		return "No gold labels yet."
	}
	n := g.Counts()
	parts := make([]string, 0, len(annotations.GoldSources))
	for _, src := range annotations.GoldSources {
		parts = append(parts, fmt.Sprintf("%d %s", n[src], src))
	}
	return fmt.Sprintf("%s: %s; %s.", plural(len(g.Entries), "gold label"), strings.Join(parts, ", "), pendingText(g))
}

// agreementItem says how well the annotators agree, and which figure to read.
func agreementItem(a *adjudication) adjAgreementItem {
	r := a.report
	if r == nil {
		return adjAgreementItem{Missing: a.noRep}
	}
	coef := func(name string, v *float64, why string) string {
		if v == nil {
			return name + ": " + why
		}
		return fmt.Sprintf("%s: %.3f", name, *v)
	}
	rule := "sentences nobody tagged are left out"
	if a.rec.None {
		rule += `; an untagged sentence of a task an annotator worked on is the value "none"`
	}
	return adjAgreementItem{
		Units:   fmt.Sprintf("Between %d annotators over %s at least one of them tagged (%s, as in stancemark agree).", r.Coders, plural(r.Units, "sentence"), rule),
		AC1:     coef("Gwet's AC1", r.GwetAC1, r.GwetAC1Why),
		Kappa:   coef("Fleiss' kappa", r.FleissKappa, r.FleissKappaWhy),
		Alpha:   coef("Krippendorff's alpha", r.KrippendorffAlpha, r.KrippendorffAlphaWhy),
		Reading: r.Reading,
	}
}

// taskItem is the task on screen with its units.
func (a *adjudication) taskItem() adjTaskItem {
	g := a.groups[a.group]
	t := adjTaskItem{Number: a.group + 1, Count: len(a.groups), Title: g.title, Claim: g.claim}
	for k, i := range g.entries {
		e := &a.gold.Entries[i]
		if e.NeedsDecision() {
			t.Pending++
		}
		item := a.unitItem(e)
		if k < g.split {
			t.Disagreements = append(t.Disagreements, item)
		} else {
			t.Agreed = append(t.Agreed, item)
		}
	}
	return t
}

// unitItem is the row of one gold entry.
func (a *adjudication) unitItem(e *annotations.GoldEntry) adjUnitItem {
	it := adjUnitItem{Key: e.UnitKey(), SID: e.Sentence, Label: e.Label, Source: string(e.Source), Stale: e.Stale,
		Adjudicator: e.Adjudicator, Reason: e.Reason, Current: e.UnitKey() == a.unit}
	if e.Task != "" {
		it.SID, it.Text = "overall", "The article's overall stance toward the claim"
	} else {
		it.Text = a.sentenceText(e.Document, e.Sentence)
	}
	if e.Label != "" {
		it.LabelName = a.labelName(e.Label)
	}
	if d := a.rec.decision(it.Key); d != nil && d.Label != "" {
		it.AutoReason = d.AutoReason
	}
	it.Tie = e.Source == annotations.SourceUnresolved && e.Votes.Count() > 0
	it.Votes = fmt.Sprintf("%s: %s", plural(e.Votes.Count(), "vote"), e.Votes)
	if e.Stale {
		it.Decided = e.DecidedVotes.String()
	}
	voted := map[string]string{}
	for label, who := range e.Votes {
		for _, w := range who {
			voted[w] = label
		}
	}
	notes := a.notes[e.UnitKey()]
	for _, who := range a.annotators() {
		v := adjVoteItem{Annotator: who, Label: "no vote", Note: notes[who]}
		if l, ok := voted[who]; ok {
			v.Label = a.labelName(l)
		}
		it.Cast = append(it.Cast, v)
	}
	return it
}

// goldText says what the unit's gold label is and where it comes from.
func (it *adjUnitItem) goldText() string {
	switch {
	case it.Source == string(annotations.SourceAdjudicated) && it.Stale:
		return fmt.Sprintf("Gold: %s, adjudicated by %s: %s Stale: decided on %s; the votes have changed since.", it.LabelName, it.Adjudicator, it.Reason, it.Decided)
	case it.Source == string(annotations.SourceAdjudicated):
		return fmt.Sprintf("Gold: %s, adjudicated by %s: %s", it.LabelName, it.Adjudicator, it.Reason)
	case it.Tie:
		return "Unresolved: a tie nobody has decided."
	case it.Source == string(annotations.SourceUnresolved):
		return "Unresolved: no label under this policy until someone decides."
	}
	return fmt.Sprintf("Gold: %s (%s).", it.LabelName, it.Source)
}
