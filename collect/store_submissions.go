package collect

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Receipt is what a student gets back for a stored submission.
type Receipt struct {
	ID       string `json:"id"`
	Hash     string `json:"hash"`     // "sha256:" and the hex digest of the stored bytes
	Received string `json:"received"` // RFC 3339 with milliseconds, UTC
	Version  int    `json:"version"`  // 1 for a submitter's first, 2 for a resubmission, …
	// CompletionCode is the collection's completion code, if it has one.
	CompletionCode string `json:"completionCode,omitempty"`
}

// StoredSubmission is a submission as the owner sees it.
type StoredSubmission struct {
	Receipt
	Submitter string `json:"submitter"` // the browser-generated id ("" never)
	Annotator string `json:"annotator"` // the name or participant id in the submission
	Body      []byte `json:"-"`
}

// ErrIdempotencyConflict is a repeated Idempotency-Key with another body.
var ErrIdempotencyConflict = errors.New("this Idempotency-Key was used for a different submission")

// Submission is a checked submission ready to store.
type Submission struct {
	Submitter      string // "" → a new one (each such submission is its own submitter)
	IdempotencyKey string // "" → none
	Annotator      string
	Body           []byte
}

// Add stores sub in the collection with code and returns its receipt and
// whether it is new (false: a repeat of the same Idempotency-Key and body,
// stored once). Add returns once the submission is committed: durable. A
// resubmission by the same submitter is stored as its next version.
//
// On SQLite the submissions waiting at one moment are committed together,
// in one transaction (a group commit: one fsync for all of them; see
// writer); on PostgreSQL each is its own committed statement.
func (s *Store) Add(ctx context.Context, code string, sub Submission) (Receipt, bool, error) {
	if sub.Submitter == "" {
		sub.Submitter = "anonymous-" + newID()
	}
	if s.writes != nil {
		req := &writeReq{code: code, sub: sub, done: make(chan writeResult, 1)}
		s.closeMu.RLock()
		if s.closed {
			s.closeMu.RUnlock()
			return Receipt{}, false, ErrClosed
		}
		select {
		case s.writes <- req:
		case <-ctx.Done():
			s.closeMu.RUnlock()
			return Receipt{}, false, ctx.Err()
		}
		s.closeMu.RUnlock()
		res := <-req.done // the batch commits whether or not the client waits
		return res.r, res.created, res.err
	}
	var lastErr error
	for attempt := 0; attempt < 8; attempt++ {
		r, created, err := s.insert(ctx, s.db, code, sub)
		if err == nil || errors.Is(err, ErrIdempotencyConflict) {
			return r, created, err
		}
		lastErr = err
		if ctx.Err() != nil {
			return Receipt{}, false, ctx.Err()
		}
		if _, e := s.Collection(ctx, code); errors.Is(e, ErrNotFound) {
			return Receipt{}, false, ErrNotFound // deleted meanwhile
		}
		// Two concurrent inserts of one submitter collide on UNIQUE
		// (code, submitter, version), or two of one key on UNIQUE (code,
		// idempotency_key): the loser tries again and finds its answer.
		time.Sleep(time.Duration(attempt+1) * 5 * time.Millisecond)
	}
	return Receipt{}, false, fmt.Errorf("storing the submission: %w", lastErr)
}

// querier is a *sql.DB or a *sql.Tx.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// insert looks sub's Idempotency-Key up and, when it is new, inserts sub
// with the submitter's next version, computed in the insert itself.
func (s *Store) insert(ctx context.Context, q querier, code string, sub Submission) (Receipt, bool, error) {
	hash := contentHash(sub.Body)
	if sub.IdempotencyKey != "" {
		r, found, err := s.byIdempotencyKey(ctx, q, code, sub.IdempotencyKey, hash)
		if err != nil || found {
			return r, false, err
		}
	}
	r := Receipt{ID: newID(), Hash: hash, Received: time.Now().UTC().Format("2006-01-02T15:04:05.000Z")}
	var key any
	if sub.IdempotencyKey != "" {
		key = sub.IdempotencyKey
	}
	err := q.QueryRowContext(ctx, s.q(`INSERT INTO submissions
		(id, code, submitter, version, annotator, idempotency_key, body_hash, body, received)
		SELECT ?, ?, ?, COALESCE(MAX(version), 0) + 1, ?, ?, ?, ?, ?
		FROM submissions WHERE code = ? AND submitter = ?
		RETURNING version`),
		r.ID, code, sub.Submitter, sub.Annotator, key, hash, sub.Body, r.Received, code, sub.Submitter).Scan(&r.Version)
	if err != nil {
		return Receipt{}, false, err
	}
	return r, true, nil
}

