// Package collect is Stancemark's optional collection server: an
// assignment or a project opened for submissions (a collection, with a
// short code to share and an owner secret), the submissions stored in
// SQLite (embedded, modernc.org/sqlite) or PostgreSQL (github.com/jackc/pgx),
// and the HTTP API that "stancemark serve -collect DSN" mounts under /api/.
//
// It is native only: nothing here is linked into app.wasm (the command's
// files that import it carry //go:build !wasm).
//
// Files:
//   - store.go: Open (the DSN, the drivers, the pragmas) and the versioned
//     migrations run at start (migrations.go).
//   - store_collections.go, store_submissions.go: the SQL, parameterised only.
//   - secret.go: codes, owner secrets (only their SHA-256 is stored), ids.
//   - validate.go: what a collection accepts, checked by the annotations
//     package exactly as a file import is.
//   - server.go, server_limit.go: the HTTP contract and its rate limits.
package collect
