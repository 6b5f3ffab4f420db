package e2e

// Issue 6, "nothing lost": a full storage and unreadable saved work, in a
// real browser (the rest is in reliability_test.go).

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"stancemark/annotations"
)

// stancemarkKeys keeps the entries of localStorage under stancemark/.
func relStancemarkKeys(st map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range st {
		if strings.HasPrefix(k, "stancemark/") {
			out[k] = v
		}
	}
	return out
}

// TestStorageFull fills localStorage until setItem throws, then tags: the
// save status says the storage is full and to export, the tag is on screen
// (the work goes on in memory), the export holds it, and what was saved
// before is unchanged. Once space is freed the next change saves it all.
func TestStorageFull(t *testing.T) {
	doc := bundled(t)
	key := relWorkKey(doc.ID)
	p := newPage(t)
	downloads := p.AllowDownloads()

	p.ClickSentence("s1")
	p.Key("1")
	p.WaitLabels("s1 tagged", map[string]string{"s1": "supports"})
	p.WaitSaved()
	p.waitStored(doc.Sentences[0].ID)
	before := relStancemarkKeys(p.Storage())
	saved, ok := before[key]
	if !ok {
		t.Fatalf("no saved work under %s; keys %v", key, keysOf(before))
	}
	if got := relLabelsOfState(t, doc, saved); !reflect.DeepEqual(got, map[string]string{"s1": "supports"}) {
		t.Fatalf("saved work before filling the storage has %v", got)
	}

	// Fill localStorage: big values first, then ever smaller ones, until not
	// even one character fits.
	type fill struct {
		Error string `json:"error"`
		Keys  int    `json:"keys"`
		Chars int    `json:"chars"`
	}
	f := Eval[fill](p, `(() => {
		let size = 1 << 20, n = 0, chars = 0, error = "";
		while (size >= 1) {
			try { localStorage.setItem("filler/" + n, "x".repeat(size)); n++; chars += size; }
			catch (e) { error = e.name; size = Math.floor(size / 2); }
		}
		return {error, keys: n, chars};
	})()`)
	t.Logf("filled localStorage with %d keys, %d characters", f.Keys, f.Chars)
	if f.Error != "QuotaExceededError" {
		t.Fatalf("filling localStorage ended with %q, want QuotaExceededError", f.Error)
	}

	p.ClickSentence("s3")
	p.Key("2")
	want := map[string]string{"s1": "supports", "s3": "opposes"}
	p.WaitLabels("the tag is shown though the storage is full", want)
	p.Eventually("the save status says the storage is full and to export", func() error {
		st, _ := p.Attr("#save-status", "data-state")
		txt := p.Text("#save-status")
		low := strings.ToLower(txt)
		if st != "error" || !strings.Contains(low, "full") || !strings.Contains(low, "export") {
			return fmt.Errorf("#save-status data-state=%q text=%q, want data-state=error and a text that says the storage is full and to export", st, txt)
		}
		return nil
	})
	if hl := p.Highlights(); len(hl) != 2 {
		t.Errorf("side list %+v, want the 2 highlights", hl)
	}

	// Leaving now would lose the tag: the browser asks first (beforeunload).
	p.leaveWarns(true)
	p.WaitLabels("staying keeps the tag on screen", want)

	// Export still works and holds the tag made while the storage is full.
	p.Click("#export")
	data := p.WaitFile(downloads, exportName)
	e, err := annotations.ReadExport(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the export made while the storage is full does not read: %v", err)
	}
	got := map[string]string{}
	for _, a := range e.Annotations {
		for _, sid := range a.SentenceIDs {
			got[sid] = a.Label
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the export holds %v, want %v", got, want)
	}

	// Nothing saved before was lost or changed.
	after := relStancemarkKeys(p.Storage())
	if after[key] != saved {
		t.Errorf("the saved work changed while the storage was full:\n got %s\nwant %s", short(after[key]), short(saved))
	}
	if !reflect.DeepEqual(after, before) {
		t.Errorf("Stancemark's keys changed while the storage was full:\n got %v\nwant %v", keysOf(after), keysOf(before))
		for k, v := range before {
			if after[k] != v {
				t.Errorf("  %s: %s, was %s", k, short(after[k]), short(v))
			}
		}
	}

	// Space again: the next change saves everything done in memory.
	p.Do("free the storage", chromedp.Evaluate[chromedp.Void](`for (const k of Object.keys(localStorage)) if (k.startsWith("filler/")) localStorage.removeItem(k)`))
	p.ClickSentence("s10")
	p.Key("3")
	want["s10"] = "neutral"
	p.WaitSaved()
	p.leaveWarns(false)
	p.WaitLabels("after freeing space and reloading, every tag is back", want)
}

// leaveWarns reloads the page and checks whether the browser first asks to
// confirm leaving (a beforeunload dialog). When it asks, the test stays on
// the page; when it does not, the reload goes ahead.
func (p *Page) leaveWarns(want bool) {
	p.t.Helper()
	dialogs := make(chan *page.EventJavascriptDialogOpening, 1)
	p.mu.Lock()
	p.dialogs = dialogs
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		p.dialogs = nil
		p.mu.Unlock()
	}()
	reloaded := make(chan error, 1)
	go func() {
		_, err := chromedp.Run(p.Ctx, chromedp.Evaluate[chromedp.Void]("location.reload()"))
		reloaded <- err
	}()
	select {
	case d := <-dialogs:
		if d.Type != page.DialogTypeBeforeunload {
			p.t.Fatalf("a %s dialog opened on leaving", d.Type)
		}
		if !want {
			p.t.Fatal("leaving with every change saved asks to confirm")
		}
		if _, err := chromedp.Call(p.Ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false}); err != nil {
			p.t.Fatalf("staying on the page: %v", err)
		}
		<-reloaded
	case <-time.After(5 * time.Second):
		if want {
			p.t.Fatal("leaving with a tag that was not saved gives no warning")
		}
		p.WaitReady()
	}
}

