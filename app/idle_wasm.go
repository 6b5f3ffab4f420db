package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// whenIdle calls f (not on the UI goroutine) when the browser is idle
// (requestIdleCallback, at most two seconds later; a plain timeout where it
// is missing, as in Safari).
func whenIdle(f func()) {
	w := app.Window()
	var cb app.Func
	cb = app.FuncOf(func(app.Value, []app.Value) any {
		cb.Release()
		f()
		return nil
	})
	if w.Get("requestIdleCallback").Truthy() {
		w.Call("requestIdleCallback", cb, map[string]any{"timeout": 2000})
		return
	}
	w.Call("setTimeout", cb, 200)
}
