package annotations

import "strings"

// PairKappa is Cohen's kappa between two coders, over the units both rated.
type PairKappa struct {
	A     string   `json:"a"`     // a coder
	B     string   `json:"b"`     // another coder, after A in the data
	Units int      `json:"units"` // units both A and B rated
	Kappa *float64 `json:"kappa"` // nil when undefined for the pair
	Why   string   `json:"kappa_why,omitempty"`
}

// PairwiseCohen returns Cohen's kappa (nominal) for every pair of coders,
// in coder order: (1,2), (1,3), ..., (2,3), ... Each pair is computed as
// CohenKappa computes the matrix of those two coders alone; a pair for
// which kappa is undefined (no unit rated by both, or both gave one and
// the same value everywhere) has a nil Kappa and Why says why. Which pair
// disagrees most tells a coordinator whom to retrain or which guideline is
// read two ways.
//
// Errors: ErrMatrixShape, ErrTooFewCoders.
func (r *Reliability) PairwiseCohen() ([]PairKappa, error) {
	if err := r.check(); err != nil {
		return nil, err
	}
	var out []PairKappa
	for a := range r.Coders {
		for b := a + 1; b < len(r.Coders); b++ {
			sub := &Reliability{Coders: []string{r.Coders[a], r.Coders[b]}}
			for u, row := range r.Values {
				x, y := strings.TrimSpace(row[a]), strings.TrimSpace(row[b])
				if x == "" || y == "" {
					continue
				}
				sub.Units = append(sub.Units, r.Units[u])
				sub.Values = append(sub.Values, []string{x, y})
			}
			p := PairKappa{A: r.Coders[a], B: r.Coders[b], Units: len(sub.Units)}
			if k, err := sub.CohenKappa(); err != nil {
				p.Why = noteFor(err)
			} else {
				p.Kappa = &k
			}
			out = append(out, p)
		}
	}
	return out, nil
}
