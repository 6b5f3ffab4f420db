package app

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// Reading a project collection live: every livePoll the receipts (GET
// …/submissions, small); only when one is new, the bodies of the new ones
// (?bodies=1&ids=…, at most maxBodiesPerRead a time), and each new submission joins the adjudication through adjOpenFile, the
// same way in as a dropped file. A submission is taken once: by its
// receipt id (seen, and the input's name after a reload), and not at all
// when the same bytes are loaded already (a file dropped too). A
// resubmission (a submitter's next version) replaces the version the
// collection gave before; earlier versions are passed over.

// collectList is the answer of GET /api/collections/{code}/submissions.
type collectList struct {
	Kind        string          `json:"kind"`
	Submissions []collectListed `json:"submissions"`
	Error       string          `json:"error"`
}

// collectListed is one submission in it.
type collectListed struct {
	ID        string          `json:"id"`
	Hash      string          `json:"hash"`
	Received  string          `json:"received"`
	Version   int             `json:"version"`
	Submitter string          `json:"submitter"`
	Annotator string          `json:"annotator"`
	Body      json.RawMessage `json:"body"`
}

// liveInputName names a submission from the collection among the
// adjudication's files: "collection CODE, s… v1".
func liveInputName(code string, x collectListed) string {
	return fmt.Sprintf("collection %s, %s v%d", code, x.ID, x.Version)
}

// maxBodiesPerRead is how many submissions one read fetches (the server
// takes at most 100 ids); the rest come with the next poll.
const maxBodiesPerRead = 20

// readCollection lists the owner's collection: the receipts, or with ids
// the bodies of those submissions; done runs on the UI goroutine.
func (s *session) readCollection(o collectOwner, ids []string, done func(list collectList, status int, err error)) {
	path := "/api/collections/" + url.PathEscape(o.Code) + "/submissions"
	if len(ids) > 0 {
		path += "?bodies=1&ids=" + url.QueryEscape(strings.Join(ids, ","))
	}
	requestJSON("GET", path, nil, map[string]string{"Authorization": "Bearer " + o.Secret}, func(status int, resp []byte, err error) {
		s.dispatch(func() {
			var list collectList
			json.Unmarshal(resp, &list)
			done(list, status, err)
		})
	})
}

// pollProjectCollection reads the open adjudication's collection, joins
// its new submissions, then asks again in livePoll while the view shows it.
func (s *session) pollProjectCollection(gen int) {
	l := &s.collect.project
	p := s.adjProject()
	o, ok := s.projectOwner()
	if gen != l.gen || !ok || p == nil || p.ID != l.polling || s.mode != modeAdjudicate {
		if gen == l.gen {
			l.polling = ""
		}
		return
	}
	again := func(status int) {
		s.refresh()
		if status == 401 || status == 403 || status == 404 {
			return // a wrong secret or a deleted collection: no point asking again (polling stays set until connected anew)
		}
		next := func() { s.pollProjectCollection(gen) }
		if s.collect.pollLater != nil {
			s.collect.pollLater(next)
			return
		}
		go func() {
			time.Sleep(livePoll)
			s.dispatch(next)
		}()
	}
	current := func() bool { return gen == l.gen && s.adjProject() == p }
	s.readCollection(o, nil, func(list collectList, status int, err error) {
		if !current() {
			return
		}
		if !l.listed(o.Code, list, status, err, s.now()) {
			again(status)
			return
		}
		need := s.wantedBodies(o.Code, list.Submissions)
		if len(need) == 0 {
			s.joinSubmissions(o.Code, list.Submissions, nil) // passes over the superseded
			again(status)
			return
		}
		s.readCollection(o, need, func(got collectList, status int, err error) {
			if !current() {
				return
			}
			if err == nil && status == 200 {
				bodies := map[string]json.RawMessage{}
				for _, x := range got.Submissions {
					bodies[x.ID] = x.Body
				}
				s.joinSubmissions(o.Code, list.Submissions, bodies)
			} else {
				l.listed(o.Code, got, status, err, s.now())
			}
			again(status)
		})
	})
}

// listed notes the answer of a listing in the status line; false when it failed.
func (l *projectLive) listed(code string, list collectList, status int, err error, at time.Time) bool {
	if err != nil || status != 200 {
		l.status = "Not connected to collection " + code + "; last tried at " + at.Format("15:04:05") + "."
		l.err = "Reading collection " + code + " failed: " + httpFailure(status, list.Error, err) + "."
		switch status {
		case 401, 403:
			l.err += " Check the owner secret: Stop reading it here, then connect again with the right one."
		case 404:
			l.err += " It may have been deleted."
		}
		return false
	}
	l.err = ""
	l.count = len(list.Submissions)
	l.status = fmt.Sprintf("Connected to collection %s: %s", code, plural(l.count, "submission"))
	if n := len(list.Submissions); n > 0 {
		l.status += ", the latest received at " + receiptTime(list.Submissions[n-1].Received)
	}
	l.status += "; checked at " + at.Format("15:04:05") + "."
	return true
}

