//go:build !wasm

package main

import (
	"net/http"
	"strings"
)

// cspDirectives is the Content-Security-Policy of every page: scripts only
// from the site itself (plus compiling the wasm), no plugins, no <base>, no
// framing. connect-src allows http(s) so "?src=URL" can fetch an article
// from a server that permits it (CORS); style-src allows the inline style
// attributes that carry label colours.
var cspDirectives = []string{
	"default-src 'self'",
	"script-src 'self' 'wasm-unsafe-eval'",
	"style-src 'self' 'unsafe-inline'",
	"img-src 'self' data: blob:",
	"font-src 'self'",
	"connect-src 'self' http: https:",
	"worker-src 'self'",
	"manifest-src 'self'",
	"object-src 'none'",
	"base-uri 'none'",
	"form-action 'none'",
	"frame-ancestors 'none'",
}

// contentSecurityPolicy is the policy sent as an HTTP header.
func contentSecurityPolicy() string { return strings.Join(cspDirectives, "; ") }

// metaContentSecurityPolicy is the policy written into the page itself, for
// static hosts that cannot send headers; frame-ancestors is left out since
// browsers ignore it (with a warning) in a <meta>.
func metaContentSecurityPolicy() string {
	var d []string
	for _, v := range cspDirectives {
		if !strings.HasPrefix(v, "frame-ancestors") {
			d = append(d, v)
		}
	}
	return strings.Join(d, "; ")
}

// withSecurityHeaders adds the policy and related headers to every response.
func withSecurityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", contentSecurityPolicy())
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "no-referrer")
		h.ServeHTTP(w, r)
	})
}
