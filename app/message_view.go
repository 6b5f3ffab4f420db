package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// messageView shows the latest error or notice; screen readers announce it.
type messageView struct {
	app.Compo

	Msg message
	s   *session
}

func (m *messageView) Render() app.UI {
	div := app.Div().ID("message").Role("alert").Aria("live", "assertive")
	if m.Msg.Kind != "" {
		div = div.DataSet("kind", m.Msg.Kind)
	}
	var action app.UI
	switch m.Msg.Action {
	case actionDownloadUnreadable:
		action = app.Button().ID("message-action").Text("Download the unreadable data").OnClick(m.onAction)
	case actionUndoDelete:
		action = app.Button().ID("message-action").Text("Undo").OnClick(m.onAction)
	}
	var bar app.UI
	if m.Msg.Total > 0 {
		bar = app.Progress().ID("message-progress").Max(m.Msg.Total).Value(m.Msg.Done).Aria("label", m.Msg.Text)
	}
	return div.Body(app.Span().ID("message-text").Text(m.Msg.Text), bar, action)
}

func (m *messageView) onAction(ctx app.Context, e app.Event) {
	switch m.Msg.Action {
	case actionDownloadUnreadable:
		m.s.downloadUnreadable()
	case actionUndoDelete:
		m.s.undoDelete()
	}
}
