package annotations

import (
	"encoding/json"
	"fmt"
	"sort"
)

// StateFormatV1 is the "format" of a saved workspace (MarshalState).
const StateFormatV1 = "stancemark-state/v1"

type stateWire struct {
	Format    string        `json:"format"`
	Document  string        `json:"document"`
	Active    string        `json:"active"`
	Annotator string        `json:"annotator"`
	Schemes   []stateScheme `json:"schemes"`
}

type stateScheme struct {
	Scheme      Scheme           `json:"scheme"`
	Annotations []annotationWire `json:"annotations"`
}

// MarshalState encodes every scheme of w with its highlights, the active
// scheme and the annotator as compact JSON (see the package documentation).
// The undo history is not saved.
func (w *Workspace) MarshalState() ([]byte, error) {
	st := stateWire{
		Format: StateFormatV1, Document: w.Doc.ID, Active: w.active, Annotator: w.Annotator,
		Schemes: make([]stateScheme, len(w.schemes)),
	}
	for i, s := range w.schemes {
		if s.Labels == nil {
			s.Labels = []Label{}
		}
		st.Schemes[i] = stateScheme{Scheme: s, Annotations: wireAnnotations(w.sets[s.ID])}
	}
	return marshal(st)
}

// RestoreWorkspace rebuilds a workspace on doc from MarshalState's output.
// It checks everything Import checks (the document, the schemes, unknown
// labels, overlaps, ...) and returns an *ImportError naming the field on
// anything wrong. It never panics.
func RestoreWorkspace(doc *Document, data []byte) (w *Workspace, err error) {
	defer func() {
		if r := recover(); r != nil {
			w, err = nil, &ImportError{Err: because(fmt.Sprintf("the saved state could not be read (%v)", r), ErrBadValue)}
		}
	}()
	if doc == nil || len(doc.Sentences) == 0 {
		return nil, &ImportError{Err: ErrEmptyDocument}
	}
	if err := checkSyntax(data); err != nil {
		return nil, err
	}
	raw := json.RawMessage(data)
	if kindOf(raw) != "an object" {
		return nil, &ImportError{Err: because(fmt.Sprintf("this is not a Stancemark saved state (it holds %s, not an object)", kindOf(raw)), ErrFormat)}
	}
	o, err := decodeObject(raw, "")
	if err != nil {
		return nil, err
	}
	var st stateWire
	if err := o.str("format", false, &st.Format); err != nil {
		return nil, err
	}
	if err := checkFormat(st.Format, StateFormatV1); err != nil {
		return nil, err
	}
	if err := o.only("a saved state", "format", "document", "active", "annotator", "schemes"); err != nil {
		return nil, err
	}
	if err := o.str("document", true, &st.Document); err != nil {
		return nil, err
	}
	if st.Document != doc.ID {
		return nil, fieldErrf("document", ErrOtherDocument, "the saved work is for another document (%s), not %s", st.Document, describe(doc.Title, doc.ID))
	}
	if err := o.str("active", true, &st.Active); err != nil {
		return nil, err
	}
	if err := o.str("annotator", false, &st.Annotator); err != nil {
		return nil, err
	}
	items, err := o.list("schemes", true)
	if err != nil {
		return nil, err
	}
	w = NewWorkspace(doc)
	w.Annotator = st.Annotator
	w.schemes = nil
	lookup := doc.SentenceIndex
	for i, item := range items {
		at := index("schemes", i)
		so, err := decodeObject(item, at)
		if err != nil {
			return nil, err
		}
		if err := so.only("a saved scheme", "scheme", "annotations"); err != nil {
			return nil, err
		}
		sco, err := so.object("scheme", true)
		if err != nil {
			return nil, err
		}
		s, err := decodeScheme(sco)
		if err != nil {
			return nil, err
		}
		if err := s.Validate(); err != nil {
			return nil, prefixed(at+".scheme", err)
		}
		if w.schemeIndex(s.ID) >= 0 {
			return nil, fieldErrf(at+".scheme.id", ErrDuplicateID, "duplicate scheme id %q", s.ID)
		}
		list, err := so.list("annotations", true)
		if err != nil {
			return nil, err
		}
		as, err := decodeAnnotations(list, at+".annotations")
		if err != nil {
			return nil, err
		}
		if err := validateAnnotations(as, s, lookup, len(doc.Sentences), at+".annotations"); err != nil {
			return nil, err
		}
		for k := range as {
			as[k].Annotator = st.Annotator
		}
		sort.SliceStable(as, func(a, b int) bool { return w.first(as[a]) < w.first(as[b]) })
		w.schemes = append(w.schemes, s)
		if len(as) > 0 {
			w.sets[s.ID] = as
		}
	}
	if len(w.schemes) == 0 {
		return nil, fieldErrf("schemes", ErrMissingField, "empty; the saved state has no scheme")
	}
	if w.schemeIndex(st.Active) < 0 {
		return nil, fieldErrf("active", ErrUnknownScheme, "unknown scheme %q", st.Active)
	}
	w.active = st.Active
	w.reindex()
	return w, nil
}
