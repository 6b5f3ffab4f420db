//go:build !wasm

package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// requestJSON is answered by testRequest in native tests; without one nothing is sent.
func requestJSON(method, url string, body []byte, headers map[string]string, done func(status int, resp []byte, err error)) {
	if testRequest != nil {
		testRequest(method, url, body, headers, done)
	}
}

// testRequest stands in for the network in native tests.
var testRequest func(method, url string, body []byte, headers map[string]string, done func(status int, resp []byte, err error))

func listenOnline(f func()) app.Func { return nil }

// testServed stands in for the page's collect marker in native tests.
var testServed bool

func collectServed() bool { return testServed }
