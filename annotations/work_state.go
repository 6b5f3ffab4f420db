package annotations

import (
	"encoding/json"
	"fmt"
	"sort"
	"time"
)

// StateFormatV1 is the "format" of a saved workspace (MarshalState).
const StateFormatV1 = "stancemark-state/v1"

type stateWire struct {
	Format         string         `json:"format"`
	Document       string         `json:"document"`
	Active         string         `json:"active"`
	Annotator      string         `json:"annotator"`
	Schemes        []stateScheme  `json:"schemes"`
	RemovedSchemes []stateRemoved `json:"removedSchemes,omitempty"`
}

type stateScheme struct {
	Scheme      Scheme            `json:"scheme"`
	Changed     string            `json:"changed,omitempty"`
	Annotations []annotationWire  `json:"annotations"`
	Touched     map[string]string `json:"touched,omitempty"`
	Removed     []stateRemoved    `json:"removed,omitempty"`
}

// stateRemoved is a tombstone: the id of a removed highlight or scheme, and
// when it was removed.
type stateRemoved struct {
	ID string `json:"id"`
	At string `json:"at"`
}

// wireTombstones returns m newest first (ties by id).
func wireTombstones(m map[string]time.Time) []stateRemoved {
	var out []stateRemoved
	for _, t := range sortedTombstones(m) {
		out = append(out, stateRemoved{ID: t.id, At: formatTime(t.at)})
	}
	return out
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
		ss := stateScheme{Scheme: s, Annotations: wireAnnotations(w.sets[s.ID])}
		if stamps := w.stamps[s.ID]; stamps != nil {
			if !stamps.changed.IsZero() {
				ss.Changed = formatTime(stamps.changed)
			}
			for _, a := range w.sets[s.ID] {
				if t, ok := stamps.touched[a.ID]; ok && !t.Equal(a.Modified) {
					if ss.Touched == nil {
						ss.Touched = make(map[string]string)
					}
					ss.Touched[a.ID] = formatTime(t)
				}
			}
			ss.Removed = wireTombstones(stamps.removed)
		}
		st.Schemes[i] = ss
	}
	st.RemovedSchemes = wireTombstones(w.removedSchemes)
	return marshalNoEscape(st)
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
	if err := o.only("a saved state", "format", "document", "active", "annotator", "schemes", "removedSchemes"); err != nil {
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
		at := elemPath("schemes", i)
		so, err := decodeObject(item, at)
		if err != nil {
			return nil, err
		}
		if err := so.only("a saved scheme", "scheme", "changed", "annotations", "touched", "removed"); err != nil {
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
		stamps, err := decodeStamps(so, as)
		if err != nil {
			return nil, err
		}
		sort.SliceStable(as, func(a, b int) bool { return w.first(as[a]) < w.first(as[b]) })
		w.schemes = append(w.schemes, s)
		if len(as) > 0 {
			w.sets[s.ID] = as
		}
		w.schemeStamps(s.ID) // so that stamps is not nil
		w.stamps[s.ID] = stamps
		w.seeStamp(stamps.changed)
		for _, a := range as {
			w.seeStamp(a.Modified)
		}
		for _, m := range []map[string]time.Time{stamps.touched, stamps.removed} {
			for _, t := range m {
				w.seeStamp(t)
			}
		}
	}
	removed, err := decodeTombstones(o, "removedSchemes", func(id string) bool { return w.schemeIndex(id) >= 0 }, "a scheme of the saved state")
	if err != nil {
		return nil, err
	}
	if len(removed) > 0 {
		w.removedSchemes = removed
		for _, t := range removed {
			w.seeStamp(t)
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

// decodeStamps reads the optional "changed", "touched" and "removed" of a
// saved scheme whose highlights are as. A state saved before they existed
// has none: its highlights' stamps are their modified times.
func decodeStamps(so *jsonObject, as []Annotation) (*schemeStamps, error) {
	st := newSchemeStamps()
	if err := so.time("changed", false, &st.changed); err != nil {
		return nil, err
	}
	ids := make(map[string]bool, len(as))
	for _, a := range as {
		ids[a.ID] = true
	}
	live := func(id string) bool { return ids[id] }
	if to, err := so.object("touched", false); err != nil {
		return nil, err
	} else if to != nil {
		for id := range to.fields {
			if !live(id) {
				return nil, fieldErrf(fieldPath(to.path, id), ErrUnknownAnnotation, "there is no highlight %q in this scheme", id)
			}
			var t time.Time
			if err := to.time(id, true, &t); err != nil {
				return nil, err
			}
			st.touched[id] = t
		}
	}
	removed, err := decodeTombstones(so, "removed", live, "a highlight of this scheme")
	if err != nil {
		return nil, err
	}
	if removed != nil {
		st.removed = removed
	}
	return st, nil
}

// decodeTombstones reads the optional list name of {"id", "at"} in o. An id
// for which live is true is an error: what is live cannot be removed.
func decodeTombstones(o *jsonObject, name string, live func(string) bool, what string) (map[string]time.Time, error) {
	items, err := o.list(name, false)
	if err != nil || items == nil {
		return nil, err
	}
	out := make(map[string]time.Time, len(items))
	for i, item := range items {
		at := elemPath(fieldPath(o.path, name), i)
		ro, err := decodeObject(item, at)
		if err != nil {
			return nil, err
		}
		if err := ro.only("a removed item", "id", "at"); err != nil {
			return nil, err
		}
		var id string
		var t time.Time
		if err := ro.str("id", true, &id); err != nil {
			return nil, err
		}
		if err := ro.time("at", true, &t); err != nil {
			return nil, err
		}
		switch _, dup := out[id]; {
		case id == "":
			return nil, fieldErrf(at+".id", ErrMissingField, "missing")
		case dup:
			return nil, fieldErrf(at+".id", ErrDuplicateID, "duplicate id %q", id)
		case live(id):
			return nil, fieldErrf(at+".id", ErrDuplicateID, "%q is removed but is also %s", id, what)
		}
		out[id] = t
	}
	pruneTombstones(out)
	return out, nil
}
