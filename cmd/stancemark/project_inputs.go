//go:build !wasm

package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"stancemark/annotations"
)

// This file reads the INPUTs of "project new": articles from files,
// folders, CSV and JSONL, and FNC-1's bodies.csv and stances.csv.

// columns names the columns of article CSV and JSONL inputs.
type columns struct{ id, title, text string }

// pendingArticle is an article read but not yet segmented.
type pendingArticle struct {
	key, source string
	meta        map[string]string
	build       func() (*annotations.Document, error) // its error names the file and line
	doc         *annotations.Document
}

// projectInputs is what the INPUTs hold.
type projectInputs struct {
	articles []*pendingArticle
	keys     map[string]string // article key -> its source
	pairs    []annotations.PairInput
	claims   []string // from -claims
	fnc1     bool     // a stances.csv was read
}

// articleExts are the extensions of the files read from a folder.
var articleExts = []string{".txt", ".text", ".md", ".markdown", ".mdown", ".mkd", ".html", ".htm", ".xhtml"}

// readProjectInputs reads every INPUT, then segments the articles (several
// at a time).
func readProjectInputs(names []string, cols columns) (*projectInputs, error) {
	in := &projectInputs{keys: map[string]string{}}
	for _, name := range names {
		info, err := os.Stat(name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, unwrapPath(err))
		}
		if info.IsDir() {
			if err := in.readFolder(name); err != nil {
				return nil, err
			}
			continue
		}
		if err := in.readFile(name, cols); err != nil {
			return nil, err
		}
	}
	switch {
	case len(in.articles) == 0 && len(in.pairs) > 0:
		return nil, fmt.Errorf("%s: no article for its Body IDs: give FNC-1's bodies.csv too", in.pairs[0].Source)
	case len(in.articles) == 0:
		return nil, fmt.Errorf("no article in %s", strings.Join(names, ", "))
	}
	return in, in.build()
}

func (in *projectInputs) readFolder(dir string) error {
	n := len(in.articles)
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
		if d.IsDir() || !slices.Contains(articleExts, strings.ToLower(filepath.Ext(path))) {
			return nil
		}
		return in.readArticleFile(path)
	})
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return fmt.Errorf("%s: %w", pe.Path, pe.Err)
		}
		return err
	}
	if len(in.articles) == n {
		return fmt.Errorf("%s: no article in the folder (it reads %s files)", dir, strings.Join(articleExts, ", "))
	}
	return nil
}

func (in *projectInputs) readFile(name string, cols columns) error {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return in.readCSV(name, cols)
	case ".jsonl", ".ndjson":
		return in.readJSONL(name, cols)
	}
	return in.readArticleFile(name)
}

// readArticleFile reads one article file as the app opens it.
func (in *projectInputs) readArticleFile(name string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return fmt.Errorf("%s: %w", name, unwrapPath(err))
	}
	key := filepath.ToSlash(name)
	return in.add(&pendingArticle{key: key, source: key, build: func() (*annotations.Document, error) {
		o, err := annotations.Open(name, data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return o.Document, nil
	}})
}

// add adds an article, refusing a key already used.
func (in *projectInputs) add(a *pendingArticle) error {
	if prev, ok := in.keys[a.key]; ok {
		return fmt.Errorf("%s: the article %q is also at %s", a.source, a.key, prev)
	}
	in.keys[a.key] = a.source
	in.articles = append(in.articles, a)
	return nil
}

// csvFile is a CSV input with its header.
type csvFile struct {
	name   string
	r      *csv.Reader
	header []string
}

func (f *csvFile) col(name string) int { return slices.Index(f.header, name) }

// errAt returns an error at field i of the last record read.
func (f *csvFile) errAt(i int, format string, args ...any) error {
	line, col := f.r.FieldPos(i)
	return fmt.Errorf("%s:%d:%d: %s", f.name, line, col, fmt.Sprintf(format, args...))
}

// csvErr names the file, line and column of a CSV syntax error.
func csvErr(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s:%d:%d: %v", name, pe.Line, pe.Column, pe.Err)
	}
	return fmt.Errorf("%s: %w", name, err)
}

// readCSV reads FNC-1's bodies.csv or stances.csv, or an article CSV, told
// apart by the header.
func (in *projectInputs) readCSV(name string, cols columns) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return fmt.Errorf("%s: %w", name, unwrapPath(err))
	}
	f := &csvFile{name: name, r: csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))}
	if f.header, err = f.r.Read(); err != nil {
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("%s: the file is empty (it needs a header line)", name)
		}
		return csvErr(name, err)
	}
	for i := range f.header {
		f.header[i] = strings.TrimSpace(f.header[i])
	}
	switch {
	case f.col("Body ID") >= 0 && f.col("articleBody") >= 0:
		return in.readBodies(f)
	case f.col("Headline") >= 0 && f.col("Body ID") >= 0:
		return in.readStances(f)
	}
	text := f.col(cols.text)
	if text < 0 {
		return fmt.Errorf("%s:1: no column %q (the header has %s); name the text column with -text-column", name, cols.text, strings.Join(f.header, ", "))
	}
	return f.each(func(rec []string, line int) error {
		get := func(name string) string {
			if i := f.col(name); i >= 0 {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		meta := map[string]string{}
		for i, h := range f.header {
			if i != text && h != cols.title && strings.TrimSpace(rec[i]) != "" {
				meta[h] = rec[i]
			}
		}
		source := fmt.Sprintf("%s:%d", name, line)
		return in.addRow(source, rowKey(name, get(cols.id)), get(cols.id), get(cols.title), rec[text], meta, func(msg string) error { return f.errAt(text, "%s", msg) })
	})
}

// each calls fn with every record after the header and its line.
func (f *csvFile) each(fn func(rec []string, line int) error) error {
	for {
		rec, err := f.r.Read()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return csvErr(f.name, err)
		}
		line, _ := f.r.FieldPos(0)
		if err := fn(rec, line); err != nil {
			return err
		}
	}
}

