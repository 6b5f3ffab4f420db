package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// activityEvents are the inputs that count as working (annotations.ActivityClock).
var activityEvents = []string{"keydown", "pointerdown", "touchstart", "wheel", "input"}

// listenActivity calls input on every input in the page (capture phase,
// passive: it never delays the input's own handling) and stopped when the
// tab is hidden. The returned function removes the listeners.
func listenActivity(input, stopped func()) func() {
	w := app.Window()
	opts := map[string]any{"capture": true, "passive": true}
	in := app.FuncOf(func(app.Value, []app.Value) any {
		if w.Get("document").Get("visibilityState").String() == "visible" {
			input()
		}
		return nil
	})
	vis := app.FuncOf(func(app.Value, []app.Value) any {
		if w.Get("document").Get("visibilityState").String() == "hidden" {
			stopped()
		}
		return nil
	})
	for _, ev := range activityEvents {
		w.Call("addEventListener", ev, in, opts)
	}
	w.Get("document").Call("addEventListener", "visibilitychange", vis)
	return func() {
		for _, ev := range activityEvents {
			w.Call("removeEventListener", ev, in, opts)
		}
		w.Get("document").Call("removeEventListener", "visibilitychange", vis)
		in.Release()
		vis.Release()
	}
}
