//go:build !wasm

package main

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fnc1SizedCSVs writes FNC-1's two CSVs at its size and text volume: 900
// bodies of about 3.3 KB (3 MB of text, quotes and commas included, as in
// FNC-1's articleBody), 900 headlines and 25,000 stances, ~28 per body and
// grouped by body as in the real stances.csv.
func fnc1SizedCSVs(tb testing.TB, dir string) (bodies, stances string) {
	tb.Helper()
	words := strings.Fields(`officials said the report was false and a spokesman declined to comment on claims
		that militants seized the town while witnesses described explosions near the border police
		confirmed an investigation into the video which appeared online after reports of a hoax`)
	r := rand.New(rand.NewPCG(14, 5))
	sentence := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = words[r.IntN(len(words))]
		}
		s := strings.Join(ws, " ")
		return strings.ToUpper(s[:1]) + s[1:]
	}
	var b, s strings.Builder
	b.WriteString("Body ID,articleBody\n")
	for i := range 900 {
		fmt.Fprintf(&b, "%d,\"", i*3+1)
		for p := range 5 {
			if p > 0 {
				b.WriteString("\n\n")
			}
			for k := range 5 {
				fmt.Fprintf(&b, "%s, \"\"he said\"\" in body %d (%d.%d). ", sentence(17), i, p, k)
			}
		}
		b.WriteString("\"\n")
	}
	headlines := make([]string, 900)
	for i := range headlines {
		headlines[i] = fmt.Sprintf("Headline %d: %s", i, sentence(8))
	}
	stance := []string{"unrelated", "unrelated", "unrelated", "discuss", "agree", "disagree"}
	s.WriteString("Headline,Body ID,Stance\n")
	for n, body := 0, 0; body < 900; body++ {
		for j, k := 0, (25000-n)/(900-body); j < k; j++ { // 27 or 28 a body
			fmt.Fprintf(&s, "%s,%d,%s\n", headlines[(body*7+j*31)%900], body*3+1, stance[n%len(stance)])
			n++
		}
	}
	bodies, stances = filepath.Join(dir, "bodies.csv"), filepath.Join(dir, "stances.csv")
	for path, data := range map[string]string{bodies: b.String(), stances: s.String()} {
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return bodies, stances
}

// BenchmarkProjectNewFNC1Sized is "project new" from the two CSVs at
// FNC-1's size and text volume (issue 14's target: ≤ 5 s): go test -run
// '^$' -bench ProjectNewFNC1Sized ./cmd/stancemark/
func BenchmarkProjectNewFNC1Sized(b *testing.B) {
	dir := b.TempDir()
	bodies, stances := fnc1SizedCSVs(b, dir)
	out := filepath.Join(dir, "fnc1.json")
	for b.Loop() {
		if err := run(b.Context(), []string{"project", "new", "-o", out, bodies, stances}, nil, io.Discard, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	p := readProjectJSON(b, out)
	if len(p.Tasks) < 24000 || len(p.Documents) != 900 {
		b.Fatalf("%d tasks, %d documents", len(p.Tasks), len(p.Documents))
	}
	info, _ := os.Stat(out)
	b.ReportMetric(float64(info.Size())/(1<<20), "MB")
	b.ReportMetric(float64(len(p.Tasks)), "tasks")
}
