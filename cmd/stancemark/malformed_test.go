//go:build !wasm

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConvertMalformed runs "stancemark convert -to json FILE" on every
// malformed file of annotations/testdata/malformed: the message on stderr is
// the one in FILE.want (the same as the library's), the exit status is 1,
// and nothing panics. A file whose .want is empty must convert.
func TestConvertMalformed(t *testing.T) {
	dir := filepath.Join("..", "..", "annotations", "testdata", "malformed")
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(names) < 30 {
		t.Fatalf("%d files in %s (%v)", len(names), dir, err)
	}
	type tc struct{ file, want string }
	var cases []tc
	for _, n := range names {
		want, err := os.ReadFile(strings.TrimSuffix(n, ".json") + ".want")
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, tc{n, strings.TrimSuffix(string(want), "\n")})
	}
	// Too big to commit: made here, as in the library's test.
	tmp := t.TempDir()
	base, err := os.ReadFile(filepath.Join(dir, "bom.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range []struct {
		name  string
		runes int
		want  string
	}{
		{"note-5mb.json", 5 << 20 / 2, "annotations[0].note: too long: 2,621,440 characters; a note can have at most 10,000"},
		// More than MaxImportBytes is read: an export may reach MaxExportBytes.
		{"note-21mb.json", 21 << 20 / 2, "annotations[0].note: too long: 11,010,048 characters; a note can have at most 10,000"},
	} {
		data := bytes.Replace(base, []byte(`"note": "Kirby says so"`), []byte(`"note": "`+strings.Repeat("é", g.runes)+`"`), 1)
		n := filepath.Join(tmp, g.name)
		if err := os.WriteFile(n, data, 0o644); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, tc{n, g.want})
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.file), func(t *testing.T) {
			_, errOut, code := stancemark(t, "", "convert", "-to", "json", c.file)
			if strings.Contains(errOut, "panic") || strings.Contains(errOut, "goroutine ") {
				t.Fatalf("panicked:\n%s", errOut)
			}
			if c.want == "" {
				if code != 0 {
					t.Errorf("exit %d, want 0: %s", code, errOut)
				}
				return
			}
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if want := "stancemark: " + c.file + ": " + c.want + "\n"; !strings.Contains(errOut, want) {
				t.Errorf("stderr\n%s\ndoes not contain\n%s", errOut, want)
			}
		})
	}
}
