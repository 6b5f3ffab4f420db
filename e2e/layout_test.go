package e2e

import (
	"fmt"
	"strings"
	"testing"

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
