package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"stancemark/internal/browsertest"
)

//go:embed probe.js
var probeJS string

// scenario is one page on one document.
type scenario struct {
	Page    string // "stancemark" or "plain JS"
	Doc     docSpec
	Path    string // the URL path and query
	Seed    string // a JSON file of localStorage items written before navigation
	Key     string // the hotkey tagged
	Label   string // the label id the key sets
	FewTags bool   // first and end tags only (the big document)
	// Project is the FNC-1-sized project opened by ?src= (nil for an
	// article): the run times its first task and "]" moves, not tags.
	Project *projectSpec
}

// runResult is one run of a scenario in a fresh browser.
type runResult struct {
	Page      string  `json:"page"`
	Doc       string  `json:"doc"`
	Run       int     `json:"run"`
	Error     string  `json:"error,omitempty"`
	ReadyMS   float64 `json:"ready_ms"`
	FCPMS     float64 `json:"fcp_ms"`
	Sentences int     `json:"sentences"`
	// Bytes of every response whose request started before ready (proxy
	// count: bodies as sent, with headers), and the page's own view
	// (resource timing transferSize, which misses the service worker).
	BytesBeforeReady  int64       `json:"bytes_before_ready"`
	BytesTotal        int64       `json:"bytes_total_at_end_of_load"`
	ResourceTimingB   int64       `json:"resource_timing_bytes_before_ready"`
	WasmEncoding      string      `json:"wasm_content_encoding,omitempty"`
	WasmMemory        int64       `json:"wasm_memory_bytes"`
	LongestTaskMS     float64     `json:"longest_task_before_ready_ms"` // PerformanceObserver longtask, 0 when none ≥ 50 ms
	JSHeapUsed        int64       `json:"js_heap_used_bytes"`
	Tags              []tagTimes  `json:"tags"`
	Moves             []moveTimes `json:"moves,omitempty"`
	Transfers         []transfer  `json:"transfers"`
	WallSeconds       float64     `json:"wall_seconds"`
	Console           []string    `json:"console_errors,omitempty"`
	ChromiumVersion   string      `json:"-"`
	readyUnixMS       float64
	tagLabel, tagSave string
}

// tagTimes is one click-then-key tag; times are in ms from the keydown's
// timeStamp unless named Click….
type tagTimes struct {
	Kind string `json:"kind"` // first, start, end
	// From the synthetic click (see probe.js clickThenKey): to the sentence
	// selected (when the key is sent), to data-label, to the next frame.
	ClickSelected float64 `json:"click_selected_ms"`
	ClickLabel    float64 `json:"click_label_ms"`
	ClickFrame    float64 `json:"click_frame_ms"`
	// ... to the end of that frame's main-thread work (style, layout, paint):
	// a synthetic event arrives between frames, so the rAF alone can come
	// before the browser has laid the change out. The app's save, deferred
	// to the task after the frame, can run before the probe's message: its
	// setItem time is taken out (the frame was on screen before it).
	ClickFrameDone float64     `json:"click_frame_done_ms"`
	SID            string      `json:"sid"`
	Error          string      `json:"error,omitempty"`
	InputDelay     float64     `json:"input_delay_ms"` // keydown timeStamp to its first listener
	Written        float64     `json:"written_ms"`     // setAttribute("data-label") called (-1: not through setAttribute)
	Label          float64     `json:"label_ms"`       // data-label observed
	Frame          float64     `json:"frame_ms"`       // next animation frame callback
	FrameDone      float64     `json:"frame_done_ms"`  // end of that frame's main-thread work
	WorkSave       float64     `json:"work_save_ms"`   // setItem time for stancemark/v1/work/…
	SaveInFrame    bool        `json:"save_in_paint_frame"`
	Saves          []saveEntry `json:"saves"`
}

type saveEntry struct {
	Key   string  `json:"key"`
	Len   int     `json:"len"`
	Start float64 `json:"start_ms"` // from the keydown
	MS    float64 `json:"ms"`
}

