package app

import (
	"stancemark/annotations"
)

// Opening and leaving the Adjudicate view: the adjudication open last,
// the one of a project or a document (kept in this browser, or started),
// and a kept one that cannot be read backed up before a new one starts.

// showAdjudicate opens the Adjudicate view, on the adjudication open last.
func (s *session) showAdjudicate() {
	s.hide(overlayLibrary)
	s.flush()
	s.mode = modeAdjudicate
	s.clearMessage()
	if s.adj.open == nil {
		if scope, ok, _ := s.store.get(keyAdjudicating); ok && scope != "" {
			s.openAdjudication(scope, func(bool) { s.refresh() }) // says why when it cannot
		}
	}
	s.refresh()
	s.afterAdjRender("adj-heading")
}

// reopenAdjudication comes back to the Adjudicate view after a reload when
// it was open.
func (s *session) reopenAdjudication() {
	if scope, ok, _ := s.store.get(keyAdjudicating); ok && scope != "" {
		s.mode = modeAdjudicate
		s.openAdjudication(scope, func(bool) { s.refresh() })
	}
}

// leaveAdjudicate goes back to annotating; the adjudication stays kept.
func (s *session) leaveAdjudicate() {
	s.mode = modeAnnotate
	s.store.remove(keyAdjudicating)
	s.docChanged()
}

// closeAdjudication leaves the adjudication open, to choose another.
func (s *session) closeAdjudication() {
	s.adj = adjState{}
	s.store.remove(keyAdjudicating)
	s.refresh()
}

// openAdjudication opens the adjudication kept here for a project or a
// document, then calls then with whether it could (the project file is read
// from the browser's file store, which answers later).
func (s *session) openAdjudication(scope string, then func(bool)) {
	rec, err := s.storedAdjudication(scope)
	switch {
	case err != nil:
		s.fail("The adjudication kept in this browser could not be read (%v); it is left untouched.", err)
		then(false)
		return
	case rec == nil:
		s.fail("No adjudication of %s is kept in this browser.", scope)
		then(false)
		return
	}
	finish := func(p *annotations.Project) {
		a := &adjudication{rec: *rec, save: saved, project: p}
		if err := a.recompute(); err != nil {
			s.fail("Reopening the adjudication of %q failed: %v.", rec.Title, err)
			then(false)
			return
		}
		s.adj.open = a
		_ = s.store.set(keyAdjudicating, scope)
		then(true)
	}
	if rec.Project == "" {
		finish(nil)
		return
	}
	s.storedProject(rec.Project, func(p *annotations.Project, err error) {
		if err != nil {
			s.fail("Reopening the adjudication of %q failed: %v.", rec.Title, err)
			then(false)
			return
		}
		finish(p)
	})
}

// startAdjudication opens the adjudication of a project (doc nil) or of a
// document (p nil): the one kept here, or a new one; then it calls then
// with whether it could.
func (s *session) startAdjudication(p *annotations.Project, docID, title string, then func(bool)) {
	scope := docID
	if p != nil {
		scope = p.ID
	}
	if a := s.adj.open; a != nil && a.rec.scope() == scope {
		then(true)
		return
	}
	if rec, err := s.storedAdjudication(scope); err != nil && !s.backUpAdjudication(scope, title, err) {
		then(false)
		return
	} else if rec != nil {
		s.openAdjudication(scope, then)
		return
	}
	a := &adjudication{project: p, save: saved,
		rec: adjRecord{Format: adjFormat, Title: title, Policy: annotations.PolicyMajority, Adjudicator: s.annotator, SettingsAt: s.now().UTC()}}
	if p != nil {
		a.rec.Project = p.ID
		a.setLabels(p.Scheme)
	} else {
		a.rec.Document = docID
	}
	if err := a.recompute(); err != nil {
		s.fail("Starting the adjudication of %q failed: %v.", title, err)
		then(false)
		return
	}
	s.adj.open = a
	s.saveAdjudication()
	then(true)
}

// backUpAdjudication copies a kept adjudication that cannot be read to a
// backup key, never to be overwritten, before a new one is kept in its
// place; when even that fails, nothing is started.
func (s *session) backUpAdjudication(scope, title string, readErr error) bool {
	data, _, _ := s.store.get(adjudicationKey(scope))
	key := backupKey("adjudication/"+scope, s.now())
	if err := s.store.set(key, data); err != nil {
		s.fail("The adjudication of %q kept in this browser could not be read (%v), and keeping a copy of it failed (%v): it is left untouched, and no new one is started.", title, readErr, err)
		return false
	}
	s.setError("The adjudication of %q kept in this browser could not be read (%v); it is kept unchanged under %q, and a new one starts.", title, readErr, key)
	return true
}
