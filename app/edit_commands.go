package app

import (
	"errors"
	"strings"

	"stancemark/annotations"
)

// The commands that change the work: each changes the workspace, says what
// happened, and ends in changed (repaint, then save) or fail.

// tagKey tags the selection with the label whose hotkey is key.
func (s *session) tagKey(key string) {
	if s.sel.empty() {
		s.fail("Select a sentence first: click it, or press j.")
		return
	}
	a, b := s.sel.bounds()
	_, l, err := s.ws.TagKey(a, b, key)
	switch {
	case errors.Is(err, annotations.ErrUnknownLabel):
		s.fail("No label has the key %s in %s.", key, s.ws.Scheme().Name)
	case err != nil:
		s.fail("Tagging failed: %v.", err)
	default:
		s.tagged(l.Name, a, b)
	}
}

// tag makes the selection one highlight with the label.
func (s *session) tag(labelID string) {
	if s.sel.empty() {
		s.fail("Select a sentence first: click it, or press j.")
		return
	}
	a, b := s.sel.bounds()
	if _, err := s.ws.Tag(a, b, labelID); err != nil {
		s.fail("Tagging failed: %v.", err)
		return
	}
	name := labelID
	if l, ok := s.ws.Scheme().Label(labelID); ok {
		name = l.Name
	}
	s.tagged(name, a, b)
}

// tagged tells that sentences a to b were tagged with the label named name.
func (s *session) tagged(name string, a, b int) {
	s.clearMessage()
	s.announce("%s: %s.", name, plural(b-a+1, "sentence"))
	s.changed()
}

// clear removes the labels of the selected sentences.
func (s *session) clear() {
	if s.sel.empty() {
		return
	}
	a, b := s.sel.bounds()
	if s.ws.Clear(a, b) {
		s.clearMessage()
		s.announce("Labels removed from %s.", plural(b-a+1, "sentence"))
		s.changed()
	}
}

// highlight is the highlight under the cursor, whose note the note field edits.
func (s *session) highlight() (annotations.Annotation, bool) {
	if s.sel.empty() {
		return annotations.Annotation{}, false
	}
	return s.ws.At(s.sel.focus)
}

// setNote sets the note of a highlight.
func (s *session) setNote(id, note string) {
	a, ok := s.ws.Annotation(id)
	if !ok || a.Note == note {
		return
	}
	if err := s.ws.SetNote(id, note); err != nil {
		s.fail("Saving the note failed: %v.", err)
		return
	}
	s.changed()
}

// undo undoes the last change, whatever its kind.
func (s *session) undo() {
	if s.ws.Undo() {
		s.clearMessage()
		s.announce("Undone.")
		s.changed()
	} else {
		s.announce("Nothing to undo.")
		s.refresh()
	}
}

// redo redoes the last undone change.
func (s *session) redo() {
	if s.ws.Redo() {
		s.clearMessage()
		s.announce("Redone.")
		s.changed()
	} else {
		s.announce("Nothing to redo.")
		s.refresh()
	}
}

// setTarget edits the target claim of the active label set.
func (s *session) setTarget(target string) {
	target = strings.TrimSpace(target)
	if target == s.ws.Scheme().Target {
		return
	}
	if s.assignment != nil { // classroom: the claim is the teacher's
		s.fail("The claim is your teacher's: it cannot be changed in an assignment.")
		syncValue("target", s.ws.Scheme().Target)
		return
	}
	if err := s.ws.SetTarget(target); err != nil {
		s.fail("Changing the target claim failed: %v.", err)
		return
	}
	s.changed()
}

// selectScheme switches the label set; every set keeps its highlights.
// The claim belongs to the document, not to the label set: the set switched
// to takes the claim on screen (an undo step of its own, so u gives the set
// back the claim it had — saved work of earlier builds may hold one claim
// per set; see ARCHITECTURE.md).
func (s *session) selectScheme(id string) {
	if id == s.ws.Scheme().ID {
		return
	}
	claim := s.ws.Scheme().Target
	if err := s.ws.SelectScheme(id); err != nil {
		s.fail("Switching labels failed: %v.", err)
		return
	}
	if claim != "" && s.ws.Scheme().Target != claim {
		if err := s.ws.SetTarget(claim); err != nil {
			s.setError("Keeping the claim for the new label set failed: %v.", err)
		}
	}
	s.changed()
}
