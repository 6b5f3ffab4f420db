package annotations

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// WriteGradesCSV writes one row per student (in the report's order) for a
// gradebook (an LMS's CSV import: one row per student, a number per
// assignment column), after the header
//
//	student,assignment,score,out_of,percent,mode,attempt,after_feedback,flags
//
// score is the number of the key's tagged sentences the student gave the
// key's label (Feedback.Score), out_of the key's tagged sentences, percent
// the accuracy with one decimal; the three are empty without a key. mode is
// "practice" or "graded" (a practice score is not a secure grade: the key
// was in the student's hands); attempt is the scored submission's (empty
// when unknown); after_feedback counts the student's files submitted after
// feedback, which are not scored; flags lists, separated by "; ", what
// differs from the assignment (Assignment.Differences). The text cells are
// NeutralizeCell'd, so a spreadsheet runs none as a formula.
func WriteGradesCSV(w io.Writer, r *ClassReport) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"student", "assignment", "score", "out_of", "percent", "mode", "attempt", "after_feedback", "flags"})
	title := r.Assignment.Title
	if title == "" {
		title = r.Assignment.ID
	}
	for _, s := range r.Students {
		score, outOf, pct := "", "", ""
		if f := s.Feedback; f != nil && f.Accuracy != nil {
			score, outOf = strconv.Itoa(f.Score), strconv.Itoa(f.KeyTagged)
			pct = strconv.FormatFloat(100**f.Accuracy, 'f', 1, 64)
		}
		attempt := ""
		if s.Attempt > 0 {
			attempt = strconv.Itoa(s.Attempt)
		}
		row := neutralizeRow(s.Name, title)
		row = append(row, score, outOf, pct, string(r.Assignment.Options.Mode), attempt, strconv.Itoa(len(s.AfterFeedback)),
			NeutralizeCell(strings.Join(s.Flags, "; ")))
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
