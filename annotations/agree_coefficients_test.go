package annotations_test

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"stancemark/annotations"
)

// matrix builds reliability data from rows written coder by coder, the way
// the published examples print them: one string per coder, values
// separated by spaces, "." for missing.
func matrix(coders ...string) *annotations.Reliability {
	var rows [][]string
	names := make([]string, len(coders))
	for c, line := range coders {
		names[c] = string(rune('A' + c))
		for u, v := range strings.Fields(line) {
			if u >= len(rows) {
				rows = append(rows, make([]string, len(coders)))
			}
			if v != "." {
				rows[u][c] = v
			}
		}
	}
	units := make([]string, len(rows))
	for u := range units {
		units[u] = "u" + strconv.Itoa(u+1)
	}
	return &annotations.Reliability{Units: units, Coders: names, Values: rows}
}

// krippendorff2011 is the reliability data of Krippendorff, "Computing
// Krippendorff's Alpha-Reliability" (2011, University of Pennsylvania
// ScholarlyCommons, departmental paper 43), section C "Nominal data, any
// number of observers, missing data": 4 observers, 12 units, values 1-5.
var krippendorff2011 = matrix(
	"1 2 3 3 2 1 4 1 2 . . .",
	"1 2 3 3 2 2 4 1 2 5 . 3",
	". 3 3 3 2 3 4 2 2 5 1 .",
	"1 2 3 3 2 4 4 1 2 5 1 .",
)

func near(t *testing.T, name string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-3 {
		t.Errorf("%s = %.4f, want %.3f", name, got, want)
	}
}

func TestKrippendorffAlphaPublishedExamples(t *testing.T) {
	tests := []struct {
		name  string
		data  *annotations.Reliability
		level annotations.Level
		want  float64
	}{
		// Krippendorff (2011), section A, binary data, two observers:
		// alpha = 0.095.
		{"2011 A binary", matrix("0 1 0 0 0 0 0 0 1 0", "1 1 1 0 0 1 0 0 0 0"), annotations.Nominal, 0.095},
		// Krippendorff (2011), section C: alpha nominal = 0.743.
		{"2011 C nominal", krippendorff2011, annotations.Nominal, 0.743},
		// The same data at the other levels: ordinal 0.815, interval 0.849,
		// ratio 0.797, the values reported for this data with Krippendorff
		// (2011). The nominal and interval cases are computed there step by
		// step; the ordinal and ratio figures were not re-checked against
		// the PDF when this test was written (no copy was at hand).
		{"2011 C ordinal", krippendorff2011, annotations.Ordinal, 0.815},
		{"2011 C interval", krippendorff2011, annotations.Interval, 0.849},
		{"2011 C ratio", krippendorff2011, annotations.Ratio, 0.797},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.data.KrippendorffAlpha(tt.level)
			if err != nil {
				t.Fatal(err)
			}
			near(t, "alpha", got, tt.want)
		})
	}
	if n := krippendorff2011.PairableValues(); n != 40 {
		t.Errorf("pairable values = %d, want 40 (Krippendorff 2011: n = 40)", n)
	}
}

// TestFleissKappaWikipedia reproduces the worked example of the Wikipedia
// article "Fleiss' kappa" (10 subjects, 14 raters, 5 categories; the
// counts n_ij of its table): P̄ = 0.378, P̄e = 0.213, kappa = 0.210.
func TestFleissKappaWikipedia(t *testing.T) {
	counts := [][]int{
		{0, 0, 0, 0, 14},
		{0, 2, 6, 4, 2},
		{0, 0, 3, 5, 6},
		{0, 3, 9, 2, 0},
		{2, 2, 8, 1, 1},
		{7, 7, 0, 0, 0},
		{3, 2, 6, 3, 0},
		{2, 5, 3, 2, 2},
		{6, 5, 2, 1, 0},
		{0, 2, 2, 3, 7},
	}
	r := &annotations.Reliability{}
	for c := range 14 {
		r.Coders = append(r.Coders, "r"+strconv.Itoa(c+1))
	}
	for i, row := range counts {
		r.Units = append(r.Units, strconv.Itoa(i+1))
		var vals []string
		for cat, n := range row {
			for range n {
				vals = append(vals, strconv.Itoa(cat+1))
			}
		}
		r.Values = append(r.Values, vals)
	}
	got, err := r.FleissKappa()
	if err != nil {
		t.Fatal(err)
	}
	near(t, "Fleiss' kappa", got, 0.210)
}

