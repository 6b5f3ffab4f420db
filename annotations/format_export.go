package annotations

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// FormatV1 is the "format" of a native export.
const FormatV1 = "stancemark/v1"

// MaxImportBytes is the size of the largest article, assignment or
// submission file the readers read.
const MaxImportBytes = 20 << 20

// MaxExportBytes is the size of the largest export ReadExport reads: what
// the export of a document of MaxSentences sentences made from a file of
// MaxImportBytes can reach, with a highlight on every sentence and notes
// of up to 2×MaxImportBytes in all. It is the sum of the parts below
// (TestMaxExportBytes writes such an export and reads it back), about
// 149 MB; WriteFormat refuses to write a larger export, so whatever
// Stancemark writes, it reads.
const MaxExportBytes = exportTextBytes + MaxSentences*(exportSentenceBytes+exportHighlightBytes) + exportNoteBytes + exportRestBytes

// The parts of MaxExportBytes, as WriteExport writes them (indented).
const (
	// the text: from a file of at most MaxImportBytes, and JSON escaping
	// at most doubles it (a quote or a backslash takes two bytes; the
	// canonical text has no control character but "\n")
	exportTextBytes = 2 * MaxImportBytes
	// one entry of document.sentences with 9-digit offsets (about 110)
	exportSentenceBytes = 160
	// one highlight on one sentence without its note: its id, a label id of
	// MaxLabelRunes escaped 4-byte characters (800), the sentence id, the
	// times and the indentation
	exportHighlightBytes = 1200
	// every note together
	exportNoteBytes = 2 * MaxImportBytes
	// the scheme (its labels and the target), the title, the annotator
	exportRestBytes = 4 << 20
)

// Export is a native export ("stancemark/v1"): one annotator's highlights
// on one document under one scheme. See the package documentation for the
// format.
type Export struct {
	Format      string          `json:"format"`
	Exported    time.Time       `json:"exported"`
	Assignment  string          `json:"assignment,omitempty"`
	Annotator   ExportAnnotator `json:"annotator"`
	Document    ExportDocument  `json:"document"`
	Scheme      Scheme          `json:"scheme"`
	Annotations []Annotation    `json:"annotations"`
}

// ExportAnnotator names who made the annotations of an Export.
type ExportAnnotator struct {
	Name string `json:"name"`
}

// ExportDocument is the document of an Export, with its sentences' offsets.
type ExportDocument struct {
	ID        string           `json:"id"`
	Title     string           `json:"title"`
	Text      string           `json:"text"`
	Sentences []ExportSentence `json:"sentences"`
}

// ExportSentence is one sentence of an ExportDocument.
type ExportSentence struct {
	ID        string `json:"id"`
	Paragraph int    `json:"paragraph"`
	Start     int    `json:"start"` // Unicode code points into ExportDocument.Text, inclusive
	End       int    `json:"end"`   // Unicode code points into ExportDocument.Text, exclusive
}

// exportWire is the JSON form of an Export.
type exportWire struct {
	Format      string           `json:"format"`
	Exported    string           `json:"exported"`
	Assignment  string           `json:"assignment,omitempty"`
	Annotator   ExportAnnotator  `json:"annotator"`
	Document    ExportDocument   `json:"document"`
	Scheme      Scheme           `json:"scheme"`
	Annotations []annotationWire `json:"annotations"`
}

// exportFields are the top-level fields of an export.
var exportFields = []string{"format", "exported", "assignment", "annotator", "document", "scheme", "annotations"}

// MarshalJSON writes e with times in UTC and millisecond precision and
// empty lists as [] (never null).
func (e Export) MarshalJSON() ([]byte, error) {
	w := exportWire{
		Format: e.Format, Exported: formatTime(e.Exported), Assignment: e.Assignment,
		Annotator: e.Annotator, Document: e.Document, Scheme: e.Scheme,
		Annotations: wireAnnotations(e.Annotations),
	}
	if w.Document.Sentences == nil {
		w.Document.Sentences = []ExportSentence{}
	}
	if w.Scheme.Labels == nil {
		w.Scheme.Labels = []Label{}
	}
	return marshalNoEscape(w)
}

