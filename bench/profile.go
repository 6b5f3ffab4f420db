package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

// startProfile starts V8's CPU profiler (100 µs samples) when -profile
// names a directory; the returned stop writes the profile there as
// NAME.cpuprofile (Chromium DevTools → Performance opens it). Without
// -profile both do nothing. Profiling slows the page: the times of a
// profiled run are not the benchmark's.
func (b *bench) startProfile(ctx context.Context) (stop func(name string) error, err error) {
	if b.profileDir == "" {
		return func(string) error { return nil }, nil
	}
	if _, err := chromedp.Call(ctx, profiler.Enable, cdp.Empty{}); err != nil {
		return nil, fmt.Errorf("enabling the profiler: %w", err)
	}
	if _, err := chromedp.Call(ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 100}); err != nil {
		return nil, fmt.Errorf("setting the sampling interval: %w", err)
	}
	if _, err := chromedp.Call(ctx, profiler.Start, cdp.Empty{}); err != nil {
		return nil, fmt.Errorf("starting the profiler: %w", err)
	}
	return func(name string) error {
		r, err := chromedp.Call(ctx, profiler.Stop, cdp.Empty{})
		if err != nil {
			return fmt.Errorf("stopping the profiler: %w", err)
		}
		data, err := json.Marshal(r.Profile)
		if err != nil {
			return err
		}
		name = strings.NewReplacer(" ", "_", "/", "_", ",", "").Replace(name)
		return os.WriteFile(filepath.Join(b.profileDir, name+".cpuprofile"), data, 0o644)
	}, nil
}
