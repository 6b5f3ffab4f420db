package e2e

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"stancemark/annotations"
)

// boundaryText is pasted as the reader's own document: its first line is
// a sentence, so it stays in the body (the lede rule), and "E.U. Officials"
// is split by the current segmenter.
const boundaryText = "Rain fell hard on the E.U. Officials closed every road into the old town at noon. Schools shut.\n\nThe rain stopped."

// The sentences of boundaryText, as pasted and after joining s2 and s3.
const (
	boundaryStart  = "Rain fell hard on the E.U.|Officials closed every road into the old town at noon.|Schools shut.|The rain stopped."
	boundaryJoined = "Rain fell hard on the E.U.|Officials closed every road into the old town at noon. Schools shut.|The rain stopped."
)

// sentenceTextsJS lists the texts of the article's sentences.
const sentenceTextsJS = `Array.from(document.querySelectorAll("#sentences [data-sid]")).map(e => e.textContent.trim()).join("|")`

func (p *Page) waitSentences(what, want string) {
	p.t.Helper()
	p.Eventually(what, func() error {
		if got := Eval[string](p, sentenceTextsJS); got != want {
			return fmt.Errorf("sentences %q", got)
		}
		return nil
	})
}

// waitOwnLabels is WaitLabels for a document other than the bundled one.
func (p *Page) waitOwnLabels(what string, want map[string]string) {
	p.t.Helper()
	p.Eventually(what, func() error {
		for _, st := range p.States() {
			if w := want[st.SID]; st.Label != w || (w == "" && st.HasLabel) {
				return fmt.Errorf("%s: data-label=%q, want %q", st.SID, st.Label, w)
			}
		}
		return nil
	})
}

// openBoundaries opens the Sentences dialog on sentence sid.
func (p *Page) openBoundaries(sid string) {
	p.t.Helper()
	p.ClickSentence(sid)
	p.WaitSelected(sid+" selected", sid)
	p.Click("#boundaries-button")
	p.WaitJS("the sentences dialog open, with its buttons", `document.querySelector("#boundary-dialog").open && !!document.querySelector("#boundary-join")`)
}

// TestFixBoundaries: on a pasted document the reader joins two sentences,
// splits one before a word, re-segments and undoes, from the Sentences
// dialog; highlights move with their text, one that cannot be placed is
// listed; the boundaries survive a reload and travel in the export; the
// dialog passes axe, light and dark, and works on a phone with touch.
func TestFixBoundaries(t *testing.T) {
	axe := axeSource(t)
	p := newPage(t)
	dir := p.AllowDownloads()
	p.openLibrary()
	p.setField("#paste-text", boundaryText)
	p.Click("#paste-open")
	p.waitTitle("Rain fell hard on the E.U.")
	p.waitSentences("the lede is in the body", boundaryStart)

	p.ClickSentence("s2")
	p.Key("1")
	p.waitOwnLabels("s2 tagged", map[string]string{"s2": "supports"})
	p.WaitSaved()

	// Join s2 and s3: the highlight covers most of the joined sentence and
	// moves onto it.
	p.openBoundaries("s2")
	p.audit("sentences dialog", axe)
	p.emulateMedia("", &emulation.MediaFeature{Name: "prefers-color-scheme", Value: "dark"})
	p.audit("sentences dialog, dark", axe)
	p.emulateMedia("")
	if got := p.Text("#boundary-sentence"); got != "Officials closed every road into the old town at noon." {
		t.Errorf("the dialog shows %q", got)
	}
	p.Click("#boundary-join")
	p.waitSentences("joined", boundaryJoined)
	p.waitOwnLabels("the highlight on the joined sentence", map[string]string{"s2": "supports"})

	// Split it before "Schools": the highlight covers both halves.
	p.Click(`#boundary-dialog button.boundary-split[aria-label="Split before “Schools”"]`)
	p.waitSentences("split", boundaryStart)
	p.waitOwnLabels("the highlight on both halves", map[string]string{"s2": "supports", "s3": "supports"})

	// Undo twice: back to the pasted sentences, the highlight on s2 only.
	p.Click("#boundary-undo")
	p.waitSentences("split undone", boundaryJoined)
	p.Click("#boundary-undo")
	p.waitSentences("join undone", boundaryStart)
	p.waitOwnLabels("the highlight back on s2", map[string]string{"s2": "supports"})
	p.Click("#boundary-close")
	p.WaitJS("dialog closed", `!document.querySelector("#boundary-dialog").open`)

	// With s3 tagged too, joining leaves s3's highlight without a place: it
	// is listed, not dropped.
	p.ClickSentence("s3")
	p.Key("2")
	p.waitOwnLabels("s3 tagged", map[string]string{"s2": "supports", "s3": "opposes"})
	p.openBoundaries("s2")
	p.Click("#boundary-join")
	p.waitSentences("joined again", boundaryJoined)
	p.Eventually("the highlight on s3 is listed as not placed", func() error {
		if got := p.Text("#orphans"); !strings.Contains(got, "Schools shut.") {
			return fmt.Errorf("#orphans %q", got)
		}
		return nil
	})

	// Re-segment puts the current segmenter's sentences back; undo goes
	// back to the joined ones.
	p.Click("#boundary-resegment")
	p.waitSentences("re-segmented", boundaryStart)
	p.Click("#boundary-undo")
	p.waitSentences("re-segmenting undone", boundaryJoined)
	p.Click("#boundary-close")
	p.WaitSaved()

	// A reload keeps the fixed boundaries and the highlight.
	p.Reload()
	p.waitSentences("after a reload", boundaryJoined)
	p.waitOwnLabels("after a reload", map[string]string{"s2": "supports"})

	// The export carries them.
	p.Click("button#export")
	name := annotations.ExportFileName("Rain fell hard on the E.U.", "json")
	e, err := annotations.ReadExport(bytes.NewReader(p.WaitFile(dir, name)))
	if err != nil {
		t.Fatal(err)
	}
	d, err := e.Doc()
	if err != nil || len(d.Sentences) != 3 || d.Sentences[1].Text != "Officials closed every road into the old town at noon. Schools shut." {
		t.Errorf("the export's document: %v %+v", err, e.Document.Sentences)
	}
}

