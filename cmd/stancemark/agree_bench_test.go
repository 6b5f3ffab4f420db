//go:build !wasm

package main

import (
	"fmt"
	"os/exec"
	"testing"
)

// BenchmarkAgree1000Exports runs the built binary the way a researcher
// does: "stancemark agree -json" over 1,000 exports of the bundled article
// (generated in a temporary directory, each with 8 highlights).
func BenchmarkAgree1000Exports(b *testing.B) {
	dir := b.TempDir()
	labels := []string{"supports", "opposes", "neutral", "unrelated"}
	args := []string{"agree", "-json"}
	for k := range 1000 {
		var runs []tagRun
		for i := 0; i < 23; i += 3 {
			runs = append(runs, tagRun{i, min(i+1, 22), labels[(i*k+k/7)%4]})
		}
		args = append(args, writeExport(b, dir, fmt.Sprintf("a%04d.json", k), fmt.Sprintf("annotator %d", k), runs...))
	}
	b.ResetTimer()
	for b.Loop() {
		if out, err := exec.Command(binary, args...).CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
	}
}
