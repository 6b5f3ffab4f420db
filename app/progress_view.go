package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// labelCount is how many sentences carry one label.
type labelCount struct {
	ID, Name, Color string
	N               int
}

// tagged is the number of tagged sentences in the active label set.
func tagged(s *session) int {
	n, _ := s.ws.Counts()
	return n
}

// labelCounts lists every label of the active set with its sentence count.
func labelCounts(s *session) []labelCount {
	_, per := s.ws.Counts()
	labels := s.ws.Scheme().Labels
	out := make([]labelCount, len(labels))
	for i, l := range labels {
		out[i] = labelCount{l.ID, l.Name, l.Color, per[l.ID]}
	}
	return out
}

// progressView is the progress line and the per-label counts.
type progressView struct {
	app.Compo

	Tagged, Total int
	Counts        []labelCount
}

func (p *progressView) Render() app.UI {
	return app.Section().ID("progress-panel").Aria("label", "Progress").Body(
		app.P().ID("progress").Body(
			app.Meter().Min(0).Max(p.Total).Value(p.Tagged).Aria("hidden", "true"),
			app.Text(fmt.Sprintf(" %d of %d sentences tagged", p.Tagged, p.Total)),
		),
		app.Ul().ID("label-counts").Body(
			app.Range(p.Counts).Slice(func(i int) app.UI {
				c := p.Counts[i]
				return app.Li().DataSet("label-id", c.ID).Style("--label-color", c.Color).Body(
					app.Span().Class("swatch").Aria("hidden", "true"),
					app.Span().Class("count-name").Text(c.Name),
					app.Text(" "),
					app.Span().Class("count").Text(fmt.Sprint(c.N)),
				)
			}),
		),
	)
}
