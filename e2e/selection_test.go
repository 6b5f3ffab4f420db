package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// waitFocus waits until exactly sid has data-focus="true".
func (p *Page) waitFocus(sid string) {
	p.t.Helper()
	p.Eventually("keyboard cursor on "+sid, func() error {
		var on []string
		for _, s := range p.States() {
			if s.Focus == "true" {
				on = append(on, s.SID)
			}
		}
		if len(on) != 1 || on[0] != sid {
			return fmt.Errorf("data-focus=\"true\" on %v, want [%s]", on, sid)
		}
		return nil
	})
}

// selectRange selects sentences a..b by click and shift+click.
func (p *Page) selectRange(a, b int) {
	p.t.Helper()
	p.ClickSentence(fmt.Sprintf("s%d", a))
	if b != a {
		p.ClickSentence(fmt.Sprintf("s%d", b), chromedp.ModifierShift)
	}
	p.WaitSelected(fmt.Sprintf("select s%d..s%d", a, b), sids(a, b)...)
}

func TestSelectionByMouseAndKeyboard(t *testing.T) {
	p := newPage(t)

	// Click selects only the clicked sentence.
	p.ClickSentence("s3")
	p.WaitSelected("click s3", "s3")
	p.waitFocus("s3")
	p.ClickSentence("s5")
	p.WaitSelected("click s5 replaces the selection", "s5")

	// Shift+click extends to the contiguous run between anchor and target,
	// in both directions.
	p.ClickSentence("s8", chromedp.ModifierShift)
	p.WaitSelected("shift+click s8 after s5", sids(5, 8)...)
	p.ClickSentence("s3", chromedp.ModifierShift)
	p.WaitSelected("shift+click s3 with anchor s5", sids(3, 5)...)

	// Escape clears.
	p.Key(KeyEscape)
	p.WaitSelected("Escape clears the selection")

	// A mouse text selection across sentences selects every sentence it
	// touches (here s10 to s12, across a paragraph break or not).
	p.Drag("s10", "s12")
	p.WaitSelected("drag from s10 to s12", sids(10, 12)...)
	p.Drag("s16", "s14")
	p.WaitSelected("drag backwards from s16 to s14", sids(14, 16)...)
	p.Drag("s7", "s7")
	p.WaitSelected("drag inside s7", "s7")

	// j / ArrowDown and k / ArrowUp move the cursor and the selection.
	p.ClickSentence("s1")
	p.WaitSelected("click s1", "s1")
	p.Key("j")
	p.WaitSelected("j from s1", "s2")
	p.waitFocus("s2")
	p.Key(KeyDown)
	p.WaitSelected("ArrowDown from s2", "s3")
	p.waitFocus("s3")
	p.Key("k")
	p.WaitSelected("k from s3", "s2")
	p.Key(KeyUp)
	p.WaitSelected("ArrowUp from s2", "s1")
	p.waitFocus("s1")

	// With Shift they extend (and shrink) the selection from the anchor.
	p.Key("J") // Shift+j
	p.WaitSelected("Shift+j from s1", "s1", "s2")
	p.Key(KeyDown, chromedp.ModifierShift)
	p.WaitSelected("Shift+ArrowDown", sids(1, 3)...)
	p.waitFocus("s3")
	p.Key("K") // Shift+k
	p.WaitSelected("Shift+k shrinks back", "s1", "s2")
	p.Key(KeyUp, chromedp.ModifierShift)
	p.WaitSelected("Shift+ArrowUp back to the anchor", "s1")

	// Extending upwards from a later anchor.
	p.ClickSentence("s20")
	p.Key(KeyUp, chromedp.ModifierShift)
	p.Key("K")
	p.WaitSelected("Shift+ArrowUp, Shift+k from s20", sids(18, 20)...)
	p.waitFocus("s18")

	p.Key(KeyEscape)
	p.WaitSelected("Escape clears again")
	if err := labelsMatch(p.States(), nil); err != nil {
		t.Errorf("selecting tagged something: %v", err)
	}
}

// Keys typed into a text field are text, not commands.
func TestKeysIgnoredWhileTyping(t *testing.T) {
	p := newPage(t)
	p.ClickSentence("s2")
	p.Key("1")
	want := map[string]string{"s2": "supports"}
	p.WaitLabels("s2 tagged", want)
	p.TypeInto("input#annotator", "1j0u?en")
	p.Key(KeyBack)
	p.Key("z", chromedp.ModifierCtrl)
	p.Key("Z", chromedp.ModifierCtrl)
	p.Key("y", chromedp.ModifierCtrl)
	p.Never("keys typed into a field leave the sentences alone", 300*time.Millisecond, func() error {
		return labelsMatch(p.States(), want)
	})
	p.WaitSelected("typing j into a field must not move the selection", "s2")
	if _, open := p.Attr("dialog#help", "open"); open {
		t.Errorf("typing ? into a field opened the help dialog")
	}
}

// ? toggles the help dialog.
func TestHelpDialog(t *testing.T) {
	p := newPage(t)
	if _, open := p.Attr("dialog#help", "open"); open {
		t.Fatalf("dialog#help is open on start")
	}
	p.Key("?")
	p.WaitJS("? opens dialog#help", `document.querySelector('dialog#help')?.open === true`)
	if txt := p.Text("dialog#help"); txt == "" {
		t.Errorf("dialog#help is empty")
	}
	p.Key("?")
	p.WaitJS("? closes dialog#help again", `document.querySelector('dialog#help') && !document.querySelector('dialog#help').open`)
}
