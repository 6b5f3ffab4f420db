package e2e

// Issue 6, "nothing injected": payloads that call a trap function on window
// are placed in every text the app shows (article text and titles of pasted
// text, an .html file and a ?src= document; notes; label names, label
// descriptions and the target claim of an imported scheme; the annotator's
// and a student's name; file names; an assignment link; the class
// dashboard). None may run, no element or handler may be made from them, and
// each is shown literally.

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"stancemark/annotations"
)

const (
	xssImg    = `<img src=x onerror=pwn()>`
	xssScript = `<script>pwn()</script>`
	xssJS     = `javascript:pwn()`
	xssSVG    = `"><svg onload=pwn()>`
	// xssAll has every payload.
	xssAll = xssImg + " " + xssScript + " " + xssJS + " " + xssSVG

	// xssTrap runs before the app in every document: a payload that runs
	// calls pwn and counts.
	xssTrap = `window.__xss = 0; window.pwn = function () { window.__xss++; };`
)

var xssPayloads = []string{xssImg, xssScript, xssJS, xssSVG}

// xssProfile is a fresh profile with the trap installed, not navigated.
// The page's Content-Security-Policy is bypassed: it would block the inline
// handlers of an injected payload, and these tests must prove that the app
// itself never turns text into markup (the policy is a second line of
// defence, tested in csp_test.go).
func xssProfile(t *testing.T) *Page {
	t.Helper()
	p := newProfile(t)
	if _, err := chromedp.Call(p.Ctx, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true}); err != nil {
		t.Fatalf("bypass the page's CSP: %v", err)
	}
	p.relInitScript(xssTrap)
	return p
}

// xssOpen opens the app in a fresh profile with the trap.
func xssOpen(t *testing.T) *Page {
	t.Helper()
	p := xssProfile(t)
	p.Open()
	return p
}

// xssCheck fails the test when a payload ran or left an element, a handler
// or a javascript: URL in the page.
func (p *Page) xssCheck(where string) {
	p.t.Helper()
	relPause()
	type res struct {
		Trap bool     `json:"trap"`
		XSS  int      `json:"xss"`
		Bad  []string `json:"bad"`
	}
	r := Eval[res](p, `(() => {
		const bad = [];
		for (const el of document.querySelectorAll('*')) {
			for (const a of el.attributes) {
				const n = a.name.toLowerCase(), v = a.value;
				if (n.startsWith('on') && /pwn/.test(v)) bad.push(el.tagName.toLowerCase() + ' ' + n + '=' + v);
				if (['href', 'src', 'xlink:href', 'action', 'formaction', 'srcdoc', 'data'].includes(n) && /^\s*javascript:|pwn/i.test(v)) bad.push(el.tagName.toLowerCase() + ' ' + n + '=' + v);
			}
			if (el.tagName === 'SCRIPT' && /pwn/.test(el.textContent)) bad.push('script: ' + el.textContent);
			if (el.tagName === 'IMG' && el.getAttribute('src') === 'x') bad.push('img src=x');
			if (el.tagName.toLowerCase() === 'svg' && el.hasAttribute('onload')) bad.push('svg onload');
		}
		return {trap: typeof window.pwn === 'function', xss: window.__xss, bad};
	})()`)
	if !r.Trap {
		p.t.Fatalf("%s: the trap function is not installed (the test would prove nothing)", where)
	}
	if r.XSS != 0 {
		p.t.Errorf("%s: a payload ran: window.__xss = %d", where, r.XSS)
	}
	if len(r.Bad) > 0 {
		p.t.Errorf("%s: payloads became markup: %q", where, r.Bad)
	}
}

// waitTextHas waits until the textContent of css contains every want.
func (p *Page) relWaitText(what, css string, want ...string) {
	p.t.Helper()
	p.Eventually(what, func() error {
		got := Eval[string](p, fmt.Sprintf(`(() => { const e = document.querySelector(%s); return e ? e.textContent : "<missing>"; })()`, relJS(css)))
		for _, w := range want {
			if !strings.Contains(got, w) {
				return fmt.Errorf("%s textContent %q lacks %q", css, short(got), w)
			}
		}
		return nil
	})
}

// waitValue waits until the .value of css is want.
func (p *Page) relWaitValue(what, css, want string) {
	p.t.Helper()
	p.Eventually(what, func() error {
		if got := p.Value(css); got != want {
			return fmt.Errorf("%s value %q, want %q", css, got, want)
		}
		return nil
	})
}

