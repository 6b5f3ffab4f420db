//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// fakeWeb writes a web directory with a fake app.wasm (and a valid
// app.wasm.gz beside it, a stale app.wasm.br, a hidden file) and returns it.
func fakeWeb(t *testing.T, wasm string) string {
	t.Helper()
	web := t.TempDir()
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write([]byte(wasm))
	w.Close()
	files := map[string]string{
		"app.wasm":               wasm,
		"app.wasm.gz":            gz.String(),
		"app.wasm.br":            "stale brotli of an older build",
		"app.css":                "body { color: black }",
		"prefetch.js":            "// starts a ?src= download",
		"icon-192.png":           "\x89PNG 192",
		"icon-512.png":           "\x89PNG 512",
		"icon.svg":               `<svg xmlns="http://www.w3.org/2000/svg"></svg>`,
		"schema/x.schema.json":   `{"$schema": "https://json-schema.org/draft/2020-12/schema"}`,
		".hidden":                "not copied",
		"schema/.also-hidden":    "not copied",
		"articles/sample.txt":    "Title\n\nText.",
		"schema/w3c.schema.json": `{"const": "http://www.w3.org/ns/anno.jsonld"}`,
	}
	for name, data := range files {
		siteWrite(t, filepath.Join(web, name), data)
	}
	return web
}

func siteWrite(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func siteFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// siteFetch GETs url and returns the status and body.
func siteFetch(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// workerResources returns the URLs the service worker caches on install.
func workerResources(t *testing.T, worker string) []string {
	t.Helper()
	m := regexp.MustCompile(`const resourcesToCache = (\[.*?\]);`).FindStringSubmatch(worker)
	if m == nil {
		t.Fatalf("no resourcesToCache in the service worker:\n%s", worker)
	}
	var urls []string
	if err := json.Unmarshal([]byte(m[1]), &urls); err != nil {
		t.Fatal(err)
	}
	return urls
}

// externalURLs returns the URLs in the files under dir that point outside
// the site, but for namespaces (W3C, JSON Schema) and the comment in Go's
// wasm_exec.js, which are names, never fetched.
func externalURLs(t *testing.T, dir string) []string {
	t.Helper()
	allowed := []string{"http://www.w3.org/", "https://json-schema.org/draft/"}
	url := regexp.MustCompile(`https?://[^\s"'<>)]*`)
	var found []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
	next:
		for _, u := range url.FindAllString(string(data), -1) {
			for _, a := range allowed {
				if strings.HasPrefix(u, a) {
					continue next
				}
			}
			if d.Name() == "wasm_exec.js" && strings.HasPrefix(u, "https://github.com/golang/go/issues/") {
				continue
			}
			found = append(found, p+": "+u)
		}
		return nil
	})
	return found
}

