//go:build !wasm

package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"stancemark/annotations"
)

const agreeUsage = `Usage: stancemark agree [-json] [-level LEVEL] [-none] FILE...
       stancemark agree -project PROJECT.json [-json] [-level LEVEL] [-none] SUBMISSION...
       stancemark agree -matrix FILE.csv [-json] [-level LEVEL]

Compute inter-annotator agreement.

With FILEs: stancemark/v1 exports of the same document by different
annotators ("-" reads standard input). A unit is a sentence, a coder is a
file (named by its annotator, else by the file name), a value is the label
of the highlight covering the sentence; an untagged sentence is missing
(with -none it has the value "none"). Files of different documents or
label sets are refused.

With -project: annotators' submissions on the project
(stancemark-submission/v1). A unit is a sentence of a task (sentence ×
claim, named TASK:SENTENCE), a coder is a submission (its annotator), and a
coder has values only on the tasks they worked on. Agreement is computed
over the whole project, then for each claim. Submissions of another project
or of another version of it are refused. With -json, one object:

	{"project":{...as below...},"claims":[{"claim","text","report":{...}}]}

With -matrix: a reliability matrix in CSV, a header unit,<coder>,<coder>,...
then one row per unit: its id, then one value per coder; an empty cell is
missing.

A sentence that no file tagged is not a unit, with or without -none: the
rule of the class dashboard too. A unit is a row with at least one value,
and "units" says how many were used.

The output is a table: percent agreement (agreeing pairs of values within
units among all such pairs), Krippendorff's alpha at LEVEL (nominal,
ordinal, interval or ratio; all but nominal need numeric values), Fleiss'
kappa (only when every unit has the same number of values), Cohen's kappa
(only with exactly two coders, over the units both rated), Gwet's AC1
(nominal, missing data allowed), with one sentence on which to read: when
one label dominates, kappa and alpha count most agreement as chance and run
low while AC1 does not. Then the agreement on each label (specific
agreement: of the pairs of values within a unit involving the label, the
share where both are it), Cohen's kappa for every pair of coders, the
confusion matrix (Krippendorff's coincidences: which labels are given
together to one unit), and the units where coders disagree. With -json,
one object (web/schema/stancemark-agree-v2.schema.json):

	{"units":N,"pairable_units":N,"coders":M,"pairable_values":N,
	 "percent_agreement":x,"krippendorff_alpha":x,"fleiss_kappa":x,
	 "cohen_kappa":x,"gwet_ac1":x,"level":"nominal",
	 "per_label":[{"label","values","agreement"}],
	 "pairwise_cohen":[{"a","b","units","kappa"}],
	 "confusion":{"values":[...],"counts":[[...]]}}

where a coefficient that is undefined for the data is null and comes with
its reason: "fleiss_kappa":null,"fleiss_kappa_why":"undefined: ...".

Flags:
`

func runAgree(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("agree", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print one JSON object instead of a table")
	levelName := fs.String("level", "nominal", "level of measurement for Krippendorff's alpha: nominal, ordinal, interval or ratio")
	matrix := fs.String("matrix", "", "read a reliability matrix from `FILE.csv` instead of exports")
	projectFile := fs.String("project", "", "the FILEs are submissions on the project `PROJECT.json`; agreement per claim and over the project")
	none := fs.Bool("none", false, `count an untagged sentence as the value "none" instead of missing`)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), agreeUsage)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	level, err := annotations.ParseLevel(*levelName)
	if err != nil {
		fs.Usage()
		return usageError{err.Error()}
	}
	var r *annotations.Reliability
	switch {
	case *matrix != "" && fs.NArg() > 0:
		fs.Usage()
		return usageError{"agree takes either -matrix FILE.csv or export FILEs, not both"}
	case *matrix != "" && *projectFile != "":
		fs.Usage()
		return usageError{"agree takes either -matrix FILE.csv or -project PROJECT.json, not both"}
	case *projectFile != "" && fs.NArg() == 0:
		fs.Usage()
		return usageError{"agree -project needs SUBMISSION files"}
	case *projectFile != "":
		return agreeSubmissions(*projectFile, fs.Args(), level, *none, *asJSON, stdin, stdout, stderr)
	case *matrix != "" && *none:
		fs.Usage()
		return usageError{"-none applies to exports, not to -matrix"}
	case *matrix != "":
		if r, err = readMatrix(*matrix, stdin); err != nil {
			return err
		}
	case fs.NArg() == 0:
		fs.Usage()
		return usageError{"agree needs export FILEs or -matrix FILE.csv"}
	default:
		if r, err = exportsMatrix(fs.Args(), *none, stdin, stderr); err != nil {
			return err
		}
	}
	rep, err := r.Report(level)
	if err != nil {
		return fmt.Errorf("computing agreement failed: %w", err)
	}
	if *asJSON {
		return json.NewEncoder(stdout).Encode(rep)
	}
	units, err := r.UnitAgreement()
	if err != nil {
		return err
	}
	return printAgreement(stdout, r, rep, units)
}

// readMatrix reads a reliability matrix in CSV from the file name.
func readMatrix(name string, stdin io.Reader) (*annotations.Reliability, error) {
	var in io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("reading %s failed: %w", name, err)
		}
		defer f.Close()
		in = f
	}
	r, err := annotations.ReadReliabilityCSV(in)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(r.Coders) < 2 {
		return nil, fmt.Errorf("%s: %w (the header names %d)", name, annotations.ErrTooFewCoders, len(r.Coders))
	}
	return r, nil
}

