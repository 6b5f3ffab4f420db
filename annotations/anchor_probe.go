package annotations

import "strings"

// ProbeQuotes is a cheap look at whether an export could have been made on
// another version of doc's text, before re-anchoring it (Reanchor searches
// for every highlight's quote and context): of up to n highlights taken
// evenly through the export, it reports how many have their first
// sentence's text somewhere in doc's text, and how many it tried. An export
// of an unrelated document finds next to none, at a cost of n substring
// searches instead of a re-anchoring of every highlight.
func ProbeQuotes(e *Export, doc *Document, n int) (found, tried int) {
	if len(e.Annotations) == 0 || n <= 0 {
		return 0, 0
	}
	byID := make(map[string]ExportSentence, len(e.Document.Sentences))
	for _, s := range e.Document.Sentences {
		byID[s.ID] = s
	}
	text := []rune(e.Document.Text)
	step := max(1, len(e.Annotations)/n)
	for i := 0; i < len(e.Annotations) && tried < n; i += step {
		a := e.Annotations[i]
		if len(a.SentenceIDs) == 0 {
			continue
		}
		s, ok := byID[a.SentenceIDs[0]]
		if !ok || s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			continue
		}
		tried++
		if strings.Contains(doc.Text, string(text[s.Start:s.End])) {
			found++
		}
	}
	return found, tried
}
