package annotations

import (
	"bytes"
	"cmp"
	"encoding/json"
	"slices"
	"strconv"
	"time"
)

// MergeState merges another tab's saved state of the same document (the
// output of MarshalState) into w, so that the edits made in both survive
// and two tabs that merge each other's saves end up with the same state.
// The rule (see "Two tabs" in the package documentation): for every scheme
// and every highlight id, the side whose last change to it is later wins;
// then a sentence left in two highlights stays with the later one. The
// active scheme and the annotator stay w's own.
//
// changed reports whether w changed. A merge that changed w clears its undo
// and redo history: an undo step records highlights as they were in this
// tab, and undoing it after a merge would bring back or overwrite what the
// other tab did. On an error (an *ImportError, as RestoreWorkspace returns
// for another document or corrupt data) w is unchanged.
func (w *Workspace) MergeState(data []byte) (changed bool, err error) {
	o, err := RestoreWorkspace(w.Doc, data)
	if err != nil {
		return false, err
	}
	m := mergeWorkspaces(w, o)
	w.seeStamp(o.lastStamp)
	before, err := w.marshalShared()
	if err != nil {
		return false, err
	}
	after, err := m.marshalShared()
	if err != nil {
		return false, err
	}
	if bytes.Equal(before, after) {
		return false, nil
	}
	w.schemes, w.sets, w.stamps, w.removedSchemes = m.schemes, m.sets, m.stamps, m.removedSchemes
	for _, set := range w.sets {
		for i := range set {
			set[i].Annotator = w.Annotator
		}
	}
	if w.schemeIndex(w.active) < 0 {
		w.active = w.schemes[0].ID
	}
	w.undo, w.redo = nil, nil
	w.reindex()
	w.version++
	return true, nil
}

// MatchesState reports whether the saved state data holds exactly what w
// would save apart from the active scheme and the annotator, which stay
// local to a tab. After merging another tab's save, a tab saves its own
// state unless MatchesState(that save) is true: its own last save may have
// been overwritten by the one it merged, and saving only when MergeState
// reports a change would then lose its edits. Two tabs that follow this
// rule stop saving once they agree. Data that RestoreWorkspace rejects does
// not match.
func (w *Workspace) MatchesState(data []byte) bool {
	o, err := RestoreWorkspace(w.Doc, data)
	if err != nil {
		return false
	}
	a, err1 := w.marshalShared()
	b, err2 := o.marshalShared()
	return err1 == nil && err2 == nil && bytes.Equal(a, b)
}

// marshalShared is MarshalState without what stays local to a tab.
func (w *Workspace) marshalShared() ([]byte, error) {
	active, annotator := w.active, w.Annotator
	w.active, w.Annotator = "", ""
	defer func() { w.active, w.Annotator = active, annotator }()
	return w.MarshalState()
}

// side is one workspace's view of a scheme or a highlight in a merge.
type entry[T any] struct {
	present bool
	value   T
	stamp   time.Time // the last change; for an absent one, its tombstone
	known   bool      // false: this side has never heard of it
}

// wins reports whether a beats b: the later stamp; on a tie, present over
// removed, then the larger JSON. The order is total, so the merge does not
// depend on which side is w.
func wins[T any](a, b entry[T]) bool {
	switch {
	case !b.known:
		return true
	case !a.known:
		return false
	case !a.stamp.Equal(b.stamp):
		return a.stamp.After(b.stamp)
	case a.present != b.present:
		return a.present
	}
	// The same stamp on both sides: the larger JSON wins (computed only
	// here, as ties are rare).
	ja, _ := json.Marshal(a.value)
	jb, _ := json.Marshal(b.value)
	return bytes.Compare(ja, jb) >= 0
}

