//go:build !wasm

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"strings"

	"stancemark/collect"
)

// collectServe holds serve's collection flags.
type collectServe struct {
	dsn, cors            *string
	trustProxy           *bool
	limitAddr, limitCode *int
}

func collectServeFlags(fs *flag.FlagSet) collectServe {
	return collectServe{
		dsn:        fs.String("collect", "", "take submissions, stored in the database `DSN` (sqlite:PATH or postgres://USER@HOST/DB)"),
		trustProxy: fs.Bool("trust-proxy", false, "take client addresses (for rate limits) from X-Forwarded-For: only behind a proxy that sets it"),
		limitAddr:  fs.Int("limit-addr", collect.DefaultLimitAddr, "API requests a minute per client address, `N` at once (0: no limit)"),
		limitCode:  fs.Int("limit-code", collect.DefaultLimitCode, "submissions a minute per collection, `N` at once (0: no limit)"),
		cors:       fs.String("cors", "", "comma-separated `ORIGINS` allowed to call the API from other sites (default none)"),
	}
}

// open opens the database and returns the API, or nil without -collect.
func (c collectServe) open(ctx context.Context, stderr io.Writer) (http.Handler, func(), error) {
	if *c.dsn == "" {
		return nil, func() {}, nil
	}
	store, err := collect.Open(ctx, *c.dsn)
	if err != nil {
		return nil, nil, err
	}
	var origins []string
	for _, o := range strings.Split(*c.cors, ",") {
		if o = strings.TrimSpace(o); o != "" {
			origins = append(origins, o)
		}
	}
	fmt.Fprintf(stderr, "Taking submissions (schema version %d)\n", collect.SchemaVersion())
	srv := collect.NewServer(store, collect.Options{
		LimitAddr: *c.limitAddr, LimitCode: *c.limitCode, TrustProxy: *c.trustProxy,
		CORSOrigins: origins, Log: log.New(stderr, "", log.LstdFlags),
	})
	return srv, func() { store.Close() }, nil
}
