package collect

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
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
// stored once). The insert is one committed statement: once Add returns,
// the submission is durable. A resubmission by the same submitter is
// stored as its next version.
func (s *Store) Add(ctx context.Context, code string, sub Submission) (Receipt, bool, error) {
	hash := contentHash(sub.Body)
	if sub.Submitter == "" {
		sub.Submitter = "anonymous-" + newID()
	}
	var lastErr error
	for attempt := 0; attempt < 8; attempt++ {
		if sub.IdempotencyKey != "" {
			r, found, err := s.byIdempotencyKey(ctx, code, sub.IdempotencyKey, hash)
			if err != nil || found {
				return r, false, err
			}
		}
		r := Receipt{ID: newID(), Hash: hash, Received: time.Now().UTC().Format("2006-01-02T15:04:05.000Z")}
		var key any
		if sub.IdempotencyKey != "" {
			key = sub.IdempotencyKey
		}
		// The version is computed in the insert itself; two concurrent
		// inserts of one submitter collide on UNIQUE (code, submitter,
		// version) and the loser tries again.
		err := s.db.QueryRowContext(ctx, s.q(`INSERT INTO submissions
			(id, code, submitter, version, annotator, idempotency_key, body_hash, body, received)
			SELECT ?, ?, ?, COALESCE(MAX(version), 0) + 1, ?, ?, ?, ?, ?
			FROM submissions WHERE code = ? AND submitter = ?
			RETURNING version`),
			r.ID, code, sub.Submitter, sub.Annotator, key, hash, sub.Body, r.Received, code, sub.Submitter).Scan(&r.Version)
		if err == nil {
			return r, true, nil
		}
		lastErr = err
		if ctx.Err() != nil {
			return Receipt{}, false, ctx.Err()
		}
		if _, e := s.Collection(ctx, code); errors.Is(e, ErrNotFound) {
			return Receipt{}, false, ErrNotFound // deleted meanwhile
		}
		time.Sleep(time.Duration(attempt+1) * 5 * time.Millisecond)
	}
	return Receipt{}, false, fmt.Errorf("storing the submission: %w", lastErr)
}

// byIdempotencyKey returns the receipt of an earlier submission with key:
// found and no error when its body hash is hash, ErrIdempotencyConflict
// when it is another.
func (s *Store) byIdempotencyKey(ctx context.Context, code, key, hash string) (Receipt, bool, error) {
	var r Receipt
	var stored string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT id, body_hash, received, version FROM submissions
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
// first, with their bodies when withBodies is set.
func (s *Store) Submissions(ctx context.Context, code string, withBodies bool) ([]StoredSubmission, error) {
	cols := `id, body_hash, received, version, submitter, annotator`
	if withBodies {
		cols += `, body`
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+cols+` FROM submissions WHERE code = ? ORDER BY received, id`), code)
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
