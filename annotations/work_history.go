package annotations

import (
	"slices"
	"sort"
	"time"
)

// change is one undo step: the highlights one scheme lost and gained and,
// when the scheme itself changed, its value before and after (nil when it
// did not exist). It is compact: it never holds a whole-state snapshot
// beyond what the change replaced.
type change struct {
	scheme        string // id of the scheme whose highlights changed
	removed       []Annotation
	added         []Annotation
	schemeChanged bool
	before, after *Scheme
	activeBefore  string
	activeAfter   string
	at            time.Time // when the change was made, if the edit read the clock
}

// Undo reverts the last change and makes the scheme it touched active. It
// reports whether there was a change to undo.
func (w *Workspace) Undo() bool {
	if len(w.undo) == 0 {
		return false
	}
	c := w.undo[len(w.undo)-1]
	w.undo = w.undo[:len(w.undo)-1]
	w.apply(c, false, w.now())
	w.redo = append(w.redo, c)
	return true
}

// Redo applies the last undone change again. It reports whether there was
// one.
func (w *Workspace) Redo() bool {
	if len(w.redo) == 0 {
		return false
	}
	c := w.redo[len(w.redo)-1]
	w.redo = w.redo[:len(w.redo)-1]
	w.apply(c, true, w.now())
	w.pushUndo(c)
	return true
}

// CanUndo reports whether Undo would change something.
func (w *Workspace) CanUndo() bool { return len(w.undo) > 0 }

// CanRedo reports whether Redo would change something.
func (w *Workspace) CanRedo() bool { return len(w.redo) > 0 }

// commit applies a new change, records it for undo and clears redo.
func (w *Workspace) commit(c *change) {
	at := c.at
	if at.IsZero() {
		// A scheme edit or an import records no time of its own. It reads
		// the real clock for its stamp, but not a clock set in Now (a test
		// clock, whose next readings would all shift): then its stamp is
		// the clock's latest reading, or after every stamp this tab has seen.
		if w.Now == nil {
			at = w.now()
		} else {
			at = w.lastNow
		}
	}
	w.apply(c, true, at)
	w.redo = nil
	w.pushUndo(c)
}

func (w *Workspace) pushUndo(c *change) {
	w.undo = append(w.undo, c)
	max := w.MaxHistory
	if max <= 0 {
		max = DefaultMaxHistory
	}
	if extra := len(w.undo) - max; extra > 0 {
		n := copy(w.undo, w.undo[extra:])
		clear(w.undo[n:])
		w.undo = w.undo[:n]
	}
}

// apply applies c forward, or reverts it, at time at.
func (w *Workspace) apply(c *change, forward bool, at time.Time) {
	removed, added, sch, active := c.removed, c.added, c.after, c.activeAfter
	if !forward {
		removed, added, sch, active = c.added, c.removed, c.before, c.activeBefore
	}
	if c.schemeChanged {
		i := w.schemeIndex(c.scheme)
		switch {
		case sch == nil && i >= 0:
			w.schemes = slices.Delete(w.schemes, i, i+1)
			delete(w.sets, c.scheme)
		case sch != nil && i >= 0:
			w.schemes[i] = sch.clone()
		case sch != nil:
			w.schemes = append(w.schemes, sch.clone())
		}
	}
	if len(removed) > 0 || len(added) > 0 {
		if set := w.replace(w.sets[c.scheme], removed, added); len(set) > 0 {
			w.sets[c.scheme] = set
		} else {
			delete(w.sets, c.scheme)
		}
	}
	w.stampChange(c, forward, at)
	if w.schemeIndex(active) >= 0 {
		w.active = active
	} else if w.schemeIndex(w.active) < 0 && len(w.schemes) > 0 {
		w.active = w.schemes[0].ID
	}
	w.reindex()
	w.version++
}

// replace returns set without the highlights removed (by id) and with added
// inserted in document order. set is not modified. The highlights kept are
// copied in runs (a memmove each), not one by one: at 2,500 highlights a
// tag's copy loop was most of the tag's time in WebAssembly.
func (w *Workspace) replace(set, removed, added []Annotation) []Annotation {
	out := make([]Annotation, 0, len(set)-len(removed)+len(added))
	if pos, ok := w.positions(set, removed); ok {
		prev := 0
		for _, p := range pos {
			out = append(out, set[prev:p]...)
			prev = p + 1
		}
		out = append(out, set[prev:]...)
	} else {
		gone := make(map[string]bool, len(removed))
		for _, a := range removed {
			gone[a.ID] = true
		}
		for _, a := range set {
			if !gone[a.ID] {
				out = append(out, a)
			}
		}
	}
	if len(added) > 8 {
		out = append(out, added...)
		sort.SliceStable(out, func(i, j int) bool { return w.first(out[i]) < w.first(out[j]) })
		return out
	}
	for _, a := range added {
		f := w.first(a)
		p := sort.Search(len(out), func(i int) bool { return w.first(out[i]) > f })
		out = slices.Insert(out, p, a)
	}
	return out
}

// positions returns where in set (which is in document order) the few
// removed highlights are, ascending, found by binary search on their first
// sentence (ids are unique in a set). ok is false when there are many, or
// one is not where document order puts it: replace then filters by id.
func (w *Workspace) positions(set, removed []Annotation) (pos []int, ok bool) {
	if len(removed) > 8 {
		return nil, false
	}
	for _, r := range removed {
		f := w.first(r)
		p := sort.Search(len(set), func(i int) bool { return w.first(set[i]) >= f })
		for p < len(set) && set[p].ID != r.ID && w.first(set[p]) == f {
			p++
		}
		if p == len(set) || set[p].ID != r.ID || slices.Contains(pos, p) {
			return nil, false
		}
		pos = append(pos, p)
	}
	slices.Sort(pos)
	return pos, true
}

// ResetHistory forgets every undo and redo step, for a workspace that has
// just been set up (a new document's default target, say) so that set-up is
// not something the reader can undo.
func (w *Workspace) ResetHistory() {
	w.undo, w.redo = nil, nil
}
