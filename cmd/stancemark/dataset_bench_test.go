//go:build !wasm

package main

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"stancemark/annotations"
)

// benchDir is where a benchmark writes its generated inputs:
// $STANCEMARK_BENCH_DIR when set (the files are kept, to run the binary on
// them under /usr/bin/time -v), else a temporary folder.
func benchDir(b *testing.B, name string) string {
	if d := os.Getenv("STANCEMARK_BENCH_DIR"); d != "" {
		dir := filepath.Join(d, name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		return dir
	}
	return b.TempDir()
}

// fnc1DatasetInputs writes an FNC-1-sized project (900 bodies of about 3
// KB in five paragraphs of five sentences, 900 headlines, 25,000 stances;
// annotators a00..a19 with an overlap of 3) and the 20 annotators'
// submissions: on each of their tasks three highlights (one of two
// sentences), an overall stance, done, and active time. It returns the
// project's path, then the submissions'.
func fnc1DatasetInputs(b *testing.B, dir string) []string {
	b.Helper()
	r := rand.New(rand.NewPCG(16, 900))
	words := strings.Fields("officials said the report was false and a spokesman declined to comment on claims that militants seized the town while witnesses described explosions near the border")
	var bodies, stances strings.Builder
	bodies.WriteString("Body ID,articleBody\n")
	for i := range 900 {
		fmt.Fprintf(&bodies, "%d,\"", i)
		for p := range 5 {
			if p > 0 {
				bodies.WriteString("\n\n")
			}
			for s := range 5 {
				if s > 0 {
					bodies.WriteString(" ")
				}
				ws := make([]string, 18+r.IntN(6))
				for k := range ws {
					ws[k] = words[r.IntN(len(words))]
				}
				fmt.Fprintf(&bodies, "Article %d says %s.", i, strings.Join(ws, " "))
			}
		}
		bodies.WriteString("\"\n")
	}
	stances.WriteString("Headline,Body ID,Stance\n")
	labels := []string{"agree", "disagree", "discuss", "unrelated"}
	seen := map[[2]int]bool{}
	for n := 0; n < 25_000; {
		body, head := r.IntN(900), r.IntN(900)
		if seen[[2]int{body, head}] {
			continue
		}
		seen[[2]int{body, head}] = true
		fmt.Fprintf(&stances, "Headline %d: militants seized the town,%d,%s\n", head, body, labels[r.IntN(4)])
		n++
	}
	bp := putFile(b, filepath.Join(dir, "bodies.csv"), bodies.String())
	sp := putFile(b, filepath.Join(dir, "stances.csv"), stances.String())
	var names []string
	for a := range 20 {
		names = append(names, fmt.Sprintf("a%02d", a))
	}
	pp := filepath.Join(dir, "fnc1.project.json")
	if err := run(b.Context(), []string{"project", "new", "-o", pp, "-annotators", strings.Join(names, ","), "-overlap", "3", bp, sp}, nil, io.Discard, io.Discard); err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(pp)
	if err != nil {
		b.Fatal(err)
	}
	p, err := annotations.ReadProject(bytes.NewReader(data))
	if err != nil {
		b.Fatal(err)
	}
	docs := map[string]int{}
	for _, d := range p.Documents {
		docs[d.ID] = len(d.Sentences)
	}
	files := []string{pp}
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, who := range names {
		s := &annotations.ProjectSubmission{Project: p.ID, ProjectHash: p.Hash, Annotator: who, Submitted: "2026-03-20T12:00:00.000Z"}
		for _, t := range p.TasksOf(who) {
			n := docs[t.Document]
			first := r.IntN(3)
			var as []annotations.Annotation
			for k, run := range [][2]int{{first, -1}, {first + 4, first + 5}, {n - 1 - r.IntN(2), -1}} {
				ids := []string{fmt.Sprintf("s%d", run[0]+1)}
				if run[1] >= 0 {
					ids = append(ids, fmt.Sprintf("s%d", run[1]+1))
				}
				as = append(as, annotations.Annotation{ID: fmt.Sprintf("%s-%s-%d", who, t.ID, k), SentenceIDs: ids, Label: labels[r.IntN(4)],
					Note: "because", Created: at, Modified: at})
			}
			s.Tasks = append(s.Tasks, annotations.TaskWork{Task: t.ID, Annotations: as, Overall: labels[r.IntN(4)], Done: true, ActiveMillis: int64(r.IntN(120_000))})
		}
		var buf bytes.Buffer
		if err := annotations.WriteSubmission(&buf, s); err != nil {
			b.Fatal(err)
		}
		files = append(files, putFile(b, filepath.Join(dir, who+".json"), buf.String()))
	}
	return files
}

// BenchmarkDatasetFNC1 is "stancemark dataset" over the FNC-1-sized
// project and 20 annotators' submissions (75,000 task works, about 300,000
// labels given): reading and checking them, building the tables, writing
// the JSON Lines, Parquet, FNC-1, SemEval, card and manifest files (go
// test -run '^$' -bench DatasetFNC1 -benchtime 1x ./cmd/stancemark/). The
// target is 30 s and 1 GiB: peak RSS is measured on the binary
// (STANCEMARK_BENCH_DIR keeps the inputs; see the README).
func BenchmarkDatasetFNC1(b *testing.B) {
	dir := benchDir(b, "fnc1-dataset")
	files := fnc1DatasetInputs(b, dir)
	out := filepath.Join(dir, "out")
	b.ResetTimer()
	for b.Loop() {
		if err := run(b.Context(), append([]string{"dataset", "-o", out}, files...), nil, io.Discard, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var total int64
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			total += info.Size()
		}
	}
	ann, _ := os.ReadFile(filepath.Join(out, "annotations.jsonl"))
	b.ReportMetric(float64(bytes.Count(ann, []byte("\n"))), "labels")
	b.ReportMetric(float64(total)/(1<<20), "MB-written")
}