// exportsMatrix reads exports of one document and returns their
// reliability data; every unreadable file is reported on stderr.
func exportsMatrix(names []string, none bool, stdin io.Reader, stderr io.Writer) (*annotations.Reliability, error) {
	exports, failed := readExports(names, nil, stdin, stderr)
	if failed > 0 {
		return nil, fmt.Errorf("%d of %d files could not be read; no agreement computed", failed, len(names))
	}
	if len(exports) < 2 {
		return nil, fmt.Errorf("%w: give the exports of two annotators or more (got %d file)", annotations.ErrTooFewCoders, len(exports))
	}
	first := exports[0]
	for i, e := range exports[1:] {
		if e.Document.ID != first.Document.ID {
			return nil, fmt.Errorf("%s is for another document, %q (%s), than %s, %q (%s); agreement needs exports of one document",
				names[i+1], e.Document.Title, e.Document.ID, names[0], first.Document.Title, first.Document.ID)
		}
		if e.Scheme.ID != first.Scheme.ID {
			return nil, fmt.Errorf("%s uses the label set %q, but %s uses %q; agreement needs one label set", names[i+1], e.Scheme.ID, names[0], first.Scheme.ID)
		}
	}
	untagged := ""
	if none {
		untagged = "none"
	}
	// An export without an annotator's name is named by annotations.AnnotatorName, as in every format.
	return annotations.ReliabilityFromExports(exports, untagged)
}

// printAgreement prints the report as a table, then the agreement per
// label, per pair of coders, the confusion matrix and the units where
// coders disagree, most disagreement first.
func printAgreement(w io.Writer, r *annotations.Reliability, rep *annotations.AgreementReport, units []annotations.UnitAgreement) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	coders := strings.Join(r.Coders, ", ")
	if len(r.Coders) > 8 {
		coders = strings.Join(r.Coders[:8], ", ") + ", …"
	}
	fmt.Fprintf(tw, "units\t%d (%d with values from two coders or more)\n", rep.Units, rep.PairableUnits)
	fmt.Fprintf(tw, "coders\t%d (%s)\n", rep.Coders, coders)
	fmt.Fprintf(tw, "pairable values\t%d\n", rep.PairableValues)
	fmt.Fprintf(tw, "level\t%s\n", rep.Level)
	for _, c := range []struct {
		name string
		x    *float64
	}{
		{"percent agreement", rep.PercentAgreement},
		{"Krippendorff's alpha", rep.KrippendorffAlpha},
		{"Fleiss' kappa", rep.FleissKappa},
		{"Cohen's kappa", rep.CohenKappa},
		{"Gwet's AC1", rep.GwetAC1},
	} {
		fmt.Fprintf(tw, "%s\t%s\n", c.name, threeDecimals(c.x))
	}
	tw.Flush()
	for _, n := range rep.Notes {
		fmt.Fprintf(w, "  %s\n", n)
	}
	if rep.Reading != "" {
		fmt.Fprintf(w, "\nWhich to read: %s\n", rep.Reading)
	}
	if len(rep.PerLabel) > 0 {
		fmt.Fprintln(w, "\nAgreement per label (specific agreement):")
		tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "label\tpairable values\tagreement")
		for _, l := range rep.PerLabel {
			fmt.Fprintf(tw, "%s\t%d\t%s\n", l.Label, l.Values, threeDecimals(l.Agreement))
		}
		tw.Flush()
	}
	if len(rep.PairwiseCohen) > 1 {
		fmt.Fprintln(w, "\nCohen's kappa per pair of coders:")
		tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "coders\tunits both rated\tkappa")
		for _, p := range rep.PairwiseCohen {
			fmt.Fprintf(tw, "%s – %s\t%d\t%s\n", p.A, p.B, p.Units, threeDecimals(p.Kappa))
		}
		tw.Flush()
	}
	if c := rep.Confusion; c != nil && len(c.Values) > 1 {
		fmt.Fprintln(w, "\nConfusion matrix (coincidences of values within units; the diagonal is agreement):")
		tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "\t%s\t\n", strings.Join(c.Values, "\t"))
		for i, row := range c.Counts {
			cells := make([]string, len(row))
			for j, x := range row {
				cells[j] = strconv.FormatFloat(x, 'f', 1, 64)
			}
			fmt.Fprintf(tw, "%s\t%s\t\n", c.Values[i], strings.Join(cells, "\t"))
		}
		tw.Flush()
	}
	if units == nil { // agree -project: a list per unit would be as long as the corpus
		return nil
	}
	var split []annotations.UnitAgreement
	for _, u := range units {
		if u.Disagreement > 0 {
			split = append(split, u)
		}
	}
	if len(split) == 0 {
		fmt.Fprintln(w, "\nNo unit splits the coders.")
		return nil
	}
	slices.SortStableFunc(split, func(a, b annotations.UnitAgreement) int {
		switch {
		case a.Disagreement > b.Disagreement:
			return -1
		case a.Disagreement < b.Disagreement:
			return 1
		}
		return 0
	})
	fmt.Fprintf(w, "\nUnits where coders disagree (%d of %d):\n", len(split), len(units))
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "unit\tvalues\tdisagreement\tvalues given")
	for _, u := range split {
		var vals []string
		for _, c := range u.Counts {
			vals = append(vals, fmt.Sprintf("%s %d", c.Value, c.Count))
		}
		fmt.Fprintf(tw, "%s\t%d\t%.3f\t%s\n", u.Unit, u.Values, u.Disagreement, strings.Join(vals, ", "))
	}
	return tw.Flush()
}

// threeDecimals shows an optional coefficient with three decimals, "-" for
// nil.
func threeDecimals(x *float64) string {
	if x == nil {
		return "-"
	}
	return strconv.FormatFloat(*x, 'f', 3, 64)
}