// passedOver reports whether the collection's submission x is not to
// join: superseded by its submitter's later version, its bytes already
// here (a file dropped), or taken before a reload.
func (s *session) passedOver(code string, x collectListed, latest map[string]int, have map[string]bool) bool {
	return x.Version < latest[x.Submitter] || have[x.Hash] || s.adj.open.rec.named(liveInputName(code, x))
}

// latestVersions is each submitter's latest version in the listing.
func latestVersions(subs []collectListed) map[string]int {
	latest := map[string]int{}
	for _, x := range subs {
		latest[x.Submitter] = max(latest[x.Submitter], x.Version)
	}
	return latest
}

// wantedBodies are the ids of the listed submissions to fetch: not taken
// yet and not passed over, the oldest maxBodiesPerRead.
func (s *session) wantedBodies(code string, subs []collectListed) []string {
	l := &s.collect.project
	if s.adj.open == nil {
		return nil
	}
	latest, have := latestVersions(subs), s.adj.open.rec.liveHashes()
	var ids []string
	for _, x := range subs {
		if !l.seen[x.ID] && !s.passedOver(code, x, latest, have) && len(ids) < maxBodiesPerRead {
			ids = append(ids, x.ID)
		}
	}
	return ids
}

// joinSubmissions adds the collection's new submissions (the listing,
// oldest first, and the bodies read of them) to the open adjudication,
// each as a dropped file is added. One whose body was not read yet waits
// for the next poll.
func (s *session) joinSubmissions(code string, subs []collectListed, bodies map[string]json.RawMessage) {
	l := &s.collect.project
	if s.adj.open == nil {
		return
	}
	latest, have := latestVersions(subs), s.adj.open.rec.liveHashes()
	joined, refused := 0, ""
	for _, x := range subs {
		a := s.adj.open
		if l.seen[x.ID] || a == nil {
			continue
		}
		if s.passedOver(code, x, latest, have) {
			l.seen[x.ID] = true
			continue
		}
		body, ok := bodies[x.ID]
		if !ok {
			continue
		}
		l.seen[x.ID] = true
		name := liveInputName(code, x)
		for _, y := range subs { // the submitter's earlier version from this collection gives way
			if y.Submitter == x.Submitter && y.Version < x.Version {
				if who, ok := a.rec.liveNamed(liveInputName(code, y)); ok {
					s.adjDropInput(who)
				}
			}
		}
		s.adjOpenFile(name, body)
		if in := s.adj.open.rec.input(x.Annotator); in != nil && in.Name == name && in.Data != "" {
			joined++
			have[x.Hash] = true
		} else if s.msg.Kind == "error" && refused == "" {
			refused = s.msg.Text
		}
	}
	switch {
	case refused != "":
		s.setError("A submission from collection %s could not join: %s", code, refused)
	case joined > 0:
		s.setInfo("%s from collection %s joined the adjudication: %s.", plural(joined, "new submission"), code, pendingText(s.adj.open.gold))
		s.announce("%s joined the adjudication.", plural(joined, "new submission"))
	}
}

// named reports whether a file of that name, even one removed since, is
// in the record.
func (r *adjRecord) named(name string) bool {
	for _, in := range r.Inputs {
		if in.Name == name {
			return true
		}
	}
	return false
}

// liveHashes are the "sha256:…" hashes of the live files' bytes, as the
// collection's receipts name them. (A body read back from the collection
// is the stored JSON re-encoded, so its own bytes are not compared.)
func (r *adjRecord) liveHashes() map[string]bool {
	out := map[string]bool{}
	for _, in := range r.liveInputs() {
		sum := sha256.Sum256([]byte(in.Data))
		out["sha256:"+hex.EncodeToString(sum[:])] = true
	}
	return out
}

// liveNamed returns the annotator of the live file of that name.
func (r *adjRecord) liveNamed(name string) (string, bool) {
	for _, in := range r.Inputs {
		if in.Name == name && in.Data != "" {
			return in.Annotator, true
		}
	}
	return "", false
}

// adjDropInput removes the annotator's file without a word (the
// collection's resubmission takes its place next).
func (s *session) adjDropInput(who string) {
	a := s.adj.open
	prev := *a.rec.input(who)
	if b, err := a.try(func(r *adjRecord) { r.putInput(adjInput{Annotator: who, Name: prev.Name, At: s.now().UTC()}) }); err == nil {
		s.adjCommit(b)
	}
}
