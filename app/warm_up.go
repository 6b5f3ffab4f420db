package app

import "stancemark/annotations"

// Warming up the code of a click and a tag. V8 compiles a WebAssembly
// function only when it is first called, so the first click and tag after
// load paid for compiling everything they reach: measured with `go run
// ./bench -only 5000`, the first tag took 14.7 ms from the click (the later
// ones 2.9 ms), and 5.7 ms with Chromium's --no-wasm-lazy-compilation.
// Once the page is ready and the browser idle, warmUp runs the same code
// once on a scratch session over the bundled article (its own workspace, a
// recording painter, storage in memory; the code is the same whatever the
// document, and 23 sentences cost nothing), so the reader's first tag finds
// it compiled. Nothing of it is shown, saved or announced.

// warmUpSteps are the steps of warmUp, one idle callback each so that a
// click arriving meanwhile waits for one step at most, and the scratch
// session they run on.
func warmUpSteps(doc *annotations.Document) (*session, []func()) {
	if doc == nil || len(doc.Sentences) == 0 {
		return nil, nil
	}
	w := newSession(doc, "", newMemoryStore(), &recordingPainter{})
	last := len(doc.Sentences) - 1
	return w, []func(){
		func() { w.clickSentence(last, false) },
		func() { w.run(cmdTag, false, firstKey(w)) },
		func() { w.clickSentence(0, false); w.clickSentence(min(1, last), true) },
		func() { w.run(cmdTag, false, firstKey(w)); w.flush() },
		func() { w.run(cmdUndo, false, ""); w.run(cmdRedo, false, "") },
		func() { _ = sideListHTML(w.highlightList()) },
	}
}

// firstKey is the key of the scratch session's first label.
func firstKey(w *session) string {
	if ls := w.ws.Scheme().Labels; len(ls) > 0 {
		return ls[0].Key
	}
	return "1"
}

// warmUp runs warmUpSteps one by one when the browser is idle.
func warmUp() {
	doc, err := bundledDocument()
	if err != nil {
		return
	}
	_, steps := warmUpSteps(doc)
	var next func()
	next = func() {
		if len(steps) == 0 {
			return
		}
		step := steps[0]
		steps = steps[1:]
		step()
		whenIdle(next)
	}
	whenIdle(next)
}
