package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// libraryEntry is one row of the library dialog.
type libraryEntry struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Meta  string `json:"meta"`
}

func (p *Page) library() []libraryEntry {
	p.t.Helper()
	return Eval[[]libraryEntry](p, `Array.from(document.querySelectorAll("#documents li.doc")).map(li => ({
		id: li.dataset.docId, title: li.querySelector(".doc-title").value, meta: li.querySelector(".doc-meta").textContent}))`)
}

// waitLabel waits until sentence sid of the open document has the label.
func (p *Page) waitLabel(what, sid, label string) {
	p.t.Helper()
	p.WaitJS(what, fmt.Sprintf(`(() => { const e = document.querySelector('[data-sid=%q]'); return !!e && e.getAttribute("data-label") === %q; })()`, sid, label))
}

func (p *Page) openLibrary() {
	p.t.Helper()
	p.Settle()
	p.Click("#library-button")
	if !p.poll(3*time.Second, func() bool { return Eval[bool](p, `document.querySelector("#library").open`) }) {
		// Seen rarely on a loaded machine right after an undo: the first click
		// did not reach the button. Log it and click once more.
		p.t.Logf("the library did not open on the first click; clicking again")
		p.Click("#library-button")
	}
	p.WaitJS("library open", `document.querySelector("#library").open`)
}

// setField sets a field's value as pasting does (one input event).
func (p *Page) setField(css, value string) {
	p.t.Helper()
	Eval[bool](p, fmt.Sprintf(`(() => { const e = document.querySelector(%q); e.value = %q; e.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`, css, value))
}

func (p *Page) waitTitle(title string) {
	p.t.Helper()
	p.Eventually("article "+title, func() error {
		if got := p.Text("#doc-title"); got != title {
			return fmt.Errorf("heading %q", got)
		}
		return nil
	})
}

func TestPasteLibraryRenameDeleteUndo(t *testing.T) {
	p := newPage(t)
	p.openLibrary()
	if got := p.Text("#storage-usage"); !strings.Contains(got, "storage") {
		t.Errorf("storage use not shown: %q", got)
	}
	text := "School budget vote\n\nThe council approved the budget on Tuesday. Critics said it cuts too much.\n\nThe mayor praised the vote."
	p.setField("#paste-text", text)
	p.Click("#paste-open")
	p.waitTitle("School budget vote")
	p.WaitJS("3 sentences", `document.querySelectorAll("#sentences [data-sid]").length === 3`)
	p.ClickSentence("s2")
	p.Key("2")
	p.WaitSaved()

	p.openLibrary()
	lib := p.library()
	if len(lib) != 2 {
		t.Fatalf("library = %+v, want the pasted text and the bundled article", lib)
	}
	// The storage figure is what localStorage holds for Stancemark (2 bytes a UTF-16 unit).
	p.Eventually("the storage figure is what localStorage holds", func() error {
		kb := Eval[float64](p, `Object.keys(localStorage).filter(k => k.startsWith("stancemark/")).reduce((n, k) => n + 2 * (k.length + localStorage.getItem(k).length), 0) / 1024`)
		usage := p.Text("#storage-usage")
		_, figure, _ := strings.Cut(usage, " take ")
		var shown float64
		if _, err := fmt.Sscanf(figure, "%f KB", &shown); err != nil || kb < 1 || shown < kb-1 || shown > kb+1 {
			return fmt.Errorf("storage use %q, want about %.0f KB (%v)", usage, kb, err)
		}
		return nil
	})
	if lib[0].Title != "School budget vote" || !strings.Contains(lib[0].Meta, "3 sentences") || !strings.Contains(lib[0].Meta, "1 tagged") || !strings.Contains(lib[0].Meta, "edited") {
		t.Errorf("first entry %+v: want the pasted text, 3 sentences, 1 tagged, edited", lib[0])
	}
	pasted := lib[0].ID

	// back to the bundled article; then the same text again is found, not duplicated
	p.Click(`li.doc:not([data-doc-id="` + pasted + `"]) .doc-open`)
	p.waitTitle(bundled(t).Title)
	p.openLibrary()
	p.setField("#paste-title", "A different title")
	p.setField("#paste-text", "The council approved the budget on Tuesday. Critics said it cuts too much.\n\nThe mayor praised the vote.")
	p.Click("#paste-open")
	p.Eventually("found again", func() error {
		if got := p.Text("#message-text"); !strings.Contains(got, "already in your library") || p.Text("#doc-title") != "School budget vote" {
			return fmt.Errorf("message %q", got)
		}
		return nil
	})
	p.waitLabel("its annotations come back", "s2", "opposes")

	// rename
	p.openLibrary()
	sel := fmt.Sprintf(`li.doc[data-doc-id=%q] .doc-title`, pasted)
	p.setField(sel, "Budget vote (week 3)")
	Eval[bool](p, fmt.Sprintf(`document.querySelector(%q).dispatchEvent(new Event("change", {bubbles: true}))`, sel))
	p.waitTitle("Budget vote (week 3)")

	// open the bundled article from the library, then delete the pasted one
	p.Click(`li.doc:not([data-doc-id="` + pasted + `"]) .doc-open`)
	p.waitTitle(bundled(t).Title)
	p.openLibrary()
	p.Click(fmt.Sprintf(`li.doc[data-doc-id=%q] .doc-delete`, pasted))
	p.WaitJS("confirmation asked", `!!document.querySelector(".doc-confirm-delete")`)
	if len(p.library()) != 2 {
		t.Fatal("the document went before the deletion was confirmed")
	}
	p.Click(".doc-confirm-delete")
	p.Eventually("deleted", func() error {
		if l := p.library(); len(l) != 1 {
			return fmt.Errorf("library %+v", l)
		}
		return nil
	})
	for k := range p.Storage() {
		if strings.Contains(k, pasted) {
			t.Errorf("key %s survived the deletion", k)
		}
	}
	p.Click("#library-close")
	p.Click("#message-action") // Undo
	p.Eventually("restored", func() error {
		st := p.Storage()
		if _, ok := st["stancemark/v1/work/"+pasted]; !ok {
			return fmt.Errorf("work not restored")
		}
		return nil
	})
	p.openLibrary()
	if l := p.library(); len(l) != 2 {
		t.Fatalf("after undo the library is %+v", l)
	}
	p.Click(fmt.Sprintf(`li.doc[data-doc-id=%q] .doc-open`, pasted))
	p.waitTitle("Budget vote (week 3)")
	p.waitLabel("annotations restored", "s2", "opposes")
	p.Reload()
	p.waitTitle("Budget vote (week 3)")
}

