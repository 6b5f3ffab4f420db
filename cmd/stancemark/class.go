//go:build !wasm

package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"stancemark/annotations"
)

const classUsage = `Usage: stancemark class [-json | -grades] [-top N] -key ASSIGNMENT.json SUBMISSION...

The teacher's class report: read an assignment (stancemark-assignment/v2 or
v1; for a graded assignment, the teacher's copy with the key, or the
teacher file stancemark-class/v1 the dashboard downloads) and the
students' submissions (stancemark-handin/v1 as the app's Submit writes
them, or stancemark/v1 exports carrying the assignment's id and the
student's name; "-" reads one from standard input).

It prints one row per student (sentences tagged, accuracy and Cohen's kappa
against the answer key, notes written), the class's agreement over the
sentences at least one student tagged (Fleiss' kappa and Gwet's AC1 with
"untagged" as a category, as agree -none; Krippendorff's alpha with
untagged as missing, as agree) with a one-line reading and which to read,
the sentences that split the class most,
and every sentence's label counts. Accuracy and kappa are "-" when the
assignment has no key.

A file that cannot be read, or that is not a submission for this assignment
(another assignment, another article, no student name), is reported on
standard error and left out; the others are still counted, and the exit
status is 1. When a student handed in several files, work submitted before
feedback beats work submitted after it (which is named "after feedback" on
standard error); between two from before feedback the newest (by its export
time) is kept. A submission whose claim or labels differ from the
assignment's is counted and named on standard error.

With -grades, the grades CSV for a gradebook (WriteGradesCSV):
student,assignment,score,out_of,percent,mode,attempt,after_feedback,flags.

With -json, one object:

	{"students":[{"name":"Ada","tagged":12,"accuracy":0.75,"kappa":0.61}, ...],
	 "sentences":[{"id":"s1","counts":{"supports":3,"opposes":1, ...},"key":"supports"}, ...],
	 "fleiss_kappa":0.42,"krippendorff_alpha":0.47}

where counts has every label of the scheme, and an undefined value is null.

Flags:
`

func runClass(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("class", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print one JSON object instead of tables")
	grades := fs.Bool("grades", false, "print the grades CSV instead of tables")
	keyFile := fs.String("key", "", "the assignment `FILE` (stancemark-assignment/v2 or v1, or the teacher file stancemark-class/v1), with or without an answer key")
	top := fs.Int("top", 5, "list the `N` sentences that split the class most (0: none)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), classUsage)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case *keyFile == "":
		fs.Usage()
		return usageError{"class needs -key ASSIGNMENT.json"}
	case fs.NArg() == 0:
		fs.Usage()
		return usageError{"class needs SUBMISSION files"}
	case *asJSON && *grades:
		fs.Usage()
		return usageError{"-json and -grades cannot be used together"}
	case *top < 0:
		fs.Usage()
		return usageError{"-top must be 0 or more"}
	}
	a, err := readAssignmentFile(*keyFile, stdin)
	if err != nil {
		return err
	}
	class := annotations.NewClass(a)
	failed := 0
	for _, name := range fs.Args() {
		data, err := readInput(name, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "stancemark: %s: %v\n", name, err)
			failed++
			continue
		}
		if err := class.Add(name, data); err != nil {
			fmt.Fprintf(stderr, "stancemark: %v\n", err)
			failed++
		}
	}
	r := class.Report()
	for _, d := range r.Duplicates {
		if d.AfterFeedback {
			fmt.Fprintf(stderr, "stancemark: %s handed in %s after feedback: not scored; %s is\n", d.Student, d.Dropped, d.Kept)
			continue
		}
		fmt.Fprintf(stderr, "stancemark: %s handed in more than one file: kept %s (the newest), left out %s\n", d.Student, d.Kept, d.Dropped)
	}
	for _, s := range r.Students {
		for _, f := range s.Flags {
			fmt.Fprintf(stderr, "stancemark: %s (%s) differs from the assignment in %s\n", s.Name, s.File, f)
		}
	}
	if *grades {
		if err := annotations.WriteGradesCSV(stdout, r); err != nil {
			return err
		}
	} else if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r.Summary()); err != nil {
			return err
		}
	} else if err := printClass(stdout, r, *top); err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d submission files could not be used (see above); the report counts the other %d", failed, fs.NArg(), fs.NArg()-failed)
	}
	return nil
}

