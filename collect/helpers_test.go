package collect

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"stancemark/annotations"
	"stancemark/articles"
)

// The tests run against real databases: SQLite in a temporary file, and
// PostgreSQL 15 (Debian's package; "make deps" installs it) started once
// per test binary in a temporary directory (TestMain).

// bundledAssignment is the bundled article's assignment, with a key.
func bundledAssignment(t testing.TB) (*annotations.Assignment, []byte) {
	t.Helper()
	doc, err := annotations.ParsePlainText(articles.Bundled)
	if err != nil {
		t.Fatal(err)
	}
	scheme := annotations.Presets()[0]
	scheme.Target = articles.BundledTarget
	key := []annotations.Annotation{{ID: "k1", SentenceIDs: []string{"s1"}, Label: scheme.Labels[0].ID,
		Created: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), Modified: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}}
	a := annotations.NewAssignment("Iran and the U.S. in Iraq", "Tag every sentence that takes a side.", doc, scheme, key, annotations.AssignmentOptions{})
	var b bytes.Buffer
	if err := annotations.WriteAssignment(&b, a); err != nil {
		t.Fatal(err)
	}
	return a, b.Bytes()
}

// studentBodies returns n valid submissions for a, one per student.
func studentBodies(t testing.TB, a *annotations.Assignment, n int) [][]byte {
	t.Helper()
	out := make([][]byte, n)
	for i, e := range annotations.GenerateSubmissions(a, n, 19) {
		var b bytes.Buffer
		if err := annotations.WriteExport(&b, e); err != nil {
			t.Fatal(err)
		}
		out[i] = b.Bytes()
	}
	return out
}

// databases are the DSN makers of every test: each gives a fresh database.
func databases(t *testing.T) map[string]func(t *testing.T) string {
	return map[string]func(t *testing.T) string{
		"sqlite": func(t *testing.T) string {
			return "sqlite:" + filepath.Join(t.TempDir(), "collect.db")
		},
		"postgres": func(t *testing.T) string { return pg.newDatabase(t) },
	}
}

// eachDatabase runs f once per database, as subtests.
func eachDatabase(t *testing.T, f func(t *testing.T, dsn string)) {
	for _, name := range []string{"sqlite", "postgres"} {
		mk := databases(t)[name]
		t.Run(name, func(t *testing.T) { f(t, mk(t)) })
	}
}

// openStore opens dsn for a test.
func openStore(t testing.TB, dsn string) *Store {
	t.Helper()
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// newAPI serves the API over a new store on dsn, with limits off unless given.
func newAPI(t testing.TB, dsn string, opts Options) (*Store, *httptest.Server) {
	t.Helper()
	s := openStore(t, dsn)
	srv := httptest.NewServer(NewServer(s, opts))
	t.Cleanup(srv.Close)
	return s, srv
}

// newCollection makes a collection of body and returns its code and secret.
func newCollection(t testing.TB, s *Store, body []byte, opts CollectionOptions) (string, string) {
	t.Helper()
	c, secret, err := s.Create(context.Background(), body, opts)
	if err != nil {
		t.Fatal(err)
	}
	return c.Code, secret
}

// client is an HTTP client with room for a class at once.
var client = &http.Client{
	Timeout:   60 * time.Second,
	Transport: &http.Transport{MaxIdleConnsPerHost: 400, MaxConnsPerHost: 0},
}

// response is a request's status and JSON body.
type response struct {
	status int
	body   []byte
	header http.Header
}

func (r response) decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("status %d, body %q: %v", r.status, r.body, err)
	}
}

func (r response) errorText() string {
	var e struct{ Error string }
	json.Unmarshal(r.body, &e)
	return e.Error
}

