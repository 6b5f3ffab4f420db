package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// A viewport people use: a phone with touch, a laptop at 100% and at 200%
// zoom (a 1280×800 window at 200% lays out 640×400 CSS pixels), a desktop.
type viewport struct {
	name          string
	width, height int64
	opts          []chromedp.EmulateViewportOption
	narrow        bool // the compact bar and the docked palette
}

var viewports = []viewport{
	{"phone 390×844 touch", 390, 844, []chromedp.EmulateViewportOption{chromedp.EmulateMobile, chromedp.EmulateTouch}, true},
	{"1280×800", 1280, 800, nil, false},
	{"1280×800 at 200%", 640, 400, []chromedp.EmulateViewportOption{chromedp.EmulateScale(2)}, true},
	{"1920×1080", 1920, 1080, nil, false},
}

// box is an element's place on screen, in CSS pixels.
type box struct{ Top, Bottom, Left, Right float64 }

// clearOfBars is the part of the viewport no sticky bar covers: below the
// top bar and above the docked palette (the viewport's bottom when the
// palette is not docked).
func (p *Page) clearOfBars() box {
	p.t.Helper()
	return Eval[box](p, `(() => {
		const bar = document.querySelector(".toolbar").getBoundingClientRect();
		const pal = document.querySelector("#palette");
		const docked = getComputedStyle(pal).position === "fixed";
		return {top: bar.bottom, bottom: docked ? pal.getBoundingClientRect().top : innerHeight, left: 0, right: innerWidth};
	})()`)
}

// boxOf is the bounding box of the first element matching css.
func (p *Page) boxOf(css string) box {
	p.t.Helper()
	return Eval[box](p, fmt.Sprintf(`(() => { const r = document.querySelector(%q).getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; })()`, css))
}

// waitClear waits until the sentence is fully in the part of the screen no
// sticky element covers.
func (p *Page) waitClear(what, sid string) {
	p.t.Helper()
	p.Eventually(what, func() error {
		c, b := p.clearOfBars(), p.boxOf(sentSel(sid))
		if b.Top < c.Top-0.5 || b.Bottom > c.Bottom+0.5 {
			return fmt.Errorf("%s spans %.0f–%.0f px; the clear part of the screen is %.0f–%.0f px", sid, b.Top, b.Bottom, c.Top, c.Bottom)
		}
		return nil
	})
}

// TestKeyboardSelectionClearOfStickyBars: at every viewport, the skip link
// then j down the whole article and k back up: every selected sentence is
// fully visible, its box clear of the top bar (and of the docked palette).
func TestKeyboardSelectionClearOfStickyBars(t *testing.T) {
	n := len(bundled(t).Sentences)
	for _, vp := range viewports {
		t.Run(vp.name, func(t *testing.T) {
			p := newProfile(t)
			p.Do("viewport", chromedp.EmulateViewport(vp.width, vp.height, vp.opts...))
			p.Open()
			p.Key("\t")
			p.WaitJS("the skip link has focus first", `document.activeElement.classList.contains("skip")`)
			p.Key("\r")
			p.WaitJS("the skip link leads to the article", `document.activeElement.id === "sentences"`)
			for i := 1; i <= n; i++ {
				p.Key("j")
				sid := fmt.Sprintf("s%d", i)
				p.WaitSelected("j selects "+sid, sid)
				p.waitClear("j: "+sid+" clear of the bars", sid)
			}
			for i := n - 1; i >= 1; i-- {
				p.Key("k")
				sid := fmt.Sprintf("s%d", i)
				p.WaitSelected("k selects "+sid, sid)
				p.waitClear("k: "+sid+" clear of the bars", sid)
			}
			// the side panel's heading is not cut off by the top bar, and the
			// file input behind Import… shows its focus on its label
			if !vp.narrow {
				for range 60 {
					if strings.HasSuffix(p.ActiveElement(), "#import") {
						break
					}
					p.Key("\t")
				}
				if !strings.HasSuffix(p.ActiveElement(), "#import") {
					t.Fatalf("Tab never reached Import…'s file input (focus on %q)", p.ActiveElement())
				}
				if o := Eval[string](p, `getComputedStyle(document.querySelector("label[for=import]")).outlineStyle`); o == "none" {
					t.Error("Import…'s file input has the focus and its label shows none")
				}
				c, h := p.clearOfBars(), p.boxOf("#panel h2")
				if h.Top < c.Top-0.5 {
					t.Errorf("the side panel's first heading starts at %.0f px, under the top bar (to %.0f px)", h.Top, c.Top)
				}
			}
		})
	}
}

