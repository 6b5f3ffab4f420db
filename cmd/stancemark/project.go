//go:build !wasm

package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"

	"stancemark/annotations"
)

const projectUsage = `Usage: stancemark project new|stats [flags] [arguments]

Research projects (stancemark-project/v1): articles, several claims, the
tasks (article × claim) and who annotates them. Annotators send back
submissions (stancemark-submission/v1); "convert -project" and "agree
-project" read those too.

Commands:

	new     build a project file from articles, claims and FNC-1 pairs
	stats   each annotator's progress on a project, from their submissions

`

// runProject dispatches "stancemark project new|stats".
func runProject(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, projectUsage)
		return usageError{"project needs a command: new or stats"}
	}
	switch args[0] {
	case "new":
		return runProjectNew(args[1:], stdin, stdout, stderr)
	case "stats":
		return runProjectStats(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		// Both commands' usage and flags, so that one page documents them.
		fmt.Fprint(stderr, projectUsage)
		nfs, _ := newFlags(stderr)
		nfs.Usage()
		fmt.Fprintln(stderr)
		sfs, _ := statsFlags(stderr)
		sfs.Usage()
		return flag.ErrHelp
	}
	fmt.Fprint(stderr, projectUsage)
	return usageError{fmt.Sprintf("unknown project command %q (want new or stats)", args[0])}
}

// readProjectFile reads and validates a project file; its error starts
// with the file name.
func readProjectFile(name string) (*annotations.Project, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, unwrapPath(err))
	}
	defer f.Close()
	p, err := annotations.ReadProject(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return p, nil
}

// readSubmissionFile reads a submission and checks it against p (when p is
// not nil); its error starts with the file name.
func readSubmissionFile(name string, data []byte, p *annotations.Project) (*annotations.ProjectSubmission, error) {
	s, err := annotations.ReadSubmission(bytes.NewReader(data))
	if err == nil && p != nil {
		err = p.CheckSubmission(s)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return s, nil
}

// readSubmissions reads the submission files names with read (whose error
// starts with the file name) and checks each against p. A file that cannot
// be used has its error printed on stderr and is counted in failed.
func readSubmissions(p *annotations.Project, names []string, read func(name string) ([]byte, error), stderr io.Writer) (subs []*annotations.ProjectSubmission, failed int) {
	for _, name := range names {
		data, err := read(name)
		var s *annotations.ProjectSubmission
		if err == nil {
			s, err = readSubmissionFile(name, data, p)
		}
		if err != nil {
			fmt.Fprintf(stderr, "stancemark: %s\n", err)
			failed++
			continue
		}
		subs = append(subs, s)
	}
	return subs, failed
}

// readProjectFlag reads the project of a -project flag ("" gives nil).
func readProjectFlag(name string) (*annotations.Project, error) {
	if name == "" {
		return nil, nil
	}
	return readProjectFile(name)
}

// isSubmission reports whether data is JSON whose "format" starts with
// "stancemark-submission/".
func isSubmission(data []byte) bool {
	return annotations.HasFormat(data, "stancemark-submission/")
}
