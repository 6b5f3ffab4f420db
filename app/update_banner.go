package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// updateBanner offers to reload into a new build once the service worker
// has it. Work is saved at every change, so reloading loses nothing.
type updateBanner struct {
	app.Compo

	Show bool
}

func (u *updateBanner) Render() app.UI {
	if !u.Show {
		return app.Div().ID("update-banner").Hidden(true)
	}
	return app.Div().ID("update-banner").Role("status").Body(
		app.Span().Text("A new version of Stancemark is ready. Your work is saved. "),
		app.Button().ID("update-reload").Text("Reload now").OnClick(u.onReload),
	)
}

func (u *updateBanner) onReload(ctx app.Context, e app.Event) { ctx.Reload() }
