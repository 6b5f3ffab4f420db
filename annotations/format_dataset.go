package annotations

import (
	"bufio"
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

// SemEvalHeader is the header of the SemEval TSV export; with
// DatasetOptions.Majority it has a fifth column, "Agreement".
var SemEvalHeader = []string{"ID", "Target", "Text", "Stance"}

// WriteSemEval writes valid exports as SemEval-2016 Task 6 style TSV: the
// header SemEvalHeader, then one row per highlight (each export's in
// document order): ID the highlight's id, Target the scheme's target claim,
// Text the highlight's sentences, Stance its label id. With opt.Majority
// the rows are sentences: ID the sentence id, Stance the majority label,
// and Agreement (4 decimals). Tabs and line breaks inside Target and Text
// become spaces, since the format has no quoting; lines end in "\n".
func WriteSemEval(w io.Writer, exports []*Export, opt DatasetOptions) error {
	bw := bufio.NewWriter(w)
	row := func(cells ...string) {
		for i, c := range cells {
			if i > 0 {
				bw.WriteByte('\t')
			}
			bw.WriteString(tsvField(c))
		}
		bw.WriteByte('\n')
	}
	if opt.Majority {
		rows, err := majorityRows(exports)
		if err != nil {
			return err
		}
		row(slices.Concat(SemEvalHeader, []string{"Agreement"})...)
		for _, r := range rows {
			row(r.SentenceID, r.Claim, r.Sentence, r.Label, strconv.FormatFloat(*r.Agreement, 'f', 4, 64))
		}
		return bw.Flush()
	}
	row(SemEvalHeader...)
	for _, e := range exports {
		t := newExportText(e)
		as, hs, err := inOrder(t)
		if err != nil {
			return err
		}
		for i, a := range as {
			row(a.ID, e.Scheme.Target, t.text(hs[i].start, hs[i].end), a.Label)
		}
	}
	return bw.Flush()
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
	Annotator  string `json:"annotator,omitempty"` // without Majority
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
		for i, j := range at {
			if j < 0 {
				continue
			}
			out = append(out, PairRecord{
				Claim: e.Scheme.Target, SentenceID: e.Document.Sentences[i].ID, Sentence: t.sentence(i),
				Label: e.Annotations[j].Label, Annotator: e.Annotator.Name, DocumentID: e.Document.ID,
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
