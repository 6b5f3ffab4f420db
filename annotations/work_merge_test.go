package annotations

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// sharedClock is the wall clock two tabs of one browser share.
type sharedClock struct {
	t    time.Time
	step time.Duration
}

func (c *sharedClock) now() time.Time {
	c.t = c.t.Add(c.step)
	return c.t
}

// twoTabs returns two workspaces restored from the state of base, as two
// tabs opened on it: a shared clock advancing one second per reading, ids
// "A1", "A2"... and "B1", "B2"...
func twoTabs(t testing.TB, base *Workspace, clock *sharedClock) (a, b *Workspace) {
	t.Helper()
	data, err := base.MarshalState()
	if err != nil {
		t.Fatal(err)
	}
	tab := func(prefix string) *Workspace {
		w, err := RestoreWorkspace(base.Doc, data)
		if err != nil {
			t.Fatal(err)
		}
		w.Now = clock.now
		n := 0
		w.NewID = func() string { n++; return fmt.Sprintf("%s%d", prefix, n) }
		return w
	}
	return tab("A"), tab("B")
}

func mustMerge(t testing.TB, dst, src *Workspace) bool {
	t.Helper()
	data, err := src.MarshalState()
	if err != nil {
		t.Fatal(err)
	}
	changed, err := dst.MergeState(data)
	if err != nil {
		t.Fatalf("MergeState: %v", err)
	}
	return changed
}

// exchange merges a's save into b and b's into a, both saved before either
// merge.
func exchange(t testing.TB, a, b *Workspace) (changedA, changedB bool) {
	t.Helper()
	da, db := must(a.MarshalState()), must(b.MarshalState())
	changedA, err := a.MergeState(db)
	if err != nil {
		t.Fatal(err)
	}
	changedB, err = b.MergeState(da)
	if err != nil {
		t.Fatal(err)
	}
	return changedA, changedB
}

