package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stancemark/annotations"
)

// madeAssignment is an assignment made in this browser, offered to the dashboard.
type madeAssignment struct{ ID, Title string }

// dashboardView is the teacher's class dashboard: submissions in, the class
// table, agreement, the article with each sentence's label distribution,
// the sentences that split the class, per-label totals, CSV out.
type dashboardView struct {
	app.Compo

	Report  *annotations.ClassReport
	Reading int
	Read    int
	Failed  []string
	Made    []madeAssignment
	Live    string // changes with the collection read live, so the panel updates (collect_panel.go)
	s       *session
}

func (d *dashboardView) Render() app.UI {
	head := app.Div().Class("dash-head").Body(
		app.H1().Text("Class dashboard"),
		app.Button().ID("dash-back").Text("Back to annotating").OnClick(d.onBack),
	)
	if d.Report == nil {
		return app.Main().ID("dashboard").Body(head, d.chooser())
	}
	r := d.Report
	return app.Main().ID("dashboard").Body(
		head,
		app.H2().ID("dash-assignment-title").Text("Assignment: "+r.Assignment.Title),
		app.P().Body(
			app.Label().Class("button").For("dash-files").Text("Add submissions…"),
			app.Input().ID("dash-files").Type("file").Multiple(true).Class("visually-hidden").
				Accept(".json,application/json").OnChange(d.onFiles),
			app.Text(" Pick many files at once, or drop them anywhere on the page. "),
			app.Button().ID("dash-change").Text("Another assignment").OnClick(d.onChange),
		),
		app.P().ID("dash-progress").Role("status").Text(d.progress()),
		d.s.collectPanel(), // a collection read live, with -collect (collect_panel.go)
		d.problems(),
		d.students(),
		d.agreement(),
		app.P().Body(
			app.Button().ID("dash-csv").Text("Download the class CSV").OnClick(d.onCSV),
			app.Button().ID("dash-summary-csv").Text("Download the summary CSV").OnClick(d.onSummaryCSV),
		),
		labelChart(r),
		d.disagreement(),
		d.article(),
	)
}

func (d *dashboardView) chooser() app.UI {
	return app.Section().ID("dash-choose").Body(
		app.P().Text("Choose the assignment whose submissions you will load (its answer key, if any, is used for the scores)."),
		app.P().Body(
			app.Label().Class("button").For("dash-assignment-file").Text("Open an assignment file…"),
			app.Input().ID("dash-assignment-file").Type("file").Class("visually-hidden").
				Accept(".json,application/json").OnChange(d.onAssignmentFile),
		),
		app.If(len(d.Made) > 0, func() app.UI {
			return app.Div().Body(
				app.H2().Text("Assignments made in this browser"),
				app.Ul().ID("dash-made").Body(
					app.Range(d.Made).Slice(func(i int) app.UI {
						m := d.Made[i]
						return app.Li().Body(app.Button().Class("dash-made").DataSet("assignment-id", m.ID).
							Text(m.Title).OnClick(d.onMade, app.EventScope(m.ID)))
					}),
				),
			)
		}),
	)
}

func (d *dashboardView) progress() string {
	n := len(d.Report.Students)
	text := fmt.Sprintf("%d students loaded", n)
	if d.Reading > 0 {
		text = fmt.Sprintf("Read %d of %d files; %s", d.Read, d.Reading, text)
	}
	return text + "."
}

func (d *dashboardView) problems() app.UI {
	r := d.Report
	if len(r.Problems) == 0 && len(r.Duplicates) == 0 && len(d.Failed) == 0 {
		return app.Div().ID("dash-problems-panel").Hidden(true)
	}
	var items []app.UI
	for _, f := range d.Failed {
		items = append(items, app.Li().Text(f))
	}
	for _, p := range r.Problems {
		items = append(items, app.Li().Text(p.Error()))
	}
	var dups []app.UI
	for _, dup := range r.Duplicates {
		dups = append(dups, app.Li().Text(fmt.Sprintf("%s handed in %s and %s: %s is kept.", dup.Student, dup.Kept, dup.Dropped, dup.Kept)))
	}
	return app.Section().ID("dash-problems-panel").Body(
		app.If(len(items) > 0, func() app.UI {
			return app.Div().Body(app.H2().Text("Files not loaded"), app.Ul().ID("dash-problems").Body(items...))
		}),
		app.If(len(dups) > 0, func() app.UI {
			return app.Div().Body(app.H2().Text("Handed in more than once (the newest is kept)"), app.Ul().ID("dash-duplicates").Body(dups...))
		}),
	)
}

// percent shows an optional 0..1 value as a percentage.
func percent(v *float64) string {
	if v == nil {
		return "—"
	}
	return fmt.Sprintf("%.0f%%", 100**v)
}

// decimal shows an optional value with two decimals.
func decimal(v *float64) string {
	if v == nil {
		return "—"
	}
	return fmt.Sprintf("%.2f", *v)
}

