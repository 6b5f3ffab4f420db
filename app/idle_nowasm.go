//go:build !wasm

package app

// whenIdle does nothing outside the browser: there is no compiler to warm.
func whenIdle(func()) {}
