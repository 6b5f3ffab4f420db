// Package e2e holds Stancemark's real-browser end-to-end tests: the app is
// built for WebAssembly, served by the stancemark binary on 127.0.0.1, and
// driven in headless Chromium through chromedp, with real mouse and keyboard
// input. The tests check what a user sees and what the app stores.
//
// Run: go test ./e2e/ -count=1 -v   (CHROMIUM=/path/to/chromium to override
// /usr/bin/chromium).
package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/input"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"stancemark/annotations"
)

// Set by TestMain.
var (
	repoRoot      string          // the module root (".." from e2e/)
	baseURL       string          // http://127.0.0.1:PORT/
	servedWeb     string          // the directory served under /web/ (tests may add files)
	stancemarkBin string          // the binary under test
	browserCx     context.Context // a chromedp context whose browser is running
)

const (
	testTimeout  = 60 * time.Second
	waitTimeout  = 10 * time.Second
	pollInterval = 40 * time.Millisecond
	docTitleSlug = "could-u-s-iran-work-together-in-iraq-maybe-officials-say"
	exportName   = docTitleSlug + ".stancemark.json"
	bundledClaim = "The United States and Iran could cooperate in Iraq."
	numParas     = 20
	numSentences = 23
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	root, err := filepath.Abs("..")
	if err != nil {
		return fail("repo root: %v", err)
	}
	repoRoot = root
	tmp, err := os.MkdirTemp("", "stancemark-e2e-")
	if err != nil {
		return fail("temp dir: %v", err)
	}
	defer os.RemoveAll(tmp)

	// Build the wasm and the binary. A build failure fails the suite: it is
	// never a skip.
	bin := filepath.Join(tmp, "stancemark")
	stancemarkBin = bin
	start := time.Now()
	if err := goBuild(root, []string{"GOOS=js", "GOARCH=wasm"},
		"build", "-trimpath", "-o", filepath.Join("web", "app.wasm"), "./cmd/stancemark"); err != nil {
		return fail("e2e: wasm build failed:\n%v", err)
	}
	if err := goBuild(root, nil, "build", "-o", bin, "./cmd/stancemark"); err != nil {
		return fail("e2e: native build failed:\n%v", err)
	}
	fmt.Fprintf(os.Stderr, "e2e: built wasm and binary in %v\n", time.Since(start).Round(time.Millisecond))

	// Serve a snapshot of web/ taken right after the build: the wasm under
	// test is the one just built, even if someone rebuilds web/ (app.wasm,
	// app.wasm.br, app.wasm.gz) while the suite runs. Precompressed copies
	// are left out, so they can never be stale.
	webDir := filepath.Join(tmp, "web")
	servedWeb = webDir
	if err := snapshotWeb(filepath.Join(root, "web"), webDir); err != nil {
		return fail("e2e: copy web/: %v", err)
	}

	// Serve.
	addr, err := freeAddr()
	if err != nil {
		return fail("e2e: free port: %v", err)
	}
	serverOut := &lockedBuffer{}
	srv := exec.Command(bin, "serve", "-addr", addr, "-web", webDir)
	srv.Dir = root
	srv.Stdout = serverOut
	srv.Stderr = serverOut
	dieWithParent(srv)
	if err := srv.Start(); err != nil {
		return fail("e2e: start server: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- srv.Wait() }()
	defer func() {
		_ = srv.Process.Kill() // by its PID
		<-exited
	}()
	baseURL = "http://" + addr + "/"
	if err := waitHTTP(baseURL, exited, 20*time.Second); err != nil {
		return fail("e2e: server did not answer: %v\nserver output:\n%s", err, serverOut.String())
	}

	// One browser process for the whole suite; every test gets a fresh
	// browser context (its own localStorage, cookies, downloads).
	exe := "/usr/bin/chromium"
	if v := os.Getenv("CHROMIUM"); v != "" {
		exe = v
	}
	profile := filepath.Join(tmp, "chromium-profile")
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	if err := chromedp.Do(bctx); err != nil {
		return fail("e2e: start chromium %s: %v", exe, err)
	}
	browserCx = bctx

	code := m.Run()
	if code != 0 && serverOut.String() != "" {
		fmt.Fprintf(os.Stderr, "e2e: server output:\n%s\n", tail(serverOut.String(), 4000))
	}
	return code
}

// lockedBuffer collects the server's output.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func fail(format string, args ...any) int {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	return 1
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}

func goBuild(dir string, env []string, args ...string) error {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s go %s: %v\n%s", strings.Join(env, " "), strings.Join(args, " "), err, out)
	}
	return nil
}

