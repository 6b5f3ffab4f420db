//go:build !wasm

package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"text/tabwriter"
	"time"

	"stancemark/annotations"
)

const projectStatsUsage = `Usage: stancemark project stats [-json] PROJECT.json SUBMISSION...

Each annotator's progress on a project, from their submissions
(stancemark-submission/v1): tasks done, in progress (with work, not
marked done), untouched (assigned and without work; with -annotators and
-overlap a task is assigned to -overlap annotators, else every task to
everyone) and the active time; then how many tasks how many annotators
have done. When an annotator sent several submissions, the last submitted
counts. A submission of another project, or made on another version of
this one, is refused by name: exit status 1, and nothing else is printed.

With -json, one object:

	{"project","title","hash","tasks":N,
	 "annotators":[{"annotator","submitted","assigned","done","inProgress",
	                "untouched","activeMillis","activeTime"}],
	 "taskProgress":[{"task","document","claim","assigned","done"}]}

Flags:
`

func statsFlags(w io.Writer) (*flag.FlagSet, *bool) {
	fs := flag.NewFlagSet("project stats", flag.ContinueOnError)
	fs.SetOutput(w)
	asJSON := fs.Bool("json", false, "print one JSON object instead of tables")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), projectStatsUsage)
		fs.PrintDefaults()
	}
	return fs, asJSON
}

func runProjectStats(args []string, stdout, stderr io.Writer) error {
	fs, asJSON := statsFlags(stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError{"project stats needs PROJECT.json and the SUBMISSION files"}
	}
	p, err := readProjectFile(fs.Arg(0))
	if err != nil {
		return err
	}
	names := fs.Args()[1:]
	subs, failed := readSubmissions(p, names, func(name string) ([]byte, error) {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, unwrapPath(err))
		}
		return data, nil
	}, stderr)
	if failed > 0 {
		return fmt.Errorf("%d of %d submissions refused; no statistics printed", failed, len(names))
	}
	st, err := p.Stats(subs)
	if err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(stdout).Encode(statsJSON(p, st))
	}
	return printStats(stdout, p, st)
}

type annotatorStatsJSON struct {
	Annotator    string `json:"annotator"`
	Submitted    string `json:"submitted"`
	Assigned     int    `json:"assigned"`
	Done         int    `json:"done"`
	InProgress   int    `json:"inProgress"`
	Untouched    int    `json:"untouched"`
	ActiveMillis int64  `json:"activeMillis"`
	ActiveTime   string `json:"activeTime"`
}

type taskStatsJSON struct {
	Task     string `json:"task"`
	Document string `json:"document"`
	Claim    string `json:"claim"`
	Assigned int    `json:"assigned"`
	Done     int    `json:"done"`
}

type projectStatsJSON struct {
	Project      string               `json:"project"`
	Title        string               `json:"title"`
	Hash         string               `json:"hash"`
	Tasks        int                  `json:"tasks"`
	Annotators   []annotatorStatsJSON `json:"annotators"`
	TaskProgress []taskStatsJSON      `json:"taskProgress"`
}

func statsJSON(p *annotations.Project, st *annotations.ProjectStats) projectStatsJSON {
	out := projectStatsJSON{Project: p.ID, Title: p.Title, Hash: p.Hash, Tasks: len(p.Tasks),
		Annotators: []annotatorStatsJSON{}, TaskProgress: make([]taskStatsJSON, len(st.Tasks))}
	for _, a := range st.Annotators {
		out.Annotators = append(out.Annotators, annotatorStatsJSON{
			Annotator: a.Annotator, Submitted: a.Submitted, Assigned: a.Assigned, Done: a.Done,
			InProgress: a.InProgress, Untouched: a.Untouched, ActiveMillis: a.ActiveMillis,
			ActiveTime: humanDuration(a.ActiveMillis),
		})
	}
	for i, t := range st.Tasks {
		out.TaskProgress[i] = taskStatsJSON{Task: t.Task, Document: p.Tasks[i].Document, Claim: p.Tasks[i].Claim, Assigned: t.Assigned, Done: t.Done}
	}
	return out
}

// printStats prints the annotators' table, then how many tasks how many
// annotators have done.
func printStats(w io.Writer, p *annotations.Project, st *annotations.ProjectStats) error {
	fmt.Fprintf(w, "%q (%s): %s tasks, %s documents, %s claims\n\n", p.Title, p.ID,
		thousandsSep(len(p.Tasks)), thousandsSep(len(p.Documents)), thousandsSep(len(p.Claims)))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "annotator\tassigned\tdone\tin progress\tuntouched\tactive time\t")
	for _, a := range st.Annotators {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\n", a.Annotator, thousandsSep(a.Assigned), thousandsSep(a.Done),
			thousandsSep(a.InProgress), thousandsSep(a.Untouched), humanDuration(a.ActiveMillis))
	}
	if len(st.Annotators) == 0 {
		fmt.Fprintln(tw, "(no annotator)\t\t\t\t\t\t")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	byDone := map[int]int{}
	most, complete := 0, 0
	for _, t := range st.Tasks {
		byDone[t.Done]++
		most = max(most, t.Done)
		if t.Assigned > 0 && t.Done >= t.Assigned {
			complete++
		}
	}
	fmt.Fprintln(w, "\nTasks by how many annotators have them done:")
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	for n := 0; n <= most; n++ {
		if byDone[n] > 0 {
			fmt.Fprintf(tw, "done by %d\t%s\t\n", n, thousandsSep(byDone[n]))
		}
	}
	fmt.Fprintf(tw, "done by every annotator assigned\t%s\t\n", thousandsSep(complete))
	return tw.Flush()
}

// humanDuration writes milliseconds as "1h 02m", "4m 05s" or "12s".
func humanDuration(ms int64) string {
	d := time.Duration(ms) * time.Millisecond
	h, m, s := int64(d/time.Hour), int64(d/time.Minute)%60, int64(d/time.Second)%60
	switch {
	case h > 0:
		return fmt.Sprintf("%dh %02dm", h, m)
	case m > 0:
		return fmt.Sprintf("%dm %02ds", m, s)
	}
	return fmt.Sprintf("%ds", s)
}

// thousandsSep writes n with commas: 25,000.
func thousandsSep(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousandsSep(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
