//go:build !wasm

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

const serveUsage = `Usage: stancemark serve [-addr 127.0.0.1:8000] [-web DIR]

Serve the annotator. DIR holds the static assets served under /web/ (app.wasm,
built by "make build", with app.wasm.br and app.wasm.gz beside it when
available; they are sent to browsers that accept them).
`

func runServe(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(fs.Output(), serveUsage); fs.PrintDefaults() }
	addr := fs.String("addr", "127.0.0.1:8000", "`address` to listen on")
	web := fs.String("web", "web", "`directory` of the static assets")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return usageError{"serve takes no arguments"}
	}
	h, err := newHandler(*web)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listening on %s failed: %w", *addr, err)
	}
	fmt.Fprintf(stderr, "Stancemark is served at http://%s/ (Ctrl+C to stop)\n", ln.Addr())
	printShareAddrs(stderr, ln.Addr()) // classroom: the addresses students can open
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// newHandler serves the app page and go-app's generated files through
// go-app, and /web/ from dir, app.wasm precompressed when possible. The app
// version is a hash of app.wasm, so a new build is never served from a stale
// cache.
func newHandler(dir string) (http.Handler, error) {
	wasm, err := os.ReadFile(filepath.Join(dir, "app.wasm"))
	if err != nil {
		return nil, fmt.Errorf("%s is missing (%w): run \"make build\" first", filepath.Join(dir, "app.wasm"), err)
	}
	version := wasmVersion(wasm)
	h := appHandler(version, len(wasm))
	worker, err := patchedWorker(h, version)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/web/", http.StripPrefix("/web/", staticHandler(dir)))
	mux.Handle("/app-worker.js", worker)
	mux.Handle("/", h)
	return withSecurityHeaders(mux), nil
}

// patchedWorker serves go-app's service worker with build's patches
// (patchWorkerJS), so that served as built, the app opens offline for any
// page of it — a ?src= link, a deep link — and shows its own message.
func patchedWorker(h http.Handler, version string) (http.Handler, error) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/app-worker.js", nil))
	if rec.Code != http.StatusOK {
		return nil, fmt.Errorf("go-app did not give its service worker (status %d)", rec.Code)
	}
	js, err := patchWorkerJS(rec.Body.String(), "/", version)
	if err != nil {
		return nil, err
	}
	header := rec.Header().Clone()
	header.Del("Content-Length")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range header {
			w.Header()[k] = v
		}
		io.WriteString(w, js)
	}), nil
}

// appHandler describes the app to go-app: title, icons, styles, version.
func appHandler(version string, wasmSize int) *app.Handler {
	return &app.Handler{
		Name:            "Stancemark",
		ShortName:       "Stancemark",
		Title:           "Stancemark: stance annotation",
		Description:     "Highlight the sentences of a news article and tag each one's stance toward a claim.",
		Lang:            "en",
		BackgroundColor: "#ffffff",
		ThemeColor:      "#1f4e79",
		LoadingLabel:    "Loading Stancemark… {progress}%",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			SVG:      "/web/icon.svg",
			Maskable: "/web/icon-512.png",
		},
		Styles: []string{"/web/app.css"},
		// Starts a ?src= download before app.wasm runs (issue 14: a 10 MB project).
		Scripts: []string{"/web/prefetch.js"},
		RawHeaders: []string{
			`<meta http-equiv="Content-Security-Policy" content="` + metaContentSecurityPolicy() + `">`,
		},
		Version:           version,
		WasmContentLength: fmt.Sprint(wasmSize),
	}
}

// staticHandler serves dir; app.wasm goes out as app.wasm.br or .gz with
// Content-Encoding when the browser accepts it and the compressed file is
// at least as new as app.wasm.
func staticHandler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "app.wasm" {
			if serveCompressed(w, r, dir) {
				return
			}
			w.Header().Set("Content-Type", "application/wasm")
		}
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}

func serveCompressed(w http.ResponseWriter, r *http.Request, dir string) bool {
	raw, err := os.Stat(filepath.Join(dir, "app.wasm"))
	if err != nil {
		return false
	}
	for _, enc := range []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if !acceptsEncoding(r.Header.Get("Accept-Encoding"), enc.name) {
			continue
		}
		path := filepath.Join(dir, "app.wasm"+enc.ext)
		st, err := os.Stat(path)
		if err != nil || st.ModTime().Before(raw.ModTime().Truncate(time.Second)) {
			continue
		}
		f, err := os.Open(path)
		if err != nil {
			continue
		}
		defer f.Close()
		w.Header().Set("Content-Type", "application/wasm")
		w.Header().Set("Content-Encoding", enc.name)
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Add("Vary", "Accept-Encoding")
		http.ServeContent(w, r, "app.wasm", st.ModTime(), f)
		return true
	}
	return false
}