func TestBuildUnderSubPath(t *testing.T) {
	wasm := "\x00asm fake module for the build test"
	web := fakeWeb(t, wasm)
	parent := t.TempDir()
	out := filepath.Join(parent, "stancemark")
	stdout, stderr, code := stancemark(t, "", "build", "-out", out, "-base", "/stancemark/", "-web", web)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	version := wasmVersion([]byte(wasm))
	for _, want := range []string{"/stancemark/", version, "app.wasm.gz", "copied from", "app.wasm.br", "compressed now"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the report does not say %q:\n%s", want, stdout)
		}
	}

	t.Run("files", func(t *testing.T) {
		for _, name := range []string{"index.html", "404.html", "app.js", "app-worker.js", "wasm_exec.js", "manifest.webmanifest",
			"app.css", ".nojekyll", "web/app.css", "web/icon-192.png", "web/icon-512.png", "web/icon.svg",
			"web/schema/x.schema.json", "web/articles/sample.txt"} {
			if _, err := os.Stat(filepath.Join(out, name)); err != nil {
				t.Errorf("%s is missing: %v", name, err)
			}
		}
		for _, name := range []string{"web/.hidden", "web/schema/.also-hidden"} {
			if _, err := os.Stat(filepath.Join(out, name)); err == nil {
				t.Errorf("%s was copied", name)
			}
		}
		if siteFile(t, filepath.Join(out, "404.html")) != siteFile(t, filepath.Join(out, "index.html")) {
			t.Error("404.html is not a copy of index.html")
		}
		if got := siteFile(t, filepath.Join(out, "web/app.wasm")); got != wasm {
			t.Errorf("web/app.wasm = %q", got)
		}
		gz, err := gzip.NewReader(strings.NewReader(siteFile(t, filepath.Join(out, "web/app.wasm.gz"))))
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := io.ReadAll(gz); string(got) != wasm {
			t.Errorf("app.wasm.gz decompresses to %q", got)
		}
		got, err := io.ReadAll(brotli.NewReader(strings.NewReader(siteFile(t, filepath.Join(out, "web/app.wasm.br")))))
		if err != nil || string(got) != wasm {
			t.Errorf("app.wasm.br decompresses to %q (%v): the stale one was copied?", got, err)
		}
	})

	t.Run("manifest", func(t *testing.T) {
		var m struct {
			Scope    string `json:"scope"`
			StartURL string `json:"start_url"`
			Icons    []struct {
				Src string `json:"src"`
			} `json:"icons"`
		}
		if err := json.Unmarshal([]byte(siteFile(t, filepath.Join(out, "manifest.webmanifest"))), &m); err != nil {
			t.Fatal(err)
		}
		if m.Scope != "/stancemark/" || m.StartURL != "/stancemark/" {
			t.Errorf("scope %q, start_url %q; want /stancemark/", m.Scope, m.StartURL)
		}
		if len(m.Icons) == 0 {
			t.Error("no icons")
		}
		for _, i := range m.Icons {
			if !strings.HasPrefix(i.Src, "/stancemark/web/icon") {
				t.Errorf("icon %q is not one of ours under /stancemark/web/", i.Src)
			}
		}
	})

	t.Run("service worker", func(t *testing.T) {
		worker := siteFile(t, filepath.Join(out, "app-worker.js"))
		urls := workerResources(t, worker)
		has := map[string]bool{}
		for _, u := range urls {
			has[u] = true
			if !strings.HasPrefix(u, "/stancemark/") {
				t.Errorf("the worker caches %q, outside /stancemark/", u)
			}
		}
		for _, u := range []string{"/stancemark/", "/stancemark/web/app.wasm", "/stancemark/app.js", "/stancemark/wasm_exec.js",
			"/stancemark/web/app.css", "/stancemark/web/icon.svg", "/stancemark/manifest.webmanifest"} {
			if !has[u] {
				t.Errorf("the worker does not cache %s: %q", u, urls)
			}
		}
		for _, want := range []string{`"app-" + "` + version + `"`, "event.waitUntil(", `caches.match("/stancemark/", { ignoreSearch: true })`} {
			if !strings.Contains(worker, want) {
				t.Errorf("the worker lacks %s", want)
			}
		}
	})

	t.Run("page and app.js", func(t *testing.T) {
		page := siteFile(t, filepath.Join(out, "index.html"))
		if !strings.Contains(page, `id="document"`) || !strings.Contains(page, `data-sid="s1"`) {
			t.Error("index.html does not prerender the article")
		}
		for _, m := range regexp.MustCompile(`(?:href|src)="(/[^"]*)"`).FindAllStringSubmatch(page, -1) {
			if !strings.HasPrefix(m[1], "/stancemark/") && !strings.HasPrefix(m[1], "/stancemark#") {
				t.Errorf("index.html links to %s, outside /stancemark/", m[1])
			}
		}
		js := siteFile(t, filepath.Join(out, "app.js"))
		for _, want := range []string{`"/stancemark/web/app.wasm"`, `"/stancemark/app-worker.js"`, version} {
			if !strings.Contains(js, want) {
				t.Errorf("app.js lacks %s", want)
			}
		}
	})

	t.Run("no external URLs", func(t *testing.T) {
		if found := externalURLs(t, out); len(found) > 0 {
			t.Errorf("external URLs in the site:\n%s", strings.Join(found, "\n"))
		}
	})

	t.Run("served under the sub-path by a plain file server", func(t *testing.T) {
		srv := httptest.NewServer(http.FileServer(http.Dir(parent)))
		defer srv.Close()
		status, page := siteFetch(t, srv.URL+"/stancemark/")
		if status != 200 || !strings.Contains(page, `id="document"`) {
			t.Fatalf("GET /stancemark/: %d", status)
		}
		if status, body := siteFetch(t, srv.URL+"/stancemark/web/app.wasm"); status != 200 || body != wasm {
			t.Errorf("GET app.wasm: %d %q", status, body)
		}
		if status, body := siteFetch(t, srv.URL+"/stancemark/app.js"); status != 200 || !strings.Contains(body, version) {
			t.Errorf("GET app.js: %d", status)
		}
		// Every URL the page loads and the worker caches is there: one 404
		// and the worker's install fails, so the app would not work offline.
		urls := workerResources(t, siteFile(t, filepath.Join(out, "app-worker.js")))
		for _, m := range regexp.MustCompile(`(?:href|src)="(/[^"#]*)"`).FindAllStringSubmatch(page, -1) {
			urls = append(urls, m[1])
		}
		for _, u := range urls {
			if status, _ := siteFetch(t, srv.URL+u); status != 200 {
				t.Errorf("GET %s: %d", u, status)
			}
		}
	})
}

