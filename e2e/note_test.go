package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"stancemark/internal/browsertest"
)

func (p *Page) noteDisabled() bool {
	p.t.Helper()
	return Eval[bool](p, `(() => { const e = document.querySelector('textarea#note'); return !e || e.disabled; })()`)
}

// waitNote waits until the side-list highlight that starts with sentence
// sid has note.
func (p *Page) waitNote(sid, note string) {
	p.t.Helper()
	doc := bundled(p.t)
	first := norm(doc.Sentences[sidNum(sid)-1].Text)
	p.Eventually(fmt.Sprintf("side list note of the highlight at %s is %q", sid, note), func() error {
		for _, h := range p.Highlights() {
			q := strings.TrimSpace(strings.TrimSuffix(norm(h.Quote), "…"))
			if strings.HasPrefix(q, first) || strings.HasPrefix(first, q) {
				if h.Note != note {
					return fmt.Errorf("note %q", h.Note)
				}
				return nil
			}
		}
		return fmt.Errorf("no highlight starting at %s in %+v", sid, p.Highlights())
	})
}

// writeNote writes the note of the highlight under the cursor through the
// field: it clicks the field once it is enabled, replaces its text, and
// leaves it with Tab (the change commits).
func (p *Page) writeNote(text string) {
	p.t.Helper()
	p.Eventually("note field enabled", func() error {
		if p.noteDisabled() {
			return fmt.Errorf("textarea#note is disabled")
		}
		return nil
	})
	p.TypeInto("textarea#note", text)
	p.Key(KeyTab)
}

func TestNote(t *testing.T) {
	p := newPage(t)

	if !p.noteDisabled() {
		t.Errorf("textarea#note is enabled with no highlight under the cursor")
	}

	// n focuses the note field of the highlight under the cursor; the key
	// itself is not typed into it. Tab commits (change on blur).
	p.ClickSentence("s5")
	p.Key("1")
	p.WaitLabels("s5 tagged", map[string]string{"s5": "supports"})
	p.Eventually("note field enabled on a highlight", func() error {
		if p.noteDisabled() {
			return fmt.Errorf("textarea#note is disabled with the cursor on highlight s5")
		}
		return nil
	})
	p.Key("n")
	p.Eventually("n focuses the note field", func() error {
		if a := p.ActiveElement(); a != "textarea#note" {
			return fmt.Errorf("active element %q", a)
		}
		return nil
	})
	if v := p.Value("textarea#note"); v != "" {
		t.Errorf("after pressing n the note field holds %q, want \"\" (the n that focuses the field must not be typed into it)", v)
	}
	// Go on as a user would who deletes the stray text.
	p.Do("select all", chromedp.Evaluate[chromedp.Void](`document.querySelector('textarea#note').select()`))
	p.Do("type note", browsertest.PressKeys("first note"))
	p.Key(KeyTab)
	p.waitNote("s5", "first note")
	p.WaitSaved()

	// The field follows the cursor: disabled on an untagged sentence, the
	// highlight's note again on it.
	p.ClickSentence("s8")
	p.Eventually("note field disabled on an untagged sentence", func() error {
		if !p.noteDisabled() {
			return fmt.Errorf("textarea#note enabled (value %q) with the cursor on untagged s8", p.Value("textarea#note"))
		}
		return nil
	})
	p.ClickSentence("s5")
	p.Eventually("note field shows s5's note", func() error {
		if v := p.Value("textarea#note"); v != "first note" || p.noteDisabled() {
			return fmt.Errorf("textarea#note = %q disabled=%v", v, p.noteDisabled())
		}
		return nil
	})

	// Ctrl+Enter commits and returns focus to the article, where keys work.
	p.ClickSentence("s9")
	p.Key("2")
	p.WaitLabels("s9 tagged", map[string]string{"s5": "supports", "s9": "opposes"})
	p.Settle()
	p.Click("textarea#note")
	p.Do("type note 2", browsertest.PressKeys(`<b>bold?</b> & "quoted"`))
	p.Key(KeyEnter, chromedp.ModifierCtrl)
	p.waitNote("s9", `<b>bold?</b> & "quoted"`)
	p.Eventually("Ctrl+Enter returns focus to the article", func() error {
		in := Eval[bool](p, `(() => { const a = document.activeElement, d = document.querySelector('article#document'); return !!a && !!d && (a === d || d.contains(a)); })()`)
		if !in {
			return fmt.Errorf("active element is %q, want article#document or inside it", p.ActiveElement())
		}
		return nil
	})
	if n := Eval[int](p, `document.querySelectorAll('ol#highlights .hl-note b').length`); n != 0 {
		t.Errorf("a note was rendered as HTML (%d <b> elements in .hl-note)", n)
	}
	p.Key("j")
	p.WaitSelected("j after Ctrl+Enter moves the cursor", "s10")

	// Editing an existing note replaces it.
	p.ClickSentence("s5")
	p.Eventually("note field shows s5's note again", func() error {
		if v := p.Value("textarea#note"); v != "first note" || p.noteDisabled() {
			return fmt.Errorf("textarea#note = %q disabled=%v", v, p.noteDisabled())
		}
		return nil
	})
	p.Key("n")
	p.Eventually("n focuses the note field", func() error {
		if a := p.ActiveElement(); a != "textarea#note" {
			return fmt.Errorf("active element %q", a)
		}
		return nil
	})
	if v := p.Value("textarea#note"); v != "first note" {
		t.Errorf("after pressing n the note field holds %q, want the note %q", v, "first note")
	}
	p.Do("select all", chromedp.Evaluate[chromedp.Void](`document.querySelector('textarea#note').select()`))
	p.Do("type", browsertest.PressKeys("second thought"))
	p.Key(KeyTab)
	p.waitNote("s5", "second thought")
	p.WaitSaved()
}

// TestNoteTypedRightAfterN: a tag, n and a note typed in one quick burst
// (no pause for the field to take focus) keep every character, on every try.
func TestNoteTypedRightAfterN(t *testing.T) {
	p := newPage(t)
	for i, sid := range []string{"s2", "s4", "s6", "s8", "s10", "s12"} {
		note := fmt.Sprintf("Quick note %d", i+1)
		p.ClickSentence(sid)
		p.Do("tag, n and type at once", browsertest.PressKeys("1n"+note))
		p.Eventually("the note field has every character", func() error {
			if v := p.Value("textarea#note"); v != note {
				return fmt.Errorf("note field %q, want %q", v, note)
			}
			return nil
		})
		p.Key(KeyEscape)
		p.waitNote(sid, note)
	}
}
