package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// assignmentDialog is the teacher's "make an assignment" form: the open
// article, the active label set, the claim, instructions, and the teacher's
// highlights as an optional answer key; shared as a file or a link.
type assignmentDialog struct {
	app.Compo

	DocTitle   string
	SchemeName string
	Target     string
	KeySize    int
	Link       string
	s          *session
}

func (d *assignmentDialog) Render() app.UI {
	useKey := app.Input().ID("as-use-key").Type("checkbox")
	if d.KeySize > 0 {
		useKey = useKey.Checked(true)
	}
	return app.Dialog().ID("assignment-dialog").Aria("labelledby", "assignment-dialog-title").On("close", d.onClosed).Body(
		app.H2().ID("assignment-dialog-title").Text("Make an assignment"),
		app.P().Text(fmt.Sprintf("Students annotate %q with the %s labels. To use another article, open it first (Documents); to change the labels, use the Labels menu.", d.DocTitle, d.SchemeName)),
		app.Label().For("as-title").Text("Title"),
		app.Input().ID("as-title").Type("text").Value(d.DocTitle),
		app.Label().For("as-target").Text("Target claim"),
		app.Input().ID("as-target").Type("text").Value(d.Target),
		app.Label().For("as-instructions").Text("Instructions for the students"),
		app.Textarea().ID("as-instructions").Rows(4).Text("Tag each sentence that takes a stance toward the claim. Add a note saying why."),
		app.P().Body(
			useKey,
			app.Label().For("as-use-key").Text(fmt.Sprintf(" Use my %d highlights as the answer key", d.KeySize)),
		),
		app.P().Body(
			app.Input().ID("as-reveal").Type("checkbox"),
			app.Label().For("as-reveal").Text(" Show students the key and their score after they submit"),
		),
		app.P().Class("dialog-actions").Body(
			app.Button().ID("as-download").Text("Download the assignment file").OnClick(d.onDownload),
			app.Button().ID("as-link").Text("Copy a link").OnClick(d.onLink),
			app.Button().ID("as-close").Text("Close").OnClick(d.onClose),
		),
		app.If(d.Link != "", func() app.UI {
			return app.Div().Body(
				app.Label().For("as-link-text").Text("The link (copied; select it to copy it again)"),
				app.Textarea().ID("as-link-text").ReadOnly(true).Rows(3).Text(d.Link),
			)
		}),
	)
}

// input reads the form.
func (d *assignmentDialog) input() assignmentInput {
	get := func(id string) app.Value { return app.Window().GetElementByID(id) }
	return assignmentInput{
		Title:        get("as-title").Get("value").String(),
		Target:       get("as-target").Get("value").String(),
		Instructions: get("as-instructions").Get("value").String(),
		UseKey:       get("as-use-key").Get("checked").Bool(),
		RevealKey:    get("as-reveal").Get("checked").Bool(),
	}
}

func (d *assignmentDialog) onDownload(ctx app.Context, e app.Event) {
	d.s.downloadAssignment(d.input())
}

func (d *assignmentDialog) onLink(ctx app.Context, e app.Event) {
	d.s.assignmentLink(d.input(), appURL())
}

func (d *assignmentDialog) onClose(ctx app.Context, e app.Event) { d.s.showTeacher(false) }

func (d *assignmentDialog) onClosed(ctx app.Context, e app.Event) { d.s.showTeacher(false) }