// mergeWorkspaces returns the merge of a and b (neither is modified). It is
// symmetric: mergeWorkspaces(a, b) and mergeWorkspaces(b, a) marshal the
// same.
func mergeWorkspaces(a, b *Workspace) *Workspace {
	m := &Workspace{Doc: a.Doc, sets: make(map[string][]Annotation), stamps: make(map[string]*schemeStamps)}
	ids := make(map[string]bool)
	rank := make(map[string]int)
	for _, w := range []*Workspace{a, b} {
		for i, s := range w.schemes {
			ids[s.ID] = true
			if r, ok := rank[s.ID]; !ok || i < r {
				rank[s.ID] = i
			}
		}
		for id := range w.removedSchemes {
			ids[id] = true
		}
	}
	for id := range ids {
		ea, eb := schemeEntry(a, id), schemeEntry(b, id)
		if !ea.present && !eb.present {
			if t := maxTime(ea.stamp, eb.stamp); ea.known || eb.known {
				if m.removedSchemes == nil {
					m.removedSchemes = make(map[string]time.Time)
				}
				m.removedSchemes[id] = t
			}
			continue
		}
		// Present on one side at least: it stays unless the other side
		// removed it after every change to it and its highlights.
		if ea.present != eb.present {
			p, r := ea, eb
			if eb.present {
				p, r = eb, ea
			}
			if r.known && r.stamp.After(liveness(pick(a, b, ea.present), id, p.stamp)) {
				if m.removedSchemes == nil {
					m.removedSchemes = make(map[string]time.Time)
				}
				m.removedSchemes[id] = r.stamp
				continue
			}
		}
		win, lose := ea, eb
		if !ea.present || eb.present && !wins(ea, eb) {
			win, lose = eb, ea
		}
		s := win.value.clone()
		st := newSchemeStamps()
		st.changed = win.stamp
		m.schemes = append(m.schemes, s)
		m.stamps[id] = st
		m.mergeHighlights(a, b, &m.schemes[len(m.schemes)-1], lose)
	}
	slices.SortFunc(m.schemes, func(x, y Scheme) int {
		if c := cmp.Compare(rank[x.ID], rank[y.ID]); c != 0 {
			return c
		}
		return cmp.Compare(x.ID, y.ID)
	})
	pruneTombstones(m.removedSchemes)
	return m
}

func pick(a, b *Workspace, first bool) *Workspace {
	if first {
		return a
	}
	return b
}

// schemeEntry returns w's entry for scheme id. Its stamp is the scheme's
// last change (zero for a preset never changed) or its tombstone.
func schemeEntry(w *Workspace, id string) entry[Scheme] {
	if i := w.schemeIndex(id); i >= 0 {
		s := w.schemes[i]
		var t time.Time
		if st := w.stamps[id]; st != nil {
			t = st.changed
		}
		return entry[Scheme]{present: true, value: s, stamp: t, known: true}
	}
	if t, ok := w.removedSchemes[id]; ok {
		return entry[Scheme]{stamp: t, known: true}
	}
	return entry[Scheme]{}
}

