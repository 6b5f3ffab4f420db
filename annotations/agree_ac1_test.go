package annotations_test

import (
	"errors"
	"strconv"
	"testing"

	"stancemark/annotations"
)

// table builds two coders' ratings from a contingency table: counts[i][j]
// units that coder A put in labels[i] and coder B in labels[j].
func table(labels []string, counts [][]int) *annotations.Reliability {
	r := &annotations.Reliability{Coders: []string{"A", "B"}}
	for i, row := range counts {
		for j, n := range row {
			for range n {
				r.Units = append(r.Units, strconv.Itoa(len(r.Units)+1))
				r.Values = append(r.Values, []string{labels[i], labels[j]})
			}
		}
	}
	return r
}

// cont3x3abstractors is the irrCAC dataset of that name (Gwet 2014): two
// abstractors classify 100 pregnancies as Ectopic, AIU or NIU.
var cont3x3abstractors = table([]string{"Ectopic", "AIU", "NIU"}, [][]int{
	{13, 0, 0},
	{0, 20, 7},
	{0, 4, 56},
})

// TestGwetAC1Published reproduces the outputs printed in the irrCAC
// vignette, "Calculating Chance-corrected Agreement Coefficients (CAC)"
// (K. L. Gwet; https://cran.r-project.org/web/packages/irrCAC/vignettes/overview.html,
// the same outputs in the package's README.md, github.com/kgwet/irrCAC):
//
//   - gwet.ac1.table(cont3x3abstractors): AC1 0.8493305 (and
//     kappa2.table: Cohen's kappa 0.7964094, pa2.table: 0.89);
//   - gwet.ac1.raw(cac.raw4raters): pa 0.8181818, pe 0.1903212, AC1
//     0.77544. cac.raw4raters (Gwet 2014, p. 120) is Krippendorff's (2011)
//     12 units by 4 raters with missing values, krippendorff2011 here.
func TestGwetAC1Published(t *testing.T) {
	tests := []struct {
		name string
		data *annotations.Reliability
		want float64
	}{
		{"cont3x3abstractors", cont3x3abstractors, 0.8493305},
		{"cac.raw4raters", krippendorff2011, 0.77544},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.data.GwetAC1()
			if err != nil {
				t.Fatal(err)
			}
			near(t, "AC1", got, tt.want)
		})
	}
	k, err := cont3x3abstractors.CohenKappa()
	if err != nil {
		t.Fatal(err)
	}
	near(t, "Cohen's kappa of cont3x3abstractors", k, 0.7964094)
	pa, _ := cont3x3abstractors.PercentAgreement()
	near(t, "percent agreement of cont3x3abstractors", pa, 0.89)
	// (irrCAC's pa of cac.raw4raters, 0.8181818, is the mean of each
	// unit's share of agreeing pairs; PercentAgreement pools the pairs of
	// all units, 0.782, so the two are not compared.)
}

// TestGwetAC1OnSkewedLabels shows why AC1 is reported beside kappa: two
// coders agree on 94 of 100 units, 90 of them "unrelated"; kappa counts
// most of that as chance, AC1 does not.
func TestGwetAC1OnSkewedLabels(t *testing.T) {
	r := table([]string{"unrelated", "agree"}, [][]int{{90, 3}, {3, 4}})
	k, _ := r.CohenKappa()
	ac1, err := r.GwetAC1()
	if err != nil {
		t.Fatal(err)
	}
	// pa 0.94; pi = 0.93, 0.07; kappa: pe = 0.93² + 0.07² = 0.8698, kappa
	// = 0.0702 / 0.1302 = 0.539; AC1: pe = 2 · 0.93 · 0.07 = 0.1302, AC1 =
	// 0.8098 / 0.8698 = 0.931.
	near(t, "kappa", k, 0.0702/0.1302)
	near(t, "AC1", ac1, 0.8098/0.8698)
}

func TestGwetAC1Degenerate(t *testing.T) {
	tests := []struct {
		name string
		data *annotations.Reliability
		want error
	}{
		{"one coder", matrix("a b c"), annotations.ErrTooFewCoders},
		{"no pairs", matrix("a . .", ". b ."), annotations.ErrNoPairableValues},
		{"one category", matrix("a a a", "a a ."), annotations.ErrNoVariation},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := tt.data.GwetAC1(); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}