func TestBuildAtRoot(t *testing.T) {
	wasm := "\x00asm root"
	out := filepath.Join(t.TempDir(), "site")
	if _, stderr, code := stancemark(t, "", "build", "-out", out, "-web", fakeWeb(t, wasm)); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	manifest := siteFile(t, filepath.Join(out, "manifest.webmanifest"))
	if !strings.Contains(manifest, `"scope": "/"`) || !strings.Contains(manifest, `"start_url": "/"`) {
		t.Errorf("manifest:\n%s", manifest)
	}
	urls := workerResources(t, siteFile(t, filepath.Join(out, "app-worker.js")))
	if !strings.Contains(strings.Join(urls, " "), "/web/app.wasm") || urls[len(urls)-1] != "/" {
		t.Errorf("the worker caches %q", urls)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	for _, u := range urls {
		if status, _ := siteFetch(t, srv.URL+u); status != 200 {
			t.Errorf("GET %s: %d", u, status)
		}
	}
	if found := externalURLs(t, out); len(found) > 0 {
		t.Errorf("external URLs in the site:\n%s", strings.Join(found, "\n"))
	}
}

// TestBuildVersionFollowsWasm: a new app.wasm gives a new version, so the
// service worker caches it anew and open apps are told of the update; a
// rebuild into the same directory keeps files that are not the site's.
func TestBuildVersionFollowsWasm(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	build := func(wasm string) (js, worker string) {
		if _, stderr, code := stancemark(t, "", "build", "-out", out, "-base", "/sub/", "-web", fakeWeb(t, wasm)); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		return siteFile(t, filepath.Join(out, "app.js")), siteFile(t, filepath.Join(out, "app-worker.js"))
	}
	js1, worker1 := build("\x00asm one")
	siteWrite(t, filepath.Join(out, "CNAME"), "annotate.example.org")
	siteWrite(t, filepath.Join(out, "web", "old.css"), "from the first build")
	js2, worker2 := build("\x00asm two")
	v1, v2 := wasmVersion([]byte("\x00asm one")), wasmVersion([]byte("\x00asm two"))
	if v1 == v2 || !strings.Contains(js1, v1) || !strings.Contains(js2, v2) || strings.Contains(js2, v1) ||
		!strings.Contains(worker1, v1) || !strings.Contains(worker2, v2) {
		t.Errorf("the version does not follow app.wasm (%s, %s)", v1, v2)
	}
	if _, err := os.Stat(filepath.Join(out, "CNAME")); err != nil {
		t.Errorf("CNAME was removed: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "web", "old.css")); err == nil {
		t.Error("web/ still has a file of the previous build")
	}
}

func TestBuildErrors(t *testing.T) {
	web := fakeWeb(t, "\x00asm")
	notSite := t.TempDir()
	siteWrite(t, filepath.Join(notSite, "thesis.tex"), "precious")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no -out", []string{"build", "-web", web}, 2, "build needs -out DIR"},
		{"arguments", []string{"build", "-out", t.TempDir(), "extra"}, 2, "build takes no arguments"},
		{"relative base", []string{"build", "-out", t.TempDir(), "-base", "stancemark/"}, 2, `-base "stancemark/" must be a URL path`},
		{"base with a query", []string{"build", "-out", t.TempDir(), "-base", "/a?b"}, 2, "must be a URL path"},
		{"unclean base", []string{"build", "-out", t.TempDir(), "-base", "/a/../b/"}, 2, "must be a clean URL path"},
		{"no wasm", []string{"build", "-out", t.TempDir(), "-web", "/no/such/dir"}, 1, "make build"},
		{"a directory with other files", []string{"build", "-out", notSite, "-web", web}, 1, "is not empty and is not a Stancemark site"},
		{"out inside web", []string{"build", "-out", filepath.Join(web, "site"), "-web", web}, 1, "must not be inside each other"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := stancemark(t, "", tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, tt.code, tt.want)
			}
		})
	}
	if siteFile(t, filepath.Join(notSite, "thesis.tex")) != "precious" {
		t.Error("a refused build touched the directory")
	}
	if out, stderr, code := stancemark(t, "", "build", "-h"); code != 0 || !strings.Contains(out+stderr, "Usage: stancemark build") {
		t.Errorf("build -h: exit %d", code)
	}
}

func TestSiteBase(t *testing.T) {
	for in, want := range map[string]string{"/": "/", "/a": "/a/", "/a/": "/a/", "/a/b/": "/a/b/", "/stance-mark_1.2/": "/stance-mark_1.2/"} {
		if got, err := siteBase(in); got != want || err != nil {
			t.Errorf("siteBase(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "a", "//a/", "/a//b", "/a/./", "/a/..", "/a b/", "/a#b", `/a"b`} {
		if got, err := siteBase(in); err == nil {
			t.Errorf("siteBase(%q) = %q, want an error", in, got)
		}
	}
}
