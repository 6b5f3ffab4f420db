package e2e

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"stancemark/annotations"
)

// waitDownload waits for a download that stopped growing.
func (p *Page) waitDownload(dir, name string) []byte {
	p.t.Helper()
	var data []byte
	last := -1
	p.Eventually("download "+name, func() error {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || len(b) == 0 || len(b) != last {
			last = len(b)
			return fmt.Errorf("not complete yet: %v", err)
		}
		data = b
		return nil
	})
	return data
}

// TestExportMenuEveryFormat exports the same highlights in every format of
// the export menu and checks each file against what the annotations
// package writes for the stancemark/v1 export of the same work.
func TestExportMenuEveryFormat(t *testing.T) {
	p := newPage(t)
	dir := p.AllowDownloads()
	p.TypeInto("input#annotator", "Grace")
	p.Key(KeyTab)
	p.ClickSentence("s2")
	p.Key("2")
	p.ClickSentence("s4")
	p.ClickSentence("s6", chromedp.ModifierShift)
	p.Key("1")
	p.WaitSaved()

	native := p.exportFile(dir, false)
	e, err := annotations.ReadExport(bytes.NewReader(native))
	if err != nil {
		t.Fatalf("the native export does not read back: %v", err)
	}
	slug := strings.TrimSuffix(exportName, ".stancemark.json")
	for _, f := range annotations.Formats[1:] {
		t.Run(f, func(t *testing.T) {
			Eval[bool](p, fmt.Sprintf(`(() => { const s = document.querySelector("#export-format"); s.value = %q; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`, f))
			p.Click("button#export")
			got := p.waitDownload(dir, slug+annotations.FormatExtension(f))
			var want bytes.Buffer
			if err := annotations.WriteFormat(&want, f, []*annotations.Export{e}); err != nil {
				t.Fatal(err)
			}
			switch f {
			case "w3c":
				var w3c struct {
					Type  string `json:"type"`
					Total int    `json:"total"`
					First struct {
						Items []struct {
							Motivation string `json:"motivation"`
						} `json:"items"`
					} `json:"first"`
				}
				if err := json.Unmarshal(got, &w3c); err != nil || w3c.Type != "AnnotationCollection" || w3c.Total != 2 || len(w3c.First.Items) != 2 || w3c.First.Items[0].Motivation != "classifying" {
					t.Errorf("W3C export %+v (%v)", w3c, err)
				}
			case "csv":
				rows, err := csv.NewReader(bytes.NewReader(got)).ReadAll()
				if err != nil || len(rows) != 1+23 || rows[0][0] != "document_id" {
					t.Errorf("CSV: %d rows, header %v, %v", len(rows), rows[0], err)
				}
			}
			// the browser writes exactly what the package writes for the same export,
			// except times: the browser's export time is its own
			if f != "w3c" && f != "jsonl" && !bytes.Equal(got, want.Bytes()) {
				t.Errorf("%s export differs from annotations.WriteFormat:\n%s\n---\n%s", f, got, want.Bytes())
			}
		})
	}
}

// TestBuiltSiteFeatures runs the features of issue 5 on the output of
// "stancemark build" served by a plain static server under a sub-path.
func TestBuiltSiteFeatures(t *testing.T) {
	dir := t.TempDir()
	buildSite(t, dir, servedWeb)
	os.WriteFile(filepath.Join(dir, "stancemark", "web", "bridge.txt"), []byte("Bridge reopens\n\nThe bridge reopened on Friday after repairs. Traffic was light."), 0o644)
	base, _ := staticServer(t, dir)

	p := newProfile(t)
	p.allowConsole("404")
	p.Do("open", chromedp.Navigate(base+"/stancemark/"))
	p.WaitReady()
	p.ClickSentence("s1")
	p.Key("1")
	p.WaitSaved()

	// installable as an app
	p.waitOfflineReady("/stancemark/")
	var errs []*page.InstallabilityError
	p.Eventually("installable", func() error {
		err := chromedp.Do(p.Ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			r, err := chromedp.Call(ctx, page.GetInstallabilityErrors, cdp.Empty{})
			if err == nil {
				errs = r.InstallabilityErrors
			}
			return err
		}))
		if err != nil {
			return err
		}
		// The tests' browser contexts are incognito-like, which Chrome reports
		// as "in-incognito"; every other reason (manifest, icons, service
		// worker, start URL) must be absent.
		var ids []string
		for _, e := range errs {
			if e.ErrorID != "in-incognito" {
				ids = append(ids, e.ErrorID)
			}
		}
		if len(ids) > 0 {
			return fmt.Errorf("installability errors: %v", ids)
		}
		return nil
	})

	type manifest struct {
		Name, StartURL, Scope, Display string
		Sizes                          []string
	}
	m := Eval[manifest](p, `fetch(document.querySelector("link[rel=manifest]").href).then(r => r.json()).then(m => ({
		Name: m.name, StartURL: m.start_url, Scope: m.scope, Display: m.display, Sizes: (m.icons || []).map(i => i.sizes)}))`)
	if m.Name != "Stancemark" || m.StartURL != "/stancemark/" || m.Scope != "/stancemark/" || m.Display != "standalone" ||
		!strings.Contains(strings.Join(m.Sizes, " "), "192x192") || !strings.Contains(strings.Join(m.Sizes, " "), "512x512") {
		t.Errorf("manifest %+v: want the app's name, start_url and scope under the sub-path, standalone, icons of 192 and 512 px", m)
	}

	// paste a document, find it in the library
	p.openLibrary()
	p.setField("#paste-text", "Harbour plan\n\nThe port approved the plan. Fishermen objected.")
	p.Click("#paste-open")
	p.waitTitle("Harbour plan")
	p.openLibrary()
	if l := p.library(); len(l) != 2 {
		t.Errorf("library %+v", l)
	}
	p.Click("#library-close")

	// ?src= and a deep link under the sub-path
	q := newProfile(t)
	q.allowConsole("404")
	q.Do("open ?src", chromedp.Navigate(base+"/stancemark/?src=/stancemark/web/bridge.txt"))
	q.WaitReady()
	q.waitTitle("Bridge reopens")
	r := newProfile(t)
	r.allowConsole("404")
	r.Do("deep link", chromedp.Navigate(base+"/stancemark/library/deep"))
	r.WaitReady()
	time.Sleep(100 * time.Millisecond)
	if got := r.Text("#doc-title"); got != bundled(t).Title {
		t.Errorf("a deep link shows %q", got)
	}
}
