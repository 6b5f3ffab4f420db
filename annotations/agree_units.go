package annotations

import (
	"errors"
	"slices"
	"strings"
)

// UnitAgreement is how the coders of one unit (a sentence) agree: what a
// teacher or a researcher looks at to see which sentences split people.
type UnitAgreement struct {
	Unit   string
	Values int          // how many coders gave the unit a value
	Counts []ValueCount // each distinct value, most frequent first (ties in order of first coder)
	// Majority is the most frequent value; "" when the unit has no value
	// or two values tie for the most votes.
	Majority string
	// MajorityShare is the share of the unit's values that are the most
	// frequent value (with a tie, the tied count); 0 without values.
	MajorityShare float64
	// Disagreement is the share of disagreeing pairs among the pairs of
	// the unit's values: 0 when all agree (or with fewer than two values),
	// 1 when no two coders agree.
	Disagreement float64
}

// ValueCount is one value of a unit and how many coders gave it.
type ValueCount struct {
	Value string
	Count int
}

// UnitAgreement returns the agreement of every unit, in row order. Values
// are compared as text, trimmed. It returns ErrMatrixShape for a matrix
// that is not rectangular (it needs no second coder).
func (r *Reliability) UnitAgreement() ([]UnitAgreement, error) {
	if len(r.Values) != len(r.Units) {
		return nil, ErrMatrixShape
	}
	out := make([]UnitAgreement, len(r.Units))
	for u, row := range r.Values {
		ua := UnitAgreement{Unit: r.Units[u]}
		for _, v := range row {
			v = strings.TrimSpace(v)
			if v == "" {
				continue
			}
			ua.Values++
			if i := slices.IndexFunc(ua.Counts, func(c ValueCount) bool { return c.Value == v }); i >= 0 {
				ua.Counts[i].Count++
			} else {
				ua.Counts = append(ua.Counts, ValueCount{Value: v, Count: 1})
			}
		}
		slices.SortStableFunc(ua.Counts, func(a, b ValueCount) int { return b.Count - a.Count })
		if len(ua.Counts) > 0 {
			top := ua.Counts[0].Count
			ua.MajorityShare = float64(top) / float64(ua.Values)
			if len(ua.Counts) == 1 || ua.Counts[1].Count < top {
				ua.Majority = ua.Counts[0].Value
			}
		}
		if ua.Values >= 2 {
			agree := 0
			for _, c := range ua.Counts {
				agree += c.Count * (c.Count - 1)
			}
			ua.Disagreement = 1 - float64(agree)/float64(ua.Values*(ua.Values-1))
		}
		out[u] = ua
	}
	return out, nil
}

