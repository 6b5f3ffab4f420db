package annotations

import (
	"math/rand/v2"
	"testing"
)

// Inputs 10 s apart count the time between them; a pause past the idle
// threshold counts only the threshold; hiding the tab stops the count.
func TestActivityClockRule(t *testing.T) {
	const s = 1000
	c := ActivityClock{Idle: 60 * s}
	var iv ActiveSpans
	add := func(x ActiveSpan, ok bool) {
		if ok {
			iv = iv.Add(x.Start, x.End)
		}
	}
	add(c.Input(0))
	add(c.Input(10 * s))
	add(c.Input(20 * s))
	// five minutes away: the span ends 60 s after the last input
	add(c.Input(320 * s))
	if got := iv.Millis(); got != 80*s {
		t.Fatalf("after an idle pause: %d ms, want 80000 (0–20 s of inputs and 60 s of idle threshold)", got)
	}
	// the tab is hidden 5 s after the input at 320 s
	add(c.Stop(325 * s))
	if got := iv.Millis(); got != 85*s {
		t.Fatalf("after hiding: %d ms, want 85000", got)
	}
	// hidden: nothing counts, and a stop twice adds nothing
	add(c.Stop(400 * s))
	if got := iv.Millis(); got != 85*s {
		t.Fatalf("a second stop counted time: %d", got)
	}
	// back, one input, a save half a minute later counts the half minute
	add(c.Input(500 * s))
	x, ok := c.Counted(530 * s)
	if !ok || x != (ActiveSpan{500 * s, 530 * s}) {
		t.Fatalf("counted so far %+v %v", x, ok)
	}
	x, ok = c.Counted(900 * s)
	if !ok || x.End != 560*s {
		t.Fatalf("counted long after: %+v, want it to end at the idle threshold (560 s)", x)
	}
}

// The default idle threshold is the project's default, 60 s.
func TestActivityClockDefaultIdle(t *testing.T) {
	var c ActivityClock
	c.Input(0)
	if x, _ := c.Stop(10 * 60 * 1000); x.End != DefaultIdleSeconds*1000 {
		t.Errorf("default idle: span %+v", x)
	}
}

// Two tabs on the same task at the same time count once: their intervals
// merge as a union, in any order, and merging again changes nothing.
func TestIntervalsUnionMergesTabs(t *testing.T) {
	a := ActiveSpans{}.Add(0, 30_000).Add(100_000, 130_000)
	b := ActiveSpans{}.Add(20_000, 50_000).Add(200_000, 210_000)
	u := a.Union(b)
	want := ActiveSpans{{0, 50_000}, {100_000, 130_000}, {200_000, 210_000}}
	if !u.Equal(want) {
		t.Fatalf("union %v, want %v", u, want)
	}
	if u.Millis() != 90_000 {
		t.Errorf("merged time %d, want 90000 (added would be %d)", u.Millis(), a.Millis()+b.Millis())
	}
	if !b.Union(a).Equal(u) || !u.Union(a).Equal(u) || !u.Union(u).Equal(u) {
		t.Error("the union is not commutative and idempotent")
	}
}

// Property: the union's length is the measure of the covered instants, for
// random sets, compared with a count over a grid of milliseconds.
func TestIntervalsUnionMeasure(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		var a, b ActiveSpans
		covered := make([]bool, 2000)
		for range r.IntN(6) {
			s := int64(r.IntN(1900))
			e := s + int64(r.IntN(100))
			a = a.Add(s, e)
			for i := s; i < e; i++ {
				covered[i] = true
			}
		}
		for range r.IntN(6) {
			s := int64(r.IntN(1900))
			e := s + int64(r.IntN(100))
			b = b.Add(s, e)
			for i := s; i < e; i++ {
				covered[i] = true
			}
		}
		var want int64
		for _, c := range covered {
			if c {
				want++
			}
		}
		u := a.Union(b)
		if u.Millis() != want {
			t.Fatalf("union of %v and %v measures %d, want %d", a, b, u.Millis(), want)
		}
		for i := 1; i < len(u); i++ {
			if u[i].Start <= u[i-1].End {
				t.Fatalf("not disjoint and sorted: %v", u)
			}
		}
	}
}
