//go:build !wasm

package app

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	neturl "net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// fakeCollection is a project collection's server for testRequest: the
// owner's listing (with the bodies on ?bodies=1), the public GET, and a
// count of the listings asked for.
type fakeCollection struct {
	t       *testing.T
	code    string
	secret  string
	project string // the project id GET /api/collections/{code} names
	subs    []collectListed
	bodies  int // listings with the bodies
	fetched int // bodies sent, summed over the listings
	lists   int
}

func (c *fakeCollection) add(id, submitter, annotator string, version int, body []byte) {
	sum := sha256.Sum256(body)
	c.subs = append(c.subs, collectListed{ID: id, Hash: "sha256:" + hex.EncodeToString(sum[:]), Received: "2026-11-27T09:00:01.000Z", Version: version,
		Submitter: submitter, Annotator: annotator, Body: body})
}

func (c *fakeCollection) serve(method, url string, body []byte, h map[string]string, done func(int, []byte, error)) {
	switch {
	case method == "GET" && url == "/api/collections/"+c.code:
		done(200, fmt.Appendf(nil, `{"kind":"project","title":"T","project":{"id":%q}}`, c.project), nil)
	case method == "GET" && strings.HasPrefix(url, "/api/collections/"+c.code+"/submissions"):
		if h["Authorization"] != "Bearer "+c.secret {
			c.lists++
			done(403, []byte(`{"error":"the secret does not match this collection"}`), nil)
			return
		}
		c.lists++
		q := ""
		if i := strings.Index(url, "?"); i >= 0 {
			q = url[i+1:]
		}
		v, _ := neturl.ParseQuery(q)
		withBodies := v.Get("bodies") == "1"
		var ids []string
		if v.Get("ids") != "" {
			ids = strings.Split(v.Get("ids"), ",")
		}
		out := collectList{Kind: "project", Submissions: []collectListed{}}
		for _, x := range c.subs {
			if len(ids) > 0 && !slices.Contains(ids, x.ID) {
				continue
			}
			if !withBodies {
				x.Body = nil
			}
			out.Submissions = append(out.Submissions, x)
		}
		c.fetched += len(out.Submissions) * map[bool]int{true: 1}[withBodies]
		if withBodies {
			c.bodies++
		}
		b, _ := json.Marshal(out) // the bodies re-encoded, as the server's JSON encoder does
		done(200, b, nil)
	default:
		c.t.Errorf("unexpected request %s %s", method, url)
		done(404, []byte(`{"error":"no"}`), nil)
	}
}

// The Adjudicate view reads a project collection live: connecting checks
// the collection holds this project; each poll lists the receipts and
// fetches the bodies only when one is new; new submissions join the
// adjudication as dropped files do, once each (by receipt id, and not at
// all when the same file was dropped); a resubmission replaces its earlier
// version; a wrong secret is named in the status line and stops the poll.
func TestProjectCollectionJoinsTheAdjudication(t *testing.T) {
	st := newMemoryStore()
	s, _ := newTestSession(t, st)
	ticking(s, time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC))
	s.dispatch = func(f func()) { f() }
	f := newAdjFixture(t)
	openAdjFiles(t, s, f, "ana") // ana's file dropped by hand
	testServed = true
	c := &fakeCollection{t: t, code: "ABCD2345", secret: "right", project: f.project.ID}
	var next []func()
	s.collect.pollLater = func(f func()) { next = append(next, f) }
	testRequest = c.serve
	defer func() { testRequest, testServed = nil, false }()
	tick := func() {
		t.Helper()
		if len(next) != 1 {
			t.Fatalf("%d polls waiting, want 1", len(next))
		}
		n := next[0]
		next = nil
		n()
	}
	annotators := func() string {
		var names []string
		for _, in := range s.adj.open.rec.liveInputs() {
			names = append(names, in.Annotator)
		}
		return strings.Join(names, " ")
	}

	s.probeCollect()
	other := &fakeCollection{t: t, code: "ABCD2345", secret: "right", project: "p0000000000000000"}
	testRequest = other.serve
	s.connectProjectCollection("ABCD2345", "right")
	if _, ok := s.projectOwner(); ok || !strings.Contains(s.collect.project.err, "not this one") {
		t.Fatalf("connected to another project's collection: %q", s.collect.project.err)
	}
	testRequest = c.serve
	c.add("s1", "b1", "ana", 1, f.subs["ana"]) // the same bytes as the file dropped
	c.add("s2", "b2", "bob", 1, f.subs["bob"])
	s.connectProjectCollection("ABCD2345", "right")
	if got := annotators(); got != "ana bob" {
		t.Fatalf("after connecting: annotators %q, want ana (dropped) and bob (collected); message %q", got, s.msg.Text)
	}
	if st := s.collect.project.status; !strings.Contains(st, "Connected to collection ABCD2345: 2 submissions") || !strings.Contains(st, "checked at") {
		t.Errorf("status %q", st)
	}
	if !strings.Contains(s.msg.Text, "1 new submission from collection ABCD2345 joined") {
		t.Errorf("message %q", s.msg.Text)
	}

	tick() // nothing new: no bodies fetched
	if c.bodies != 1 {
		t.Errorf("%d listings with bodies after a poll with nothing new, want 1", c.bodies)
	}
	c.add("s3", "b3", "cy", 1, f.subs["cy"])
	fetched := c.fetched
	tick()
	if got := c.fetched - fetched; got != 1 {
		t.Errorf("a third submission fetched %d bodies, want only its own", got)
	}
	if got := annotators(); got != "ana bob cy" {
		t.Fatalf("a third submission: annotators %q (message %q)", got, s.msg.Text)
	}
	// bob submits again from the same browser (as dee's work, under his name)
	again := strings.Replace(string(f.subs["dee"]), `"annotator": "dee"`, `"annotator": "bob"`, 1)
	if again == string(f.subs["dee"]) {
		t.Fatal("the fixture names its annotator differently")
	}
	c.add("s4", "b2", "bob", 2, []byte(again))
	tick()
	if in := s.adj.open.rec.input("bob"); in == nil || !strings.Contains(in.Data, `"d3"`) || in.Name != "collection ABCD2345, s4 v2" {
		t.Fatalf("bob's resubmission did not replace his first: %+v (message %q)", in, s.msg.Text)
	}
	if got := annotators(); got != "ana bob cy" {
		t.Errorf("after the resubmission: annotators %q", got)
	}

	// A reload: the same collection gives nothing twice.
	kept := len(s.adj.open.rec.Inputs)
	s.collect.project = projectLive{}
	next = nil
	s.resumeProjectLive()
	if n := len(s.adj.open.rec.Inputs); n != kept {
		t.Errorf("after a reload %d files, want %d", n, kept)
	}

	// A wrong secret is named, and the poll stops.
	s.forgetProjectCollection()
	next = nil
	s.connectProjectCollection("ABCD2345", "wrong")
	if e := s.collect.project.err; !strings.Contains(e, "the secret does not match this collection (HTTP 403)") {
		t.Errorf("wrong secret: %q", e)
	}
	if len(next) != 0 {
		t.Errorf("a wrong secret is asked again")
	}
	if st := s.collect.project.status; !strings.HasPrefix(st, "Not connected to collection ABCD2345") {
		t.Errorf("status after a wrong secret %q", st)
	}
	asked := c.lists
	s.resumeProjectLive() // a render of the panel after the failure
	if c.lists != asked || len(next) != 0 {
		t.Errorf("a render after a wrong secret asked again")
	}
}
