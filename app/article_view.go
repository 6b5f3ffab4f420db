package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stancemark/annotations"
)

// articleView renders the document's structure and text: the headline, one
// paragraph per paragraph and one option element per sentence. Its props
// change only when the document does (or once, when it becomes ready), so
// go-app leaves it alone on a tag; the painter writes each sentence's state.
type articleView struct {
	app.Compo

	Doc   *annotations.Document
	Ready bool
	s     *session
}

func (v *articleView) Render() app.UI {
	d := v.Doc
	article := app.Article().ID("document").DataSet("doc-id", d.ID)
	if v.Ready {
		article = article.DataSet("ready", "true")
	}
	return article.OnClick(v.onClick).Body(
		app.H1().ID("doc-title").Text(d.Title),
		// the sentences are mounted in one go; articleHTML escapes all text
		app.Raw(articleHTML(d)),
	)
}

// onClick is the one delegated handler for every sentence: a click selects,
// shift+click extends, and a mouse text selection snaps to the whole
// sentences it touches.
func (v *articleView) onClick(ctx app.Context, e app.Event) {
	ctx.PreventUpdate() // the session re-renders what depends on the selection
	if !v.Ready {
		return
	}
	shift := e.Get("shiftKey").Bool()
	sel := app.Window().Call("getSelection")
	if sel.Truthy() && !sel.Get("isCollapsed").Bool() {
		a, b := v.sentenceAt(sel.Get("anchorNode")), v.sentenceAt(sel.Get("focusNode"))
		sel.Call("removeAllRanges")
		if !shift && a >= 0 && b >= 0 && a != b {
			v.s.selectRun(a, b)
			return
		}
	}
	if i := v.sentenceAt(e.Get("target")); i >= 0 {
		v.s.clickSentence(i, shift)
	}
}

// sentenceAt is the index of the sentence element holding node, or -1.
func (v *articleView) sentenceAt(node app.Value) int {
	if !node.Truthy() {
		return -1
	}
	if node.Get("nodeType").Int() != 1 { // a text node
		node = node.Get("parentElement")
		if !node.Truthy() {
			return -1
		}
	}
	el := node.Call("closest", "[data-sid]")
	if !el.Truthy() {
		return -1
	}
	return v.Doc.SentenceIndex(el.Get("dataset").Get("sid").String())
}
