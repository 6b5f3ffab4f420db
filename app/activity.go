package app

import "encoding/json"

// Active time on a project's tasks (the rule is annotations.ActivityClock's):
// the browser reports every input and when the tab is hidden; the task on
// screen gets the time.

// nowMillis is the session's clock in Unix milliseconds.
func (s *session) nowMillis() int64 { return s.now().UnixMilli() }

// activityInput is an input (key, pointer, touch, wheel, typing) in the
// visible tab.
func (s *session) activityInput() {
	pm := s.project
	if pm == nil {
		return
	}
	if x, ok := pm.clock.Input(s.nowMillis()); ok {
		pm.record(pm.task().ID, x) // the span before an idle pause
	}
}

// activityStopped is the tab hidden or closing: the span counting ends now
// and the project's state is saved with it.
func (s *session) activityStopped() {
	pm := s.project
	if pm == nil {
		return
	}
	if x, ok := pm.clock.Stop(s.nowMillis()); ok {
		pm.record(pm.task().ID, x)
	}
	s.keepProjectProgress()
}

// keepProjectProgress saves the annotator's place, done flags, overall
// stances and active time in the open project.
func (s *session) keepProjectProgress() {
	pm := s.project
	if pm == nil {
		return
	}
	if err := s.saveProjectState(pm.p.ID, pm.progress(s.nowMillis())); err != nil {
		s.setError("Remembering your place in the project failed: %v.", err)
	}
}

// otherTabProgress merges the project state another tab saved: done flags
// and overall stances changed later win, active time is the union of both
// tabs' intervals (counted once). The merged state is saved again when this
// tab holds something the other lacks, so both converge.
func (s *session) otherTabProgress(value string) {
	pm := s.project
	if pm == nil || value == "" {
		return
	}
	var theirs projectProgress
	if err := json.Unmarshal([]byte(value), &theirs); err != nil {
		return // not readable: this tab's state is kept and saved on its next change
	}
	changed, ahead := pm.mergeProgress(theirs)
	if ahead {
		s.keepProjectProgress()
	}
	if changed {
		s.announce("Merged the project's progress from another tab.")
		s.refresh()
	}
}

// isProjectStateKey reports whether key is the open project's state.
func (s *session) isProjectStateKey(key string) bool {
	return s.project != nil && key == projectStateKey(s.project.p.ID)
}
