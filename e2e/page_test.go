package e2e

// Page actions and waits: every assertion on the DOM polls until it holds.

import (
	"errors"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"stancemark/internal/browsertest"
)

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
		ok, err := browsertest.Truthy(p.Ctx, js)
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
