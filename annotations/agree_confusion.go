package annotations

import (
	"cmp"
	"slices"
)

// Confusion is Krippendorff's coincidence matrix of nominal values: which
// values are given together to one unit. Counts[c][v] counts, over every
// unit with m >= 2 values, the ordered pairs of values (c from one coder,
// v from another) divided by m - 1, so each pairable value counts once in
// its row: the row sums are the values' pairable counts and the matrix
// sums to the pairable values (Krippendorff 2011). The diagonal holds
// agreement; a large off-diagonal cell names two labels people confuse.
// The matrix is symmetric.
type Confusion struct {
	Values []string    `json:"values"` // the distinct values, sorted
	Counts [][]float64 `json:"counts"` // Counts[c][v], rows and columns in Values order
}

// Confusion returns the coincidence matrix of r at the nominal level
// (values compared as text, trimmed); units with fewer than two values add
// nothing, and values met only there are left out.
//
// Errors: ErrMatrixShape, ErrTooFewCoders, ErrNoPairableValues (no unit
// has two values).
func (r *Reliability) Confusion() (*Confusion, error) {
	k, err := r.code(Nominal)
	if err != nil {
		return nil, err
	}
	nv := len(k.values)
	o := make([][]float64, nv)
	for i := range o {
		o[i] = make([]float64, nv)
	}
	used := make([]bool, nv)
	for u, counts := range k.counts {
		m := k.m[u]
		if m < 2 {
			continue
		}
		for c, nc := range counts {
			if nc == 0 {
				continue
			}
			used[c] = true
			for v, n := range counts {
				pairs := nc * n
				if c == v {
					pairs = nc * (nc - 1)
				}
				o[c][v] += float64(pairs) / float64(m-1)
			}
		}
	}
	var order []int
	for i, ok := range used {
		if ok {
			order = append(order, i)
		}
	}
	if len(order) == 0 {
		return nil, ErrNoPairableValues
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(k.values[a], k.values[b]) })
	out := &Confusion{Values: make([]string, len(order)), Counts: make([][]float64, len(order))}
	for i, c := range order {
		out.Values[i] = k.values[c]
		out.Counts[i] = make([]float64, len(order))
		for j, v := range order {
			out.Counts[i][j] = o[c][v]
		}
	}
	return out, nil
}

// LabelAgreement is the specific agreement of one value (a label).
type LabelAgreement struct {
	Label string `json:"label"`
	// Values is how many values of the label are pairable (in units with
	// two values or more).
	Values int `json:"values"`
	// Agreement is the specific agreement: of the pairs of values within a
	// unit that involve the label, the share where both are the label,
	// 2·n(L,L) / (2·n(L,L) + n(L,other)), with n(L,L) the pairs where both
	// are L and n(L,other) those of L and another value. With two coders
	// it is the positive (or negative) agreement of Fleiss (1975), 2a /
	// (2a + b + c); with more, the form of Uebersax (1982). nil when the
	// label has no pairable value.
	Agreement *float64 `json:"agreement"`
	Why       string   `json:"agreement_why,omitempty"`
}

// PerLabel returns the specific agreement of every value of r, sorted by
// value; values are compared as text, trimmed. A label with high overall
// agreement can hide a rare label nobody agrees on: this shows it.
//
// Errors: ErrMatrixShape, ErrTooFewCoders, ErrNoPairableValues (no unit
// has two values).
func (r *Reliability) PerLabel() ([]LabelAgreement, error) {
	k, err := r.code(Nominal)
	if err != nil {
		return nil, err
	}
	nv := len(k.values)
	same := make([]int, nv)  // 2·n(L,L): ordered pairs where both are L
	other := make([]int, nv) // n(L,other)
	vals := make([]int, nv)
	pairable := false
	for u, counts := range k.counts {
		m := k.m[u]
		if m < 2 {
			continue
		}
		pairable = true
		for c, n := range counts {
			vals[c] += n
			same[c] += n * (n - 1)
			other[c] += n * (m - n)
		}
	}
	if !pairable {
		return nil, ErrNoPairableValues
	}
	out := make([]LabelAgreement, nv)
	for c, v := range k.values {
		la := LabelAgreement{Label: v, Values: vals[c]}
		if d := same[c] + other[c]; d > 0 {
			x := float64(same[c]) / float64(d)
			la.Agreement = &x
		} else {
			la.Why = "undefined: the label is never in a unit with a second value"
		}
		out[c] = la
	}
	slices.SortFunc(out, func(a, b LabelAgreement) int { return cmp.Compare(a.Label, b.Label) })
	return out, nil
}
