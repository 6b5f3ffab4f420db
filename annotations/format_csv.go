package annotations

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// CSVHeader is the header row of the CSV export.
var CSVHeader = []string{"document_id", "sentence_id", "index", "paragraph", "start", "end", "text", "label", "note", "annotator"}

// WriteCSV writes valid exports (see Export.Validate) as CSV: the header
// CSVHeader, then one row per sentence of the document per export (so per
// annotator), in document order; an untagged sentence has an empty label
// and note, a sentence of a highlight repeats the highlight's label and
// note. index is the 0-based position of the sentence in the document,
// paragraph the 0-based paragraph; start and end count Unicode code points
// into the document text (start included, end excluded); annotator is
// AnnotatorName.
//
// The file is UTF-8 without a byte order mark, fields are quoted as RFC
// 4180 says (when they hold a comma, a quote or a line break, or start
// with a space; quotes doubled), and records end with "\n" so that a
// note's line breaks are kept exactly. Every text cell is NeutralizeCell'd
// so that a spreadsheet does not run it as a formula: RestoreCell gives
// back the exact text, which start and end refer to. pandas.read_csv and
// R's read.csv read the file as is.
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
		who := AnnotatorName(e)
		for i, s := range e.Document.Sentences {
			var label, note string
			if j := at[i]; j >= 0 {
				label, note = e.Annotations[j].Label, e.Annotations[j].Note
			}
			err := cw.Write(neutralizeRow(
				e.Document.ID, s.ID, strconv.Itoa(i), strconv.Itoa(s.Paragraph),
				strconv.Itoa(s.Start), strconv.Itoa(s.End), t.sentence(i),
				label, note, who,
			))
			if err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// formulaStart holds the first characters that make a spreadsheet
// (Excel, LibreOffice, Google Sheets) read a cell as a formula, as the
// OWASP advice on CSV injection lists them.
const formulaStart = "=+-@\t\r"

// NeutralizeCell returns s as a CSV or TSV cell that no spreadsheet runs
// as a formula, as OWASP recommends: a cell starting with =, +, -, @, a tab
// or a carriage return gets a leading single quote ("=1+1" becomes
// "'=1+1", "-- he said" "'-- he said"). So that RestoreCell can undo it
// exactly, a cell that already starts with one or more quotes followed by
// one of those characters ("'=x") gets one more quote too. Any other cell
// is returned unchanged.
func NeutralizeCell(s string) string {
	rest := strings.TrimLeft(s, "'")
	if rest != "" && strings.IndexByte(formulaStart, rest[0]) >= 0 {
		return "'" + s
	}
	return s
}

// RestoreCell undoes NeutralizeCell: a cell that starts with a single
// quote and, after all its leading quotes, with =, +, -, @, a tab or a
// carriage return loses its first quote. RestoreCell(NeutralizeCell(s))
// is s for every s.
func RestoreCell(s string) string {
	rest := strings.TrimLeft(s, "'")
	if len(rest) < len(s) && rest != "" && strings.IndexByte(formulaStart, rest[0]) >= 0 {
		return s[1:]
	}
	return s
}

// neutralizeRow returns the cells, each NeutralizeCell'd.
func neutralizeRow(cells ...string) []string {
	for i, c := range cells {
		cells[i] = NeutralizeCell(c)
	}
	return cells
}
