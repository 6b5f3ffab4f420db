package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// collectPanel is the collection section of the class dashboard (an
// assignment's) and of the Adjudicate view (a project's), shown when the
// app is served with "stancemark serve -collect": open the assignment or
// project for submissions (or connect to its collection by code and
// secret), the link to share, the owner secret once, and the live status.
type collectPanel struct {
	app.Compo

	Served  bool
	Project string // the project's id in the Adjudicate view, "" in the dashboard
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

// projectCollectPanel returns the Adjudicate view's collection section
// for the project of the open adjudication.
func (s *session) projectCollectPanel() app.UI {
	l := s.collect.project
	p := &collectPanel{Served: s.collect.live.served == 1, Project: s.adjProject().ID, Secret: l.secret, Status: l.status, Err: l.err,
		Confirm: l.confirmDelete, s: s}
	if o, ok := s.projectOwner(); ok {
		p.Code, p.Link = o.Code, appURL()+"?collect="+o.Code
	}
	return p
}

// projectLiveKey changes whenever the Adjudicate view's panel shows
// something else.
func (s *session) projectLiveKey() string {
	l := s.collect.project
	o, _ := s.projectOwner()
	return fmt.Sprint(s.collect.live.served, o.Code, l.secret != "", l.status, l.err, l.confirmDelete)
}

// collectLiveKey changes whenever the panel shows something else.
func (s *session) collectLiveKey() string {
	l := s.collect.live
	o, _ := s.owner()
	return fmt.Sprint(l.served, o.Code, l.secret != "", l.status, l.err, l.confirmDelete)
}

func (p *collectPanel) OnMount(ctx app.Context) { p.s.probeCollect() }

// OnUpdate reads the collection of another adjudication's project.
func (p *collectPanel) OnUpdate(ctx app.Context) {
	if p.Project != "" {
		p.s.resumeProjectLive()
	}
}

func (p *collectPanel) Render() app.UI {
	if !p.Served {
		return app.Div().ID("collect-panel").Hidden(true)
	}
	if p.Code == "" {
		return app.Section().ID("collect-panel").DataSet("kind", p.kind()).Aria("labelledby", "collect-title").Body(
			app.H2().ID("collect-title").Text("Collect on this server"),
			app.P().Text(p.invitation()),
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
	return app.Section().ID("collect-panel").DataSet("kind", p.kind()).Aria("labelledby", "collect-title").Body(
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

// kind is what is collected: "assignment" or "project".
func (p *collectPanel) kind() string {
	if p.Project != "" {
		return "project"
	}
	return "assignment"
}

// invitation says what collecting does.
func (p *collectPanel) invitation() string {
	if p.Project != "" {
		return "Annotators open a link and Submit delivers their submission here; it joins this adjudication without a reload."
	}
	return "Students open a link, type their name, and Submit delivers their work here; it appears below without a reload."
}

func (p *collectPanel) onAskDelete(ctx app.Context, e app.Event) {
	if p.Project != "" {
		p.s.askDeleteProjectCollection(true)
		return
	}
	p.s.askDeleteCollection(true)
}

func (p *collectPanel) onCancelDelete(ctx app.Context, e app.Event) {
	if p.Project != "" {
		p.s.askDeleteProjectCollection(false)
		return
	}
	p.s.askDeleteCollection(false)
}

func (p *collectPanel) onDelete(ctx app.Context, e app.Event) {
	if p.Project != "" {
		p.s.deleteProjectCollection()
		return
	}
	p.s.deleteCollection()
}

func (p *collectPanel) onCreate(ctx app.Context, e app.Event) {
	if p.Project != "" {
		p.s.createProjectCollection()
		return
	}
	p.s.createCollection()
}

func (p *collectPanel) onConnect(ctx app.Context, e app.Event) {
	doc := app.Window().Get("document")
	code := doc.Call("getElementById", "collect-code").Get("value").String()
	secret := doc.Call("getElementById", "collect-secret").Get("value").String()
	if p.Project != "" {
		p.s.connectProjectCollection(strings.TrimSpace(code), strings.TrimSpace(secret))
		return
	}
	p.s.connectCollection(code, secret)
}

func (p *collectPanel) onForget(ctx app.Context, e app.Event) {
	if p.Project != "" {
		p.s.forgetProjectCollection()
		return
	}
	p.s.forgetCollection()
}