// AgreementReport is the summary "stancemark agree" prints. Its JSON form
// (web/schema/stancemark-agree-v2.schema.json) is exactly
//
//	{"units":N,"pairable_units":N,"coders":M,"pairable_values":N,
//	 "percent_agreement":x,"krippendorff_alpha":x,"fleiss_kappa":x,
//	 "cohen_kappa":x,"gwet_ac1":x,"level":"nominal",
//	 "per_label":[{"label","values","agreement"}],
//	 "pairwise_cohen":[{"a","b","units","kappa"}],
//	 "confusion":{"values":[...],"counts":[[...]]}}
//
// A coefficient that is undefined for the data is null and comes with its
// reason in a key named after it with "_why" ("fleiss_kappa": null,
// "fleiss_kappa_why": "undefined: ..."); the key is absent when the
// coefficient is a number. per_label, pairwise_cohen and confusion are
// null when no unit has two values (and pairwise_cohen never has fewer
// than one pair).
//
// A unit is a row with at least one value: a row with none (a sentence
// nobody tagged, see ReliabilityFromExports) is not counted and takes no
// part in any coefficient.
type AgreementReport struct {
	Units                int              `json:"units"`           // units with at least one value: what the coefficients are computed over
	PairableUnits        int              `json:"pairable_units"`  // units with two values or more (the ones percent agreement, alpha and AC1's observed agreement compare)
	Coders               int              `json:"coders"`          // columns of the input
	PairableValues       int              `json:"pairable_values"` // values in units with at least two
	PercentAgreement     *float64         `json:"percent_agreement"`
	PercentAgreementWhy  string           `json:"percent_agreement_why,omitempty"`
	KrippendorffAlpha    *float64         `json:"krippendorff_alpha"` // at Level
	KrippendorffAlphaWhy string           `json:"krippendorff_alpha_why,omitempty"`
	FleissKappa          *float64         `json:"fleiss_kappa"` // only when every unit has the same number of values
	FleissKappaWhy       string           `json:"fleiss_kappa_why,omitempty"`
	CohenKappa           *float64         `json:"cohen_kappa"` // only with exactly two coders
	CohenKappaWhy        string           `json:"cohen_kappa_why,omitempty"`
	GwetAC1              *float64         `json:"gwet_ac1"` // nominal, whatever Level
	GwetAC1Why           string           `json:"gwet_ac1_why,omitempty"`
	Level                string           `json:"level"`
	PerLabel             []LabelAgreement `json:"per_label"`      // specific agreement of each value, sorted
	PairwiseCohen        []PairKappa      `json:"pairwise_cohen"` // Cohen's kappa of every pair of coders
	Confusion            *Confusion       `json:"confusion"`      // the coincidence matrix
	// Reading is one plain sentence on which coefficient to read, from how
	// much the most frequent value dominates (SkewReading); not in the JSON.
	Reading string   `json:"-"`
	Notes   []string `json:"-"` // why a coefficient is null, one line each (the _why texts, named)
}

// Report computes every coefficient of r. It fails only for data that no
// coefficient can use: ErrMatrixShape, ErrTooFewCoders, and ErrNotNumeric
// or ErrNegativeValue for a level that needs numbers. Other degenerate
// cases give a null coefficient with its reason.
func (r *Reliability) Report(level Level) (*AgreementReport, error) {
	k, err := r.code(level)
	if err != nil {
		return nil, err
	}
	rep := &AgreementReport{Coders: len(r.Coders), PairableValues: r.PairableValues(), Level: level.String(), Reading: r.SkewReading()}
	for _, m := range k.m {
		if m > 0 {
			rep.Units++
		}
		if m > 1 {
			rep.PairableUnits++
		}
	}
	set := func(name string, dst **float64, why *string, x float64, err error) {
		if err == nil {
			*dst = &x
			return
		}
		*why = noteFor(err)
		rep.Notes = append(rep.Notes, name+": "+*why)
	}
	x, err := r.PercentAgreement()
	set("percent agreement", &rep.PercentAgreement, &rep.PercentAgreementWhy, x, err)
	x, err = r.KrippendorffAlpha(level)
	set("Krippendorff's alpha", &rep.KrippendorffAlpha, &rep.KrippendorffAlphaWhy, x, err)
	x, err = r.FleissKappa()
	set("Fleiss' kappa", &rep.FleissKappa, &rep.FleissKappaWhy, x, err)
	x, err = r.CohenKappa()
	set("Cohen's kappa", &rep.CohenKappa, &rep.CohenKappaWhy, x, err)
	x, err = r.GwetAC1()
	set("Gwet's AC1", &rep.GwetAC1, &rep.GwetAC1Why, x, err)
	// The tables need a pair of values somewhere; without one they are
	// null, as the coefficients above already say why.
	if rep.PairableUnits > 0 {
		rep.PerLabel, _ = r.PerLabel()
		rep.PairwiseCohen, _ = r.PairwiseCohen()
		rep.Confusion, _ = r.Confusion()
	}
	return rep, nil
}

// noteFor explains why a coefficient is undefined.
func noteFor(err error) string {
	switch {
	case errors.Is(err, ErrNotTwoCoders):
		return "undefined: it needs exactly two coders"
	case errors.Is(err, ErrUnequalRatings):
		return "undefined: " + err.Error() + "; it needs the same number of values in every unit"
	case errors.Is(err, ErrNoPairableValues):
		return "undefined: no unit has values from two coders"
	case errors.Is(err, ErrNoVariation):
		return "undefined: every value is the same, so agreement by chance is already perfect"
	}
	return err.Error()
}
