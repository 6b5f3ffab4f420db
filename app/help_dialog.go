package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// shortcut is one line of the help dialog.
type shortcut struct{ Keys, What string }

// shortcuts lists every key the annotator answers to.
var shortcuts = []shortcut{
	{"j / ↓", "next sentence"},
	{"k / ↑", "previous sentence"},
	{"Shift + j / k / ↓ / ↑", "extend the selection"},
	{"click, Shift+click", "select, extend; dragging over text selects whole sentences"},
	{"1 – 9", "tag the selection with that label"},
	{"0 / Backspace", "remove the labels of the selection"},
	{"n", "write a note on the highlight"},
	{"Ctrl+Enter / Esc", "finish the note"},
	{"u / Ctrl+Z", "undo"},
	{"Ctrl+Shift+Z / Ctrl+Y", "redo"},
	{"e", "export"},
	{"] / [", "next / previous task of a project"},
	{"d", "mark the project's task done (or not done again)"},
	{"g", "open or close a project's codebook"},
	{"Esc", "clear the selection"},
	{"?", "show or hide these keys"},
}

// helpDialog lists the keyboard shortcuts. It is opened as a modal dialog
// (showModal: focus moves into it, Esc closes it, focus goes back).
type helpDialog struct {
	app.Compo

	s *session
}

func (h *helpDialog) Render() app.UI {
	return app.Dialog().ID("help").Aria("labelledby", "help-title").On("close", h.onClosed).Body(
		app.H2().ID("help-title").Text("Keyboard shortcuts"),
		app.Dl().Body(
			app.Range(shortcuts).Slice(func(i int) app.UI {
				return app.Div().Body(
					app.Dt().Body(app.Kbd().Text(shortcuts[i].Keys)),
					app.Dd().Text(shortcuts[i].What),
				)
			}),
		),
		app.Button().ID("help-close").Text("Close").OnClick(h.onClose),
	)
}

func (h *helpDialog) onClose(ctx app.Context, e app.Event) { h.s.showHelp(false) }

// onClosed follows the dialog closing by itself (Esc).
func (h *helpDialog) onClosed(ctx app.Context, e app.Event) { h.s.showHelp(false) }
