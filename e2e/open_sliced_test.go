package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// A long plain text opens in slices: a progress bar shows under the
// notice while it is segmented, then the whole text is there.
func TestOpenLongTextShowsProgress(t *testing.T) {
	const n = 9000 // about 330 KB: over slicedOpenBytes
	var b strings.Builder
	b.WriteString("Long progress report\n\n")
	for i := range n {
		fmt.Fprintf(&b, "Entry number %d was filed on time. ", i+1)
		if i%5 == 4 {
			b.WriteString("\n\n")
		}
	}
	if err := os.WriteFile(filepath.Join(servedWeb, "long-progress.txt"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	p := newProfile(t)
	// records, from before the app starts, every value the progress bar shows
	p.relInitScript(`window.__bars = []; new MutationObserver(() => {
		const bar = document.getElementById("message-progress");
		if (bar) window.__bars.push([bar.value, bar.max, (document.getElementById("message-text") || {}).textContent]);
	}).observe(document, {subtree: true, childList: true, attributes: true});`)
	p.Do("open the long text", chromedp.Navigate(baseURL+"?src=/web/long-progress.txt"))
	p.WaitReady()
	p.waitTitle("Long progress report")
	p.Eventually("every sentence", func() error {
		if got := Eval[int](p, `document.querySelectorAll("#sentences [data-sid]").length`); got != n {
			return fmt.Errorf("%d sentences, want %d", got, n)
		}
		return nil
	})
	type bar struct {
		Seen, Partial bool
		Text          string
		Left          bool
	}
	got := Eval[bar](p, `(() => {
		const bs = window.__bars;
		return {Seen: bs.length > 0, Partial: bs.some(b => b[1] > 1 && b[0] > 0 && b[0] < b[1]),
			Text: bs.length ? bs[bs.length - 1][2] : "", Left: !!document.getElementById("message-progress")};
	})()`)
	if !got.Seen || !got.Partial || !strings.Contains(got.Text, "Opening /web/long-progress.txt") {
		t.Errorf("the progress bar while segmenting: %+v", got)
	}
	if got.Left {
		t.Error("the progress bar is still shown after the text opened")
	}
	if msg := p.Text("#message-text"); !strings.Contains(msg, "9000 sentences") {
		t.Errorf("after the open the notice reads %q", msg)
	}
}
