package annotations

import (
	"encoding/csv"
	"io"
	"strconv"
)

// WriteClassCSV writes the class in long format (RFC 4180, UTF-8 without a
// byte order mark, records ending in "\n", as WriteCSV): a header
//
//	student,sentence_id,sentence_text,label,note
//
// then one row per student (in the report's order) per sentence (in
// document order); an untagged sentence has an empty label and note, and
// the note of a highlight is repeated on each of its sentences. Every cell
// is NeutralizeCell'd, so a spreadsheet runs none as a formula.
func WriteClassCSV(w io.Writer, r *ClassReport) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"student", "sentence_id", "sentence_text", "label", "note"})
	for _, s := range r.Submissions {
		notes := notesBySentence(r.Assignment.Document.Sentences, s.Export.Annotations)
		for i, sf := range s.Feedback.Sentences {
			if err := cw.Write(neutralizeRow(s.Student, sf.SentenceID, r.Sentences[i].Text, sf.Label, notes[i])); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteClassSummaryCSV writes one row per student (in the report's order)
// after the header
//
//	student,tagged,accuracy,kappa,notes
//
// tagged is the number of sentences tagged, notes the number of highlights
// with a note; accuracy and kappa against the key have four decimals and
// are empty when undefined (no key, or kappa's degenerate cases). The
// student's name is NeutralizeCell'd.
func WriteClassSummaryCSV(w io.Writer, r *ClassReport) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"student", "tagged", "accuracy", "kappa", "notes"})
	for _, s := range r.Students {
		if err := cw.Write([]string{NeutralizeCell(s.Name), strconv.Itoa(s.Tagged), formatRatio(s.Accuracy), formatRatio(s.Kappa), strconv.Itoa(s.Notes)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// formatRatio formats x with four decimals, or "" for nil.
func formatRatio(x *float64) string {
	if x == nil {
		return ""
	}
	return strconv.FormatFloat(*x, 'f', 4, 64)
}

// ClassSummary is the machine-readable class report of "stancemark class
// -json". Its JSON is exactly
//
//	{"students":[{"name":"Ada","tagged":12,"accuracy":0.75,"kappa":0.61}, ...],
//	 "sentences":[{"id":"s1","counts":{"supports":3,"opposes":1,...},"key":"supports"}, ...],
//	 "fleiss_kappa":0.42,"krippendorff_alpha":0.47}
//
// where counts has every label of the scheme (untagged students are not
// counted), and a value that is undefined (accuracy and kappa without a key,
// key on a sentence the key leaves untagged, a coefficient with fewer than
// two students) is null.
type ClassSummary struct {
	Students          []StudentSummary  `json:"students"`
	Sentences         []SentenceSummary `json:"sentences"`
	FleissKappa       *float64          `json:"fleiss_kappa"`
	KrippendorffAlpha *float64          `json:"krippendorff_alpha"`
}

// StudentSummary is one student of a ClassSummary.
type StudentSummary struct {
	Name     string   `json:"name"`
	Tagged   int      `json:"tagged"`
	Accuracy *float64 `json:"accuracy"`
	Kappa    *float64 `json:"kappa"`
}

// SentenceSummary is one sentence of a ClassSummary.
type SentenceSummary struct {
	ID     string         `json:"id"`
	Counts map[string]int `json:"counts"`
	Key    *string        `json:"key"`
}

// Summary returns r in the form of "stancemark class -json".
func (r *ClassReport) Summary() *ClassSummary {
	out := &ClassSummary{
		Students:    make([]StudentSummary, len(r.Students)),
		Sentences:   make([]SentenceSummary, len(r.Sentences)),
		FleissKappa: r.FleissKappa, KrippendorffAlpha: r.KrippendorffAlpha,
	}
	for i, s := range r.Students {
		out.Students[i] = StudentSummary{Name: s.Name, Tagged: s.Tagged, Accuracy: s.Accuracy, Kappa: s.Kappa}
	}
	for i, s := range r.Sentences {
		ss := SentenceSummary{ID: s.ID, Counts: s.Counts}
		if s.Key != "" {
			k := s.Key
			ss.Key = &k
		}
		out.Sentences[i] = ss
	}
	return out
}
