//go:build !wasm

// Package models embeds the Punkt sentence models of the languages
// annotations.PunktLanguages lists, gzip-compressed, for the command-line
// binary (annotations.SetModelSource). It is never linked into app.wasm
// (//go:build !wasm): the browser can fetch the same files from
// /web/models/. See README.md here for where they come from and their
// licence.
package models

import (
	"embed"
	"fmt"
	"io/fs"

	"stancemark/annotations"
)

//go:embed punkt-*.json.gz
var files embed.FS

// Punkt returns the gzip-compressed Punkt model of lang (a language subtag
// of annotations.PunktLanguages); it is an annotations.ModelSource.
func Punkt(lang string) ([]byte, error) {
	b, err := fs.ReadFile(files, "punkt-"+lang+".json.gz")
	if err != nil {
		return nil, fmt.Errorf("%w: no punkt-%s.json.gz is embedded", annotations.ErrNoModel, lang)
	}
	return b, nil
}