// snapshotWeb copies the files of web/ (not the precompressed wasm) to dst.
func snapshotWeb(src, dst string) error {
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	return filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if rel == "app.wasm.br" || rel == "app.wasm.gz" {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

func waitHTTP(url string, exited <-chan error, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	client := &http.Client{Timeout: time.Second}
	for {
		resp, err := client.Get(url)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		select {
		case werr := <-exited:
			return fmt.Errorf("server exited: %v", werr)
		default:
		}
		if time.Now().After(deadline) {
			return err
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// ---------------------------------------------------------------------------
// Expected data

var (
	bundledOnce sync.Once
	bundledDoc  *annotations.Document
	bundledErr  error
)

// bundled returns the bundled article as the annotations package segments it:
// the DOM must show exactly this.
func bundled(t testing.TB) *annotations.Document {
	t.Helper()
	bundledOnce.Do(func() {
		var src []byte
		for _, p := range []string{"web/us-iran-iraq.txt", "articles/us-iran-iraq.txt"} {
			if b, err := os.ReadFile(filepath.Join(repoRoot, p)); err == nil {
				src = b
				break
			}
		}
		if src == nil {
			bundledErr = errors.New("bundled article not found in web/ or articles/")
			return
		}
		bundledDoc, bundledErr = annotations.ParsePlainText(string(src))
	})
	if bundledErr != nil {
		t.Fatalf("expected document: %v", bundledErr)
	}
	return bundledDoc
}

// ---------------------------------------------------------------------------
// Pages

// Page is one tab in a fresh browser profile (a new browser context: empty
// localStorage), on the app.
type Page struct {
	t   *testing.T
	Ctx context.Context

	mu       sync.Mutex
	problems []string // console errors and uncaught exceptions
	allowed  []string // console messages a test expects (see allowConsole)
}

// allowConsole lets console errors containing any of the substrings pass:
// for tests whose subject is a failing request the browser itself logs.
func (p *Page) allowConsole(substrings ...string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.allowed = append(p.allowed, substrings...)
}

// newPage opens a fresh profile on the app and waits until it is interactive.
// Console errors and uncaught exceptions fail the test at its end.
func newPage(t *testing.T) *Page {
	t.Helper()
	p := newProfile(t)
	p.Open()
	return p
}

// newProfile opens a tab in a fresh browser profile without navigating. Use
// it for a second, independent profile (for example to import an export into
// a browser that never saw the document's annotations).
func newProfile(t *testing.T) *Page {
	t.Helper()
	return newProfileFor(t, testTimeout)
}

// newProfileFor is newProfile for a tab that lives at most timeout.
func newProfileFor(t *testing.T, timeout time.Duration) *Page {
	t.Helper()
	if browserCx == nil {
		t.Fatal("browser not started")
	}
	p := &Page{t: t}
	tctx, cancelTimeout := context.WithTimeout(browserCx, timeout)
	ctx, cancel := chromedp.NewContext(tctx,
		chromedp.WithNewBrowserContext(),
		chromedp.WithListener(p.listen),
	)
	p.Ctx = ctx
	t.Cleanup(func() {
		cancel()
		cancelTimeout()
	})
	t.Cleanup(p.checkProblems) // runs first (LIFO), while the tab is open
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open tab: %v", err)
	}
	return p
}

func (p *Page) listen(ev any) {
	var msg string
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg = "uncaught exception: " + d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		msg += fmt.Sprintf(" (%s:%d:%d)", d.URL, d.LineNumber+1, d.ColumnNumber+1)
	case *runtime.EventConsoleAPICalled:
		if ev.Type != runtime.ConsoleAPICalledTypeError && ev.Type != runtime.ConsoleAPICalledTypeAssert {
			return
		}
		var parts []string
		for _, a := range ev.Args {
			switch {
			case a.Value != nil:
				var s string
				if json.Unmarshal(a.Value, &s) == nil {
					parts = append(parts, s)
				} else {
					parts = append(parts, string(a.Value))
				}
			case a.Description != "":
				parts = append(parts, a.Description)
			default:
				parts = append(parts, string(a.Type))
			}
		}
		msg = "console." + string(ev.Type) + ": " + strings.Join(parts, " ")
	case *cdplog.EventEntryAdded:
		if ev.Entry.Level != cdplog.EntryLevelError {
			return
		}
		msg = "browser log error: " + ev.Entry.Text + " " + ev.Entry.URL
	default:
		return
	}
	p.mu.Lock()
	p.problems = append(p.problems, msg)
	p.mu.Unlock()
}

func (p *Page) checkProblems() {
	p.mu.Lock()
	defer p.mu.Unlock()
next:
	for _, m := range p.problems {
		for _, a := range p.allowed {
			if strings.Contains(m, a) {
				continue next
			}
		}
		p.t.Errorf("page error: %s", m)
	}
}

// Do runs actions and fails the test on error.
func (p *Page) Do(what string, actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.Ctx, actions...); err != nil {
		p.t.Fatalf("%s: %v", what, err)
	}
}

// Open navigates to the app and waits until it is interactive.
func (p *Page) Open() {
	p.t.Helper()
	p.Do("navigate", chromedp.Navigate(baseURL))
	p.WaitReady()
}

// Reload reloads and waits until the app is interactive again.
func (p *Page) Reload() {
	p.t.Helper()
	p.Do("reload", chromedp.Reload())
	p.WaitReady()
}

// WaitReady waits for the marker the wasm app sets once it is interactive
// (the server's prerendered HTML has no data-ready).
func (p *Page) WaitReady() {
	p.t.Helper()
	p.WaitJS("app interactive (article#document[data-ready=true] with sentences)",
		`!!document.querySelector('article#document[data-ready="true"] span.sentence[data-sid]')`)
}

// Eval evaluates js and decodes the result into T.
func Eval[T any](p *Page, js string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.Ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("evaluate %s: %v", short(js), err)
	}
	return v
}

func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}