// cohen builds two coders' yes/no ratings from a 2x2 table: both yes, A yes
// B no, A no B yes, both no.
func cohen(yy, yn, ny, nn int) *annotations.Reliability {
	r := &annotations.Reliability{Coders: []string{"A", "B"}}
	add := func(n int, a, b string) {
		for range n {
			r.Units = append(r.Units, strconv.Itoa(len(r.Units)+1))
			r.Values = append(r.Values, []string{a, b})
		}
	}
	add(yy, "yes", "yes")
	add(yn, "yes", "no")
	add(ny, "no", "yes")
	add(nn, "no", "no")
	return r
}

func TestCohenKappaWikipedia(t *testing.T) {
	tests := []struct {
		name string
		data *annotations.Reliability
		want float64
	}{
		// Wikipedia, "Cohen's kappa", simple example: 50 grant proposals,
		// yes/yes 20, yes/no 5, no/yes 10, no/no 15: po 0.7, pe 0.5, kappa 0.4.
		{"50 proposals", cohen(20, 5, 10, 15), 0.4},
		// Wikipedia, "Same percentages but different numbers": both tables
		// have po 0.60; kappa 0.1304 and 0.2593.
		{"45/15/25/15", cohen(45, 15, 25, 15), 0.1304},
		{"25/35/5/35", cohen(25, 35, 5, 35), 0.2593},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.data.CohenKappa()
			if err != nil {
				t.Fatal(err)
			}
			near(t, "kappa", got, tt.want)
		})
	}
}

func TestPercentAgreement(t *testing.T) {
	// Unit 1: 3 values, all agree: 3 agreeing pairs of 3. Unit 2: a a b:
	// 1 of 3. Unit 3: one value, no pair. 4 of 6 pairs agree.
	r := matrix("a a x", "a a .", "a b .")
	got, err := r.PercentAgreement()
	if err != nil {
		t.Fatal(err)
	}
	near(t, "percent agreement", got, 4.0/6)
	// With two coders percent agreement is Cohen's po.
	got, err = cohen(20, 5, 10, 15).PercentAgreement()
	if err != nil {
		t.Fatal(err)
	}
	near(t, "po", got, 0.7)
}

func TestDegenerateInput(t *testing.T) {
	same := matrix("a a a", "a a a")
	one := matrix("a b c")
	lonely := matrix("a . .", ". b .")
	tests := []struct {
		name string
		run  func() (float64, error)
		want error
	}{
		{"alpha with one coder", func() (float64, error) { return one.KrippendorffAlpha(annotations.Nominal) }, annotations.ErrTooFewCoders},
		{"alpha without pairs", func() (float64, error) { return lonely.KrippendorffAlpha(annotations.Nominal) }, annotations.ErrNoPairableValues},
		{"alpha without variation", func() (float64, error) { return same.KrippendorffAlpha(annotations.Nominal) }, annotations.ErrNoVariation},
		{"alpha on labels as numbers", func() (float64, error) { return matrix("a b", "a c").KrippendorffAlpha(annotations.Interval) }, annotations.ErrNotNumeric},
		{"ratio below zero", func() (float64, error) { return matrix("-1 2", "1 2").KrippendorffAlpha(annotations.Ratio) }, annotations.ErrNegativeValue},
		{"percent without pairs", lonely.PercentAgreement, annotations.ErrNoPairableValues},
		{"Fleiss with unequal units", matrix("a a", "a .").FleissKappa, annotations.ErrUnequalRatings},
		{"Fleiss without variation", same.FleissKappa, annotations.ErrNoVariation},
		{"Cohen with three coders", matrix("a", "a", "b").CohenKappa, annotations.ErrNotTwoCoders},
		{"Cohen without shared units", lonely.CohenKappa, annotations.ErrNoPairableValues},
		{"Cohen without variation", same.CohenKappa, annotations.ErrNoVariation},
		{"ragged matrix", (&annotations.Reliability{Units: []string{"u"}, Coders: []string{"A", "B"}, Values: [][]string{{"a"}}}).PercentAgreement, annotations.ErrMatrixShape},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.run()
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
	if got, err := same.PercentAgreement(); err != nil || got != 1 {
		t.Errorf("percent agreement without variation = %v, %v; want 1", got, err)
	}
}

func TestNumericValuesCompareAsNumbers(t *testing.T) {
	a, err := matrix("1 2 3 4", "1.0 2 3.00 5").KrippendorffAlpha(annotations.Interval)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := matrix("1 2 3 4", "1 2 3 5").KrippendorffAlpha(annotations.Interval)
	near(t, "alpha with 1.0 for 1", a, b)
}

func TestUnitAgreement(t *testing.T) {
	r := matrix("a a x .", "a b y .", "a b z q")
	got, err := r.UnitAgreement()
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		majority     string
		share, disag float64
		values       int
	}{
		{"a", 1, 0, 3},
		{"b", 2.0 / 3, 2.0 / 3, 3},
		{"", 1.0 / 3, 1, 3},
		{"q", 1, 0, 1},
	}
	for i, w := range want {
		g := got[i]
		if g.Majority != w.majority || g.Values != w.values || math.Abs(g.MajorityShare-w.share) > 1e-9 || math.Abs(g.Disagreement-w.disag) > 1e-9 {
			t.Errorf("unit %s = %+v, want %+v", g.Unit, g, w)
		}
	}
	if c := got[1].Counts; len(c) != 2 || c[0] != (annotations.ValueCount{Value: "b", Count: 2}) {
		t.Errorf("counts of u2 = %v, want b 2 first", c)
	}
}

