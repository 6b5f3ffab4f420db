package e2e

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"stancemark/annotations"
)

// manyHighlightsExport writes, under /web/, a stancemark/v1 export of a
// generated article of n sentences with every other sentence (s1, s3, …)
// its own "supports" highlight, the last one with a note; it returns the
// file's URL path.
func manyHighlightsExport(t *testing.T, n int, note string) string {
	t.Helper()
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Report number %d came in on time. ", i+1)
		if i%5 == 4 {
			b.WriteString("\n\n")
		}
	}
	doc, err := annotations.NewDocument("Many highlights", b.String())
	if err != nil || len(doc.Sentences) != n {
		t.Fatalf("the generated article: %v (%d sentences)", err, len(doc.Sentences))
	}
	ws := annotations.NewWorkspace(doc)
	var last annotations.Annotation
	for i := 0; i < n; i += 2 {
		if last, err = ws.Tag(i, i, "supports"); err != nil {
			t.Fatal(err)
		}
	}
	if err := ws.SetNote(last.ID, note); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := annotations.WriteExport(&out, ws.Export(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))); err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("many-%d.json", n)
	if err := os.WriteFile(filepath.Join(servedWeb, name), out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return "/web/" + name
}

// listChanges counts the nodes added to and removed from ol#highlights
// (anywhere inside it) since watchList.
type listChanges struct{ Added, Removed, Attrs, Text int }

func (p *Page) watchList() {
	p.t.Helper()
	Eval[bool](p, `(() => {
		const w = window.__listChanges = {Added: 0, Removed: 0, Attrs: 0, Text: 0};
		if (window.__listObserver) window.__listObserver.disconnect();
		window.__listObserver = new MutationObserver((rs) => {
			for (const r of rs) { w.Added += r.addedNodes.length; w.Removed += r.removedNodes.length; if (r.type === "attributes") w.Attrs++; if (r.type === "characterData") w.Text++; }
		});
		window.__listObserver.observe(document.getElementById("highlights"), {childList: true, subtree: true, attributes: true, characterData: true});
		return true; })()`)
}

func (p *Page) listChanged() listChanges {
	p.t.Helper()
	p.Settle()
	return Eval[listChanges](p, `window.__listChanges`)
}

