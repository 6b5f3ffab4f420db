//go:build !wasm

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// usageError is a wrong command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

const usage = `Stancemark: annotate the stance of a news article's sentences.

Usage:

	stancemark [command] [flags] [arguments]

Commands:

	serve     serve the app on http://127.0.0.1:8000 (the default command)
	segment   print a plain-text article segmented into sentences, as JSON
	build     write the app as a static site for any static host (GitHub Pages, a CDN)
	convert   convert exports to W3C Web Annotation, CSV, JSONL, SemEval TSV or claim-sentence pairs
	agree     inter-annotator agreement over exports or a reliability matrix
	class     the teacher's class report: students' submissions against an assignment
	project   research projects: build one from articles and claims (new), annotators' progress (stats)
	gold      gold labels from several annotators' work, by majority or unanimity, with adjudications
	compress  write FILE.br and FILE.gz beside a file (app.wasm), in Go
	dataset   a dataset folder (JSON Lines, Parquet, FNC-1 and SemEval files, a dataset card) from a project or exports
	collect   collections on a collection server: open one for submissions (new), write its submissions as files (export)

Run "stancemark <command> -h" for a command's flags.
`

// cli runs the command line and returns the exit status.
func cli() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, new(usageError)):
		fmt.Fprintln(os.Stderr, "stancemark:", err)
		return 2
	default:
		fmt.Fprintln(os.Stderr, "stancemark:", err)
		return 1
	}
}

// run dispatches to a subcommand.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	cmd := "serve"
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return runServe(ctx, args, stderr)
	case "segment":
		return runSegment(args, stdin, stdout, stderr)
	case "build":
		return runBuild(args, stdout, stderr)
	case "convert":
		return runConvert(args, stdin, stdout, stderr)
	case "agree":
		return runAgree(args, stdin, stdout, stderr)
	case "class":
		return runClass(args, stdin, stdout, stderr)
	case "project":
		return runProject(args, stdin, stdout, stderr)
	case "gold":
		return runGold(args, stdin, stdout, stderr)
	case "compress":
		return runCompress(args, stdout, stderr)
	case "dataset":
		return runDataset(args, stdin, stdout, stderr)
	case "collect":
		return runCollect(ctx, args, stdin, stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		if len(cmd) > 0 && cmd[0] == '-' { // flags of the default command
			return runServe(ctx, append([]string{cmd}, args...), stderr)
		}
		fmt.Fprint(stderr, usage)
		return usageError{fmt.Sprintf("unknown command %q", cmd)}
	}
}

// parseFlags parses a subcommand's flags, turning a bad flag into a usage error.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}
