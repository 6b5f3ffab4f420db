package collect

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"slices"
	"strings"
	"sync"

	"stancemark/annotations"
)

// MaxBodyBytes is the largest request body: the 20 MB of a file import.
const MaxBodyBytes = annotations.MaxImportBytes

// Default rate limits: generous, so that a whole class (or a lab) behind
// one school address pressing Submit at once is never refused.
const (
	DefaultLimitAddr = 1200 // API requests a minute per client address (and as many at once)
	DefaultLimitCode = 3000 // submissions a minute per collection code (and as many at once)
)

// Options configure the API.
type Options struct {
	LimitAddr   int      // API requests a minute per client address; 0: no limit
	LimitCode   int      // submissions a minute per code; 0: no limit
	TrustProxy  bool     // take the client address from X-Forwarded-For
	CORSOrigins []string // origins allowed to call the API from a browser; none: no CORS headers
	Log         *log.Logger
}

// Server is the collection API (http.Handler), under /api/.
type Server struct {
	store  *Store
	opts   Options
	byAddr *limiter
	byCode *limiter
	mux    *http.ServeMux

	mu    sync.Mutex
	cache map[string]*Collection // collections by code, for checking submissions
}

// NewServer returns the API over store.
func NewServer(store *Store, opts Options) *Server {
	if opts.Log == nil {
		opts.Log = log.New(io.Discard, "", 0)
	}
	s := &Server{store: store, opts: opts, byAddr: newLimiter(opts.LimitAddr), byCode: newLimiter(opts.LimitCode),
		mux: http.NewServeMux(), cache: map[string]*Collection{}}
	s.mux.HandleFunc("POST /api/collections", s.create)
	s.mux.HandleFunc("GET /api/collections/{code}", s.get)
	s.mux.HandleFunc("DELETE /api/collections/{code}", s.delete)
	s.mux.HandleFunc("POST /api/collections/{code}/submissions", s.submit)
	s.mux.HandleFunc("GET /api/collections/{code}/submissions", s.list)
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such API endpoint: "+r.Method+" "+r.URL.Path)
	})
	return s
}

// ServeHTTP applies CORS (only for configured origins) and the per-address
// rate limit, then routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	if origin := r.Header.Get("Origin"); origin != "" && slices.Contains(s.opts.CORSOrigins, origin) {
		h := w.Header()
		h.Set("Access-Control-Allow-Origin", origin)
		h.Add("Vary", "Origin")
		if r.Method == http.MethodOptions {
			h.Set("Access-Control-Allow-Methods", "GET, POST, DELETE")
			h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key, Stancemark-Submitter")
			h.Set("Access-Control-Max-Age", "600")
			w.WriteHeader(http.StatusNoContent)
			return
		}
	}
	if !s.byAddr.allow(clientAddress(r, s.opts.TrustProxy)) {
		w.Header().Set("Retry-After", "5")
		writeError(w, http.StatusTooManyRequests, "too many requests from your address: wait a few seconds and try again")
		return
	}
	s.mux.ServeHTTP(w, r)
}

// writeJSON writes v with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true) // the API's JSON is never HTML, and a browser never reads it as such
	enc.Encode(v)
}

// writeError writes {"error": msg} with status.
func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// maxListedIDs is how many ids one ?ids= may name.
const maxListedIDs = 100

// submissionIDs reads the ?ids= of a listing: none, or at most
// maxListedIDs ids as newID makes them ("s" and 16 letters or digits).
func submissionIDs(v string) ([]string, bool) {
	if v == "" {
		return nil, true
	}
	ids := strings.Split(v, ",")
	if len(ids) > maxListedIDs {
		return nil, false
	}
	for _, id := range ids {
		if len(id) != 17 || id[0] != 's' || strings.Trim(id[1:], "abcdefghijklmnopqrstuvwxyz0123456789") != "" {
			return nil, false
		}
	}
	return ids, true
}

// validCode reports whether code can be a collection code at all.
func validCode(code string) bool {
	if len(code) != codeLength {
		return false
	}
	for i := 0; i < len(code); i++ {
		if !strings.ContainsRune(codeAlphabet, rune(code[i])) {
			return false
		}
	}
	return true
}