// With a thousand highlights the side list holds every entry (screen
// readers and find-in-page see them all), and a tag, a relabel or a
// selection changes only the entries it concerns.
func TestSideListManyHighlights(t *testing.T) {
	const n, note = 2000, "needle in the list"
	src := manyHighlightsExport(t, n, note)
	p := newProfile(t)
	p.Do("open the export", chromedp.Navigate(baseURL+"?src="+src))
	p.WaitReady()
	p.waitTitle("Many highlights")
	p.Eventually("a thousand entries", func() error {
		if got := Eval[int](p, `document.querySelectorAll('ol#highlights > li.highlight').length`); got != n/2 {
			return fmt.Errorf("%d entries, want %d", got, n/2)
		}
		return nil
	})

	// Every entry is in the accessibility tree: the list is shown, each
	// entry a button with its label and quote, the empty notice hidden.
	type a11y struct {
		ListHidden, EmptyShown bool
		Unnamed, Items         int
		Last                   string
	}
	got := Eval[a11y](p, `(() => {
		const ol = document.getElementById("highlights");
		const lis = ol.querySelectorAll("li.highlight");
		let unnamed = 0;
		for (const li of lis) { const b = li.querySelector("button.hl-jump"); if (!b || !b.textContent.includes("Supports") || !b.textContent.includes("Report number")) unnamed++; }
		const empty = document.querySelector("#highlights-panel p.empty");
		return {ListHidden: ol.hidden || getComputedStyle(ol).display === "none", EmptyShown: !!empty && !empty.hidden,
			Unnamed: unnamed, Items: lis.length, Last: lis[lis.length - 1].textContent};
	})()`)
	if got.ListHidden || got.EmptyShown || got.Unnamed != 0 || got.Items != n/2 {
		t.Fatalf("the side list for assistive technology: %+v", got)
	}
	if !strings.Contains(got.Last, fmt.Sprintf("Report number %d", n-1)) || !strings.Contains(got.Last, note) {
		t.Errorf("the last entry reads %q", got.Last)
	}

	// Find-in-page reaches the note of the very last entry.
	if found := Eval[string](p, fmt.Sprintf(`(() => {
		getSelection().removeAllRanges();
		if (!window.find(%q)) return "not found";
		const n = getSelection().anchorNode;
		const li = n && (n.nodeType === 1 ? n : n.parentElement).closest("li.highlight");
		const all = document.querySelectorAll("ol#highlights > li.highlight");
		const at = li ? Array.prototype.indexOf.call(all, li) : -1;
		getSelection().removeAllRanges();
		return "entry " + at;
	})()`, note)); found != fmt.Sprintf("entry %d", n/2-1) {
		t.Errorf("find-in-page for the last entry's note: %s", found)
	}

	// Selecting a sentence leaves the list alone.
	p.watchList()
	p.ClickSentence(fmt.Sprintf("s%d", n))
	p.WaitSelected("the last sentence", fmt.Sprintf("s%d", n))
	if c := p.listChanged(); c != (listChanges{}) {
		t.Errorf("selecting a sentence changed the side list: %+v", c)
	}
	// A new highlight at the end adds one entry and nothing else.
	p.Key("2")
	p.waitLabel("the last sentence opposes", fmt.Sprintf("s%d", n), "opposes")
	p.Eventually("the new entry", func() error {
		if got := Eval[int](p, `document.querySelectorAll('ol#highlights > li.highlight').length`); got != n/2+1 {
			return fmt.Errorf("%d entries, want %d", got, n/2+1)
		}
		return nil
	})
	if c := p.listChanged(); c.Added != 1 || c.Removed != 0 || c.Attrs != 0 || c.Text != 0 {
		t.Errorf("a new highlight changed the side list by %+v, want one entry added", c)
	}
	if last := p.Text(`ol#highlights > li.highlight:last-child`); !strings.Contains(last, "Opposes") || !strings.Contains(last, fmt.Sprintf("Report number %d", n)) {
		t.Errorf("the new last entry reads %q", last)
	}

	// Relabelling a highlight replaces its one entry.
	p.watchList()
	p.ClickSentence(fmt.Sprintf("s%d", n-1))
	p.Key("3")
	p.waitLabel("the last supports is neutral", fmt.Sprintf("s%d", n-1), "neutral")
	p.Eventually("the relabelled entry", func() error {
		if txt := p.Text(`ol#highlights > li.highlight:nth-last-child(2)`); !strings.Contains(txt, "Neutral") {
			return fmt.Errorf("the entry reads %q", txt)
		}
		return nil
	})
	if c := p.listChanged(); c.Added != 1 || c.Removed != 1 || c.Attrs != 0 || c.Text != 0 {
		t.Errorf("relabelling changed the side list by %+v, want one entry replaced", c)
	}

	// A mouse selection across three sentences, two of them highlighted,
	// still tags them as one highlight.
	p.Drag("s11", "s13")
	p.WaitSelected("s11 to s13 by dragging", sids(11, 13)...)
	p.Key("4")
	for _, sid := range sids(11, 13) {
		p.waitLabel(sid+" unrelated", sid, "unrelated")
	}
	p.waitLabel("s15 still supports", "s15", "supports")
	p.Eventually("the run's entry", func() error {
		if txt := p.Text(`ol#highlights > li.highlight:nth-child(6)`); !strings.Contains(txt, "Unrelated") || !strings.Contains(txt, "Report number 11") || !strings.Contains(txt, "Report number 13") {
			return fmt.Errorf("entry 6 reads %q", txt)
		}
		if txt := p.Text(`ol#highlights > li.highlight:nth-child(7)`); !strings.Contains(txt, "Report number 15") {
			return fmt.Errorf("entry 7 reads %q", txt)
		}
		return nil
	})
}
