package e2e

// Issue 6, "nothing lost": two tabs on one document, atomic imports, the
// limits and a reload right after a tag, in a real browser (a full storage
// and unreadable saved work are in reliability_storage_test.go).

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
	wantLabels := p.keepOneHighlight("before the imports")
	list := p.Highlights()
	store := p.Storage()

	unchanged := func(what string) {
		t.Helper()
		p.highlightsStay(what+": nothing changes", wantLabels, list)
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
	text := numberedSentences("A very long text", annotations.MaxSentences+1)
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
