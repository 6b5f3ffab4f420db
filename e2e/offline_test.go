package e2e

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"stancemark/internal/browsertest"
)

// buildSite runs "stancemark build" into dir/stancemark for the sub-path
// /stancemark/, from the web directory web.
func buildSite(t *testing.T, dir, web string) {
	t.Helper()
	out, err := exec.Command(stancemarkBin, "build", "-out", filepath.Join(dir, "stancemark"), "-base", "/stancemark/", "-web", web).CombinedOutput()
	if err != nil {
		t.Fatalf("stancemark build: %v\n%s", err, out)
	}
}

// staticServer serves dir as a plain static host does, with the site's
// 404.html for missing files (as GitHub Pages does). It returns the base URL
// and a function that takes the server off the network.
func staticServer(t *testing.T, dir string) (string, func()) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	files := http.FileServer(http.Dir(dir))
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path := filepath.Join(dir, filepath.FromSlash(r.URL.Path))
		if _, err := os.Stat(path); err != nil {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			b, _ := os.ReadFile(filepath.Join(dir, "stancemark", "404.html"))
			w.Write(b)
			return
		}
		files.ServeHTTP(w, r)
	})}
	go srv.Serve(ln)
	stop := func() { srv.Close() }
	t.Cleanup(stop)
	return "http://" + ln.Addr().String(), stop
}

// waitOfflineReady waits until the service worker controls the page and has
// the app page and app.wasm in its cache.
func (p *Page) waitOfflineReady(page string) {
	p.t.Helper()
	p.Eventually("service worker installed with the app cached", func() error {
		ok := Eval[bool](p, fmt.Sprintf(`navigator.serviceWorker.ready.then(() => Promise.all([
			caches.match(%q), caches.match(new URL("web/app.wasm", location.href.replace(/[^/]*$/, "")).pathname)])
			.then(([page, wasm]) => !!page && !!wasm && !!navigator.serviceWorker.controller))`, page))
		if !ok {
			p.Reload() // the first visit is not controlled until a reload
			return fmt.Errorf("not cached yet")
		}
		return nil
	})
}

// offline switches the page's network off (CDP network emulation).
func (p *Page) offline() {
	p.t.Helper()
	p.Do("network off", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}},
		}); err != nil {
			return err
		}
		_, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1})
		return err
	}))
}

// reloadSlow reloads and waits up to 40 s: loading the app from the
// service worker's cache means compiling the whole wasm again, which takes
// long on a loaded 2-core machine.
func (p *Page) reloadSlow() {
	p.t.Helper()
	start := time.Now()
	p.Do("reload", chromedp.Reload())
	if !p.poll(40*time.Second, func() bool {
		return Eval[bool](p, `!!document.querySelector('article#document[data-ready="true"] span.sentence[data-sid]')`)
	}) {
		p.t.Fatalf("the app did not start within %v after a reload", time.Since(start).Round(time.Second))
	}
	p.t.Logf("reloaded in %v", time.Since(start).Round(time.Millisecond))
}

// tagOfflineAndReload tags s1 offline, reloads and checks it stayed.
func (p *Page) tagOfflineAndReload() {
	p.t.Helper()
	p.ClickSentence("s1")
	p.Key("1")
	p.waitLabel("tagged offline", "s1", "supports")
	p.WaitSaved()
	p.reloadSlow()
	p.waitLabel("the offline tag survives a reload", "s1", "supports")
}

func TestOfflineBuiltSiteUnderSubPath(t *testing.T) {
	dir := t.TempDir()
	buildSite(t, dir, servedWeb)
	base, stop := staticServer(t, dir)
	p := newProfile(t)
	p.allowConsole("ERR_INTERNET_DISCONNECTED", "ERR_CONNECTION_REFUSED", "Failed to fetch", "Failed to load resource")
	p.Do("open the site", chromedp.Navigate(base+"/stancemark/"))
	p.WaitReady()
	if got := Eval[string](p, `document.querySelector("link[rel=manifest]").getAttribute("href")`); !strings.HasPrefix(got, "/stancemark/") {
		t.Errorf("manifest link %q is not under the sub-path", got)
	}
	p.waitOfflineReady("/stancemark/")

	p.offline()
	stop() // and the host is gone too
	p.reloadSlow()
	p.tagOfflineAndReload()

	// a deep link opens the cached app offline
	p.Do("deep link", chromedp.Navigate(base+"/stancemark/some/deep/link"))
	p.WaitReady()
	p.waitLabel("the deep link shows the saved work", "s1", "supports")
}

func TestOfflineServe(t *testing.T) {
	srv, err := browsertest.Serve(stancemarkBin, servedWeb, repoRoot, "/")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Stop)
	base := srv.URL + "/"
	p := newProfile(t)
	p.allowConsole("ERR_INTERNET_DISCONNECTED", "Failed to fetch", "Failed to load resource")
	p.Do("open", chromedp.Navigate(base))
	p.WaitReady()
	p.waitOfflineReady("/")
	p.offline()
	p.reloadSlow()
	p.tagOfflineAndReload()

	// a ?src= link offline opens the app, which says the file could not be fetched
	p.Do("a ?src= link offline", chromedp.Navigate(base+"?src=/web/not-cached.stancemark.json"))
	p.WaitReady()
	p.Eventually("the app's own message about the link", func() error {
		if got := p.Text("#message"); !strings.Contains(got, "not-cached.stancemark.json") {
			return fmt.Errorf("message %q", got)
		}
		return nil
	})
	p.waitLabel("the saved work is there", "s1", "supports")
}

func TestUpdateReadyIsOffered(t *testing.T) {
	dir := t.TempDir()
	buildSite(t, dir, servedWeb)
	base, _ := staticServer(t, dir)
	p := newProfile(t)
	p.Do("open the site", chromedp.Navigate(base+"/stancemark/"))
	p.WaitReady()
	p.waitOfflineReady("/stancemark/")
	if !Eval[bool](p, `document.querySelector("#update-banner").hidden`) {
		t.Fatal("an update is offered before there is one")
	}

	// deploy a new build: the same app with a wasm custom section added
	web2 := filepath.Join(t.TempDir(), "web")
	if err := browsertest.SnapshotWeb(servedWeb, web2); err != nil {
		t.Fatal(err)
	}
	wasm, err := os.ReadFile(filepath.Join(web2, "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(web2, "app.wasm"), append(wasm, 0x00, 0x03, 0x02, 'v', '2'), 0o644)
	buildSite(t, dir, web2)

	p.Reload() // the browser checks the service worker on navigation
	if !p.poll(45*time.Second, func() bool {
		return !Eval[bool](p, `document.querySelector("#update-banner").hidden`)
	}) {
		t.Fatal("no update was offered after a new build was deployed")
	}
	if got := p.Text("#update-banner"); !strings.Contains(got, "new version") {
		t.Errorf("banner %q", got)
	}
	p.Click("#update-reload")
	p.WaitReady()
	p.Eventually("the new version runs", func() error {
		if !Eval[bool](p, `document.querySelector("#update-banner").hidden`) {
			return fmt.Errorf("the banner is still shown after reloading into the update")
		}
		return nil
	})
}
