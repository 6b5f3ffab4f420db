package e2e

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"stancemark/internal/browsertest"
)

// Real keyboard and mouse input.

// Key presses keys with modifiers (see browsertest.PressKeys).
func (p *Page) Key(keys string, mods ...chromedp.Modifier) {
	p.t.Helper()
	p.Do(fmt.Sprintf("press %q %v", keys, mods), browsertest.PressKeys(keys, mods...))
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
	p.Do("type into "+css, browsertest.PressKeys(text))
	if v := p.Value(css); v != text {
		p.t.Fatalf("typing into %s gave %q, want %q (did the field lose focus?)", css, v, text)
	}
}

type point struct {
	X     float64 `json:"x"`
	Y     float64 `json:"y"`
	Found bool    `json:"found"`
	Hit   bool    `json:"hit"` // the element itself is at the point (nothing covers it)
}

// pointIn scrolls the element (if needed) and returns a point inside it; for
// an inline element that wraps, a point inside its first line box. where is
// "center", "start" (a little right of the left edge) or "end" (a little left
// of the right edge of the last line box).
func (p *Page) pointIn(css, where string) point {
	p.t.Helper()
	p.openMenuFor(css)
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
		const p = at();
		p.hit = hits(p);
		return p;
	})()`, css, where)
	pt := Eval[point](p, js)
	if !pt.Found {
		p.t.Fatalf("no element %s", css)
	}
	return pt
}

// Click clicks the element with a real mouse (press and release at its
// center), with modifiers.
//
// The press goes where the element is at that moment: when something covers
// it (a message, a render that moved the page on a busy machine) the point
// is measured again until the element is there, for up to two seconds.
func (p *Page) Click(css string, mods ...chromedp.Modifier) {
	p.t.Helper()
	pt := p.pointIn(css, "center")
	if !pt.Hit && !p.poll(2*time.Second, func() bool { pt = p.pointIn(css, "center"); return pt.Hit }) {
		p.t.Logf("%s is covered at (%.0f, %.0f); clicking there anyway", css, pt.X, pt.Y)
	}
	p.Do("click "+css, chromedp.MouseClickXY(pt.X, pt.Y, chromedp.ButtonModifiers(mods...)))
}

func sidNum(sid string) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(sid, "s"))
	return n
}

func sentSel(sid string) string { return fmt.Sprintf(`#sentences span.sentence[data-sid=%q]`, sid) }

// openMenuFor opens the toolbar's Menu when the element is behind it (on
// narrow or zoomed screens the bar is one row; the rest is in the menu), as
// a person would before pressing it.
func (p *Page) openMenuFor(css string) {
	p.t.Helper()
	hidden := fmt.Sprintf(`(() => { const el = document.querySelector(%q); return !!el && !!el.closest("#toolbar-more") &&
		el.getClientRects().length === 0 && getComputedStyle(document.querySelector("#menu-button")).display !== "none"; })()`, css)
	if !Eval[bool](p, hidden) {
		return
	}
	p.Do("open the menu", chromedp.Click(chromedp.CSS("#menu-button")))
	p.WaitJS("the menu shows "+css, "!("+hidden+")")
}

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
