package app

import (
	"bytes"
	"encoding/json"
	"strings"

	"stancemark/annotations"
)

// What the classroom keeps in localStorage: assignments opened or made
// here, a student's attempts, the class dashboard's records (with their
// keys; assignmentKey is in persist.go).

// storeAssignment keeps an assignment opened or made here. One kept
// already is left as it is: opening a link again rewrites nothing, and a
// teacher's copy with the key is never replaced by a student's without.
func (s *session) storeAssignment(a *annotations.Assignment) error {
	if _, ok := s.storedAssignment(a.ID); ok {
		return nil
	}
	var buf bytes.Buffer
	if err := annotations.WriteAssignment(&buf, a); err != nil {
		return err
	}
	return s.store.set(assignmentKey(a.ID), buf.String())
}

// storedAssignment is the file of an assignment kept here.
func (s *session) storedAssignment(id string) ([]byte, bool) {
	data, ok, _ := s.store.get(assignmentKey(id))
	return []byte(data), ok
}

// rememberMade keeps an assignment made here, for the dashboard's list.
func (s *session) rememberMade(a *annotations.Assignment) {
	if err := s.storeAssignment(a); err != nil {
		s.setError("The assignment could not be kept in this browser (%v); keep the downloaded file.", err)
		return
	}
	ids := append(s.madeIDs(), a.ID)
	data, _ := json.Marshal(ids)
	_ = s.store.set(keyMade, string(data))
}

// madeIDs are the ids of the assignments made here, oldest first.
func (s *session) madeIDs() []string {
	var ids []string
	if data, ok, _ := s.store.get(keyMade); ok {
		_ = json.Unmarshal([]byte(data), &ids)
	}
	return ids
}

// attemptsKey is where a student's submissions of an assignment are
// counted (attemptRecord), so the next handin says its attempt and
// whether feedback had been shown before it.
func attemptsKey(id string) string { return assignmentKey(id) + "/attempts" }

// attemptRecord is the value of attemptsKey.
type attemptRecord struct {
	Attempts      int  `json:"attempts"`
	FeedbackShown bool `json:"feedbackShown"`
}

// attempts reads the student's record for assignment id (zero if none or unreadable).
func (s *session) attempts(id string) attemptRecord {
	var r attemptRecord
	if data, ok, _ := s.store.get(attemptsKey(id)); ok {
		_ = json.Unmarshal([]byte(data), &r)
	}
	return r
}

// setAttempts keeps the student's record for assignment id.
func (s *session) setAttempts(id string, r attemptRecord) error {
	data, _ := json.Marshal(r)
	return s.store.set(attemptsKey(id), string(data))
}

// classKey is where the dashboard keeps the class of an assignment: a
// compact stancemark-class/v1 (the assignment with its key, and the files
// loaded, handins without a copy of the text).
func classKey(id string) string { return "stancemark/v1/class/" + id }

// keyDashboard holds the id of the assignment open in the dashboard, so a
// reload comes back to it.
const keyDashboard = "stancemark/v1/dashboard"

// storeClass keeps c in this browser (see classKey).
func (s *session) storeClass(c *annotations.Class) error {
	var buf bytes.Buffer
	if err := annotations.WriteClass(&buf, c, true); err != nil {
		return err
	}
	if err := s.store.set(classKey(c.Assignment.ID), buf.String()); err != nil {
		return err
	}
	return s.store.set(keyDashboard, c.Assignment.ID)
}

// storedClass is the class of assignment id kept here, if any.
func (s *session) storedClass(id string) (*annotations.Class, bool, error) {
	data, ok, _ := s.store.get(classKey(id))
	if !ok {
		return nil, false, nil
	}
	c, err := annotations.ReadClass(strings.NewReader(data))
	return c, err == nil, err
}

// dashboardAssignment is the id of the assignment the dashboard had open.
func (s *session) dashboardAssignment() string {
	id, _, _ := s.store.get(keyDashboard)
	return id
}

// forgetDashboard records that the dashboard has no assignment open.
func (s *session) forgetDashboard() { s.store.remove(keyDashboard) }
