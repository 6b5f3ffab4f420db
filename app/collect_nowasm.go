//go:build !wasm

package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// postJSON is answered by testPost in native tests; without one nothing is sent.
func postJSON(url string, body []byte, headers map[string]string, done func(status int, resp []byte, err error)) {
	if testPost != nil {
		testPost(url, body, headers, done)
	}
}

// testPost stands in for the network in native tests.
var testPost func(url string, body []byte, headers map[string]string, done func(status int, resp []byte, err error))

func listenOnline(f func()) app.Func { return nil }
