package annotations

import "fmt"

// Mark is what one sentence shows of the active label set: the label of
// the highlight it is in, its colour, and the label's name on the first
// sentence of the highlight only (so a run of sentences is named once).
type Mark struct {
	Label string // the label id, "" when the sentence is in no highlight
	Color string // the label's colour
	Name  string // the label's name, on a highlight's first sentence only
}

// Marks returns the Mark of every sentence of the document, in order. It
// is O(sentences + labels).
func (w *Workspace) Marks() []Mark {
	sc := w.Scheme()
	byID := make(map[string]Label, len(sc.Labels))
	for _, l := range sc.Labels {
		byID[l.ID] = l
	}
	marks := make([]Mark, len(w.Doc.Sentences))
	for i := range marks {
		a, ok := w.At(i)
		if !ok {
			continue
		}
		m := &marks[i]
		m.Label = a.Label
		if l, ok := byID[a.Label]; ok {
			m.Color = l.Color
			if a.SentenceIDs[0] == w.Doc.Sentences[i].ID {
				m.Name = l.Name
			}
		}
	}
	return marks
}

// TagKey tags sentences first to last (indexes, inclusive) with the label
// of the active set whose hotkey is key (see Tag), and returns the label.
// A key no label has is refused with an error wrapping ErrUnknownLabel.
func (w *Workspace) TagKey(first, last int, key string) (Annotation, Label, error) {
	sc := w.Scheme()
	l, ok := sc.LabelForKey(key)
	if !ok {
		return Annotation{}, Label{}, fmt.Errorf("no label has the key %s in %s: %w", key, sc.Name, ErrUnknownLabel)
	}
	a, err := w.Tag(first, last, l.ID)
	return a, l, err
}
