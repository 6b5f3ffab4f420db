//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"stancemark/annotations"
)

const projectNewUsage = `Usage: stancemark project new -o PROJECT.json [-title T] [-labels PRESET|SCHEME.json] [-codebook FILE] [-annotators a,b,c] [-overlap K] [-claims FILE] [-id-column NAME] [-title-column NAME] [-text-column NAME] INPUT...

Build a research project (stancemark-project/v1) and write it to -o
PROJECT.json ("-o -" writes to standard output). An existing file is
overwritten, through a temporary file renamed over it, so that a failure
never leaves half a file. The same inputs always give the same bytes.

Each INPUT is one of

	a .txt, .md or .html article, or a folder of them (read as the app
	opens files; other files in the folder are skipped)
	a CSV or JSONL (.jsonl, .ndjson) of articles, one per row or line,
	with the columns id, title and text (other names with -id-column,
	-title-column, -text-column); only text is required, and other
	columns are kept as the article's metadata
	FNC-1's bodies.csv (header "Body ID,articleBody") and stances.csv
	(header "Headline,Body ID[,Stance]"), told apart by their headers:
	each headline is a claim, each row a task, and Stance its reference
	label (the labels default to the fnc1 preset)

Articles that no input pairs with a claim are judged against every claim
of -claims FILE (one claim per line; blank lines are skipped).

-labels is a preset (default, fnc1, semeval2016, rumoureval, fever) or a
scheme JSON file ({"id","name","labels":[{"id","name","key","color"}]}).

-codebook is the guidelines, plain text or Markdown. A heading "## ID"
(a label id or name of the scheme) starts that label's definition; its
lines that start with "Example:" (or "- Example:") are its examples. Any
other text is the general guidelines.

-annotators lists who takes part; each task goes to -overlap of them
(default: all of them).

Errors name the file, line and column.

Flags:
`

// newOptions are the flags of "project new".
type newOptions struct {
	out, title, labels, codebook, annotators, claims string
	idColumn, titleColumn, textColumn                string
	overlap                                          int
}

func newFlags(w io.Writer) (*flag.FlagSet, *newOptions) {
	o := &newOptions{}
	fs := flag.NewFlagSet("project new", flag.ContinueOnError)
	fs.SetOutput(w)
	fs.StringVar(&o.out, "o", "", "write the project to `PROJECT.json` (overwritten; \"-\" for standard output)")
	fs.StringVar(&o.title, "title", "", "the project's `title` (default: the first article's title)")
	fs.StringVar(&o.labels, "labels", "", "a label preset `PRESET|SCHEME.json` (default \"default\", \"fnc1\" for FNC-1 stances)")
	fs.StringVar(&o.codebook, "codebook", "", "the guidelines, a plain-text or Markdown `FILE`")
	fs.StringVar(&o.annotators, "annotators", "", "the annotators, comma-separated: `a,b,c`")
	fs.IntVar(&o.overlap, "overlap", 0, "with -annotators: how many annotators get each task, `K` (default: all)")
	fs.StringVar(&o.claims, "claims", "", "claims for the articles no input pairs, one per line of `FILE`")
	fs.StringVar(&o.idColumn, "id-column", "id", "the id column of article CSV and JSONL inputs, `NAME`")
	fs.StringVar(&o.titleColumn, "title-column", "title", "the title column of article CSV and JSONL inputs, `NAME`")
	fs.StringVar(&o.textColumn, "text-column", "text", "the text column of article CSV and JSONL inputs, `NAME`")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), projectNewUsage)
		fs.PrintDefaults()
	}
	return fs, o
}

func runProjectNew(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs, o := newFlags(stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	usage := func(msg string) error {
		fs.Usage()
		return usageError{msg}
	}
	annotators := annotations.AnnotatorList(o.annotators)
	switch {
	case o.out == "":
		return usage("project new needs -o PROJECT.json")
	case fs.NArg() == 0:
		return usage("project new needs at least one INPUT")
	case o.overlap != 0 && len(annotators) == 0:
		return usage("-overlap needs -annotators")
	case o.overlap < 0 || o.overlap > len(annotators):
		return usage(fmt.Sprintf("-overlap %d: want 1 to %d (the number of annotators)", o.overlap, len(annotators)))
	}
	in, err := readProjectInputs(fs.Args(), annotations.ProjectColumns{ID: o.idColumn, Title: o.titleColumn, Text: o.textColumn})
	if err != nil {
		return err
	}
	set := annotations.ProjectSettings{Title: o.title, Scheme: in.DefaultScheme(), Annotators: annotators, Overlap: o.overlap}
	if o.claims != "" {
		if set.Claims, err = readClaims(o.claims); err != nil {
			return err
		}
	}
	if o.labels != "" {
		if set.Scheme, err = readLabels(o.labels); err != nil {
			return err
		}
	}
	if o.codebook != "" {
		if set.Codebook, err = readCodebook(o.codebook, set.Scheme); err != nil {
			return err
		}
	}
	p, err := in.Project(set)
	switch {
	case errors.Is(err, annotations.ErrNoClaims) && err.Error() == "the inputs have no claims":
		return usageError{err.Error() + ": give them with -claims FILE (one claim per line)"}
	case errors.Is(err, annotations.ErrNoClaims):
		return usageError{err.Error() + ": give claims with -claims FILE"}
	case errors.Is(err, annotations.ErrUnknownLabel):
		return fmt.Errorf("%w; choose the labels with -labels", err)
	case err != nil:
		return fmt.Errorf("building the project failed: %w", err)
	}
	var buf bytes.Buffer
	if err := annotations.WriteProject(&buf, p); err != nil {
		return err
	}
	if err := writeAtomic(o.out, buf.Bytes(), stdout); err != nil {
		return err
	}
	if o.out != "-" {
		fmt.Fprintf(stderr, "wrote %s: %d documents, %d claims, %d tasks\n", o.out, len(p.Documents), len(p.Claims), len(p.Tasks))
	}
	return nil
}

// readLabels returns the preset named name, or the scheme in the JSON file
// name.
func readLabels(name string) (annotations.Scheme, error) {
	var ids []string
	for _, s := range annotations.Presets() {
		if s.ID == name {
			return s, nil
		}
		ids = append(ids, s.ID)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		if os.IsNotExist(err) && !strings.HasSuffix(name, ".json") {
			return annotations.Scheme{}, usageError{fmt.Sprintf("-labels %s: no such preset (the presets are %s) and no such file", name, strings.Join(ids, ", "))}
		}
		return annotations.Scheme{}, fmt.Errorf("%s: %w", name, unwrapPath(err))
	}
	var s annotations.Scheme
	if err := json.Unmarshal(data, &s); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col := annotations.LineColumn(data, int(se.Offset)-1)
			return s, fmt.Errorf("%s:%d:%d: invalid JSON: %v", name, line, col, se)
		}
		return s, fmt.Errorf("%s: %w", name, err)
	}
	if err := s.Validate(); err != nil {
		return s, fmt.Errorf("%s: %w", name, err)
	}
	return s, nil
}

// readClaims reads one claim per line of the file name.
func readClaims(name string) ([]string, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, unwrapPath(err))
	}
	claims := annotations.ClaimLines(string(data))
	if len(claims) == 0 {
		return nil, fmt.Errorf("%s: no claim (the file should have one claim per line)", name)
	}
	return claims, nil
}