// WaitJS waits until the JS expression is truthy.
func (p *Page) WaitJS(what, js string) {
	p.t.Helper()
	p.Eventually(what, func() error {
		ok, err := chromedp.Run(p.Ctx, chromedp.Evaluate[bool]("!!("+js+")"))
		if err != nil {
			return err
		}
		if !ok {
			return errors.New("not yet: " + short(js))
		}
		return nil
	})
}

// Eventually retries check until it returns nil or waitTimeout passes. The
// app paints sentence state synchronously but go-app renders the rest of the
// UI asynchronously, so every assertion on the DOM goes through here.
func (p *Page) Eventually(what string, check func() error) {
	p.t.Helper()
	start := time.Now()
	deadline := start.Add(waitTimeout)
	for {
		err := check()
		if err == nil {
			if d := time.Since(start); d > 5*time.Second {
				p.t.Logf("slow: %s took %v", what, d.Round(time.Millisecond))
			}
			return
		}
		if p.Ctx.Err() != nil || time.Now().After(deadline) {
			p.t.Fatalf("%s: %v", what, err)
		}
		time.Sleep(pollInterval)
	}
}

// Settle waits until the DOM has had no mutation for 100 ms (at most 3 s):
// go-app renders after the event that caused a change, and a field it
// re-renders can be replaced under a click that came too soon. A person
// pauses before clicking into a field; this is that pause.
func (p *Page) Settle() {
	p.t.Helper()
	Eval[bool](p, `new Promise(res => {
		let t;
		const done = () => { obs.disconnect(); res(true); };
		const obs = new MutationObserver(() => { clearTimeout(t); t = setTimeout(done, 100); });
		obs.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
		t = setTimeout(done, 100);
		setTimeout(done, 3000);
	})`)
}

