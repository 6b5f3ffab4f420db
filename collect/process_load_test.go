package collect

import (
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"stancemark/annotations"
)

// collectNew runs "stancemark collect new -db DSN -json FILE".
func collectNew(t *testing.T, dsn string, file []byte) Created {
	t.Helper()
	path := t.TempDir() + "/a.assignment.json"
	writeFile(t, path, file)
	out, err := exec.Command(stancemarkBinary(t), "collect", "new", "-db", dsn, "-json", path).Output()
	if err != nil {
		t.Fatalf("collect new: %v", err)
	}
	var c Created
	if err := json.Unmarshal(out, &c); err != nil || c.Code == "" || c.Secret == "" || c.URL != "http://127.0.0.1:8000/?collect="+c.Code {
		t.Fatalf("collect new printed %q (%v)", out, err)
	}
	return c
}

// The server is SIGKILLed in the middle of a class's load and restarted:
// every acknowledged submission is there with the bytes it was
// acknowledged for, no row is half-written, and the students' retries
// (same Idempotency-Key) bring the class to exactly one submission each.
func TestKilledMidLoad(t *testing.T) {
	eachDatabase(t, func(t *testing.T, dsn string) {
		a, ab := bundledAssignment(t)
		col := collectNew(t, dsn, ab)
		bodies := studentBodies(t, a, 300)
		p := startServe(t, dsn, "")
		var acked sync.Map // student → Receipt
		var nAcked atomic.Int32
		killed := make(chan struct{})
		go func() {
			for nAcked.Load() < 100 {
				time.Sleep(time.Millisecond)
			}
			p.kill()
			close(killed)
		}()
		var wg sync.WaitGroup
		sem := make(chan struct{}, 30)
		for i, b := range bodies {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sem <- struct{}{}
				defer func() { <-sem }()
				r, err := submit(p.base, col.Code, i, b)
				if err != nil || r.status != 201 {
					return // not acknowledged: the student retries below
				}
				var rc Receipt
				if json.Unmarshal(r.body, &rc) == nil {
					acked.Store(i, rc)
					nAcked.Add(1)
				}
			}()
		}
		wg.Wait()
		<-killed
		n := int(nAcked.Load())
		if n == 300 {
			t.Fatal("the kill came after the whole load: nothing was tested")
		}

		// Every acknowledged submission is stored, whole.
		s := openStore(t, dsn)
		stored, err := s.Submissions(context.Background(), col.Code, true)
		if err != nil {
			t.Fatal(err)
		}
		byID := map[string]StoredSubmission{}
		for _, x := range stored {
			byID[x.ID] = x
			if contentHash(x.Body) != x.Hash {
				t.Errorf("%s: stored body does not match its hash: half-written", x.ID)
			}
			if _, err := annotations.Open("x.json", x.Body); err != nil {
				t.Errorf("%s: stored body does not read: %v", x.ID, err)
			}
		}
		acked.Range(func(k, v any) bool {
			rc := v.(Receipt)
			if x, ok := byID[rc.ID]; !ok || x.Hash != rc.Hash {
				t.Errorf("student %d: acknowledged %s but not stored", k, rc.ID)
			}
			return true
		})
		t.Logf("%d acknowledged before SIGKILL, %d stored", n, len(stored))

		// Restarted, the retries complete the class, once each.
		p2 := startServe(t, dsn, "")
		for i, b := range bodies {
			r, err := submit(p2.base, col.Code, i, b)
			if err != nil {
				t.Fatal(err)
			}
			var rc Receipt
			r.decode(t, &rc)
			if prev, ok := acked.Load(i); ok && (r.status != 200 || rc.ID != prev.(Receipt).ID) {
				t.Errorf("student %d: retry of an acknowledged submission: %d %s", i, r.status, r.body)
			} else if r.status != 200 && r.status != 201 {
				t.Errorf("student %d: retry: %d %s", i, r.status, r.body)
			}
		}
		l := list(t, p2.base, col.Code, col.Secret)
		seen := map[string]bool{}
		for _, x := range l.Submissions {
			if seen[x.Submitter] {
				t.Errorf("%s stored twice", x.Submitter)
			}
			seen[x.Submitter] = true
		}
		if len(l.Submissions) != 300 {
			t.Errorf("%d submissions after the retries, want 300", len(l.Submissions))
		}
	})
}

// Two serve processes share one PostgreSQL database and take a class's
// submissions at once, with some retries landing on the other process:
// none is lost, none doubled, and the owner's list on either shows all.
func TestTwoServersOnePostgres(t *testing.T) {
	dsn := pg.newDatabase(t)
	a, ab := bundledAssignment(t)
	stancemarkBinary(t)
	servers := []*serveProcess{startServe(t, dsn, ""), startServe(t, dsn, "")}
	col := collectNew(t, dsn, ab)
	bodies := studentBodies(t, a, 300)
	receipts := make([]Receipt, len(bodies))
	var wg sync.WaitGroup
	var mu sync.Mutex
	var errs []string
	fail := func(f string, args ...any) {
		mu.Lock()
		errs = append(errs, fmt.Sprintf(f, args...))
		mu.Unlock()
	}
	for i, b := range bodies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := submit(servers[i%2].base, col.Code, i, b)
			if err != nil || r.status != 201 {
				fail("student %d on server %d: %v %d %s", i, i%2, err, r.status, r.body)
				return
			}
			json.Unmarshal(r.body, &receipts[i])
			if i%6 == 0 { // a retry that reaches the other process
				r2, err := submit(servers[(i+1)%2].base, col.Code, i, b)
				var rc Receipt
				json.Unmarshal(r2.body, &rc)
				if err != nil || r2.status != 200 || rc.ID != receipts[i].ID {
					fail("student %d: retry on the other server: %v %d %s", i, err, r2.status, r2.body)
				}
			}
		}()
	}
	wg.Wait()
	for _, e := range errs {
		t.Error(e)
	}
	for k, p := range servers {
		l := list(t, p.base, col.Code, col.Secret)
		ids := map[string]bool{}
		for _, x := range l.Submissions {
			ids[x.ID] = true
		}
		if len(l.Submissions) != 300 || len(ids) != 300 {
			t.Errorf("server %d lists %d submissions (%d ids), want 300", k, len(l.Submissions), len(ids))
		}
		for i, r := range receipts {
			if !ids[r.ID] {
				t.Errorf("server %d: student %d's %s missing", k, i, r.ID)
			}
		}
	}
}
