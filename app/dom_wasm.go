package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// focus moves the keyboard focus to the element with the id.
func focus(id string) {
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Call("focus")
	}
}

// noteTyping holds the characters typed between n and the note field
// getting focus (the field may be enabled only by the render after n), so
// that none is lost; nil when no note is being opened.
var noteTyping []byte

// dropNoteTyping ends the keeping of keys for a note that does not come.
func dropNoteTyping() { noteTyping = nil }

// focusNote focuses the note field and puts in it what was typed since n,
// after the highlight's note (the field may still show another's until its
// next render).
func focusNote(note string) { focusNoteTry(note, 0) }

// noteTries is how many times (a frame apart) focusNote waits for the note
// field to be enabled while keys typed after n are kept for it: on a busy
// machine the render that enables it can come after the command ran.
const noteTries = 60

func focusNoteTry(note string, try int) {
	el := app.Window().GetElementByID("note")
	if !el.Truthy() || el.Get("disabled").Bool() {
		if noteTyping == nil || try >= noteTries {
			noteTyping = nil
			return
		}
		var f app.Func
		f = app.FuncOf(func(app.Value, []app.Value) any {
			f.Release()
			focusNoteTry(note, try+1)
			return nil
		})
		app.Window().Call("requestAnimationFrame", f)
		return
	}
	if len(noteTyping) == 0 && el.Equal(app.Window().Get("document").Get("activeElement")) {
		noteTyping = nil
		return // focused already (at the key press): what is typed since is the user's
	}
	if el.Get("value").String() != note {
		el.Set("value", note) // the highlight's own note: the field may still show another's
	}
	el.Call("focus")
	if len(noteTyping) > 0 {
		// typed as if into the field (a user edit: it commits on blur like any typing)
		el.Call("setSelectionRange", len([]rune(note)), len([]rune(note)))
		doc := app.Window().Get("document")
		if !doc.Call("execCommand", "insertText", false, string(noteTyping)).Bool() {
			el.Set("value", note+string(noteTyping))
		}
	}
	noteTyping = nil
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
			id := target.Get("id").String()
			if id == "target" && k.Key == "Enter" {
				target.Call("blur") // commits the claim through its change event
				focus("sentences")
				return nil
			}
			if (id == "note" || id == "adj-reason") && (k.Key == "Escape" || (k.Key == "Enter" && (k.Ctrl || k.Meta))) {
				e.Call("preventDefault")
				target.Call("blur") // commits the note (or an adjudication's reason) through its change event
				if id == "adj-reason" {
					focus("adj-current")
				} else {
					focus("sentences")
				}
			}
			return nil
		}
		if noteTyping != nil && len([]rune(k.Key)) == 1 && !k.Ctrl && !k.Meta && !k.Alt {
			// typed after n, before the note field has focus: kept for it
			e.Call("preventDefault")
			noteTyping = append(noteTyping, k.Key...)
			return nil
		}
		cmd, extend := commandFor(k)
		if cmd == cmdNone {
			return nil
		}
		e.Call("preventDefault")
		if cmd == cmdNote && !s.sel.empty() {
			// until focusNote (or dropNoteTyping when there is no highlight
			// after all): what is typed goes into the note. A tag pressed just
			// before n may not have run yet, so the highlight may come.
			noteTyping = []byte{}
			if hl, ok := s.highlight(); ok {
				if el := app.Window().GetElementByID("note"); el.Truthy() && !el.Get("disabled").Bool() {
					focusNote(hl.Note) // at once, so the next key lands in the field
				}
			}
		}
		ctx.Dispatch(func(app.Context) { s.run(cmd, extend, k.Key) })
		return nil
	})
	app.Window().Call("addEventListener", "keydown", f)
	return f
}

// unlistenKeys removes the handler installed by listenKeys.
func unlistenKeys(f app.Func) { unlisten("keydown", f) }

// unlisten removes and releases a window event listener.
func unlisten(event string, f app.Func) {
	if f == nil {
		return
	}
	app.Window().Call("removeEventListener", event, f)
	f.Release()
}

// inField reports whether el takes text or choices from the keyboard.
func inField(el app.Value) bool {
	if !el.Truthy() {
		return false
	}
	switch el.Get("tagName").String() {
	case "INPUT":
		switch el.Get("type").String() {
		case "checkbox", "radio", "button", "submit", "reset", "file":
			return false // takes no typing: the shortcuts still work there
		}
		return true
	case "TEXTAREA", "SELECT":
		return true
	}
	return el.Get("isContentEditable").Bool()
}

