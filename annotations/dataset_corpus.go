package annotations

import (
	"encoding/csv"
	"io"
	"slices"
	"strconv"
)

// The dataset's corpus-shaped files, with the corpora's own column names,
// from the gold table: FNC-1's bodies.csv and stances.csv (the overall
// task stances) and SemEval-2016 Task 6's TSV (the sentence labels). Cells
// are NeutralizeCell'd against formulas, as in every CSV and TSV export.

// FNC1BodiesHeader and FNC1StancesHeader are the headers of FNC-1's files.
var (
	FNC1BodiesHeader  = []string{"Body ID", "articleBody"}
	FNC1StancesHeader = []string{"Headline", "Body ID", "Stance"}
)

// BodyIDs returns the FNC-1 "Body ID" of each document: the documents'
// "Body ID" metadata when every document has a distinct one (a project
// made from FNC-1's files), else each document's 0-based position.
func (d *Dataset) BodyIDs() map[string]string {
	ids := make(map[string]string, len(d.Documents))
	seen := map[string]bool{}
	for _, doc := range d.Documents {
		for _, m := range doc.Meta {
			if m.Key == "Body ID" && m.Value != "" && !seen[m.Value] {
				ids[doc.Document], seen[m.Value] = m.Value, true
			}
		}
	}
	if len(ids) == len(d.Documents) {
		return ids
	}
	for i, doc := range d.Documents {
		ids[doc.Document] = strconv.Itoa(i)
	}
	return ids
}

// WriteFNC1Bodies writes bodies.csv: "Body ID,articleBody", one row per
// document, the article's canonical text (paragraphs joined by a blank
// line) as its body.
func (d *Dataset) WriteFNC1Bodies(w io.Writer) error {
	cw := csv.NewWriter(w)
	ids := d.BodyIDs()
	if err := cw.Write(FNC1BodiesHeader); err != nil {
		return err
	}
	for _, doc := range d.Documents {
		if err := cw.Write(neutralizeRow(ids[doc.Document], doc.Text)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteFNC1Stances writes stances.csv: "Headline,Body ID,Stance", one row
// per task whose overall stance has a gold label (unresolved ones are
// left out), the claim as Headline and the label id as Stance, in the
// gold table's order. Without overall stances it is the header alone.
func (d *Dataset) WriteFNC1Stances(w io.Writer) error {
	cw := csv.NewWriter(w)
	ids := d.BodyIDs()
	if err := cw.Write(FNC1StancesHeader); err != nil {
		return err
	}
	for _, g := range d.GoldRows {
		if g.Unit != "overall" || g.Label == nil {
			continue
		}
		if err := cw.Write(neutralizeRow(g.Claim, ids[g.Document], *g.Label)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteSemEvalGold writes the SemEval-2016 Task 6 TSV "ID, Target, Tweet,
// Stance" of the gold sentence labels: one row per sentence × claim with a
// gold label (unresolved ones are left out), ID a running number from 1,
// Target the claim, Tweet the sentence, Stance the label as SemEvalStance
// writes it (FAVOR, AGAINST, NONE for the semeval2016 preset). Quoting and
// line breaks are those of WriteSemEval.
func (d *Dataset) WriteSemEvalGold(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Comma = '\t'
	row := func(cells ...string) error {
		for i, c := range cells {
			cells[i] = NeutralizeCell(tsvField(c))
		}
		return cw.Write(cells)
	}
	if err := row(slices.Clone(SemEvalHeader)...); err != nil {
		return err
	}
	stance := semEvalStance(d.Scheme)
	n := 0
	for _, g := range d.GoldRows {
		if g.Unit != "sentence" || g.Label == nil || g.Text == nil {
			continue
		}
		n++
		if err := row(strconv.Itoa(n), g.Claim, *g.Text, stance(*g.Label)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
