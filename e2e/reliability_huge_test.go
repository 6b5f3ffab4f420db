package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"stancemark/annotations"
)

// maxFreeze is the longest, in milliseconds, the page may go without
// running a timer while it opens or edits the largest document: longer, and
// a reader sees a frozen tab (issue 6: "degrade gracefully with a message,
// not a frozen tab"). Generous, for a loaded machine.
const maxFreeze = 2000.0

// TestHugeDocumentOpens: a pasted text of exactly 50,000 sentences (the
// limit) opens without freezing the tab, and the tab stays responsive: a
// sentence can be tagged and the tag is saved.
func TestHugeDocumentOpens(t *testing.T) {
	text := numberedSentences("The longest text", annotations.MaxSentences)
	doc, err := annotations.ParsePlainText(text)
	if err != nil {
		t.Fatalf("the domain refuses %d sentences: %v", annotations.MaxSentences, err)
	}
	if len(doc.Sentences) != annotations.MaxSentences {
		t.Fatalf("the text has %d sentences, want %d", len(doc.Sentences), annotations.MaxSentences)
	}
	p := newPage(t)
	p.Click("#library-button")
	p.WaitJS("library dialog open", `document.querySelector('dialog#library').open`)
	p.Do("paste 50,000 sentences", chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
		const t = document.querySelector('#paste-text');
		t.value = %s;
		t.dispatchEvent(new Event('input', {bubbles: true}));
	})()`, relJS(text))))
	p.Do("watch the main thread", chromedp.Evaluate[chromedp.Void](`(() => {
		window.__maxGap = 0; let last = performance.now();
		window.__jank = setInterval(() => { const now = performance.now(); window.__maxGap = Math.max(window.__maxGap, now - last); last = now; }, 20);
	})()`))
	start := time.Now()
	p.Click("#paste-open")
	shown := fmt.Sprintf(`document.querySelectorAll('#sentences span.sentence').length === %d && document.querySelector('h1#doc-title').textContent.includes("The longest text")`, annotations.MaxSentences)
	if !p.poll(50*time.Second, func() bool { return Eval[bool](p, shown) }) {
		t.Fatalf("the 50,000 sentences were not shown after %v", time.Since(start).Round(time.Millisecond))
	}
	openGap := Eval[float64](p, `window.__maxGap`)
	t.Logf("opened in %v; the longest the page did not answer: %.0f ms", time.Since(start).Round(time.Millisecond), openGap)
	if openGap > maxFreeze {
		t.Errorf("opening a document of %d sentences froze the tab for %.1f s (no event, timer or paint ran); want at most %.1f s at a time", annotations.MaxSentences, openGap/1000, maxFreeze/1000)
	}
	p.Do("reset", chromedp.Evaluate[chromedp.Void](`window.__maxGap = 0`))
	start = time.Now()
	p.Click(sentSel("s3"))
	p.Key("1")
	p.WaitJS("s3 tagged", `document.querySelector('#sentences span.sentence[data-sid="s3"]').getAttribute('data-label') === "supports"`)
	p.WaitSaved()
	tagGap := Eval[float64](p, `window.__maxGap`)
	t.Logf("tagged and saved in %v; the longest the page did not answer: %.0f ms", time.Since(start).Round(time.Millisecond), tagGap)
	if tagGap > maxFreeze {
		t.Errorf("tagging in a document of %d sentences froze the tab for %.1f s", annotations.MaxSentences, tagGap/1000)
	}
	p.waitStored(doc.ID)
}
