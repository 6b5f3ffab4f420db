package collect

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Every response of serve -collect, the API's and the app page's, carries
// the app's Content-Security-Policy; no CORS header is sent unless the
// origin is configured with -cors.
func TestServeHeaders(t *testing.T) {
	dsn := "sqlite:" + t.TempDir() + "/c.db"
	_, ab := bundledAssignment(t)
	stancemarkBinary(t)
	p := startServe(t, dsn, "", "-cors", "https://lms.example")
	col := collectNew(t, dsn, ab)
	if page := mustDo(t, "GET", p.base+"/", nil, nil); !strings.Contains(string(page.body), `<meta name="stancemark-collect" content="/api/">`) {
		t.Errorf("the app page does not tell the app it may deliver here")
	}
	for _, path := range []string{"/", "/api/collections/" + col.Code, "/api/collections/zzzzzzzz", "/api/nothing"} {
		for _, origin := range []string{"https://evil.example", "https://lms.example"} {
			r := mustDo(t, "GET", p.base+path, nil, map[string]string{"Origin": origin})
			csp := r.header.Get("Content-Security-Policy")
			if !has(csp, "default-src 'self'", "frame-ancestors 'none'") || r.header.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("GET %s: CSP %q", path, csp)
			}
			acao := r.header.Get("Access-Control-Allow-Origin")
			want := ""
			if origin == "https://lms.example" && strings.HasPrefix(path, "/api/") {
				want = origin
			}
			if acao != want {
				t.Errorf("GET %s from %s: Access-Control-Allow-Origin %q, want %q", path, origin, acao, want)
			}
		}
	}
}

// The rate limits refuse with 429 and Retry-After past their count, per
// client address and per code; the defaults take a class at once (see
// TestClassSubmitsAtOnce).
func TestRateLimits(t *testing.T) {
	a, ab := bundledAssignment(t)
	dsn := "sqlite:" + t.TempDir() + "/c.db"
	s, srv := newAPI(t, dsn, Options{LimitAddr: 5})
	code, _ := newCollection(t, s, ab, CollectionOptions{})
	body := studentBodies(t, a, 1)[0]
	var statuses []int
	for i := range 7 {
		r, _ := submit(srv.URL, code, i, body)
		statuses = append(statuses, r.status)
		if r.status == 429 && (r.header.Get("Retry-After") == "" || !strings.Contains(r.errorText(), "too many")) {
			t.Errorf("429 without Retry-After or message: %s", r.body)
		}
	}
	if statuses[4] != 201 || statuses[5] != 429 || statuses[6] != 429 {
		t.Errorf("per address: statuses %v, want 5 × 201 then 429", statuses)
	}
	_, srv2 := newAPI(t, dsn, Options{LimitCode: 3, LimitAddr: 100})
	statuses = nil
	for i := range 4 {
		r, _ := submit(srv2.URL, code, 10+i, body)
		statuses = append(statuses, r.status)
	}
	if statuses[2] != 201 || statuses[3] != 429 {
		t.Errorf("per code: statuses %v, want 3 × 201 then 429", statuses)
	}
}

// Migrations run once, are recorded, and a database from a newer
// stancemark is refused by name.
func TestMigrations(t *testing.T) {
	eachDatabase(t, func(t *testing.T, dsn string) {
		s := openStore(t, dsn)
		s2 := openStore(t, dsn) // a second start migrates nothing
		var versions int
		s2.db.QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&versions)
		if versions != len(migrations) {
			t.Errorf("%d migrations recorded, want %d", versions, len(migrations))
		}
		if _, err := s.db.Exec(s.q(`INSERT INTO schema_migrations (version, applied) VALUES (?, ?)`), 99, "x"); err != nil {
			t.Fatal(err)
		}
		_, err := Open(context.Background(), dsn)
		if err == nil || !strings.Contains(err.Error(), "schema version 99, newer than this stancemark's 1") {
			t.Errorf("a newer database: %v", err)
		}
	})
	if _, err := Open(context.Background(), "mysql://x"); err == nil || !strings.Contains(err.Error(), "sqlite:PATH or postgres://") {
		t.Errorf("unknown DSN: %v", err)
	}
}

// Nothing of the collection server, and no database driver, is linked
// into app.wasm.
func TestNotInAppWasm(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "stancemark/cmd/stancemark")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.Contains(pkg, "sqlite") || strings.Contains(pkg, "pgx") || pkg == "stancemark/collect" {
			t.Errorf("app.wasm links %s", pkg)
		}
	}
}

// The SQLite pragmas are in force on the connections: WAL, full sync,
// foreign keys and secure delete.
func TestSQLitePragmas(t *testing.T) {
	s := openStore(t, "sqlite:"+t.TempDir()+"/p.db")
	for pragma, want := range map[string]string{"journal_mode": "wal", "synchronous": "2", "foreign_keys": "1", "secure_delete": "1"} {
		var got string
		if err := s.db.QueryRow("PRAGMA " + pragma).Scan(&got); err != nil || got != want {
			t.Errorf("PRAGMA %s = %q (%v), want %q", pragma, got, err, want)
		}
	}
}

// Close commits what the writer was handed; an Add after it is refused.
func TestStoreClose(t *testing.T) {
	a, ab := bundledAssignment(t)
	s, err := Open(context.Background(), "sqlite:"+t.TempDir()+"/c.db")
	if err != nil {
		t.Fatal(err)
	}
	code, _ := newCollection(t, s, ab, CollectionOptions{})
	body := studentBodies(t, a, 1)[0]
	if _, _, err := s.Add(context.Background(), code, Submission{Annotator: "x", Body: body}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, _, err := s.Add(context.Background(), code, Submission{Annotator: "x", Body: body}); err != ErrClosed {
		t.Errorf("Add after Close: %v, want ErrClosed", err)
	}
}
