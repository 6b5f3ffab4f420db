//go:build wasm

package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// requestJSON sends method url (same origin) with headers and body (nil
// for none) and calls done with the status and the answer's bytes, or err
// when the request could not be made (offline, server down).
func requestJSON(method, url string, body []byte, headers map[string]string, done func(status int, resp []byte, err error)) {
	init := app.Window().Get("Object").New()
	init.Set("method", method)
	init.Set("cache", "no-store")
	h := app.Window().Get("Object").New()
	for k, v := range headers {
		h.Set(k, v)
	}
	init.Set("headers", h)
	if body != nil {
		buf := app.Window().Get("Uint8Array").New(len(body))
		app.CopyBytesToJS(buf, body)
		init.Set("body", buf)
	}
	await(app.Window().Call("fetch", url, init), func(resp app.Value) {
		status := resp.Get("status").Int()
		await(resp.Call("arrayBuffer"), func(b app.Value) {
			done(status, bytesOf(b), nil)
		}, func(err app.Value) {
			done(status, nil, nil)
		})
	}, func(err app.Value) {
		done(0, nil, errString(err.Call("toString").String()))
	})
}

type errString string

func (e errString) Error() string { return string(e) }

// listenOnline calls f when the browser is back online.
func listenOnline(f func()) app.Func {
	fn := app.FuncOf(func(this app.Value, args []app.Value) any {
		f()
		return nil
	})
	app.Window().Call("addEventListener", "online", fn)
	return fn
}

// collectServed reports whether the page was served by "stancemark serve
// -collect", which marks it with <meta name="stancemark-collect">.
func collectServed() bool {
	return app.Window().Get("document").Call("querySelector", `meta[name="stancemark-collect"]`).Truthy()
}
