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

The output is a table: percent agreement (agreeing pairs of values within
units among all such pairs), Krippendorff's alpha at LEVEL (nominal,
ordinal, interval or ratio; all but nominal need numeric values), Fleiss'
kappa (only when every unit has the same number of values), Cohen's kappa
(only with exactly two coders, over the units both rated), then the units
where coders disagree. With -json, one object:

	{"units":N,"coders":M,"pairable_values":N,"percent_agreement":x,
	 "krippendorff_alpha":x,"fleiss_kappa":x,"cohen_kappa":x,"level":"nominal"}

where a coefficient that is undefined for the data is null.

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
	r, err := annotations.ReliabilityFromExports(exports, untagged)
	if err != nil {
		return nil, err
	}
	for c, e := range exports {
		if e.Annotator.Name == "" {
			r.Coders[c] = names[c]
		}
	}
	return r, nil
}

// printAgreement prints the report as a table, then the units where coders
// disagree, most disagreement first.
func printAgreement(w io.Writer, r *annotations.Reliability, rep *annotations.AgreementReport, units []annotations.UnitAgreement) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	coders := strings.Join(r.Coders, ", ")
	if len(r.Coders) > 8 {
		coders = strings.Join(r.Coders[:8], ", ") + ", …"
	}
	fmt.Fprintf(tw, "units\t%d\n", rep.Units)
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
	} {
		v := "-"
		if c.x != nil {
			v = strconv.FormatFloat(*c.x, 'f', 3, 64)
		}
		fmt.Fprintf(tw, "%s\t%s\n", c.name, v)
	}
	tw.Flush()
	for _, n := range rep.Notes {
		fmt.Fprintf(w, "  %s\n", n)
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
