package annotations

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"strings"
)

// OpenedKind is what an opened file turned out to be.
type OpenedKind int

// The kinds of file Open recognises.
const (
	OpenedDocument   OpenedKind = iota // an article: plain text, Markdown or HTML
	OpenedExport                       // a stancemark/v1 export: a document and its annotations
	OpenedAssignment                   // a stancemark-assignment/v1 file
	OpenedProject                      // a stancemark-project/v1 file
	OpenedSubmission                   // a stancemark-submission/v1 file (an annotator's work on a project)
	OpenedGold                         // a stancemark-gold/v1 file (gold labels and their adjudications)
)

// String returns "document", "export", "assignment", "project",
// "submission" or "gold file".
func (k OpenedKind) String() string {
	switch k {
	case OpenedExport:
		return "export"
	case OpenedAssignment:
		return "assignment"
	case OpenedProject:
		return "project"
	case OpenedSubmission:
		return "submission"
	case OpenedGold:
		return "gold file"
	}
	return "document"
}

// Opened is what Open found in a file. Document is set for an article, an
// export and an assignment: the article itself, or the document an export
// or an assignment is about.
type Opened struct {
	Kind       OpenedKind
	Document   *Document
	Export     *Export            // set when Kind is OpenedExport
	Assignment *Assignment        // set when Kind is OpenedAssignment
	Project    *Project           // set when Kind is OpenedProject
	Submission *ProjectSubmission // set when Kind is OpenedSubmission
	Gold       *Gold              // set when Kind is OpenedGold
}

// OpenError is Open's refusal: what the file was taken for, and why it
// cannot be opened as that. Err is an *ImportError wrapping a sentinel, so
// errors.Is(err, ErrNotText) and the like work on an *OpenError too.
type OpenError struct {
	Name string     // the name Open was given
	Kind OpenedKind // what the file was read as
	Err  error
}

// Error returns Err's message: it already names the file where that helps.
func (e *OpenError) Error() string { return e.Err.Error() }

// Unwrap returns Err.
func (e *OpenError) Unwrap() error { return e.Err }

// Open is the one way in for a file a person opens (from disk, a drop, a
// URL, the command line): it takes the file's name (a path or URL; only
// its extension is used) and its bytes, and says what they are.
//
//   - A JSON object whose "format" starts with "stancemark-assignment/" is
//     read by ReadAssignment; one whose "format" starts with "stancemark/"
//     by ReadExport. Either must then rebuild its document (Doc).
//   - One whose "format" starts with "stancemark-project/" is read by
//     ReadProject, and "stancemark-submission/" by ReadSubmission (these
//     have no single Document), and "stancemark-gold/" by ReadGold.
//   - Anything else is an article, read by ParseFile (text, Markdown or
//     HTML; other JSON is refused there).
//
// Every refusal is an *OpenError.
func Open(name string, data []byte) (*Opened, error) {
	kind := openedKindOf(data)
	if kind == OpenedDocument && brokenJSON(name, data) {
		kind = OpenedExport // ReadExport names the syntax error's line and column
	}
	switch kind {
	case OpenedAssignment:
		a, err := ReadAssignment(bytes.NewReader(data))
		var doc *Document
		if err == nil {
			doc, err = a.Doc()
		}
		if err != nil {
			return nil, &OpenError{Name: name, Kind: kind, Err: err}
		}
		return &Opened{Kind: kind, Document: doc, Assignment: a}, nil
	case OpenedExport:
		e, err := ReadExport(bytes.NewReader(data))
		var doc *Document
		if err == nil {
			doc, err = e.Doc()
		}
		if err != nil {
			return nil, &OpenError{Name: name, Kind: kind, Err: err}
		}
		return &Opened{Kind: kind, Document: doc, Export: e}, nil
	case OpenedProject:
		p, err := ReadProject(bytes.NewReader(data))
		if err != nil {
			return nil, &OpenError{Name: name, Kind: kind, Err: err}
		}
		return &Opened{Kind: kind, Project: p}, nil
	case OpenedSubmission:
		sub, err := ReadSubmission(bytes.NewReader(data))
		if err != nil {
			return nil, &OpenError{Name: name, Kind: kind, Err: err}
		}
		return &Opened{Kind: kind, Submission: sub}, nil
	case OpenedGold:
		g, err := ReadGold(bytes.NewReader(data))
		if err != nil {
			return nil, &OpenError{Name: name, Kind: kind, Err: err}
		}
		return &Opened{Kind: kind, Gold: g}, nil
	}
	doc, err := ParseFile(name, data)
	if err != nil {
		return nil, &OpenError{Name: name, Kind: OpenedDocument, Err: err}
	}
	return &Opened{Kind: OpenedDocument, Document: doc}, nil
}

// openedKindOf tells a Stancemark JSON file by its "format" field; any
// other content is taken for a document.
func openedKindOf(data []byte) OpenedKind {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return OpenedDocument
	}
	var head struct {
		Format string `json:"format"`
	}
	if f, ok := leadingFormat(trimmed); ok {
		head.Format = f // what Stancemark writes: a 10 MB project is not parsed twice
	} else {
		_ = json.Unmarshal(trimmed, &head) // JSON that does not parse is left to ParseFile
	}
	switch {
	case strings.HasPrefix(head.Format, "stancemark-assignment/"):
		return OpenedAssignment
	case strings.HasPrefix(head.Format, "stancemark-project/"):
		return OpenedProject
	case strings.HasPrefix(head.Format, "stancemark-submission/"):
		return OpenedSubmission
	case strings.HasPrefix(head.Format, "stancemark-gold/"):
		return OpenedGold
	case strings.HasPrefix(head.Format, "stancemark/"):
		return OpenedExport
	}
	return OpenedDocument
}

// brokenJSON reports whether data is meant as JSON (a .json name, or an
// object naming a "format") and does not parse: it is refused as JSON,
// with its syntax error, not read as an article.
func brokenJSON(name string, data []byte) bool {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 || trimmed[0] != '{' || json.Valid(trimmed) {
		return false
	}
	return strings.EqualFold(path.Ext(name), ".json") || bytes.Contains(trimmed, []byte(`"format"`))
}

// leadingFormat is the "format" of a JSON object whose first key it is
// (as in every file Stancemark writes), if the rest parses; ok false
// otherwise, and the caller reads the whole object. A project (megabytes)
// is not checked here: ReadProject checks it in its one pass, and a broken
// one is refused as a project, naming where its JSON breaks.
func leadingFormat(data []byte) (string, bool) {
	sc := &scanner{data: data}
	if !sc.expect('{') {
		return "", false
	}
	if key, ok := sc.str(); !ok || key != "format" || !sc.expect(':') {
		return "", false
	}
	f, ok := sc.str()
	if !ok || !strings.HasPrefix(f, "stancemark-project/") && !json.Valid(data) { // a file that does not parse is not taken for its format
		return "", false
	}
	return f, true
}

// String is for tests and logs: `export "Title"`.
func (o *Opened) String() string {
	switch {
	case o.Project != nil:
		return fmt.Sprintf("%s %q", o.Kind, o.Project.Title)
	case o.Submission != nil:
		return fmt.Sprintf("%s of %s by %q", o.Kind, o.Submission.Project, o.Submission.Annotator)
	case o.Gold != nil:
		return fmt.Sprintf("%s with %d labels", o.Kind, len(o.Gold.Entries))
	}
	return fmt.Sprintf("%s %q", o.Kind, o.Document.Title)
}