// copyText puts text on the clipboard where the browser allows it.
func copyText(text string) {
	cb := app.Window().Get("navigator").Get("clipboard")
	if cb.Truthy() {
		await(cb.Call("writeText", text), func(app.Value) {}, func(app.Value) {})
	}
}

// appURL is the app's address without query or fragment, for links.
func appURL() string {
	loc := app.Window().Get("location")
	return loc.Get("origin").String() + loc.Get("pathname").String()
}

// listenStorage reports localStorage changes made by other tabs.
func listenStorage(changed func(key, value string)) app.Func {
	f := app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		key, value := e.Get("key"), e.Get("newValue")
		if key.IsNull() || key.IsUndefined() {
			return nil // localStorage.clear() in another tab
		}
		v := ""
		if value.Truthy() {
			v = value.String()
		}
		changed(key.String(), v)
		return nil
	})
	app.Window().Call("addEventListener", "storage", f)
	return f
}

// toggleDetails opens or closes a <details> and focuses its summary when
// it opens.
func toggleDetails(id string) {
	d := app.Window().GetElementByID(id)
	if !d.Truthy() {
		return
	}
	open := !d.Get("open").Bool()
	d.Set("open", open)
	if s := d.Call("querySelector", "summary"); open && s.Truthy() {
		s.Call("focus")
	}
}

// listenHashChange calls changed with the page's new fragment (without
// "#") when it changes, as when an assignment link is pasted into a tab
// that already has the app open.
func listenHashChange(changed func(fragment string)) app.Func {
	f := app.FuncOf(func(app.Value, []app.Value) any {
		changed(strings.TrimPrefix(app.Window().Get("location").Get("hash").String(), "#"))
		return nil
	})
	app.Window().Call("addEventListener", "hashchange", f)
	return f
}

// syncValue sets a field's live value, unless the reader is typing in it.
func syncValue(id, value string) {
	el := app.Window().GetElementByID(id)
	if !el.Truthy() || el.Get("value").String() == value {
		return
	}
	if el.Equal(app.Window().Get("document").Get("activeElement")) {
		return
	}
	el.Set("value", value)
}

// afterPaint calls f (not on the UI goroutine) once the next frame has been
// painted: requestAnimationFrame runs before the paint, a task queued from
// it runs after.
func afterPaint(f func()) {
	w := app.Window()
	var raf, task app.Func
	task = app.FuncOf(func(app.Value, []app.Value) any {
		task.Release()
		f()
		return nil
	})
	raf = app.FuncOf(func(app.Value, []app.Value) any {
		raf.Release()
		w.Call("setTimeout", task, 0)
		return nil
	})
	w.Call("requestAnimationFrame", raf)
}

// listenPageHide calls f when the page is being hidden or closed. It runs
// synchronously in the event, since the page may be gone right after.
func listenPageHide(f func()) app.Func {
	h := app.FuncOf(func(app.Value, []app.Value) any {
		f()
		return nil
	})
	app.Window().Call("addEventListener", "pagehide", h)
	return h
}

// clearPaste empties the library's paste fields once their text is opened.
func clearPaste() {
	for _, id := range []string{"paste-title", "paste-text"} {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Set("value", "")
		}
	}
}

// listenUpdates calls ready when a new service worker takes over a page that
// already had one: a new build is installed and a reload runs it. (go-app's
// own notice can miss an update found while the page was loading.)
func listenUpdates(ready func()) app.Func {
	sw := app.Window().Get("navigator").Get("serviceWorker")
	if !sw.Truthy() {
		return nil
	}
	had := sw.Get("controller").Truthy()
	f := app.FuncOf(func(app.Value, []app.Value) any {
		if had {
			ready()
		}
		had = true
		return nil
	})
	sw.Call("addEventListener", "controllerchange", f)
	return f
}

// listenBeforeUnload asks the browser to warn before the page is left when
// unsaved reports work that is not stored (the browser shows its own
// "Leave site?" dialog; the text cannot be chosen).
func listenBeforeUnload(unsaved func() bool) app.Func {
	f := app.FuncOf(func(this app.Value, args []app.Value) any {
		if unsaved() {
			e := args[0]
			e.Call("preventDefault")
			e.Set("returnValue", "")
		}
		return nil
	})
	app.Window().Call("addEventListener", "beforeunload", f)
	return f
}