func TestOpenHTMLMarkdownAndDrop(t *testing.T) {
	p := newPage(t)
	dir := t.TempDir()
	page := `<!doctype html><html><head><title>Site | Harbour plan</title><script>window.pwned=1</script><style>p{}</style></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour plan approved</h1><p>The port authority approved the plan &amp; its budget on Monday.</p>
<p>Fishermen said they were not consulted.<br>They plan to appeal.</p></article>
<footer>© Example News</footer></body></html>`
	file := filepath.Join(dir, "harbour.html")
	os.WriteFile(file, []byte(page), 0o644)
	p.openLibrary()
	p.Do("open the file", chromedp.SetUploadFiles(chromedp.CSS("#open-file"), []string{file}))
	p.waitTitle("Harbour plan approved")
	got := Eval[string](p, `document.querySelector("#sentences").textContent`)
	for _, want := range []string{"plan & its budget", "not consulted.", "They plan to appeal."} {
		if !strings.Contains(got, want) {
			t.Errorf("the article lacks %q: %q", want, got)
		}
	}
	for _, not := range []string{"Home", "pwned", "Example News", "<"} {
		if strings.Contains(got, not) {
			t.Errorf("the article contains %q from the page's chrome or markup: %q", not, got)
		}
	}
	if Eval[bool](p, `window.pwned === 1`) {
		t.Error("the file's script ran")
	}

	// drop a Markdown file anywhere on the page
	Eval[bool](p, `(() => {
		const dt = new DataTransfer();
		dt.items.add(new File(["# River cleanup\n\nVolunteers **removed** two tonnes of waste. The city will *repeat* it."], "river.md", {type: "text/markdown"}));
		document.body.dispatchEvent(new DragEvent("dragover", {dataTransfer: dt, bubbles: true, cancelable: true}));
		document.body.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
		return true; })()`)
	p.waitTitle("River cleanup")
	if got := Eval[string](p, `document.querySelector("#sentences").textContent`); strings.ContainsAny(got, "*#") {
		t.Errorf("Markdown marks left in the text: %q", got)
	}
}

func TestSourceURL(t *testing.T) {
	article := "Bridge reopens\n\nThe bridge reopened on Friday after repairs. Traffic was light."
	os.WriteFile(filepath.Join(servedWeb, "bridge.txt"), []byte(article), 0o644)
	os.WriteFile(filepath.Join(servedWeb, "image.png"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"), 0o644)
	big := make([]byte, 21<<20)
	for i := range big {
		big[i] = 'a' + byte(i%26)
		if i%80 == 79 {
			big[i] = '\n'
		}
	}
	os.WriteFile(filepath.Join(servedWeb, "huge.txt"), big, 0o644)
	open := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		fmt.Fprint(w, "Elsewhere\n\nA text served by another site that allows it. Second sentence.")
	}))
	defer open.Close()
	closed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "Private\n\nNo CORS header here.")
	}))
	defer closed.Close()

	tests := []struct {
		name, src, title, err string
	}{
		{"same origin text", "/web/bridge.txt", "Bridge reopens", ""},
		{"another site with CORS", open.URL + "/a.txt", "Elsewhere", ""},
		{"not found", "/web/missing.txt", "", "not found"},
		{"blocked by CORS", closed.URL + "/b.txt", "", "CORS"},
		{"not text", "/web/image.png", "", "not a text file"},
		{"too large", "/web/huge.txt", "", "refused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newProfile(t)
			if tt.err != "" {
				// the browser logs the failed fetch itself; that is the case under test
				p.allowConsole("Failed to load resource", "blocked by CORS", "ERR_FAILED", "404")
			}
			p.Do("open", chromedp.Navigate(baseURL+"?src="+tt.src))
			p.WaitReady()
			if tt.title != "" {
				p.waitTitle(tt.title)
				return
			}
			p.Eventually("error shown", func() error {
				kind, _ := p.Attr("#message", "data-kind")
				if msg := p.Text("#message-text"); kind != "error" || !strings.Contains(msg, tt.err) {
					return fmt.Errorf("message %s %q, want an error with %q", kind, msg, tt.err)
				}
				return nil
			})
			if got := p.Text("#doc-title"); got != bundled(t).Title {
				t.Errorf("after a failed ?src the article is %q", got)
			}
		})
	}
}
