//go:build !wasm

// Package browsertest is the real-browser harness shared by the end-to-end
// tests (e2e/) and the performance harness (bench/). It holds:
//
//   - Chromium: its path (CHROMIUM, default /usr/bin/chromium), the flags of
//     every run, and starting a browser on a fresh user-data dir;
//   - servers: free loopback ports, waiting for an HTTP server, and
//     starting "stancemark serve" on a web directory;
//   - builds: the stancemark binary and web/app.wasm with the go tool, and
//     snapshots of a web directory;
//   - page helpers: keyboard input as a real keyboard sends it, and waiting
//     for a JS expression to be true.
//
// It is for tests and tools on the host only; nothing built for
// GOOS=js GOARCH=wasm imports it.
package browsertest
