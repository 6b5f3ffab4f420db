package app

import (
	"maps"
	"slices"

	"stancemark/annotations"
)

// projectProgress is what is kept of a projectMode between visits, under
// the project's "/state" key: the annotator's place, the tasks done, their
// overall stances and active time. Saved by an earlier build it has no
// Changed or Active and reads as it was (nothing changed, no time).
type projectProgress struct {
	Annotator string                             `json:"annotator,omitempty"`
	Current   string                             `json:"current,omitempty"`  // a task id
	Done      []string                           `json:"done,omitempty"`     // task ids, in the project's order
	Overall   map[string]string                  `json:"overall,omitempty"`  // task id → overall stance label
	Changed   map[string]int64                   `json:"changed,omitempty"`  // task id → Unix ms of the last change of its done flag or overall stance
	Active    map[string]annotations.ActiveSpans `json:"active,omitempty"`   // task id → active time as merged intervals
	OnlyOpen  bool                               `json:"onlyOpen,omitempty"` // the queue shows the tasks not done only
}

// progress is pm as it is kept at now (Unix ms): the active time includes
// the span counting on the task on screen.
func (pm *projectMode) progress(now int64) projectProgress {
	st := projectProgress{Annotator: pm.annotator, Current: pm.task().ID, OnlyOpen: pm.onlyOpen}
	for _, t := range pm.p.Tasks {
		if pm.done[t.ID] {
			st.Done = append(st.Done, t.ID)
		}
		if o := pm.overall[t.ID]; o != "" {
			st.Overall = setIn(st.Overall, t.ID, o)
		}
		if at := pm.changed[t.ID]; at != 0 {
			st.Changed = setIn(st.Changed, t.ID, at)
		}
		if spans := pm.activeOf(t.ID, now); len(spans) > 0 {
			st.Active = setIn(st.Active, t.ID, spans)
		}
	}
	return st
}

// setIn is m with k set to v, made when nil.
func setIn[V any](m map[string]V, k string, v V) map[string]V {
	if m == nil {
		m = map[string]V{}
	}
	m[k] = v
	return m
}

// take sets pm's done flags, overall stances and active time from st (the
// place and the annotator are the caller's).
func (pm *projectMode) take(st projectProgress) {
	pm.done, pm.overall, pm.onlyOpen = map[string]bool{}, map[string]string{}, st.OnlyOpen
	pm.changed, pm.active = maps.Clone(st.Changed), maps.Clone(st.Active)
	if pm.changed == nil {
		pm.changed = map[string]int64{}
	}
	if pm.active == nil {
		pm.active = map[string]annotations.ActiveSpans{}
	}
	for _, id := range st.Done {
		pm.done[id] = true
	}
	for id, label := range st.Overall {
		if _, ok := pm.p.Scheme.Label(label); ok {
			pm.overall[id] = label
		}
	}
}

// activeOf is the active time of a task at now: what is recorded, and the
// span counting when it is the task on screen.
func (pm *projectMode) activeOf(taskID string, now int64) annotations.ActiveSpans {
	spans := pm.active[taskID]
	if taskID == pm.task().ID {
		if x, ok := pm.clock.Counted(now); ok {
			spans = spans.Add(x.Start, x.End)
		}
	}
	return spans
}

// record adds a span of active time to a task.
func (pm *projectMode) record(taskID string, x annotations.ActiveSpan) {
	pm.active[taskID] = pm.active[taskID].Add(x.Start, x.End)
}

// mergeProgress merges what another tab kept (theirs) into pm: per task the
// done flag and overall stance changed later win (ties keep a task done and
// the overall stance that sorts first, so both tabs agree), and active time
// is the union of both tabs' intervals. It reports whether pm changed, and
// whether pm now holds something theirs lacks (this tab must save it).
func (pm *projectMode) mergeProgress(theirs projectProgress) (changed, ahead bool) {
	other := &projectMode{p: pm.p}
	other.take(theirs)
	ids := map[string]bool{}
	for _, m := range []map[string]int64{pm.changed, other.changed} {
		for id := range m {
			ids[id] = true
		}
	}
	for _, id := range slices.Sorted(maps.Keys(ids)) {
		mine, their := pm.changed[id], other.changed[id]
		mineState := [2]string{boolString(pm.done[id]), pm.overall[id]}
		theirState := [2]string{boolString(other.done[id]), other.overall[id]}
		if mineState == theirState {
			pm.changed[id] = max(mine, their)
			continue
		}
		takeTheirs := their > mine || (their == mine && (theirState[0] == "true" && mineState[0] != "true" ||
			theirState[0] == mineState[0] && theirState[1] < mineState[1]))
		if takeTheirs {
			pm.done[id], pm.changed[id] = other.done[id], their
			if !pm.done[id] {
				delete(pm.done, id)
			}
			if o := other.overall[id]; o != "" {
				pm.overall[id] = o
			} else {
				delete(pm.overall, id)
			}
			changed = true
		} else {
			ahead = true
		}
	}
	for id, spans := range other.active {
		u := pm.active[id].Union(spans)
		if !u.Equal(pm.active[id]) {
			pm.active[id], changed = u, true
		}
	}
	for id, spans := range pm.active {
		if !spans.Equal(other.active[id]) {
			ahead = true // pm.active holds theirs already: it has more
		}
	}
	return changed, ahead
}
