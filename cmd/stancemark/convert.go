//go:build !wasm

package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"

	"stancemark/annotations"
)

const convertUsage = `Usage: stancemark convert -to FORMAT [-o FILE] [-majority] [-project PROJECT.json] FILE...

Read stancemark/v1 exports and write them in another format, to standard
output or to -o FILE ("-o -" is standard output too). A FILE "-" reads
standard input, which can be given once. With -project, a FILE may
also be an annotator's submission on that project
(stancemark-submission/v1): it stands for one export per task with work
(the task's document, the project's labels with the claim as target).
FORMAT is one of

	json     stancemark/v1 again, validated (same document, scheme,
	         annotations and "exported"); several files give JSON Lines,
	         one export per line
	w3c      one W3C Web Annotation AnnotationCollection (JSON-LD), in
	         pages of 1000 annotations
	csv      one row per sentence per file: document_id, sentence_id, index,
	         paragraph, start, end, text, label, note, annotator
	jsonl    one highlight per line, self-contained
	semeval  SemEval-2016 Task 6 TSV: ID, Target, Tweet, Stance, then
	         Annotator, Document, Highlight (one row per highlight)
	pairs    claim-sentence pairs, one JSON object per tagged sentence

Offsets count Unicode code points. In csv and semeval a cell that starts
with =, +, -, @, a tab or a carriage return gets a leading ' so that a
spreadsheet does not run it as a formula. An export without an annotator
is named "anonymous-" and 8 hex digits of its content, in every format.
A file that cannot be read is reported
on standard error with the field at fault; the others are still converted,
and the exit status is 1.

Flags:
`

func runConvert(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("convert", flag.ContinueOnError)
	fs.SetOutput(stderr)
	to := fs.String("to", "", "output `format`: json, w3c, csv, jsonl, semeval or pairs")
	out := fs.String("o", "", "write to `FILE` instead of standard output")
	projectFile := fs.String("project", "", "read submissions (stancemark-submission/v1) on the project `PROJECT.json`")
	majority := fs.Bool("majority", false, "semeval and pairs: merge the files (annotators of one document) into one row per\nsentence with the majority label and the agreement")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), convertUsage)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case *to == "":
		fs.Usage()
		return usageError{"convert needs -to FORMAT"}
	case !slices.Contains(annotations.Formats, *to):
		fs.Usage()
		return usageError{fmt.Sprintf("unknown format %q for -to (want %s)", *to, strings.Join(annotations.Formats, ", "))}
	case *majority && *to != "semeval" && *to != "pairs":
		fs.Usage()
		return usageError{"-majority works with -to semeval or -to pairs"}
	case fs.NArg() == 0:
		fs.Usage()
		return usageError{"convert needs at least one FILE"}
	case countStdin(fs.Args()) > 1:
		return usageError{stdinTwice}
	}
	project, err := readProjectFlag(*projectFile)
	if err != nil {
		return err
	}
	exports, failed := readExports(fs.Args(), project, stdin, stderr)
	if len(exports) > 0 {
		write := func(w io.Writer) error {
			var err error
			switch {
			case *majority && *to == "semeval":
				err = annotations.WriteSemEval(w, exports, annotations.DatasetOptions{Majority: true})
			case *majority:
				err = annotations.WritePairs(w, exports, annotations.DatasetOptions{Majority: true})
			default:
				err = annotations.WriteFormat(w, *to, exports)
			}
			if err != nil {
				return fmt.Errorf("converting to %s failed: %w", *to, err)
			}
			return nil
		}
		if err := writeConverted(*out, *to, write, stdout); err != nil {
			return err
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files could not be converted", failed, fs.NArg())
	}
	return nil
}

// writeConverted writes the conversion to the file name (through a
// temporary file renamed over it) or to stdout ("" or "-"). Every format but
// json is streamed, so that a large W3C collection is never held in
// memory whole; json, which WriteFormat may refuse midway (an export over
// MaxExportBytes), is made in memory first so that a refusal writes
// nothing.
func writeConverted(name, format string, write func(io.Writer) error, stdout io.Writer) error {
	if format == "json" {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			return err
		}
		return writeOutput(name, buf.Bytes(), stdout)
	}
	if name != "" && name != "-" {
		return writeAtomicFunc(name, write)
	}
	bw := bufio.NewWriterSize(stdout, 1<<16)
	if err := write(bw); err != nil {
		return err
	}
	return bw.Flush()
}

// readExports reads every file as a stancemark/v1 export, or, with a
// project, as an export or a submission on the project (which stands for
// its exports, see ProjectSubmission.Exports), several at a time, and
// returns the exports in the order given. Each file that fails is reported
// on stderr ("stancemark: FILE: field: why"), in order, and counted.
func readExports(names []string, project *annotations.Project, stdin io.Reader, stderr io.Writer) (exports []*annotations.Export, failed int) {
	type result struct {
		es  []*annotations.Export
		err error
	}
	results := make([]result, len(names))
	if i := slices.Index(names, "-"); i >= 0 {
		for j := i + 1; j < len(names); j++ {
			if names[j] == "-" {
				results[j].err = errors.New(stdinTwice)
			}
		}
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Go(func() {
			for i := range next {
				if results[i].err != nil {
					continue
				}
				es, err := readExport(names[i], project, stdin)
				results[i] = result{es, err}
			}
		})
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, r := range results {
		if r.err != nil {
			fmt.Fprintf(stderr, "stancemark: %s\n", r.err)
			failed++
			continue
		}
		exports = append(exports, r.es...)
	}
	return exports, failed
}

// countStdin returns how many of names are "-".
func countStdin(names []string) int {
	n := 0
	for _, name := range names {
		if name == "-" {
			n++
		}
	}
	return n
}

// stdinTwice is the error for "-" given more than once.
const stdinTwice = `-: standard input is given twice, but it can be read only once (give "-" once)`

// readExport reads one export, or a submission on project as its exports;
// its error starts with the file name. It reads up to
// annotations.MaxExportBytes, the largest export Stancemark writes.
func readExport(name string, project *annotations.Project, stdin io.Reader) ([]*annotations.Export, error) {
	data, err := readFileArg(name, stdin, annotations.MaxExportBytes)
	if err != nil {
		return nil, err
	}
	if isSubmission(data) {
		if project == nil {
			return nil, fmt.Errorf("%s: this is a project submission (%s); give its project with -project PROJECT.json", name, annotations.SubmissionFormat)
		}
		s, err := readSubmissionFile(name, data, project)
		if err != nil {
			return nil, err
		}
		es, err := s.Exports(project)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return es, nil
	}
	e, err := annotations.ReadExport(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return []*annotations.Export{e}, nil
}
