package annotations

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"

	"github.com/neurosnap/sentences"
)

// ModelSource returns the Punkt training data of a language (a language
// subtag of PunktLanguages, such as "de"): the JSON that
// github.com/neurosnap/sentences reads (sentences.LoadTraining), plain or
// gzip-compressed. It returns an error wrapping ErrNoModel when it has
// none.
//
// The models are not part of this package, so that they cost nothing when
// a program starts and are not linked into app.wasm: the command-line
// binary embeds web/models/punkt-LANG.json.gz (package stancemark/web/models,
// //go:build !wasm) and registers it with SetModelSource; the browser can
// fetch the same files from /web/models/ and register a source that
// returns the bytes it fetched.
type ModelSource func(lang string) ([]byte, error)

// ErrNoModel is returned (wrapped) when a language that segments with a
// Punkt model has no model: no ModelSource is registered, or the one that
// is has none for the language.
var ErrNoModel = errors.New("no sentence model for the language")

// PunktLanguages are the language subtags that segment with a Punkt model
// of their own (the training data github.com/neurosnap/sentences v1.1.2
// ships), in the order of their names: Czech, Danish, Dutch, Estonian,
// Finnish, French, German, Greek, Italian, Norwegian, Polish, Portuguese,
// Slovene, Spanish, Swedish, Turkish. "nb" and "nn" use Norwegian's.
// English has its model in the package (github.com/neurosnap/sentences/english).
var PunktLanguages = []string{"cs", "da", "nl", "et", "fi", "fr", "de", "el", "it", "no", "pl", "pt", "sl", "es", "sv", "tr"}

// punktModelOf returns the model a language subtag segments with.
func punktModelOf(lang string) (string, bool) {
	if lang == "nb" || lang == "nn" {
		return "no", true
	}
	return lang, slices.Contains(PunktLanguages, lang)
}

// models is the registered ModelSource and the tokenizers built from it,
// each on the first use of its language.
var models struct {
	sync.Mutex
	source ModelSource
	cache  map[string]*punktModel
}

type punktModel struct {
	once sync.Once
	tok  *sentences.DefaultSentenceTokenizer
	err  error
}

// SetModelSource registers where the Punkt models of PunktLanguages come
// from. A program sets it once, before it segments; nothing is read until
// a text in one of those languages is segmented, and each model is parsed
// once, on its first use. Setting it again drops the models parsed so far.
func SetModelSource(src ModelSource) {
	models.Lock()
	defer models.Unlock()
	models.source = src
	models.cache = nil
}

// punktTokenizer returns the Punkt tokenizer of model lang (a key of
// PunktLanguages), built on first use.
func punktTokenizer(lang string) (*sentences.DefaultSentenceTokenizer, error) {
	models.Lock()
	src := models.source
	m := models.cache[lang]
	if m == nil {
		if models.cache == nil {
			models.cache = map[string]*punktModel{}
		}
		m = &punktModel{}
		models.cache[lang] = m
	}
	models.Unlock()
	m.once.Do(func() { m.tok, m.err = loadPunkt(src, lang) })
	return m.tok, m.err
}

// loadPunkt reads and parses the model of lang from src.
func loadPunkt(src ModelSource, lang string) (*sentences.DefaultSentenceTokenizer, error) {
	if src == nil {
		return nil, fmt.Errorf("segmenting %q: %w (no model source is registered: see SetModelSource)", lang, ErrNoModel)
	}
	data, err := src(lang)
	if err != nil {
		return nil, fmt.Errorf("segmenting %q: reading its sentence model failed: %w", lang, err)
	}
	if len(data) > 2 && data[0] == 0x1f && data[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err == nil {
			data, err = io.ReadAll(zr)
		}
		if err != nil {
			return nil, fmt.Errorf("segmenting %q: its sentence model is not valid gzip: %w", lang, err)
		}
	}
	training, err := sentences.LoadTraining(data)
	if err != nil {
		return nil, fmt.Errorf("segmenting %q: its sentence model is not valid Punkt training data: %w", lang, err)
	}
	return sentences.NewSentenceTokenizer(training), nil
}
