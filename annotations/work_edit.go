package annotations

import (
	"fmt"
	"strings"
	"time"
)

// Tag tags the sentences first..last (indexes, inclusive, in any order)
// with label in the active scheme and returns the resulting highlight,
// following the tagging rule of the package documentation. The error wraps
// ErrRange or ErrUnknownLabel.
func (w *Workspace) Tag(first, last int, label string) (Annotation, error) {
	if first > last {
		first, last = last, first
	}
	if first < 0 || last >= len(w.Doc.Sentences) {
		return Annotation{}, becausef(ErrRange, "sentences %d to %d are outside the document (it has %d sentences)", first, last, len(w.Doc.Sentences))
	}
	s := w.Scheme()
	if _, ok := s.Label(label); !ok {
		return Annotation{}, becausef(ErrUnknownLabel, "unknown label %q (the scheme has %s)", label, s.labelIDs())
	}
	now := w.now()
	if p := w.index[first]; p >= 0 {
		old := w.sets[w.active][p]
		if f, l := w.bounds(old); f == first && l == last {
			if old.Label == label {
				return old, nil
			}
			a := old.clone()
			a.Label, a.Modified = label, later(now, a.Created)
			c := w.newChange([]Annotation{old}, []Annotation{a})
			c.at = now
			w.commit(c)
			return a, nil
		}
	}
	c, notes := w.cut(first, last, now)
	a := Annotation{
		ID: w.newID(), SentenceIDs: w.sentenceIDs(first, last), Label: label,
		Note: strings.Join(notes, "\n\n"), Annotator: w.Annotator, Created: now, Modified: now,
	}
	c.added = append(c.added, a)
	c.at = now
	w.commit(c)
	return a, nil
}

// Clear removes the sentences first..last (indexes, inclusive, in any
// order; clamped to the document) from every highlight of the active
// scheme, splitting highlights as Tag does. It reports whether anything
// changed; when nothing did there is no undo step.
func (w *Workspace) Clear(first, last int) bool {
	if first > last {
		first, last = last, first
	}
	first, last = max(first, 0), min(last, len(w.Doc.Sentences)-1)
	if first > last {
		return false
	}
	now := w.now()
	c, _ := w.cut(first, last, now)
	if len(c.removed) == 0 {
		return false
	}
	c.at = now
	w.commit(c)
	return true
}

// SetNote sets the note of the highlight id of the active scheme and
// updates its Modified time. An unchanged note is not an undo step. The
// error wraps ErrUnknownAnnotation, or ErrTooLong for a note of more than
// MaxNoteRunes characters; then nothing changes.
func (w *Workspace) SetNote(annotationID, note string) error {
	p := w.position(annotationID)
	if p < 0 {
		return becausef(ErrUnknownAnnotation, "there is no highlight %q", annotationID)
	}
	note = strings.ToValidUTF8(note, "\uFFFD")
	if err := tooLong(note, "a note", MaxNoteRunes); err != nil {
		return fieldErr("note", err)
	}
	old := w.sets[w.active][p]
	if old.Note == note {
		return nil
	}
	a := old.clone()
	now := w.now()
	a.Note, a.Modified = note, later(now, a.Created)
	c := w.newChange([]Annotation{old}, []Annotation{a})
	c.at = now
	w.commit(c)
	return nil
}

// SetTarget sets the target claim of the active scheme. An unchanged target
// is not an undo step. A target of more than MaxTargetRunes characters is
// refused with an error wrapping ErrTooLong, and nothing changes.
func (w *Workspace) SetTarget(target string) error {
	old := w.Scheme()
	if old.Target == target {
		return nil
	}
	if err := tooLong(target, "the target claim", MaxTargetRunes); err != nil {
		return fieldErr("target", err)
	}
	s := old.clone()
	s.Target = target
	c := w.newChange(nil, nil)
	c.schemeChanged, c.before, c.after = true, &old, &s
	w.commit(c)
	return nil
}

// SetScheme replaces the scheme with s's id, or adds s when there is none
// (it does not make it active). s must be valid (Scheme.Validate). Removing
// a label that highlights use is refused with an error wrapping
// ErrLabelInUse, and nothing changes. An identical scheme is not an undo
// step.
func (w *Workspace) SetScheme(s Scheme) error {
	if err := s.Validate(); err != nil {
		return err
	}
	s = s.clone()
	c := &change{scheme: s.ID, schemeChanged: true, after: &s, activeBefore: w.active, activeAfter: w.active}
	if i := w.schemeIndex(s.ID); i >= 0 {
		old := w.schemes[i].clone()
		if old.equal(s) {
			return nil
		}
		used := make(map[string]int)
		for _, a := range w.sets[s.ID] {
			if _, ok := s.Label(a.Label); !ok {
				used[a.Label]++
			}
		}
		for _, l := range old.Labels {
			if n := used[l.ID]; n > 0 {
				return fieldErrf("labels", ErrLabelInUse,
					"label %q is used by %s; clear or retag them before removing it", l.ID, pluralize(n, "highlight"))
			}
		}
		c.before = &old
	}
	w.commit(c)
	return nil
}

// newChange returns a change of the active scheme's highlights.
func (w *Workspace) newChange(removed, added []Annotation) *change {
	return &change{scheme: w.active, removed: removed, added: added, activeBefore: w.active, activeAfter: w.active}
}

// cut returns the change that removes sentences first..last from every
// highlight of the active scheme (not applied), and the non-empty notes of
// the highlights it removes entirely, in document order. Of a highlight
// that overlaps first..last, the part before first keeps its id and
// Created; the part after last keeps them too when there is no part before,
// and otherwise gets a new id.
func (w *Workspace) cut(first, last int, now time.Time) (*change, []string) {
	c := w.newChange(nil, nil)
	var notes []string
	set := w.sets[w.active]
	for i := first; i <= last; i++ {
		p := w.index[i]
		if p < 0 {
			continue
		}
		old := set[p]
		as, ae := w.bounds(old)
		c.removed = append(c.removed, old)
		i = ae
		if as >= first && ae <= last {
			if old.Note != "" {
				notes = append(notes, old.Note)
			}
			continue
		}
		if as < first {
			left := old.clone()
			left.SentenceIDs = w.sentenceIDs(as, first-1)
			left.Modified = later(now, left.Created)
			c.added = append(c.added, left)
		}
		if ae > last {
			right := old.clone()
			right.SentenceIDs = w.sentenceIDs(last+1, ae)
			if as < first {
				right.ID, right.Created = w.newID(), now
			}
			right.Modified = later(now, right.Created)
			c.added = append(c.added, right)
		}
	}
	return c, notes
}

// later returns t, or not when t is before it (a clock that went back).
func later(t, not time.Time) time.Time {
	if t.Before(not) {
		return not
	}
	return t
}

func pluralize(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
