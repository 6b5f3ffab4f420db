package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"time"

	"stancemark/annotations"
)

// The owner's side of a collection in the class dashboard: open the
// dashboard's assignment for submissions on this server (POST
// /api/collections), or connect to one by code and secret, then read its
// submissions live (GET …/submissions every few seconds) into the same
// class as dropped files, so every view of the dashboard shows them.

// collectOwner is what the teacher's browser keeps of a collection it owns.
type collectOwner struct {
	Code   string `json:"code"`
	Secret string `json:"secret"`
}

// ownerKey keeps the owner's code and secret for an assignment, in this
// browser only.
func ownerKey(assignmentID string) string { return "stancemark/v1/collect/owner/" + assignmentID }

// livePoll is how often the dashboard asks for new submissions.
const livePoll = 3 * time.Second

// collectLive is the dashboard's live state.
type collectLive struct {
	served        int // 0 not yet known, 1 this server collects, -1 it does not (probeCollect)
	secret        string
	seen          map[string]bool    // submission ids already in the class
	seenFor       *annotations.Class // the class seen belongs to
	gen           int                // bumps to stop a poll loop
	status        string             // "12 submissions, checked at 10:42:03"
	err           string             // the last failure
	polling       *annotations.Class // the class a poll loop runs for
	confirmDelete bool               // "Delete the collection…" was pressed: ask to confirm
}

// probeCollect notes whether the server collects (the page's marker, set
// by serve -collect; no request is made, so a static host sees none) and
// resumes reading the dashboard's collection.
func (s *session) probeCollect() {
	if s.collect.live.served == 0 {
		s.collect.live.served = -1
		if collectServed() {
			s.collect.live.served = 1
		}
	}
	s.resumeLive()
	s.resumeProjectLive()
	s.refresh()
}

// owner returns the collection the dashboard's assignment is collected in.
func (s *session) owner() (collectOwner, bool) {
	var o collectOwner
	if s.class.class == nil {
		return o, false
	}
	data, ok, _ := s.store.get(ownerKey(s.class.class.Assignment.ID))
	if !ok || json.Unmarshal([]byte(data), &o) != nil || o.Code == "" {
		return o, false
	}
	return o, true
}

// resumeLive starts reading the collection of the dashboard's assignment,
// if it has one and no loop reads it yet.
func (s *session) resumeLive() {
	l := &s.collect.live
	if l.served != 1 || s.class.class == nil || l.polling == s.class.class {
		return
	}
	if _, ok := s.owner(); ok {
		l.polling = s.class.class
		l.gen++
		s.pollCollection(l.gen)
	}
}

// createCollection opens the dashboard's assignment for submissions.
func (s *session) createCollection() {
	if s.class.class == nil {
		return
	}
	var buf bytes.Buffer
	if err := annotations.WriteAssignment(&buf, s.class.class.Assignment); err != nil {
		s.fail("The assignment could not be written: %v.", err)
		return
	}
	s.setInfo("Opening the assignment for submissions…")
	requestJSON("POST", "/api/collections", buf.Bytes(), map[string]string{"Content-Type": "application/json"}, func(status int, resp []byte, err error) {
		s.dispatch(func() {
			var c struct{ Code, Secret, Error string }
			json.Unmarshal(resp, &c)
			if err != nil || status != 201 || c.Code == "" {
				s.fail("The collection could not be made: %s.", failure(status, c.Error, err))
				return
			}
			s.collect.live.secret = c.Secret // shown once
			s.connectCollection(c.Code, c.Secret)
			s.setInfo("Collection %s is open: share its link. Keep the owner secret; it is shown only now.", c.Code)
			s.refresh()
		})
	})
}

// connectCollection reads the collection code with the owner secret.
func (s *session) connectCollection(code, secret string) {
	if s.class.class == nil || code == "" || secret == "" {
		s.fail("Type the collection's code and its owner secret.")
		return
	}
	b, _ := json.Marshal(collectOwner{Code: code, Secret: secret})
	s.remember(ownerKey(s.class.class.Assignment.ID), string(b), "the collection's secret")
	s.collect.live.polling = nil
	s.resumeLive()
	s.refresh()
}

