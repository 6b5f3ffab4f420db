package app

import (
	"fmt"
	"strings"

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
	Student string // whose work is open next to the key
	Link    string // the feedback link last made for Student
	Made    []madeAssignment
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
	mode := "Graded: the key stays with you. Keep the teacher file (below) in case this browser is lost."
	if r.Assignment.Practice() {
		mode = "Practice: students had the key and saw feedback after submitting, so these are practice scores, not secure grades."
	}
	if !r.Assignment.HasKey() {
		mode = "This copy of the assignment has no key, so there are no scores: open the assignment made in this browser, or your teacher file."
	}
	return app.Main().ID("dashboard").Body(
		head,
		app.H2().ID("dash-assignment-title").Text("Assignment: "+r.Assignment.Title),
		app.P().ID("dash-mode").DataSet("mode", string(r.Assignment.Options.Mode)).Text(mode),
		app.P().Body(
			app.Label().Class("button").For("dash-files").Text("Add submissions…"),
			app.Input().ID("dash-files").Type("file").Multiple(true).Class("visually-hidden").
				Accept(".json,application/json").OnChange(d.onFiles),
			app.Text(" Pick many files at once, or drop them anywhere on the page. "),
			app.Button().ID("dash-change").Text("Another assignment").OnClick(d.onChange),
		),
		app.P().ID("dash-progress").Role("status").Text(d.progress()),
		d.problems(),
		d.students(),
		d.studentWork(),
		d.agreement(),
		&agreementTables{ID: "dash-tables", Report: r.Tables, Labels: r.Assignment.Scheme.Labels, Coders: "students"}, // agreement_tables.go
		app.P().Body(
			app.Button().ID("dash-csv").Text("Download the class CSV").OnClick(d.onCSV),
			app.Button().ID("dash-summary-csv").Text("Download the summary CSV").OnClick(d.onSummaryCSV),
			app.Button().ID("dash-grades-csv").Text("Download the grades CSV (for your LMS)").OnClick(d.onGrades),
			app.Button().ID("dash-teacher-file").Text("Download the teacher file (key and class)").OnClick(d.onTeacherFile),
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
			app.Text(" An assignment file, or your teacher file (key and class)."),
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

// progress counts the files so that the numbers add up: every file is a
// student loaded, another file of a student already loaded, or a file not
// loaded (each listed below).
func (d *dashboardView) progress() string {
	r := d.Report
	students, more, refused := len(r.Students), len(r.Duplicates), len(r.Problems)
	if d.Reading > 0 && d.Read < d.Reading {
		return fmt.Sprintf("Reading files: %d of %d read…", d.Read, d.Reading)
	}
	files := students + more + refused
	if files == 0 {
		return "0 students loaded."
	}
	return fmt.Sprintf("%s in the class: %s loaded, %s of a student already loaded, %s not loaded.",
		plural(files, "file"), plural(students, "student"), plural(more, "other file"), plural(refused, "file"))
}

func (d *dashboardView) problems() app.UI {
	r := d.Report
	if len(r.Problems) == 0 && len(r.Duplicates) == 0 {
		return app.Div().ID("dash-problems-panel").Hidden(true)
	}
	var items []app.UI
	for _, p := range r.Problems {
		items = append(items, app.Li().Body(app.Span().Class("dash-item-text").Text(p.Error()), app.Text(" "), d.removeButton(p.File)))
	}
	var dups []app.UI
	for _, dup := range r.Duplicates {
		text := fmt.Sprintf("%s handed in %s and %s: %s is scored.", dup.Student, dup.Kept, dup.Dropped, dup.Kept)
		if dup.AfterFeedback {
			text = fmt.Sprintf("%s handed in %s after feedback: not scored; %s is.", dup.Student, dup.Dropped, dup.Kept)
		}
		dups = append(dups, app.Li().DataSet("after-feedback", fmt.Sprint(dup.AfterFeedback)).Body(app.Span().Class("dash-item-text").Text(text), app.Text(" "), d.removeButton(dup.Dropped)))
	}
	return app.Section().ID("dash-problems-panel").OnClick(d.onRemove).Body(
		app.If(len(items) > 0, func() app.UI {
			return app.Div().Body(app.H2().Text("Files not loaded"), app.Ul().ID("dash-problems").Body(items...))
		}),
		app.If(len(dups) > 0, func() app.UI {
			return app.Div().Body(app.H2().Text("Handed in more than once (work from before feedback is scored)"), app.Ul().ID("dash-duplicates").Body(dups...))
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
	accuracy := "Accuracy vs key"
	if r.Assignment.Practice() {
		accuracy = "Accuracy vs key (practice)"
	}
	return app.Section().Body(
		app.H2().Text("Students"),
		app.Table().ID("dash-students").OnClick(d.onStudentAction).Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text("Student"),
				app.Th().Scope("col").Text("Sentences tagged"),
				app.Th().Scope("col").Text(accuracy),
				app.Th().Scope("col").Text("Kappa vs key"),
				app.Th().Scope("col").Text("Notes"),
				app.Th().Scope("col").Text("Marks"),
				app.Th().Scope("col").Text("Work"),
			)),
			app.TBody().Body(app.Range(r.Students).Slice(func(i int) app.UI {
				st := r.Students[i]
				var marks []string
				if len(st.AfterFeedback) > 0 {
					marks = append(marks, fmt.Sprintf("after feedback: %s not scored", strings.Join(st.AfterFeedback, ", ")))
				}
				for _, f := range st.Flags {
					marks = append(marks, "differs in "+f)
				}
				if r.Assignment.Practice() && st.Accuracy != nil {
					marks = append(marks, "practice score")
				}
				return app.Tr().DataSet("student", st.Name).DataSet("after-feedback", fmt.Sprint(len(st.AfterFeedback) > 0)).DataSet("flagged", fmt.Sprint(len(st.Flags) > 0)).Body(
					app.Th().Scope("row").Text(st.Name),
					app.Td().Text(st.Tagged),
					app.Td().Class("dash-accuracy").Text(percent(st.Accuracy)),
					app.Td().Text(decimal(st.Kappa)),
					app.Td().Text(st.Notes),
					app.Td().Class("dash-marks").Text(strings.Join(marks, "; ")),
					app.Td().Body(
						app.Button().Class("dash-open").DataSet("student", st.Name).Text("Open "+st.Name+"'s work"),
						d.removeButton(st.File),
					),
				)
			})),
		),
	)
}

// removeButton takes the file name out of the class.
func (d *dashboardView) removeButton(file string) app.UI {
	return app.Button().Class("dash-remove").DataSet("file", file).Aria("label", "Remove "+file).Text("Remove")
}

// studentWork is one student's work on the article next to the key, with
// their notes.
func (d *dashboardView) studentWork() app.UI {
	r := d.Report
	var sub *annotations.Submission
	for _, s := range r.Submissions {
		if s.Student == d.Student {
			sub = s
		}
	}
	if sub == nil {
		return app.Div().ID("dash-work").Hidden(true)
	}
	notes := map[string]string{}
	for _, h := range sub.Export.Annotations {
		if h.Note != "" && len(h.SentenceIDs) > 0 {
			notes[h.SentenceIDs[0]] = h.Note
		}
	}
	name := func(id string) string {
		if l, ok := r.Assignment.Scheme.Label(id); ok {
			return l.Name
		}
		return "untagged"
	}
	rows := make([]app.UI, 0, len(r.Sentences))
	for i, row := range r.Sentences {
		sf := sub.Feedback.Sentences[i]
		if sf.Label == "" && sf.KeyLabel == "" {
			continue
		}
		rows = append(rows, app.Tr().DataSet("sid", row.ID).DataSet("verdict", sf.Verdict.String()).Body(
			app.Th().Scope("row").Text(fmt.Sprintf("%d", i+1)),
			app.Td().Text(truncate(row.Text, maxQuote)),
			app.Td().Class("dash-work-label").Text(name(sf.Label)),
			app.Td().Text(name(sf.KeyLabel)),
			app.Td().Text(sf.Verdict.String()),
			app.Td().Class("dash-work-note").Text(notes[row.ID]),
		))
	}
	return app.Section().ID("dash-work").Aria("label", sub.Student+"'s work").Body(
		app.H2().Text(fmt.Sprintf("%s's work (%s), next to the key", sub.Student, sub.File)),
		app.P().Class("dash-work-actions").Body(
			app.Button().ID("dash-feedback-file").Disabled(!r.Assignment.HasKey()).Text("Download "+sub.Student+"'s feedback").OnClick(d.onFeedbackFile),
			app.Button().ID("dash-feedback-link").Disabled(!r.Assignment.HasKey()).Text("Copy "+sub.Student+"'s feedback link").OnClick(d.onFeedbackLink),
			app.Button().ID("dash-work-close").Text("Close").OnClick(d.onCloseWork),
		),
		app.If(d.Link != "", func() app.UI {
			return app.Div().Body(
				app.Label().For("dash-feedback-link-text").Text("The feedback link (copied; send it to "+sub.Student+" only: it holds the key)"),
				app.Textarea().ID("dash-feedback-link-text").ReadOnly(true).Rows(2).Text(d.Link),
			)
		}),
		app.Table().Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text("Sentence"), app.Th().Scope("col").Text("Text"),
				app.Th().Scope("col").Text(sub.Student), app.Th().Scope("col").Text("Key"),
				app.Th().Scope("col").Text("Verdict"), app.Th().Scope("col").Text("Note"),
			)),
			app.TBody().Body(rows...),
		),
	)
}

