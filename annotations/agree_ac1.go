package annotations

import (
	"fmt"
	"strings"
)

// GwetAC1 returns Gwet's AC1, the first-order agreement coefficient, for
// nominal values with missing data, as defined in Gwet, "Handbook of
// Inter-Rater Reliability" (4th edition, 2014) and computed by his irrCAC
// package (gwet.ac1.raw):
//
//	pa  = mean over the units with two values or more of
//	      sum_k r_ik (r_ik - 1) / (r_i (r_i - 1))
//	pi_k = mean over the units with one value or more of r_ik / r_i
//	pe  = sum_k pi_k (1 - pi_k) / (q - 1)
//	AC1 = (pa - pe) / (1 - pe)
//
// where r_i is the number of values of unit i, r_ik how many of them are
// category k, and q the number of categories the data uses (values compared
// as text, trimmed). Unlike kappa, its chance agreement pe falls, rather
// than rises, when one category dominates, so AC1 stays near the observed
// agreement on skewed data (most sentences "unrelated" or untagged) where
// kappa collapses.
//
// Errors: ErrMatrixShape, ErrTooFewCoders, ErrNoPairableValues (no unit
// has two values), ErrNoVariation (the data uses a single category, so pe
// is 0/0).
func (r *Reliability) GwetAC1() (float64, error) {
	k, err := r.code(Nominal)
	if err != nil {
		return 0, err
	}
	q := len(k.values)
	pi := make([]float64, q)
	var pa float64
	rated, pairable := 0, 0
	for u, counts := range k.counts {
		m := k.m[u]
		if m == 0 {
			continue
		}
		rated++
		for c, n := range counts {
			pi[c] += float64(n) / float64(m)
		}
		if m < 2 {
			continue
		}
		pairable++
		sum := 0
		for _, n := range counts {
			sum += n * (n - 1)
		}
		pa += float64(sum) / float64(m*(m-1))
	}
	if pairable == 0 {
		return 0, ErrNoPairableValues
	}
	if q < 2 {
		return 0, ErrNoVariation
	}
	pa /= float64(pairable)
	var pe float64
	for c := range pi {
		p := pi[c] / float64(rated)
		pe += p * (1 - p)
	}
	pe /= float64(q - 1) // at most 1/q, so 1 - pe > 0
	return (pa - pe) / (1 - pe), nil
}

// skewShare is the share of all values above which one value dominates
// enough for kappa and alpha to run well below AC1: from one half, their
// chance agreement is at least 1/4 and grows as the square of the share.
const skewShare = 0.5

// SkewReading returns one plain sentence on which coefficient to read,
// from the share of r's values (trimmed, in units with at least one) that
// are its most frequent value; "" without values. Kappa and alpha take
// chance agreement from how often each value is used, so when one value
// dominates (FNC-1 is 73% "unrelated"; most sentences of an article are
// left untagged) they count most agreement as chance and run low while
// AC1 does not.
func (r *Reliability) SkewReading() string {
	counts := map[string]int{}
	total, top, topValue := 0, 0, ""
	for _, row := range r.Values {
		for _, v := range row {
			v = strings.TrimSpace(v)
			if v == "" {
				continue
			}
			total++
			counts[v]++
			if n := counts[v]; n > top || n == top && v < topValue {
				top, topValue = n, v
			}
		}
	}
	if total == 0 {
		return ""
	}
	share := float64(top) / float64(total)
	if share >= skewShare {
		return fmt.Sprintf("%q is %.0f%% of the values, so kappa and alpha count much of the agreement on it as chance and run lower than AC1, which does not: read AC1 for how often coders agree, kappa or alpha for whether they agree beyond %q.", topValue, 100*share, topValue)
	}
	return fmt.Sprintf("No value dominates (the most frequent, %q, is %.0f%% of the values), so kappa, alpha and AC1 should tell the same story; where they differ, read AC1 for how often coders agree, kappa or alpha for agreement beyond chance.", topValue, 100*share)
}
