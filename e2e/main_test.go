// Package e2e holds Stancemark's real-browser end-to-end tests: the app is
// built for WebAssembly, served by the stancemark binary on 127.0.0.1, and
// driven in headless Chromium through chromedp, with real mouse and keyboard
// input. The tests check what a user sees and what the app stores.
//
// Run: go test ./e2e/ -count=1 -v   (CHROMIUM=/path/to/chromium to override
// /usr/bin/chromium).
package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"stancemark/internal/browsertest"
)

// Set by TestMain.
var (
	repoRoot      string          // the module root (".." from e2e/)
	baseURL       string          // http://127.0.0.1:PORT/
	servedWeb     string          // the directory served under /web/ (tests may add files)
	stancemarkBin string          // the binary under test
	browserCx     context.Context // a chromedp context whose browser is running
)

const (
	testTimeout  = 60 * time.Second
	waitTimeout  = 10 * time.Second
	pollInterval = 40 * time.Millisecond
	docTitleSlug = "could-u-s-iran-work-together-in-iraq-maybe-officials-say"
	exportName   = docTitleSlug + ".stancemark.json"
	bundledClaim = "The United States and Iran could cooperate in Iraq."
	numParas     = 20
	numSentences = 23
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	root, err := filepath.Abs("..")
	if err != nil {
		return fail("repo root: %v", err)
	}
	repoRoot = root
	tmp, err := os.MkdirTemp("", "stancemark-e2e-")
	if err != nil {
		return fail("temp dir: %v", err)
	}
	defer os.RemoveAll(tmp)

	// Build the wasm and the binary. A build failure fails the suite: it is
	// never a skip.
	bin := filepath.Join(tmp, "stancemark")
	stancemarkBin = bin
	start := time.Now()
	if err := browsertest.BuildWasm(root); err != nil {
		return fail("e2e: wasm build failed:\n%v", err)
	}
	if err := browsertest.BuildBinary(root, bin); err != nil {
		return fail("e2e: native build failed:\n%v", err)
	}
	fmt.Fprintf(os.Stderr, "e2e: built wasm and binary in %v\n", time.Since(start).Round(time.Millisecond))

	// Serve a snapshot of web/ taken right after the build: the wasm under
	// test is the one just built, even if someone rebuilds web/ (app.wasm,
	// app.wasm.br, app.wasm.gz) while the suite runs. Precompressed copies
	// are left out, so they can never be stale.
	webDir := filepath.Join(tmp, "web")
	servedWeb = webDir
	if err := browsertest.SnapshotWeb(filepath.Join(root, "web"), webDir); err != nil {
		return fail("e2e: copy web/: %v", err)
	}

	// Serve.
	srv, err := browsertest.Serve(bin, webDir, root, "/")
	if err != nil {
		return fail("e2e: %v", err)
	}
	defer srv.Stop()
	baseURL = srv.URL + "/"

	// One browser process for the whole suite; every test gets a fresh
	// browser context (its own localStorage, cookies, downloads).
	exe := browsertest.ChromiumPath()
	bctx, closeBrowser, err := browsertest.StartBrowser(exe, tmp)
	if err != nil {
		return fail("e2e: start chromium %s: %v", exe, err)
	}
	defer closeBrowser()
	browserCx = bctx

	code := m.Run()
	if out := srv.Out.String(); code != 0 && out != "" {
		fmt.Fprintf(os.Stderr, "e2e: server output:\n%s\n", tail(out, 4000))
	}
	return code
}

func fail(format string, args ...any) int {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	return 1
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