// poll reports whether ok becomes true within d.
func (p *Page) poll(d time.Duration, ok func() bool) bool {
	p.t.Helper()
	for deadline := time.Now().Add(d); ; time.Sleep(pollInterval) {
		if ok() {
			return true
		}
		if p.Ctx.Err() != nil || time.Now().After(deadline) {
			return false
		}
	}
}

// Never checks that check keeps returning nil for d (for "nothing changes").
func (p *Page) Never(what string, d time.Duration, check func() error) {
	p.t.Helper()
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if err := check(); err != nil {
			p.t.Fatalf("%s: %v", what, err)
		}
		time.Sleep(pollInterval)
	}
}

// ---------------------------------------------------------------------------
// Input

// pressKeys presses the key of each rune of keys (see chromedp/kb), with
// modifiers, the way a real keyboard reaches the page (and as Puppeteer sends
// it): one keyDown event that carries the key's text, then keyUp. So a page
// that calls preventDefault on keydown stops the text, as in a real browser.
// (chromedp.KeyEvent sends the text as a separate "char" event, which
// preventDefault on keydown does not stop: a key that moves the focus into a
// field would type itself into that field, which no user ever sees.) With
// Ctrl, Alt or Meta held a key carries no text.
func pressKeys(keys string, mods ...chromedp.Modifier) chromedp.Action[chromedp.Void] {
	var m int64
	for _, x := range mods {
		m |= int64(x)
	}
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, r := range keys {
			evs := kb.Encode(r)
			down, up := *evs[0], *evs[len(evs)-1]
			if len(evs) == 3 { // printable: take the char event's text
				down.Text, down.UnmodifiedText = evs[1].Text, evs[1].UnmodifiedText
			}
			down.Modifiers |= m
			up.Modifiers |= m
			if m&^int64(chromedp.ModifierShift) != 0 {
				down.Text, down.UnmodifiedText = "", ""
			}
			down.Type = input.DispatchKeyEventTypeKeyDown
			if down.Text == "" {
				down.Type = input.DispatchKeyEventTypeRawKeyDown
			}
			up.Type = input.DispatchKeyEventTypeKeyUp
			for _, ev := range []input.DispatchKeyEventParams{down, up} {
				if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, ev); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// Key presses keys with modifiers (see pressKeys).
func (p *Page) Key(keys string, mods ...chromedp.Modifier) {
	p.t.Helper()
	p.Do(fmt.Sprintf("press %q %v", keys, mods), pressKeys(keys, mods...))
}

// Shortcut names, for readability.
const (
	KeyDown   = kb.ArrowDown
	KeyUp     = kb.ArrowUp
	KeyEscape = kb.Escape
	KeyBack   = kb.Backspace
	KeyTab    = kb.Tab
	KeyEnter  = kb.Enter
)

// TypeInto clicks a text field (once the page has settled), replaces its
// text by typing, and checks the field got it.
func (p *Page) TypeInto(css, text string) {
	p.t.Helper()
	p.Settle()
	p.Click(css)
	p.Do("select the text of "+css, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).select()`, css)))
	p.Do("type into "+css, pressKeys(text))
	if v := p.Value(css); v != text {
		p.t.Fatalf("typing into %s gave %q, want %q (did the field lose focus?)", css, v, text)
	}
}

type point struct {
	X     float64 `json:"x"`
	Y     float64 `json:"y"`
	Found bool    `json:"found"`
}

// pointIn scrolls the element (if needed) and returns a point inside it; for
// an inline element that wraps, a point inside its first line box. where is
// "center", "start" (a little right of the left edge) or "end" (a little left
// of the right edge of the last line box).
func (p *Page) pointIn(css, where string) point {
	p.t.Helper()
	js := fmt.Sprintf(`(() => {
		const el = document.querySelector(%q);
		if (!el) return {x: 0, y: 0, found: false};
		const where = %q;
		const at = () => {
			const rs = el.getClientRects();
			const r = where === "end" ? rs[rs.length-1] : rs[0];
			let x = r.left + r.width/2;
			if (where === "start") x = r.left + Math.min(4, r.width/4);
			if (where === "end") x = r.right - Math.min(4, r.width/4);
			return {x: x, y: r.top + r.height/2, found: true};
		};
		const hits = p => { const e = document.elementFromPoint(p.x, p.y); return !!e && (e === el || el.contains(e)); };
		const r0 = el.getBoundingClientRect();
		if (r0.top < 0 || r0.bottom > innerHeight || !hits(at())) el.scrollIntoView({block: "center"});
		return at();
	})()`, css, where)
	pt := Eval[point](p, js)
	if !pt.Found {
		p.t.Fatalf("no element %s", css)
	}
	return pt
}

// Click clicks the element with a real mouse (press and release at its
// center), with modifiers.
func (p *Page) Click(css string, mods ...chromedp.Modifier) {
	p.t.Helper()
	pt := p.pointIn(css, "center")
	p.Do("click "+css, chromedp.MouseClickXY(pt.X, pt.Y, chromedp.ButtonModifiers(mods...)))
}

func sidNum(sid string) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(sid, "s"))
	return n
}

func sentSel(sid string) string { return fmt.Sprintf(`#sentences span.sentence[data-sid=%q]`, sid) }

// ClickSentence clicks sentence sid.
//
// A click always selects the sentence it lands on (with Shift it extends to
// it), so when the sentence is not selected afterwards the pointer landed
// elsewhere because the page moved under it (a render or scroll on a busy
// machine): that is logged and the click is made once more, on the sentence's
// new position. A second miss fails the test's later checks as usual.
func (p *Page) ClickSentence(sid string, mods ...chromedp.Modifier) {
	p.t.Helper()
	p.Click(sentSel(sid), mods...)
	if p.poll(time.Second, func() bool { return p.sentenceSelected(sid) }) {
		return
	}
	p.t.Logf("the click on %s did not select it (the page moved?); clicking again", sid)
	p.Settle()
	p.Click(sentSel(sid), mods...)
}

// sentenceSelected reports whether sentence sid has aria-selected="true".
func (p *Page) sentenceSelected(sid string) bool {
	p.t.Helper()
	return Eval[bool](p, fmt.Sprintf(`(() => { const e = document.querySelector(%q); return !!e && e.getAttribute("aria-selected") === "true"; })()`, sentSel(sid)))
}

// Drag presses the mouse at one end of sentence from, moves in steps to the
// far end of sentence to, and releases there: a text selection across
// sentences (forwards or backwards).
func (p *Page) Drag(from, to string) {
	p.t.Helper()
	fromAt, toAt := "start", "end"
	if sidNum(from) > sidNum(to) {
		fromAt, toAt = "end", "start"
	}
	a := p.pointIn(sentSel(from), fromAt)
	b := p.pointIn(sentSel(to), toAt)
	// Both ends must be in the viewport at once; the first point may have
	// moved if scrolling to the second.
	a = p.pointIn(sentSel(from), fromAt)
	p.Do(fmt.Sprintf("drag %s→%s", from, to), chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		ev := func(typ input.DispatchMouseEventType, x, y float64, buttons int64, clicks int64) error {
			_, err := chromedp.Call(ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{
				Type: typ, X: x, Y: y, Button: input.MouseButtonLeft, Buttons: buttons, ClickCount: clicks,
			})
			return err
		}
		if err := ev(chromedp.MouseMoved, a.X, a.Y, 0, 0); err != nil {
			return err
		}
		if err := ev(chromedp.MousePressed, a.X, a.Y, 1, 1); err != nil {
			return err
		}
		const steps = 12
		for i := 1; i <= steps; i++ {
			x := a.X + (b.X-a.X)*float64(i)/steps
			y := a.Y + (b.Y-a.Y)*float64(i)/steps
			if err := ev(chromedp.MouseMoved, x, y, 1, 0); err != nil {
				return err
			}
		}
		return ev(chromedp.MouseReleased, b.X, b.Y, 0, 1)
	}))
}

// ---------------------------------------------------------------------------
// Reading state

// SentState is the painted state of one sentence element.
type SentState struct {
	SID       string `json:"sid"`
	ID        string `json:"id"`
	Role      string `json:"role"`
	Text      string `json:"text"`
	Para      string `json:"para"`
	Selected  string `json:"selected"`  // aria-selected
	Label     string `json:"label"`     // data-label ("" when absent)
	HasLabel  bool   `json:"hasLabel"`  // data-label present
	LabelName string `json:"labelName"` // data-label-name
	Before    string `json:"before"`    // computed ::before content
	Focus     string `json:"focus"`     // data-focus
	BG        string `json:"bg"`        // computed background-color
	Color     string `json:"color"`     // computed --label-color
}

const statesJS = `Array.from(document.querySelectorAll('#sentences span.sentence')).map(el => {
	const cs = getComputedStyle(el);
	const p = el.closest('p.para');
	return {
		sid: el.dataset.sid || "",
		id: el.id,
		role: el.getAttribute('role') || "",
		text: el.textContent,
		para: p ? (p.dataset.paragraph || "") : "",
		selected: el.getAttribute('aria-selected') || "",
		label: el.getAttribute('data-label') || "",
		hasLabel: el.hasAttribute('data-label'),
		labelName: el.getAttribute('data-label-name') || "",
		before: getComputedStyle(el, '::before').content,
		focus: el.getAttribute('data-focus') || "",
		bg: cs.backgroundColor,
		color: cs.getPropertyValue('--label-color').trim(),
	};
})`

// States reads the painted state of every sentence in one round trip.
func (p *Page) States() []SentState {
	p.t.Helper()
	return Eval[[]SentState](p, statesJS)
}

// Highlight is one li of the side list.
type Highlight struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Quote string `json:"quote"`
	Note  string `json:"note"`
}

