//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/andybalholm/brotli"
)

const compressUsage = `Usage: stancemark compress [-quality N] FILE...

Write FILE.br (brotli) and FILE.gz (gzip) beside every FILE, in Go, so
"stancemark serve" sends app.wasm with Content-Encoding on a machine
without the brotli command ("make wasm" runs it when brotli is missing).
A copy that already decompresses to FILE is kept as it is.

  -quality N  brotli quality, 0 to 11 (default 11: what "brotli -q 11"
              makes, byte for byte, in a few minutes for app.wasm; 9 takes
              seconds and is about 10% larger)
`

func runCompress(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("compress", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(fs.Output(), compressUsage) }
	quality := fs.Int("quality", 11, "brotli quality, 0 to 11")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"compress: name at least one FILE"}
	}
	if *quality < brotli.BestSpeed || *quality > brotli.BestCompression {
		return usageError{fmt.Sprintf("compress: -quality %d is not between 0 and 11", *quality)}
	}
	for _, name := range fs.Args() {
		if err := compressFile(name, *quality, stdout); err != nil {
			return err
		}
	}
	return nil
}

// compressFile writes name.gz and name.br unless fresh copies are there.
func compressFile(name string, quality int, stdout io.Writer) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return fmt.Errorf("compress: %w", err)
	}
	for _, c := range []struct {
		ext        string
		decompress func(io.Reader) (io.Reader, error)
		compress   func(io.Writer) io.WriteCloser
	}{
		{".gz", gunzipReader, func(w io.Writer) io.WriteCloser {
			z, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
			return z
		}},
		{".br", brotliReader, func(w io.Writer) io.WriteCloser {
			return brotli.NewWriterOptions(w, brotli.WriterOptions{Quality: quality, LGWin: 24})
		}},
	} {
		out := name + c.ext
		fresh, _, err := compressedCopy(out, data, c.decompress)
		if err != nil {
			return fmt.Errorf("compress: %w", err)
		}
		if fresh != nil {
			fmt.Fprintf(stdout, "%s: up to date (%s)\n", out, humanSize(len(fresh)))
			continue
		}
		start := time.Now()
		var b bytes.Buffer
		w := c.compress(&b)
		if _, err := w.Write(data); err != nil {
			return fmt.Errorf("compress: %s: %w", out, err)
		}
		if err := w.Close(); err != nil {
			return fmt.Errorf("compress: %s: %w", out, err)
		}
		// written whole, then renamed: a server never sends half a file
		tmp := out + ".tmp"
		if err := os.WriteFile(tmp, b.Bytes(), 0o644); err != nil {
			return fmt.Errorf("compress: %w", err)
		}
		if err := os.Rename(tmp, out); err != nil {
			os.Remove(tmp)
			return fmt.Errorf("compress: %w", err)
		}
		fmt.Fprintf(stdout, "%s: %s in %s\n", out, humanSize(b.Len()), time.Since(start).Round(100*time.Millisecond))
	}
	return nil
}
