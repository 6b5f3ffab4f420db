//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

const buildUsage = `Usage: stancemark build -out DIR [-base /sub/path/] [-web DIR]

Write the app as a static site into DIR, for any static file host: GitHub
Pages, a CDN, "python3 -m http.server". DIR gets index.html (the prerendered
app page), 404.html (the same page, so that deep links and ?src= links work
on hosts that serve 404.html for unknown paths), app.js, app-worker.js (the
service worker that makes the app work offline), wasm_exec.js,
manifest.webmanifest, app.css, and web/ (a copy of the -web directory) with
app.wasm and its precompressed app.wasm.br and app.wasm.gz.

-base is the URL path the site is served under: "/" for a domain of its own,
"/REPO/" for a GitHub Pages project site (https://USER.github.io/REPO/).
Every URL in the site starts with it. The app version is a hash of app.wasm,
so a new build is announced to open apps and never served from a stale
cache.

DIR must be empty, missing, or a previous build (whose files are replaced;
other files such as CNAME are kept).
`

// The files "stancemark build" writes at the top of DIR (and web/).
var siteFiles = []string{"index.html", "404.html", "app.js", "app-worker.js", "wasm_exec.js",
	"manifest.webmanifest", "app.css", ".nojekyll", "web"}

func runBuild(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(fs.Output(), buildUsage); fs.PrintDefaults() }
	out := fs.String("out", "", "`directory` to write the site into")
	base := fs.String("base", "/", "URL `path` the site is served under, such as /stancemark/")
	web := fs.String("web", "web", "`directory` of the static assets (app.wasm, built by \"make build\", CSS, icons)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		fs.Usage()
		return usageError{"build takes no arguments"}
	case *out == "":
		fs.Usage()
		return usageError{"build needs -out DIR"}
	}
	b, err := siteBase(*base)
	if err != nil {
		return usageError{err.Error()}
	}
	s, err := buildSite(*out, b, *web)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Wrote the site for %s to %s (version %s):\n", b, *out, s.version)
	fmt.Fprintf(stdout, "  web/app.wasm %s\n", humanSize(s.wasm))
	fmt.Fprintf(stdout, "  web/app.wasm.gz %s (gzip, %s)\n", humanSize(s.gzip), s.gzipHow)
	if s.brotli > 0 {
		fmt.Fprintf(stdout, "  web/app.wasm.br %s (brotli, %s)\n", humanSize(s.brotli), s.brotliHow)
	}
	if b == "/" {
		fmt.Fprintf(stdout, "Serve %s at the root of a host.\n", *out)
	} else {
		fmt.Fprintf(stdout, "Serve it so that %s is %s: on GitHub Pages, push it to the project's pages branch.\n", b, *out)
	}
	return nil
}

// builtSite tells what buildSite wrote.
type builtSite struct {
	version            string
	wasm, gzip, brotli int // bytes; brotli is 0 when there is no .br
	gzipHow, brotliHow string
}

// siteBase checks and normalises a -base path: it starts and ends with "/".
func siteBase(base string) (string, error) {
	if !strings.HasPrefix(base, "/") || strings.ContainsAny(base, "?#\\ \t\n\"'<>") || strings.Contains(base, "//") {
		return "", fmt.Errorf("-base %q must be a URL path such as /stancemark/", base)
	}
	clean := path.Clean(base)
	if clean != strings.TrimSuffix(base, "/") && clean != base {
		return "", fmt.Errorf("-base %q must be a clean URL path such as /stancemark/", base)
	}
	if clean == "/" {
		return "/", nil
	}
	return clean + "/", nil
}

// buildSite writes the static site for base (see buildUsage) into out,
// from the assets in web.
func buildSite(out, base, web string) (*builtSite, error) {
	wasm, err := os.ReadFile(filepath.Join(web, "app.wasm"))
	if err != nil {
		return nil, fmt.Errorf("%s is missing (%w): run \"make build\" first", filepath.Join(web, "app.wasm"), err)
	}
	if err := prepareSiteDir(out, web); err != nil {
		return nil, err
	}
	s := &builtSite{version: wasmVersion(wasm), wasm: len(wasm)}
	h := appHandler(s.version, len(wasm))
	if base != "/" {
		// Used only to generate the files: go-app's live handler cannot
		// serve a prefixed location (GOAPP.md §3).
		h.Resources = app.PrefixedLocation(strings.TrimSuffix(base, "/"))
	}
	h.StartURL = "/"
	// The page links the SVG icon too: cache it for offline use.
	h.CacheableResources = append(h.CacheableResources, h.Icon.SVG)
	if err := app.GenerateStaticWebsite(out, h); err != nil {
		return nil, fmt.Errorf("generating the site failed: %w", err)
	}
	if err := patchManifest(filepath.Join(out, "manifest.webmanifest"), base); err != nil {
		return nil, err
	}
	if err := patchWorker(filepath.Join(out, "app-worker.js"), base, s.version); err != nil {
		return nil, err
	}
	index, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		return nil, err
	}
	// Without a Handler.Domain go-app writes og:url "https:///…" and
	// og:image "https://": broken links to nowhere, so they go.
	index = hostlessOG.ReplaceAll(index, nil)
	for name, data := range map[string][]byte{"index.html": index, "404.html": index, ".nojekyll": nil} {
		if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
			return nil, err
		}
	}
	if err := copySiteAssets(web, filepath.Join(out, "web")); err != nil {
		return nil, err
	}
	if err := compressWasm(s, web, filepath.Join(out, "web"), wasm); err != nil {
		return nil, err
	}
	return s, nil
}

