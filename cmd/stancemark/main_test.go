//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// binary is the stancemark binary built once for these tests: they run it
// the way a user does.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "stancemark-cmd")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "stancemark")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building stancemark failed: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// stancemark runs the binary and returns stdout, stderr and the exit code.
func stancemark(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return out.String(), errOut.String(), 0
	case errors.As(err, &exit):
		return out.String(), errOut.String(), exit.ExitCode()
	default:
		t.Fatalf("running stancemark %v failed: %v", args, err)
		return "", "", -1
	}
}

func TestSegmentBundledArticle(t *testing.T) {
	out, errOut, code := stancemark(t, "", "segment")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc segmentJSON
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if len(doc.Sentences) != 23 || len(doc.Paragraphs) != 20 {
		t.Fatalf("%d sentences in %d paragraphs, want 23 in 20", len(doc.Sentences), len(doc.Paragraphs))
	}
	if doc.Title != "Could U.S., Iran Work Together In Iraq? Maybe, Officials Say" {
		t.Errorf("title = %q", doc.Title)
	}
	text := []rune(doc.Text)
	for _, s := range doc.Sentences {
		if got := string(text[s.Start:s.End]); got != s.Text {
			t.Errorf("%s: text[%d:%d] = %q, but the sentence says %q", s.ID, s.Start, s.End, got, s.Text)
		}
	}
	if got := doc.Sentences[20].Text; got != "But, as the crisis spreads, officials around the globe are scrambling for any way to slow the militant advance." {
		t.Errorf("s21 = %q", got)
	}
}

func TestSegmentStdinCountsCodePoints(t *testing.T) {
	out, errOut, code := stancemark(t, "Title\n\nCafé ☕ 東京. Next one.\n", "segment", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc segmentJSON
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Sentences) != 2 || doc.Sentences[0].End != 10 || doc.Sentences[1].Start != 11 {
		t.Fatalf("sentences = %+v, want offsets 0–10 and 11–20 in code points", doc.Sentences)
	}
}

func TestCommandLineErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"missing file", []string{"segment", "/no/such/file.txt"}, 1, "/no/such/file.txt"},
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"unknown flag", []string{"segment", "-x"}, 2, "flag provided but not defined"},
		{"too many files", []string{"segment", "a", "b"}, 2, "at most one file"},
		{"serve with no wasm", []string{"serve", "-web", "/no/such/dir", "-addr", "127.0.0.1:0"}, 1, "make build"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := stancemark(t, "", tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, tt.code, tt.want)
			}
		})
	}
}

func TestHelpExitsZero(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"segment", "-h"}, {"serve", "-h"}} {
		out, errOut, code := stancemark(t, "", args...)
		if code != 0 || !strings.Contains(out+errOut, "Usage") {
			t.Errorf("%v: exit %d, output %q", args, code, out+errOut)
		}
	}
}

func TestServePrerendersAndCompresses(t *testing.T) {
	web := t.TempDir()
	wasm := []byte("\x00asm fake module for the test")
	if err := os.WriteFile(filepath.Join(web, "app.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(web, "app.wasm.br"), []byte("brotli bytes"), 0o644); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	cmd := exec.Command(binary, "serve", "-addr", addr, "-web", web)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	base := "http://" + addr
	page := get(t, base+"/", "")
	if !strings.Contains(page, `id="document"`) || strings.Count(page, `data-sid="`) != 23 {
		t.Errorf("the page does not prerender the bundled article's 23 sentences")
	}
	req, _ := http.NewRequest("GET", base+"/web/app.wasm", nil)
	req.Header.Set("Accept-Encoding", "gzip, br")
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.Header.Get("Content-Encoding") != "br" || resp.Header.Get("Content-Type") != "application/wasm" || string(body) != "brotli bytes" {
		t.Errorf("app.wasm for a brotli browser: %v %q", resp.Header, body)
	}
	for _, path := range []string{"/", "/web/app.css", "/app.js"} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		csp := resp.Header.Get("Content-Security-Policy")
		for _, want := range []string{"script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: Content-Security-Policy %q lacks %q", path, csp, want)
			}
		}
	}
	if !strings.Contains(page, `http-equiv="Content-Security-Policy"`) {
		t.Error("the page does not carry its policy in a <meta> for static hosts")
	}
	if got := get(t, base+"/web/app.wasm", "identity"); got != string(wasm) {
		t.Errorf("app.wasm without compression = %q", got)
	}
	if js := get(t, base+"/app.js", ""); !strings.Contains(js, fmt.Sprint(len(wasm))) {
		t.Errorf("app.js does not announce the wasm size %d", len(wasm))
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// get fetches url, retrying while the server starts.
func get(t *testing.T, url, encoding string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		req, _ := http.NewRequest("GET", url, nil)
		if encoding != "" {
			req.Header.Set("Accept-Encoding", encoding)
		}
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			return string(b)
		}
		if time.Now().After(deadline) {
			t.Fatalf("GET %s: %v", url, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