// UnmarshalJSON reads e strictly (unknown fields, missing fields, wrong
// types and bad times are *ImportError values naming the field). It does not
// Validate e; ReadExport does.
func (e *Export) UnmarshalJSON(data []byte) error {
	got, err := decodeExport(data)
	if err != nil {
		return err
	}
	*e = *got
	return nil
}

// ReadExport reads a native export from r: at most MaxExportBytes, with or
// without a leading UTF-8 byte order mark, as strict JSON, then validates it
// (see Export.Validate). Every error is an *ImportError.
func ReadExport(r io.Reader) (*Export, error) {
	data, err := readLimitedTo(r, MaxExportBytes)
	if err != nil {
		return nil, err
	}
	e, ok := fastDecodeExport(data)
	if !ok {
		if err := checkSyntax(data); err != nil {
			return nil, err
		}
		if e, err = decodeExport(data); err != nil {
			return nil, err
		}
	}
	if err := e.Validate(); err != nil {
		return nil, err
	}
	return e, nil
}

// readLimited reads r up to MaxImportBytes and drops a leading BOM.
func readLimited(r io.Reader) ([]byte, error) { return readLimitedTo(r, MaxImportBytes) }

// readLimitedTo reads r up to max bytes and drops a leading BOM.
func readLimitedTo(r io.Reader, max int) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, &ImportError{Err: fmt.Errorf("reading the file failed: %w", err)}
	}
	if len(data) > max {
		return nil, &ImportError{Err: because(fmt.Sprintf("the file is larger than %d MB", max>>20), ErrTooLarge)}
	}
	return bytes.TrimPrefix(data, []byte("\uFEFF")), nil
}

// decodeExport reads the fields of an export strictly. data is valid JSON.
func decodeExport(data []byte) (*Export, error) {
	o, format, err := decodeFile(data, "export", func(got string) error { return checkFormat(got, FormatV1) }, "an export", exportFields)
	if err != nil {
		return nil, err
	}
	e := &Export{Format: format}
	if err := decodeExportHead(o, e); err != nil {
		return nil, err
	}
	do, err := o.object("document", true)
	if err != nil {
		return nil, err
	}
	if e.Document, err = decodeExportDocument(do); err != nil {
		return nil, err
	}
	if e.Scheme, err = decodeExportScheme(o); err != nil {
		return nil, err
	}
	items, err := o.list("annotations", true)
	if err != nil {
		return nil, err
	}
	if e.Annotations, err = decodeAnnotations(items, "annotations"); err != nil {
		return nil, err
	}
	return e, nil
}

// decodeExportHead reads when an export was made, its assignment and its
// annotator.
func decodeExportHead(o *jsonObject, e *Export) error {
	if err := o.time("exported", true, &e.Exported); err != nil {
		return err
	}
	if err := o.str("assignment", false, &e.Assignment); err != nil {
		return err
	}
	ao, err := o.object("annotator", false)
	if err != nil || ao == nil {
		return err
	}
	if err := ao.only("annotator", "name"); err != nil {
		return err
	}
	return ao.str("name", false, &e.Annotator.Name)
}

// decodeExportScheme reads the scheme of an export.
func decodeExportScheme(o *jsonObject) (Scheme, error) {
	so, err := o.object("scheme", true)
	if err != nil {
		return Scheme{}, err
	}
	return decodeScheme(so)
}