// hostlessOG matches a line with an Open Graph meta tag whose URL has no host.
var hostlessOG = regexp.MustCompile(`(?m)^[ \t]*<meta [^>\n]*"https://(?:/[^"]*)?"[^>\n]*>[ \t]*\n`)

// wasmVersion is the app version of a build: a hash of app.wasm, so that a
// new build gets a new service worker cache and is announced to open apps.
func wasmVersion(wasm []byte) string {
	sum := sha256.Sum256(wasm)
	return hex.EncodeToString(sum[:8])
}

// prepareSiteDir makes out ready for a build: created when missing, refused
// when it holds other files than a previous build's, which are removed.
func prepareSiteDir(out, web string) error {
	absOut, err1 := filepath.Abs(out)
	absWeb, err2 := filepath.Abs(web)
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	if pathWithin(absOut, absWeb) || pathWithin(absWeb, absOut) {
		return fmt.Errorf("-out %s and -web %s must not be inside each other", out, web)
	}
	entries, err := os.ReadDir(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.MkdirAll(out, 0o755)
	case err != nil:
		return err
	case len(entries) == 0:
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, "app-worker.js")); err != nil {
		return fmt.Errorf("%s is not empty and is not a Stancemark site: choose an empty or new directory", out)
	}
	for _, name := range siteFiles {
		if err := os.RemoveAll(filepath.Join(out, name)); err != nil {
			return err
		}
	}
	return nil
}

// pathWithin reports whether path is dir or inside it.
func pathWithin(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// patchManifest sets the manifest's scope and start_url to base (go-app
// writes "/" and the base without its slash, GOAPP.md §3), so that the app
// installs and opens under a sub-path.
func patchManifest(name, base string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		return fmt.Errorf("reading go-app's manifest failed: %w", err)
	}
	m["scope"], m["start_url"], m["id"] = base, base, base
	data, err = json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(name, append(data, '\n'), 0o644)
}

// The service worker changes: each old text must be found exactly once in
// go-app's worker, or the build fails (a new go-app version needs a look).
// {{.Version}} is the app version and {{.Root}} the app page's URL, as a
// JavaScript string.
var workerPatches = []struct{ why, old, new string }{{
	why: "wait for the cache to be filled before the worker counts as installed",
	old: `self.addEventListener("install", async (event) => {
  try {
    console.log("installing app worker {{.Version}}");
    await installWorker();
    await self.skipWaiting();
  } catch (error) {
    console.error("error during installation:", error);
  }
});`,
	new: `self.addEventListener("install", (event) => {
  // stancemark build: the worker is installed once the app is cached.
  console.log("installing app worker {{.Version}}");
  event.waitUntil(
    installWorker()
      .then(() => self.skipWaiting())
      .catch((error) => console.error("error during installation:", error))
  );
});`,
}, {
	why: "open the cached app page for any page of the app when offline (?src= links, deep links)",
	old: `async function fetchWithCache(request) {
  const cachedResponse = await caches.match(request);
  if (cachedResponse) {
    return cachedResponse;
  }
  return await fetch(request);
}`,
	new: `async function fetchWithCache(request) {
  const cachedResponse = await caches.match(request);
  if (cachedResponse) {
    return cachedResponse;
  }
  if (request.mode !== "navigate") {
    return await fetch(request);
  }
  // stancemark build: a page of the app that is not cached as such (a
  // ?src= link, a deep link) is the app page when the network is off.
  try {
    return await fetch(request);
  } catch (error) {
    const page = await caches.match({{.Root}}, { ignoreSearch: true });
    if (page) {
      return page;
    }
    throw error;
  }
}`,
}}

// patchWorker fixes go-app's service worker for base: the app page is
// cached as base with its trailing slash (go-app lists "/sub" without it,
// which a static host redirects, so the offline lookup missed), and the
// workerPatches.
func patchWorker(name, base, version string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	js, err := patchWorkerJS(string(data), base, version)
	if err != nil {
		return err
	}
	return os.WriteFile(name, []byte(js), 0o644)
}

