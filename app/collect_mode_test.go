//go:build !wasm

package app

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"stancemark/annotations"
)

// Submit in an assignment opened from a collection delivers (no download):
// offline it is queued in localStorage and the student is told; the next
// flush (back online) sends it with the same Idempotency-Key and
// submitter, the queue empties and the receipt names the time and a short
// hash; a refused submission leaves the queue with the server's message.
func TestCollectSubmitQueuesOfflineAndDelivers(t *testing.T) {
	st := newMemoryStore()
	s, _ := newTestSession(t, st)
	s.dispatch = func(f func()) { f() }
	a := annotations.AssignmentFromWorkspace(s.ws, "Week 3", "", annotations.AssignmentOptions{})
	b, _ := json.Marshal(collection{Code: "abcdefgh", Title: "Week 3"})
	st.set(collectionKey(a.ID), string(b))
	s.student = "Ada K."
	s.openAssignment(a)

	type sent struct{ url, key, submitter string }
	var posts []sent
	offline := true
	defer func() { testRequest = nil }()
	testRequest = func(_, url string, body []byte, h map[string]string, done func(int, []byte, error)) {
		posts = append(posts, sent{url, h["Idempotency-Key"], h["Stancemark-Submitter"]})
		if offline {
			done(0, nil, errors.New("TypeError: Failed to fetch"))
			return
		}
		if _, err := annotations.ReadExport(strings.NewReader(string(body))); err != nil {
			t.Errorf("the body is not an export: %v", err)
		}
		done(201, []byte(`{"id":"s1","hash":"sha256:3fa2c1d9aaaa","received":"2026-11-27T09:00:01.000Z","version":1,"completionCode":"C0DE"}`), nil)
	}
	s.collect.retryLater = func() {} // no timer in the test
	s.submit()
	if len(s.queue()) != 1 || !strings.Contains(s.msg.Text, "queued in this browser") {
		t.Fatalf("offline: queue %d, message %q", len(s.queue()), s.msg.Text)
	}
	offline = false
	s.flushQueue(nil)
	if len(posts) != 2 || posts[0] != posts[1] || posts[0].url != "/api/collections/abcdefgh/submissions" || posts[0].submitter == "" {
		t.Fatalf("posts %+v: want the same key and submitter twice", posts)
	}
	if len(s.queue()) != 0 || !strings.Contains(s.msg.Text, "Your queued submission was delivered at") ||
		!strings.Contains(s.msg.Text, "receipt 3fa2c1d9") || !strings.Contains(s.msg.Text, "completion code: C0DE") {
		t.Errorf("delivered: queue %d, message %q", len(s.queue()), s.msg.Text)
	}
	testRequest = func(_, url string, body []byte, h map[string]string, done func(int, []byte, error)) {
		done(400, []byte(`{"error":"not stored: annotator.name: missing"}`), nil)
	}
	s.submit()
	if len(s.queue()) != 0 || s.msg.Kind != "error" || !strings.Contains(s.msg.Text, "annotator.name: missing") {
		t.Errorf("refused: queue %d, message %q", len(s.queue()), s.msg.Text)
	}
}
