package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// focus moves the keyboard focus to the element with the id.
func focus(id string) {
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Call("focus")
	}
}

// focusArticle focuses the sentence list unless a field or the list has focus.
func focusArticle() {
	active := app.Window().Get("document").Get("activeElement")
	if inField(active) || (active.Truthy() && active.Get("id").String() == "sentences") {
		return
	}
	focus("sentences")
}

// returnFocus is where focus goes back to when a modal dialog closes.
var returnFocus app.Value

// openModal shows a <dialog> modally: focus moves into it.
func openModal(id string) {
	d := app.Window().GetElementByID(id)
	if !d.Truthy() || d.Get("open").Bool() {
		return
	}
	returnFocus = app.Window().Get("document").Get("activeElement")
	d.Call("showModal")
}

// closeModal closes a <dialog> and returns focus where it was.
func closeModal(id string) {
	d := app.Window().GetElementByID(id)
	if d.Truthy() && d.Get("open").Bool() {
		d.Call("close")
	}
	if returnFocus != nil && returnFocus.Truthy() {
		returnFocus.Call("focus")
	}
	returnFocus = nil
}

// listenKeys installs the window-level keyboard handler. Keys typed into a
// field are the field's, except Ctrl+Enter and Escape in the note field,
// which finish the note and return to the article.
func listenKeys(ctx app.Context, s *session) app.Func {
	f := app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		k := keyPress{
			Key:   e.Get("key").String(),
			Shift: e.Get("shiftKey").Bool(),
			Ctrl:  e.Get("ctrlKey").Bool(),
			Alt:   e.Get("altKey").Bool(),
			Meta:  e.Get("metaKey").Bool(),
		}
		target := e.Get("target")
		if inField(target) {
			if target.Get("id").String() == "note" && (k.Key == "Escape" || (k.Key == "Enter" && (k.Ctrl || k.Meta))) {
				e.Call("preventDefault")
				target.Call("blur") // commits the note through its change event
				focus("sentences")
			}
			return nil
		}
		cmd, extend := commandFor(k)
		if cmd == cmdNone {
			return nil
		}
		e.Call("preventDefault")
		ctx.Dispatch(func(app.Context) { s.run(cmd, extend, k.Key) })
		return nil
	})
	app.Window().Call("addEventListener", "keydown", f)
	return f
}

// unlistenKeys removes the handler installed by listenKeys.
func unlistenKeys(f app.Func) {
	if f == nil {
		return
	}
	app.Window().Call("removeEventListener", "keydown", f)
	f.Release()
}

// inField reports whether el takes text or choices from the keyboard.
func inField(el app.Value) bool {
	if !el.Truthy() {
		return false
	}
	switch el.Get("tagName").String() {
	case "INPUT", "TEXTAREA", "SELECT":
		return true
	}
	return el.Get("isContentEditable").Bool()
}

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
	name := file.Get("name").String()
	input.Set("value", "")
	if size := int64(file.Get("size").Float()); size > limit {
		done(name, nil, fmt.Errorf("%s is %d MB; files over %d MB are refused", name, size>>20, limit>>20))
		return
	}
	var ok, fail app.Func
	ok = app.FuncOf(func(this app.Value, args []app.Value) any {
		buf := app.Window().Get("Uint8Array").New(args[0])
		data := make([]byte, buf.Length())
		app.CopyBytesToGo(data, buf)
		ok.Release()
		fail.Release()
		done(name, data, nil)
		return nil
	})
	fail = app.FuncOf(func(this app.Value, args []app.Value) any {
		ok.Release()
		fail.Release()
		done(name, nil, fmt.Errorf("reading %s failed: %s", name, args[0].Call("toString").String()))
		return nil
	})
	file.Call("arrayBuffer").Call("then", ok, fail)
}
