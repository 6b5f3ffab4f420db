package e2e

// Helpers of the reliability, injection and CSP tests (issue 6): more tabs
// in one profile, scripts that run before the app, exact downloads, the
// message line.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"stancemark/annotations"
)

// relWorkKey is where the app saves the work of a document.
func relWorkKey(docID string) string { return "stancemark/v1/work/" + docID }

// jsString is s as a JavaScript string literal.
func relJS(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// relInitScript makes js run in every document this tab loads from now on,
// before the page's own scripts.
func (p *Page) relInitScript(js string) {
	p.t.Helper()
	if _, err := chromedp.Call(p.Ctx, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: js}); err != nil {
		p.t.Fatalf("add a script to evaluate on new documents: %v", err)
	}
}

// relNewTab opens another tab in p's profile (the same browser context, so
// the same localStorage, and storage events between the two), in a window
// of its own so that both tabs are visible and get animation frames. It
// does not navigate.
func (p *Page) relNewTab() *Page {
	p.t.Helper()
	q := &Page{t: p.t}
	ctx, cancel := chromedp.NewContext(p.Ctx, chromedp.WithNewWindow(true), chromedp.WithListener(q.listen))
	q.Ctx = ctx
	p.t.Cleanup(cancel)
	p.t.Cleanup(q.checkProblems)
	if err := chromedp.Do(ctx); err != nil {
		p.t.Fatalf("open a second tab: %v", err)
	}
	return q
}

// relWriteFile writes data to dir/name and returns the path.
func relWriteFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// relUpload sets the file(s) of a file input.
func (p *Page) relUpload(css string, paths ...string) {
	p.t.Helper()
	p.Do("upload to "+css, chromedp.SetUploadFiles(chromedp.CSS(css), paths))
}

// relMessage is the message line: its data-kind and its text.
func (p *Page) relMessage() (kind, text string) {
	p.t.Helper()
	kind, _ = p.Attr("#message", "data-kind")
	return kind, p.Text("#message-text")
}

// relWaitMessage waits until the message line has the kind and its text
// satisfies ok; it returns the text.
func (p *Page) relWaitMessage(what, kind string, ok func(text string) bool) string {
	p.t.Helper()
	var text string
	p.Eventually(what, func() error {
		k, txt := p.relMessage()
		if k != kind || !ok(txt) {
			return fmt.Errorf("#message data-kind=%q text=%q", k, txt)
		}
		text = txt
		return nil
	})
	return text
}

// relWaitDownload waits until dir/name holds exactly want.
func (p *Page) relWaitDownload(dir, name string, want []byte) {
	p.t.Helper()
	p.Eventually("download "+name+" with the expected bytes", func() error {
		b, err := readDownload(dir, name)
		if err != nil {
			return err
		}
		if string(b) != string(want) {
			return fmt.Errorf("%s holds %d bytes %q, want %d bytes %q", name, len(b), short(string(b)), len(want), short(string(want)))
		}
		return nil
	})
}

// relLabelsOfState restores a saved workspace state and returns sid → label
// of the active scheme's highlights.
func relLabelsOfState(t *testing.T, doc *annotations.Document, state string) map[string]string {
	t.Helper()
	ws, err := annotations.RestoreWorkspace(doc, []byte(state))
	if err != nil {
		t.Fatalf("the saved state does not restore: %v\n%s", err, short(state))
	}
	out := map[string]string{}
	for i, s := range doc.Sentences {
		if a, ok := ws.At(i); ok {
			out[s.ID] = a.Label
		}
	}
	return out
}

// relPause lets asynchronous page work (image errors, timers) run.
func relPause() { time.Sleep(300 * time.Millisecond) }
