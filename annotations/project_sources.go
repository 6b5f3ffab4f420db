package annotations

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// The inputs of a new project, as `stancemark project new` and the app's
// "New project" read them: article files, CSV and JSONL tables of
// articles, and FNC-1's bodies.csv and stances.csv. Both read the same
// bytes with ReadProjectSources and build with ProjectSources.Project, so
// the same files give the same project, byte for byte.

// ProjectFile is one input of a new project: its name (as errors name it
// and as the documents' Source keeps it, with / between folders) and its
// bytes.
type ProjectFile struct {
	Name string
	Data []byte
}

// ProjectColumns names the columns (or JSONL fields) of article tables;
// an empty name is the default: "id", "title", "text".
type ProjectColumns struct{ ID, Title, Text string }

func (c ProjectColumns) orDefaults() ProjectColumns {
	if c.ID == "" {
		c.ID = "id"
	}
	if c.Title == "" {
		c.Title = "title"
	}
	if c.Text == "" {
		c.Text = "text"
	}
	return c
}

// ProjectFileKind is what a project input holds, told by its extension
// and, for CSV, its header.
type ProjectFileKind int

const (
	ProjectArticle ProjectFileKind = iota // one article: .txt, .md, .html (as the app opens it)
	ProjectTable                          // articles, one per CSV row or JSONL line
	ProjectBodies                         // FNC-1's bodies.csv: Body ID, articleBody
	ProjectStances                        // FNC-1's stances.csv: Headline, Body ID[, Stance]
)

// String names the kind for people.
func (k ProjectFileKind) String() string {
	switch k {
	case ProjectTable:
		return "articles, one per row"
	case ProjectBodies:
		return "FNC-1 bodies (Body ID, articleBody)"
	case ProjectStances:
		return "FNC-1 stances: each headline is a claim, each row a task"
	}
	return "an article"
}

// ProjectArticleExts are the extensions of article files (the CLI reads
// these from a folder).
var ProjectArticleExts = []string{".txt", ".text", ".md", ".markdown", ".mdown", ".mkd", ".html", ".htm", ".xhtml"}

// SniffProjectFile says what the input f is and, for a table, its columns
// (a CSV's header; a JSONL's fields, in first-seen order over its lines).
// The error names the file, line and column of a table that cannot be
// read.
func SniffProjectFile(f ProjectFile) (ProjectFileKind, []string, error) {
	switch strings.ToLower(path.Ext(f.Name)) {
	case ".csv":
		c, err := openCSV(f)
		if err != nil {
			return ProjectTable, nil, err
		}
		return c.kind(), c.header, nil
	case ".jsonl", ".ndjson":
		cols, err := jsonlFields(f)
		return ProjectTable, cols, err
	}
	return ProjectArticle, nil, nil
}

// pendingArticle is an article read but not yet segmented.
type pendingArticle struct {
	key, source string
	meta        map[string]string
	build       func() (*Document, error) // its error names the file and line
	doc         *Document
}

// ProjectSources is what the inputs of a new project hold: the articles,
// segmented, and the pairs (tasks) of a stances.csv.
type ProjectSources struct {
	// FNC1 is true when a stances.csv was read: the labels then default
	// to the fnc1 preset.
	FNC1     bool
	articles []*pendingArticle
	keys     map[string]string // article key -> its source
	pairs    []PairInput
}

// ReadProjectSources reads every input in order, then segments the
// articles (several at a time). Its errors name the file, and the line
// and column where there is one, such as
//
//	bad.csv:3:15: extraneous or missing " in quoted-field
func ReadProjectSources(files []ProjectFile, cols ProjectColumns) (*ProjectSources, error) {
	cols = cols.orDefaults()
	ps := &ProjectSources{keys: map[string]string{}}
	for _, f := range files {
		if err := ps.read(f, cols); err != nil {
			return nil, err
		}
	}
	switch {
	case len(ps.articles) == 0 && len(ps.pairs) > 0:
		return nil, fmt.Errorf("%s: no article for its Body IDs: give FNC-1's bodies.csv too", ps.pairs[0].Source)
	case len(ps.articles) == 0:
		names := make([]string, len(files))
		for i, f := range files {
			names[i] = f.Name
		}
		return nil, fmt.Errorf("no article in %s", strings.Join(names, ", "))
	}
	return ps, ps.build()
}

func (ps *ProjectSources) read(f ProjectFile, cols ProjectColumns) error {
	switch strings.ToLower(path.Ext(f.Name)) {
	case ".csv":
		return ps.readCSV(f, cols)
	case ".jsonl", ".ndjson":
		return ps.readJSONL(f, cols)
	}
	name, data := f.Name, f.Data
	return ps.add(&pendingArticle{key: name, source: name, build: func() (*Document, error) {
		o, err := Open(name, data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return o.Document, nil
	}})
}

// add adds an article, refusing a key already used.
func (ps *ProjectSources) add(a *pendingArticle) error {
	if prev, ok := ps.keys[a.key]; ok {
		return fmt.Errorf("%s: the article %q is also at %s", a.source, a.key, prev)
	}
	ps.keys[a.key] = a.source
	ps.articles = append(ps.articles, a)
	return nil
}

// csvFile is a CSV input with its header.
type csvFile struct {
	name   string
	r      *csv.Reader
	header []string
}

// openCSV reads the header of the CSV f.
func openCSV(f ProjectFile) (*csvFile, error) {
	c := &csvFile{name: f.Name, r: csv.NewReader(bytes.NewReader(bytes.TrimPrefix(f.Data, []byte("\uFEFF"))))}
	var err error
	if c.header, err = c.r.Read(); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: the file is empty (it needs a header line)", f.Name)
		}
		return nil, csvFileErr(f.Name, err)
	}
	for i := range c.header {
		c.header[i] = strings.TrimSpace(c.header[i])
	}
	return c, nil
}

