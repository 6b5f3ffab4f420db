//go:build !wasm

package app

func newBrowserStore() store { return newMemoryStore() }