func TestReport(t *testing.T) {
	rep, err := krippendorff2011.Report(annotations.Nominal)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Units != 12 || rep.Coders != 4 || rep.PairableValues != 40 || rep.Level != "nominal" {
		t.Errorf("report = %+v", rep)
	}
	if rep.KrippendorffAlpha == nil || rep.PercentAgreement == nil || rep.FleissKappa != nil || rep.CohenKappa != nil {
		t.Errorf("report coefficients = %+v; want alpha and percent only", rep)
	}
	if len(rep.Notes) != 2 {
		t.Errorf("notes = %q, want why Fleiss and Cohen are undefined", rep.Notes)
	}
	if _, err := matrix("a b", "c d").Report(annotations.Ordinal); !errors.Is(err, annotations.ErrNotNumeric) {
		t.Errorf("ordinal report on labels: err = %v, want ErrNotNumeric", err)
	}
}

func TestReadReliabilityCSV(t *testing.T) {
	src := "\uFEFFunit,ann,bob\ns1,supports, opposes\ns2,,neutral\n\"s,3\",\"a \"\"b\"\"\",\n"
	r, err := annotations.ReadReliabilityCSV(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(r.Coders, "|") != "ann|bob" || strings.Join(r.Units, "|") != "s1|s2|s,3" {
		t.Fatalf("coders %q units %q", r.Coders, r.Units)
	}
	if r.Values[1][0] != "" || r.Values[2][0] != `a "b"` || r.PairableValues() != 2 {
		t.Errorf("values = %q", r.Values)
	}
	_, err = annotations.ReadReliabilityCSV(strings.NewReader("unit,a,b\ns1,x\n"))
	if !errors.Is(err, annotations.ErrMatrixShape) || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("short row: err = %v, want ErrMatrixShape at line 2", err)
	}
}

func BenchmarkKrippendorffAlpha(b *testing.B) {
	// 5,000 sentences by 30 annotators, 4 labels, 1 in 5 missing.
	r := &annotations.Reliability{}
	labels := []string{"supports", "opposes", "neutral", "unrelated", ""}
	for c := range 30 {
		r.Coders = append(r.Coders, "c"+strconv.Itoa(c))
	}
	for u := range 5000 {
		r.Units = append(r.Units, "s"+strconv.Itoa(u+1))
		row := make([]string, 30)
		for c := range row {
			row[c] = labels[(u*7+c*c+u/3)%len(labels)]
		}
		r.Values = append(r.Values, row)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Report(annotations.Nominal); err != nil {
			b.Fatal(err)
		}
	}
}