// Highlights reads the side list.
func (p *Page) Highlights() []Highlight {
	p.t.Helper()
	return Eval[[]Highlight](p, `Array.from(document.querySelectorAll('ol#highlights > li.highlight')).map(li => {
		const q = s => { const e = li.querySelector(s); return e ? e.textContent.trim() : "<missing " + s + ">"; };
		return {id: li.dataset.annotationId || "", label: q('.hl-label'), quote: q('.hl-quote'), note: q('.hl-note')};
	})`)
}

// Storage returns every localStorage entry.
func (p *Page) Storage() map[string]string {
	p.t.Helper()
	return Eval[map[string]string](p, `(() => { const o = {}; for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); o[k] = localStorage.getItem(k); } return o; })()`)
}

// Text returns the trimmed textContent of the first match ("" if none).
func (p *Page) Text(css string) string {
	p.t.Helper()
	return Eval[string](p, fmt.Sprintf(`(() => { const e = document.querySelector(%q); return e ? e.textContent.trim() : ""; })()`, css))
}

// Attr returns an attribute of the first match and whether it exists.
func (p *Page) Attr(css, name string) (string, bool) {
	p.t.Helper()
	type res struct {
		V  string `json:"v"`
		OK bool   `json:"ok"`
	}
	r := Eval[res](p, fmt.Sprintf(`(() => { const e = document.querySelector(%q); return e && e.hasAttribute(%q) ? {v: e.getAttribute(%q), ok: true} : {v: "", ok: false}; })()`, css, name, name))
	return r.V, r.OK
}

