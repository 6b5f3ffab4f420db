package e2e

// Issue 6: pages served by "stancemark serve" carry a strict
// Content-Security-Policy, and the app works under it with no violation.

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// cspDirectives parses a policy: directive name → its sources.
func cspDirectives(policy string) map[string][]string {
	out := map[string][]string{}
	for _, d := range strings.Split(policy, ";") {
		f := strings.Fields(d)
		if len(f) == 0 {
			continue
		}
		name := strings.ToLower(f[0])
		if _, dup := out[name]; !dup { // browsers use the first
			out[name] = f[1:]
		}
	}
	return out
}

// cspProblems lists what a policy lacks of issue 6's rules.
func cspProblems(policy string) []string {
	if policy == "" {
		return []string{"no Content-Security-Policy"}
	}
	d := cspDirectives(policy)
	var bad []string
	has := func(dir string, want ...string) {
		srcs, ok := d[dir]
		if !ok {
			bad = append(bad, "no "+dir)
			return
		}
		for _, w := range want {
			found := false
			for _, s := range srcs {
				found = found || s == w
			}
			if !found {
				bad = append(bad, fmt.Sprintf("%s %v lacks %s", dir, srcs, w))
			}
		}
	}
	has("script-src", "'self'", "'wasm-unsafe-eval'")
	has("object-src", "'none'")
	has("base-uri", "'none'")
	has("frame-ancestors", "'none'")
	for _, s := range d["script-src"] {
		switch strings.ToLower(s) {
		case "'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "blob:", "http:", "https:":
			bad = append(bad, "script-src allows "+s)
		}
	}
	for _, dir := range []string{"object-src", "base-uri", "frame-ancestors"} {
		if srcs := d[dir]; len(srcs) != 1 {
			bad = append(bad, fmt.Sprintf("%s %v is not just 'none'", dir, srcs))
		}
	}
	return bad
}