// readInput reads the file name, or standard input for "-".
func readInput(name string, stdin io.Reader) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(stdin)
	}
	data, err := os.ReadFile(name)
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return data, err
}

// readAssignmentFile reads and validates an assignment file.
func readAssignmentFile(name string, stdin io.Reader) (*annotations.Assignment, error) {
	data, err := readInput(name, stdin)
	if err != nil {
		return nil, fmt.Errorf("reading the assignment %s failed: %w", name, err)
	}
	if strings.Contains(string(data[:min(len(data), 200)]), `"stancemark-class/`) { // the teacher file: its assignment, with the key
		c, err := annotations.ReadClass(strings.NewReader(string(data)))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return c.Assignment, nil
	}
	a, err := annotations.ReadAssignment(strings.NewReader(string(data)))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return a, nil
}

// printClass prints the report as tables.
func printClass(w io.Writer, r *annotations.ClassReport, top int) error {
	a := r.Assignment
	title := a.Title
	if title == "" {
		title = a.Document.Title
	}
	key := "no answer key"
	if a.HasKey() {
		tagged := 0
		for _, h := range a.Key {
			tagged += len(h.SentenceIDs)
		}
		key = fmt.Sprintf("answer key on %d of %d sentences", tagged, len(a.Document.Sentences))
	}
	fmt.Fprintf(w, "%s (%s): %d students, %s\n\n", title, a.ID, len(r.Students), key)

	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "student\ttagged\taccuracy\tkappa\tnotes\tfile")
	for _, s := range r.Students {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%d\t%s\n", s.Name, s.Tagged, ratio(s.Accuracy), ratio(s.Kappa), s.Notes, s.File)
	}
	tw.Flush()

	fmt.Fprintf(w, "\nClass agreement, over the %s at least one student tagged (sentences nobody tagged are left out, as in stancemark agree):\n", sentences(r.Units))
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, c := range []struct {
		name          string
		x             *float64
		reading, note string
	}{
		{"Fleiss' kappa", r.FleissKappa, r.FleissReading, r.FleissNote},
		{"Krippendorff's alpha", r.KrippendorffAlpha, r.AlphaReading, r.AlphaNote},
		{"Gwet's AC1", r.GwetAC1, "", r.AC1Note},
	} {
		text := c.reading
		if c.x == nil {
			text = c.note
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", c.name, ratio(c.x), text)
	}
	tw.Flush()
	if r.Reading != "" {
		fmt.Fprintf(w, "  Which to read: %s\n", r.Reading)
	}

	if split := r.ByDisagreement(); top > 0 && len(split) > 0 {
		fmt.Fprintf(w, "\nSentences that split the class most (%d of %d):\n", min(top, len(split)), len(split))
		for _, s := range split[:min(top, len(split))] {
			fmt.Fprintf(w, "  %-4s  %.2f  %s\n", s.ID, s.Disagreement, clip(s.Text, 72))
		}
	}

	fmt.Fprintln(w, "\nLabels per sentence (* the key's label):")
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	header := "sentence\t"
	for _, l := range a.Scheme.Labels {
		header += l.ID + "\t"
	}
	fmt.Fprintln(tw, header+"untagged\tdisagreement\t")
	for _, s := range r.Sentences {
		line := s.ID + "\t"
		for _, l := range a.Scheme.Labels {
			mark := ""
			if l.ID == s.Key {
				mark = "*"
			}
			line += mark + strconv.Itoa(s.Counts[l.ID]) + "\t"
		}
		fmt.Fprintf(tw, "%s%d\t%.2f\t\n", line, s.Untagged, s.Disagreement)
	}
	total := "total\t"
	for _, l := range r.Labels {
		total += strconv.Itoa(l.Sentences) + "\t"
	}
	fmt.Fprintf(tw, "%s%d\t\t\n", total, r.Untagged)
	return tw.Flush()
}

// ratio formats x with three decimals, or "-" for nil.
func ratio(x *float64) string {
	if x == nil {
		return "-"
	}
	return strconv.FormatFloat(*x, 'f', 3, 64)
}

// clip shortens s to at most n characters, ending it with "…".
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// sentences is "1 sentence", "2 sentences".
func sentences(n int) string {
	if n == 1 {
		return "1 sentence"
	}
	return fmt.Sprintf("%d sentences", n)
}