// patchWorkerJS is patchWorker on the worker's text (serve patches the
// worker go-app generates the same way).
func patchWorkerJS(js, base, version string) (string, error) {
	root, _ := json.Marshal(base)
	if base != "/" {
		noSlash, _ := json.Marshal(strings.TrimSuffix(base, "/"))
		if strings.Count(js, string(noSlash)+",") != 1 && strings.Count(js, string(noSlash)+"]") != 1 {
			return "", fmt.Errorf("go-app's service worker does not list the app page %s once: update build.go", noSlash)
		}
		js = strings.Replace(js, string(noSlash)+",", string(root)+",", 1)
		js = strings.Replace(js, string(noSlash)+"]", string(root)+"]", 1)
	}
	for _, p := range workerPatches {
		old := strings.ReplaceAll(p.old, "{{.Version}}", version)
		if strings.Count(js, old) != 1 {
			return "", fmt.Errorf("go-app's service worker has changed, so this patch no longer applies: %s (update build.go)", p.why)
		}
		r := strings.NewReplacer("{{.Version}}", version, "{{.Root}}", string(root))
		js = strings.Replace(js, old, r.Replace(p.new), 1)
	}
	return js, nil
}

// copySiteAssets copies the files of web into dst, but for app.wasm's
// compressed copies (compressWasm writes them), hidden files and Go files.
func copySiteAssets(web, dst string) error {
	return filepath.WalkDir(web, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(web, p)
		if err != nil {
			return err
		}
		if rel != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if rel == "app.wasm.br" || rel == "app.wasm.gz" || !d.IsDir() && strings.HasSuffix(rel, ".go") {
			return nil // the Go source of web/models (the CLI's embedded models) is not an asset
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// compressWasm writes app.wasm.gz and app.wasm.br into dst. It reuses the
// copies beside app.wasm in web when they decompress to app.wasm ("make
// build" makes them with the brotli command at its best quality); else it
// compresses: gzip in Go, brotli with the brotli command when it is
// installed (quality 11, seconds), else in Go at quality 9 (the pure-Go
// encoder takes minutes at 11; 9 still beats gzip by about 10%).
func compressWasm(s *builtSite, web, dst string, wasm []byte) error {
	gz, how, err := compressedCopy(filepath.Join(web, "app.wasm.gz"), wasm, gunzipReader)
	if err != nil {
		return err
	}
	if gz == nil {
		var b bytes.Buffer
		w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		w.Write(wasm)
		if err := w.Close(); err != nil {
			return err
		}
		gz, how = b.Bytes(), "compressed now"
	}
	s.gzip, s.gzipHow = len(gz), how
	if err := os.WriteFile(filepath.Join(dst, "app.wasm.gz"), gz, 0o644); err != nil {
		return err
	}
	br, how, err := compressedCopy(filepath.Join(web, "app.wasm.br"), wasm, brotliReader)
	if err != nil {
		return err
	}
	if br == nil {
		if cli, err := exec.LookPath("brotli"); err == nil {
			cmd := exec.Command(cli, "-q", "11", "-c")
			cmd.Stdin = bytes.NewReader(wasm)
			if br, err = cmd.Output(); err != nil {
				return fmt.Errorf("compressing app.wasm with %s failed: %w", cli, err)
			}
			how = "compressed now with the brotli command"
		} else {
			var b bytes.Buffer
			w := brotli.NewWriterLevel(&b, 9)
			w.Write(wasm)
			if err := w.Close(); err != nil {
				return err
			}
			br, how = b.Bytes(), "compressed now in Go at quality 9; install the brotli command for quality 11"
		}
	}
	s.brotli, s.brotliHow = len(br), how
	return os.WriteFile(filepath.Join(dst, "app.wasm.br"), br, 0o644)
}

// compressedCopy returns the file name when it decompresses to wasm, or
// nil when it is missing or stale.
func compressedCopy(name string, wasm []byte, decompress func(io.Reader) (io.Reader, error)) ([]byte, string, error) {
	data, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, "", nil
	}
	if err != nil {
		return nil, "", err
	}
	r, err := decompress(bytes.NewReader(data))
	if err != nil {
		return nil, "", nil
	}
	got, err := io.ReadAll(io.LimitReader(r, int64(len(wasm))+1))
	if err != nil || !bytes.Equal(got, wasm) {
		return nil, "", nil
	}
	return data, "copied from " + name, nil
}

func gunzipReader(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) }

func brotliReader(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil }

// humanSize formats a byte count for people: "1.8 MB".
func humanSize(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
