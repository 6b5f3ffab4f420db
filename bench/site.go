package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/andybalholm/brotli"

	"stancemark/annotations"
	"stancemark/articles"
	"stancemark/internal/browsertest"
)

//go:embed ref
var refFiles embed.FS

// docSpec is one document the harness opens.
type docSpec struct {
	Name      string // "bundled", "1000", "5000"
	File      string // plain text under /web/ ("" for the app's bundled article)
	RefFile   string // what the reference page reads
	DocID     string
	Sentences int
	Labeled   int // sentences that carry a label once ready (0: none expected)
}

// site is the served directory: a snapshot of web/ plus the generated
// articles, the reference page and the storage seed.
type site struct {
	Dir      string
	Bin      string
	WasmSize int64
	BrSize   int64
	GzSize   int64
	WasmSHA  string
	Docs     []docSpec
	Seed     docSpec // the 5,000-sentence document with 5,000 saved highlights
	SeedFile string  // JSON object of localStorage keys to values, under /web/
	// Export is the 5,000-sentence document with every other sentence
	// highlighted (2,500 highlights), as a stancemark/v1 export the app
	// opens with ?src= (File); Labeled is the number of tagged sentences.
	Export docSpec
	// Big is the largest document (50,000 sentences), opened with ?src=
	// like the others but measured with fewer tags (-big).
	Big     *docSpec
	Project *projectSpec // the FNC-1-sized project (project.go), or nil
}

// prepareSite copies web/ (app.wasm with its precompressed copies, checked
// to decode to the same bytes, so a concurrent rebuild cannot mix builds)
// and the binary into dir, and writes the documents.
func prepareSite(webDir, bin, dir string, sizes []int, bigN int) (*site, error) {
	s := &site{Dir: filepath.Join(dir, "web"), Bin: filepath.Join(dir, "stancemark")}
	if err := browsertest.CopyFile(bin, s.Bin, 0o755); err != nil {
		return nil, fmt.Errorf("copying the binary (run \"make build\" first): %w", err)
	}
	if err := browsertest.CopyTree(webDir, s.Dir, nil); err != nil {
		return nil, fmt.Errorf("copying %s: %w", webDir, err)
	}
	if err := s.checkWasm(); err != nil {
		return nil, err
	}
	sub, err := fs.Sub(refFiles, "ref")
	if err != nil {
		return nil, err
	}
	if err := os.CopyFS(filepath.Join(s.Dir, "ref"), sub); err != nil {
		return nil, fmt.Errorf("writing the reference page: %w", err)
	}

	bdoc, err := annotations.ParsePlainText(articles.Bundled)
	if err != nil {
		return nil, fmt.Errorf("segmenting the bundled article: %w", err)
	}
	if err := os.WriteFile(filepath.Join(s.Dir, "bench-bundled.txt"), []byte(articles.Bundled), 0o644); err != nil {
		return nil, err
	}
	s.Docs = append(s.Docs, docSpec{Name: "bundled", RefFile: "/web/bench-bundled.txt", DocID: bdoc.ID, Sentences: len(bdoc.Sentences)})
	var big *annotations.Document
	for _, n := range sizes {
		text, doc, err := generateArticle(n)
		if err != nil {
			return nil, err
		}
		name := fmt.Sprintf("gen-%d.txt", n)
		if err := os.WriteFile(filepath.Join(s.Dir, name), []byte(text), 0o644); err != nil {
			return nil, err
		}
		s.Docs = append(s.Docs, docSpec{Name: fmt.Sprint(n), File: "/web/" + name, RefFile: "/web/" + name, DocID: doc.ID, Sentences: n})
		if n == 5000 || (big == nil && n >= 1000) {
			big = doc
		}
	}
	if big != nil {
		if err := s.writeSeed(big); err != nil {
			return nil, err
		}
		if err := s.writeExport(big); err != nil {
			return nil, err
		}
	}
	if bigN > 0 {
		text, doc, err := generateArticle(bigN)
		if err != nil {
			return nil, err
		}
		name := fmt.Sprintf("gen-%d.txt", bigN)
		if err := os.WriteFile(filepath.Join(s.Dir, name), []byte(text), 0o644); err != nil {
			return nil, err
		}
		s.Big = &docSpec{Name: fmt.Sprint(bigN), File: "/web/" + name, RefFile: "/web/" + name, DocID: doc.ID, Sentences: bigN}
	}
	return s, nil
}

