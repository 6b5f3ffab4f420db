package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// stat is the median, min and max of some samples.
type stat struct {
	Median float64 `json:"median"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
	N      int     `json:"n"`
}

func newStat(xs []float64) *stat {
	if len(xs) == 0 {
		return nil
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	m := s[len(s)/2]
	if len(s)%2 == 0 {
		m = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return &stat{Median: m, Min: s[0], Max: s[len(s)-1], N: len(s)}
}

// row is one line of the table.
type row struct {
	Doc    string  `json:"doc"`
	Metric string  `json:"metric"`
	Unit   string  `json:"unit"`
	App    *stat   `json:"stancemark,omitempty"`
	Ref    *stat   `json:"plain_js,omitempty"`
	Ratio  float64 `json:"ratio,omitempty"` // Stancemark median / plain JS median
	Target string  `json:"target,omitempty"`
	Met    *bool   `json:"met,omitempty"`
	Note   string  `json:"note,omitempty"`
	Text   string  `json:"text,omitempty"` // shown instead of App
}

type meta struct {
	Date            string   `json:"date"`
	Command         string   `json:"command"`
	Commit          string   `json:"commit"`
	Runs            int      `json:"runs"`
	Sizes           []int    `json:"sizes"`
	Chromium        string   `json:"chromium"`
	ChromiumPath    string   `json:"chromium_path"`
	Flags           []string `json:"flags"`
	GOOS            string   `json:"goos"`
	GOARCH          string   `json:"goarch"`
	CPUs            int      `json:"cpus"`
	LoadAvgStart    string   `json:"loadavg_start"`
	LoadAvgEnd      string   `json:"loadavg_end"`
	WallSeconds     float64  `json:"wall_seconds"`
	WasmBytes       int64    `json:"wasm_bytes"`
	WasmBrotliBytes int64    `json:"wasm_brotli_bytes"`
	WasmGzipBytes   int64    `json:"wasm_gzip_bytes"`
	WasmSHA256      string   `json:"wasm_sha256_prefix"`
	TagGapMS        int64    `json:"click_to_key_gap_ms"`
	SettleMS        int64    `json:"settle_after_ready_ms"`
}

type report struct {
	Meta   meta        `json:"meta"`
	Rows   []row       `json:"summary"`
	Errors []string    `json:"errors,omitempty"`
	Runs   []runResult `json:"runs"`
}

const kibPerMiB = 1024

// summarize turns the runs into the rows of the table, with the targets of
// issue 7.
func summarize(b *bench, results []runResult) *report {
	rep := &report{}
	for _, r := range results {
		if r.Error != "" {
			rep.Errors = append(rep.Errors, fmt.Sprintf("run %d %s %s: %s", r.Run, r.Page, r.Doc, r.Error))
		}
		for _, t := range r.Tags {
			if t.Error != "" {
				rep.Errors = append(rep.Errors, fmt.Sprintf("run %d %s %s tag %s (%s): %s", r.Run, r.Page, r.Doc, t.Kind, t.SID, t.Error))
			}
		}
	}
	okRun := func(page, doc string) []runResult {
		var out []runResult
		for _, r := range results {
			if r.Page == page && r.Doc == doc && r.Error == "" {
				out = append(out, r)
			}
		}
		return out
	}
	perRun := func(rs []runResult, f func(runResult) (float64, bool)) *stat {
		var xs []float64
		for _, r := range rs {
			if v, ok := f(r); ok {
				xs = append(xs, v)
			}
		}
		return newStat(xs)
	}
	perTag := func(rs []runResult, kind string, f func(tagTimes) float64) *stat {
		var xs []float64
		for _, r := range rs {
			for _, t := range r.Tags {
				if t.Kind == kind && t.Error == "" {
					xs = append(xs, f(t))
				}
			}
		}
		return newStat(xs)
	}
	add := func(doc, metric, unit string, app, ref *stat) *row {
		rw := row{Doc: doc, Metric: metric, Unit: unit, App: app, Ref: ref}
		if app != nil && ref != nil && ref.Median > 0 {
			rw.Ratio = app.Median / ref.Median
		}
		rep.Rows = append(rep.Rows, rw)
		return &rep.Rows[len(rep.Rows)-1]
	}
	atMost := func(rw *row, limit float64, label string) {
		rw.Target = label
		if rw.App != nil {
			met := rw.App.Median <= limit
			rw.Met = &met
		}
	}
	label := func(t tagTimes) float64 { return t.Label }
	written := func(rs []runResult, kind string) *stat {
		var xs []float64
		for _, r := range rs {
			for _, t := range r.Tags {
				if t.Kind == kind && t.Error == "" && t.Written >= 0 {
					xs = append(xs, t.Written)
				}
			}
		}
		return newStat(xs)
	}
	frame := func(t tagTimes) float64 { return t.Frame }
	clickLabel := func(t tagTimes) float64 { return t.ClickLabel }
	clickFrame := func(t tagTimes) float64 { return t.ClickFrameDone }
	largest := 0
	for _, d := range b.site.Docs {
		largest = max(largest, d.Sentences)
	}
	ratioAtMost := func(rw *row, k float64) {
		if rw.Ref != nil {
			atMost(rw, k*rw.Ref.Median, fmt.Sprintf("≤ %g× plain JS", k))
		}
	}
	docs := b.site.Docs
	if b.site.Big != nil {
		docs = append(slices.Clone(docs), *b.site.Big)
	}

	for _, d := range docs {
		app, ref := okRun(pageApp, d.Name), okRun(pageRef, d.Name)
		big := d.Sentences == largest && d.File != ""
		huge := b.site.Big != nil && d.Name == b.site.Big.Name
		rw := add(d.Name, "bytes before ready", "KiB", perRun(app, func(r runResult) (float64, bool) {
			return float64(r.BytesBeforeReady) / 1024, true
		}), perRun(ref, func(r runResult) (float64, bool) { return float64(r.BytesBeforeReady) / 1024, true }))
		if d.File == "" {
			atMost(rw, 1.6*kibPerMiB, "≤ 1638 KiB (1.6 MiB)")
		}
		rw = add(d.Name, "ready", "ms", perRun(app, func(r runResult) (float64, bool) { return r.ReadyMS, true }),
			perRun(ref, func(r runResult) (float64, bool) { return r.ReadyMS, true }))
		if d.File == "" {
			atMost(rw, 1400, "≤ 1400 ms")
		} else if d.Sentences == 5000 {
			atMost(rw, 2000, "≤ 2000 ms")
		} else if huge {
			ratioAtMost(rw, 3)
		}
		rw = add(d.Name, "longest UI-thread task before ready (PerformanceObserver longtask)", "ms",
			perRun(app, func(r runResult) (float64, bool) { return r.LongestTaskMS, true }),
			perRun(ref, func(r runResult) (float64, bool) { return r.LongestTaskMS, true }))
		if huge {
			ratioAtMost(rw, 1.5)
		}
		rw = add(d.Name, "first contentful paint", "ms", perRun(app, func(r runResult) (float64, bool) { return r.FCPMS, r.FCPMS >= 0 }),
			perRun(ref, func(r runResult) (float64, bool) { return r.FCPMS, r.FCPMS >= 0 }))
		if d.File == "" {
			atMost(rw, 500, "≤ 500 ms")
		} else {
			rw.Note = "Stancemark first paints the prerendered bundled article"
		}
		for _, k := range []struct{ kind, name string }{{"first", "first tag"}, {"start", "tag near start"}, {"end", "tag near end"}} {
			rw = add(d.Name, k.name+" → data-label", "ms", perTag(app, k.kind, label), perTag(ref, k.kind, label))
			if d.Sentences == 5000 && k.kind != "first" {
				atMost(rw, 8, "≤ 8 ms")
			}
			rw = add(d.Name, k.name+" → next frame", "ms", perTag(app, k.kind, frame), perTag(ref, k.kind, frame))
			if big && k.kind == "end" {
				ratioAtMost(rw, 1.2)
			}
			if huge && k.kind == "end" {
				ratioAtMost(rw, 1.5)
			}
			rw = add(d.Name, k.name+", from the click: click → key → data-label", "ms", perTag(app, k.kind, clickLabel), perTag(ref, k.kind, clickLabel))
			if d.Sentences == 5000 && k.kind != "start" {
				atMost(rw, 8, "≤ 8 ms")
			}
			rw = add(d.Name, k.name+", from the click: click → key → next frame rendered", "ms", perTag(app, k.kind, clickFrame), perTag(ref, k.kind, clickFrame))
			if big && k.kind == "end" {
				ratioAtMost(rw, 1.2)
			}
			if huge && k.kind == "end" {
				ratioAtMost(rw, 1.5)
			}
		}
		if big {
			rw = add(d.Name, "tag near end → data-label written, inside the handler", "ms", written(app, "end"), nil)
			rw.Note = "setAttribute time; \"→ data-label\" is when the handler has returned"
		}
		rw = add(d.Name, "wasm memory after load", "MiB", perRun(app, func(r runResult) (float64, bool) {
			return float64(r.WasmMemory) / (1 << 20), r.WasmMemory > 0
		}), nil)
		if d.Sentences == 5000 {
			atMost(rw, 64, "≤ 64 MiB")
		}
		if huge {
			atMost(rw, 256, "≤ 256 MiB")
		}
		add(d.Name, "JS heap used after load", "MiB", perRun(app, func(r runResult) (float64, bool) {
			return float64(r.JSHeapUsed) / (1 << 20), r.JSHeapUsed > 0
		}), perRun(ref, func(r runResult) (float64, bool) { return float64(r.JSHeapUsed) / (1 << 20), r.JSHeapUsed > 0 }))
	}

	if d := b.site.Export; d.File != "" {
		app := okRun(pageApp, d.Name)
		plain, ref := okRun(pageApp, "5000"), okRun(pageRef, "5000")
		ready := func(r runResult) (float64, bool) { return r.ReadyMS, true }
		rw := add(d.Name, "ready (vs the same 5,000 sentences without highlights)", "ms", perRun(app, ready), nil)
		if rw.App != nil {
			if base := perRun(plain, ready); base != nil && base.Median > 0 {
				rw.Ratio = rw.App.Median / base.Median
				atMost(rw, 1.25*base.Median, fmt.Sprintf("≤ 1.25× no highlights (%s ms)", fmtNum(base.Median)))
			}
		}
		for _, k := range []struct{ kind, name string }{{"first", "first tag after load"}, {"end", "tag near end"}} {
			rw = add(d.Name, k.name+", from the click: click → key → data-label", "ms", perTag(app, k.kind, clickLabel), perTag(ref, k.kind, clickLabel))
			if k.kind == "first" {
				atMost(rw, 8, "≤ 8 ms")
			}
			rw = add(d.Name, k.name+" → data-label", "ms", perTag(app, k.kind, label), perTag(ref, k.kind, label))
			rw = add(d.Name, k.name+", from the click: click → key → next frame rendered", "ms", perTag(app, k.kind, clickFrame), perTag(ref, k.kind, clickFrame))
			if k.kind == "end" {
				ratioAtMost(rw, 1.5)
				rw.Note = "plain JS: the 5,000 sentences without highlights"
			}
			rw = add(d.Name, k.name+" → next frame", "ms", perTag(app, k.kind, frame), perTag(ref, k.kind, frame))
			if k.kind == "end" {
				ratioAtMost(rw, 1.5)
			}
		}
		add(d.Name, "longest UI-thread task before ready (PerformanceObserver longtask)", "ms",
			perRun(app, func(r runResult) (float64, bool) { return r.LongestTaskMS, true }), nil)
		add(d.Name, "wasm memory after load", "MiB", perRun(app, func(r runResult) (float64, bool) {
			return float64(r.WasmMemory) / (1 << 20), r.WasmMemory > 0
		}), nil)
	}

	if pr := b.site.Project; pr != nil {
		summarizeProject(rep, okRun(pageApp, projectDoc), pr, add, atMost, perRun)
	}

	if b.site.SeedFile != "" {
		d := b.site.Seed
		app := okRun(pageApp, d.Name)
		add(d.Name, "ready (restoring the highlights)", "ms", perRun(app, func(r runResult) (float64, bool) { return r.ReadyMS, true }), nil)
		add(d.Name, "tag near end → data-label written, inside the handler", "ms", written(app, "end"), nil)
		add(d.Name, "tag near end → data-label", "ms", perTag(app, "end", label), nil)
		add(d.Name, "tag near end → next frame", "ms", perTag(app, "end", frame), nil)
		var saves []float64
		inFrame, total, missing := 0, 0, 0
		for _, r := range app {
			for _, t := range r.Tags {
				if t.Kind == "first" || t.Error != "" {
					continue
				}
				total++
				if t.SaveInFrame {
					inFrame++
				}
				if t.WorkSave > 0 {
					saves = append(saves, t.WorkSave)
				} else {
					missing++
				}
			}
		}
		rw := add(d.Name, "save one change (setItem of the work)", "ms", newStat(saves), nil)
		atMost(rw, 4, "≤ 4 ms")
		if missing > 0 {
			rw.Note = fmt.Sprintf("%d of %d tags saved no work within 1 s", missing, total)
		}
		met := inFrame == 0
		rep.Rows = append(rep.Rows, row{Doc: d.Name, Metric: "tags with a save before the next frame", Unit: "tags",
			Text: fmt.Sprintf("%d of %d", inFrame, total), Target: "none", Met: &met})
		add(d.Name, "wasm memory after load", "MiB", perRun(app, func(r runResult) (float64, bool) {
			return float64(r.WasmMemory) / (1 << 20), r.WasmMemory > 0
		}), nil)
	}
	return rep
}

func fmtNum(v float64) string {
	switch a := math.Abs(v); {
	case a >= 100:
		return fmt.Sprintf("%.0f", v)
	case a >= 10:
		return fmt.Sprintf("%.1f", v)
	default:
		return fmt.Sprintf("%.2f", v)
	}
}

func fmtStat(s *stat) string {
	if s == nil {
		return "–"
	}
	return fmt.Sprintf("%s (%s–%s)", fmtNum(s.Median), fmtNum(s.Min), fmtNum(s.Max))
}

func kib(n int64) string { return fmt.Sprintf("%.0f KiB", float64(n)/1024) }

// printTable writes the summary as a Markdown table (it can go into the
// README as it is).
func printTable(w io.Writer, rep *report) {
	m := rep.Meta
	fmt.Fprintf(w, "\nStancemark vs plain JS, headless %s, %d runs each (fresh profile), %d CPUs, load %s → %s\n",
		m.Chromium, m.Runs, m.CPUs, m.LoadAvgStart, m.LoadAvgEnd)
	fmt.Fprintf(w, "app.wasm %s raw, %s brotli, %s gzip; commit %s\n\n", kib(m.WasmBytes), kib(m.WasmBrotliBytes), kib(m.WasmGzipBytes), m.Commit)
	fmt.Fprintln(w, "| document | metric | Stancemark median (min–max) | plain JS median (min–max) | ratio | target |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- | --- |")
	for _, r := range rep.Rows {
		ratio := ""
		if r.Ratio > 0 {
			ratio = fmt.Sprintf("%.2f×", r.Ratio)
		}
		target := r.Target
		if r.Met != nil {
			if *r.Met {
				target += " ok"
			} else {
				target += " **missed**"
			}
		}
		if r.Note != "" {
			target = strings.TrimSpace(target + " (" + r.Note + ")")
		}
		app := fmtStat(r.App)
		if r.Text != "" {
			app = r.Text
		}
		fmt.Fprintf(w, "| %s | %s (%s) | %s | %s | %s | %s |\n", r.Doc, r.Metric, r.Unit, app, fmtStat(r.Ref), ratio, target)
	}
	if len(rep.Errors) > 0 {
		fmt.Fprintf(w, "\n%d problems (the runs or tags are left out of the table):\n", len(rep.Errors))
		for _, e := range rep.Errors {
			fmt.Fprintln(w, "-", e)
		}
	}
	fmt.Fprintln(w)
}
