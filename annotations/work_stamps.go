package annotations

import (
	"cmp"
	"slices"
	"time"
)

// This file keeps the "stamps" MergeState decides by: for every scheme and
// every highlight, when a change last touched it, and tombstones for the
// highlights and schemes that were removed.

// schemeStamps are the stamps of one scheme and of its highlights.
type schemeStamps struct {
	changed time.Time            // last change to the scheme itself (zero: never changed here)
	touched map[string]time.Time // live highlight id -> last change; absent means its Modified
	removed map[string]time.Time // removed highlight id -> when (a tombstone)
}

func newSchemeStamps() *schemeStamps {
	return &schemeStamps{touched: make(map[string]time.Time), removed: make(map[string]time.Time)}
}

func (st *schemeStamps) clone() *schemeStamps {
	c := &schemeStamps{changed: st.changed, touched: make(map[string]time.Time, len(st.touched)), removed: make(map[string]time.Time, len(st.removed))}
	for k, v := range st.touched {
		c.touched[k] = v
	}
	for k, v := range st.removed {
		c.removed[k] = v
	}
	return c
}

// schemeStamps returns the stamps of scheme id, creating them.
func (w *Workspace) schemeStamps(id string) *schemeStamps {
	if w.stamps == nil {
		w.stamps = make(map[string]*schemeStamps)
	}
	st := w.stamps[id]
	if st == nil {
		st = newSchemeStamps()
		w.stamps[id] = st
	}
	return st
}

// stampOf returns when highlight a of scheme last changed.
func (w *Workspace) stampOf(scheme string, a Annotation) time.Time {
	if st := w.stamps[scheme]; st != nil {
		if t, ok := st.touched[a.ID]; ok {
			return t
		}
	}
	return a.Modified
}

// nextStamp returns the stamp of a change made at t: t, but always after
// every stamp this workspace has given or seen, so that a change made after
// a merge wins over what was merged even when the other tab's clock is
// ahead.
func (w *Workspace) nextStamp(t time.Time) time.Time {
	if !t.After(w.lastStamp) {
		t = w.lastStamp.Add(time.Millisecond)
	}
	w.lastStamp = t
	return t
}

// seeStamp records that a stamp t exists in the workspace.
func (w *Workspace) seeStamp(t time.Time) {
	if t.After(w.lastStamp) {
		w.lastStamp = t
	}
}

// stampChange records the stamps of change c just applied (forward or
// reverted) at time at: the scheme it changed, the highlights it added (touched) and
// removed (tombstones). Undo and Redo stamp with the current time too: they
// are new changes as far as another tab is concerned.
func (w *Workspace) stampChange(c *change, forward bool, at time.Time) {
	removed, added, sch := c.removed, c.added, c.after
	if !forward {
		removed, added, sch = c.added, c.removed, c.before
	}
	t := w.nextStamp(at)
	if c.schemeChanged && sch == nil {
		// The scheme itself is gone, and its highlights with it.
		delete(w.stamps, c.scheme)
		if w.removedSchemes == nil {
			w.removedSchemes = make(map[string]time.Time)
		}
		w.removedSchemes[c.scheme] = t
		pruneTombstones(w.removedSchemes)
		return
	}
	st := w.schemeStamps(c.scheme)
	if c.schemeChanged {
		st.changed = t
		delete(w.removedSchemes, c.scheme)
	}
	for _, a := range removed {
		delete(st.touched, a.ID)
		st.removed[a.ID] = t
	}
	for _, a := range added {
		delete(st.removed, a.ID)
		st.touched[a.ID] = t
	}
	pruneTombstones(st.removed)
}

// pruneTombstones keeps the newest MaxTombstones of m (ties: the smaller
// id is kept).
func pruneTombstones(m map[string]time.Time) {
	if len(m) <= MaxTombstones {
		return
	}
	for _, r := range sortedTombstones(m)[MaxTombstones:] {
		delete(m, r.id)
	}
}

type tombstone struct {
	id string
	at time.Time
}

// sortedTombstones returns m newest first, ties by id.
func sortedTombstones(m map[string]time.Time) []tombstone {
	out := make([]tombstone, 0, len(m))
	for id, at := range m {
		out = append(out, tombstone{id, at})
	}
	slices.SortFunc(out, func(a, b tombstone) int {
		if c := b.at.Compare(a.at); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	return out
}
