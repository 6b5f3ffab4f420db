package app

import (
	"fmt"
	"slices"
	"strings"
	"syscall/js"
)

// idbFiles is the fileStore in the browser: one IndexedDB database
// ("stancemark", version 1) with one object store ("files") whose values
// are the files' bytes (Uint8Array) under the same keys localStorage would
// use. IndexedDB is bound by the site's share of the disk, not by
// localStorage's ~5 MB.
type idbFiles struct {
	db      js.Value // the open database, once open succeeded
	err     error    // why it could not be opened
	open    bool     // the open request has answered
	waiting []func() // calls made before it answered
}

const (
	idbName    = "stancemark"
	idbVersion = 1
	idbStore   = "files"
)

func newBrowserFiles() fileStore {
	f := &idbFiles{}
	f.start()
	return f
}

// start opens the database; calls made meanwhile wait for it.
func (f *idbFiles) start() {
	factory, err := call(func() js.Value { return js.Global().Get("indexedDB") })
	if err != nil || !factory.Truthy() {
		f.opened(js.Undefined(), errNoFileStore)
		return
	}
	req, err := call(func() js.Value { return factory.Call("open", idbName, idbVersion) })
	if err != nil {
		f.opened(js.Undefined(), fmt.Errorf("%w: %v", errNoFileStore, err))
		return
	}
	onRequest(req, map[string]func(js.Value){
		"upgradeneeded": func(js.Value) {
			db := req.Get("result")
			if !db.Get("objectStoreNames").Call("contains", idbStore).Bool() {
				db.Call("createObjectStore", idbStore)
			}
		},
		"success": func(js.Value) { f.opened(req.Get("result"), nil) },
		"error": func(js.Value) {
			f.opened(js.Undefined(), fmt.Errorf("%w: %v", errNoFileStore, domError(req.Get("error"))))
		},
		"blocked": func(js.Value) {
			f.opened(js.Undefined(), fmt.Errorf("%w: another tab holds an older version of its database open", errNoFileStore))
		},
	}, "success", "error", "blocked")
}

// opened records the outcome of the open request and runs the calls that
// waited for it.
func (f *idbFiles) opened(db js.Value, err error) {
	if f.open {
		return
	}
	f.db, f.err, f.open = db, err, true
	w := f.waiting
	f.waiting = nil
	for _, run := range w {
		run()
	}
}

// whenOpen runs run once the database is open (or could not be).
func (f *idbFiles) whenOpen(run func()) {
	if f.open {
		run()
		return
	}
	f.waiting = append(f.waiting, run)
}

// transaction starts a transaction on the files store, or says why not.
func (f *idbFiles) transaction(mode string) (tx, st js.Value, err error) {
	if f.err != nil {
		return js.Undefined(), js.Undefined(), f.err
	}
	tx, err = call(func() js.Value { return f.db.Call("transaction", idbStore, mode) })
	if err != nil {
		return js.Undefined(), js.Undefined(), err
	}
	return tx, tx.Call("objectStore", idbStore), nil
}

func (f *idbFiles) put(key string, data []byte, done func(error)) {
	f.whenOpen(func() {
		tx, st, err := f.transaction("readwrite")
		if err != nil {
			done(err)
			return
		}
		buf := js.Global().Get("Uint8Array").New(len(data))
		js.CopyBytesToJS(buf, data)
		if _, err := call(func() js.Value { return st.Call("put", buf, key) }); err != nil {
			done(storageError(err.Error()))
			return
		}
		// A write is kept once its transaction completes; a full disk
		// aborts it with a QuotaExceededError.
		onRequest(tx, map[string]func(js.Value){
			"complete": func(js.Value) { done(nil) },
			"abort":    func(js.Value) { done(storageError(domError(tx.Get("error")))) },
		}, "complete", "abort")
	})
}

func (f *idbFiles) get(key string, done func([]byte, bool, error)) {
	f.whenOpen(func() {
		_, st, err := f.transaction("readonly")
		if err != nil {
			done(nil, false, err)
			return
		}
		req, err := call(func() js.Value { return st.Call("get", key) })
		if err != nil {
			done(nil, false, err)
			return
		}
		onRequest(req, map[string]func(js.Value){
			"success": func(js.Value) {
				v := req.Get("result")
				switch {
				case v.IsUndefined():
					done(nil, false, nil)
				case v.InstanceOf(js.Global().Get("Uint8Array")):
					data := make([]byte, v.Get("length").Int())
					js.CopyBytesToGo(data, v)
					done(data, true, nil)
				default:
					done(nil, false, fmt.Errorf("the stored file %s is not bytes (%s)", key, v.Type()))
				}
			},
			"error": func(js.Value) { done(nil, false, fmt.Errorf("%s", domError(req.Get("error")))) },
		}, "success", "error")
	})
}

func (f *idbFiles) remove(key string, done func(error)) {
	f.whenOpen(func() {
		tx, st, err := f.transaction("readwrite")
		if err != nil {
			done(err)
			return
		}
		if _, err := call(func() js.Value { return st.Call("delete", key) }); err != nil {
			done(err)
			return
		}
		onRequest(tx, map[string]func(js.Value){
			"complete": func(js.Value) { done(nil) },
			"abort":    func(js.Value) { done(fmt.Errorf("%s", domError(tx.Get("error")))) },
		}, "complete", "abort")
	})
}

// onRequest sets the handlers of an IndexedDB request or transaction
// (onsuccess, onerror…); the first of the final events releases them all.
func onRequest(target js.Value, handlers map[string]func(js.Value), final ...string) {
	var funcs []js.Func
	answered := false
	for name, h := range handlers {
		isFinal := slices.Contains(final, name)
		fn := js.FuncOf(func(this js.Value, args []js.Value) any {
			if answered {
				return nil
			}
			ev := js.Undefined()
			if len(args) > 0 {
				ev = args[0]
			}
			if isFinal {
				answered = true
				for n := range handlers {
					target.Set("on"+n, js.Null())
				}
				defer func() {
					for _, f := range funcs {
						f.Release()
					}
				}()
			}
			h(ev)
			return nil
		})
		funcs = append(funcs, fn)
		target.Set("on"+name, fn)
	}
}

// domError is a DOMException (or null) as text: "QuotaExceededError: …".
func domError(e js.Value) string {
	if !e.Truthy() {
		return "unknown error"
	}
	return e.Get("name").String() + ": " + e.Get("message").String()
}

// storageError is errQuota for a full disk, else the browser's words.
func storageError(msg string) error {
	if strings.Contains(strings.ToLower(msg), "quota") {
		return errQuota
	}
	return fmt.Errorf("%s", msg)
}