func decodeExportDocument(o *jsonObject) (ExportDocument, error) {
	var d ExportDocument
	if err := o.only("the document", "id", "title", "text", "sentences"); err != nil {
		return d, err
	}
	for _, f := range []struct {
		name string
		dst  *string
	}{{"id", &d.ID}, {"title", &d.Title}, {"text", &d.Text}} {
		if err := o.str(f.name, true, f.dst); err != nil {
			return d, err
		}
	}
	items, err := o.list("sentences", true)
	if err != nil {
		return d, err
	}
	d.Sentences = make([]ExportSentence, len(items))
	for i, item := range items {
		so, err := decodeObject(item, elemPath(fieldPath(o.path, "sentences"), i))
		if err != nil {
			return d, err
		}
		s := &d.Sentences[i]
		if err := so.only("a sentence", "id", "paragraph", "start", "end"); err != nil {
			return d, err
		}
		if err := so.str("id", true, &s.ID); err != nil {
			return d, err
		}
		for _, f := range []struct {
			name string
			dst  *int
		}{{"paragraph", &s.Paragraph}, {"start", &s.Start}, {"end", &s.End}} {
			if err := so.int(f.name, true, f.dst); err != nil {
				return d, err
			}
		}
	}
	return d, nil
}

// marshal is json.Marshal without escaping <, > and & (the files are data,
// never HTML).
func marshalNoEscape(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// WriteExport writes e as JSON indented by two spaces with a trailing
// newline. Times are UTC with exactly millisecond precision
// ("2006-01-02T15:04:05.000Z") and empty lists are written as []. It does
// not validate e.
func WriteExport(w io.Writer, e *Export) error {
	return writeIndented(w, e)
}

// ExportDocument returns d as it appears in an export.
func (d *Document) ExportDocument() ExportDocument {
	ss := make([]ExportSentence, len(d.Sentences))
	for i, s := range d.Sentences {
		ss[i] = ExportSentence{ID: s.ID, Paragraph: s.Paragraph, Start: s.Start, End: s.End}
	}
	return ExportDocument{ID: d.ID, Title: d.Title, Text: d.Text, Sentences: ss}
}

// Doc rebuilds the Document of e from its title, its text and its own
// sentence boundaries (DocumentFromSentences): the text is not split again,
// so an export made by an earlier version of Stancemark keeps its
// sentences. The sentences must be valid for the text; the error names the
// field.
func (e *Export) Doc() (*Document, error) {
	text, _ := CanonicalText(e.Document.Text)
	if text != e.Document.Text {
		return nil, fieldErrf("document.text", ErrBadValue, "is not in Stancemark's canonical form (paragraphs separated by one blank line)")
	}
	if strings.TrimFunc(text, isSpace) == "" {
		return nil, fieldErr("document.text", ErrEmptyDocument)
	}
	if DocumentID(text) != e.Document.ID {
		return nil, fieldErrf("document.id", ErrHashMismatch, "%q does not match the document text", e.Document.ID)
	}
	d, err := DocumentFromSentences(e.Document.Title, e.Document.Text, e.Document.Sentences)
	var ie *ImportError
	if errors.As(err, &ie) && ie.Field != "document.sentences" {
		return nil, &ImportError{Field: "document.sentences", Err: fmt.Errorf("do not fit the text (at %s): %w", ie.Field, ie.Err)}
	}
	return d, err
}

// sameSentences checks that ss are the sentences of d.
func sameSentences(d *Document, ss []ExportSentence) error {
	for i, s := range d.Sentences {
		if i >= len(ss) || ss[i] != (ExportSentence{ID: s.ID, Paragraph: s.Paragraph, Start: s.Start, End: s.End}) {
			return fieldErrf("document.sentences", ErrBadOffset,
				"do not match the text as this version of Stancemark splits it (the first difference is at %s)", s.ID)
		}
	}
	if len(ss) > len(d.Sentences) {
		return fieldErrf("document.sentences", ErrBadOffset,
			"do not match the text as this version of Stancemark splits it (the file has %d sentences, not %d)", len(ss), len(d.Sentences))
	}
	return nil
}
