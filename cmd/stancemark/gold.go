//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"stancemark/annotations"
)

const goldUsage = `Usage: stancemark gold [-json] [-none] [-policy majority|unanimous] [-o GOLD.json] [-adjudication GOLD.json] FILE...

Decide gold labels from several annotators' work and write them as a
stancemark-gold/v1 file (to -o GOLD.json, through a temporary file renamed
over it; with no -o or -o -, to standard output).

FILE is a project (stancemark-project/v1) and its annotators'
submissions (stancemark-submission/v1), or, for one article without a
project, several annotators' stancemark/v1 exports of it (each file one
annotator, named by its annotator, else by the file name). "-" reads
standard input.

A unit is a sentence judged against a claim (and, with a project, a
task's overall stance); it gets an entry when anyone tagged it. A
highlight is a vote for its label; an untagged sentence is no vote (with
-none, a vote for "none" from everyone who worked on the task). Each
label carries its source: unanimous (two or more votes, all the same),
majority, single (one vote), adjudicated or unresolved. -policy majority
takes the label with the most votes (a tie is unresolved); -policy
unanimous takes only unanimous and single labels.

-adjudication GOLD.json is an earlier gold file whose "adjudicated"
entries (with adjudicator and reason) override the policy. A decision is
never dropped: when the votes under it have changed since (a later
submission), it stays and is marked stale.

What still needs a decision (unresolved labels, stale decisions) is listed
on standard error; with -json it is printed on standard output as one
object instead, and the gold file is written only with -o:

	{"labels":N,"sources":{"unanimous":N,...},"pending":[{"document","sentence"|"task",
	 "claim","label","source","votes","why":"unresolved"|"stale",...}]}

Submissions of different projects, two files by the same annotator, a
gold file of another project version or document, or one naming an
unknown sentence, task or label are refused by file name, and nothing is
written.

Flags:
`

func runGold(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gold", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print what needs a decision as JSON on standard output (the gold file only goes to -o)")
	none := fs.Bool("none", false, `count an untagged sentence as a vote for "none"`)
	policyName := fs.String("policy", "majority", "how a label is chosen: majority or unanimous")
	out := fs.String("o", "", "write the gold file to `GOLD.json` (- or none: standard output)")
	adjFile := fs.String("adjudication", "", "apply the adjudicated entries of `GOLD.json`")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), goldUsage)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	policy, err := annotations.ParseGoldPolicy(*policyName)
	switch {
	case err != nil:
		fs.Usage()
		return usageError{err.Error()}
	case fs.NArg() == 0:
		fs.Usage()
		return usageError{"gold needs FILEs: a project and its submissions, or exports of one document"}
	case *asJSON && *out == "-":
		fs.Usage()
		return usageError{"-json prints the report on standard output; write the gold file with -o GOLD.json"}
	}
	in, err := readGoldInputs(fs.Args(), stdin, true)
	if err != nil {
		return err
	}
	in.Policy, in.None = policy, *none
	if *adjFile != "" {
		data, err := readFileArg(*adjFile, stdin, annotations.MaxProjectBytes)
		if err != nil {
			return err
		}
		if in.Adjudication, err = annotations.ReadGold(bytes.NewReader(data)); err != nil {
			return fmt.Errorf("%s: %w", *adjFile, err)
		}
	}
	g, err := annotations.NewGold(in.GoldInput)
	if err != nil && in.Adjudication != nil {
		// Tell the inputs' errors from the adjudication's.
		without := in.GoldInput
		without.Adjudication = nil
		if _, inputErr := annotations.NewGold(without); inputErr == nil {
			err = fmt.Errorf("%s: %w", *adjFile, err)
		}
	}
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := annotations.WriteGold(&buf, g); err != nil {
		return err
	}
	switch {
	case *out != "" && *out != "-":
		if err := writeAtomic(*out, buf.Bytes(), stdout); err != nil {
			return err
		}
	case !*asJSON:
		if _, err := stdout.Write(buf.Bytes()); err != nil {
			return err
		}
	}
	if *asJSON {
		return json.NewEncoder(stdout).Encode(goldReport(g))
	}
	return printGoldPending(stderr, g, in)
}

// goldInputs is what the FILEs of gold hold.
type goldInputs struct {
	annotations.GoldInput
	sentences map[string][]string // document id -> sentence texts, for the report
	tasks     map[string]string   // document + "\n" + claim -> task id
}

