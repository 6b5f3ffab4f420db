package e2e

// Issue 6, "nothing lost": a full storage, unreadable saved work, two tabs
// on one document, atomic imports and the limits, in a real browser.

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

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
	p.Reload()
	p.WaitLabels("after freeing space and reloading, every tag is back", want)
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

// TestTwoTabsMerge drives two tabs of one profile on the bundled article:
// tags in each, a note in one, tags made at the same moment, and the same
// highlight relabelled in both (the later change wins, annotations/doc.go
// "Two tabs"). Both tabs converge, and a reload shows the same.
func TestTwoTabsMerge(t *testing.T) {
	doc := bundled(t)
	a := newPage(t)
	b := a.relNewTab()
	b.Open()

	a.ClickSentence("s1")
	a.Key("1")
	a.WaitSaved()
	want := map[string]string{"s1": "supports"}
	a.WaitLabels("tab A: s1", want)
	b.WaitLabels("tab B shows tab A's tag", want)

	b.ClickSentence("s5")
	b.Key("2")
	b.WaitSaved()
	want["s5"] = "opposes"
	b.WaitLabels("tab B: s1 and s5", want)
	a.WaitLabels("tab A shows tab B's tag", want)

	a.ClickSentence("s1")
	a.writeNote("note from A")
	a.waitNote("s1", "note from A")
	a.WaitSaved()
	b.waitNote("s1", "note from A")

	// Tags made in both tabs at the same moment, before either sees the other's.
	a.ClickSentence("s10")
	b.ClickSentence("s12")
	a.Settle()
	b.Settle()
	a.Key("3")
	b.Key("4")
	want["s10"] = "neutral"
	want["s12"] = "unrelated"
	a.WaitLabels("tab A has both simultaneous tags", want)
	b.WaitLabels("tab B has both simultaneous tags", want)

	// The same highlight relabelled in both: B's change is later and wins.
	a.ClickSentence("s1")
	b.ClickSentence("s1")
	a.Settle()
	b.Settle()
	a.Key("3")
	time.Sleep(50 * time.Millisecond)
	b.Key("4")
	want["s1"] = "unrelated"
	a.WaitLabels("tab A: the later relabel wins", want)
	b.WaitLabels("tab B: the later relabel wins", want)
	a.waitNote("s1", "note from A")
	b.waitNote("s1", "note from A")
	a.WaitSaved()
	b.WaitSaved()

	// They stay converged (no ping-pong of saves undoing each other).
	a.Never("both tabs stay converged", 600*time.Millisecond, func() error {
		if err := labelsMatch(a.States(), want); err != nil {
			return fmt.Errorf("tab A: %v", err)
		}
		return labelsMatch(b.States(), want)
	})
	key := relWorkKey(doc.ID)
	a.Eventually("the saved work holds the union", func() error {
		if got := relLabelsOfState(t, doc, a.Storage()[key]); !reflect.DeepEqual(got, want) {
			return fmt.Errorf("saved %v, want %v", got, want)
		}
		return nil
	})

	a.Reload()
	a.WaitLabels("tab A after a reload", want)
	a.waitNote("s1", "note from A")
	b.Reload()
	b.WaitLabels("tab B after a reload", want)
	b.waitNote("s1", "note from A")
}

