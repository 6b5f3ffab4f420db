package app

import (
	"fmt"
	"strings"
	"syscall/js"
)

// localStore is window.localStorage, used with plain strings so the stored
// JSON is exactly what annotations writes.
type localStore struct{ ls js.Value }

func newBrowserStore() store {
	s, err := call(func() js.Value { return js.Global().Get("localStorage") })
	if err != nil || !s.Truthy() {
		return newMemoryStore()
	}
	return localStore{s}
}

func (s localStore) get(key string) (string, bool, error) {
	v, err := call(func() js.Value { return s.ls.Call("getItem", key) })
	if err != nil {
		return "", false, err
	}
	if v.IsNull() {
		return "", false, nil
	}
	return v.String(), true, nil
}

func (s localStore) set(key, value string) error {
	_, err := call(func() js.Value { return s.ls.Call("setItem", key, value) })
	if err != nil && strings.Contains(strings.ToLower(err.Error()), "quota") {
		return errQuota
	}
	return err
}

// call runs f and turns a thrown JavaScript exception into an error.
func call(f func() js.Value) (v js.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			if je, ok := r.(js.Error); ok {
				err = fmt.Errorf("%s", je.Value.Get("name").String()+": "+je.Value.Get("message").String())
				return
			}
			err = fmt.Errorf("%v", r)
		}
	}()
	return f(), nil
}

func (s localStore) remove(key string) {
	call(func() js.Value { return s.ls.Call("removeItem", key) })
}

func (s localStore) usage() int {
	n := 0
	call(func() js.Value {
		for i, count := 0, s.ls.Get("length").Int(); i < count; i++ {
			k := s.ls.Call("key", i).String()
			if strings.HasPrefix(k, keyPrefix) {
				n += storedBytes(k, s.ls.Call("getItem", k).String())
			}
		}
		return js.Undefined()
	})
	return n
}
