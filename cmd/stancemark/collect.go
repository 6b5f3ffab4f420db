//go:build !wasm

package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"stancemark/annotations"
	"stancemark/collect"
)

const collectUsage = `Usage: stancemark collect new|export [flags] [arguments]

Collections: an assignment or a project opened for submissions on a
collection server ("stancemark serve -collect DSN"). DSN is sqlite:PATH or
postgres://USER@HOST/DB.

Commands:

	new      open an assignment or a project for submissions: prints its code,
	         the owner secret (shown once) and the link to share
	export   write a collection's submissions as files (the owner secret is needed)

`

const collectNewUsage = `Usage: stancemark collect new -db DSN [-json] [-url BASE] [-completion CODE] [-participant PARAM] ASSIGNMENT|PROJECT
`

const collectExportUsage = `Usage: stancemark collect export -db DSN -secret SECRET -o DIR CODE
`

// runCollect dispatches "stancemark collect new|export".
func runCollect(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, collectUsage)
		return usageError{"collect needs a command: new or export"}
	}
	switch args[0] {
	case "new":
		return runCollectNew(ctx, args[1:], stdin, stdout, stderr)
	case "export":
		return runCollectExport(ctx, args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stderr, collectUsage)
		nfs, _ := collectNewFlags(stderr)
		nfs.Usage()
		fmt.Fprintln(stderr)
		efs, _ := collectExportFlags(stderr)
		efs.Usage()
		return flag.ErrHelp
	}
	fmt.Fprint(stderr, collectUsage)
	return usageError{fmt.Sprintf("unknown collect command %q (want new or export)", args[0])}
}

type collectNewOpts struct {
	db, url, completion, participant *string
	json                             *bool
}

func collectNewFlags(stderr io.Writer) (*flag.FlagSet, collectNewOpts) {
	fs := flag.NewFlagSet("collect new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(fs.Output(), collectNewUsage); fs.PrintDefaults() }
	return fs, collectNewOpts{
		db:          fs.String("db", "", "the collection database `DSN`: sqlite:PATH or postgres://USER@HOST/DB"),
		json:        fs.Bool("json", false, `print {"code","secret","url"} as JSON`),
		url:         fs.String("url", "http://127.0.0.1:8000", "the `BASE` URL the server is reached at, for the link"),
		completion:  fs.String("completion", "", "a completion `CODE` shown after a valid submission (crowd studies)"),
		participant: fs.String("participant", "", "the URL `PARAM`eter carrying the participant id, e.g. PROLIFIC_PID"),
	}
}

func runCollectNew(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs, o := collectNewFlags(stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *o.db == "" || fs.NArg() != 1 {
		fs.Usage()
		return usageError{"collect new needs -db DSN and one ASSIGNMENT or PROJECT file"}
	}
	data, err := readFileArg(fs.Arg(0), stdin, annotations.MaxImportBytes)
	if err != nil {
		return err
	}
	store, err := collect.Open(ctx, *o.db)
	if err != nil {
		return err
	}
	defer store.Close()
	c, secret, err := store.Create(ctx, data, collect.CollectionOptions{CompletionCode: *o.completion, ParticipantParam: *o.participant})
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(0), err)
	}
	out := collect.Created{Code: c.Code, Secret: secret, URL: collect.Link(*o.url, c.Code)}
	if *o.json {
		return json.NewEncoder(stdout).Encode(out)
	}
	fmt.Fprintf(stdout, "Collection %s for the %s %q\n", c.Code, c.Kind, c.Title)
	fmt.Fprintf(stdout, "Link to share:  %s\n", out.URL)
	fmt.Fprintf(stdout, "Owner secret:   %s\n", secret)
	fmt.Fprintln(stdout, "Keep the secret: it is shown only now, and it is needed to read, export or delete the submissions.")
	return nil
}

type collectExportOpts struct{ db, secret, out *string }

func collectExportFlags(stderr io.Writer) (*flag.FlagSet, collectExportOpts) {
	fs := flag.NewFlagSet("collect export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(fs.Output(), collectExportUsage); fs.PrintDefaults() }
	return fs, collectExportOpts{
		db:     fs.String("db", "", "the collection database `DSN`"),
		secret: fs.String("secret", "", "the collection's owner `SECRET`"),
		out:    fs.String("o", "", "the `DIR`ectory to write the files into (created when missing)"),
	}
}

func runCollectExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, o := collectExportFlags(stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *o.db == "" || *o.secret == "" || *o.out == "" || fs.NArg() != 1 {
		fs.Usage()
		return usageError{"collect export needs -db DSN, -secret SECRET, -o DIR and the collection's CODE"}
	}
	store, err := collect.Open(ctx, *o.db)
	if err != nil {
		return err
	}
	defer store.Close()
	res, err := store.Export(ctx, fs.Arg(0), *o.secret, *o.out)
	if err != nil {
		return fmt.Errorf("collection %s: %w", fs.Arg(0), err)
	}
	fmt.Fprintf(stdout, "%d submissions written to %s (and %d earlier versions under %s/earlier)\n", res.Latest, *o.out, res.Earlier, *o.out)
	return nil
}
