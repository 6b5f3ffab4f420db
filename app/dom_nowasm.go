//go:build !wasm

package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Outside the browser there is no DOM: these are inert, so the package
// builds, vets and tests on the host.

func focus(id string) {}

func focusNote(note string) {}

func dropNoteTyping() {}

func focusArticle() {}

func openModal(id string) {}

func closeModal(id string) {}

func listenKeys(ctx app.Context, s *session) app.Func { return nil }

func unlistenKeys(f app.Func) {}

func unlisten(event string, f app.Func) {}

func download(name, mime string, data []byte) {}

func readFirstFile(input app.Value, limit int64, done func(name string, data []byte, err error)) {}

func estimateStorage(done func(usage, quota float64)) {}

func fetchURL(url string, limit int64, done func(data []byte, err error)) {}

func readAllFiles(input app.Value, limit int64, done func(name string, data []byte, err error)) int {
	return 0
}

func listenDrops(dropped func(n int), open func(name string, data []byte, err error)) (over, drop app.Func) {
	return nil, nil
}

func copyText(text string) {}

func appURL() string { return "http://127.0.0.1:8000/" }

func listenStorage(changed func(key, value string)) app.Func { return nil }

func syncValue(id, value string) {}

func afterPaint(f func()) { f() }

func listenPageHide(f func()) app.Func { return nil }

func listenBeforeUnload(unsaved func() bool) app.Func { return nil }

func listenHashChange(changed func(fragment string)) app.Func { return nil }

func toggleDetails(id string) {}

func clearPaste() {}

func listenUpdates(ready func()) app.Func { return nil }
