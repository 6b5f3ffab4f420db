package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// The files the subcommands read and write: a FILE argument ("-" is
// standard input) and the -o file ("-" is standard output).

// readFileArg reads the file name, or standard input for "-", up to one byte
// more than max (the readers refuse more). Its error starts with the file
// name.
func readFileArg(name string, stdin io.Reader, max int64) ([]byte, error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, unwrapPath(err))
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, unwrapPath(err))
	}
	return data, nil
}

// unwrapPath drops the *os.PathError around err: the caller names the file.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// writeAtomic writes data to the file name through a temporary file in the
// same folder renamed over it, so that a failure never leaves half a file
// ("-" writes to stdout).
func writeAtomic(name string, data []byte, stdout io.Writer) error {
	if name == "-" {
		_, err := stdout.Write(data)
		return err
	}
	return writeAtomicFunc(name, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeAtomicFunc is writeAtomic for a file written as a stream by write
// (the dataset's tables and convert's output, which need not be held in
// memory whole). An error of write is returned as it is, and the file is
// left as it was.
func writeAtomicFunc(name string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return fmt.Errorf("writing %s failed: %w", name, unwrapPath(err))
	}
	tmp := f.Name()
	fail := func(err error) error {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("writing %s failed: %w", name, unwrapPath(err))
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	if err := write(bw); err != nil {
		f.Close()
		os.Remove(tmp)
		return err // write's own error says what failed
	}
	if err := bw.Flush(); err != nil {
		return fail(err)
	}
	if err := f.Chmod(0o644); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s failed: %w", name, unwrapPath(err))
	}
	if err := os.Rename(tmp, name); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s failed: %w", name, unwrapPath(err))
	}
	return nil
}

// writeOutput writes data to the file name, or to stdout when name is ""
// or "-".
func writeOutput(name string, data []byte, stdout io.Writer) error {
	if name == "" || name == "-" {
		_, err := stdout.Write(data)
		return err
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		return fmt.Errorf("writing %s failed: %w", name, err)
	}
	return nil
}