// readGoldInputs reads the FILEs: a project and its submissions, or
// exports of one document. Every error names its file. With byFileName an
// export without an annotator's name is named by its file name (gold's
// rule); without, it stays nameless for annotations.AnnotatorName (the
// dataset's rule, as convert's and agree's).
func readGoldInputs(names []string, stdin io.Reader, byFileName bool) (*goldInputs, error) {
	in := &goldInputs{sentences: map[string][]string{}, tasks: map[string]string{}}
	var projectName string
	var subNames, exportNames []string
	files := decodeWorkFiles(names, stdin)
	for i, name := range names {
		f := files[i]
		if f.err != nil {
			return nil, f.err
		}
		switch {
		case f.project != nil:
			if in.Project != nil {
				return nil, fmt.Errorf("%s: a second project (after %s); give one project and its submissions", name, projectName)
			}
			in.Project, projectName = f.project, name
		case f.submission != nil:
			in.Submissions = append(in.Submissions, f.submission)
			subNames = append(subNames, name)
		default:
			e := f.export
			if byFileName && strings.TrimSpace(e.Annotator.Name) == "" {
				e.Annotator.Name = filepath.Base(name)
			}
			in.Exports = append(in.Exports, e)
			exportNames = append(exportNames, name)
		}
	}
	switch {
	case in.Project != nil && len(in.Exports) > 0:
		return nil, fmt.Errorf("%s: a stancemark/v1 export; with the project %s give its submissions (%s)", exportNames[0], projectName, annotations.SubmissionFormat)
	case in.Project == nil && len(in.Submissions) > 0:
		return nil, fmt.Errorf("%s: a project submission; give its project file (%s) too", subNames[0], annotations.ProjectFormat)
	case in.Project != nil && len(in.Submissions) == 0:
		return nil, fmt.Errorf("%s: a project without submissions; give the annotators' submissions too", projectName)
	}
	by := map[string]string{}
	if p := in.Project; p != nil {
		for i, s := range in.Submissions {
			if err := p.CheckSubmission(s); err != nil {
				return nil, fmt.Errorf("%s: %w", subNames[i], err)
			}
			if prev, ok := by[s.Annotator]; ok {
				return nil, fmt.Errorf("%s and %s are both by %q; give each annotator's submission once", prev, subNames[i], s.Annotator)
			}
			by[s.Annotator] = subNames[i]
		}
		for _, d := range p.Documents {
			in.sentences[d.ID] = sentenceTexts(d.Text, d.Sentences)
		}
		for _, t := range p.Tasks {
			in.tasks[t.Document+"\n"+t.Claim] = t.ID
		}
		return in, nil
	}
	first := in.Exports[0]
	for i, e := range in.Exports {
		if e.Document.ID != first.Document.ID {
			return nil, fmt.Errorf("%s is for another document, %q (%s), than %s, %q (%s); gold labels without a project need exports of one document",
				exportNames[i], e.Document.Title, e.Document.ID, exportNames[0], first.Document.Title, first.Document.ID)
		}
		if e.Scheme.ID != first.Scheme.ID {
			return nil, fmt.Errorf("%s uses the label set %q, but %s uses %q; gold labels need one label set", exportNames[i], e.Scheme.ID, exportNames[0], first.Scheme.ID)
		}
		who := annotations.AnnotatorName(e)
		if prev, ok := by[who]; ok {
			return nil, fmt.Errorf("%s and %s are both by %q; give each annotator's export once", prev, exportNames[i], who)
		}
		by[who] = exportNames[i]
	}
	in.sentences[first.Document.ID] = sentenceTexts(first.Document.Text, first.Document.Sentences)
	return in, nil
}

// workFile is one FILE of gold or dataset, decoded: a project, a
// submission or an export, or the error naming the file.
type workFile struct {
	project    *annotations.Project
	submission *annotations.ProjectSubmission
	export     *annotations.Export
	err        error
}

