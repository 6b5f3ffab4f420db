//go:build !wasm

package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"stancemark/annotations"
)

// This file reads the INPUTs of "project new" from disk: files, and the
// article files of folders. What they hold is read by
// annotations.ReadProjectSources, as the app's "New project" reads the
// files chosen there.

// readProjectInputs reads every INPUT (a folder's article files in
// walking order), then the articles.
func readProjectInputs(names []string, cols annotations.ProjectColumns) (*annotations.ProjectSources, error) {
	var files []annotations.ProjectFile
	for _, name := range names {
		info, err := os.Stat(name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, unwrapPath(err))
		}
		if info.IsDir() {
			more, err := readFolder(name)
			if err != nil {
				return nil, err
			}
			files = append(files, more...)
			continue
		}
		f, err := readInputFile(name)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	ps, err := annotations.ReadProjectSources(files, cols)
	if errors.Is(err, annotations.ErrNoTextColumn) {
		what := "column" // of a CSV; a JSONL's is a field
		if strings.Contains(err.Error(), ": no field ") {
			what = "field"
		}
		err = fmt.Errorf("%w; name the text %s with -text-column", err, what)
	}
	return ps, err
}

// readInputFile reads one INPUT file.
func readInputFile(name string) (annotations.ProjectFile, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return annotations.ProjectFile{}, fmt.Errorf("%s: %w", name, unwrapPath(err))
	}
	return annotations.ProjectFile{Name: filepath.ToSlash(name), Data: data}, nil
}

// readFolder reads the article files of dir and its subfolders (hidden
// ones skipped).
func readFolder(dir string) ([]annotations.ProjectFile, error) {
	var files []annotations.ProjectFile
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !slices.Contains(annotations.ProjectArticleExts, strings.ToLower(filepath.Ext(path))) {
			return nil
		}
		f, err := readInputFile(path)
		files = append(files, f)
		return err
	})
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s: %w", pe.Path, pe.Err)
		}
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no article in the folder (it reads %s files)", dir, strings.Join(annotations.ProjectArticleExts, ", "))
	}
	return files, nil
}
