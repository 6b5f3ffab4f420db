//go:build !wasm

package app

func newBrowserFiles() fileStore { return newMemoryFiles() }