// TestPhoneTagsWithThePaletteDocked: on a 390×844 phone the top bar is one
// row, the palette sits at the bottom of the screen, and an annotator tags
// ten sentences by touch without scrolling back and forth: the page scrolls
// no more than the distance read plus one screen, and each tagged sentence
// stays in view above the palette. The menu holds the rest of the bar.
func TestPhoneTagsWithThePaletteDocked(t *testing.T) {
	p := newProfile(t)
	p.Do("phone viewport", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
	p.Open()
	bar, pal := p.boxOf(".toolbar"), p.boxOf("#palette")
	if h := bar.Bottom - bar.Top; h > 64 {
		t.Errorf("the top bar is %.0f px tall at 390×844, want one row (≤ 64 px)", h)
	}
	if pal.Bottom < 843 || pal.Top < 844/2 {
		t.Errorf("the palette spans %.0f–%.0f px: not docked at the bottom of the 844 px screen", pal.Top, pal.Bottom)
	}
	if w := Eval[int](p, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("the page is %d px wide on a 390 px phone", w)
	}
	Eval[bool](p, `(() => { window.__scrolled = 0; let y = scrollY;
		addEventListener("scroll", () => { window.__scrolled += Math.abs(scrollY - y); y = scrollY; }, {passive: true}); return true; })()`)
	first := p.boxOf(sentSel("s1")).Top + Eval[float64](p, `scrollY`)
	labels := []string{"supports", "opposes", "neutral", "unrelated"}
	want := map[string]string{}
	for i := 1; i <= 10; i++ {
		sid := fmt.Sprintf("s%d", i)
		p.tap(sentSel(sid))
		p.WaitSelected("a tap selects "+sid, sid)
		label := labels[i%len(labels)]
		p.tap(fmt.Sprintf(`#palette button.label-btn[data-label-id=%q]`, label))
		p.waitLabel("tagged "+sid+" by touch", sid, label)
		want[sid] = label
		p.waitClear(sid+" stays in view above the palette", sid)
	}
	last := p.boxOf(sentSel("s10")).Bottom + Eval[float64](p, `scrollY`)
	if scrolled := Eval[float64](p, `window.__scrolled`); scrolled > last-first+844 {
		t.Errorf("tagging ten sentences scrolled %.0f px; reading them needs %.0f px plus at most a screen (844)", scrolled, last-first)
	}
	p.WaitLabels("ten sentences tagged", want)

	p.tap("#menu-button")
	p.WaitJS("the menu opens", `document.querySelector("#menu-button").getAttribute("aria-expanded") === "true"`)
	for _, id := range []string{"scheme", "export", "help-button"} {
		if b := p.boxOf("#" + id); b.Bottom <= b.Top || b.Right > 391 {
			t.Errorf("#%s in the open menu spans %+v", id, b)
		}
	}
	p.audit("phone with the menu open", axeSource(t))
	p.emulateMedia("", &emulation.MediaFeature{Name: "prefers-color-scheme", Value: "dark"})
	p.audit("phone with the menu open, dark", axeSource(t))
	p.Key("\x1b")
	p.WaitJS("Escape closes the menu", `document.querySelector("#menu-button").getAttribute("aria-expanded") === "false"`)
}

// fitsWidth fails the test when css (or anything in it) reaches past the
// viewport's sides or scrolls sideways in its own box.
func (p *Page) fitsWidth(what, css string) {
	p.t.Helper()
	bad := Eval[string](p, fmt.Sprintf(`(() => {
		const el = document.querySelector(%q), bad = [];
		if (!el) return "no element";
		if (el.scrollWidth > el.clientWidth + 1) bad.push("it scrolls sideways by " + (el.scrollWidth - el.clientWidth) + " px");
		for (const e of [el, ...el.querySelectorAll("*")]) {
			const r = e.getBoundingClientRect();
			if (r.width === 0 && r.height === 0) continue;
			if (r.left < -1 || r.right > innerWidth + 1) bad.push((e.id ? "#" + e.id : e.tagName.toLowerCase()) + " spans " + Math.round(r.left) + "–" + Math.round(r.right) + " px");
		}
		return bad.slice(0, 6).join("; ");
	})()`, css))
	if bad != "" {
		p.t.Errorf("%s at %d px wide: %s", what, Eval[int](p, `innerWidth`), bad)
	}
}

// pressable fails the test unless the button css can be scrolled to and
// is then on screen with nothing covering its center.
func (p *Page) pressable(css string) {
	p.t.Helper()
	pt := p.pointIn(css, "center")
	if !pt.Hit && !p.poll(2*time.Second, func() bool { pt = p.pointIn(css, "center"); return pt.Hit }) {
		p.t.Errorf("%s is covered at its center (%.0f, %.0f)", css, pt.X, pt.Y)
	}
	if b := p.boxOf(css); b.Left < -1 || b.Right > Eval[float64](p, `innerWidth`)+1 || b.Bottom <= b.Top {
		p.t.Errorf("%s spans %+v: not on screen", css, b)
	}
}

// TestCollectPanelsAt200Percent: at 1280×800 zoomed to 200% (640×400 CSS
// pixels) the collection panels fit the width and their buttons can be
// pressed: a participant's Submit in an assignment opened from a
// collection, the class dashboard's collection panel (Open for
// submissions, Read it, then the link and the secret), and the Adjudicate
// view's for a project.
func TestCollectPanelsAt200Percent(t *testing.T) {
	c := startCollectServer(t, "-participant", "PROLIFIC_PID")
	_, paths := adjFiles(t)
	zoomed := func(t *testing.T) *Page {
		p := newProfile(t)
		p.Do("200% zoom", chromedp.EmulateViewport(640, 400, chromedp.EmulateScale(2)))
		return p
	}
	t.Run("participant", func(t *testing.T) {
		p := zoomed(t)
		p.Do("open the study link", chromedp.Navigate(c.base+"/?collect="+c.code+"&PROLIFIC_PID=pid-200"))
		p.WaitReady()
		p.WaitJS("the collection's assignment is open", `(document.querySelector('#assignment-title')||{}).textContent === 'Assignment: Crowd study'`)
		if w := Eval[int](p, `document.documentElement.scrollWidth`); w > 640 {
			t.Errorf("the page is %d px wide at 640", w)
		}
		p.fitsWidth("the assignment panel", "#assignment-panel")
		p.ClickSentence("s1")
		p.Key("1")
		p.waitLabel("tagged", "s1", "supports")
		p.pressable("button#submit")
		p.Click("button#submit")
		p.WaitJS("delivered", `(document.querySelector('#message-text')||{}).textContent.includes('Delivered at')`)
		p.fitsWidth("the message", "#message")
	})
	panel := func(t *testing.T, p *Page, what string) {
		p.fitsWidth(what+"'s collection panel", "#collect-panel")
		p.pressable("button#collect-create")
		p.pressable("button#collect-connect")
		p.Click("button#collect-connect") // with nothing typed: told what is missing
		p.WaitJS("told to type the code", `(document.querySelector('#message-text')||{}).textContent.includes("Type the collection's code and its owner secret")`)
		p.Click("button#collect-create")
		p.WaitJS("the secret is shown once", `document.querySelector('#collect-secret-value')`)
		p.fitsWidth(what+"'s collection panel with its link and secret", "#collect-panel")
		for _, css := range []string{"#collect-link", "#collect-secret-value", "button#collect-forget", "button#collect-delete"} {
			p.pressable(css)
		}
	}
	t.Run("class dashboard", func(t *testing.T) {
		p := zoomed(t)
		p.Do("open the app", chromedp.Navigate(c.base+"/"))
		p.WaitReady()
		p.Click("button#dashboard-button")
		p.WaitJS("the dashboard is shown", `document.querySelector('main#dashboard')`)
		p.Do("open the assignment", chromedp.SetUploadFiles(chromedp.CSS("input#dash-assignment-file"), []string{c.apath}))
		p.WaitJS("the collection panel", `document.querySelector('#collect-panel[data-kind=assignment] button#collect-create')`)
		panel(t, p, "the dashboard")
	})
	t.Run("adjudicate", func(t *testing.T) {
		p := zoomed(t)
		p.Do("open the app", chromedp.Navigate(c.base+"/"))
		p.WaitReady()
		p.openAdjudicate(paths["project"])
		p.WaitJS("the project's collection panel", `document.querySelector('#collect-panel[data-kind=project] button#collect-create')`)
		panel(t, p, "the Adjudicate view")
		p.WaitJS("connected", `(document.querySelector('#collect-live')||{}).textContent.includes('Connected to collection')`)
		p.fitsWidth("the Adjudicate view's collection panel, connected", "#collect-panel")
	})
}