// rowKey is the key of an article CSV or JSONL row: "FILE#ID", so that
// only FNC-1's Body IDs are keys a stances.csv can name ("" without an id:
// the row is keyed by its source).
func rowKey(name, id string) string {
	if id == "" {
		return ""
	}
	return filepath.ToSlash(name) + "#" + id
}

// addRow adds the article of one CSV row or JSONL line: keyed by key (else
// its source), titled by its title (else its id, else its source).
func (in *projectInputs) addRow(source, key, id, title, text string, meta map[string]string, fail func(string) error) error {
	if key == "" {
		key = source
	}
	if title == "" {
		title = id
	}
	if title == "" {
		title = source
	}
	if len(meta) == 0 {
		meta = nil
	}
	if strings.TrimSpace(text) == "" {
		return fail("the text is empty")
	}
	return in.add(&pendingArticle{key: key, source: source, meta: meta, build: func() (*annotations.Document, error) {
		d, err := annotations.NewDocument(title, text)
		if err != nil {
			return nil, fail(err.Error())
		}
		return d, nil
	}})
}

// readBodies reads FNC-1's bodies.csv: Body ID, articleBody.
func (in *projectInputs) readBodies(f *csvFile) error {
	idCol, bodyCol := f.col("Body ID"), f.col("articleBody")
	return f.each(func(rec []string, line int) error {
		id := strings.TrimSpace(rec[idCol])
		if id == "" {
			return f.errAt(idCol, "the Body ID is empty")
		}
		source := fmt.Sprintf("%s:%d", f.name, line)
		return in.addRow(source, id, id, "Body "+id, rec[bodyCol], map[string]string{"body_id": id},
			func(msg string) error { return f.errAt(bodyCol, "%s", msg) })
	})
}

// readStances reads FNC-1's stances.csv: Headline, Body ID[, Stance].
func (in *projectInputs) readStances(f *csvFile) error {
	in.fnc1 = true
	hCol, idCol, sCol := f.col("Headline"), f.col("Body ID"), f.col("Stance")
	return f.each(func(rec []string, line int) error {
		p := annotations.PairInput{
			Article: strings.TrimSpace(rec[idCol]), Claim: strings.TrimSpace(rec[hCol]),
			Source: fmt.Sprintf("%s:%d", f.name, line),
		}
		if sCol >= 0 {
			p.Reference = strings.ToLower(strings.TrimSpace(rec[sCol]))
		}
		switch {
		case p.Claim == "":
			return f.errAt(hCol, "the Headline is empty")
		case p.Article == "":
			return f.errAt(idCol, "the Body ID is empty")
		}
		in.pairs = append(in.pairs, p)
		return nil
	})
}

// build segments every article, several at a time, and returns the first
// error in input order.
func (in *projectInputs) build() error {
	errs := make([]error, len(in.articles))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(in.articles)) {
		wg.Go(func() {
			for i := range next {
				in.articles[i].doc, errs[i] = in.articles[i].build()
			}
		})
	}
	for i := range in.articles {
		next <- i
	}
	close(next)
	wg.Wait()
	return firstNonNil(errs)
}

func firstNonNil(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// complete checks the pairs against the articles and makes the tasks of
// the articles no input pairs: each against every claim of -claims.
func (in *projectInputs) complete() error {
	paired := map[string]bool{}
	for _, p := range in.pairs {
		if _, ok := in.keys[p.Article]; !ok {
			return fmt.Errorf("%s: Body ID %q is not among the articles (give its bodies.csv too)", p.Source, p.Article)
		}
		paired[p.Article] = true
	}
	if len(in.pairs) == 0 {
		if len(in.claims) == 0 {
			return usageError{"the inputs have no claims: give them with -claims FILE (one claim per line)"}
		}
		return nil
	}
	for _, a := range in.articles {
		if paired[a.key] {
			continue
		}
		if len(in.claims) == 0 {
			return usageError{fmt.Sprintf("%s: no input pairs this article with a claim: give claims with -claims FILE", a.source)}
		}
		for _, c := range in.claims {
			in.pairs = append(in.pairs, annotations.PairInput{Article: a.key, Claim: c, Source: a.source})
		}
	}
	return nil
}

func (in *projectInputs) addClaims(claims []string) error {
	in.claims = append(in.claims, claims...)
	return nil
}

// checkReferences checks that every reference stance is a label of s.
func (in *projectInputs) checkReferences(s annotations.Scheme) error {
	for _, p := range in.pairs {
		if p.Reference == "" {
			continue
		}
		if _, ok := s.Label(p.Reference); !ok {
			var ids []string
			for _, l := range s.Labels {
				ids = append(ids, l.ID)
			}
			return fmt.Errorf("%s: the stance %q is not a label of the scheme %q (it has %s); choose the labels with -labels",
				p.Source, p.Reference, s.ID, strings.Join(ids, ", "))
		}
	}
	return nil
}

// projectInput returns the inputs as NewProject takes them.
func (in *projectInputs) projectInput() annotations.ProjectInput {
	pi := annotations.ProjectInput{Articles: make([]annotations.ArticleInput, len(in.articles)), Pairs: in.pairs}
	for i, a := range in.articles {
		pi.Articles[i] = annotations.ArticleInput{Key: a.key, Document: a.doc, Source: a.source, Meta: a.meta}
	}
	if len(in.pairs) == 0 {
		pi.Claims = in.claims
	}
	return pi
}
