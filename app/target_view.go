package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// targetView is the target claim above the article; editing it and leaving
// the field (or pressing Enter) commits it as one undoable change.
type targetView struct {
	app.Compo

	Target   string
	SchemeID string
	Locked   bool // a project's claim belongs to its task: shown, not edited
	s        *session
}

// OnUpdate shows a claim changed from elsewhere (undo, import, another
// label set) in the field: go-app only updates the value attribute, which a
// field that was typed in no longer shows.
func (t *targetView) OnUpdate(ctx app.Context) {
	target := t.Target
	ctx.Defer(func(app.Context) { syncValue("target", target) })
}

func (t *targetView) Render() app.UI {
	in := app.Input().ID("target").Type("text").AutoComplete(false).
		Placeholder("The claim the stances are toward").
		Value(t.Target).OnChange(t.onChange)
	if t.Locked { // never ReadOnly(false): prerendered, it would lock
		in = in.ReadOnly(true)
	}
	return app.Div().Class("target").Body(
		app.Label().For("target").Text("Target claim"),
		in,
	)
}

func (t *targetView) onChange(ctx app.Context, e app.Event) {
	t.s.setTarget(ctx.JSSrc().Get("value").String())
}