// writeSeed writes the localStorage of a returning user whose open document
// is doc with every sentence its own "supports" highlight.
func (s *site) writeSeed(doc *annotations.Document) error {
	ws := annotations.NewWorkspace(doc)
	ws.MaxHistory = 1
	for i := range doc.Sentences {
		if _, err := ws.Tag(i, i, "supports"); err != nil {
			return fmt.Errorf("seeding highlights: %w", err)
		}
	}
	state, err := ws.MarshalState()
	if err != nil {
		return fmt.Errorf("seeding highlights: %w", err)
	}
	rec, err := json.Marshal(map[string]string{
		"format": "stancemark-doc/v1", "title": doc.Title, "text": doc.Text, "added": "2026-01-01T00:00:00Z",
	})
	if err != nil {
		return err
	}
	seed, err := json.Marshal(map[string]string{
		"stancemark/v1/work/" + doc.ID: string(state),
		"stancemark/v1/doc/" + doc.ID:  string(rec),
		"stancemark/v1/current":        doc.ID,
		"stancemark/v1/hint-dismissed": "1",
	})
	if err != nil {
		return err
	}
	s.SeedFile = "/web/bench-seed.json"
	s.Seed = docSpec{Name: fmt.Sprintf("%d, %d highlights", len(doc.Sentences), len(doc.Sentences)), DocID: doc.ID, Sentences: len(doc.Sentences)}
	return os.WriteFile(filepath.Join(s.Dir, "bench-seed.json"), seed, 0o644)
}

// writeExport writes doc with every other sentence its own "supports"
// highlight as a stancemark/v1 export, which the app opens with ?src=.
func (s *site) writeExport(doc *annotations.Document) error {
	ws := annotations.NewWorkspace(doc)
	ws.MaxHistory = 1
	ws.Annotator = "bench"
	n := 0
	for i := 0; i < len(doc.Sentences); i += 2 {
		if _, err := ws.Tag(i, i, "supports"); err != nil {
			return fmt.Errorf("highlighting the export: %w", err)
		}
		n++
	}
	var b bytes.Buffer
	if err := annotations.WriteExport(&b, ws.Export(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))); err != nil {
		return fmt.Errorf("writing the export: %w", err)
	}
	name := fmt.Sprintf("bench-export-%d.json", len(doc.Sentences))
	s.Export = docSpec{Name: fmt.Sprintf("%d, %d highlights (export, ?src=)", len(doc.Sentences), n),
		File: "/web/" + name, DocID: doc.ID, Sentences: len(doc.Sentences), Labeled: n}
	return os.WriteFile(filepath.Join(s.Dir, name), b.Bytes(), 0o644)
}

// checkWasm makes sure app.wasm.br and app.wasm.gz hold app.wasm, so the
// bytes measured are those of the build measured.
func (s *site) checkWasm() error {
	raw, err := os.ReadFile(filepath.Join(s.Dir, "app.wasm"))
	if err != nil {
		return fmt.Errorf("app.wasm is missing (run \"make build\" first): %w", err)
	}
	sum := sha256.Sum256(raw)
	s.WasmSize, s.WasmSHA = int64(len(raw)), fmt.Sprintf("%x", sum[:8])
	for _, c := range []struct {
		ext  string
		size *int64
		open func(io.Reader) (io.Reader, error)
	}{
		{".br", &s.BrSize, func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil }},
		{".gz", &s.GzSize, func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) }},
	} {
		comp, err := os.ReadFile(filepath.Join(s.Dir, "app.wasm"+c.ext))
		if err != nil {
			return fmt.Errorf("app.wasm%s is missing (run \"make build\" with brotli installed): %w", c.ext, err)
		}
		*c.size = int64(len(comp))
		r, err := c.open(bytes.NewReader(comp))
		if err != nil {
			return fmt.Errorf("app.wasm%s: %w", c.ext, err)
		}
		h := sha256.New()
		if _, err := io.Copy(h, r); err != nil {
			return fmt.Errorf("app.wasm%s does not decode: %w", c.ext, err)
		}
		if !bytes.Equal(h.Sum(nil)[:8], sum[:8]) {
			return fmt.Errorf("app.wasm%s is not a compressed copy of app.wasm (a stale or concurrent build): run \"make build\" again", c.ext)
		}
	}
	return nil
}