// TestImportsAreAtomic imports malformed files of annotations/testdata: each
// shows the domain's message and changes nothing; a file over 20 MB is
// refused with a clear message; a file with a UTF-8 byte-order mark is
// imported.
func TestImportsAreAtomic(t *testing.T) {
	dir := filepath.Join(repoRoot, "annotations", "testdata", "malformed")
	p := newPage(t)
	p.ClickSentence("s4")
	p.Key("1")
	p.writeNote("keep")
	p.waitNote("s4", "keep")
	p.Click("h1#doc-title")
	p.WaitSaved()
	wantLabels := map[string]string{"s4": "supports"}
	p.WaitLabels("before the imports", wantLabels)
	list := p.Highlights()
	store := p.Storage()

	unchanged := func(what string) {
		t.Helper()
		p.Never(what+": nothing changes", 300*time.Millisecond, func() error {
			if err := labelsMatch(p.States(), wantLabels); err != nil {
				return err
			}
			if got := p.Highlights(); !reflect.DeepEqual(got, list) {
				return fmt.Errorf("side list %+v, was %+v", got, list)
			}
			return nil
		})
		if got := p.Storage(); !reflect.DeepEqual(got, store) {
			t.Errorf("%s: localStorage changed:\n got %v\nwant %v", what, got, store)
		}
	}

	tmp := t.TempDir()
	for _, name := range []string{"future-version", "overlapping-highlights", "unknown-label", "truncated", "duplicate-ids", "nan", "invalid-utf8", "label-name-too-long", "note-too-long"} {
		data, err := os.ReadFile(filepath.Join(dir, name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		wantMsg, err := os.ReadFile(filepath.Join(dir, name+".want"))
		if err != nil {
			t.Fatal(err)
		}
		domain := strings.TrimSuffix(string(wantMsg), "\n")
		if domain == "" {
			t.Fatalf("%s.want is empty: the file is valid", name)
		}
		file := name + ".stancemark.json"
		p.Upload(relWriteFile(t, tmp, file, data))
		p.relWaitMessage("import of "+file+" shows the domain's message", "error", func(s string) bool {
			return strings.Contains(s, file) && strings.Contains(s, domain)
		})
		unchanged(file)
	}

	// Over 20 MB: refused before it is read.
	big := append([]byte(`{"format": "stancemark/v1", "padding": "`), bytes.Repeat([]byte("x"), 21<<20)...)
	big = append(big, `"}`...)
	bigName := "big.stancemark.json"
	msg := p.relWaitMessageAfterUpload(relWriteFile(t, tmp, bigName, big), bigName, "error")
	if !strings.Contains(msg, "20") || !strings.Contains(msg, "MB") || !strings.Contains(strings.ToLower(msg), "refused") {
		t.Errorf("the message for a 21 MB file %q does not say that files over 20 MB are refused", msg)
	}
	unchanged(bigName)

	// A byte-order mark is accepted.
	bom, err := os.ReadFile(filepath.Join(dir, "bom.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(bom, []byte("\xef\xbb\xbf")) {
		t.Fatalf("bom.json does not start with a UTF-8 byte-order mark")
	}
	e, err := annotations.ReadExport(bytes.NewReader(bom))
	if err != nil {
		t.Fatalf("the domain refuses bom.json: %v", err)
	}
	bomLabels := map[string]string{}
	for _, a := range e.Annotations {
		for _, sid := range a.SentenceIDs {
			bomLabels[sid] = a.Label
		}
	}
	p.Upload(relWriteFile(t, tmp, "bom.stancemark.json", bom))
	p.relWaitMessage("the file with a BOM is imported", "info", func(s string) bool {
		return strings.Contains(s, "Imported") && strings.Contains(s, "bom.stancemark.json")
	})
	p.WaitLabels("the BOM file's highlights are shown", bomLabels)
	p.WaitSaved()
}

// relWaitMessageAfterUpload uploads a file to input#import and waits for a
// message of the kind that names the file.
func (p *Page) relWaitMessageAfterUpload(path, name, kind string) string {
	p.t.Helper()
	p.Upload(path)
	return p.relWaitMessage("the import of "+name+" is answered", kind, func(s string) bool {
		return strings.Contains(s, name)
	})
}

// TestLimitsRefused: a note over 10,000 characters and a pasted text of 50,001
// sentences are refused with the domain's messages, and the page stays
// responsive.
func TestLimitsRefused(t *testing.T) {
	doc := bundled(t)
	p := newPage(t)
	p.ClickSentence("s2")
	p.Key("1")
	p.WaitSaved()
	before := p.Highlights()

	// The domain's message for the note.
	long := strings.Repeat("é", annotations.MaxNoteRunes+1)
	ws := annotations.NewWorkspace(doc)
	h, err := ws.Tag(1, 1, "supports")
	if err != nil {
		t.Fatal(err)
	}
	noteErr := ws.SetNote(h.ID, long)
	if !errors.Is(noteErr, annotations.ErrTooLong) {
		t.Fatalf("the domain's SetNote of %d characters = %v, want ErrTooLong", annotations.MaxNoteRunes+1, noteErr)
	}

	p.Eventually("note field enabled", func() error {
		if p.noteDisabled() {
			return errors.New("textarea#note is disabled")
		}
		return nil
	})
	p.Click("textarea#note")
	start := time.Now()
	p.Do("paste a long note", chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
		const n = document.querySelector('textarea#note');
		n.value = %s;
		n.dispatchEvent(new Event('input', {bubbles: true}));
		n.dispatchEvent(new Event('change', {bubbles: true}));
	})()`, relJS(long))))
	p.relWaitMessage("a note over 10,000 characters is refused with the domain's message", "error", func(s string) bool {
		return strings.Contains(s, noteErr.Error())
	})
	t.Logf("the long note was refused in %v", time.Since(start).Round(time.Millisecond))
	if got := p.Highlights(); !reflect.DeepEqual(got, before) {
		t.Errorf("side list after the refused note %+v, want %+v", got, before)
	}
	for k, v := range p.Storage() {
		if strings.Contains(v, long[:200]) {
			t.Errorf("the refused note was stored under %s", k)
		}
	}
	// A note of exactly the limit is kept.
	limit := strings.Repeat("é", annotations.MaxNoteRunes)
	p.ClickSentence("s2")
	p.Click("textarea#note")
	p.Do("paste a note of 10,000 characters", chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
		const n = document.querySelector('textarea#note');
		n.value = %s;
		n.dispatchEvent(new Event('input', {bubbles: true}));
		n.dispatchEvent(new Event('change', {bubbles: true}));
	})()`, relJS(limit))))
	p.waitNote("s2", limit)
	p.WaitSaved()
	p.waitStored(limit)

	// Responsive: tagging goes on.
	p.Click("h1#doc-title")
	p.ClickSentence("s6")
	p.Key("2")
	p.WaitLabels("tagging after the refused note", map[string]string{"s2": "supports", "s6": "opposes"})

	// 50,001 sentences.
	var sb strings.Builder
	sb.WriteString("A very long text\n\n")
	for i := 1; i <= annotations.MaxSentences+1; i++ {
		fmt.Fprintf(&sb, "Sentence number %d is here.", i)
		if i%10 == 0 {
			sb.WriteString("\n\n")
		} else {
			sb.WriteByte(' ')
		}
	}
	text := sb.String()
	_, docErr := annotations.ParsePlainText(text)
	if !errors.Is(docErr, annotations.ErrTooManySentences) {
		t.Fatalf("the domain's ParsePlainText of %d sentences = %v, want ErrTooManySentences", annotations.MaxSentences+1, docErr)
	}
	p.Click("#library-button")
	p.WaitJS("library dialog open", `document.querySelector('dialog#library').open`)
	p.Do("paste 50,001 sentences", chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
		const t = document.querySelector('#paste-text');
		t.value = %s;
		t.dispatchEvent(new Event('input', {bubbles: true}));
	})()`, relJS(text))))
	start = time.Now()
	p.Click("#paste-open")
	p.relWaitMessage("50,001 sentences are refused with the domain's message", "error", func(s string) bool {
		return strings.Contains(s, docErr.Error())
	})
	t.Logf("50,001 sentences were refused in %v", time.Since(start).Round(time.Millisecond))
	if got := p.Text("h1#doc-title"); got != doc.Title {
		t.Errorf("the open document changed to %q", got)
	}
	// Responsive: the dialog closes and tagging goes on.
	p.Click("#library-close")
	p.WaitJS("library dialog closed", `!document.querySelector('dialog#library').open`)
	p.ClickSentence("s8")
	p.Key("3")
	p.WaitLabels("tagging after the refused document", map[string]string{"s2": "supports", "s6": "opposes", "s8": "neutral"})
}

// TestReloadRightAfterATag reloads at once after each tag, without waiting
// for the save status: the tag must survive (the save pending when the page
// goes away is made then).
func TestReloadRightAfterATag(t *testing.T) {
	p := newPage(t)
	want := map[string]string{}
	for i, sid := range []string{"s2", "s7", "s15"} {
		p.ClickSentence(sid)
		p.Key(fmt.Sprint(i + 1))
		want[sid] = []string{"supports", "opposes", "neutral"}[i]
		p.Reload()
		p.WaitLabels("after reloading right after tagging "+sid, want)
	}
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
