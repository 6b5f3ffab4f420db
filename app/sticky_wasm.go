package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// measureStickyBars keeps the CSS variables --toolbar-h (the sticky top
// bar's height) and --palette-h (the docked palette's, 0 where it is not
// docked) up to date, so that scroll padding keeps a focused or selected
// sentence clear of both at every width and zoom. The returned function
// stops it.
func measureStickyBars() func() {
	w := app.Window()
	doc := w.Get("document")
	root := doc.Get("documentElement").Get("style")
	measure := app.FuncOf(func(app.Value, []app.Value) any {
		bar := doc.Call("querySelector", ".toolbar")
		if bar.Truthy() {
			root.Call("setProperty", "--toolbar-h", px(bar.Call("getBoundingClientRect").Get("height").Float()))
		}
		h := 0.0
		if pal := doc.Call("getElementById", "palette"); pal.Truthy() && w.Call("getComputedStyle", pal).Get("position").String() == "fixed" {
			h = pal.Call("getBoundingClientRect").Get("height").Float()
		}
		root.Call("setProperty", "--palette-h", px(h))
		return nil
	})
	ro := w.Get("ResizeObserver")
	var obs app.Value
	if ro.Truthy() {
		obs = ro.New(measure)
		for _, sel := range []string{".toolbar", "#palette"} {
			if el := doc.Call("querySelector", sel); el.Truthy() {
				obs.Call("observe", el)
			}
		}
	}
	w.Call("addEventListener", "resize", measure)
	measure.Invoke()
	return func() {
		if obs != nil {
			obs.Call("disconnect")
		}
		w.Call("removeEventListener", "resize", measure)
		measure.Release()
	}
}

// px is a CSS length in pixels.
func px(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) + "px" }