func shared(t testing.TB, w *Workspace) string {
	t.Helper()
	data, err := w.marshalShared()
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestMergeStateConflicts is the conflict rule, case by case: both tabs
// start from the same state (s1..s3 "supports" a1, s5 "opposes" a2), edit,
// then merge each other's save in both orders.
func TestMergeStateConflicts(t *testing.T) {
	tests := []struct {
		name   string
		a, b   func(t *testing.T, w *Workspace) // a runs first (earlier clock)
		want   string                           // highlights(merged)
		target string
	}{
		{
			name: "edits of different highlights both survive",
			a:    func(t *testing.T, w *Workspace) { mustTag(t, w, 6, 7, "neutral") },
			b:    func(t *testing.T, w *Workspace) { mustNote(t, w, "a1", "from B") },
			want: `s1-s3 supports a1 "from B" | s5-s5 opposes a2 | s7-s8 neutral A1`,
		},
		{
			name: "same highlight relabelled in both: the later wins",
			a:    func(t *testing.T, w *Workspace) { mustTag(t, w, 0, 2, "neutral") },
			b:    func(t *testing.T, w *Workspace) { mustTag(t, w, 0, 2, "opposes") },
			want: `s1-s3 opposes a1 | s5-s5 opposes a2`,
		},
		{
			name: "deleted in one, noted later in the other: the note wins",
			a:    func(t *testing.T, w *Workspace) { w.Clear(0, 2) },
			b:    func(t *testing.T, w *Workspace) { mustNote(t, w, "a1", "keep me") },
			want: `s1-s3 supports a1 "keep me" | s5-s5 opposes a2`,
		},
		{
			name: "noted in one, deleted later in the other: deleted",
			a:    func(t *testing.T, w *Workspace) { mustNote(t, w, "a1", "lost") },
			b:    func(t *testing.T, w *Workspace) { w.Clear(0, 2) },
			want: `s5-s5 opposes a2`,
		},
		{
			name: "overlapping new highlights: the later keeps the sentences",
			a:    func(t *testing.T, w *Workspace) { mustTag(t, w, 5, 8, "neutral") },
			b:    func(t *testing.T, w *Workspace) { mustTag(t, w, 6, 7, "unrelated") },
			want: `s1-s3 supports a1 | s5-s5 opposes a2 | s6-s6 neutral A1 | s7-s8 unrelated B1 | s9-s9 neutral A1-2`,
		},
		{
			name: "an earlier highlight inside a later one disappears",
			a:    func(t *testing.T, w *Workspace) { mustTag(t, w, 7, 7, "neutral") },
			b:    func(t *testing.T, w *Workspace) { mustTag(t, w, 6, 8, "unrelated") },
			want: `s1-s3 supports a1 | s5-s5 opposes a2 | s7-s9 unrelated B1`,
		},
		{
			name: "a split in one tab, a note in the other: the split is later",
			a:    func(t *testing.T, w *Workspace) { mustNote(t, w, "a1", "n") },
			b:    func(t *testing.T, w *Workspace) { mustTag(t, w, 1, 1, "neutral") },
			want: `s1-s1 supports a1 | s2-s2 neutral B2 | s3-s3 supports B1 | s5-s5 opposes a2`,
		},
		{
			name: "undo is a change made now",
			a: func(t *testing.T, w *Workspace) {
				mustTag(t, w, 0, 2, "neutral")
			},
			b: func(t *testing.T, w *Workspace) {
				mustTag(t, w, 4, 4, "neutral")
				w.Undo() // back to opposes, stamped after A's relabel
			},
			want: `s1-s3 neutral a1 | s5-s5 opposes a2`,
		},
		{
			name:   "target: the later wins",
			a:      func(t *testing.T, w *Workspace) { w.SetTarget("from A") },
			b:      func(t *testing.T, w *Workspace) { mustTag(t, w, 9, 9, "neutral"); w.SetTarget("from B") },
			want:   `s1-s3 supports a1 | s5-s5 opposes a2 | s10-s10 neutral B1`,
			target: "from B",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := testWorkspace(t, 10)
			mustTag(t, base, 0, 2, "supports")
			mustTag(t, base, 4, 4, "opposes")
			clock := &sharedClock{t: testEpoch.Add(time.Hour), step: time.Second}
			a, b := twoTabs(t, base, clock)
			tt.a(t, a)
			tt.b(t, b)
			ca, cb := exchange(t, a, b)
			if !ca && !cb {
				t.Errorf("neither tab changed")
			}
			if got := highlights(a); got != tt.want {
				t.Errorf("merged:\n got %s\nwant %s", got, tt.want)
			}
			if shared(t, a) != shared(t, b) {
				t.Errorf("the tabs differ:\n%s\n%s", shared(t, a), shared(t, b))
			}
			if tt.target != "" && a.Scheme().Target != tt.target {
				t.Errorf("target %q, want %q", a.Scheme().Target, tt.target)
			}
			checkInvariants(t, a)
			checkInvariants(t, b)
			if mustMerge(t, a, b) || mustMerge(t, b, a) {
				t.Error("merging converged tabs changed something")
			}
		})
	}
}

func TestMergeStateIdempotent(t *testing.T) {
	w, _ := testState(t)
	w.Undo()
	w.Redo()
	data, _ := w.MarshalState()
	v := w.Version()
	for range 2 {
		changed, err := w.MergeState(data)
		if err != nil || changed {
			t.Fatalf("merging its own state: %v, %v", changed, err)
		}
	}
	if w.Version() != v || !w.CanUndo() {
		t.Error("a merge that changed nothing bumped the version or cleared history")
	}
	again, _ := w.MarshalState()
	if !bytes.Equal(data, again) {
		t.Errorf("state changed:\n%s\n%s", data, again)
	}
}

