package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// noteEditor edits the note of the highlight under the cursor. The note is
// committed when the field loses focus (or on Ctrl+Enter / Escape, which
// return to the article) as one undoable change.
type noteEditor struct {
	app.Compo

	AnnotationID string
	Note         string
	LabelName    string
	Enabled      bool
	s            *session
}

// OnUpdate shows the note of another highlight, or a note changed from
// elsewhere (undo), in the field.
func (n *noteEditor) OnUpdate(ctx app.Context) {
	note := n.Note
	ctx.Defer(func(app.Context) { syncValue("note", note) })
}

func (n *noteEditor) Render() app.UI {
	title := "Note"
	if n.Enabled {
		title = "Note on this " + n.LabelName + " highlight"
	}
	placeholder := "Select a highlighted sentence to write a note (n)"
	if n.Enabled {
		placeholder = "Why this stance? (Ctrl+Enter to finish)"
	}
	return app.Section().ID("note-editor").Body(
		app.Label().For("note").Text(title),
		app.Textarea().ID("note").Rows(3).Disabled(!n.Enabled).
			Placeholder(placeholder).Text(n.Note).OnChange(n.onChange),
	)
}

func (n *noteEditor) onChange(ctx app.Context, e app.Event) {
	n.s.setNote(n.AnnotationID, ctx.JSSrc().Get("value").String())
}