// onStudentAction opens a student's work or removes a file.
func (d *dashboardView) onStudentAction(ctx app.Context, e app.Event) {
	t := e.Get("target")
	if b := t.Call("closest", "button.dash-open"); b.Truthy() {
		d.s.dashOpenStudent(b.Get("dataset").Get("student").String())
		return
	}
	d.onRemove(ctx, e)
}

// onRemove takes the file of a Remove button out of the class.
func (d *dashboardView) onRemove(ctx app.Context, e app.Event) {
	if b := e.Get("target").Call("closest", "button.dash-remove"); b.Truthy() {
		d.s.dashRemove(b.Get("dataset").Get("file").String())
	}
}

func (d *dashboardView) onCloseWork(ctx app.Context, e app.Event) { d.s.dashOpenStudent("") }

func (d *dashboardView) onFeedbackFile(ctx app.Context, e app.Event) {
	d.s.dashFeedback(d.Student, false)
}

func (d *dashboardView) onFeedbackLink(ctx app.Context, e app.Event) {
	d.s.dashFeedback(d.Student, true)
}

func (d *dashboardView) onGrades(ctx app.Context, e app.Event) { d.s.dashGrades() }

func (d *dashboardView) onTeacherFile(ctx app.Context, e app.Event) { d.s.dashTeacherFile() }

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
			if strings.Contains(string(data[:min(len(data), 200)]), `"stancemark-class/`) {
				s.dashClassData(name, data)
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
