//go:build !wasm

package app

func newPainter() painter { return &recordingPainter{} }
