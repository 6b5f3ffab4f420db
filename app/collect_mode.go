package app

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"

	"stancemark/annotations"
)

// A collection (issue 19): an assignment opened for submissions on the
// server the app is served from ("stancemark serve -collect"). The link is
// ?collect=CODE; Submit then delivers the submission to
// /api/collections/CODE/submissions instead of downloading it. Every
// submission goes through a queue kept in localStorage first, so a
// submission made offline (or while the server is down) is sent when the
// network is back, with the same Idempotency-Key: stored once.

// Keys of the collection state in localStorage.
const (
	keyCollectQueue     = "stancemark/v1/collect/queue"     // []queuedSubmission
	keyCollectSubmitter = "stancemark/v1/collect/submitter" // this browser's submitter id
)

// collectionKey keeps which collection an assignment or a project (by its
// id) was opened from.
func collectionKey(id string) string {
	return "stancemark/v1/collect/assignment/" + id
}

// collection is the collection the open assignment belongs to.
type collection struct {
	Code             string `json:"code"`
	Title            string `json:"title"`
	ParticipantParam string `json:"participantParam,omitempty"`
}

// queuedSubmission is a submission waiting to be delivered.
type queuedSubmission struct {
	Code      string `json:"code"`
	Key       string `json:"key"` // Idempotency-Key
	Submitter string `json:"submitter"`
	Student   string `json:"student"`
	Queued    string `json:"queued"`
	Body      string `json:"body"`
}

// collectReceipt is the server's answer to a delivered submission.
type collectReceipt struct {
	ID             string `json:"id"`
	Hash           string `json:"hash"`
	Received       string `json:"received"`
	Version        int    `json:"version"`
	CompletionCode string `json:"completionCode"`
	Error          string `json:"error"`
}

// collectState is the session's collection state.
type collectState struct {
	flushing  bool
	retrying  bool
	toldQueue bool // the student was told a submission waits in the queue
	// retryLater replaces the 10 s timer in tests
	retryLater func()
	// pollLater replaces the livePoll timer of the project collection in tests
	pollLater func(next func())
	live      collectLive // the owner's dashboard (collect_dashboard.go)
	project   projectLive // the owner's project collection in the Adjudicate view (collect_project.go)
	delivered int         // submissions delivered in this tab, for tests and the status
	receipt   *collectReceipt
}

// openCollection loads ?collect=CODE from the server and opens its
// assignment; the participant id comes from the URL when the collection
// names its parameter (?PROLIFIC_PID=…).
func (s *session) openCollection(code string, query url.Values) {
	s.setInfo("Opening the assignment %s…", code)
	s.refresh()
	fetchURL("/api/collections/"+url.PathEscape(code), annotations.MaxImportBytes+4096, func(data []byte, err error) {
		s.dispatch(func() {
			if err != nil {
				s.fail("Opening the assignment %s failed: %v. Check the link, or ask for the assignment file.", code, err)
				return
			}
			var c struct {
				collection
				Kind       string          `json:"kind"`
				Assignment json.RawMessage `json:"assignment"`
				Project    json.RawMessage `json:"project"`
			}
			if err := json.Unmarshal(data, &c); err != nil {
				s.fail("The collection %s could not be read: %v.", code, err)
				return
			}
			participant := ""
			if p := c.ParticipantParam; p != "" {
				participant = strings.TrimSpace(query.Get(p))
			}
			keep := func(id string) {
				if b, err := json.Marshal(c.collection); err == nil {
					s.remember(collectionKey(id), string(b), "the collection")
				}
			}
			switch c.Kind {
			case "assignment":
				a, err := annotations.ReadAssignment(bytes.NewReader(c.Assignment))
				if err != nil {
					s.fail("The assignment of %s could not be read: %v.", code, err)
					return
				}
				keep(a.ID)
				if participant != "" {
					s.student = participant
					s.remember(keyStudent, participant, "your participant id")
				}
				s.openAssignment(a)
			case "project":
				p, err := annotations.ReadProject(bytes.NewReader(c.Project))
				if err != nil {
					s.fail("The project of %s could not be read: %v.", code, err)
					return
				}
				keep(p.ID)
				if participant != "" {
					s.setAnnotator(participant)
					s.annotatorParam = participant // their tasks, when the project lists annotators
				}
				s.openProject(p)
			default:
				s.fail("The collection %s holds a %q, which this version cannot open.", code, c.Kind)
				return
			}
			s.refresh()
		})
	})
}

// collectionOf returns the collection the assignment or project with id
// (Assignment.ID, Project.ID) was opened from, if any.
func (s *session) collectionOf(id string) (collection, bool) {
	var c collection
	data, ok, _ := s.store.get(collectionKey(id))
	if !ok || json.Unmarshal([]byte(data), &c) != nil || c.Code == "" {
		return c, false
	}
	return c, true
}

// submitter is this browser's submitter id: random, made once, so that
// a resubmission is stored as a new version of the same submitter.
func (s *session) submitter() string {
	if id, ok, _ := s.store.get(keyCollectSubmitter); ok && id != "" {
		return id
	}
	id := "b" + strings.ToLower(rand.Text()[:20])
	s.remember(keyCollectSubmitter, id, "this browser's submitter id")
	return id
}

// queue returns the submissions waiting to be delivered.
func (s *session) queue() []queuedSubmission {
	var q []queuedSubmission
	if data, ok, _ := s.store.get(keyCollectQueue); ok {
		json.Unmarshal([]byte(data), &q)
	}
	return q
}

