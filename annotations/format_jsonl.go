package annotations

import (
	"bufio"
	"encoding/json"
	"io"
)

// FormatJSONLV1 is the "format" of each line of the JSONL export.
const FormatJSONLV1 = "stancemark-annotation/v1"

// JSONLRecord is one line of the JSONL export: one highlight, with
// everything needed to use it without the rest of the file.
type JSONLRecord struct {
	Format        string   `json:"format"` // FormatJSONLV1
	DocumentID    string   `json:"document_id"`
	DocumentTitle string   `json:"document_title"`
	Scheme        string   `json:"scheme"` // scheme id
	Target        string   `json:"target"` // the claim of the scheme
	ID            string   `json:"id"`     // the highlight's id
	Sentences     []string `json:"sentences"`
	Quote         string   `json:"quote"` // the text from Start to End
	Start         int      `json:"start"` // Unicode code points into the document text, inclusive
	End           int      `json:"end"`   // Unicode code points into the document text, exclusive
	Label         string   `json:"label"`
	LabelName     string   `json:"label_name"`
	Note          string   `json:"note"`
	Annotator     string   `json:"annotator"` // AnnotatorName
	Created       string   `json:"created"`   // RFC 3339, UTC, milliseconds
	Modified      string   `json:"modified"`  // RFC 3339, UTC, milliseconds
}

// JSONL returns the JSONL records of valid exports (see Export.Validate):
// every highlight of every export, each export's in document order.
func JSONL(exports []*Export) ([]JSONLRecord, error) {
	var out []JSONLRecord
	for _, e := range exports {
		t := newExportText(e)
		as, hs, err := inOrder(t)
		if err != nil {
			return nil, err
		}
		who := AnnotatorName(e)
		for i, a := range as {
			l, _ := e.Scheme.Label(a.Label)
			out = append(out, JSONLRecord{
				Format: FormatJSONLV1, DocumentID: e.Document.ID, DocumentTitle: e.Document.Title,
				Scheme: e.Scheme.ID, Target: e.Scheme.Target, ID: a.ID,
				Sentences: append([]string{}, a.SentenceIDs...),
				Quote:     t.text(hs[i].start, hs[i].end), Start: hs[i].start, End: hs[i].end,
				Label: a.Label, LabelName: l.Name, Note: a.Note, Annotator: who,
				Created: formatTime(a.Created), Modified: formatTime(a.Modified),
			})
		}
	}
	return out, nil
}

// WriteJSONL writes the JSONL records of exports, one compact JSON object
// per line, each line ending in "\n".
func WriteJSONL(w io.Writer, exports []*Export) error {
	recs, err := JSONL(exports)
	if err != nil {
		return err
	}
	return writeLines(w, recs)
}

// writeLines writes each item as one line of compact JSON.
func writeLines[T any](w io.Writer, items []T) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, it := range items {
		if err := enc.Encode(it); err != nil {
			return err
		}
	}
	return bw.Flush()
}