// TestCSPHeaders checks the policy of the page and of scripts and styles
// served by "stancemark serve", and that the page has no inline script that
// the policy does not allow by hash.
func TestCSPHeaders(t *testing.T) {
	client := &http.Client{}
	for _, path := range []string{"", "web/app.css", "app.js", "wasm_exec.js", "app-worker.js"} {
		resp, err := client.Get(baseURL + path)
		if err != nil {
			t.Fatalf("GET /%s: %v", path, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET /%s: %s", path, resp.Status)
			continue
		}
		policy := resp.Header.Get("Content-Security-Policy")
		for _, p := range cspProblems(policy) {
			t.Errorf("/%s: %s (Content-Security-Policy: %q)", path, p, policy)
		}
		if path != "" {
			continue
		}
		// Inline scripts need a hash in script-src.
		hashed := strings.Contains(strings.Join(cspDirectives(policy)["script-src"], " "), "'sha256-")
		for _, tag := range regexp.MustCompile(`(?is)<script\b[^>]*>`).FindAllString(string(body), -1) {
			if !regexp.MustCompile(`(?i)\bsrc\s*=`).MatchString(tag) && !hashed {
				t.Errorf("the page has an inline script %q and script-src has no hash", tag)
			}
		}
		if regexp.MustCompile(`(?i)\son[a-z]+\s*=`).MatchString(string(body)) {
			t.Errorf("the page has an inline event handler attribute")
		}
	}
}

// cspWatch collects, across navigations, every console or log message of
// the tab about the Content Security Policy.
type cspWatch struct {
	mu   sync.Mutex
	msgs []string
}

func (w *cspWatch) listen(ev any) {
	var text string
	switch ev := ev.(type) {
	case *cdplog.EventEntryAdded:
		text = string(ev.Entry.Level) + " " + ev.Entry.Text + " " + ev.Entry.URL
	case *runtime.EventConsoleAPICalled:
		for _, a := range ev.Args {
			text += " " + string(a.Value) + a.Description
		}
	case *runtime.EventExceptionThrown:
		text = ev.ExceptionDetails.Text
		if ev.ExceptionDetails.Exception != nil {
			text += " " + ev.ExceptionDetails.Exception.Description
		}
	default:
		return
	}
	low := strings.ToLower(text)
	if strings.Contains(low, "content security policy") || strings.Contains(low, "content-security-policy") {
		w.mu.Lock()
		w.msgs = append(w.msgs, strings.TrimSpace(text))
		w.mu.Unlock()
	}
}

// cspViolationRecorder runs before the app in every document: it records
// securitypolicyviolation events.
const cspViolationRecorder = `window.__csp = [];
document.addEventListener('securitypolicyviolation', e => {
	window.__csp.push(e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber + ' (' + e.disposition + ')');
}, true);`

// cspCheck fails the test on any violation recorded in this document.
func (p *Page) cspCheck(stage string) {
	p.t.Helper()
	relPause()
	v := Eval[[]string](p, `window.__csp || ["the violation recorder is not installed"]`)
	for _, m := range v {
		p.t.Errorf("%s: Content Security Policy violation: %s", stage, m)
	}
}

// TestCSPNoViolations uses the app under the served policy: load, tagging,
// a note, export, import, every dialog, pasting a document, the dashboard,
// an assignment link and a ?src= document from another origin. No
// securitypolicyviolation event and no console message about the policy.
func TestCSPNoViolations(t *testing.T) {
	p := newProfile(t)
	w := &cspWatch{}
	if err := chromedp.Listen(p.Ctx, w.listen); err != nil {
		t.Fatal(err)
	}
	p.relInitScript(cspViolationRecorder)
	downloads := p.AllowDownloads()

	resp, err := chromedp.Run(p.Ctx, chromedp.NavigateResponse(baseURL))
	if err != nil {
		t.Fatalf("navigate: %v", err)
	}
	var policy string
	for k, v := range resp.Headers {
		if strings.EqualFold(k, "Content-Security-Policy") {
			policy = fmt.Sprint(v)
		}
	}
	if probs := cspProblems(policy); len(probs) > 0 {
		t.Errorf("the page the browser loaded is not under the policy of issue 6: %v (Content-Security-Policy: %q)", probs, policy)
	}
	p.WaitReady()
	p.cspCheck("load")

	// Tag, note, export, import.
	p.ClickSentence("s1")
	p.Key("1")
	p.writeNote("under the policy")
	p.waitNote("s1", "under the policy")
	p.WaitSaved()
	p.Click("#export")
	p.WaitFile(downloads, exportName)
	p.Upload(filepath.Join(downloads, exportName))
	p.relWaitMessage("the export is imported back", "info", func(s string) bool { return strings.Contains(s, "Imported") })
	p.cspCheck("tag, note, export, import")

	// Dialogs.
	p.Click("h1#doc-title")
	p.Key("?")
	p.WaitJS("help open", `document.querySelector('dialog#help').open`)
	p.Click("#help-close")
	p.WaitJS("help closed", `!document.querySelector('dialog#help').open`)
	p.Click("#make-assignment")
	p.WaitJS("assignment dialog open", `document.querySelector('dialog#assignment-dialog').open`)
	p.Click("#as-link")
	p.WaitJS("a link is made", `(document.querySelector('#as-link-text') || {}).value`)
	link := p.Value("#as-link-text")
	p.Click("#as-close")
	p.WaitJS("assignment dialog closed", `!document.querySelector('dialog#assignment-dialog').open`)
	p.Click("#library-button")
	p.WaitJS("library open", `document.querySelector('dialog#library').open`)
	p.Do("paste a text", chromedp.Evaluate[chromedp.Void](`document.querySelector('#paste-text').value = "Pasted title\n\nOne sentence here. Another one there."`))
	p.Click("#paste-open")
	p.relWaitText("the pasted text is open", "h1#doc-title", "Pasted title")
	p.cspCheck("dialogs, paste")

	// The dashboard and back.
	p.Click("#dashboard-button")
	p.WaitJS("dashboard shown", `!!document.querySelector('#dashboard')`)
	p.Click("#dash-back")
	p.WaitReady()
	p.cspCheck("dashboard")

	// An assignment link, then a ?src= document from another origin.
	if !strings.Contains(link, "#a=") {
		t.Fatalf("the assignment link %q has no #a=", link)
	}
	p.Do("leave", chromedp.Navigate("about:blank"))
	p.Do("open the assignment link", chromedp.Navigate(link))
	p.WaitReady()
	p.WaitJS("the assignment is open", `!!document.querySelector('#assignment-title')`)
	p.cspCheck("assignment link")

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "Fetched under the policy\n\nA first sentence. A second sentence.")
	}))
	t.Cleanup(srv.Close)
	p.Do("leave", chromedp.Navigate("about:blank"))
	p.Do("open ?src=", chromedp.Navigate(baseURL+"?src="+url.QueryEscape(srv.URL+"/article.txt")))
	p.WaitReady()
	p.relWaitText("the ?src= document is open", "h1#doc-title", "Fetched under the policy")
	p.cspCheck("?src= from another origin")

	p.Reload()
	p.cspCheck("reload")

	w.mu.Lock()
	defer w.mu.Unlock()
	for _, m := range w.msgs {
		t.Errorf("console message about the Content Security Policy: %s", m)
	}
}
