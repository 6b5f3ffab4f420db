package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"

	"stancemark/annotations"
)

// The owner's side of a project collection, in the Adjudicate view: open
// the adjudication's project for submissions on this server (POST
// /api/collections), or connect to its collection by code and secret; its
// submissions then join the adjudication as dropped files do, every few
// seconds without a reload (collect_project_poll.go).

// projectOwnerKey keeps the owner's code and secret for a project's
// collection, in this browser only.
func projectOwnerKey(projectID string) string {
	return "stancemark/v1/collect/owner/project/" + projectID
}

// projectLive is the live state of the project collection read in the
// Adjudicate view.
type projectLive struct {
	secret        string          // the owner secret, only right after creating
	seen          map[string]bool // receipt ids already taken (or passed over)
	seenFor       string          // the project seen belongs to
	gen           int             // bumps to stop a poll loop
	polling       string          // the project a poll loop runs for
	count         int             // submissions in the collection at the last check
	status        string          // "Connected: 3 submissions …, checked at 10:42:03."
	err           string          // the last failure, named
	confirmDelete bool
}

// adjProject is the project of the open adjudication, or nil.
func (s *session) adjProject() *annotations.Project {
	if a := s.adj.open; a != nil {
		return a.project
	}
	return nil
}

// projectOwner returns the collection the open adjudication's project is
// read from.
func (s *session) projectOwner() (collectOwner, bool) {
	var o collectOwner
	p := s.adjProject()
	if p == nil {
		return o, false
	}
	data, ok, _ := s.store.get(projectOwnerKey(p.ID))
	if !ok || json.Unmarshal([]byte(data), &o) != nil || o.Code == "" {
		return o, false
	}
	return o, true
}

// resumeProjectLive starts reading the open adjudication's collection, if
// it has one and no loop reads it yet.
func (s *session) resumeProjectLive() {
	l := &s.collect.project
	p := s.adjProject()
	if s.collect.live.served != 1 || p == nil || l.polling == p.ID || s.mode != modeAdjudicate {
		return
	}
	if _, ok := s.projectOwner(); ok {
		if l.seenFor != p.ID {
			*l = projectLive{gen: l.gen, seen: map[string]bool{}, seenFor: p.ID} // (a secret shown was another project's)
		}
		l.polling = p.ID
		l.gen++
		l.status = "Connecting…"
		s.pollProjectCollection(l.gen)
	}
}

// createProjectCollection opens the adjudication's project for submissions.
func (s *session) createProjectCollection() {
	p := s.adjProject()
	if p == nil {
		return
	}
	var buf bytes.Buffer
	if err := annotations.WriteProject(&buf, p); err != nil {
		s.fail("The project could not be written: %v.", err)
		return
	}
	s.setInfo("Opening the project for submissions…")
	s.refresh()
	requestJSON("POST", "/api/collections", buf.Bytes(), map[string]string{"Content-Type": "application/json"}, func(status int, resp []byte, err error) {
		s.dispatch(func() {
			var c struct{ Code, Secret, Error string }
			json.Unmarshal(resp, &c)
			if err != nil || status != 201 || c.Code == "" {
				s.fail("The collection could not be made: %s.", httpFailure(status, c.Error, err))
				return
			}
			s.keepProjectOwner(p.ID, c.Code, c.Secret)
			s.collect.project.secret = c.Secret // shown once
			s.setInfo("Collection %s is open: share its link. Keep the owner secret; it is shown only now.", c.Code)
			s.refresh()
		})
	})
}

// connectProjectCollection reads the collection code with the owner
// secret, once the server says it holds this project.
func (s *session) connectProjectCollection(code, secret string) {
	p := s.adjProject()
	if p == nil || code == "" || secret == "" {
		s.fail("Type the collection's code and its owner secret.")
		return
	}
	l := &s.collect.project
	l.err, l.status = "", "Checking collection "+code+"…"
	s.refresh()
	requestJSON("GET", "/api/collections/"+url.PathEscape(code), nil, nil, func(status int, data []byte, err error) {
		s.dispatch(func() {
			var c struct {
				Kind, Title, Error string
				Project            struct{ ID string }
			}
			json.Unmarshal(data, &c)
			switch {
			case s.adjProject() != p:
				return // another adjudication was opened meanwhile
			case err != nil || status != 200:
				l.status, l.err = "", fmt.Sprintf("Reading collection %s failed: %s.", code, httpFailure(status, c.Error, err))
			case c.Kind != "project":
				l.status, l.err = "", fmt.Sprintf("Collection %s holds an %s, not a project: read it in the class dashboard.", code, c.Kind)
			case c.Project.ID != p.ID:
				l.status, l.err = "", fmt.Sprintf("Collection %s holds the project %q (%s), not this one, %q (%s). Nothing was connected.", code, c.Title, c.Project.ID, p.Title, p.ID)
			default:
				s.keepProjectOwner(p.ID, code, secret)
			}
			s.refresh()
		})
	})
}

// keepProjectOwner keeps the code and secret for the project and starts
// reading the collection.
func (s *session) keepProjectOwner(projectID, code, secret string) {
	b, _ := json.Marshal(collectOwner{Code: code, Secret: secret})
	s.remember(projectOwnerKey(projectID), string(b), "the collection's secret")
	l := &s.collect.project
	l.polling, l.seenFor, l.err = "", "", ""
	s.resumeProjectLive()
}

// forgetProjectCollection stops reading the collection here (nothing is
// deleted on the server; the adjudication keeps what it has read).
func (s *session) forgetProjectCollection() {
	if p := s.adjProject(); p != nil {
		s.store.remove(projectOwnerKey(p.ID))
	}
	s.collect.project = projectLive{gen: s.collect.project.gen + 1}
	s.refresh()
}

// deleteProjectCollection deletes the collection on the server with every
// submission in it; the adjudication keeps the submissions it has read.
func (s *session) deleteProjectCollection() {
	o, ok := s.projectOwner()
	if !ok {
		return
	}
	s.collect.project.confirmDelete = false
	headers := map[string]string{"Authorization": "Bearer " + o.Secret}
	requestJSON("DELETE", "/api/collections/"+url.PathEscape(o.Code), nil, headers, func(status int, resp []byte, err error) {
		s.dispatch(func() {
			var e struct{ Error string }
			json.Unmarshal(resp, &e)
			if err != nil || status != 204 {
				s.fail("Deleting collection %s failed: %s.", o.Code, httpFailure(status, e.Error, err))
				return
			}
			s.forgetProjectCollection()
			s.setInfo("Collection %s and every submission in it were deleted from the server; the adjudication keeps the submissions it had read.", o.Code)
			s.refresh()
		})
	})
}

// askDeleteProjectCollection shows (or hides) the confirmation.
func (s *session) askDeleteProjectCollection(on bool) {
	s.collect.project.confirmDelete = on
	s.refresh()
}

// httpFailure words a failed request for a message, with its HTTP status.
func httpFailure(status int, msg string, err error) string {
	if err == nil && msg != "" {
		return fmt.Sprintf("%s (HTTP %d)", msg, status)
	}
	return failure(status, msg, err)
}
