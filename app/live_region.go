package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// liveRegion announces what just happened (tagged, undone, not saved) to
// screen-reader users without moving their focus.
type liveRegion struct {
	app.Compo

	Text string
	N    uint64 // changes with every announcement
}

func (l *liveRegion) Render() app.UI {
	text := l.Text
	if l.N%2 == 1 { // a repeated announcement must still change the region's text
		text += "\u00a0"
	}
	return app.Div().ID("announce").Role("status").Aria("live", "polite").
		Class("visually-hidden").Text(text)
}