// xssArticle is a plain-text article with every payload in its title and text.
func xssArticle(title string) string {
	return title + "\n\n" +
		"The first claim says " + xssImg + " loudly. Then " + xssScript + " appears in the text.\n\n" +
		"A link-like text " + xssJS + " sits here. And " + xssSVG + " closes the attribute."
}

func TestInjection(t *testing.T) {
	doc := bundled(t)
	tmp := t.TempDir()

	t.Run("pasted text", func(t *testing.T) {
		p := xssOpen(t)
		title := "Pasted " + xssImg + " " + xssSVG
		body := strings.SplitN(xssArticle("x"), "\n\n", 2)[1]
		p.Click("#library-button")
		p.WaitJS("library dialog open", `document.querySelector('dialog#library').open`)
		p.TypeInto("#paste-title", title)
		p.Do("paste the text", chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
			const t = document.querySelector('#paste-text');
			t.value = %s;
			t.dispatchEvent(new Event('input', {bubbles: true}));
		})()`, relJS(body))))
		p.Click("#paste-open")
		p.relWaitText("the pasted title is shown literally", "h1#doc-title", title)
		p.relWaitText("the pasted text is shown literally", "#sentences", xssPayloads...)
		p.xssCheck("pasted text")

		// The library lists the title literally.
		p.Click("#library-button")
		p.WaitJS("library dialog open", `document.querySelector('dialog#library').open`)
		p.Eventually("the library lists the title", func() error {
			titles := Eval[[]string](p, `Array.from(document.querySelectorAll('#documents input.doc-title')).map(e => e.value)`)
			for _, v := range titles {
				if v == title {
					return nil
				}
			}
			return fmt.Errorf("library titles %q", titles)
		})
		p.Click("#library-close")
		p.xssCheck("pasted text, library")
	})

	t.Run("html file", func(t *testing.T) {
		p := xssOpen(t)
		esc := func(s string) string {
			r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
			return r.Replace(s)
		}
		title := "HTML " + xssImg + " title"
		page := `<!doctype html><html><head><title>` + esc(title) + `</title>
<script>pwn()</script></head><body>
<h1>` + esc(title) + `</h1>
<p>Escaped text ` + esc(xssScript) + ` stays text. Raw markup <img src=x onerror=pwn()> is dropped.</p>
<p>A <a href="javascript:pwn()">link ` + esc(xssJS) + `</a> here. <svg onload=pwn()></svg>Then ` + esc(xssSVG) + ` and ` + esc(xssImg) + ` end.</p>
<iframe src="javascript:pwn()"></iframe><object data="javascript:pwn()"></object>
</body></html>`
		path := relWriteFile(t, tmp, `article "><svg onload=pwn()>.html`, []byte(page))
		p.Click("#library-button")
		p.WaitJS("library dialog open", `document.querySelector('dialog#library').open`)
		p.relUpload("input#open-file", path)
		p.relWaitText("the HTML title is shown literally", "h1#doc-title", title)
		p.relWaitText("the HTML text is shown literally", "#sentences", xssPayloads...)
		p.xssCheck("html file")
	})

	t.Run("src document", func(t *testing.T) {
		title := "Fetched " + xssSVG + " " + xssImg
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Access-Control-Allow-Origin", "*")
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			io.WriteString(w, xssArticle(title))
		}))
		t.Cleanup(srv.Close)
		src := srv.URL + "/" + xssImg + ".txt"
		p := xssProfile(t)
		p.Do("navigate with ?src=", chromedp.Navigate(baseURL+"?src="+url.QueryEscape(src)))
		p.WaitReady()
		p.relWaitText("the fetched title is shown literally", "h1#doc-title", title)
		p.relWaitText("the fetched text is shown literally", "#sentences", xssPayloads...)
		p.xssCheck("?src= document")
	})

	t.Run("note, annotator and file name", func(t *testing.T) {
		p := xssOpen(t)
		p.ClickSentence("s2")
		p.Key("1")
		p.writeNote(xssAll)
		p.waitNote("s2", xssAll)
		p.relWaitValue("the note field shows the note", "textarea#note", xssAll)
		p.xssCheck("note")

		name := "Ann " + xssSVG + " " + xssImg
		p.TypeInto("input#annotator", name)
		p.Key(KeyTab)
		p.Click("h1#doc-title")
		p.waitStored("Ann ")
		p.relWaitValue("the annotator field shows the name", "input#annotator", name)
		p.xssCheck("annotator")

		file := xssImg + ` ` + xssSVG + ` ` + xssJS + `.json`
		p.Upload(relWriteFile(t, tmp, file, []byte(`{"format": "stancemark/v1", "annotations": [`)))
		p.relWaitMessage("the file name is shown literally in the error", "error", func(s string) bool {
			return strings.Contains(s, file)
		})
		p.xssCheck("file name")

		p.Reload()
		p.waitNote("s2", xssAll)
		p.relWaitValue("the annotator after a reload", "input#annotator", name)
		p.xssCheck("note and annotator after a reload")
	})

	t.Run("scheme labels and target claim", func(t *testing.T) {
		scheme := annotations.Scheme{
			ID: "xss", Name: "Set " + xssImg, Target: "Claim " + xssAll,
			Labels: []annotations.Label{
				{ID: "l1", Name: xssImg, Key: "1", Color: "#e69f00", Description: "Describes " + xssAll},
				{ID: "l2", Name: xssSVG, Key: "2", Color: "#56b4e9", Description: xssSVG},
				{ID: "l3", Name: xssJS, Key: "3", Color: "#009e73", Description: xssJS},
				{ID: "l4", Name: xssScript, Key: "4", Color: "#0072b2"},
			},
		}
		now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
		var as []annotations.Annotation
		for i, l := range scheme.Labels {
			as = append(as, annotations.Annotation{
				ID: fmt.Sprintf("h%d", i+1), SentenceIDs: []string{doc.Sentences[2*i].ID}, Label: l.ID,
				Note: "Note " + xssAll, Created: now, Modified: now,
			})
		}
		e := &annotations.Export{
			Format: annotations.FormatV1, Exported: now,
			Annotator: annotations.ExportAnnotator{Name: "Importer " + xssSVG},
			Document:  doc.ExportDocument(), Scheme: scheme, Annotations: as,
		}
		var buf bytes.Buffer
		if err := annotations.WriteExport(&buf, e); err != nil {
			t.Fatal(err)
		}
		if _, err := annotations.ReadExport(bytes.NewReader(buf.Bytes())); err != nil {
			t.Fatalf("the scheme with payload names does not read back: %v", err)
		}
		p := xssOpen(t)
		p.Upload(relWriteFile(t, tmp, `scheme "><svg onload=pwn()>.stancemark.json`, buf.Bytes()))
		p.relWaitMessage("the scheme is imported", "info", func(s string) bool { return strings.Contains(s, "Imported") })
		p.relWaitValue("the imported scheme is active", "select#scheme", "xss")
		p.Eventually("the scheme menu shows the scheme name literally", func() error {
			got := Eval[string](p, `(() => { const o = document.querySelector('select#scheme option[value="xss"]'); return o ? o.textContent : "<missing>"; })()`)
			if got != scheme.Name {
				return fmt.Errorf("option text %q, want %q", got, scheme.Name)
			}
			return nil
		})
		p.waitPalette(scheme)
		p.Eventually("palette titles are the descriptions, literally", func() error {
			got := Eval[[]string](p, `Array.from(document.querySelectorAll('#palette button.label-btn[data-label-id]')).map(b => b.getAttribute('title') || "")`)
			for i, l := range scheme.Labels {
				if i >= len(got) || got[i] != l.Description {
					return fmt.Errorf("palette titles %q", got)
				}
			}
			return nil
		})
		p.relWaitValue("the target claim is shown literally", "input#target", scheme.Target)
		p.relWaitText("the palette heading names the scheme", "#palette", scheme.Name)
		p.Eventually("the side list shows label names and notes literally", func() error {
			hl := p.Highlights()
			if len(hl) != len(scheme.Labels) {
				return fmt.Errorf("side list %+v", hl)
			}
			for i, h := range hl {
				if h.Label != strings.TrimSpace(scheme.Labels[i].Name) || h.Note != "Note "+xssAll {
					return fmt.Errorf("side list item %d = %+v", i, h)
				}
			}
			return nil
		})
		p.Eventually("sentences carry the label names literally", func() error {
			st := p.States()
			for i, l := range scheme.Labels {
				if s := st[2*i]; s.LabelName != l.Name {
					return fmt.Errorf("%s data-label-name %q, want %q", s.SID, s.LabelName, l.Name)
				}
			}
			return nil
		})
		p.xssCheck("imported scheme")

		// Tag with a payload label (announced in the live region) and edit
		// the claim.
		p.ClickSentence("s12")
		p.Key("4")
		p.Eventually("s12 tagged with the <script> label", func() error {
			if s := p.States()[11]; s.Label != "l4" {
				return fmt.Errorf("s12 data-label %q", s.Label)
			}
			return nil
		})
		p.setTarget("Edited "+xssSVG, "enter")
		p.relWaitValue("the edited claim", "input#target", "Edited "+xssSVG)
		p.xssCheck("tagging with payload labels, editing the claim")
	})

	t.Run("assignment link", func(t *testing.T) {
		scheme := annotations.Presets()[0]
		scheme.Target = "Target " + xssSVG
		now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
		key := []annotations.Annotation{{
			ID: "k1", SentenceIDs: []string{doc.Sentences[1].ID}, Label: scheme.Labels[0].ID,
			Note: "Key note " + xssAll, Created: now, Modified: now,
		}}
		a := annotations.NewAssignment("Assignment "+xssImg, "Instructions: "+xssAll, doc, scheme, key,
			annotations.AssignmentOptions{Mode: annotations.ModePractice})
		if err := a.Validate(); err != nil {
			t.Fatalf("the assignment with payloads is not valid: %v", err)
		}
		data, err := annotations.EncodeAssignmentLink(a)
		if err != nil {
			t.Fatal(err)
		}
		p := xssProfile(t)
		p.AllowDownloads()
		p.Do("open the assignment link", chromedp.Navigate(baseURL+"#a="+data))
		p.WaitReady()
		p.relWaitText("the assignment title is shown literally", "#assignment-title", a.Title)
		p.relWaitText("the instructions are shown literally", "#assignment-instructions", a.Instructions)
		p.relWaitValue("the target claim is shown literally", "input#target", scheme.Target)
		p.xssCheck("assignment link")

		student := "Stu " + xssImg + " " + xssSVG
		p.WaitJS("the name dialog is open", `document.querySelector('dialog#student-dialog').open`)
		p.TypeInto("#student-input", student)
		p.Click("#student-ok")
		p.WaitJS("the name dialog is closed", `!document.querySelector('dialog#student-dialog').open`)
		p.relWaitText("the student's name is shown literally", "#student-name", student)
		p.ClickSentence("s4")
		p.Key("2")
		p.WaitJS("s4 tagged", `document.querySelector('#sentences span.sentence[data-sid="s4"]').getAttribute('data-label') === "opposes"`)
		p.Settle()
		p.Click("#submit")
		p.relWaitMessage("the submission is downloaded", "info", func(s string) bool { return strings.Contains(s, "hand this file in") })
		p.relWaitText("the key's note is shown literally in the feedback", "#feedback", "Key note "+xssAll)
		p.xssCheck("assignment submitted, feedback")
	})

	t.Run("class dashboard", func(t *testing.T) {
		scheme := annotations.Presets()[0]
		a := annotations.NewAssignment("Class "+xssSVG, "Do it "+xssImg, doc, scheme, nil, annotations.AssignmentOptions{})
		var abuf bytes.Buffer
		if err := annotations.WriteAssignment(&abuf, a); err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		assignmentPath := relWriteFile(t, dir, "class.assignment.json", abuf.Bytes())
		names := []string{"Ann " + xssImg, xssSVG + " " + xssScript}
		var paths []string
		for i, name := range names {
			ws, err := a.NewWorkspace()
			if err != nil {
				t.Fatal(err)
			}
			h, err := ws.Tag(i, i+1, scheme.Labels[i].ID)
			if err != nil {
				t.Fatal(err)
			}
			if err := ws.SetNote(h.ID, "Because "+xssAll); err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := annotations.WriteExport(&buf, a.Submission(ws, name, time.Date(2026, 1, 2, 3, 4, 5+i, 0, time.UTC))); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, relWriteFile(t, dir, fmt.Sprintf("sub%d.stancemark.json", i), buf.Bytes()))
		}
		badName := "bad " + xssImg + ".json"
		paths = append(paths, relWriteFile(t, dir, badName, []byte(`{"format": "stancemark/v1"`)))

		p := xssOpen(t)
		p.Click("#dashboard-button")
		p.WaitJS("the dashboard is shown", `!!document.querySelector('#dashboard')`)
		p.relUpload("input#dash-assignment-file", assignmentPath)
		p.relWaitText("the assignment title is shown literally", "#dash-assignment-title", a.Title)
		p.relUpload("input#dash-files", paths...)
		p.Eventually("the students are listed by name, literally", func() error {
			got := Eval[[]string](p, `Array.from(document.querySelectorAll('#dash-students tbody tr > th')).map(e => e.textContent)`)
			for _, n := range names {
				found := false
				for _, g := range got {
					found = found || g == n
				}
				if !found {
					return fmt.Errorf("students %q lack %q", got, n)
				}
			}
			return nil
		})
		p.relWaitText("the refused file is named literally", "#dash-problems", badName)
		p.xssCheck("class dashboard")
	})
}
