package annotations

import (
	"cmp"
	"slices"
)

// Active time: how long an annotator was working on a task.
//
// The rule, exactly: every input (a key press, a pointer press, a touch, a
// wheel turn or typing in a field) at time t counts the span from t to the
// next input, or to t + the project's idle threshold (ProjectOptions
// IdleSeconds, 60 s by default) if that comes first, or to the moment the
// tab stops being visible if that comes sooner still. Nothing counts while
// the tab is hidden. Each tab records the spans as intervals of wall-clock
// time (Unix milliseconds); two tabs' intervals are merged as a union, so
// time spent with both open on the same task counts once, not twice. A
// task's active time is the total length of its merged intervals.

// ActiveSpan is a span of active time, in Unix milliseconds: [Start, End).
type ActiveSpan struct {
	Start int64 `json:"start"`
	End   int64 `json:"end"`
}

// ActiveSpans is a set of active time: sorted, disjoint, none empty.
type ActiveSpans []ActiveSpan

// Add is the set with the span [start, end) added (merged with any it
// touches or overlaps). An empty or reversed span adds nothing.
func (iv ActiveSpans) Add(start, end int64) ActiveSpans {
	if end <= start {
		return iv
	}
	return iv.Union(ActiveSpans{{start, end}})
}

// Union is every instant in iv or in other, as a set.
func (iv ActiveSpans) Union(other ActiveSpans) ActiveSpans {
	all := make([]ActiveSpan, 0, len(iv)+len(other))
	for _, x := range append(slices.Clone(iv), other...) {
		if x.End > x.Start {
			all = append(all, x)
		}
	}
	slices.SortFunc(all, func(a, b ActiveSpan) int { return cmp.Compare(a.Start, b.Start) })
	var out ActiveSpans
	for _, x := range all {
		if n := len(out); n > 0 && x.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, x.End)
			continue
		}
		out = append(out, x)
	}
	return out
}

// Millis is the total length of the set.
func (iv ActiveSpans) Millis() int64 {
	var ms int64
	for _, x := range iv {
		ms += x.End - x.Start
	}
	return ms
}

// Equal reports whether two sets are the same.
func (iv ActiveSpans) Equal(other ActiveSpans) bool { return slices.Equal(iv, other) }

// ActivityClock turns one tab's inputs and visibility into intervals of
// active time by the rule above. The zero clock has no open span; times are
// Unix milliseconds.
type ActivityClock struct {
	Idle  int64 // the idle threshold in milliseconds; <= 0 means DefaultIdleSeconds
	open  bool  // an input's span is counting
	start int64 // where the open span began
	last  int64 // the latest input of the open span
}

func (c *ActivityClock) idle() int64 {
	if c.Idle <= 0 {
		return DefaultIdleSeconds * 1000
	}
	return c.Idle
}

// Input records an input at t (the tab visible) and returns the span it
// closed, if the previous one ended by going idle (ok false otherwise).
func (c *ActivityClock) Input(t int64) (closed ActiveSpan, ok bool) {
	if c.open && t <= c.last+c.idle() {
		c.last = max(c.last, t)
		return ActiveSpan{}, false
	}
	if c.open {
		closed, ok = ActiveSpan{c.start, c.last + c.idle()}, true
	}
	c.open, c.start, c.last = true, t, t
	return closed, ok
}

// Stop ends the open span at t (the tab hidden, the task left, the page
// closed) and returns it: from its start to t or to the idle threshold
// after its last input, whichever is sooner.
func (c *ActivityClock) Stop(t int64) (ActiveSpan, bool) {
	if !c.open {
		return ActiveSpan{}, false
	}
	c.open = false
	end := min(t, c.last+c.idle())
	if end <= c.start {
		return ActiveSpan{}, false
	}
	return ActiveSpan{c.start, end}, true
}

// Running reports whether a span is counting.
func (c *ActivityClock) Running() bool { return c.open }

// Counted is the open span as it stands at now (empty when none), without
// ending it: what a save made at now records.
func (c *ActivityClock) Counted(now int64) (ActiveSpan, bool) {
	if !c.open {
		return ActiveSpan{}, false
	}
	end := min(now, c.last+c.idle())
	if end <= c.start {
		return ActiveSpan{}, false
	}
	return ActiveSpan{c.start, end}, true
}