// writeReq is one submission waiting for the SQLite writer.
type writeReq struct {
	code string
	sub  Submission
	done chan writeResult
}

type writeResult struct {
	r       Receipt
	created bool
	err     error
}

// maxBatch is the most submissions committed in one SQLite transaction.
const maxBatch = 128

// writer is SQLite's one writer: it takes the submissions waiting, inserts
// them in one transaction and commits (one fsync in WAL mode with
// synchronous=FULL), then answers each. A submission whose insert fails
// (its collection deleted) gets its error; the others still commit. If the
// commit fails, every one of the batch gets the error: none is
// acknowledged.
func (s *Store) writer() {
	defer close(s.writerDone)
	for req := range s.writes {
		batch := []*writeReq{req}
	fill:
		for len(batch) < maxBatch {
			select {
			case r, ok := <-s.writes:
				if !ok {
					break fill
				}
				batch = append(batch, r)
			default:
				break fill
			}
		}
		s.commitBatch(batch)
	}
}

func (s *Store) commitBatch(batch []*writeReq) {
	ctx := context.Background()
	results := make([]writeResult, len(batch))
	tx, err := s.db.BeginTx(ctx, nil)
	if err == nil {
		for i, req := range batch {
			r, created, err := s.insert(ctx, tx, req.code, req.sub)
			if err != nil && !errors.Is(err, ErrIdempotencyConflict) {
				if _, e := collectionIn(ctx, s, tx, req.code); errors.Is(e, ErrNotFound) {
					err = ErrNotFound
				} else {
					err = fmt.Errorf("storing the submission: %w", err)
				}
			}
			results[i] = writeResult{r, created, err}
		}
		err = tx.Commit()
	}
	for i, req := range batch {
		if err != nil {
			results[i] = writeResult{err: fmt.Errorf("storing the submission: %w", err)}
		}
		req.done <- results[i]
	}
}

// collectionIn checks that code exists, inside q.
func collectionIn(ctx context.Context, s *Store, q querier, code string) (bool, error) {
	var one int
	err := q.QueryRowContext(ctx, s.q(`SELECT 1 FROM collections WHERE code = ?`), code).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, ErrNotFound
	}
	return err == nil, err
}

// byIdempotencyKey returns the receipt of an earlier submission with key:
// found and no error when its body hash is hash, ErrIdempotencyConflict
// when it is another.
func (s *Store) byIdempotencyKey(ctx context.Context, q querier, code, key, hash string) (Receipt, bool, error) {
	var r Receipt
	var stored string
	err := q.QueryRowContext(ctx, s.q(`SELECT id, body_hash, received, version FROM submissions
		WHERE code = ? AND idempotency_key = ?`), code, key).Scan(&r.ID, &stored, &r.Received, &r.Version)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return Receipt{}, false, nil
	case err != nil:
		return Receipt{}, false, err
	case stored != hash:
		return Receipt{}, true, ErrIdempotencyConflict
	}
	r.Hash = stored
	return r, true, nil
}

// Submissions returns the submissions of the collection with code, oldest
// first, with their bodies when withBodies is set; only those whose ids
// are given when ids is not empty (a live view fetching what is new).
func (s *Store) Submissions(ctx context.Context, code string, withBodies bool, ids ...string) ([]StoredSubmission, error) {
	cols := `id, body_hash, received, version, submitter, annotator`
	if withBodies {
		cols += `, body`
	}
	query, args := `SELECT `+cols+` FROM submissions WHERE code = ?`, []any{code}
	if len(ids) > 0 {
		query += ` AND id IN (?` + strings.Repeat(`, ?`, len(ids)-1) + `)`
		for _, id := range ids {
			args = append(args, id)
		}
	}
	rows, err := s.db.QueryContext(ctx, s.q(query+` ORDER BY received, id`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []StoredSubmission{}
	for rows.Next() {
		var x StoredSubmission
		dst := []any{&x.ID, &x.Hash, &x.Received, &x.Version, &x.Submitter, &x.Annotator}
		if withBodies {
			dst = append(dst, &x.Body)
		}
		if err := rows.Scan(dst...); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}
