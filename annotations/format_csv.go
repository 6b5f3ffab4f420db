package annotations

import (
	"encoding/csv"
	"io"
	"strconv"
)

// CSVHeader is the header row of the CSV export.
var CSVHeader = []string{"document_id", "sentence_id", "index", "paragraph", "start", "end", "text", "label", "note", "annotator"}

// WriteCSV writes valid exports (see Export.Validate) as CSV: the header
// CSVHeader, then one row per sentence of the document per export (so per
// annotator), in document order; an untagged sentence has an empty label
// and note, a sentence of a highlight repeats the highlight's label and
// note. index is the 0-based position of the sentence in the document,
// paragraph the 0-based paragraph; start and end count Unicode code points
// into the document text (start included, end excluded).
//
// The file is UTF-8 without a byte order mark, fields are quoted as RFC
// 4180 says (when they hold a comma, a quote or a line break; quotes
// doubled), and records end with "\n" so that a note's line breaks are kept
// exactly. pandas.read_csv and R's read.csv read it as is.
func WriteCSV(w io.Writer, exports []*Export) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, e := range exports {
		t := newExportText(e)
		at, err := t.labelAt()
		if err != nil {
			return err
		}
		for i, s := range e.Document.Sentences {
			var label, note string
			if j := at[i]; j >= 0 {
				label, note = e.Annotations[j].Label, e.Annotations[j].Note
			}
			err := cw.Write([]string{
				e.Document.ID, s.ID, strconv.Itoa(i), strconv.Itoa(s.Paragraph),
				strconv.Itoa(s.Start), strconv.Itoa(s.End), t.sentence(i),
				label, note, e.Annotator.Name,
			})
			if err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
