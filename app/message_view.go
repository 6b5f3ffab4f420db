package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// messageView shows the latest error or notice; screen readers announce it.
type messageView struct {
	app.Compo

	Msg message
}

func (m *messageView) Render() app.UI {
	div := app.Div().ID("message").Role("alert").Aria("live", "assertive")
	if m.Msg.Kind != "" {
		div = div.DataSet("kind", m.Msg.Kind)
	}
	return div.Text(m.Msg.Text)
}
