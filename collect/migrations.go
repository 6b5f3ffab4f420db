package collect

import (
	"context"
	"fmt"
	"time"
)

// migration is one versioned change of the schema, in each dialect.
type migration struct {
	version  int
	sqlite   []string
	postgres []string
}

// migrations are applied in order, each in its own transaction, and
// recorded in schema_migrations; a database newer than this binary is
// refused. Never edit one that has shipped: add the next.
var migrations = []migration{
	{
		version: 1,
		sqlite: []string{
			`CREATE TABLE collections (
				code TEXT PRIMARY KEY,
				kind TEXT NOT NULL,
				item_id TEXT NOT NULL,
				title TEXT NOT NULL,
				body BLOB NOT NULL,
				public_body BLOB NOT NULL,
				secret_hash TEXT NOT NULL,
				completion_code TEXT NOT NULL,
				participant_param TEXT NOT NULL,
				created TEXT NOT NULL)`,
			`CREATE TABLE submissions (
				id TEXT PRIMARY KEY,
				code TEXT NOT NULL REFERENCES collections(code) ON DELETE CASCADE,
				submitter TEXT NOT NULL,
				version INTEGER NOT NULL,
				annotator TEXT NOT NULL,
				idempotency_key TEXT,
				body_hash TEXT NOT NULL,
				body BLOB NOT NULL,
				received TEXT NOT NULL,
				UNIQUE (code, idempotency_key),
				UNIQUE (code, submitter, version))`,
			`CREATE INDEX submissions_by_code ON submissions (code, received)`,
		},
		postgres: []string{
			`CREATE TABLE collections (
				code TEXT PRIMARY KEY,
				kind TEXT NOT NULL,
				item_id TEXT NOT NULL,
				title TEXT NOT NULL,
				body BYTEA NOT NULL,
				public_body BYTEA NOT NULL,
				secret_hash TEXT NOT NULL,
				completion_code TEXT NOT NULL,
				participant_param TEXT NOT NULL,
				created TEXT NOT NULL)`,
			`CREATE TABLE submissions (
				id TEXT PRIMARY KEY,
				code TEXT NOT NULL REFERENCES collections(code) ON DELETE CASCADE,
				submitter TEXT NOT NULL,
				version INTEGER NOT NULL,
				annotator TEXT NOT NULL,
				idempotency_key TEXT,
				body_hash TEXT NOT NULL,
				body BYTEA NOT NULL,
				received TEXT NOT NULL,
				UNIQUE (code, idempotency_key),
				UNIQUE (code, submitter, version))`,
			`CREATE INDEX submissions_by_code ON submissions (code, received)`,
		},
	},
}

// SchemaVersion is the schema version this binary migrates to.
func SchemaVersion() int { return migrations[len(migrations)-1].version }

// migrate applies the migrations the database lacks. On PostgreSQL an
// advisory lock makes several serve processes starting at once take turns.
func (s *Store) migrate(ctx context.Context) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if s.dialect == dialectPostgres {
		const lockID = 0x5734_6e63 // "stancemark collect"
		if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, lockID); err != nil {
			return err
		}
		defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, lockID)
	}
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)`); err != nil {
		return err
	}
	var have int
	if err := conn.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return err
	}
	if have > SchemaVersion() {
		return fmt.Errorf("the database has schema version %d, newer than this stancemark's %d: use a newer stancemark", have, SchemaVersion())
	}
	for _, m := range migrations {
		if m.version <= have {
			continue
		}
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		stmts := m.sqlite
		if s.dialect == dialectPostgres {
			stmts = m.postgres
		}
		for _, stmt := range stmts {
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				tx.Rollback()
				return fmt.Errorf("migration %d: %w", m.version, err)
			}
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_migrations (version, applied) VALUES (?, ?)`), m.version, time.Now().UTC().Format(time.RFC3339)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", m.version, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %d: %w", m.version, err)
		}
	}
	return nil
}
