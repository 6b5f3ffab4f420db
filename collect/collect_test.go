package collect

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"stancemark/annotations"
)

// A class of 300 presses Submit at once: every one is acknowledged (201)
// and stored exactly once, with the hash the receipt names.
func TestClassSubmitsAtOnce(t *testing.T) {
	eachDatabase(t, func(t *testing.T, dsn string) {
		a, ab := bundledAssignment(t)
		s, srv := newAPI(t, dsn, Options{LimitAddr: DefaultLimitAddr, LimitCode: DefaultLimitCode})
		code, secret := newCollection(t, s, ab, CollectionOptions{})
		bodies := studentBodies(t, a, 300)
		receipts := make([]Receipt, len(bodies))
		var wg sync.WaitGroup
		start := make(chan struct{})
		errs := make(chan error, len(bodies))
		for i, b := range bodies {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				r, err := submit(srv.URL, code, i, b)
				if err == nil && r.status != 201 {
					err = fmt.Errorf("student %d: status %d: %s", i, r.status, r.body)
				}
				if err != nil {
					errs <- err
					return
				}
				json.Unmarshal(r.body, &receipts[i])
			}()
		}
		close(start)
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		l := list(t, srv.URL, code, secret)
		if len(l.Submissions) != 300 || countRows(t, s) != 300 {
			t.Fatalf("stored %d submissions (%d rows), want 300", len(l.Submissions), countRows(t, s))
		}
		byID := map[string]bool{}
		for _, x := range l.Submissions {
			byID[x.ID+" "+x.Hash] = true
		}
		for i, r := range receipts {
			if !byID[r.ID+" "+r.Hash] || r.Hash != contentHash(bodies[i]) || r.Version != 1 {
				t.Errorf("student %d: receipt %+v not stored as acknowledged", i, r)
			}
		}
	})
}

// A repeated Idempotency-Key with the same body is the same receipt (200),
// stored once; with another body it is 422 and nothing is stored.
func TestIdempotencyKey(t *testing.T) {
	eachDatabase(t, func(t *testing.T, dsn string) {
		a, ab := bundledAssignment(t)
		s, srv := newAPI(t, dsn, Options{})
		code, _ := newCollection(t, s, ab, CollectionOptions{})
		bodies := studentBodies(t, a, 2)
		first := mustDo(t, "POST", srv.URL+"/api/collections/"+code+"/submissions", bodies[0], map[string]string{"Idempotency-Key": "retry-1"})
		again := mustDo(t, "POST", srv.URL+"/api/collections/"+code+"/submissions", bodies[0], map[string]string{"Idempotency-Key": "retry-1"})
		if first.status != 201 || again.status != 200 {
			t.Fatalf("statuses %d, %d; want 201, 200 (%s)", first.status, again.status, again.body)
		}
		var r1, r2 Receipt
		first.decode(t, &r1)
		again.decode(t, &r2)
		if r1 != r2 || r1.ID == "" || !strings.HasPrefix(r1.Hash, "sha256:") || r1.Received == "" {
			t.Errorf("receipts differ or are empty: %+v, %+v", r1, r2)
		}
		other := mustDo(t, "POST", srv.URL+"/api/collections/"+code+"/submissions", bodies[1], map[string]string{"Idempotency-Key": "retry-1"})
		if other.status != 422 || !strings.Contains(other.errorText(), "Idempotency-Key") {
			t.Errorf("another body under the same key: %d %s, want 422 naming the key", other.status, other.body)
		}
		if n := countRows(t, s); n != 1 {
			t.Errorf("%d rows, want 1", n)
		}
	})
}

// A resubmission by the same browser (same submitter id) is kept as its
// next version, never as a duplicate; export writes the latest beside the
// assignment and the earlier under earlier/.
func TestResubmissionIsANewVersion(t *testing.T) {
	eachDatabase(t, func(t *testing.T, dsn string) {
		a, ab := bundledAssignment(t)
		s, srv := newAPI(t, dsn, Options{})
		code, secret := newCollection(t, s, ab, CollectionOptions{})
		e := annotations.GenerateSubmissions(a, 1, 3)[0]
		var v1, v2 bytes.Buffer
		annotations.WriteExport(&v1, e)
		e.Annotations = e.Annotations[:0]
		annotations.WriteExport(&v2, e)
		for i, b := range [][]byte{v1.Bytes(), v2.Bytes()} {
			r := mustDo(t, "POST", srv.URL+"/api/collections/"+code+"/submissions", b,
				map[string]string{"Stancemark-Submitter": "browser-abc", "Idempotency-Key": fmt.Sprint("k", i)})
			var rc Receipt
			r.decode(t, &rc)
			if r.status != 201 || rc.Version != i+1 {
				t.Fatalf("submission %d: %d %s, want 201 version %d", i+1, r.status, r.body, i+1)
			}
		}
		l := list(t, srv.URL, code, secret)
		if len(l.Submissions) != 2 || l.Submissions[0].Submitter != "browser-abc" || l.Submissions[1].Version != 2 {
			t.Fatalf("listed %+v", l.Submissions)
		}
		dir := t.TempDir()
		res, err := s.Export(context.Background(), code, secret, dir)
		if err != nil || res.Latest != 1 || res.Earlier != 1 {
			t.Fatalf("export: %+v, %v", res, err)
		}
		// The exported files are read by the class report, their consumer.
		files := readDir(t, dir)
		class := annotations.NewClass(a)
		for name, data := range files {
			if strings.HasSuffix(name, ".stancemark.json") {
				if err := class.Add(name, data); err != nil {
					t.Errorf("%s: %v", name, err)
				}
			}
		}
		if class.Len() != 1 {
			t.Errorf("the class has %d students, want 1", class.Len())
		}
		if _, ok := files["iran-and-the-u-s-in-iraq.assignment.json"]; !ok {
			t.Errorf("no assignment file in %v", keys(files))
		}
	})
}