// liveness returns the last change in w to scheme id or to any of its
// highlights, at least t.
func liveness(w *Workspace, id string, t time.Time) time.Time {
	for _, a := range w.sets[id] {
		t = maxTime(t, w.stampOf(id, a))
	}
	if st := w.stamps[id]; st != nil {
		for _, r := range st.removed {
			t = maxTime(t, r)
		}
	}
	return t
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// mergeHighlights sets m's highlights of scheme s (already in m) from a's
// and b's: the later entry of every id wins, labels the winning scheme
// lacks are brought back from the other version (lose), and overlaps go to
// the later highlight.
func (m *Workspace) mergeHighlights(a, b *Workspace, s *Scheme, lose entry[Scheme]) {
	st := m.stamps[s.ID]
	ids := make(map[string]bool)
	for _, w := range []*Workspace{a, b} {
		for _, h := range w.sets[s.ID] {
			ids[h.ID] = true
		}
		if ws := w.stamps[s.ID]; ws != nil {
			for id := range ws.removed {
				ids[id] = true
			}
		}
	}
	pa, pb := positions(a.sets[s.ID]), positions(b.sets[s.ID])
	var live []entry[Annotation]
	for id := range ids {
		ea, eb := highlightEntry(a, s.ID, id, pa), highlightEntry(b, s.ID, id, pb)
		win := ea
		if !wins(ea, eb) {
			win = eb
		}
		if !win.present {
			st.removed[id] = win.stamp
			continue
		}
		live = append(live, win)
	}
	// Latest first: labels are brought back, and sentences kept, in this
	// order.
	slices.SortFunc(live, func(x, y entry[Annotation]) int {
		switch {
		case wins(x, y) && wins(y, x):
			return 0
		case wins(x, y):
			return -1
		}
		return 1
	})
	// Labels: a highlight may use a label that the winning version of the
	// scheme removed; bring it back rather than lose the highlight.
	kept := live[:0]
	for _, h := range live {
		if _, ok := s.Label(h.value.Label); ok || restoreLabel(s, lose, h.value.Label) {
			kept = append(kept, h)
		}
	}
	live = kept
	// Overlaps: the later highlight keeps its sentences.
	n := len(m.Doc.Sentences)
	claimed := make([]time.Time, n) // sentence -> stamp of the highlight that has it
	taken := make([]bool, n)
	used := func(id string) bool {
		_, r := st.removed[id]
		_, t := st.touched[id]
		return r || t || ids[id]
	}
	var out []Annotation
	for _, h := range live {
		first := m.Doc.SentenceIndex(h.value.SentenceIDs[0])
		last := first + len(h.value.SentenceIDs) - 1
		var runs [][2]int
		var by time.Time // the latest highlight that took sentences from h
		for i := first; i <= last; i++ {
			if taken[i] {
				by = maxTime(by, claimed[i])
				continue
			}
			if len(runs) > 0 && runs[len(runs)-1][1] == i-1 {
				runs[len(runs)-1][1] = i
			} else {
				runs = append(runs, [2]int{i, i})
			}
		}
		if len(runs) == 0 {
			st.removed[h.value.ID] = maxTime(h.stamp, by)
			continue
		}
		stamp := maxTime(h.stamp, by)
		for k, r := range runs {
			p := h.value.clone()
			if k > 0 {
				p.ID = nextFreeID(h.value.ID, used)
				ids[p.ID] = true
			}
			if !by.IsZero() {
				p.SentenceIDs = m.sentenceIDs(r[0], r[1])
				p.Modified = maxTime(p.Modified, stamp)
			}
			for i := r[0]; i <= r[1]; i++ {
				taken[i], claimed[i] = true, stamp
			}
			st.touched[p.ID] = stamp
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(x, y Annotation) int {
		return cmp.Compare(m.Doc.SentenceIndex(x.SentenceIDs[0]), m.Doc.SentenceIndex(y.SentenceIDs[0]))
	})
	if len(out) > 0 {
		m.sets[s.ID] = out
	}
	pruneTombstones(st.removed)
}

// positions maps the ids of set to their positions.
func positions(set []Annotation) map[string]int {
	m := make(map[string]int, len(set))
	for i, h := range set {
		m[h.ID] = i
	}
	return m
}

// highlightEntry returns w's entry for highlight id of scheme, whose
// highlights are at the positions pos.
func highlightEntry(w *Workspace, scheme, id string, pos map[string]int) entry[Annotation] {
	if i, ok := pos[id]; ok {
		h := w.sets[scheme][i]
		return entry[Annotation]{present: true, value: h, stamp: w.stampOf(scheme, h), known: true}
	}
	if st := w.stamps[scheme]; st != nil {
		if t, ok := st.removed[id]; ok {
			return entry[Annotation]{stamp: t, known: true}
		}
	}
	return entry[Annotation]{}
}

// restoreLabel adds label id of the other version of the scheme to s,
// with a free key when its key is taken, and reports whether it could.
func restoreLabel(s *Scheme, other entry[Scheme], id string) bool {
	if !other.present {
		return false
	}
	l, ok := other.value.Label(id)
	if !ok {
		return false
	}
	if _, taken := s.LabelForKey(l.Key); taken {
		l.Key = ""
		for k := '1'; k <= '9'; k++ {
			if _, taken := s.LabelForKey(string(k)); !taken {
				l.Key = string(k)
				break
			}
		}
		if l.Key == "" {
			return false
		}
	}
	s.Labels = append(s.Labels, l)
	return true
}

// nextFreeID returns id+"-2", id+"-3", ... the first that is not used.
func nextFreeID(id string, used func(string) bool) string {
	for k := 2; ; k++ {
		if c := id + "-" + strconv.Itoa(k); !used(c) {
			return c
		}
	}
}
