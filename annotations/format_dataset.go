package annotations

import (
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"
)

// This file holds the stance-dataset exports: SemEval-2016 Task 6 style TSV
// and FNC-1/FEVER style claim-sentence pairs.

// DatasetOptions change the stance-dataset exports.
type DatasetOptions struct {
	// Majority merges several annotators' exports of one document (same
	// document and scheme, see ReliabilityFromExports) into one row per
	// sentence that at least one of them tagged, labelled with the
	// majority label (the most frequent; "" when two labels tie) and the
	// agreement: the share of that sentence's labels that are the majority
	// label.
	Majority bool
}

// SemEvalHeader is the header of the SemEval TSV export: SemEval-2016
// Task 6's four columns, then Stancemark's own (SemEvalExtra, or with
// DatasetOptions.Majority SemEvalMajorityExtra).
var SemEvalHeader = []string{"ID", "Target", "Tweet", "Stance"}

// SemEvalExtra are the columns after SemEvalHeader's four in the SemEval
// TSV export: the annotator (AnnotatorName), the document id and the
// highlight id.
var SemEvalExtra = []string{"Annotator", "Document", "Highlight"}

// SemEvalMajorityExtra are the columns after SemEvalHeader's four in the
// SemEval TSV export with DatasetOptions.Majority: the agreement (4
// decimals), the document id and the sentence id.
var SemEvalMajorityExtra = []string{"Agreement", "Document", "Sentence"}

// WriteSemEval writes valid exports as SemEval-2016 Task 6 style TSV: the
// header SemEvalHeader and SemEvalExtra, then one row per highlight (each
// export's in document order): ID a running number from 1 (unique in the
// file), Target the scheme's target claim, Tweet the highlight's
// sentences, Stance its label (see SemEvalStance), then the annotator, the
// document id and the highlight id. With opt.Majority the rows are the
// sentences anyone tagged, Stance the majority label ("" when labels tie),
// and the extra columns SemEvalMajorityExtra.
//
// Tabs and line breaks inside a cell become spaces (SemEval's files have
// one row per line); a cell is quoted as in RFC 4180, with the tab as
// separator, when it holds a quote or starts with a space (`"Yes," he
// said` is written `"""Yes,"" he said"`), and NeutralizeCell'd as in the
// CSV export. Lines end in "\n"; pandas.read_csv(f, sep="\t") reads every
// row.
func WriteSemEval(w io.Writer, exports []*Export, opt DatasetOptions) error {
	cw := csv.NewWriter(w)
	cw.Comma = '\t'
	row := func(cells ...string) error {
		for i, c := range cells {
			cells[i] = NeutralizeCell(tsvField(c))
		}
		return cw.Write(cells)
	}
	n := 0
	if opt.Majority {
		rows, err := majorityRows(exports)
		if err != nil {
			return err
		}
		if err := row(slices.Concat(SemEvalHeader, SemEvalMajorityExtra)...); err != nil {
			return err
		}
		stance := semEvalStance(exports[0].Scheme)
		for _, r := range rows {
			n++
			if err := row(strconv.Itoa(n), r.Claim, r.Sentence, stance(r.Label),
				strconv.FormatFloat(*r.Agreement, 'f', 4, 64), r.DocumentID, r.SentenceID); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	}
	if err := row(slices.Concat(SemEvalHeader, SemEvalExtra)...); err != nil {
		return err
	}
	for _, e := range exports {
		t := newExportText(e)
		as, hs, err := inOrder(t)
		if err != nil {
			return err
		}
		stance, who := semEvalStance(e.Scheme), AnnotatorName(e)
		for i, a := range as {
			n++
			if err := row(strconv.Itoa(n), e.Scheme.Target, t.text(hs[i].start, hs[i].end), stance(a.Label), who, e.Document.ID, a.ID); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// SemEvalStance returns how the SemEval TSV export writes label in scheme:
// in the "semeval2016" preset, the label id in capitals as SemEval-2016's
// files have it (FAVOR, AGAINST, NONE); in any other scheme, the label id.
func SemEvalStance(scheme Scheme, label string) string { return semEvalStance(scheme)(label) }

// semEvalStance returns SemEvalStance for scheme.
func semEvalStance(scheme Scheme) func(string) string {
	if scheme.ID == "semeval2016" {
		return strings.ToUpper
	}
	return func(s string) string { return s }
}

// tsvField replaces the tabs and line breaks of s by spaces.
func tsvField(s string) string {
	if !strings.ContainsAny(s, "\t\r\n") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\r' || r == '\n' {
			return ' '
		}
		return r
	}, s)
}

// PairRecord is one line of the pairs export: a claim-sentence pair with
// its stance label.
type PairRecord struct {
	Claim      string `json:"claim"` // the scheme's target claim
	SentenceID string `json:"sentence_id"`
	Sentence   string `json:"sentence"`
	Label      string `json:"label"`               // label id; with Majority "" when labels tie
	Annotator  string `json:"annotator,omitempty"` // AnnotatorName; without Majority, always there
	DocumentID string `json:"document_id"`
	// With Majority: the share of the sentence's labels that are Label
	// (with a tie, the tied share), how many annotators labelled it, and
	// how many gave each label.
	Agreement  *float64       `json:"agreement,omitempty"`
	Annotators int            `json:"annotators,omitempty"`
	Votes      map[string]int `json:"votes,omitempty"`
}

// Pairs returns the claim-sentence pairs of valid exports: one per tagged
// sentence per export (in document order), or with opt.Majority one per
// sentence tagged by anyone.
func Pairs(exports []*Export, opt DatasetOptions) ([]PairRecord, error) {
	if opt.Majority {
		return majorityRows(exports)
	}
	var out []PairRecord
	for _, e := range exports {
		t := newExportText(e)
		at, err := t.labelAt()
		if err != nil {
			return nil, err
		}
		who := AnnotatorName(e)
		for i, j := range at {
			if j < 0 {
				continue
			}
			out = append(out, PairRecord{
				Claim: e.Scheme.Target, SentenceID: e.Document.Sentences[i].ID, Sentence: t.sentence(i),
				Label: e.Annotations[j].Label, Annotator: who, DocumentID: e.Document.ID,
			})
		}
	}
	return out, nil
}

// WritePairs writes Pairs(exports, opt) as JSON Lines.
func WritePairs(w io.Writer, exports []*Export, opt DatasetOptions) error {
	recs, err := Pairs(exports, opt)
	if err != nil {
		return err
	}
	return writeLines(w, recs)
}

// majorityRows returns one majority PairRecord per sentence that at least
// one export tagged.
func majorityRows(exports []*Export) ([]PairRecord, error) {
	r, err := ReliabilityFromExports(exports, "")
	if err != nil {
		return nil, err
	}
	units, err := r.UnitAgreement()
	if err != nil {
		return nil, err
	}
	e := exports[0]
	t := newExportText(e)
	var out []PairRecord
	for i, u := range units {
		if u.Values == 0 {
			continue
		}
		votes := make(map[string]int, len(u.Counts))
		for _, c := range u.Counts {
			votes[c.Value] = c.Count
		}
		share := u.MajorityShare
		out = append(out, PairRecord{
			Claim: e.Scheme.Target, SentenceID: u.Unit, Sentence: t.sentence(i), Label: u.Majority,
			DocumentID: e.Document.ID, Agreement: &share, Annotators: u.Values, Votes: votes,
		})
	}
	return out, nil
}
