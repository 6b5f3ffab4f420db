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
// is exactly
//
//	{"units":N,"coders":M,"pairable_values":N,"percent_agreement":x,
//	 "krippendorff_alpha":x,"fleiss_kappa":x,"cohen_kappa":x,"level":"nominal"}
//
// A coefficient that is undefined for the data is null, and Notes (not in
// the JSON) says why.
type AgreementReport struct {
	Units             int      `json:"units"`           // rows of the input
	Coders            int      `json:"coders"`          // columns of the input
	PairableValues    int      `json:"pairable_values"` // values in units with at least two
	PercentAgreement  *float64 `json:"percent_agreement"`
	KrippendorffAlpha *float64 `json:"krippendorff_alpha"` // at Level
	FleissKappa       *float64 `json:"fleiss_kappa"`       // only when every unit has the same number of values
	CohenKappa        *float64 `json:"cohen_kappa"`        // only with exactly two coders
	Level             string   `json:"level"`
	Notes             []string `json:"-"` // why a coefficient is null, one line each
}

// Report computes every coefficient of r. It fails only for data that no
// coefficient can use: ErrMatrixShape, ErrTooFewCoders, and ErrNotNumeric
// or ErrNegativeValue for a level that needs numbers. Other degenerate
// cases give a null coefficient with a note.
func (r *Reliability) Report(level Level) (*AgreementReport, error) {
	if _, err := r.code(level); err != nil {
		return nil, err
	}
	rep := &AgreementReport{Units: len(r.Units), Coders: len(r.Coders), PairableValues: r.PairableValues(), Level: level.String()}
	set := func(name string, dst **float64, x float64, err error) {
		if err == nil {
			*dst = &x
			return
		}
		rep.Notes = append(rep.Notes, name+": "+noteFor(err))
	}
	x, err := r.PercentAgreement()
	set("percent agreement", &rep.PercentAgreement, x, err)
	x, err = r.KrippendorffAlpha(level)
	set("Krippendorff's alpha", &rep.KrippendorffAlpha, x, err)
	x, err = r.FleissKappa()
	set("Fleiss' kappa", &rep.FleissKappa, x, err)
	x, err = r.CohenKappa()
	set("Cohen's kappa", &rep.CohenKappa, x, err)
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
