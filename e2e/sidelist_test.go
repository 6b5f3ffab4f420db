package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

type wantHL struct {
	label string // label name
	first int    // 1-based sentence numbers
	last  int
	note  string
}

func checkHighlights(t *testing.T, got []Highlight, want []wantHL) error {
	doc := bundled(t)
	if len(got) != len(want) {
		return fmt.Errorf("side list has %d highlights, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Label != w.label || !quoteMatches(g.Quote, quote(doc, w.first, w.last)) || g.Note != w.note {
			return fmt.Errorf("highlight %d = %+v, want label %q, quote of s%d..s%d %q, note %q",
				i, g, w.label, w.first, w.last, quote(doc, w.first, w.last), w.note)
		}
		if g.ID == "" {
			return fmt.Errorf("highlight %d has no data-annotation-id", i)
		}
	}
	return nil
}

// inViewport reports whether the element is wholly inside the viewport.
func (p *Page) inViewport(css string) bool {
	p.t.Helper()
	return Eval[bool](p, fmt.Sprintf(`(() => { const e = document.querySelector(%q); if (!e) return false;
		const r = e.getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth; })()`, css))
}

func TestSideListAndProgress(t *testing.T) {
	p := newPage(t)

	// Tag out of document order; the list is in document order.
	p.selectRange(20, 21)
	p.Key("3")
	p.ClickSentence("s2")
	p.Key("1")
	p.selectRange(5, 7)
	p.Key("2")
	p.ClickSentence("s23")
	p.Key("4")
	p.WaitLabels("four highlights", map[string]string{
		"s2": "supports", "s5": "opposes", "s6": "opposes", "s7": "opposes",
		"s20": "neutral", "s21": "neutral", "s23": "unrelated",
	})
	want := []wantHL{
		{label: "Supports", first: 2, last: 2},
		{label: "Opposes", first: 5, last: 7},
		{label: "Neutral", first: 20, last: 21},
		{label: "Unrelated", first: 23, last: 23},
	}
	p.Eventually("side list in document order", func() error {
		return checkHighlights(t, p.Highlights(), want)
	})

	// Progress and per-label counts (tagged sentences, not highlights).
	p.Eventually("progress", func() error {
		if got := p.Text("#progress"); !strings.Contains(got, "7 of 23 sentences tagged") {
			return fmt.Errorf("#progress = %q, want it to contain %q", got, "7 of 23 sentences tagged")
		}
		return nil
	})
	p.Eventually("per-label counts", func() error {
		for _, c := range []struct {
			id, name string
			n        int
		}{{"supports", "Supports", 1}, {"opposes", "Opposes", 3}, {"neutral", "Neutral", 2}, {"unrelated", "Unrelated", 1}} {
			txt := p.Text(fmt.Sprintf(`ul#label-counts > li[data-label-id=%q]`, c.id))
			if !strings.Contains(txt, c.name) || !containsNumber(txt, c.n) {
				return fmt.Errorf("label count for %s = %q, want the name and %d", c.id, txt, c.n)
			}
		}
		return nil
	})

	// Clicking an entry selects the highlight's sentences.
	p.Click(`ol#highlights > li.highlight:nth-child(2)`)
	p.WaitSelected("click the Opposes entry", sids(5, 7)...)

	// Clearing updates list and counts.
	p.ClickSentence("s6")
	p.Key("0")
	p.Eventually("progress after clearing s6", func() error {
		if got := p.Text("#progress"); !strings.Contains(got, "6 of 23 sentences tagged") {
			return fmt.Errorf("#progress = %q", got)
		}
		if txt := p.Text(`ul#label-counts > li[data-label-id="opposes"]`); !containsNumber(txt, 2) {
			return fmt.Errorf("opposes count %q, want 2", txt)
		}
		return nil
	})
	p.Eventually("split shows in the list", func() error {
		return checkHighlights(t, p.Highlights(), []wantHL{
			{label: "Supports", first: 2, last: 2},
			{label: "Opposes", first: 5, last: 5},
			{label: "Opposes", first: 7, last: 7},
			{label: "Neutral", first: 20, last: 21},
			{label: "Unrelated", first: 23, last: 23},
		})
	})
}

// containsNumber reports whether n appears in s as a whole number.
func containsNumber(s string, n int) bool {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' }) {
		if f == fmt.Sprint(n) {
			return true
		}
	}
	return false
}

// Clicking a side-list entry scrolls its text into view, in a small window.
func TestSideListScrollsToHighlight(t *testing.T) {
	p := newPage(t)
	p.Do("small window", chromedp.EmulateViewport(800, 600))
	p.ClickSentence("s1")
	p.Key("1")
	p.ClickSentence("s23")
	p.Key("2")
	p.Eventually("two entries", func() error {
		if h := p.Highlights(); len(h) != 2 {
			return fmt.Errorf("side list %+v", h)
		}
		return nil
	})

	// Bring the entry into view while its sentence is out of view: try the
	// last sentence's entry first, then the first's (the layout decides
	// where the list is).
	for _, c := range []struct {
		nth int
		sid string
	}{{2, "s23"}, {1, "s1"}} {
		li := fmt.Sprintf(`ol#highlights > li.highlight:nth-child(%d)`, c.nth)
		for _, align := range []string{"start", "end", "nearest"} {
			p.Do("scroll to top", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0); document.querySelectorAll('*').forEach(e => { if (e.scrollTop) e.scrollTop = 0; })`))
			if c.sid == "s23" && p.inViewport(sentSel("s23")) {
				t.Fatalf("at 800x600 the last sentence is in view at the top of the page; this test cannot tell a scroll")
			}
			p.Do("entry into view", chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).scrollIntoView({block: %q})`, li, align)))
			if !p.inViewport(li) || p.inViewport(sentSel(c.sid)) {
				continue // this entry and its text are on screen together
			}
			t.Logf("%s is out of view while its entry is in view (aligned %s); clicking the entry", c.sid, align)
			p.Click(li)
			p.WaitSelected("click the entry selects "+c.sid, c.sid)
			p.Eventually(c.sid+" scrolled into view", func() error {
				if !p.inViewport(sentSel(c.sid)) {
					r := Eval[string](p, fmt.Sprintf(`JSON.stringify(document.querySelector(%q).getBoundingClientRect())`, sentSel(c.sid)))
					return fmt.Errorf("%s is not in the 800x600 viewport after clicking its entry: %s", c.sid, r)
				}
				return nil
			})
			return
		}
	}
	t.Fatalf("in this layout each entry is on screen together with its sentence; nothing to scroll")
}
