package e2e

// Profiles: every test opens its tabs in fresh browser contexts of the
// suite's one browser, and a tab's console errors fail the test.

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Page is one tab in a fresh browser profile (a new browser context: empty
// localStorage), on the app.
type Page struct {
	t   *testing.T
	Ctx context.Context

	mu       sync.Mutex
	problems []string                                // console errors and uncaught exceptions
	allowed  []string                                // console messages a test expects (see allowConsole)
	dialogs  chan *page.EventJavascriptDialogOpening // when set, the page's JavaScript dialogs (see leaveWarns)
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
	case *page.EventJavascriptDialogOpening:
		p.mu.Lock()
		if p.dialogs != nil {
			select {
			case p.dialogs <- ev:
			default:
			}
		}
		p.mu.Unlock()
		return
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
