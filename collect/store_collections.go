package collect

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// ErrNotFound is an unknown (or deleted) collection code.
var ErrNotFound = errors.New("no collection has this code")

// ErrForbidden is a wrong owner secret.
var ErrForbidden = errors.New("the secret does not match this collection")

// InputError is a refused file or option: the caller's to fix.
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// Collection is an assignment or a project opened for submissions.
type Collection struct {
	Code             string // the short code students use
	Kind             string // KindAssignment or KindProject
	ItemID           string // the assignment's or the project's id
	Title            string
	Body             []byte // the file as given (with its key or references)
	PublicBody       []byte // what GET /api/collections/{code} serves
	CompletionCode   string // shown after a valid submission ("" for none)
	ParticipantParam string // the URL parameter carrying the participant id ("" for none)
	Created          string // RFC 3339, UTC

	secretHash string
	item       *opened
}

// CollectionOptions are the owner's choices for a new collection.
type CollectionOptions struct {
	CompletionCode   string // e.g. a Prolific completion code
	ParticipantParam string // e.g. "PROLIFIC_PID"
}

// Create opens body (an assignment or a project file, checked as a file
// import is) for submissions and returns the collection and its owner
// secret, which is shown this once: only its hash is stored.
func (s *Store) Create(ctx context.Context, body []byte, opts CollectionOptions) (*Collection, string, error) {
	it, err := openItem(body)
	if err != nil {
		return nil, "", &InputError{err}
	}
	if err := checkText("completion code", opts.CompletionCode, 100); err != nil {
		return nil, "", &InputError{err}
	}
	if opts.ParticipantParam != "" {
		if err := checkToken("participant parameter", opts.ParticipantParam, 64); err != nil {
			return nil, "", &InputError{err}
		}
	}
	secret := newSecret()
	c := &Collection{
		Kind: it.kind, ItemID: it.id, Title: it.title, Body: it.body, PublicBody: it.publicBody,
		CompletionCode: opts.CompletionCode, ParticipantParam: opts.ParticipantParam,
		Created: time.Now().UTC().Format(time.RFC3339), secretHash: hashSecret(secret), item: it,
	}
	for range 5 { // a code already taken (unlikely) draws another
		c.Code = newCode()
		_, err = s.db.ExecContext(ctx, s.q(`INSERT INTO collections
			(code, kind, item_id, title, body, public_body, secret_hash, completion_code, participant_param, created)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
			c.Code, c.Kind, c.ItemID, c.Title, c.Body, c.PublicBody, c.secretHash, c.CompletionCode, c.ParticipantParam, c.Created)
		if err == nil {
			return c, secret, nil
		}
		if _, e := s.Collection(ctx, c.Code); e != nil {
			break // not a taken code: a real error
		}
	}
	return nil, "", fmt.Errorf("storing the collection: %w", err)
}

// Collection returns the collection with code, or ErrNotFound.
func (s *Store) Collection(ctx context.Context, code string) (*Collection, error) {
	c := &Collection{Code: code}
	err := s.db.QueryRowContext(ctx, s.q(`SELECT kind, item_id, title, body, public_body, secret_hash, completion_code, participant_param, created
		FROM collections WHERE code = ?`), code).
		Scan(&c.Kind, &c.ItemID, &c.Title, &c.Body, &c.PublicBody, &c.secretHash, &c.CompletionCode, &c.ParticipantParam, &c.Created)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}

// Authorize returns the collection with code if secret is its owner
// secret: ErrNotFound for an unknown code, ErrForbidden for a wrong secret.
func (s *Store) Authorize(ctx context.Context, code, secret string) (*Collection, error) {
	c, err := s.Collection(ctx, code)
	if err != nil {
		return nil, err
	}
	if !secretMatches(secret, c.secretHash) {
		return nil, ErrForbidden
	}
	return c, nil
}

// Delete removes the collection with code and every submission in it, in
// one transaction, if secret is its owner secret.
func (s *Store) Delete(ctx context.Context, code, secret string) error {
	if _, err := s.Authorize(ctx, code, secret); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM submissions WHERE code = ?`), code); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM collections WHERE code = ?`), code); err != nil {
		return err
	}
	return tx.Commit()
}

// opened returns c's assignment or project, read once.
func (c *Collection) opened() (*opened, error) {
	if c.item == nil {
		it, err := openItem(c.Body)
		if err != nil {
			return nil, fmt.Errorf("collection %s: its stored file no longer reads: %w", c.Code, err)
		}
		c.item = it
	}
	return c.item, nil
}
