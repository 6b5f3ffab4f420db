package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// highlightItem is one row of the side list.
type highlightItem struct {
	ID, Label, Name, Color, Quote, Note, FirstSID string
}

// maxQuote is how many characters of a highlight's text the list shows.
const maxQuote = 160

// highlightItems lists the highlights of the active label set in document order.
func highlightItems(s *session) []highlightItem {
	sc := s.ws.Scheme()
	anns := s.ws.Annotations()
	items := make([]highlightItem, len(anns))
	for i, a := range anns {
		first := s.doc.SentenceIndex(a.SentenceIDs[0])
		last := s.doc.SentenceIndex(a.SentenceIDs[len(a.SentenceIDs)-1])
		l, _ := sc.Label(a.Label)
		items[i] = highlightItem{
			ID: a.ID, Label: a.Label, Name: l.Name, Color: l.Color,
			Quote: truncate(s.doc.Quote(first, last), maxQuote), Note: a.Note,
			FirstSID: a.SentenceIDs[0],
		}
	}
	return items
}

// truncate shortens text to at most n characters, ending in "…".
func truncate(text string, n int) string {
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	return string(r[:n-1]) + "…"
}

// sideList lists the highlights; clicking one selects it and scrolls to it.
type sideList struct {
	app.Compo

	Items []highlightItem
	s     *session
}

func (l *sideList) Render() app.UI {
	var body app.UI = app.P().Class("empty").Text("No highlights yet: select a sentence and press 1–9.")
	if len(l.Items) > 0 {
		body = app.Ol().ID("highlights").OnClick(l.onClick).Body(
			app.Range(l.Items).Slice(func(i int) app.UI {
				it := l.Items[i]
				return app.Li().Class("highlight").DataSet("annotation-id", it.ID).
					DataSet("label", it.Label).Style("--label-color", it.Color).Body(
					app.Button().Class("hl-jump").Body(
						app.Span().Class("hl-label").Text(it.Name),
						app.Span().Class("hl-quote").Text(it.Quote),
						app.Span().Class("hl-note").Text(it.Note),
					),
				)
			}),
		)
	}
	return app.Section().ID("highlights-panel").Aria("label", "Highlights").Body(
		app.H2().Text("Highlights"),
		body,
	)
}

func (l *sideList) onClick(ctx app.Context, e app.Event) {
	li := e.Get("target").Call("closest", "li[data-annotation-id]")
	if !li.Truthy() {
		return
	}
	first, ok := l.s.selectHighlight(li.Get("dataset").Get("annotationId").String())
	if !ok {
		return
	}
	el := app.Window().GetElementByID("sent-" + first)
	if el.Truthy() {
		el.Call("scrollIntoView", map[string]any{"block": "center"})
	}
}
