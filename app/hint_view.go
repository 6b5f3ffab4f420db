package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// hintView is the first-run hint; "Got it" dismisses it for good.
type hintView struct {
	app.Compo

	Show bool
	s    *session
}

func (h *hintView) Render() app.UI {
	if !h.Show {
		return app.Div().ID("hint").Hidden(true)
	}
	return app.Div().ID("hint").Role("note").Body(
		app.P().Body(
			app.Text("Click a sentence (or press "), app.Kbd().Text("j"),
			app.Text("), then press "), app.Kbd().Text("1"), app.Text("–"), app.Kbd().Text("4"),
			app.Text(" to tag its stance toward the claim. "),
			app.Kbd().Text("?"), app.Text(" shows every key."),
		),
		app.Button().ID("hint-dismiss").Text("Got it").OnClick(h.onDismiss),
	)
}

func (h *hintView) onDismiss(ctx app.Context, e app.Event) { h.s.dismissHint() }
