package annotations

import (
	"fmt"
	"math"
)

// This file holds the agreement coefficients. Each is a pure function of a
// Reliability matrix; each documents what it returns for degenerate data.
// Definitions follow Krippendorff, "Computing Krippendorff's
// Alpha-Reliability" (2011); Fleiss, "Measuring nominal scale agreement
// among many raters" (1971); Cohen, "A coefficient of agreement for nominal
// scales" (1960).

// KrippendorffAlpha returns Krippendorff's alpha at the given level of
// measurement, with missing data: units with fewer than two values are left
// out, as the coefficient prescribes. alpha = 1 - Do/De, from the
// coincidence matrix of the pairable values.
//
// Errors: ErrMatrixShape, ErrTooFewCoders (fewer than two coders),
// ErrNotNumeric or ErrNegativeValue (values unfit for the level),
// ErrNoPairableValues (no unit has two values), ErrNoVariation (all
// pairable values are equal, so alpha is 0/0).
func (r *Reliability) KrippendorffAlpha(level Level) (float64, error) {
	k, err := r.code(level)
	if err != nil {
		return 0, err
	}
	nv := len(k.values)
	// o[c][v]: the coincidence matrix.
	o := make([][]float64, nv)
	for i := range o {
		o[i] = make([]float64, nv)
	}
	for u, counts := range k.counts {
		m := k.m[u]
		if m < 2 {
			continue
		}
		for c, nc := range counts {
			if nc == 0 {
				continue
			}
			for v, nv := range counts {
				pairs := nc * nv
				if c == v {
					pairs = nc * (nc - 1)
				}
				o[c][v] += float64(pairs) / float64(m-1)
			}
		}
	}
	marg := make([]float64, nv) // n_c
	n := 0.0
	for c := range o {
		for v := range o[c] {
			marg[c] += o[c][v]
		}
		n += marg[c]
	}
	if n == 0 {
		return 0, ErrNoPairableValues
	}
	delta := k.distance(level, marg)
	var do, de float64
	for c := range nv {
		for v := range nv {
			d := delta(c, v)
			do += o[c][v] * d
			de += marg[c] * marg[v] * d
		}
	}
	if de == 0 {
		return 0, ErrNoVariation
	}
	return 1 - (n-1)*do/de, nil
}

// distance returns the squared difference function delta^2(c, v) between
// value indexes for level; marg are the values' marginal frequencies,
// which the ordinal distance counts.
func (k *coded) distance(level Level, marg []float64) func(c, v int) float64 {
	switch level {
	case Ordinal:
		// delta^2 = (sum of n_g for g from c to v - (n_c + n_v)/2)^2.
		cum := make([]float64, len(marg)+1)
		for i, m := range marg {
			cum[i+1] = cum[i] + m
		}
		return func(c, v int) float64 {
			if c > v {
				c, v = v, c
			}
			d := cum[v+1] - cum[c] - (marg[c]+marg[v])/2
			return d * d
		}
	case Interval:
		return func(c, v int) float64 {
			d := k.nums[c] - k.nums[v]
			return d * d
		}
	case Ratio:
		return func(c, v int) float64 {
			s := k.nums[c] + k.nums[v]
			if s == 0 {
				return 0 // both 0
			}
			d := (k.nums[c] - k.nums[v]) / s
			return d * d
		}
	}
	return func(c, v int) float64 {
		if c == v {
			return 0
		}
		return 1
	}
}

// PercentAgreement returns the share of agreeing pairs among all pairs of
// values within units (pairs of coders who rated the same unit). Values
// are compared as text (trimmed), so it is the nominal observed agreement.
//
// Errors: ErrMatrixShape, ErrTooFewCoders, ErrNoPairableValues. Data with
// no variation gives 1.
func (r *Reliability) PercentAgreement() (float64, error) {
	k, err := r.code(Nominal)
	if err != nil {
		return 0, err
	}
	var agree, pairs float64
	for u, counts := range k.counts {
		m := float64(k.m[u])
		pairs += m * (m - 1) / 2
		for _, n := range counts {
			agree += float64(n*(n-1)) / 2
		}
	}
	if pairs == 0 {
		return 0, ErrNoPairableValues
	}
	return agree / pairs, nil
}

// FleissKappa returns Fleiss' kappa: agreement among a fixed number of
// raters per unit, with nominal values. Every unit must have the same
// number n >= 2 of values; which coders gave them does not matter. A row
// with no value is not a unit (as for every coefficient of Report) and is
// skipped.
//
// Errors: ErrMatrixShape, ErrTooFewCoders, ErrUnequalRatings (units have
// different numbers of values), ErrNoPairableValues (no unit, or one value
// per unit), ErrNoVariation (every value is the same category, so chance
// agreement is 1).
func (r *Reliability) FleissKappa() (float64, error) {
	k, err := r.code(Nominal)
	if err != nil {
		return 0, err
	}
	first, n := -1, 0
	for u, m := range k.m {
		switch {
		case m == 0:
			continue
		case first < 0:
			first, n = u, m
		case m != n:
			return 0, fmt.Errorf("%w (unit %q has %d, unit %q has %d)", ErrUnequalRatings, r.Units[first], n, r.Units[u], m)
		}
	}
	if n < 2 {
		return 0, ErrNoPairableValues
	}
	units := 0.0
	p := make([]float64, len(k.values)) // share of all ratings in each category
	var pBar float64                    // mean agreement per unit
	for u, counts := range k.counts {
		if k.m[u] == 0 {
			continue
		}
		units++
		sq := 0
		for v, c := range counts {
			p[v] += float64(c)
			sq += c * c
		}
		pBar += float64(sq-n) / float64(n*(n-1))
	}
	pBar /= units
	var pe float64
	for v := range p {
		p[v] /= units * float64(n)
		pe += p[v] * p[v]
	}
	if math.Abs(1-pe) < 1e-12 {
		return 0, ErrNoVariation
	}
	return (pBar - pe) / (1 - pe), nil
}

// CohenKappa returns Cohen's kappa for exactly two coders, with nominal
// values, over the units both coders rated.
//
// Errors: ErrMatrixShape, ErrNotTwoCoders, ErrNoPairableValues (no unit
// rated by both), ErrNoVariation (both coders gave one and the same value
// to every such unit, so chance agreement is 1).
func (r *Reliability) CohenKappa() (float64, error) {
	if len(r.Coders) != 2 {
		return 0, fmt.Errorf("%w (the data has %d)", ErrNotTwoCoders, len(r.Coders))
	}
	k, err := r.code(Nominal)
	if err != nil {
		return 0, err
	}
	a := make([]float64, len(k.values))
	b := make([]float64, len(k.values))
	var units, agree float64
	for _, row := range k.cells {
		if row[0] < 0 || row[1] < 0 {
			continue
		}
		units++
		a[row[0]]++
		b[row[1]]++
		if row[0] == row[1] {
			agree++
		}
	}
	if units == 0 {
		return 0, ErrNoPairableValues
	}
	var pe float64
	for v := range a {
		pe += (a[v] / units) * (b[v] / units)
	}
	if math.Abs(1-pe) < 1e-12 {
		return 0, ErrNoVariation
	}
	return (agree/units - pe) / (1 - pe), nil
}
