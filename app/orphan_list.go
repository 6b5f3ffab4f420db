package app

import (
	"encoding/json"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stancemark/annotations"
)

// orphanItem is a highlight of an import that could not be placed.
type orphanItem struct{ Label, Quote, Note, Reason string }

func orphanItems(s *session) []orphanItem {
	items := make([]orphanItem, len(s.orphans))
	for i, o := range s.orphans {
		items[i] = orphanItem{o.Annotation.Label, truncate(o.Quote, maxQuote), o.Annotation.Note, o.Reason}
	}
	return items
}

// orphanList shows the highlights that could not be re-attached to an
// edited text, and lets the reader download them: they are never dropped.
type orphanList struct {
	app.Compo

	Items []orphanItem
	s     *session
}

func (l *orphanList) Render() app.UI {
	if len(l.Items) == 0 {
		return app.Section().ID("orphans").Hidden(true)
	}
	return app.Section().ID("orphans").Aria("label", "Highlights that could not be placed").Body(
		app.H2().Text("Could not be placed"),
		app.Ul().Body(
			app.Range(l.Items).Slice(func(i int) app.UI {
				it := l.Items[i]
				return app.Li().Class("orphan").Body(
					app.Span().Class("hl-label").Text(it.Label),
					app.Span().Class("hl-quote").Text(it.Quote),
					app.Span().Class("hl-note").Text(it.Note),
					app.Span().Class("orphan-reason").Text(it.Reason),
				)
			}),
		),
		app.Button().ID("orphans-download").Text("Download them").OnClick(l.onDownload),
	)
}

func (l *orphanList) onDownload(ctx app.Context, e app.Event) { l.s.downloadOrphans() }

// downloadOrphans saves the orphaned highlights with their quotes and context.
func (s *session) downloadOrphans() {
	type orphanJSON struct {
		Annotation annotations.Annotation `json:"annotation"`
		Quote      string                 `json:"quote"`
		Prefix     string                 `json:"prefix"`
		Suffix     string                 `json:"suffix"`
		Reason     string                 `json:"reason"`
	}
	out := make([]orphanJSON, len(s.orphans))
	for i, o := range s.orphans {
		out[i] = orphanJSON{o.Annotation, o.Quote, o.Prefix, o.Suffix, o.Reason}
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		s.fail("Saving the highlights that could not be placed failed: %v.", err)
		return
	}
	download(slug(s.doc.Title)+".orphans.json", "application/json", data)
}