// forgetCollection stops reading the collection here (nothing is deleted on the server).
func (s *session) forgetCollection() {
	if s.class.class != nil {
		s.store.remove(ownerKey(s.class.class.Assignment.ID))
	}
	s.collect.live = collectLive{served: s.collect.live.served, gen: s.collect.live.gen + 1}
	s.refresh()
}

// deleteCollection deletes the collection on the server, with everything
// in it (DELETE /api/collections/{code}); the class on screen keeps what
// it has read until the dashboard is left.
func (s *session) deleteCollection() {
	o, ok := s.owner()
	if !ok {
		return
	}
	s.collect.live.confirmDelete = false
	headers := map[string]string{"Authorization": "Bearer " + o.Secret}
	requestJSON("DELETE", "/api/collections/"+url.PathEscape(o.Code), nil, headers, func(status int, resp []byte, err error) {
		s.dispatch(func() {
			var e struct{ Error string }
			json.Unmarshal(resp, &e)
			if err != nil || status != 204 {
				s.fail("Deleting collection %s failed: %s.", o.Code, failure(status, e.Error, err))
				return
			}
			s.forgetCollection()
			s.setInfo("Collection %s and every submission in it were deleted from the server.", o.Code)
			s.refresh()
		})
	})
}

// askDeleteCollection shows (or hides) the confirmation of deleteCollection.
func (s *session) askDeleteCollection(on bool) {
	s.collect.live.confirmDelete = on
	s.refresh()
}

// pollCollection reads the collection's submissions and adds the new ones
// to the class, then asks again in livePoll while the dashboard shows it.
func (s *session) pollCollection(gen int) {
	l := &s.collect.live
	o, ok := s.owner()
	if gen != l.gen || !ok || s.mode != modeDashboard || s.class.class != l.polling {
		if l.polling == s.class.class {
			l.polling = nil
		}
		return
	}
	class := s.class.class
	headers := map[string]string{"Authorization": "Bearer " + o.Secret}
	requestJSON("GET", "/api/collections/"+url.PathEscape(o.Code)+"/submissions?bodies=1", nil, headers, func(status int, resp []byte, err error) {
		s.dispatch(func() {
			if gen != l.gen || s.class.class != class {
				return
			}
			var got struct {
				Submissions []struct {
					ID, Annotator string
					Body          json.RawMessage
				}
				Error string
			}
			json.Unmarshal(resp, &got)
			if err != nil || status != 200 {
				l.err = "Reading the collection failed: " + failure(status, got.Error, err) + "."
			} else {
				l.err = ""
				if l.seenFor != class {
					l.seen, l.seenFor = map[string]bool{}, class
				}
				for _, x := range got.Submissions {
					if l.seen[x.ID] {
						continue
					}
					l.seen[x.ID] = true
					s.class.reading++
					s.dashAdd(fmt.Sprintf("%s (%s)", x.Annotator, x.ID), x.Body, nil)
				}
				l.status = fmt.Sprintf("%d submissions in collection %s, checked at %s.", len(got.Submissions), o.Code, s.now().Format("15:04:05"))
			}
			s.refresh()
			if status == 401 || status == 403 || status == 404 {
				l.polling = nil
				return // a wrong secret or a deleted collection: no point asking again
			}
			go func() {
				time.Sleep(livePoll)
				s.dispatch(func() { s.pollCollection(gen) })
			}()
		})
	})
}

// failure words a failed request for a message.
func failure(status int, msg string, err error) string {
	switch {
	case err != nil:
		return "the server could not be reached (" + err.Error() + ")"
	case msg != "":
		return msg
	}
	return fmt.Sprintf("the server answered HTTP %d", status)
}
