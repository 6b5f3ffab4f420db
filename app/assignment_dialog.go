package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stancemark/annotations"
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
	AppURL     string // where links point (the page's address)
	Bounds     boundaryView
	s          *session
}

// newAssignmentDialog is the dialog's props from the session: the key is
// counted on the sentences fixed in the dialog, if any.
func newAssignmentDialog(s *session) *assignmentDialog {
	sc := s.ws.Scheme()
	open := s.overlay == overlayTeacher
	d := &assignmentDialog{DocTitle: s.doc.Title, SchemeName: sc.Name, Target: sc.Target, KeySize: len(s.ws.Annotations()),
		Link: s.teacher.link, AppURL: browserURL(), Bounds: boundaryViewOf(s, scopeAssignment, open), s: s}
	if doc := s.assignmentOn(); open && doc != s.doc {
		if key, err := s.keyOn(doc); err == nil {
			d.KeySize = len(key)
		}
	}
	return d
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
		&dialogBoundaries{P: d.Bounds, s: d.s},
		app.FieldSet().ID("as-mode").Body(
			app.Legend().Text("Mode"),
			app.P().Body(
				app.Input().ID("as-mode-graded").Type("radio").Name("as-mode").Value("graded").Checked(true),
				app.Label().For("as-mode-graded").Text(" Graded: the key never leaves you. Students get an assignment without it; you keep it in this browser and in the teacher file, and send each student their feedback from the class dashboard."),
			),
			app.P().Body(
				app.Input().ID("as-mode-practice").Type("radio").Name("as-mode").Value("practice"),
				app.Label().For("as-mode-practice").Text(" Practice: the key travels with the assignment, and students see their feedback as soon as they submit. Honest by design, not secure: anyone can read the key in the file or link, so scores are marked as practice."),
			),
		),
		app.P().Class("dialog-actions").Body(
			app.Button().ID("as-download").Text("Download the assignment file").OnClick(d.onDownload),
			app.Button().ID("as-link").Text("Copy a link").OnClick(d.onLink),
			app.Button().ID("as-close").Text("Close").OnClick(d.onClose),
		),
		d.advice(),
		app.If(d.Link != "", func() app.UI {
			return app.Div().Body(
				app.Label().For("as-link-text").Text("The link (copied; select it to copy it again)"),
				app.Textarea().ID("as-link-text").ReadOnly(true).Rows(3).Text(d.Link),
			)
		}),
	)
}

// advice says where a link points, whether students can open it, how to
// host the app, and when the file is the better way.
func (d *assignmentDialog) advice() app.UI {
	if d.AppURL == "" { // prerendered: the address is the browser's
		return app.Div().ID("as-link-advice").Hidden(true)
	}
	adv := adviseLink(d.AppURL, len(d.Link))
	return app.Div().ID("as-link-advice").DataSet("reachable", fmt.Sprint(adv.Reachable)).Body(
		app.P().ID("as-link-where").Text(adv.Where+" "+map[bool]string{true: "Others can open it if they can reach this address.", false: "Others cannot open it."}[adv.Reachable]),
		app.If(adv.Why != "", func() app.UI { return app.P().ID("as-link-host").Class("warning").Text(adv.Why) }),
		app.If(adv.TooLong != "", func() app.UI { return app.P().ID("as-link-long").Class("warning").Text(adv.TooLong) }),
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
		Mode:         annotations.ModeGraded,
	}
}

func (d *assignmentDialog) onDownload(ctx app.Context, e app.Event) {
	d.s.downloadAssignment(d.withMode(d.input()))
}

// withMode reads the chosen mode into in.
func (d *assignmentDialog) withMode(in assignmentInput) assignmentInput {
	if app.Window().GetElementByID("as-mode-practice").Get("checked").Bool() {
		in.Mode = annotations.ModePractice
	}
	return in
}

func (d *assignmentDialog) onLink(ctx app.Context, e app.Event) {
	d.s.assignmentLink(d.withMode(d.input()), appURL())
}

func (d *assignmentDialog) onClose(ctx app.Context, e app.Event) { d.s.showTeacher(false) }

func (d *assignmentDialog) onClosed(ctx app.Context, e app.Event) { d.s.showTeacher(false) }
