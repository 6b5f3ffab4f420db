package annotations

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzGoldRoundTrip checks that ReadGold never panics, that its errors are
// *ImportError values, and that a gold file that reads writes back the
// same after a second read (write -> read -> write is identity). The seeds
// are the golden gold files and the malformed ones.
func FuzzGoldRoundTrip(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/gold/*.json")
	more, _ := filepath.Glob(filepath.Join(goldMalformedDir, "*.json"))
	for _, n := range append(seeds, more...) {
		if data, err := os.ReadFile(n); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"format":"stancemark-gold/v1","document":{"id":"d","sentences":[{"id":"s1","paragraph":0,"start":0,"end":1}]},"policy":"unanimous","none":true,` +
		`"gold":[{"document":"d","sentence":"s1","claim":"","label":"x","source":"adjudicated","votes":{},"adjudicator":"A","reason":"R"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, again, ok := fuzzRoundTrip(t, data, ReadGold, WriteGold)
		if !ok {
			return
		}
		if err := again.Validate(); err != nil {
			t.Fatalf("a gold file read back is invalid: %v", err)
		}
	})
}
