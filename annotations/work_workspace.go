package annotations

import (
	"crypto/rand"
	"encoding/hex"
	"slices"
	"time"
)

// DefaultMaxHistory is the number of undo steps a Workspace keeps unless
// MaxHistory says otherwise.
const DefaultMaxHistory = 500

// Workspace holds the highlights of one document under every scheme, the
// active scheme and the undo history. Every change (Tag, Clear, SetNote,
// SetTarget, SetScheme, Import) is one undo step. A Workspace is not safe
// for concurrent use.
type Workspace struct {
	Doc        *Document
	Annotator  string           // the name given to new highlights and exports
	Now        func() time.Time // clock; nil means time.Now; results are truncated to milliseconds, UTC
	NewID      func() string    // highlight ids; default "a" + 12 random lowercase hex digits
	MaxHistory int              // undo steps kept; 0 or less means DefaultMaxHistory

	schemes []Scheme
	active  string
	sets    map[string][]Annotation // scheme id -> highlights in document order
	index   []int                   // sentence index -> position in sets[active], or -1
	undo    []*change
	redo    []*change
	version uint64

	// For MergeState (work_stamps.go, work_merge.go).
	stamps         map[string]*schemeStamps // scheme id -> stamps of it and its highlights
	removedSchemes map[string]time.Time     // removed scheme id -> when (a tombstone)
	lastStamp      time.Time                // the latest stamp given or seen
	lastNow        time.Time                // the clock's latest reading
}

// NewWorkspace returns an empty workspace on doc (not nil) with the
// Presets, the "default" scheme active.
func NewWorkspace(doc *Document) *Workspace {
	w := &Workspace{
		Doc:        doc,
		NewID:      randomID,
		MaxHistory: DefaultMaxHistory,
		schemes:    Presets(),
		active:     "default",
		sets:       make(map[string][]Annotation),
	}
	w.reindex()
	return w
}

// NewWorkspaceFor is NewWorkspace with target as the claim of every
// label set (stamped as a scheme change, as SetScheme does, so that two
// tabs merge it), and no history: opening a document with its claim is not
// a change to undo. An empty target leaves the presets' claims.
func NewWorkspaceFor(doc *Document, target string) *Workspace {
	w := NewWorkspace(doc)
	if target == "" {
		return w
	}
	for _, sc := range w.Schemes() {
		sc.Target = target
		_ = w.SetScheme(sc) // a preset with a new claim is valid
	}
	w.ResetHistory()
	return w
}

// randomID returns "a" followed by 12 random lowercase hex digits.
func randomID() string {
	var b [6]byte
	rand.Read(b[:])
	return "a" + hex.EncodeToString(b[:])
}

// Schemes returns a copy of every scheme, in order.
func (w *Workspace) Schemes() []Scheme {
	out := make([]Scheme, len(w.schemes))
	for i, s := range w.schemes {
		out[i] = s.clone()
	}
	return out
}

// Scheme returns a copy of the active scheme.
func (w *Workspace) Scheme() Scheme {
	if i := w.schemeIndex(w.active); i >= 0 {
		return w.schemes[i].clone()
	}
	return Scheme{}
}

// SelectScheme makes the scheme id active. The highlights of every scheme
// are kept. It is not an undo step.
func (w *Workspace) SelectScheme(id string) error {
	if w.schemeIndex(id) < 0 {
		return becausef(ErrUnknownScheme, "unknown scheme %q", id)
	}
	if id != w.active {
		w.active = id
		w.reindex()
		w.version++
	}
	return nil
}

// Annotations returns the highlights of the active scheme in document
// order. The slice is the workspace's own: do not modify it.
func (w *Workspace) Annotations() []Annotation { return w.sets[w.active] }

// AnnotationsFor returns the highlights of scheme schemeID in document
// order. The slice is the workspace's own: do not modify it.
func (w *Workspace) AnnotationsFor(schemeID string) []Annotation { return w.sets[schemeID] }

// Annotation returns the highlight of the active scheme with the given id.
func (w *Workspace) Annotation(id string) (Annotation, bool) {
	if p := w.position(id); p >= 0 {
		return w.sets[w.active][p], true
	}
	return Annotation{}, false
}

