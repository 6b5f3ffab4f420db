package annotations

import (
	"bytes"
	"errors"
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
		g, err := ReadGold(bytes.NewReader(data))
		if err != nil {
			var ie *ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an *ImportError", err)
			}
			return
		}
		var first bytes.Buffer
		if err := WriteGold(&first, g); err != nil {
			t.Fatal(err)
		}
		again, err := ReadGold(bytes.NewReader(first.Bytes()))
		if err != nil {
			t.Fatalf("reading what was written: %v\n%s", err, first.Bytes())
		}
		var second bytes.Buffer
		if err := WriteGold(&second, again); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("write(read(write(x))) differs:\n%s\n---\n%s", first.Bytes(), second.Bytes())
		}
		if err := again.Validate(); err != nil {
			t.Fatalf("a gold file read back is invalid: %v", err)
		}
	})
}
