package app

import (
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stancemark/annotations"
)

// highlightItem is one row of the side list.
type highlightItem struct {
	ID, Label, Name, Color, Quote, Note, FirstSID string

	first, last int // the sentence indexes it spans
}

// maxQuote is how many characters of a highlight's text the list shows.
const maxQuote = 160

// quoteCache keeps the shortened quote of each run of sentences of one
// document, so listing thousands of highlights after every change does not
// rebuild thousands of strings; labels are the labels the list was built with.
type quoteCache struct {
	doc    *annotations.Document
	m      map[[2]int]string
	labels []annotations.Label
}

func (c *quoteCache) quote(d *annotations.Document, first, last int) string {
	if c.doc != d {
		c.doc, c.m = d, make(map[[2]int]string)
	}
	k := [2]int{first, last}
	q, ok := c.m[k]
	if !ok {
		q = truncate(d.Quote(first, last), maxQuote)
		c.m[k] = q
	}
	return q
}

// highlightItems lists the highlights of the active label set in document order.
func highlightItems(s *session) []highlightItem {
	sc := s.ws.Scheme()
	anns := s.ws.Annotations()
	items := make([]highlightItem, len(anns))
	for i, a := range anns {
		items[i] = s.item(sc, a)
	}
	return items
}

// item is the side-list entry of highlight a of the label set sc.
func (s *session) item(sc annotations.Scheme, a annotations.Annotation) highlightItem {
	first := s.doc.SentenceIndex(a.SentenceIDs[0])
	last := s.doc.SentenceIndex(a.SentenceIDs[len(a.SentenceIDs)-1])
	l, _ := sc.Label(a.Label)
	return highlightItem{
		ID: a.ID, Label: a.Label, Name: l.Name, Color: l.Color,
		Quote: s.quotes.quote(s.doc, first, last), Note: a.Note,
		FirstSID: a.SentenceIDs[0], first: first, last: last,
	}
}

// updateItems is highlightItems after a change, reusing the entries of
// prev (the list before it, of the same document) whose highlight is
// unchanged. Highlights of a label set never overlap, so both lists are in
// sentence order: walking them together, an entry is kept when it starts
// where the highlight does and has its id, label, note and last sentence,
// and the label set's labels are those the list was built with. A tag
// among thousands of highlights builds one or two entries.
func updateItems(s *session, prev []highlightItem) []highlightItem {
	sc := s.ws.Scheme()
	if len(prev) == 0 || s.listKey.doc != s.doc || !slices.Equal(sc.Labels, s.quotes.labels) {
		s.quotes.labels = sc.Labels
		return highlightItems(s)
	}
	anns := s.ws.Annotations()
	items := make([]highlightItem, len(anns))
	j := 0
	for i, a := range anns {
		first := s.doc.SentenceIndex(a.SentenceIDs[0])
		for j < len(prev) && prev[j].first < first {
			j++ // a highlight that is gone or changed
		}
		if j < len(prev) {
			if p := prev[j]; p.first == first && p.ID == a.ID && p.Label == a.Label && p.Note == a.Note &&
				p.last == first+len(a.SentenceIDs)-1 {
				items[i] = p
				j++
				continue
			}
		}
		items[i] = s.item(sc, a)
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
//
// go-app renders only the frame: the heading, the empty notice and an empty
// ol#highlights. Its entries are written by the session's painter
// (paintList, from sideListHTML), which after a tag touches only the
// entries that changed, so a tag's frame costs the same with 5 highlights
// or 5,000. Every entry stays in the DOM: find-in-page and screen readers
// see the whole list.
type sideList struct {
	app.Compo

	Count int // highlights listed
	s     *session
}

// OnMount fills a freshly mounted list (the page came back from the class
// dashboard, or first start) once it is in the document.
func (l *sideList) OnMount(ctx app.Context) {
	ctx.Defer(func(app.Context) { l.s.paintList() })
}

func (l *sideList) Render() app.UI {
	empty := app.P().Class("empty").Text("No highlights yet: select a sentence and press 1–9.")
	list := app.Ol().ID("highlights").OnClick(l.onClick)
	if l.Count >= longDocument {
		list = list.DataSet("many", "true") // entries off screen skip layout (app.css)
	}
	// Hidden(false) would render hidden="false", which browsers read as hidden
	if l.Count > 0 {
		empty = empty.Hidden(true)
	} else {
		list = list.Hidden(true)
	}
	return app.Section().ID("highlights-panel").Aria("label", "Highlights").Body(
		app.H2().Text("Highlights"), empty, list,
	)
}

func (l *sideList) onClick(ctx app.Context, e app.Event) {
	ctx.PreventUpdate() // selectHighlight refreshes what depends on it
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
