//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"stancemark/annotations"
)

// agreeJSON runs "stancemark agree -json" and decodes its one object.
func agreeJSON(t *testing.T, stdin string, args ...string) map[string]any {
	t.Helper()
	out, errOut, code := stancemark(t, stdin, append([]string{"agree", "-json"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("output %q is not one JSON object: %v", out, err)
	}
	// The keys of stancemark-agree-v2, and a "_why" beside each null
	// coefficient, none beside a number.
	var keys []string
	for k := range m {
		if !strings.HasSuffix(k, "_why") {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	if strings.Join(keys, ",") != "coders,cohen_kappa,confusion,fleiss_kappa,gwet_ac1,krippendorff_alpha,level,pairable_units,pairable_values,pairwise_cohen,per_label,percent_agreement,units" {
		t.Errorf("keys = %v", keys)
	}
	for _, c := range []string{"percent_agreement", "krippendorff_alpha", "fleiss_kappa", "cohen_kappa", "gwet_ac1"} {
		if why, ok := m[c+"_why"].(string); (m[c] == nil) != (ok && why != "") {
			t.Errorf("%s = %v with %s_why %v", c, m[c], c, m[c+"_why"])
		}
	}
	return m
}

func approx(v any, want float64) bool {
	f, ok := v.(float64)
	return ok && math.Abs(f-want) < 1e-3
}

// krippendorffCSV is the reliability data of Krippendorff, "Computing
// Krippendorff's Alpha-Reliability" (2011), section C, as a matrix.
const krippendorffCSV = `unit,A,B,C,D
1,1,1,,1
2,2,2,3,2
3,3,3,3,3
4,3,3,3,3
5,2,2,2,2
6,1,2,3,4
7,4,4,4,4
8,1,1,2,1
9,2,2,2,2
10,,5,5,5
11,,,1,1
12,,3,,
`

func TestAgreeMatrix(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.csv")
	os.WriteFile(path, []byte(krippendorffCSV), 0o644)
	m := agreeJSON(t, "", "-matrix", path)
	if m["units"] != 12.0 || m["coders"] != 4.0 || m["pairable_values"] != 40.0 || m["level"] != "nominal" ||
		!approx(m["krippendorff_alpha"], 0.743) || m["fleiss_kappa"] != nil || m["cohen_kappa"] != nil ||
		!approx(m["gwet_ac1"], 0.77544) || m["pairable_units"] != 11.0 {
		t.Errorf("nominal = %v", m)
	}
	if pairs, _ := m["pairwise_cohen"].([]any); len(pairs) != 6 {
		t.Errorf("pairwise_cohen = %v, want the 6 pairs of 4 coders", m["pairwise_cohen"])
	}
	for level, want := range map[string]float64{"ordinal": 0.815, "interval": 0.849, "ratio": 0.797} {
		if m := agreeJSON(t, "", "-matrix", path, "-level", level); !approx(m["krippendorff_alpha"], want) || m["level"] != level {
			t.Errorf("%s: alpha %v, want %.3f", level, m["krippendorff_alpha"], want)
		}
	}
	// Standard input, two coders, every unit rated by both: Cohen and
	// Fleiss are defined (Wikipedia's 50-proposal example in miniature:
	// po 0.7, pe 0.5, kappa 0.4 over 10 units).
	two := "unit,a,b\n" + strings.Repeat("u,yes,yes\n", 4) + "u,yes,no\n" + strings.Repeat("u,no,yes\n", 2) + strings.Repeat("u,no,no\n", 3)
	m = agreeJSON(t, two, "-matrix", "-")
	if !approx(m["cohen_kappa"], 0.4) || m["fleiss_kappa"] == nil || !approx(m["percent_agreement"], 0.7) {
		t.Errorf("two coders = %v", m)
	}
}

func TestAgreeExports(t *testing.T) {
	dir := t.TempDir()
	files := threeAnnotators(t, dir)
	m := agreeJSON(t, "", files...)
	// s1: 3 supports; s2: supports, neutral, supports; s5: 3 opposes/neutral
	// (opposes 2); s6: Cy alone. 9 pairable values, 5 of 9 pairs agree.
	// The 19 sentences nobody tagged are not units.
	if m["units"] != 4.0 || m["pairable_units"] != 3.0 || m["coders"] != 3.0 || m["pairable_values"] != 9.0 || !approx(m["percent_agreement"], 5.0/9) ||
		m["fleiss_kappa"] != nil || m["cohen_kappa"] != nil || m["krippendorff_alpha"] == nil || m["gwet_ac1"] == nil {
		t.Errorf("agree = %v", m)
	}
	m = agreeJSON(t, "", append([]string{"-none"}, files...)...)
	if m["units"] != 4.0 || m["pairable_values"] != 12.0 || m["fleiss_kappa"] == nil {
		t.Errorf("agree -none = %v; want the 4 tagged sentences valued and Fleiss defined", m)
	}
	out, errOut, code := stancemark(t, "", append([]string{"agree"}, files...)...)
	for _, want := range []string{"Krippendorff's alpha", "Gwet's AC1", "s2", "supports 2, neutral 1", "units                 4 (3 with values",
		"Which to read: ", "Agreement per label", "Cohen's kappa per pair of coders", "Ada – Bob", "Confusion matrix", "Fleiss' kappa: undefined"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("table: exit %d, no %q in\n%s%s", code, want, out, errOut)
		}
	}
}

func TestAgreeRefusesOtherDocuments(t *testing.T) {
	dir := t.TempDir()
	ada := writeExport(t, dir, "ada.json", "Ada", tagRun{0, 0, "supports"})
	doc, _ := annotations.NewDocument("Another article", "Short text. Two sentences.")
	w := annotations.NewWorkspace(doc)
	w.Annotator = "Bob"
	other := filepath.Join(dir, "other.json")
	f, _ := os.Create(other)
	annotations.WriteExport(f, w.Export(time.Now()))
	f.Close()
	_, errOut, code := stancemark(t, "", "agree", ada, other)
	if code != 1 || !strings.Contains(errOut, other+" is for another document") || !strings.Contains(errOut, "Another article") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestAgreeErrors(t *testing.T) {
	dir := t.TempDir()
	labels := filepath.Join(dir, "labels.csv")
	os.WriteFile(labels, []byte("unit,a,b\ns1,supports,opposes\n"), 0o644)
	ragged := filepath.Join(dir, "ragged.csv")
	os.WriteFile(ragged, []byte("unit,a,b\ns1,1\n"), 0o644)
	one := filepath.Join(dir, "one.csv")
	os.WriteFile(one, []byte("unit,a\ns1,1\n"), 0o644)
	ada := writeExport(t, dir, "ada.json", "Ada")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"help", []string{"agree", "-h"}, 0, "Usage: stancemark agree"},
		{"nothing to read", []string{"agree"}, 2, "needs export FILEs or -matrix"},
		{"bad level", []string{"agree", "-level", "cardinal", "-matrix", labels}, 2, `unknown level "cardinal"`},
		{"matrix and files", []string{"agree", "-matrix", labels, ada}, 2, "not both"},
		{"labels at the ordinal level", []string{"agree", "-level", "ordinal", "-matrix", labels}, 1, `"supports" is not a number; the ordinal level needs numbers`},
		{"ragged matrix", []string{"agree", "-matrix", ragged}, 1, "line 2"},
		{"one coder", []string{"agree", "-matrix", one}, 1, "at least two coders"},
		{"one file", []string{"agree", ada}, 1, "two annotators or more"},
		{"missing file", []string{"agree", ada, filepath.Join(dir, "nope.json")}, 1, "nope.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := stancemark(t, "", tt.args...)
			if code != tt.code || !strings.Contains(out+errOut, tt.want) {
				t.Errorf("exit %d, output %q; want exit %d and %q", code, out+errOut, tt.code, tt.want)
			}
		})
	}
}

// TestAgreeNamesAnonymousExportsByTheOneRule: exports without an annotator's
// name are named as in every other output (annotations.AnnotatorName), not
// by their file names, and two of them stay apart.
func TestAgreeNamesAnonymousExportsByTheOneRule(t *testing.T) {
	dir := t.TempDir()
	files := []string{
		writeExport(t, dir, "first.json", "", tagRun{0, 1, "supports"}),
		writeExport(t, dir, "second.json", "", tagRun{0, 0, "supports"}, tagRun{1, 1, "neutral"}),
	}
	var names []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		e, err := annotations.ReadExport(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, annotations.AnnotatorName(e))
	}
	if names[0] == names[1] || !strings.HasPrefix(names[0], "anonymous-") {
		t.Fatalf("AnnotatorName gave %q and %q", names[0], names[1])
	}
	out, errOut, code := stancemark(t, "", append([]string{"agree"}, files...)...)
	if code != 0 || !strings.Contains(out, names[0]) || !strings.Contains(out, names[1]) || strings.Contains(out, "first.json") {
		t.Errorf("exit %d; the coders are not named %s and %s:\n%s%s", code, names[0], names[1], out, errOut)
	}
}