// server is "stancemark serve" on the site, behind a counting proxy.
type server struct {
	URL     string // the proxy, what the browser opens
	backend *browsertest.Server
	proxy   *http.Server
	log     *transferLog
}

func startServer(s *site) (*server, error) {
	backend, err := browsertest.Serve(s.Bin, s.Dir, "", "/web/ref/blank.html")
	if err != nil {
		return nil, err
	}
	srv := &server{backend: backend, log: &transferLog{}}
	target, _ := url.Parse(backend.URL)
	rp := &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) {
			r.SetURL(target)
			r.Out.Host = r.In.Host
		},
		FlushInterval: -1, // stream, as the server does
		Transport:     &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 16},
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		srv.stop()
		return nil, err
	}
	srv.URL = "http://" + ln.Addr().String()
	srv.proxy = &http.Server{Handler: srv.log.wrap(rp), ReadHeaderTimeout: 10 * time.Second}
	go srv.proxy.Serve(ln)
	return srv, nil
}

func (srv *server) stop() {
	if srv.proxy != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		srv.proxy.Shutdown(ctx)
		cancel()
	}
	srv.backend.Stop() // the server we started, by its PID
}

// transfer is one response as it went over the wire.
type transfer struct {
	Path     string  `json:"path"`
	Start    float64 `json:"start_unix_ms"` // when the request arrived
	End      float64 `json:"end_unix_ms"`
	Status   int     `json:"status"`
	Encoding string  `json:"encoding,omitempty"`
	Bytes    int64   `json:"bytes"` // body bytes plus the status line and headers
}

// transferLog records every response the proxy sends: the bytes the
// browser received, including the service worker's own downloads, which
// the page's resource timing does not see.
type transferLog struct {
	mu  sync.Mutex
	all []transfer
}

func (l *transferLog) reset() {
	l.mu.Lock()
	l.all = nil
	l.mu.Unlock()
}

func (l *transferLog) snapshot() []transfer {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]transfer(nil), l.all...)
}

func unixMS(t time.Time) float64 { return float64(t.UnixNano()) / 1e6 }

func (l *transferLog) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &countingWriter{ResponseWriter: w}
		start := time.Now()
		h.ServeHTTP(cw, r)
		t := transfer{
			Path: r.URL.RequestURI(), Start: unixMS(start), End: unixMS(time.Now()),
			Status: cw.status, Encoding: w.Header().Get("Content-Encoding"),
			Bytes: cw.n + cw.head,
		}
		l.mu.Lock()
		l.all = append(l.all, t)
		l.mu.Unlock()
	})
}

type countingWriter struct {
	http.ResponseWriter
	status  int
	n, head int64
}

func (c *countingWriter) WriteHeader(code int) {
	if c.status == 0 {
		c.status = code
		var b bytes.Buffer
		c.Header().Write(&b)
		c.head = int64(len("HTTP/1.1 200 OK\r\n\r\n") + b.Len())
	}
	c.ResponseWriter.WriteHeader(code)
}

func (c *countingWriter) Write(p []byte) (int, error) {
	if c.status == 0 {
		c.WriteHeader(http.StatusOK)
	}
	n, err := c.ResponseWriter.Write(p)
	c.n += int64(n)
	return n, err
}

func (c *countingWriter) Flush() {
	if f, ok := c.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}