// TestUnreadableSavedWork puts garbage under the work key before the app
// loads: the app says so, copies it unchanged to a stancemark/backup/ key,
// downloads exactly it, and saves new work without touching the backup.
func TestUnreadableSavedWork(t *testing.T) {
	doc := bundled(t)
	key := relWorkKey(doc.ID)
	garbage := `{"format": "stancemark-state/v1", "schemes": [{"id": "default", "highlights": [` + "\u00e9\u2603 <not JSON> \x01\n\ttail"

	p := newPage(t)
	downloads := p.AllowDownloads()
	p.Do("put garbage under the work key", chromedp.Evaluate[chromedp.Void](
		fmt.Sprintf(`localStorage.setItem(%s, %s)`, relJS(key), relJS(garbage))))
	p.Reload()

	text := p.relWaitMessage("the app says the saved work could not be read", "error", func(s string) bool {
		return strings.Contains(s, "could not be read") && strings.Contains(s, "stancemark/backup/")
	})
	t.Logf("message: %s", text)

	backups := func() map[string]string {
		out := map[string]string{}
		for k, v := range p.Storage() {
			if strings.HasPrefix(k, "stancemark/backup/") {
				out[k] = v
			}
		}
		return out
	}
	b := backups()
	if len(b) != 1 {
		t.Fatalf("backup keys %v, want exactly one", keysOf(b))
	}
	var backupKey string
	for k, v := range b {
		backupKey = k
		if !strings.HasSuffix(k, "/"+doc.ID) {
			t.Errorf("backup key %q does not end with the document id", k)
		}
		if v != garbage {
			t.Errorf("the backup holds %q, want the garbage unchanged %q", v, garbage)
		}
	}
	if !strings.Contains(text, backupKey) {
		t.Errorf("the message %q does not name the backup key %q", text, backupKey)
	}
	if v := p.Storage()[key]; v != garbage {
		t.Errorf("the unreadable work under %s was changed before any new work: %q", key, short(v))
	}
	p.WaitLabels("nothing shown from unreadable work", nil)

	if got := p.Text("#message-action"); got != "Download the unreadable data" {
		t.Errorf("#message-action = %q, want \"Download the unreadable data\"", got)
	}
	p.Click("#message-action")
	p.relWaitDownload(downloads, docTitleSlug+".unreadable.json", []byte(garbage))

	// New work is saved; the backup stays.
	p.ClickSentence("s2")
	p.Key("2")
	p.WaitLabels("new work is shown", map[string]string{"s2": "opposes"})
	p.WaitSaved()
	p.Eventually("new work saved under the work key", func() error {
		v := p.Storage()[key]
		if v == garbage {
			return errors.New("the work key still holds the garbage")
		}
		return nil
	})
	if got := relLabelsOfState(t, doc, p.Storage()[key]); !reflect.DeepEqual(got, map[string]string{"s2": "opposes"}) {
		t.Errorf("saved work holds %v, want s2 opposes", got)
	}
	if got := backups(); !reflect.DeepEqual(got, b) {
		t.Errorf("backups after new work %v, want %v unchanged", keysOf(got), keysOf(b))
	}

	p.Reload()
	p.WaitLabels("new work back after a reload", map[string]string{"s2": "opposes"})
	if kind, txt := p.relMessage(); kind == "error" {
		t.Errorf("after the reload the message is an error: %q", txt)
	}
	if got := backups(); !reflect.DeepEqual(got, b) {
		t.Errorf("backups after reload %v, want %v unchanged", keysOf(got), keysOf(b))
	}
}

