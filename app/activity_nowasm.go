//go:build !wasm

package app

// listenActivity has no inputs to listen to outside the browser.
func listenActivity(input, stopped func()) func() { return func() {} }