// readBody reads at most MaxBodyBytes; false when it wrote the error (413, 400).
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	if r.ContentLength > MaxBodyBytes {
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the body is %d bytes; at most %d (20 MB) are taken", r.ContentLength, MaxBodyBytes))
		return nil, false
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the body is over %d bytes (20 MB), the most taken", MaxBodyBytes))
		return nil, false
	case err != nil:
		writeError(w, http.StatusBadRequest, "the body could not be read: "+err.Error())
		return nil, false
	case len(body) == 0:
		writeError(w, http.StatusBadRequest, "the body is empty: send the file as JSON")
		return nil, false
	}
	return body, true
}

// collection returns the collection of code for checking a submission,
// from the cache when it was read before (a collection never changes).
func (s *Server) collection(r *http.Request, code string) (*Collection, *opened, error) {
	s.mu.Lock()
	c := s.cache[code]
	s.mu.Unlock()
	if c == nil {
		var err error
		if c, err = s.store.Collection(r.Context(), code); err != nil {
			return nil, nil, err
		}
		if _, err := c.opened(); err != nil {
			return nil, nil, err
		}
		s.mu.Lock()
		if len(s.cache) > 1000 {
			clear(s.cache)
		}
		s.cache[code] = c
		s.mu.Unlock()
	}
	it, err := c.opened()
	return c, it, err
}

func (s *Server) forget(code string) {
	s.mu.Lock()
	delete(s.cache, code)
	s.mu.Unlock()
}

// fail writes err: 404 for an unknown code, 403 for a wrong secret, else
// 500 (logged; the message names no internals).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, ErrNotFound):
		writeError(w, http.StatusNotFound, "no collection has the code "+fmt.Sprintf("%q", r.PathValue("code"))+": check the link")
	case errors.Is(err, ErrForbidden):
		writeError(w, http.StatusForbidden, "the secret does not match this collection")
	default:
		s.opts.Log.Printf("collect: %s %s: %v", r.Method, r.URL.Path, err)
		writeError(w, http.StatusInternalServerError, "the server could not store or read this: try again later")
	}
}

// submit is POST /api/collections/{code}/submissions.
func (s *Server) submit(w http.ResponseWriter, r *http.Request) {
	code := r.PathValue("code")
	if !validCode(code) {
		s.fail(w, r, ErrNotFound)
		return
	}
	if !s.byCode.allow(code) {
		w.Header().Set("Retry-After", "5")
		writeError(w, http.StatusTooManyRequests, "this collection is taking too many submissions at once: wait a few seconds and try again")
		return
	}
	sub := Submission{IdempotencyKey: r.Header.Get("Idempotency-Key"), Submitter: r.Header.Get("Stancemark-Submitter")}
	for _, h := range []struct {
		name, v string
		max     int
	}{{"Idempotency-Key", sub.IdempotencyKey, 200}, {"Stancemark-Submitter", sub.Submitter, 64}} {
		if h.v == "" {
			continue
		}
		if err := checkToken(h.name, h.v, h.max); err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
	}
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	c, it, err := s.collection(r, code)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if sub.Annotator, err = it.checkSubmission(body); err != nil {
		writeError(w, http.StatusBadRequest, "not stored: "+err.Error())
		return
	}
	sub.Body = body
	receipt, created, err := s.store.Add(r.Context(), code, sub)
	switch {
	case errors.Is(err, ErrIdempotencyConflict):
		writeError(w, http.StatusUnprocessableEntity, "not stored: "+err.Error()+"; a new submission needs a new key")
		return
	case errors.Is(err, ErrNotFound):
		s.forget(code)
		s.fail(w, r, err)
		return
	case err != nil:
		s.fail(w, r, err)
		return
	}
	receipt.CompletionCode = c.CompletionCode
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	writeJSON(w, status, receipt)
}

// publicCollection is what GET /api/collections/{code} returns.
type publicCollection struct {
	Format           string          `json:"format"`
	Code             string          `json:"code"`
	Kind             string          `json:"kind"`
	Title            string          `json:"title"`
	ParticipantParam string          `json:"participantParam,omitempty"`
	Assignment       json.RawMessage `json:"assignment,omitempty"`
	Project          json.RawMessage `json:"project,omitempty"`
}

// CollectionFormat is the format of GET /api/collections/{code}.
const CollectionFormat = "stancemark-collection/v1"

