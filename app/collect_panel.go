package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// collectPanel is the dashboard's collection section, shown when the app
// is served with "stancemark serve -collect": open the assignment for
// submissions (or connect to its collection by code and secret), the link
// to share, the owner secret once, and the live status.
type collectPanel struct {
	app.Compo

	Served  bool
	Code    string // the collection read live, "" for none
	Link    string
	Secret  string // only right after creating it
	Status  string
	Err     string
	Confirm bool // asking to confirm the deletion
	s       *session
}

// collectPanel returns the dashboard's collection section (a hook in
// dashboardView.Render).
func (s *session) collectPanel() app.UI {
	l := s.collect.live
	p := &collectPanel{Served: l.served == 1, Secret: l.secret, Status: l.status, Err: l.err, Confirm: l.confirmDelete, s: s}
	if o, ok := s.owner(); ok {
		p.Code, p.Link = o.Code, appURL()+"?collect="+o.Code
	}
	return p
}

// collectLiveKey changes whenever the panel shows something else.
func (s *session) collectLiveKey() string {
	l := s.collect.live
	o, _ := s.owner()
	return fmt.Sprint(l.served, o.Code, l.secret != "", l.status, l.err, l.confirmDelete)
}

func (p *collectPanel) OnMount(ctx app.Context) { p.s.probeCollect() }

func (p *collectPanel) Render() app.UI {
	if !p.Served {
		return app.Div().ID("collect-panel").Hidden(true)
	}
	if p.Code == "" {
		return app.Section().ID("collect-panel").Aria("labelledby", "collect-title").Body(
			app.H2().ID("collect-title").Text("Collect on this server"),
			app.P().Text("Students open a link, type their name, and Submit delivers their work here; it appears below without a reload."),
			app.P().Body(app.Button().ID("collect-create").Class("primary").Text("Open for submissions").OnClick(p.onCreate)),
			app.P().Text("Or read a collection made elsewhere:"),
			app.P().Body(
				app.Label().For("collect-code").Text("Code "),
				app.Input().ID("collect-code").Type("text").AutoComplete(false),
				app.Text(" "),
				app.Label().For("collect-secret").Text("Owner secret "),
				app.Input().ID("collect-secret").Type("password").AutoComplete(false),
				app.Text(" "),
				app.Button().ID("collect-connect").Text("Read it").OnClick(p.onConnect),
			),
		)
	}
	return app.Section().ID("collect-panel").Aria("labelledby", "collect-title").Body(
		app.H2().ID("collect-title").Text("Collection "+p.Code),
		app.P().Body(app.Text("Link to share: "), app.A().ID("collect-link").Href(p.Link).Text(p.Link)),
		app.If(p.Secret != "", func() app.UI {
			return app.P().ID("collect-secret-once").Body(
				app.Text("Owner secret (shown only now; it reads, exports and deletes the submissions): "),
				app.Code().ID("collect-secret-value").Text(p.Secret),
			)
		}),
		app.P().ID("collect-live").Role("status").Text(p.Status),
		app.If(p.Err != "", func() app.UI { return app.P().ID("collect-error").Role("alert").Text(p.Err) }),
		app.P().Body(
			app.Button().ID("collect-forget").Text("Stop reading it here").OnClick(p.onForget),
			app.Text(" "),
			app.Button().ID("collect-delete").Text("Delete the collection…").OnClick(p.onAskDelete),
		),
		app.If(p.Confirm, func() app.UI {
			return app.P().ID("collect-delete-ask").Role("alert").Body(
				app.Text("Delete collection "+p.Code+" and every submission in it from the server? This cannot be undone. "),
				app.Button().ID("collect-delete-confirm").Text("Delete").OnClick(p.onDelete),
				app.Text(" "),
				app.Button().ID("collect-delete-cancel").Text("Keep it").OnClick(p.onCancelDelete),
			)
		}),
	)
}

func (p *collectPanel) onAskDelete(ctx app.Context, e app.Event)    { p.s.askDeleteCollection(true) }
func (p *collectPanel) onCancelDelete(ctx app.Context, e app.Event) { p.s.askDeleteCollection(false) }
func (p *collectPanel) onDelete(ctx app.Context, e app.Event)       { p.s.deleteCollection() }

func (p *collectPanel) onCreate(ctx app.Context, e app.Event) { p.s.createCollection() }

func (p *collectPanel) onConnect(ctx app.Context, e app.Event) {
	doc := app.Window().Get("document")
	code := doc.Call("getElementById", "collect-code").Get("value").String()
	secret := doc.Call("getElementById", "collect-secret").Get("value").String()
	p.s.connectCollection(code, secret)
}

func (p *collectPanel) onForget(ctx app.Context, e app.Event) { p.s.forgetCollection() }