// TestFixBoundariesOnAPhone: the dialog fits a 390 px phone and works by
// touch; on the bundled article the button is not offered.
func TestFixBoundariesOnAPhone(t *testing.T) {
	p := newProfile(t)
	p.Do("phone viewport", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
	p.Open()
	if Eval[bool](p, `!!document.querySelector("#boundaries-button")`) {
		t.Error("the bundled article offers to change its sentences")
	}
	p.openLibrary()
	p.setField("#paste-text", boundaryText)
	p.Click("#paste-open")
	p.waitSentences("pasted", boundaryStart)
	p.tap(sentSel("s2"))
	p.WaitSelected("tap selects", "s2")
	p.tap("#boundaries-button")
	p.WaitJS("the sentences dialog open, with its buttons", `document.querySelector("#boundary-dialog").open && !!document.querySelector("#boundary-join")`)
	r := Eval[[]float64](p, `(() => { const r = document.querySelector("#boundary-dialog").getBoundingClientRect(); return [r.left, r.right]; })()`)
	if r[0] < -1 || r[1] > 391 {
		t.Errorf("the dialog spans %v px at 390 px wide", r)
	}
	p.WaitJS("the dialog shows s2", `document.querySelector("#boundary-sentence") && document.querySelector("#boundary-sentence").textContent.startsWith("Officials")`)
	p.tap("#boundary-join")
	p.waitSentences("joined by touch", boundaryJoined)
}

// TestFixBoundariesAt200Percent: at 1280x800 zoomed to 200% (a 640x400
// viewport) the dialog fits the width, scrolls, and its buttons work from
// the keyboard.
func TestFixBoundariesAt200Percent(t *testing.T) {
	p := newProfile(t)
	p.Do("200% zoom", chromedp.EmulateViewport(640, 400, chromedp.EmulateScale(2)))
	p.Open()
	p.openLibrary()
	p.setField("#paste-text", boundaryText)
	p.Click("#paste-open")
	p.waitSentences("pasted", boundaryStart)
	p.openBoundaries("s2")
	r := Eval[[]float64](p, `(() => { const r = document.querySelector("#boundary-dialog").getBoundingClientRect(); return [r.left, r.right, r.height]; })()`)
	if r[0] < -1 || r[1] > 641 || r[2] > 401 {
		t.Errorf("the dialog spans %v (left, right, height) in a 640x400 viewport", r)
	}
	Eval[bool](p, `(document.querySelector("#boundary-join").focus(), true)`)
	p.Key("\r")
	p.waitSentences("joined from the keyboard", boundaryJoined)
}