// runScenario runs sc once. A page that never gets ready or a tag that
// never lands is recorded in the result; an error is a harness failure.
func (b *bench) runScenario(sc scenario, run int) (res runResult, err error) {
	res = runResult{Page: sc.Page, Doc: sc.Doc.Name, Run: run}
	began := time.Now()
	defer func() { res.WallSeconds = time.Since(began).Seconds() }()
	bctx, closeBrowser, err := browsertest.StartBrowser(b.chromium, b.tmp)
	if err != nil {
		return res, err
	}
	defer closeBrowser()
	if b.version == "" {
		if v, err := chromedp.Run(bctx, func(ctx context.Context, t *chromedp.Target) (string, error) {
			r, err := chromedp.CallBrowser(ctx, browser.GetVersion, cdp.Empty{})
			return r.Product, err
		}); err == nil {
			b.version = v
		}
	}
	ctx, cancel := context.WithTimeout(bctx, b.runTimeout)
	defer cancel()

	if sc.Seed != "" {
		if err := chromedp.Do(ctx,
			chromedp.Navigate(b.srv.URL+"/web/ref/blank.html"),
			chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`fetch(%q).then(r => r.json()).then(o => { for (const k in o) localStorage.setItem(k, o[k]); })`, sc.Seed), chromedp.EvalAwaitPromise),
		); err != nil {
			return res, fmt.Errorf("seeding localStorage: %w", err)
		}
	}
	cfg, _ := json.Marshal(map[string]any{"docID": sc.pageDocID(), "count": sc.pageCount(), "labeled": sc.pageLabeled()})
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: "window.__benchCfg = " + string(cfg) + ";\n" + probeJS + "\n" + probeProjectJS,
	}); err != nil {
		return res, fmt.Errorf("installing the probe: %w", err)
	}
	// The page's errors and uncaught exceptions, for the report.
	var consoleMu sync.Mutex
	var console []string
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				consoleMu.Lock()
				if len(console) < 10 {
					console = append(console, m.String())
				}
				consoleMu.Unlock()
			}
		}
	}()
	defer func() {
		consoleMu.Lock()
		res.Console = append([]string(nil), console...)
		consoleMu.Unlock()
	}()

	b.srv.log.reset()
	if err := chromedp.Do(ctx, chromedp.Navigate(b.srv.URL+sc.Path)); err != nil {
		return res, fmt.Errorf("navigating to %s: %w", sc.Path, err)
	}

	// Wait (from Go, cheaply) until the probe saw ready; the time is the probe's.
	if err := waitFor(ctx, `window.__bench && window.__bench.ready !== null`, b.readyTimeout); err != nil {
		state, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const a = document.getElementById("document"); return a ? "data-ready=" + a.getAttribute("data-ready") + " data-doc-id=" + a.getAttribute("data-doc-id") + " sentences=" + a.querySelectorAll("[data-sid]").length + " message=" + ((document.getElementById("message")||{}).textContent||"").trim() : "no article#document"; })()`))
		res.Error = fmt.Sprintf("not ready within %v (%s)", b.readyTimeout, state)
		return res, nil
	}
	var load struct {
		Ready, FCP, TimeOrigin float64
		Count                  int
		ResourceBytes          int64
	}
	load, err = chromedp.Run(ctx, chromedp.Evaluate[struct {
		Ready, FCP, TimeOrigin float64
		Count                  int
		ResourceBytes          int64
	}](`(() => {
		const B = window.__bench;
		const fcp = performance.getEntriesByName("first-contentful-paint")[0];
		let bytes = 0;
		for (const e of performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"))) {
			if (e.startTime <= B.ready) bytes += e.transferSize || 0;
		}
		return {Ready: B.ready, FCP: fcp ? fcp.startTime : -1, TimeOrigin: performance.timeOrigin, Count: B.readyCount, ResourceBytes: bytes};
	})()`))
	if err != nil {
		return res, fmt.Errorf("reading the load metrics: %w", err)
	}
	res.ReadyMS, res.FCPMS, res.Sentences, res.ResourceTimingB = load.Ready, load.FCP, load.Count, load.ResourceBytes
	res.readyUnixMS = load.TimeOrigin + load.Ready

	// Let the page settle (a user does not tag in the first second), then
	// read memory and the bytes.
	time.Sleep(b.settle)
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.__bench.hookSetAttribute()`)); err != nil {
		return res, fmt.Errorf("hooking setAttribute: %w", err)
	}
	mem, err := chromedp.Run(ctx, chromedp.Evaluate[int64](`window.__bench.wasmMemory()`))
	if err != nil {
		return res, fmt.Errorf("reading wasm memory: %w", err)
	}
	res.WasmMemory = mem
	if heap, err := chromedp.Call(ctx, runtime.GetHeapUsage, cdp.Empty{}); err == nil {
		res.JSHeapUsed = int64(heap.UsedSize)
	}
	if lt, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.__bench.longestTask(window.__bench.ready)`)); err == nil {
		res.LongestTaskMS = lt
	}
	res.Transfers = b.srv.log.snapshot()
	for _, t := range res.Transfers {
		if t.Start <= res.readyUnixMS {
			res.BytesBeforeReady += t.Bytes
		}
		res.BytesTotal += t.Bytes
		if strings.HasPrefix(t.Path, "/web/app.wasm") && res.WasmEncoding == "" {
			res.WasmEncoding = t.Encoding
			if res.WasmEncoding == "" {
				res.WasmEncoding = "identity"
			}
		}
	}
	if sc.Doc.Sentences > 0 && res.Sentences != sc.Doc.Sentences {
		res.Error = fmt.Sprintf("%d sentences in the page, want %d", res.Sentences, sc.Doc.Sentences)
	}
	if sc.Project != nil {
		res.Moves, err = b.moves(ctx, sc.Project, projectMoves)
		return res, err
	}

	// Tags: the first one (Chromium's first style pass), then near the start
	// and near the end of the document.
	n := res.Sentences
	plan := []struct {
		kind string
		idx  int
	}{{"first", 1}}
	for i := range b.tagReps {
		if sc.Seed != "" || sc.FewTags {
			break // the saved-highlights and the big runs: first and end tags only
		}
		plan = append(plan, struct {
			kind string
			idx  int
		}{"start", 3 + 2*i})
	}
	for i := range b.tagReps {
		plan = append(plan, struct {
			kind string
			idx  int
		}{"end", n - 2 - 2*i})
	}
	for _, p := range plan {
		if p.idx < 0 || p.idx >= n {
			continue
		}
		t, err := b.tag(ctx, sc, p.idx)
		if err != nil {
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				res.Error = fmt.Sprintf("the run took longer than %v (%s tag on %d)", b.runTimeout, p.kind, p.idx+1)
				return res, nil
			}
			return res, err
		}
		t.Kind = p.kind
		res.Tags = append(res.Tags, t)
	}
	return res, nil
}

func (sc scenario) pageDocID() string {
	if sc.Page == pageApp {
		return sc.Doc.DocID
	}
	return ""
}

func (sc scenario) pageLabeled() int {
	if sc.Page == pageApp {
		return sc.Doc.Labeled
	}
	return 0
}

func (sc scenario) pageCount() int {
	if sc.Page == pageApp {
		return sc.Doc.Sentences
	}
	return 0 // the reference page sets data-ready after its single append
}

// tag clicks sentence idx with real mouse events, waits like a person
// (the selection shows, then a short pause) and presses the key.
func (b *bench) tag(ctx context.Context, sc scenario, idx int) (tagTimes, error) {
	sid := fmt.Sprintf("s%d", idx+1)
	t := tagTimes{SID: sid}
	type point struct{ X, Y float64 }
	pt, err := chromedp.Run(ctx, chromedp.Evaluate[*point](fmt.Sprintf(`new Promise((resolve) => {
		const el = document.querySelector('#sentences [data-sid="%s"]');
		if (!el) return resolve(null);
		el.scrollIntoView({block: "center"});
		requestAnimationFrame(() => requestAnimationFrame(() => {
			const r = el.getClientRects()[0];
			resolve({X: r.left + r.width / 2, Y: r.top + r.height / 2});
		}));
	})`, sid), chromedp.EvalAwaitPromise))
	if err != nil {
		return t, fmt.Errorf("locating %s: %w", sid, err)
	}
	if pt == nil {
		t.Error = "no element " + sid
		return t, nil
	}
	// The pause of the method: the sentence is centred, then 300 ms.
	time.Sleep(b.gap)
	before, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.__bench.tags.length`))
	if err != nil {
		return t, err
	}
	stopProfile, err := b.startProfile(ctx)
	if err != nil {
		return t, err
	}
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`window.__bench.clickThenKey(%q, %q, %q)`, sid, sc.Key, sc.Label)))
	if err != nil {
		return t, fmt.Errorf("clicking %s and pressing %s: %w", sid, sc.Key, err)
	}
	if !ok {
		t.Error = "no element " + sid
		return t, nil
	}
	done := fmt.Sprintf(`window.__bench.tags.length > %d && window.__bench.tags[%d].after !== null`, before, before)
	if err := waitFor(ctx, done, 10*time.Second); err != nil {
		sel, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`document.querySelector('#sentences [data-sid="%s"]').getAttribute("aria-selected") === "true"`, sid)))
		if !sel {
			t.Error = "click did not select " + sid
			return t, nil
		}
		t.Error = fmt.Sprintf("key %s did not set data-label=%q on %s", sc.Key, sc.Label, sid)
		return t, nil
	}
	if err := stopProfile(sc.Page + "-" + sc.Doc.Name + "-" + sid); err != nil {
		return t, err
	}
	// Saves may be deferred past the frame: wait for the work's save (up to
	// a second), then a little longer for anything else.
	workSaved := fmt.Sprintf(`window.__bench.saves.some(s => s.t0 >= window.__bench.tags[%d].ts && s.key.startsWith("stancemark/v1/work/"))`, before)
	if sc.Page == pageApp {
		waitFor(ctx, workSaved, time.Second)
	}
	time.Sleep(100 * time.Millisecond)
	rec, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		TS, Start, Written, Label, Frame, After, Click, Selected float64
		Saves                                                    []struct {
			Key    string
			Len    int
			T0, T1 float64
		}
	}](fmt.Sprintf(`(() => {
		const r = window.__bench.tags[%d];
		const next = window.__bench.tags[%d];
		const saves = window.__bench.saves.filter(s => s.t0 >= r.ts && (!next || s.t0 < next.ts))
			.map(s => ({Key: s.key, Len: s.len, T0: s.t0, T1: s.t1}));
		return {TS: r.ts, Start: r.start, Written: r.written === undefined ? -1 : r.written, Label: r.label, Frame: r.frame, After: r.after,
			Click: r.click === null ? -1 : r.click, Selected: r.selected === null ? -1 : r.selected, Saves: saves};
	})()`, before, before+1)))
	if err != nil {
		return t, fmt.Errorf("reading the tag: %w", err)
	}
	t.InputDelay = rec.Start - rec.TS
	t.Label, t.Frame, t.FrameDone = rec.Label-rec.TS, rec.Frame-rec.TS, rec.After-rec.TS
	if rec.Click >= 0 {
		t.ClickSelected, t.ClickLabel, t.ClickFrame = rec.Selected-rec.Click, rec.Label-rec.Click, rec.Frame-rec.Click
		t.ClickFrameDone = rec.After - rec.Click
	}
	t.Written = -1
	if rec.Written >= 0 {
		t.Written = rec.Written - rec.TS
	}
	deferred := 0.0 // saves run after the frame but before the probe's message
	for _, s := range rec.Saves {
		if s.T0 >= rec.Frame && s.T1 <= rec.After {
			deferred += s.T1 - s.T0
		}
	}
	if rec.Click >= 0 {
		t.ClickFrameDone -= deferred
	}
	for _, s := range rec.Saves {
		t.Saves = append(t.Saves, saveEntry{Key: s.Key, Len: s.Len, Start: s.T0 - rec.TS, MS: s.T1 - s.T0})
		if strings.HasPrefix(s.Key, "stancemark/v1/work/") {
			t.WorkSave += s.T1 - s.T0
		}
		if s.T0 < rec.Frame {
			t.SaveInFrame = true
		}
	}
	return t, nil
}

// waitFor evaluates expr every 25 ms until it is true. It polls from Go so
// that no rAF loop runs in the page while it is measured.
func waitFor(ctx context.Context, expr string, timeout time.Duration) error {
	return browsertest.WaitJS(ctx, expr, timeout, 25*time.Millisecond)
}