func (d *dashboardView) students() app.UI {
	r := d.Report
	return app.Section().Body(
		app.H2().Text("Students"),
		app.Table().ID("dash-students").Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text("Student"),
				app.Th().Scope("col").Text("Sentences tagged"),
				app.Th().Scope("col").Text("Accuracy vs key"),
				app.Th().Scope("col").Text("Kappa vs key"),
				app.Th().Scope("col").Text("Notes"),
			)),
			app.TBody().Body(app.Range(r.Students).Slice(func(i int) app.UI {
				st := r.Students[i]
				return app.Tr().DataSet("student", st.Name).Body(
					app.Th().Scope("row").Text(st.Name),
					app.Td().Text(st.Tagged),
					app.Td().Text(percent(st.Accuracy)),
					app.Td().Text(decimal(st.Kappa)),
					app.Td().Text(st.Notes),
				)
			})),
		),
	)
}

func (d *dashboardView) agreement() app.UI {
	r := d.Report
	fleiss := "Fleiss' kappa: " + r.FleissNote
	if r.FleissKappa != nil {
		fleiss = fmt.Sprintf("Fleiss' kappa: %.3f. %s", *r.FleissKappa, r.FleissReading)
	}
	alpha := "Krippendorff's alpha: " + r.AlphaNote
	if r.KrippendorffAlpha != nil {
		alpha = fmt.Sprintf("Krippendorff's alpha: %.3f. %s", *r.KrippendorffAlpha, r.AlphaReading)
	}
	ac1 := "Gwet's AC1: " + r.AC1Note
	if r.GwetAC1 != nil {
		ac1 = fmt.Sprintf("Gwet's AC1: %.3f.", *r.GwetAC1)
	}
	return app.Section().ID("dash-agreement").Body(
		app.H2().Text("Class agreement"),
		app.P().ID("dash-units").Text(agreementUnits(r)),
		app.P().ID("dash-fleiss").Text(fleiss),
		app.P().ID("dash-alpha").Text(alpha),
		app.P().ID("dash-ac1").Text(ac1),
		app.If(r.Reading != "", func() app.UI {
			return app.P().ID("dash-reading").Text("Which to read: " + r.Reading)
		}),
	)
}

// agreementUnits says which sentences the class agreement counts.
func agreementUnits(r *annotations.ClassReport) string {
	if r.Units == 1 {
		return "Computed over the 1 sentence at least one student tagged (sentences nobody tagged are left out, as in stancemark agree)."
	}
	return fmt.Sprintf("Computed over the %d sentences at least one student tagged (sentences nobody tagged are left out, as in stancemark agree).", r.Units)
}

func (d *dashboardView) disagreement() app.UI {
	rows := d.Report.ByDisagreement()
	if len(rows) > 10 {
		rows = rows[:10]
	}
	return app.Section().Body(
		app.H2().Text("Discussion starters: the sentences that split the class"),
		app.Ol().ID("dash-disagreement").Body(app.Range(rows).Slice(func(i int) app.UI {
			row := rows[i]
			return app.Li().DataSet("sid", row.ID).Body(
				app.Span().Class("dash-dis").Text(fmt.Sprintf("%.0f%% disagree", 100*row.Disagreement)),
				app.Text(" "),
				app.Span().Class("dash-text").Text(truncate(row.Text, maxQuote)),
			)
		})),
	)
}

func (d *dashboardView) article() app.UI {
	r := d.Report
	var paras [][]app.UI
	for _, row := range r.Sentences {
		for len(paras) <= row.Paragraph {
			paras = append(paras, nil)
		}
		key := ""
		if l, ok := r.Assignment.Scheme.Label(row.Key); ok {
			key = "key: " + l.Name
		}
		paras[row.Paragraph] = append(paras[row.Paragraph], app.Div().Class("dash-sentence").DataSet("sid", row.ID).Body(
			distributionBar(r, row),
			app.Span().Class("dash-text").Text(row.Text),
			app.If(key != "", func() app.UI { return app.Span().Class("dash-key").Text(key) }),
		))
	}
	body := make([]app.UI, len(paras))
	for i, p := range paras {
		body[i] = app.Div().Class("dash-para").Body(p...)
	}
	return app.Section().ID("dash-article").Body(
		app.H2().Text("How the class labelled each sentence"),
		app.Div().Body(body...),
	)
}

func (d *dashboardView) onBack(ctx app.Context, e app.Event) { d.s.showDashboard(false) }

func (d *dashboardView) onChange(ctx app.Context, e app.Event) {
	d.s.changeClassAssignment()
}

func (d *dashboardView) onMade(ctx app.Context, e app.Event) {
	d.s.dashAssignmentID(ctx.JSSrc().Get("dataset").Get("assignmentId").String())
}

func (d *dashboardView) onAssignmentFile(ctx app.Context, e app.Event) {
	s := d.s
	readFirstFile(ctx.JSSrc(), maxOpenBytes, func(name string, data []byte, err error) {
		s.dispatch(func() {
			if err != nil {
				s.fail("Opening the assignment failed: %v", err)
				return
			}
			s.dashAssignmentData(name, data)
		})
	})
}

func (d *dashboardView) onFiles(ctx app.Context, e app.Event) {
	s := d.s
	n := readAllFiles(ctx.JSSrc(), maxOpenBytes, func(name string, data []byte, err error) {
		s.dispatch(func() { s.dashAdd(name, data, err) })
	})
	s.dashExpect(n)
}

func (d *dashboardView) onCSV(ctx app.Context, e app.Event) { d.s.dashCSV(false) }

func (d *dashboardView) onSummaryCSV(ctx app.Context, e app.Event) { d.s.dashCSV(true) }
