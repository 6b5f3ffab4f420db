//go:build !wasm

package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCompressWritesBrotliAndGzip(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "app.wasm")
	data := bytes.Repeat([]byte("\x00asm wasm bytes that compress well "), 5000)
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
	// a stale copy from an older build is replaced
	if err := os.WriteFile(name+".br", []byte("not brotli of this file"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"compress", "-quality", "5", name}, nil, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		ext  string
		open func(io.Reader) (io.Reader, error)
	}{{".br", brotliReader}, {".gz", gunzipReader}} {
		comp, err := os.ReadFile(name + c.ext)
		if err != nil {
			t.Fatal(err)
		}
		if len(comp) >= len(data)/10 {
			t.Errorf("%s is %d bytes for %d: not compressed", c.ext, len(comp), len(data))
		}
		r, err := c.open(bytes.NewReader(comp))
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s does not decompress to the file (%v)", c.ext, err)
		}
	}
	if _, err := os.Stat(name + ".br.tmp"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a temporary file is left: %v", err)
	}
	// fresh copies are kept
	out.Reset()
	if err := run(context.Background(), []string{"compress", name}, nil, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if strings.Count(out.String(), "up to date") != 2 {
		t.Errorf("a second run recompressed: %s", out.String())
	}
}

func TestCompressBadInput(t *testing.T) {
	for _, c := range []struct {
		args  []string
		want  string
		usage bool
	}{
		{[]string{"compress"}, "name at least one FILE", true},
		{[]string{"compress", "-quality", "12", "x"}, "-quality 12 is not between 0 and 11", true},
		{[]string{"compress", filepath.Join(t.TempDir(), "missing.wasm")}, "missing.wasm", false},
	} {
		err := run(context.Background(), c.args, nil, io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want one with %q", c.args, err, c.want)
		}
		if errors.As(err, new(usageError)) != c.usage {
			t.Errorf("%v: usage error = %v, want %v", c.args, !c.usage, c.usage)
		}
	}
}
