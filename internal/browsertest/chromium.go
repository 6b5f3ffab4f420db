//go:build !wasm

package browsertest

import (
	"context"
	"fmt"
	"os"

	"github.com/chromedp/chromedp"
)

// DefaultChromium is the browser used when CHROMIUM is not set.
const DefaultChromium = "/usr/bin/chromium"

// ChromiumPath returns $CHROMIUM, or DefaultChromium when it is unset.
func ChromiumPath() string {
	if v := os.Getenv("CHROMIUM"); v != "" {
		return v
	}
	return DefaultChromium
}

// Flags are the flags of every browser started here, beside chromedp's
// defaults and a fresh --user-data-dir (what Options sets, as text for a
// report).
var Flags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync",
	"--window-size=1280,900",
}

// Options are the allocator options of a headless Chromium at exe with the
// user-data dir profile: chromedp's defaults plus Flags.
func Options(exe, profile string) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	)
}

// StartBrowser starts Chromium at exe with a new, empty profile made under
// dir (os.TempDir() when dir is ""). It returns a chromedp context whose
// browser is running and a function that ends the browser and removes the
// profile.
func StartBrowser(exe, dir string) (context.Context, func(), error) {
	profile, err := os.MkdirTemp(dir, "chromium-profile-")
	if err != nil {
		return nil, nil, err
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), Options(exe, profile)...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	closeAll := func() {
		cancelCtx()
		cancelAlloc()
		os.RemoveAll(profile)
	}
	if err := chromedp.Do(ctx); err != nil {
		closeAll()
		return nil, nil, fmt.Errorf("starting %s: %w", exe, err)
	}
	return ctx, closeAll, nil
}