// GET of a collection serves the assignment without its key; the owner's
// list and delete need the secret (401 without, 403 wrong); delete removes
// everything.
func TestOwnerSecretAndPublicCollection(t *testing.T) {
	eachDatabase(t, func(t *testing.T, dsn string) {
		a, ab := bundledAssignment(t)
		s, srv := newAPI(t, dsn, Options{})
		code, secret := newCollection(t, s, ab, CollectionOptions{CompletionCode: "C0MPL3TE", ParticipantParam: "PROLIFIC_PID"})
		if len(secret) < 26 {
			t.Errorf("secret %q has fewer than 128 bits", secret)
		}
		var stored string
		s.db.QueryRow(s.q(`SELECT secret_hash FROM collections WHERE code = ?`), code).Scan(&stored)
		if stored == secret || strings.Contains(stored, secret) || stored != hashSecret(secret) {
			t.Errorf("stored secret %q is not only the hash", stored)
		}
		g := mustDo(t, "GET", srv.URL+"/api/collections/"+code, nil, nil)
		var pub struct {
			Format, Kind, ParticipantParam string
			Assignment                     json.RawMessage
		}
		g.decode(t, &pub)
		if g.status != 200 || pub.Kind != "assignment" || pub.ParticipantParam != "PROLIFIC_PID" || pub.Format != CollectionFormat {
			t.Fatalf("GET: %d %+v", g.status, pub)
		}
		got, err := annotations.ReadAssignment(bytes.NewReader(pub.Assignment))
		var top map[string]json.RawMessage
		json.Unmarshal(pub.Assignment, &top)
		if _, hasKey := top["key"]; err != nil || got.HasKey() || got.ID != a.ID || hasKey {
			t.Errorf("the public assignment has a key or does not read: %v", err)
		}
		r, _ := submit(srv.URL, code, 1, studentBodies(t, a, 1)[0])
		var rc Receipt
		r.decode(t, &rc)
		if rc.CompletionCode != "C0MPL3TE" {
			t.Errorf("receipt %s has no completion code", r.body)
		}
		for _, c := range []struct {
			auth   string
			status int
		}{{"", 401}, {"Basic abc", 401}, {"Bearer ", 401}, {"Bearer " + secret + "x", 403}, {"Bearer wrong", 403}} {
			h := map[string]string{}
			if c.auth != "" {
				h["Authorization"] = c.auth
			}
			for _, m := range []string{"GET", "DELETE"} {
				path := srv.URL + "/api/collections/" + code
				if m == "GET" {
					path += "/submissions"
				}
				if r := mustDo(t, m, path, nil, h); r.status != c.status || r.errorText() == "" {
					t.Errorf("%s with %q: %d %s, want %d with a message", m, c.auth, r.status, r.body, c.status)
				}
			}
		}
		if countRows(t, s) != 1 {
			t.Fatal("a refused delete removed something")
		}
		if r := mustDo(t, "DELETE", srv.URL+"/api/collections/"+code, nil, map[string]string{"Authorization": "Bearer " + secret}); r.status != 204 {
			t.Fatalf("delete: %d %s", r.status, r.body)
		}
		var n int
		s.db.QueryRow(`SELECT COUNT(*) FROM collections`).Scan(&n)
		if countRows(t, s) != 0 || n != 0 {
			t.Errorf("after delete: %d submissions, %d collections", countRows(t, s), n)
		}
		if r := mustDo(t, "GET", srv.URL+"/api/collections/"+code, nil, nil); r.status != 404 {
			t.Errorf("GET after delete: %d", r.status)
		}
		if r, _ := submit(srv.URL, code, 2, studentBodies(t, a, 1)[0]); r.status != 404 {
			t.Errorf("submit after delete: %d %s", r.status, r.body)
		}
	})
}
