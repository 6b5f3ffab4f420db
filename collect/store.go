package collect

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver: PostgreSQL
	_ "modernc.org/sqlite"             // the "sqlite" database/sql driver: pure Go, so the binary stays one file
)

// Store is a collection database: SQLite or PostgreSQL, migrated.
type Store struct {
	db      *sql.DB
	dialect dialect

	writes     chan *writeReq // SQLite: the submissions waiting for the writer; nil on PostgreSQL
	writerDone chan struct{}
	closeMu    sync.RWMutex // Add holds it for reading while it hands a submission to the writer
	closed     bool
}

// dialect is the one difference the SQL of this package cares about.
type dialect int

const (
	dialectSQLite dialect = iota
	dialectPostgres
)

// sqlitePragmas make every connection durable and patient: WAL with a full
// sync on every commit (an acknowledged submission survives a crash or a
// power cut), a busy timeout instead of "database is locked", and foreign
// keys (deleting a collection deletes its submissions), and secure_delete
// (deleted rows are overwritten with zeros in the file, not left in free
// pages). They are given in the DSN, so every connection of the pool has
// them.
var sqlitePragmas = []string{
	"journal_mode(WAL)",
	"synchronous(FULL)",
	"busy_timeout(10000)",
	"foreign_keys(1)",
	"secure_delete(1)",
}

// Open opens the database dsn and runs the migrations it lacks. dsn is
// "sqlite:PATH" (the file is created when missing) or a PostgreSQL URL
// ("postgres://user@host/db?sslmode=disable" or "postgresql://…"; pgx's
// keyword form "host=… dbname=…" too, after "postgres:").
func Open(ctx context.Context, dsn string) (*Store, error) {
	driver, source, d, err := parseDSN(dsn)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open(driver, source)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", redactDSN(dsn), err)
	}
	if d == dialectSQLite {
		// SQLite has one writer at a time; one connection makes the
		// writers queue in Go instead of spinning on the busy timeout.
		db.SetMaxOpenConns(1)
	} else {
		db.SetMaxOpenConns(20)
		db.SetMaxIdleConns(20)
		db.SetConnMaxIdleTime(5 * time.Minute)
	}
	s := &Store{db: db, dialect: d}
	if err := s.ping(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("opening %s: %w", redactDSN(dsn), err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrating %s: %w", redactDSN(dsn), err)
	}
	if d == dialectSQLite {
		s.writes, s.writerDone = make(chan *writeReq, maxBatch), make(chan struct{})
		go s.writer()
	}
	return s, nil
}

// ping checks the connection, retrying a little while PostgreSQL starts.
func (s *Store) ping(ctx context.Context) error {
	var err error
	for i := 0; i < 10; i++ {
		if err = s.db.PingContext(ctx); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
	return err
}

// ErrClosed is an Add after Close.
var ErrClosed = errors.New("the collection database is closed")

// Close stops the writer, after it has committed (and answered) every
// submission already handed to it, and closes the database. An Add after
// Close returns ErrClosed.
func (s *Store) Close() error {
	if s.writes != nil {
		s.closeMu.Lock()
		if !s.closed {
			s.closed = true
			close(s.writes)
		}
		s.closeMu.Unlock()
		<-s.writerDone
	}
	return s.db.Close()
}

// parseDSN returns the database/sql driver and data source of dsn.
func parseDSN(dsn string) (driver, source string, d dialect, err error) {
	switch {
	case strings.HasPrefix(dsn, "sqlite:"):
		path := strings.TrimPrefix(dsn, "sqlite:")
		path = strings.TrimPrefix(path, "//")
		if path == "" {
			return "", "", 0, errors.New(`the DSN "sqlite:" names no file: give sqlite:PATH`)
		}
		if strings.ContainsAny(path, "?#") {
			return "", "", 0, fmt.Errorf("the SQLite path %q contains ? or #: rename the file", path)
		}
		q := make([]string, len(sqlitePragmas))
		for i, p := range sqlitePragmas {
			q[i] = "_pragma=" + p
		}
		return "sqlite", "file:" + path + "?" + strings.Join(q, "&"), dialectSQLite, nil
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return "pgx", dsn, dialectPostgres, nil
	case strings.HasPrefix(dsn, "postgres:"):
		return "pgx", strings.TrimPrefix(dsn, "postgres:"), dialectPostgres, nil
	}
	return "", "", 0, fmt.Errorf("unknown database %q: give sqlite:PATH or postgres://USER@HOST/DB", redactDSN(dsn))
}

// redactDSN hides a password in a PostgreSQL URL for messages.
func redactDSN(dsn string) string {
	at := strings.LastIndex(dsn, "@")
	scheme := strings.Index(dsn, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return dsn
	}
	userinfo := dsn[scheme+3 : at]
	if i := strings.Index(userinfo, ":"); i >= 0 {
		return dsn[:scheme+3] + userinfo[:i] + ":***" + dsn[at:]
	}
	return dsn
}

// q rewrites a query's ? placeholders as $1, $2, … for PostgreSQL. The
// queries of this package have no ? inside a literal.
func (s *Store) q(query string) string {
	if s.dialect != dialectPostgres {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