// kind tells FNC-1's files from article tables by the header.
func (c *csvFile) kind() ProjectFileKind {
	switch {
	case c.col("Body ID") >= 0 && c.col("articleBody") >= 0:
		return ProjectBodies
	case c.col("Headline") >= 0 && c.col("Body ID") >= 0:
		return ProjectStances
	}
	return ProjectTable
}

func (c *csvFile) col(name string) int { return slices.Index(c.header, name) }

// errAt returns an error at field i of the last record read.
func (c *csvFile) errAt(i int, format string, args ...any) error {
	line, col := c.r.FieldPos(i)
	return fmt.Errorf("%s:%d:%d: %s", c.name, line, col, fmt.Sprintf(format, args...))
}

// csvFileErr names the file, line and column of a CSV syntax error.
func csvFileErr(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s:%d:%d: %v", name, pe.Line, pe.Column, pe.Err)
	}
	return fmt.Errorf("%s: %w", name, err)
}

// each calls fn with every record after the header and its line.
func (c *csvFile) each(fn func(rec []string, line int) error) error {
	for {
		rec, err := c.r.Read()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return csvFileErr(c.name, err)
		}
		line, _ := c.r.FieldPos(0)
		if err := fn(rec, line); err != nil {
			return err
		}
	}
}

// readCSV reads FNC-1's bodies.csv or stances.csv, or an article CSV, told
// apart by the header.
func (ps *ProjectSources) readCSV(f ProjectFile, cols ProjectColumns) error {
	c, err := openCSV(f)
	if err != nil {
		return err
	}
	switch c.kind() {
	case ProjectBodies:
		return ps.readBodies(c)
	case ProjectStances:
		return ps.readStances(c)
	}
	text := c.col(cols.Text)
	if text < 0 {
		return becausef(ErrNoTextColumn, "%s:1: no column %q (the header has %s)", f.Name, cols.Text, strings.Join(c.header, ", "))
	}
	return c.each(func(rec []string, line int) error {
		get := func(name string) string {
			if i := c.col(name); i >= 0 {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		meta := map[string]string{}
		for i, h := range c.header {
			if i != text && h != cols.Title && strings.TrimSpace(rec[i]) != "" {
				meta[h] = rec[i]
			}
		}
		source := fmt.Sprintf("%s:%d", f.Name, line)
		return ps.addRow(source, rowKey(f.Name, get(cols.ID)), get(cols.ID), get(cols.Title), rec[text], meta, func(msg string) error { return c.errAt(text, "%s", msg) })
	})
}

// rowKey is the key of an article CSV or JSONL row: "FILE#ID", so that
// only FNC-1's Body IDs are keys a stances.csv can name ("" without an id:
// the row is keyed by its source).
func rowKey(name, id string) string {
	if id == "" {
		return ""
	}
	return name + "#" + id
}

// addRow adds the article of one CSV row or JSONL line: keyed by key (else
// its source), titled by its title (else its id, else its source).
func (ps *ProjectSources) addRow(source, key, id, title, text string, meta map[string]string, fail func(string) error) error {
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
	return ps.add(&pendingArticle{key: key, source: source, meta: meta, build: func() (*Document, error) {
		d, err := NewDocument(title, text)
		if err != nil {
			return nil, fail(err.Error())
		}
		return d, nil
	}})
}

// readBodies reads FNC-1's bodies.csv: Body ID, articleBody.
func (ps *ProjectSources) readBodies(c *csvFile) error {
	idCol, bodyCol := c.col("Body ID"), c.col("articleBody")
	return c.each(func(rec []string, line int) error {
		id := strings.TrimSpace(rec[idCol])
		if id == "" {
			return c.errAt(idCol, "the Body ID is empty")
		}
		source := fmt.Sprintf("%s:%d", c.name, line)
		return ps.addRow(source, id, id, "Body "+id, rec[bodyCol], map[string]string{"body_id": id},
			func(msg string) error { return c.errAt(bodyCol, "%s", msg) })
	})
}

// readStances reads FNC-1's stances.csv: Headline, Body ID[, Stance].
func (ps *ProjectSources) readStances(c *csvFile) error {
	ps.FNC1 = true
	hCol, idCol, sCol := c.col("Headline"), c.col("Body ID"), c.col("Stance")
	return c.each(func(rec []string, line int) error {
		p := PairInput{
			Article: strings.TrimSpace(rec[idCol]), Claim: strings.TrimSpace(rec[hCol]),
			Source: fmt.Sprintf("%s:%d", c.name, line),
		}
		if sCol >= 0 {
			p.Reference = strings.ToLower(strings.TrimSpace(rec[sCol]))
		}
		switch {
		case p.Claim == "":
			return c.errAt(hCol, "the Headline is empty")
		case p.Article == "":
			return c.errAt(idCol, "the Body ID is empty")
		}
		ps.pairs = append(ps.pairs, p)
		return nil
	})
}

// build segments every article, several at a time, and returns the first
// error in input order.
func (ps *ProjectSources) build() error {
	errs := make([]error, len(ps.articles))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(ps.articles)) {
		wg.Go(func() {
			for i := range next {
				ps.articles[i].doc, errs[i] = ps.articles[i].build()
			}
		})
	}
	for i := range ps.articles {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Articles is how many articles the inputs hold; Pairs how many tasks they
// list (a stances.csv's rows).
func (ps *ProjectSources) Articles() int { return len(ps.articles) }

// Pairs is how many tasks the inputs list (a stances.csv's rows).
func (ps *ProjectSources) Pairs() int { return len(ps.pairs) }