// decodeWorkFiles reads and decodes the FILEs, one per CPU at a time
// (decoding JSON is most of the time at FNC-1's size), each result in its file's
// place. A gold file among them is an error: it goes with -adjudication
// (or -gold).
func decodeWorkFiles(names []string, stdin io.Reader) []workFile {
	out := make([]workFile, len(names))
	decode := func(i int) {
		name := names[i]
		data, err := readFileArg(name, stdin, annotations.MaxProjectBytes)
		if err != nil {
			out[i].err = err
			return
		}
		f := &out[i]
		switch goldSniff(data) {
		case annotations.ProjectFormat:
			f.project, err = annotations.ReadProject(bytes.NewReader(data))
		case annotations.SubmissionFormat:
			f.submission, err = annotations.ReadSubmission(bytes.NewReader(data))
		case annotations.GoldFormat:
			f.err = fmt.Errorf("%s: this is a gold file; give it with -adjudication GOLD.json (gold) or -gold GOLD.json (dataset)", name)
			return
		default:
			f.export, err = annotations.ReadExport(bytes.NewReader(data))
		}
		if err != nil {
			f.err = fmt.Errorf("%s: %w", name, err)
		}
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Go(func() {
			for i := range next {
				decode(i)
			}
		})
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// goldSniff returns the "format" of a JSON object ("" when there is none).
func goldSniff(data []byte) string {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\uFEFF")))
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return ""
	}
	var head struct {
		Format string `json:"format"`
	}
	_ = json.Unmarshal(trimmed, &head)
	return head.Format
}

// sentenceTexts returns the text of each sentence.
func sentenceTexts(text string, ss []annotations.ExportSentence) []string {
	runes := []rune(text)
	out := make([]string, len(ss))
	for i, s := range ss {
		if 0 <= s.Start && s.Start <= s.End && s.End <= len(runes) {
			out[i] = string(runes[s.Start:s.End])
		}
	}
	return out
}

// goldPending is one entry of the -json report.
type goldPending struct {
	Document     string                 `json:"document"`
	Sentence     string                 `json:"sentence,omitempty"`
	Task         string                 `json:"task,omitempty"`
	Claim        string                 `json:"claim"`
	Label        string                 `json:"label"`
	Source       annotations.GoldSource `json:"source"`
	Votes        annotations.GoldVotes  `json:"votes"`
	Why          string                 `json:"why"`
	Adjudicator  string                 `json:"adjudicator,omitempty"`
	DecidedVotes annotations.GoldVotes  `json:"decidedVotes,omitempty"`
}

// goldReport is the -json report.
func goldReport(g *annotations.Gold) any {
	pending := []goldPending{}
	for _, e := range g.Pending() {
		p := goldPending{Document: e.Document, Sentence: e.Sentence, Task: e.Task, Claim: e.Claim, Label: e.Label, Source: e.Source, Votes: e.Votes, Why: "unresolved"}
		if e.Source == annotations.SourceAdjudicated {
			p.Why, p.Adjudicator, p.DecidedVotes = "stale", e.Adjudicator, e.DecidedVotes
		}
		if p.Votes == nil {
			p.Votes = annotations.GoldVotes{}
		}
		pending = append(pending, p)
	}
	return struct {
		Labels  int                            `json:"labels"`
		Sources map[annotations.GoldSource]int `json:"sources"`
		Pending []goldPending                  `json:"pending"`
	}{len(g.Entries), g.Counts(), pending}
}

// printGoldPending prints the counts and what needs a decision.
func printGoldPending(w io.Writer, g *annotations.Gold, in *goldInputs) error {
	counts := g.Counts()
	parts := make([]string, 0, len(annotations.GoldSources))
	for _, s := range annotations.GoldSources {
		parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
	}
	fmt.Fprintf(w, "gold: %d labels (%s)\n", len(g.Entries), strings.Join(parts, ", "))
	pending := g.Pending()
	if len(pending) == 0 {
		fmt.Fprintln(w, "Nothing needs a decision.")
		return nil
	}
	fmt.Fprintf(w, "%d need a decision:\n", len(pending))
	for _, e := range pending {
		unit := e.Sentence
		if task := in.tasks[e.Document+"\n"+e.Claim]; task != "" && e.Task == "" {
			unit = "task " + task + ", " + e.Sentence
		} else if e.Task != "" {
			unit = "task " + e.Task + ", the overall stance"
		}
		what := "unresolved: " + e.Votes.String()
		if e.Source == annotations.SourceAdjudicated {
			what = fmt.Sprintf("stale: %q by %s was decided on %s; now %s", e.Label, e.Adjudicator, e.DecidedVotes, e.Votes)
		}
		text := ""
		if ss := in.sentences[e.Document]; e.Sentence != "" {
			var k int
			if _, err := fmt.Sscanf(e.Sentence, "s%d", &k); err == nil && 1 <= k && k <= len(ss) {
				text = fmt.Sprintf(" %q", clipRunes(ss[k-1], 60))
			}
		}
		fmt.Fprintf(w, "  %s%s: %s\n", unit, text, what)
	}
	return nil
}

// clipRunes shortens s to n characters with an ellipsis.
func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