func TestMergeStateClearsHistoryAndKeepsLocalState(t *testing.T) {
	base := testWorkspace(t, 6)
	clock := &sharedClock{t: testEpoch, step: time.Second}
	a, b := twoTabs(t, base, clock)
	a.Annotator = "Ada"
	b.Annotator = "Bea"
	mustTag(t, a, 0, 0, "supports")
	b.SelectScheme("fever")
	mustTag(t, b, 1, 1, "refutes")
	v := a.Version()
	if !mustMerge(t, a, b) {
		t.Fatal("not changed")
	}
	if a.CanUndo() || a.CanRedo() || a.Version() == v {
		t.Error("history kept or version not bumped")
	}
	if a.Scheme().ID != "default" || a.Annotator != "Ada" {
		t.Errorf("active %q annotator %q: the merge changed local state", a.Scheme().ID, a.Annotator)
	}
	if as := a.AnnotationsFor("fever"); len(as) != 1 || as[0].Annotator != "Ada" {
		t.Errorf("fever highlights %v", as)
	}
}

func TestMergeStateErrorsLeaveWorkspace(t *testing.T) {
	w, data := testState(t)
	before, _ := w.MarshalState()
	v := w.Version()
	for name, in := range map[string]string{
		"other document": strings.Replace(string(data), w.Doc.ID, DocumentID("x"), 1),
		"corrupt":        string(data[:len(data)/2]),
		"empty":          "",
		"unknown label":  strings.Replace(string(data), `"label":"discuss"`, `"label":"nope"`, 1),
	} {
		t.Run(name, func(t *testing.T) {
			changed, err := w.MergeState([]byte(in))
			var ie *ImportError
			if changed || !errors.As(err, &ie) {
				t.Errorf("MergeState = %v, %v", changed, err)
			}
			if after, _ := w.MarshalState(); !bytes.Equal(before, after) || w.Version() != v || !w.CanUndo() {
				t.Error("the workspace changed")
			}
		})
	}
}

// TestMergeStateSchemes: custom schemes added in both tabs survive, in the
// same order in both; a label removed in one tab and used in the other comes
// back.
func TestMergeStateSchemes(t *testing.T) {
	base := testWorkspace(t, 6)
	clock := &sharedClock{t: testEpoch, step: time.Second}
	a, b := twoTabs(t, base, clock)
	custom := func(id string) Scheme {
		return Scheme{ID: id, Name: id, Labels: []Label{{ID: "x", Name: "X", Key: "1", Color: "#000000"}}}
	}
	if err := a.SetScheme(custom("zeta")); err != nil {
		t.Fatal(err)
	}
	if err := b.SetScheme(custom("alpha")); err != nil {
		t.Fatal(err)
	}
	mustTag(t, a, 0, 0, "neutral")
	s := b.Scheme()
	s.Labels = s.Labels[:2] // removes neutral and unrelated, unused in b
	if err := b.SetScheme(s); err != nil {
		t.Fatal(err)
	}
	exchange(t, a, b)
	if shared(t, a) != shared(t, b) {
		t.Fatalf("the tabs differ:\n%s\n%s", shared(t, a), shared(t, b))
	}
	var ids []string
	for _, s := range a.Schemes() {
		ids = append(ids, s.ID)
	}
	if got := strings.Join(ids, " "); got != "default fnc1 semeval2016 rumoureval fever alpha zeta" {
		t.Errorf("schemes %s", got)
	}
	if got := a.Scheme().labelIDs(); got != "supports, opposes, neutral" {
		t.Errorf("labels %s; want neutral back, after the others", got)
	}
	if a.LabelAt(0) != "neutral" {
		t.Error("the highlight using the removed label was lost")
	}
}

// TestMergeStateOldState: a state saved before stamps existed merges by the
// highlights' modified times.
func TestMergeStateOldState(t *testing.T) {
	old, err := os.ReadFile("testdata/state/v1-2025-01.json")
	if err != nil {
		t.Fatal(err)
	}
	doc := bundledArticle(t)
	w, err := RestoreWorkspace(doc, old)
	if err != nil {
		t.Fatal(err)
	}
	w.Now = (&sharedClock{t: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC), step: time.Second}).now
	w.SelectScheme("default")
	mustNote(t, w, "a000000000004", "later")
	if changed, err := w.MergeState(old); err != nil || changed {
		t.Fatalf("merging the older state into a newer one: %v, %v", changed, err)
	}
	r, _ := RestoreWorkspace(doc, old)
	data, _ := w.MarshalState()
	if changed, err := r.MergeState(data); err != nil || !changed {
		t.Fatalf("merging the newer state into the older: %v, %v", changed, err)
	}
	if a, _ := r.AnnotationsFor("default"), 0; a[3].Note != "later" {
		t.Errorf("note %q", a[3].Note)
	}
}