// do sends a request; header holds extra headers.
func do(method, url string, body []byte, header map[string]string) (response, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		return response{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := client.Do(req)
	if err != nil {
		return response{}, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return response{status: res.StatusCode, body: b, header: res.Header}, err
}

func mustDo(t testing.TB, method, url string, body []byte, header map[string]string) response {
	t.Helper()
	r, err := do(method, url, body, header)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// submit posts body as student i (submitter "student-i", key "key-i").
func submit(base, code string, i int, body []byte) (response, error) {
	return do("POST", base+"/api/collections/"+code+"/submissions", body, map[string]string{
		"Idempotency-Key": fmt.Sprintf("key-%d", i), "Stancemark-Submitter": fmt.Sprintf("student-%d", i)})
}

// listed is GET …/submissions as the owner.
type listed struct {
	Code        string
	Submissions []struct {
		ID, Hash, Received, Submitter, Annotator string
		Version                                  int
		Body                                     json.RawMessage
	}
}

func list(t testing.TB, base, code, secret string) listed {
	t.Helper()
	r := mustDo(t, "GET", base+"/api/collections/"+code+"/submissions?bodies=1", nil, map[string]string{"Authorization": "Bearer " + secret})
	if r.status != 200 {
		t.Fatalf("listing: %d %s", r.status, r.body)
	}
	var l listed
	r.decode(t, &l)
	return l
}

// countRows counts the submissions rows of the store, every collection.
func countRows(t testing.TB, s *Store) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM submissions`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// --- PostgreSQL, started by the tests ---

type pgServer struct {
	once    sync.Once
	err     error
	dir     string
	sock    string
	port    int
	bin     string
	n       int
	mu      sync.Mutex
	started bool
}

var pg pgServer

// asPostgres runs a PostgreSQL program, as the postgres user when root
// (PostgreSQL refuses to run as root).
func asPostgres(name string, args ...string) *exec.Cmd {
	if os.Geteuid() == 0 {
		return exec.Command("runuser", append([]string{"-u", "postgres", "--", name}, args...)...)
	}
	return exec.Command(name, args...)
}

func (p *pgServer) start() error {
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(bins) == 0 {
		return fmt.Errorf("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run \"make deps\" (apt-get install postgresql)")
	}
	p.bin = filepath.Dir(bins[len(bins)-1])
	dir, err := os.MkdirTemp("", "stancemark-pg-")
	if err != nil {
		return err
	}
	p.dir = dir
	os.Chmod(dir, 0o755)
	data, sock := filepath.Join(dir, "data"), filepath.Join(dir, "sock")
	p.sock = sock
	if os.Geteuid() == 0 {
		for _, d := range []string{data, sock} {
			if out, err := exec.Command("install", "-d", "-o", "postgres", "-m", "0700", d).CombinedOutput(); err != nil {
				return fmt.Errorf("install -d %s: %v: %s", d, err, out)
			}
		}
		exec.Command("chown", "postgres", dir).Run()
	} else {
		os.Mkdir(data, 0o700)
		os.Mkdir(sock, 0o700)
	}
	if out, err := asPostgres(filepath.Join(p.bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync").CombinedOutput(); err != nil {
		return fmt.Errorf("initdb: %v: %s", err, out)
	}
	p.port = 20000 + os.Getpid()%20000
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses='' -c max_connections=200", p.port, sock)
	if out, err := asPostgres(filepath.Join(p.bin, "pg_ctl"), "-D", data, "-l", filepath.Join(dir, "log"), "-w", "-t", "60", "-o", opts, "start").CombinedOutput(); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		return fmt.Errorf("pg_ctl start: %v: %s\n%s", err, out, log)
	}
	p.started = true
	return nil
}

// stop stops the server and removes its directory.
func (p *pgServer) stop() {
	if p.started {
		asPostgres(filepath.Join(p.bin, "pg_ctl"), "-D", filepath.Join(p.dir, "data"), "-m", "fast", "-w", "stop").Run()
	}
	if p.dir != "" {
		os.RemoveAll(p.dir)
	}
}

// dsn is the URL of database name on the test server.
func (p *pgServer) dsn(name string) string {
	return fmt.Sprintf("postgres://postgres@/%s?host=%s&port=%d&sslmode=disable", name, p.sock, p.port)
}

// newDatabase creates an empty database for one test.
func (p *pgServer) newDatabase(t testing.TB) string {
	t.Helper()
	p.once.Do(func() { p.err = p.start() })
	if p.err != nil {
		t.Fatal(p.err)
	}
	p.mu.Lock()
	p.n++
	name := fmt.Sprintf("t%d", p.n)
	p.mu.Unlock()
	admin, err := sql.Open("pgx", p.dsn("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil { // name is ours: t1, t2, …
		t.Fatal(err)
	}
	return p.dsn(name)
}

func TestMain(m *testing.M) {
	code := m.Run()
	pg.stop()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// has reports whether s has every one of subs.
func has(s string, subs ...string) bool {
	for _, x := range subs {
		if !strings.Contains(s, x) {
			return false
		}
	}
	return true
}

// readDir returns the files of dir by name (not recursive).
func readDir(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