// Value returns the .value of a form field.
func (p *Page) Value(css string) string {
	p.t.Helper()
	return Eval[string](p, fmt.Sprintf(`(() => { const e = document.querySelector(%q); return e ? String(e.value) : "<missing>"; })()`, css))
}

// ActiveElement describes document.activeElement ("tag#id").
func (p *Page) ActiveElement() string {
	p.t.Helper()
	return Eval[string](p, `(() => { const e = document.activeElement; return e ? e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") : ""; })()`)
}

// ---------------------------------------------------------------------------
// Assertions on sentence state

// wantLabels is sid → label id for the tagged sentences; every other
// sentence must be untagged.
func labelsMatch(got []SentState, want map[string]string) error {
	var diffs []string
	for _, s := range got {
		if w := want[s.SID]; s.Label != w || (w == "" && s.HasLabel) {
			diffs = append(diffs, fmt.Sprintf("%s: data-label=%q (present=%v), want %q", s.SID, s.Label, s.HasLabel, w))
		}
	}
	if len(got) != numSentences {
		diffs = append(diffs, fmt.Sprintf("%d sentences in the DOM, want %d", len(got), numSentences))
	}
	if len(diffs) > 0 {
		return errors.New(strings.Join(diffs, "; "))
	}
	return nil
}