// get is GET /api/collections/{code}: the assignment (without its key) or
// the project (without hidden references) a student's link loads.
func (s *Server) get(w http.ResponseWriter, r *http.Request) {
	code := r.PathValue("code")
	if !validCode(code) {
		s.fail(w, r, ErrNotFound)
		return
	}
	c, err := s.store.Collection(r.Context(), code)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := publicCollection{Format: CollectionFormat, Code: c.Code, Kind: c.Kind, Title: c.Title, ParticipantParam: c.ParticipantParam}
	if c.Kind == KindAssignment {
		out.Assignment = c.PublicBody
	} else {
		out.Project = c.PublicBody
	}
	writeJSON(w, http.StatusOK, out)
}

// bearer returns the secret of "Authorization: Bearer SECRET", or writes
// 401 and returns false.
func bearer(w http.ResponseWriter, r *http.Request) (string, bool) {
	auth := r.Header.Get("Authorization")
	scheme, secret, _ := strings.Cut(auth, " ")
	if !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(secret) == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="stancemark collection"`)
		writeError(w, http.StatusUnauthorized, "this needs the collection's owner secret: Authorization: Bearer SECRET")
		return "", false
	}
	return strings.TrimSpace(secret), true
}

// storedWire is a submission in GET …/submissions.
type storedWire struct {
	StoredSubmission
	Body json.RawMessage `json:"body,omitempty"`
}

// list is GET /api/collections/{code}/submissions (owner only): receipts
// and annotators, with ?bodies=1 the submissions themselves, with
// ?ids=ID,ID… only those (what a live view has not read yet).
func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	secret, ok := bearer(w, r)
	if !ok {
		return
	}
	code := r.PathValue("code")
	if !validCode(code) {
		s.fail(w, r, ErrNotFound)
		return
	}
	c, err := s.store.Authorize(r.Context(), code, secret)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	withBodies := r.URL.Query().Get("bodies") == "1"
	ids, ok := submissionIDs(r.URL.Query().Get("ids"))
	if !ok {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("ids: give at most %d submission ids (from the receipts) separated by commas", maxListedIDs))
		return
	}
	subs, err := s.store.Submissions(r.Context(), code, withBodies, ids...)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := struct {
		Code        string       `json:"code"`
		Kind        string       `json:"kind"`
		Title       string       `json:"title"`
		Submissions []storedWire `json:"submissions"`
	}{Code: c.Code, Kind: c.Kind, Title: c.Title, Submissions: make([]storedWire, len(subs))}
	for i, x := range subs {
		out.Submissions[i] = storedWire{StoredSubmission: x, Body: x.Body}
	}
	writeJSON(w, http.StatusOK, out)
}

// delete is DELETE /api/collections/{code} (owner only): the collection
// and every submission in it.
func (s *Server) delete(w http.ResponseWriter, r *http.Request) {
	secret, ok := bearer(w, r)
	if !ok {
		return
	}
	code := r.PathValue("code")
	if !validCode(code) {
		s.fail(w, r, ErrNotFound)
		return
	}
	if err := s.store.Delete(r.Context(), code, secret); err != nil {
		s.fail(w, r, err)
		return
	}
	s.forget(code)
	w.WriteHeader(http.StatusNoContent)
}

// Created is the answer to creating a collection: shown once.
type Created struct {
	Code   string `json:"code"`
	Secret string `json:"secret"`
	URL    string `json:"url"`
}

// create is POST /api/collections: the body is an assignment or a project
// file; ?completion=CODE&participant=PARAM set the crowd-study options.
// The answer has the code, the owner secret (only shown here) and the
// link, relative to this server.
func (s *Server) create(w http.ResponseWriter, r *http.Request) {
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	c, secret, err := s.store.Create(r.Context(), body, CollectionOptions{CompletionCode: q.Get("completion"), ParticipantParam: q.Get("participant")})
	if err != nil {
		if errors.As(err, new(*InputError)) {
			writeError(w, http.StatusBadRequest, "no collection made: "+err.Error())
			return
		}
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, Created{Code: c.Code, Secret: secret, URL: Link("", c.Code)})
}

// Link returns the link students open: base (a server's URL, "" for a
// link relative to this server) with ?collect=CODE.
func Link(base, code string) string {
	return strings.TrimRight(base, "/") + "/?collect=" + code
}
