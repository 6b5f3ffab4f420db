package annotations

import "sort"

// Import validates e against the workspace's document and then makes e's
// scheme (added, or replacing the scheme with the same id) active with
// exactly e's highlights, replacing all the ones it had. It is one undo
// step. When e is for another document the error wraps ErrOtherDocument and
// names that document. On any error (an *ImportError) nothing changes.
func (w *Workspace) Import(e *Export) error {
	if err := e.Validate(); err != nil {
		return err
	}
	if e.Document.ID != w.Doc.ID {
		return fieldErrf("document.id", ErrOtherDocument,
			"this file is for another document, %s; the open document is %s",
			describe(e.Document.Title, e.Document.ID), describe(w.Doc.Title, w.Doc.ID))
	}
	if err := sameSentences(w.Doc, e.Document.Sentences); err != nil {
		return err
	}
	s := e.Scheme.clone()
	added := make([]Annotation, len(e.Annotations))
	for i, a := range e.Annotations {
		added[i] = a.clone()
		added[i].Annotator = e.Annotator.Name
	}
	sort.SliceStable(added, func(i, j int) bool { return w.first(added[i]) < w.first(added[j]) })
	c := &change{
		scheme: s.ID, schemeChanged: true, after: &s,
		removed:      append([]Annotation(nil), w.sets[s.ID]...),
		added:        added,
		activeBefore: w.active, activeAfter: s.ID,
	}
	if i := w.schemeIndex(s.ID); i >= 0 {
		old := w.schemes[i].clone()
		c.before = &old
	}
	w.commit(c)
	return nil
}