func (s *session) setQueue(q []queuedSubmission) error {
	if len(q) == 0 {
		s.store.remove(keyCollectQueue)
		return nil
	}
	b, err := json.Marshal(q)
	if err != nil {
		return err
	}
	return s.store.set(keyCollectQueue, string(b))
}

// deliver queues body (the submission of who) for the collection c and
// sends the queue. The queue is saved before anything is sent, so a
// submission never leaves only in flight.
func (s *session) deliver(c collection, body []byte, who string) {
	item := queuedSubmission{Code: c.Code, Key: "k" + strings.ToLower(rand.Text()), Submitter: s.submitter(),
		Student: who, Queued: s.now().UTC().Format(time.RFC3339), Body: string(body)}
	if err := s.setQueue(append(s.queue(), item)); err != nil {
		s.setError("Your submission could not be kept in this browser (%v): it is sent now; keep this tab open until it is delivered.", err)
	} else {
		s.setInfo("Sending your submission…")
	}
	s.flushQueue(&item)
}

// flushQueue sends every queued submission, oldest first. extra is one
// that could not be kept in the queue (storage full), sent anyway.
func (s *session) flushQueue(extra *queuedSubmission) {
	if s.collect.flushing {
		return
	}
	q := s.queue()
	if extra != nil && !containsKey(q, extra.Key) {
		q = append(q, *extra)
	}
	if len(q) == 0 {
		return
	}
	s.collect.flushing = true
	s.sendQueued(q, 0)
}

func containsKey(q []queuedSubmission, key string) bool {
	for _, x := range q {
		if x.Key == key {
			return true
		}
	}
	return false
}

// sendQueued sends q[i:] one after the other.
func (s *session) sendQueued(q []queuedSubmission, i int) {
	if i >= len(q) {
		s.collect.flushing = false
		s.refresh()
		return
	}
	item := q[i]
	headers := map[string]string{"Content-Type": "application/json", "Idempotency-Key": item.Key, "Stancemark-Submitter": item.Submitter}
	requestJSON("POST", "/api/collections/"+url.PathEscape(item.Code)+"/submissions", []byte(item.Body), headers, func(status int, resp []byte, err error) {
		s.dispatch(func() {
			var r collectReceipt
			json.Unmarshal(resp, &r)
			switch {
			case err != nil || status >= 500 || status == 429 || status == 0:
				why := "the network is down"
				if err == nil {
					why = fmt.Sprintf("the server answered %d", status)
				}
				s.setInfo("Not delivered yet (%s): your submission is queued in this browser and will be sent as soon as the network is back. Keep this page open or come back to it.", why)
				s.announce("Submission queued: it will be sent when the network is back.")
				s.collect.toldQueue = true
				s.collect.flushing = false
				s.retryLater()
				s.refresh()
				return
			case status == 200 || status == 201:
				s.dropQueued(item.Key)
				s.collect.delivered++
				s.collect.receipt = &r
				text := fmt.Sprintf("Delivered at %s: receipt %s.", receiptTime(r.Received), shortHash(r.Hash))
				if s.collect.toldQueue {
					text = fmt.Sprintf("Your queued submission was delivered at %s: receipt %s.", receiptTime(r.Received), shortHash(r.Hash))
					s.collect.toldQueue = false
				}
				if r.CompletionCode != "" {
					text += " Your completion code: " + r.CompletionCode
				}
				s.setInfo("%s", text)
				s.announce("%s", text)
			default: // refused: it will never be taken, so it leaves the queue
				s.dropQueued(item.Key)
				msg := r.Error
				if msg == "" {
					msg = fmt.Sprintf("HTTP %d", status)
				}
				s.setError("Your submission was refused by the server: %s", msg)
			}
			s.refresh()
			s.sendQueued(q, i+1)
		})
	})
}

// dropQueued removes the submission with key from the queue.
func (s *session) dropQueued(key string) {
	q := s.queue()
	out := q[:0]
	for _, x := range q {
		if x.Key != key {
			out = append(out, x)
		}
	}
	s.setQueue(out)
}

// retryLater sends the queue again in 10 s (and on every "online" event,
// see listenOnline), until it is empty.
func (s *session) retryLater() {
	if s.collect.retryLater != nil {
		s.collect.retryLater()
		return
	}
	if s.collect.retrying || s.dispatch == nil {
		return
	}
	s.collect.retrying = true
	go func() {
		time.Sleep(10 * time.Second)
		s.dispatch(func() {
			s.collect.retrying = false
			s.flushQueue(nil)
		})
	}()
}

// receiptTime shows the server's receipt time in the reader's local time.
func receiptTime(received string) string {
	t, err := time.Parse(time.RFC3339, received)
	if err != nil {
		return received
	}
	return t.Local().Format("15:04:05 on 2 Jan 2006")
}

// shortHash is the first 8 hex digits of a "sha256:…" hash.
func shortHash(h string) string {
	h = strings.TrimPrefix(h, "sha256:")
	if len(h) > 8 {
		return h[:8]
	}
	return h
}

// submissionLabel is the project panel's submission button: "Submit" for
// a project opened from a collection, else "Download submission".
func (s *session) submissionLabel() string {
	if s.project != nil {
		if _, ok := s.collectionOf(s.project.p.ID); ok {
			return "Submit"
		}
	}
	return "Download submission"
}
