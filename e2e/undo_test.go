package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func (p *Page) buttonsEnabled() (undo, redo bool) {
	p.t.Helper()
	type r struct {
		Undo bool `json:"undo"`
		Redo bool `json:"redo"`
	}
	v := Eval[r](p, `(() => { const u = document.querySelector('button#undo'), r = document.querySelector('button#redo');
		return {undo: !!u && !u.disabled, redo: !!r && !r.disabled}; })()`)
	return v.Undo, v.Redo
}

func (p *Page) waitButtons(what string, undo, redo bool) {
	p.t.Helper()
	p.Eventually(what, func() error {
		u, r := p.buttonsEnabled()
		if u != undo || r != redo {
			return fmt.Errorf("undo enabled=%v redo enabled=%v, want %v and %v", u, r, undo, redo)
		}
		return nil
	})
}

// Every change (tag, clear, note) is undone and redone by u, Ctrl+Z,
// Ctrl+Shift+Z, Ctrl+Y and the buttons.
func TestUndoRedoEveryChange(t *testing.T) {
	p := newPage(t)
	p.waitButtons("nothing to undo on start", false, false)

	s0 := map[string]string{}
	s1 := map[string]string{"s1": "supports"}
	s2 := map[string]string{"s1": "supports", "s3": "opposes", "s4": "opposes"}
	s3 := map[string]string{"s3": "opposes", "s4": "opposes"}

	p.ClickSentence("s1")
	p.Key("1") // tag
	p.WaitLabels("tag s1", s1)
	p.waitButtons("undo enabled after a tag", true, false)
	p.selectRange(3, 4)
	p.Key("2") // tag a run
	p.WaitLabels("tag s3..s4", s2)
	p.ClickSentence("s1")
	p.Key("0") // clear
	p.WaitLabels("clear s1", s3)
	p.ClickSentence("s3")
	p.writeNote("why")
	p.waitNote("s3", "why")
	// Leave the field: click the headline, so keys go to the app.
	p.Click("h1#doc-title")

	// Undo, with every way there is.
	p.Key("u")
	p.waitNote("s3", "")
	p.WaitLabels("u undoes the note, labels stay", s3)
	p.Key("z", chromedp.ModifierCtrl)
	p.WaitLabels("Ctrl+Z undoes the clear", s2)
	p.waitButtons("undo and redo enabled mid-history", true, true)
	p.Click("button#undo")
	p.WaitLabels("button#undo undoes the run", s1)
	p.Key("u")
	p.WaitLabels("u undoes the first tag", s0)
	p.waitButtons("nothing left to undo", false, true)
	p.Key("u")
	p.Never("u with nothing to undo changes nothing", 300*time.Millisecond, func() error { return labelsMatch(p.States(), s0) })

	// Redo.
	p.Key("Z", chromedp.ModifierCtrl) // Ctrl+Shift+Z
	p.WaitLabels("Ctrl+Shift+Z redoes the first tag", s1)
	p.Key("y", chromedp.ModifierCtrl)
	p.WaitLabels("Ctrl+Y redoes the run", s2)
	p.Click("button#redo")
	p.WaitLabels("button#redo redoes the clear", s3)
	p.Key("Z", chromedp.ModifierCtrl)
	p.waitNote("s3", "why")
	p.WaitLabels("labels after redoing the note", s3)
	p.waitButtons("nothing left to redo", true, false)
	p.WaitSaved()

	// A new change after an undo drops the redo history.
	p.Key("u")
	p.waitNote("s3", "")
	p.waitButtons("redo available after u", true, true)
	p.ClickSentence("s10")
	p.Key("4")
	p.WaitLabels("new tag after undo", map[string]string{"s3": "opposes", "s4": "opposes", "s10": "unrelated"})
	p.waitButtons("a new change clears redo", true, false)
}
