//go:build !wasm

package app

// measureStickyBars has no bars to measure outside the browser.
func measureStickyBars() func() { return func() {} }