// At returns the highlight of the active scheme that covers sentence index
// i. It is O(1).
func (w *Workspace) At(i int) (Annotation, bool) {
	if i < 0 || i >= len(w.index) || w.index[i] < 0 {
		return Annotation{}, false
	}
	return w.sets[w.active][w.index[i]], true
}

// LabelAt returns the label id of the highlight covering sentence index i
// in the active scheme, or "". It is O(1).
func (w *Workspace) LabelAt(i int) string {
	if i < 0 || i >= len(w.index) || w.index[i] < 0 {
		return ""
	}
	return w.sets[w.active][w.index[i]].Label
}

// Counts returns the number of sentences of the document tagged in the
// active scheme and, for every label of the scheme, how many sentences carry
// it.
func (w *Workspace) Counts() (tagged int, perLabel map[string]int) {
	perLabel = make(map[string]int)
	for _, l := range w.Scheme().Labels {
		perLabel[l.ID] = 0
	}
	for _, a := range w.sets[w.active] {
		tagged += len(a.SentenceIDs)
		perLabel[a.Label] += len(a.SentenceIDs)
	}
	return tagged, perLabel
}

// Version returns a number that changes on every change to the workspace,
// including undo, redo, import and SelectScheme.
func (w *Workspace) Version() uint64 { return w.version }

// Export returns the active scheme's highlights as a native export made at
// the given time.
func (w *Workspace) Export(exported time.Time) *Export {
	set := w.sets[w.active]
	as := make([]Annotation, len(set))
	for i, a := range set {
		as[i] = a.clone()
	}
	return &Export{
		Format:      FormatV1,
		Exported:    exported.UTC().Truncate(time.Millisecond),
		Annotator:   ExportAnnotator{Name: w.Annotator},
		Document:    w.Doc.ExportDocument(),
		Scheme:      w.Scheme(),
		Annotations: as,
	}
}

// schemeIndex returns the index in w.schemes of scheme id, or -1.
func (w *Workspace) schemeIndex(id string) int {
	return slices.IndexFunc(w.schemes, func(s Scheme) bool { return s.ID == id })
}

// position returns the position in the active set of highlight id, or -1.
func (w *Workspace) position(id string) int {
	return slices.IndexFunc(w.sets[w.active], func(a Annotation) bool { return a.ID == id })
}

// reindex rebuilds w.index for the active scheme.
func (w *Workspace) reindex() {
	n := len(w.Doc.Sentences)
	if cap(w.index) < n {
		w.index = make([]int, n)
	}
	w.index = w.index[:n]
	for i := range w.index {
		w.index[i] = -1
	}
	for p, a := range w.sets[w.active] {
		first := w.first(a)
		for k := range a.SentenceIDs {
			if first+k >= 0 && first+k < n {
				w.index[first+k] = p
			}
		}
	}
}

// first returns the sentence index of a's first sentence (-1 if unknown).
func (w *Workspace) first(a Annotation) int {
	if len(a.SentenceIDs) == 0 {
		return -1
	}
	return w.Doc.SentenceIndex(a.SentenceIDs[0])
}

// bounds returns the sentence indexes of a's first and last sentences.
func (w *Workspace) bounds(a Annotation) (first, last int) {
	first = w.first(a)
	return first, first + len(a.SentenceIDs) - 1
}

// now returns the clock's time in UTC truncated to milliseconds.
func (w *Workspace) now() time.Time {
	clock := w.Now
	if clock == nil {
		clock = time.Now
	}
	w.lastNow = clock().UTC().Truncate(time.Millisecond)
	return w.lastNow
}

// newID returns a highlight id not used in the active scheme, nor by a
// highlight removed from it that another tab may still have.
func (w *Workspace) newID() string {
	gen := w.NewID
	if gen == nil {
		gen = randomID
	}
	for {
		id := gen()
		if id != "" && w.position(id) < 0 && !w.removedID(w.active, id) {
			return id
		}
	}
}

// sentenceIDs returns the ids of sentences first..last.
func (w *Workspace) sentenceIDs(first, last int) []string {
	ids := make([]string, 0, last-first+1)
	for i := first; i <= last; i++ {
		ids = append(ids, w.Doc.Sentences[i].ID)
	}
	return ids
}

// removedID reports whether id is a tombstone of scheme.
func (w *Workspace) removedID(scheme, id string) bool {
	if st := w.stamps[scheme]; st != nil {
		_, ok := st.removed[id]
		return ok
	}
	return false
}
