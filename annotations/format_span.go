package annotations

import "fmt"

// ContextLength is how many code points of text before and after a quote
// the exports and re-anchoring keep as its prefix and suffix (the W3C
// TextQuoteSelector's prefix and suffix).
const ContextLength = 32

// exportText gives the code-point view of an export's document that the
// other export formats need: each highlight's offsets, quote and context.
type exportText struct {
	e     *Export
	runes []rune
	index map[string]int // sentence id -> index into e.Document.Sentences
}

func newExportText(e *Export) *exportText {
	t := &exportText{e: e, runes: []rune(e.Document.Text), index: make(map[string]int, len(e.Document.Sentences))}
	for i, s := range e.Document.Sentences {
		t.index[s.ID] = i
	}
	return t
}

// highlight is where one annotation lies in its document.
type highlight struct {
	first, last int // indexes into Document.Sentences, inclusive
	start, end  int // code points into Document.Text: start inclusive, end exclusive
}

// locate returns where a lies. The export must be valid (Export.Validate).
func (t *exportText) locate(a Annotation) (highlight, error) {
	if len(a.SentenceIDs) == 0 {
		return highlight{}, fmt.Errorf("highlight %q has no sentence", a.ID)
	}
	first, ok1 := t.index[a.SentenceIDs[0]]
	last, ok2 := t.index[a.SentenceIDs[len(a.SentenceIDs)-1]]
	if !ok1 || !ok2 {
		return highlight{}, fmt.Errorf("highlight %q: unknown sentence", a.ID)
	}
	ss := t.e.Document.Sentences
	return highlight{first: first, last: last, start: ss[first].Start, end: ss[last].End}, nil
}

// text returns the text between code points start and end.
func (t *exportText) text(start, end int) string {
	start, end = max(0, start), min(len(t.runes), end)
	if start >= end {
		return ""
	}
	return string(t.runes[start:end])
}

// context returns up to ContextLength code points before start and after
// end.
func (t *exportText) context(start, end int) (prefix, suffix string) {
	return t.text(start-ContextLength, start), t.text(end, end+ContextLength)
}

// sentence returns the text of sentence index i.
func (t *exportText) sentence(i int) string {
	s := t.e.Document.Sentences[i]
	return t.text(s.Start, s.End)
}

// labelAt returns, for every sentence of the document, the annotation that
// covers it (index into e.Annotations) or -1.
func (t *exportText) labelAt() ([]int, error) {
	at := make([]int, len(t.e.Document.Sentences))
	for i := range at {
		at[i] = -1
	}
	for j, a := range t.e.Annotations {
		h, err := t.locate(a)
		if err != nil {
			return nil, err
		}
		for i := h.first; i <= h.last; i++ {
			at[i] = j
		}
	}
	return at, nil
}