// TestMergeStateRandom: two tabs make random edits from a common state and
// exchange their saves through one storage key, with races: a save may
// overwrite the other tab's before that tab has seen it, and a tab reading
// the key on a storage event may read a newer save than the event's. After
// every save has been seen, both tabs have the same state, and every edit
// is in it unless a later change of the same highlight replaced it.
func TestMergeStateRandom(t *testing.T) {
	// 24 runs take a few seconds (a minute with -race); STANCEMARK_SEEDS
	// runs more.
	n := uint64(24)
	if v, err := strconv.Atoi(os.Getenv("STANCEMARK_SEEDS")); err == nil {
		n = uint64(v)
	}
	for seed := range n {
		t.Run(fmt.Sprint(seed), func(t *testing.T) { randomTabs(t, seed) })
	}
}

type tabEvent struct{ data []byte }

// edit is what one change did to one highlight: stamp, present, label, note.
type edit struct {
	scheme, id  string
	stamp       time.Time
	present     bool
	label, note string
	tab         int
	description string
}

func randomTabs(t *testing.T, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 7))
	base := testWorkspace(t, 10)
	mustTag(t, base, 0, 2, "supports")
	mustTag(t, base, 5, 6, "opposes")
	// Ties happen: the clock sometimes does not move between readings.
	clock := &sharedClock{t: testEpoch.Add(time.Hour), step: time.Duration(seed%3) * time.Millisecond}
	a, b := twoTabs(t, base, clock)
	tabs := [2]*Workspace{a, b}
	var storage []byte
	queue := [2][]tabEvent{}
	var edits []edit
	var log []string
	save := func(i int) {
		data, err := tabs[i].MarshalState()
		if err != nil {
			t.Fatal(err)
		}
		storage = data
		queue[1-i] = append(queue[1-i], tabEvent{data})
	}
	entries := func(w *Workspace) map[[2]string]edit {
		m := make(map[[2]string]edit)
		for _, s := range w.schemes {
			for _, h := range w.sets[s.ID] {
				m[[2]string{s.ID, h.ID}] = edit{scheme: s.ID, id: h.ID, stamp: w.stampOf(s.ID, h), present: true, label: h.Label, note: h.Note}
			}
			if st := w.stamps[s.ID]; st != nil {
				for id, at := range st.removed {
					m[[2]string{s.ID, id}] = edit{scheme: s.ID, id: id, stamp: at}
				}
			}
		}
		return m
	}
	labels := []string{"supports", "opposes", "neutral", "unrelated"}
	for step := 0; step < 40 || len(queue[0])+len(queue[1]) > 0; step++ {
		i := rng.IntN(2)
		w := tabs[i]
		if step >= 40 || len(queue[i]) > 0 && rng.IntN(3) == 0 {
			if len(queue[i]) == 0 {
				i = 1 - i
				w = tabs[i]
			}
			ev := queue[i][0]
			queue[i] = queue[i][1:]
			data := ev.data
			if rng.IntN(4) == 0 {
				data = storage // read the key: maybe newer, maybe our own
			}
			changed, err := w.MergeState(data)
			if err != nil {
				t.Fatal(err)
			}
			log = append(log, fmt.Sprintf("%c merges (changed %v)", 'A'+i, changed))
			if !w.MatchesState(data) {
				save(i)
			}
			checkInvariants(t, w)
			continue
		}
		before := entries(w)
		first, last := rng.IntN(10), rng.IntN(10)
		var what string
		switch op := rng.IntN(10); {
		case op < 4:
			l := labels[rng.IntN(4)]
			w.Tag(first, last, l)
			what = fmt.Sprintf("Tag(%d, %d, %s)", first, last, l)
		case op < 5:
			w.Clear(first, last)
			what = fmt.Sprintf("Clear(%d, %d)", first, last)
		case op < 7:
			if as := w.Annotations(); len(as) > 0 {
				h := as[rng.IntN(len(as))]
				note := fmt.Sprintf("note %d", step)
				mustNote(t, w, h.ID, note)
				what = fmt.Sprintf("SetNote(%s, %s)", h.ID, note)
			}
		case op < 8:
			what = fmt.Sprintf("Undo %v", w.Undo())
		case op < 9:
			what = fmt.Sprintf("Redo %v", w.Redo())
		default:
			id := []string{"default", "fnc1"}[rng.IntN(2)]
			w.SelectScheme(id)
			what = "SelectScheme " + id
			if id == "fnc1" {
				labels = []string{"agree", "disagree", "discuss", "unrelated"}
			} else {
				labels = []string{"supports", "opposes", "neutral", "unrelated"}
			}
		}
		log = append(log, fmt.Sprintf("%c %s", 'A'+i, what))
		for k, e := range entries(w) {
			if old, ok := before[k]; !ok || old != e {
				e.tab, e.description = i, what
				edits = append(edits, e)
			}
		}
		save(i)
	}
	report := func() string { return strings.Join(log, "\n") }
	sa, sb := shared(t, a), shared(t, b)
	if sa != sb {
		t.Fatalf("the tabs did not converge:\n%s\n%s\nafter\n%s", sa, sb, report())
	}
	final := entries(a)
	// tie reports whether the other tab changed the same highlight with the
	// same stamp: then either edit may win.
	tie := func(e edit) bool {
		for _, o := range edits {
			if o.tab != e.tab && o.scheme == e.scheme && o.id == e.id && o.stamp.Equal(e.stamp) {
				return true
			}
		}
		return false
	}
	for _, e := range edits {
		if clock.step == 0 {
			// Every stamp can tie with another: the tie-break decides, and
			// convergence is all there is to check.
			break
		}
		got, ok := final[[2]string{e.scheme, e.id}]
		switch {
		case !ok:
			t.Errorf("%c %s: %s %s is gone without a trace", 'A'+e.tab, e.description, e.scheme, e.id)
		case got.stamp.Before(e.stamp):
			t.Errorf("%c %s: %s %s has stamp %v, before the edit's %v", 'A'+e.tab, e.description, e.scheme, e.id, got.stamp, e.stamp)
		case got.stamp.Equal(e.stamp) && (got.present != e.present || got.label != e.label || got.note != e.note) && !tie(e):
			t.Errorf("%c %s: %s %s is %+v, want %+v", 'A'+e.tab, e.description, e.scheme, e.id, got, e)
		}
	}
	if t.Failed() {
		t.Log(report())
	}
	checkInvariants(t, a)
}

func BenchmarkMergeState(b *testing.B) {
	w := benchWorkspace(b)
	clock := &sharedClock{t: testEpoch, step: time.Second}
	w.Now = clock.now
	other, _ := RestoreWorkspace(w.Doc, must(w.MarshalState()))
	other.Now = clock.now
	// The other tab relabelled 50 highlights, tagged 20 new runs
	// (overlapping this tab's) and cleared 10.
	for i := range 50 {
		other.Tag(i*60, i*60+2, "neutral")
	}
	for i := range 20 {
		other.Tag(i*200+1, i*200+4, "opposes")
	}
	for i := range 10 {
		other.Clear(i*300+3000, i*300+3002)
	}
	data := must(other.MarshalState())
	b.SetBytes(int64(len(data)))
	b.ReportMetric(float64(len(w.Annotations())), "highlights")
	b.ResetTimer()
	own := must(w.MarshalState())
	for b.Loop() {
		b.StopTimer()
		r, _ := RestoreWorkspace(w.Doc, own)
		b.StartTimer()
		if changed, err := r.MergeState(data); err != nil || !changed {
			b.Fatal(changed, err)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