// WaitLabels waits until the sentences carry exactly want.
func (p *Page) WaitLabels(what string, want map[string]string) {
	p.t.Helper()
	p.Eventually(what, func() error { return labelsMatch(p.States(), want) })
}

// WaitSelected waits until exactly the sids in want are aria-selected="true"
// and all others "false".
func (p *Page) WaitSelected(what string, want ...string) {
	p.t.Helper()
	p.Eventually(what, func() error {
		w := map[string]bool{}
		for _, s := range want {
			w[s] = true
		}
		var diffs []string
		for _, s := range p.States() {
			exp := "false"
			if w[s.SID] {
				exp = "true"
			}
			if s.Selected != exp {
				diffs = append(diffs, fmt.Sprintf("%s aria-selected=%q want %q", s.SID, s.Selected, exp))
			}
		}
		if len(diffs) > 0 {
			return errors.New(strings.Join(diffs, "; "))
		}
		return nil
	})
}

// WaitSaved waits for the save status to say Saved.
func (p *Page) WaitSaved() {
	p.t.Helper()
	p.Eventually("save status shows Saved", func() error {
		st, _ := p.Attr("#save-status", "data-state")
		txt := p.Text("#save-status")
		if st != "saved" || !strings.Contains(txt, "Saved") {
			return fmt.Errorf("#save-status data-state=%q text=%q", st, txt)
		}
		return nil
	})
}

// sids returns "s<a>".."s<b>".
func sids(a, b int) []string {
	var out []string
	for i := a; i <= b; i++ {
		out = append(out, fmt.Sprintf("s%d", i))
	}
	return out
}

// labelMap builds sid → label for a run of sentences, merged into m.
func labelMap(m map[string]string, label string, a, b int) map[string]string {
	if m == nil {
		m = map[string]string{}
	}
	for _, s := range sids(a, b) {
		m[s] = label
	}
	return m
}

// quote returns the text of sentences a..b (1-based) joined as in Text.
func quote(doc *annotations.Document, a, b int) string {
	return doc.Text[runeOffset(doc.Text, doc.Sentences[a-1].Start):runeOffset(doc.Text, doc.Sentences[b-1].End)]
}

func runeOffset(s string, n int) int {
	i := 0
	for bi := range s {
		if i == n {
			return bi
		}
		i++
	}
	return len(s)
}

// ---------------------------------------------------------------------------
// Downloads and uploads

// AllowDownloads makes downloads of this profile land in a temp dir and
// returns it.
func (p *Page) AllowDownloads() string {
	p.t.Helper()
	dir := p.t.TempDir()
	bc := chromedp.FromContext(p.Ctx).BrowserContextID
	if _, err := chromedp.CallBrowser(p.Ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior:         browser.SetDownloadBehaviorBehaviorAllow,
		BrowserContextID: bc,
		DownloadPath:     dir,
	}); err != nil {
		p.t.Fatalf("set download behavior: %v", err)
	}
	return dir
}

// WaitFile waits for a complete download named name in dir and returns its
// bytes.
func (p *Page) WaitFile(dir, name string) []byte {
	p.t.Helper()
	var data []byte
	p.Eventually("download "+name, func() error {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			ents, _ := os.ReadDir(dir)
			var names []string
			for _, e := range ents {
				names = append(names, e.Name())
			}
			return fmt.Errorf("%v (files in download dir: %v)", err, names)
		}
		if len(b) == 0 || !json.Valid(b) {
			return fmt.Errorf("%s is not complete JSON yet (%d bytes)", name, len(b))
		}
		data = b
		return nil
	})
	return data
}

// Upload sets the file of input#import.
func (p *Page) Upload(path string) {
	p.t.Helper()
	p.Do("upload "+filepath.Base(path), chromedp.SetUploadFiles(chromedp.CSS("input#import"), []string{path}))
}
