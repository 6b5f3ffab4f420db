// Command bench is "make bench": Stancemark's performance harness (issue 7).
//
// It serves the built app (bin/stancemark serve, web/ snapshot with
// precompressed app.wasm) behind a byte-counting proxy on 127.0.0.1 and
// drives headless Chromium through chromedp, a fresh browser and profile
// for every run. Each round opens the bundled article and generated
// articles of 1,000 and 5,000 sentences in Stancemark and in a plain-JS
// reference page (bench/ref/) that reads the same text, in the same run,
// so every figure also has a ratio to plain JS. Times are measured in the
// page (performance.now() in a probe installed before any page script),
// never from Go's clock.
//
// Usage (after "make build"):
//
//	go run ./bench [-runs 5] [-sizes 1000,5000] [-out bench/results.json]
//
// It exits non-zero only when the harness itself fails, never on a missed
// target.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"stancemark/internal/browsertest"
)

const (
	pageApp = "stancemark"
	pageRef = "plain JS"
)

type bench struct {
	chromium     string
	tmp          string
	srv          *server
	site         *site
	runTimeout   time.Duration
	readyTimeout time.Duration
	settle       time.Duration
	gap          time.Duration
	tagReps      int
	version      string
	profileDir   string // -profile: V8 CPU profiles of every tag
}

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	runs := fs.Int("runs", 5, "runs of every scenario (fresh browser and profile each)")
	sizesFlag := fs.String("sizes", "1000,5000", "sentences of the generated articles, comma-separated")
	out := fs.String("out", "bench/results.json", "where to write the results")
	webDir := fs.String("web", "web", "the built web/ directory (app.wasm, .br, .gz)")
	bin := fs.String("bin", "bin/stancemark", "the built binary")
	chromium := fs.String("chromium", browsertest.ChromiumPath(), "chromium executable")
	reps := fs.Int("tags", 3, "tags near the start and near the end, per run")
	noSeed := fs.Bool("no-save", false, "skip the run with 5,000 saved highlights")
	noExport := fs.Bool("no-export", false, "skip the run opening 5,000 sentences with 2,500 highlights from an export (?src=)")
	bigN := fs.Int("big", 50000, "sentences of the big document (opened with ?src=, first and end tags only); 0 skips it")
	bigRuns := fs.Int("big-runs", 0, "runs of the big document (default: -runs)")
	noProject := fs.Bool("no-project", false, "skip the FNC-1-sized project")
	verbose := fs.Bool("v", false, "print every run")
	profileDir := fs.String("profile", "", "write a V8 CPU profile of every tag into this directory (slows the runs: for finding where the time goes, not for figures)")
	only := fs.String("only", "", "run only the scenarios whose document name contains this (e.g. \"export\", \"50000\")")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *runs < 1 {
		return fmt.Errorf("-runs must be at least 1")
	}
	var sizes []int
	for _, f := range strings.Split(*sizesFlag, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 10 {
			return fmt.Errorf("-sizes: %q is not a number of sentences (at least 10)", f)
		}
		sizes = append(sizes, n)
	}
	if _, err := os.Stat(*chromium); err != nil {
		return fmt.Errorf("chromium not found at %s (apt-get install chromium, or -chromium PATH): %w", *chromium, err)
	}

	tmp, err := os.MkdirTemp("", "stancemark-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if *bigN != 0 && *bigN < 10 {
		return fmt.Errorf("-big: %d is not a number of sentences (at least 10, or 0)", *bigN)
	}
	if *bigRuns <= 0 {
		*bigRuns = *runs
	}
	st, err := prepareSite(*webDir, *bin, tmp, sizes, *bigN)
	if err != nil {
		return err
	}
	if !*noProject {
		if st.Project, err = writeFNC1Project(st.Dir); err != nil {
			return err
		}
	}
	srv, err := startServer(st)
	if err != nil {
		return err
	}
	defer srv.stop()
	b := &bench{
		chromium: *chromium, tmp: tmp, srv: srv, site: st,
		runTimeout: 4 * time.Minute, readyTimeout: 90 * time.Second,
		settle: time.Second, gap: 300 * time.Millisecond, tagReps: *reps,
		profileDir: *profileDir,
	}

	// One round = every scenario once; app and reference alternate who goes
	// first, so slow drifts in machine load hit both alike.
	var rounds [][]scenario
	for r := range *runs {
		var round []scenario
		for _, d := range st.Docs {
			appPath := "/"
			if d.File != "" {
				appPath = "/?src=" + d.File
			}
			pair := []scenario{
				{Page: pageApp, Doc: d, Path: appPath, Key: "1", Label: "supports"},
				{Page: pageRef, Doc: d, Path: "/web/ref/?src=" + d.RefFile, Key: "1", Label: "supports"},
			}
			if d.File == "" {
				pair[1].Doc.Sentences = 0 // Intl.Segmenter splits the bundled article its own way
			}
			if r%2 == 1 {
				pair[0], pair[1] = pair[1], pair[0]
			}
			round = append(round, pair...)
		}
		if st.SeedFile != "" && !*noSeed {
			round = append(round, scenario{Page: pageApp, Doc: st.Seed, Path: "/", Seed: st.SeedFile, Key: "2", Label: "opposes"})
		}
		if st.Export.File != "" && !*noExport {
			// every other sentence is "supports": key 2 changes the end ones
			round = append(round, scenario{Page: pageApp, Doc: st.Export, Path: "/?src=" + st.Export.File, Key: "2", Label: "opposes"})
		}
		if st.Big != nil && r < *bigRuns {
			d := *st.Big
			pair := []scenario{
				{Page: pageApp, Doc: d, Path: "/?src=" + d.File, Key: "1", Label: "supports", FewTags: true},
				{Page: pageRef, Doc: d, Path: "/web/ref/?src=" + d.RefFile, Key: "1", Label: "supports", FewTags: true},
			}
			if r%2 == 1 {
				pair[0], pair[1] = pair[1], pair[0]
			}
			round = append(round, pair...)
		}
		if pr := st.Project; pr != nil {
			round = append(round, scenario{Page: pageApp, Path: "/?src=" + pr.File, Project: pr,
				Doc: docSpec{Name: projectDoc, DocID: pr.Docs[0], Sentences: pr.Sents[0]}})
		}
		if *only != "" {
			round = slices.DeleteFunc(round, func(sc scenario) bool { return !strings.Contains(sc.Doc.Name, *only) })
		}
		rounds = append(rounds, round)
	}

	start := time.Now()
	load0 := loadAvg()
	total := 0
	for _, round := range rounds {
		total += len(round)
	}
	fmt.Fprintf(stderr, "bench: %d runs (%d rounds of %d), app.wasm %s (brotli %s), %s\n",
		total, len(rounds), len(rounds[0]), kib(st.WasmSize), kib(st.BrSize), srv.URL)
	var results []runResult
	i := 0
	for r, round := range rounds {
		for _, sc := range round {
			i++
			res, err := b.runScenario(sc, r+1)
			if err != nil {
				return fmt.Errorf("run %d (%s, %s): %w", r+1, sc.Page, sc.Doc.Name, err)
			}
			results = append(results, res)
			if *verbose || res.Error != "" {
				fmt.Fprintf(stderr, "bench: [%d/%d] %-10s %-22s ready %6.0f ms  fcp %5.0f ms  tags (written/label/frame ms) %s%s\n",
					i, total, res.Page, res.Doc, res.ReadyMS, res.FCPMS, tagSummary(res), errSuffix(res.Error))
				for _, c := range res.Console {
					fmt.Fprintf(stderr, "bench:        console: %s\n", c)
				}
			} else {
				fmt.Fprintf(stderr, "\rbench: [%d/%d] %s", i, total, time.Since(start).Round(time.Second))
			}
		}
	}
	fmt.Fprintln(stderr)

	rep := summarize(b, results)
	rep.Meta = meta{
		Date: time.Now().UTC().Format(time.RFC3339), Runs: *runs, Sizes: sizes,
		Chromium: b.version, ChromiumPath: *chromium, Flags: browsertest.Flags,
		GOOS: runtime.GOOS, GOARCH: runtime.GOARCH, CPUs: runtime.NumCPU(),
		LoadAvgStart: load0, LoadAvgEnd: loadAvg(), WallSeconds: time.Since(start).Seconds(),
		WasmBytes: st.WasmSize, WasmBrotliBytes: st.BrSize, WasmGzipBytes: st.GzSize, WasmSHA256: st.WasmSHA,
		Commit: gitCommit(), TagGapMS: b.gap.Milliseconds(), SettleMS: b.settle.Milliseconds(),
		Command: "go run ./bench " + strings.Join(args, " "),
	}
	rep.Runs = results
	printTable(stdout, rep)
	data, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, append(data, '\n'), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "bench: wrote %s (%d runs in %s)\n", *out, len(results), time.Since(start).Round(time.Second))
	return nil
}

func tagSummary(r runResult) string {
	var parts []string
	for _, t := range r.Tags {
		if t.Error != "" {
			parts = append(parts, t.Kind+":ERR")
			continue
		}
		parts = append(parts, fmt.Sprintf("%s %.1f/%.1f/%.1f", t.Kind, t.Written, t.Label, t.Frame))
	}
	return strings.Join(parts, " ")
}

func errSuffix(e string) string {
	if e == "" {
		return ""
	}
	return "  ERROR: " + e
}

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}

// gitCommit reads the commit (read-only).
func gitCommit() string {
	out, err := exec.Command("git", "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return ""
	}
	s := strings.TrimSpace(string(out))
	if st, err := exec.Command("git", "status", "--porcelain").Output(); err == nil && len(st) > 0 {
		s += "+dirty"
	}
	return s
}
