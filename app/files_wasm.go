package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Files in and out of the browser: downloads, file inputs and drops read
// with a size limit, fetches of a URL, the storage estimate.

// download saves data as a file named name.
func download(name, mime string, data []byte) {
	w := app.Window()
	arr := w.Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(arr, data)
	blob := w.Get("Blob").New([]any{arr}, map[string]any{"type": mime})
	url := w.Get("URL").Call("createObjectURL", blob)
	a := w.Get("document").Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Get("style").Set("display", "none")
	w.Get("document").Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	w.Call("setTimeout", app.FuncOf(func(app.Value, []app.Value) any {
		w.Get("URL").Call("revokeObjectURL", url)
		return nil
	}), 10000)
}

// readFirstFile reads the first file chosen in a file input, refusing files
// over limit bytes, and calls done (not on the UI goroutine). It empties the
// input so the same file can be chosen again.
func readFirstFile(input app.Value, limit int64, done func(name string, data []byte, err error)) {
	files := input.Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	file := files.Index(0)
	input.Set("value", "")
	readFile(file, limit, done)
}

// readFile reads a File (from an input or a drop) up to limit bytes.
func readFile(file app.Value, limit int64, done func(name string, data []byte, err error)) {
	name := file.Get("name").String()
	if size := int64(file.Get("size").Float()); size > limit {
		done(name, nil, fmt.Errorf("%s is %s; files over %s are refused", name, formatBytes(float64(size)), formatBytes(float64(limit))))
		return
	}
	await(file.Call("arrayBuffer"), func(buf app.Value) {
		done(name, bytesOf(buf), nil)
	}, func(err app.Value) {
		done(name, nil, fmt.Errorf("reading %s failed: %s", name, err.Call("toString").String()))
	})
}

// bytesOf copies an ArrayBuffer into Go.
func bytesOf(buf app.Value) []byte {
	arr := app.Window().Get("Uint8Array").New(buf)
	data := make([]byte, arr.Length())
	app.CopyBytesToGo(data, arr)
	return data
}

// await calls ok with the promise's value or fail with its error (neither
// on the UI goroutine).
func await(p app.Value, ok, fail func(app.Value)) {
	var okf, failf app.Func
	okf = app.FuncOf(func(this app.Value, args []app.Value) any {
		okf.Release()
		failf.Release()
		ok(args[0])
		return nil
	})
	failf = app.FuncOf(func(this app.Value, args []app.Value) any {
		okf.Release()
		failf.Release()
		fail(args[0])
		return nil
	})
	p.Call("then", okf, failf)
}

// fetchURL downloads url (same origin, or a server that allows other sites
// with CORS), refusing more than limit bytes.
func fetchURL(url string, limit int64, done func(data []byte, err error)) {
	req := app.Null()
	if pre := app.Window().Get("stancemarkPrefetch"); pre.Truthy() && pre.Get("url").String() == url {
		req = pre.Get("response") // started by web/prefetch.js while the app loaded
		app.Window().Set("stancemarkPrefetch", app.Null())
	} else {
		req = app.Window().Call("fetch", url)
	}
	await(req, func(resp app.Value) {
		status := resp.Get("status").Int()
		switch {
		case status == 404 || status == 410:
			done(nil, fmt.Errorf("it was not found (HTTP %d)", status))
			return
		case !resp.Get("ok").Bool():
			done(nil, fmt.Errorf("the server answered HTTP %d %s", status, resp.Get("statusText").String()))
			return
		}
		if n := resp.Get("headers").Call("get", "content-length"); n.Truthy() {
			var size int64
			fmt.Sscan(n.String(), &size)
			if size > limit {
				done(nil, fmt.Errorf("it is %s; files over %s are refused", formatBytes(float64(size)), formatBytes(float64(limit))))
				return
			}
		}
		await(resp.Call("arrayBuffer"), func(buf app.Value) {
			data := bytesOf(buf)
			if int64(len(data)) > limit {
				done(nil, fmt.Errorf("it is %s; files over %s are refused", formatBytes(float64(len(data))), formatBytes(float64(limit))))
				return
			}
			done(data, nil)
		}, func(err app.Value) {
			done(nil, fmt.Errorf("reading it failed: %s", err.Call("toString").String()))
		})
	}, func(err app.Value) {
		done(nil, fmt.Errorf("it could not be fetched: the network may be down, or its server does not let other sites read it (CORS) (%s)", err.Call("toString").String()))
	})
}

// listenDrops reads files dropped anywhere on the page.
// dropped says how many files were dropped, before they are read.
func listenDrops(dropped func(n int), open func(name string, data []byte, err error)) (over, drop app.Func) {
	over = app.FuncOf(func(this app.Value, args []app.Value) any {
		args[0].Call("preventDefault")
		return nil
	})
	drop = app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		e.Call("preventDefault")
		files := e.Get("dataTransfer").Get("files")
		if !files.Truthy() {
			return nil
		}
		n := files.Length()
		list := make([]app.Value, n)
		for i := range list {
			list[i] = files.Index(i)
		}
		dropped(n)
		for _, f := range list {
			readFile(f, maxOpenBytes, open)
		}
		return nil
	})
	app.Window().Call("addEventListener", "dragover", over)
	app.Window().Call("addEventListener", "drop", drop)
	return over, drop
}

// estimateStorage reports the site's storage use and quota where the
// browser offers navigator.storage.estimate; done runs off the UI goroutine.
func estimateStorage(done func(usage, quota float64)) {
	storage := app.Window().Get("navigator").Get("storage")
	if !storage.Truthy() || !storage.Get("estimate").Truthy() {
		return
	}
	var ok, fail app.Func
	ok = app.FuncOf(func(this app.Value, args []app.Value) any {
		ok.Release()
		fail.Release()
		done(args[0].Get("usage").Float(), args[0].Get("quota").Float())
		return nil
	})
	fail = app.FuncOf(func(this app.Value, args []app.Value) any {
		ok.Release()
		fail.Release()
		return nil
	})
	storage.Call("estimate").Call("then", ok, fail)
}

// readAllFiles reads every file chosen in a file input, calling done for
// each (not on the UI goroutine); it returns how many files there are.
func readAllFiles(input app.Value, limit int64, done func(name string, data []byte, err error)) int {
	files := input.Get("files")
	if !files.Truthy() {
		return 0
	}
	n := files.Length()
	list := make([]app.Value, n)
	for i := range list {
		list[i] = files.Index(i)
	}
	input.Set("value", "")
	for _, f := range list {
		readFile(f, limit, done)
	}
	return n
}
