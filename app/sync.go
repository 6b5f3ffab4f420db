package app

// otherTabSaved merges what another tab of this browser saved for the open
// work (the storage event): per highlight, the later change wins (see
// annotations.Workspace.MergeState). The merged work is saved again unless
// it equals what the other tab saved, so both tabs converge even when their
// saves race.
func (s *session) otherTabSaved(key, value string) {
	if s.adjOtherTabSaved(key, value) {
		return
	}
	switch key {
	case keyLibrary:
		s.loadLibrary()
		s.refresh()
		return
	case s.workKey():
	default:
		if s.isProjectStateKey(key) {
			s.otherTabProgress(value)
		}
		return
	}
	if value == "" {
		return // the work was deleted in the other tab; keep this tab's copy
	}
	hadHistory := s.ws.CanUndo() || s.ws.CanRedo()
	changed, err := s.ws.MergeState([]byte(value))
	if err != nil {
		s.fail("Another tab saved work on this document that could not be merged (%v); this tab's work is kept.", err)
		return
	}
	if changed && hadHistory {
		// MergeState clears the history (an undo would overwrite the other
		// tab's change): say so where it shows, not only to screen readers
		s.setInfo("Merged changes made in another tab. Undo starts afresh here: undoing would have overwritten them.")
		s.refresh()
	} else if changed {
		s.announce("Merged changes made in another tab.")
		s.refresh()
	}
	if !s.ws.MatchesState([]byte(value)) {
		s.persist()
		s.refresh()
	}
}