// TestUnreadableSavedWorkStorageFull: unreadable saved work and no room for
// its backup. The work is left untouched under its key (nothing is saved
// over it), the app says so and offers the download, and tagging goes on in
// memory with a status that says it is not saved.
func TestUnreadableSavedWorkStorageFull(t *testing.T) {
	doc := bundled(t)
	key := relWorkKey(doc.ID)
	garbage := `{"format": "stancemark-state/v1", "cut off here`

	p := newPage(t)
	downloads := p.AllowDownloads()
	p.Do("put garbage under the work key and fill the storage", chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
		localStorage.setItem(%s, %s);
		let size = 1 << 20, n = 0;
		while (size >= 1) {
			try { localStorage.setItem("filler/" + n, "x".repeat(size)); n++; }
			catch (e) { size = Math.floor(size / 2); }
		}
	})()`, relJS(key), relJS(garbage))))
	p.Reload()

	text := p.relWaitMessage("the app says the saved work could not be read nor backed up", "error", func(s string) bool {
		return strings.Contains(s, "could not be read") && strings.Contains(s, "untouched")
	})
	t.Logf("message: %s", text)
	for k := range p.Storage() {
		if strings.HasPrefix(k, "stancemark/backup/") {
			t.Errorf("a backup key %s exists though the storage is full", k)
		}
	}
	p.Click("#message-action")
	p.relWaitDownload(downloads, docTitleSlug+".unreadable.json", []byte(garbage))

	p.ClickSentence("s3")
	p.Key("1")
	p.WaitLabels("tagging goes on in memory", map[string]string{"s3": "supports"})
	p.Eventually("the save status says the work is not saved", func() error {
		st, _ := p.Attr("#save-status", "data-state")
		txt := p.Text("#save-status")
		if st != "error" || !strings.Contains(strings.ToLower(txt), "export") {
			return fmt.Errorf("#save-status data-state=%q text=%q", st, txt)
		}
		return nil
	})
	// Room again: still nothing is saved over the unreadable work in this tab.
	p.Do("free the storage", chromedp.Evaluate[chromedp.Void](`for (const k of Object.keys(localStorage)) if (k.startsWith("filler/")) localStorage.removeItem(k)`))
	p.ClickSentence("s5")
	p.Key("2")
	p.WaitLabels("tagging goes on", map[string]string{"s3": "supports", "s5": "opposes"})
	p.Never("the unreadable work is never overwritten", 500*time.Millisecond, func() error {
		if v := p.Storage()[key]; v != garbage {
			return fmt.Errorf("the work key holds %q, want the garbage untouched", short(v))
		}
		return nil
	})
}

// TestStorageFullNewDocument opens a pasted document while the storage is
// full: it opens, the reader is told it is not stored and to export, tags
// go on in memory and the export holds them.
func TestStorageFullNewDocument(t *testing.T) {
	p := newPage(t)
	downloads := p.AllowDownloads()
	before := relStancemarkKeys(p.Storage())
	p.Do("fill the storage", chromedp.Evaluate[chromedp.Void](`(() => {
		let size = 1 << 20, n = 0;
		while (size >= 1) {
			try { localStorage.setItem("filler/" + n, "x".repeat(size)); n++; }
			catch (e) { size = Math.floor(size / 2); }
		}
	})()`))
	title := "Full storage article"
	body := "The first sentence is short. The second one too.\n\nA new paragraph starts here."
	doc, err := annotations.NewDocument(title, body)
	if err != nil {
		t.Fatal(err)
	}
	p.Click("#library-button")
	p.WaitJS("library dialog open", `document.querySelector('dialog#library').open`)
	p.TypeInto("#paste-title", title)
	p.Do("paste", chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector('#paste-text').value = %s`, relJS(body))))
	p.Click("#paste-open")
	p.relWaitText("the pasted document is open", "h1#doc-title", title)
	msg := p.relWaitMessage("the reader is told the document is not stored", "error", func(s string) bool {
		low := strings.ToLower(s)
		return strings.Contains(low, "full") || strings.Contains(low, "could not be stored")
	})
	if !strings.Contains(strings.ToLower(msg), "export") {
		t.Errorf("the message %q does not say to export", msg)
	}
	p.ClickSentence("s2")
	p.Key("2")
	p.WaitJS("s2 tagged", `document.querySelector('#sentences span.sentence[data-sid="s2"]').getAttribute('data-label') === "opposes"`)
	p.Eventually("the save status says the storage is full", func() error {
		st, _ := p.Attr("#save-status", "data-state")
		txt := strings.ToLower(p.Text("#save-status"))
		if st != "error" || !strings.Contains(txt, "full") || !strings.Contains(txt, "export") {
			return fmt.Errorf("#save-status data-state=%q text=%q", st, txt)
		}
		return nil
	})
	p.Click("#export")
	data := p.WaitFile(downloads, "full-storage-article.stancemark.json")
	e, err := annotations.ReadExport(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the export does not read: %v", err)
	}
	if e.Document.ID != doc.ID || len(e.Annotations) != 1 || e.Annotations[0].Label != "opposes" || e.Annotations[0].SentenceIDs[0] != doc.Sentences[1].ID {
		t.Errorf("the export has document %s and annotations %+v, want %s with s2 opposes", e.Document.ID, e.Annotations, doc.ID)
	}
	if after := relStancemarkKeys(p.Storage()); !reflect.DeepEqual(after, before) {
		t.Errorf("Stancemark's keys changed while the storage was full: %v, were %v", keysOf(after), keysOf(before))
	}
}
