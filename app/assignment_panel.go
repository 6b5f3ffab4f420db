package app

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stancemark/annotations"
)

// assignmentPanel is what a student sees above the article: the
// assignment's title and instructions, their name, Submit, and after
// submitting (when the teacher allows it) the feedback against the key.
type assignmentPanel struct {
	app.Compo

	Title        string
	Instructions string
	Student      string
	Feedback     *annotations.Feedback
	Labels       []annotations.Label // of the assignment's label set, to name them in the feedback
	Practice     bool                // a practice assignment (feedback at once), else graded
	Sentences    []string            // the article's sentences' text, to quote them in the feedback
	IDs          []string            // their ids
	s            *session
}

func (p *assignmentPanel) Render() app.UI {
	student := "not set"
	if p.Student != "" {
		student = p.Student
	}
	mode := "Graded: hand your file in to your teacher, who will send your feedback once it is graded."
	if p.Practice {
		mode = "Practice: after you submit you see your feedback against the key at once. A file you submit after seeing it is marked \"after feedback\"; your teacher scores the one before."
	}
	return app.Section().ID("assignment-panel").Aria("label", "Assignment").DataSet("mode", map[bool]string{true: "practice", false: "graded"}[p.Practice]).Body(
		app.H2().ID("assignment-title").Text("Assignment: "+p.Title),
		app.P().ID("assignment-mode").Text(mode),
		app.P().ID("assignment-instructions").Text(p.Instructions),
		app.P().Class("assignment-actions").Body(
			app.Span().ID("student-name").Text("Student: "+student+" "),
			app.Button().ID("change-name").Text("Change name").OnClick(p.onName),
			app.Button().ID("submit").Class("primary").Text("Submit").OnClick(p.onSubmit),
			app.Button().ID("student-help").Text("Help").OnClick(p.onHelp),
			app.If(!p.Practice, func() app.UI {
				return app.Span().Body(
					app.Label().Class("button").For("feedback-file").Text("Open your feedback…"),
					app.Input().ID("feedback-file").Type("file").Class("visually-hidden").Accept(".json,application/json").OnChange(p.onFeedbackFile),
				)
			}),
			app.Button().ID("leave-assignment").Text("Leave the assignment").OnClick(p.onLeave),
		),
		p.feedback(),
	)
}

func (p *assignmentPanel) feedback() app.UI {
	f := p.Feedback
	if f == nil {
		return app.Div().ID("feedback").Hidden(true)
	}
	summary := fmt.Sprintf("You agree with the key on %d of its %d tagged sentences", f.Score, f.KeyTagged)
	if f.Accuracy != nil {
		summary += fmt.Sprintf(" (accuracy %.0f%%)", 100**f.Accuracy)
	}
	kappa := "Cohen's kappa against the key: " + f.KappaNote
	if f.Kappa != nil {
		kappa = fmt.Sprintf("Cohen's kappa against the key: %.2f — %s", *f.Kappa, annotations.KappaReading(*f.Kappa))
	}
	var rows []app.UI
	for i, sf := range f.Sentences {
		if sf.Verdict == annotations.Untouched || sf.Verdict == annotations.Agrees {
			continue
		}
		text := sf.Verdict.String()
		switch sf.Verdict {
		case annotations.Differs:
			text = fmt.Sprintf("you said %s, the key says %s", p.labelName(sf.Label), p.labelName(sf.KeyLabel))
		case annotations.Missed:
			text = fmt.Sprintf("you left it untagged, the key says %s", p.labelName(sf.KeyLabel))
		case annotations.Extra:
			text = fmt.Sprintf("you said %s, the key leaves it untagged", p.labelName(sf.Label))
		}
		if sf.KeyNote != "" {
			text += " (key's note: " + sf.KeyNote + ")"
		}
		quote := ""
		if i < len(p.Sentences) {
			quote = truncate(p.Sentences[i], maxQuote)
		}
		rows = append(rows, app.Li().DataSet("sid", sf.SentenceID).DataSet("verdict", sf.Verdict.String()).Body(
			app.Button().Class("feedback-jump").DataSet("index", i).Body(
				app.Span().Class("feedback-n").Text(fmt.Sprintf("Sentence %d", i+1)),
				app.Text(" "),
				app.Span().Class("feedback-quote").Text("“"+quote+"”"),
				app.Text(": "),
				app.Span().Class("feedback-verdict").Text(sf.Verdict.String()+": "+text),
			),
		))
	}
	return app.Div().ID("feedback").Role("region").Aria("label", "Feedback").Body(
		app.H3().Text("Feedback"),
		app.P().ID("feedback-score").Text(fmt.Sprintf("%s: %d agree, %d differ, %d missed, %d extra.", summary, f.Agrees, f.Differs, f.Missed, f.Extra)),
		app.P().ID("feedback-kappa").Text(kappa),
		app.Ul().ID("feedback-legend").Aria("label", "What the outlines on the article mean").Body(
			app.Li().DataSet("verdict", "agrees").Text("Solid green outline: you agree with the key."),
			app.Li().DataSet("verdict", "differs").Text("Dashed orange outline: you and the key chose different labels."),
			app.Li().DataSet("verdict", "missed").Text("Dotted orange outline: the key tags it, you did not."),
			app.Li().DataSet("verdict", "extra").Text("Thin grey dashes: you tagged it, the key does not."),
			app.Li().Text("The number before an outlined sentence is its number in this list. Select an entry to go to its sentence."),
		),
		app.Ul().ID("feedback-list").OnClick(p.onJump).Body(rows...),
	)
}

// onJump selects and shows the sentence of a feedback entry.
func (p *assignmentPanel) onJump(ctx app.Context, e app.Event) {
	b := e.Get("target").Call("closest", "button.feedback-jump")
	if !b.Truthy() {
		return
	}
	i, err := strconv.Atoi(b.Get("dataset").Get("index").String())
	if err != nil {
		return
	}
	p.s.clickSentence(i, false)
	if i < len(p.Sentences) {
		if el := app.Window().GetElementByID("sent-" + p.IDs[i]); el.Truthy() {
			el.Call("scrollIntoView", map[string]any{"block": "center"})
			el.Call("focus", map[string]any{"preventScroll": true})
		}
	}
}

func (p *assignmentPanel) onHelp(ctx app.Context, e app.Event) { p.s.toggleHelp() }

// onFeedbackFile opens the feedback file the teacher sent.
func (p *assignmentPanel) onFeedbackFile(ctx app.Context, e app.Event) {
	s := p.s
	readFirstFile(ctx.JSSrc(), maxOpenBytes, func(name string, data []byte, err error) {
		s.dispatch(func() {
			if err != nil {
				s.fail("Opening the feedback failed: %v", err)
				return
			}
			s.openFeedbackData(name, data)
		})
	})
}

func (p *assignmentPanel) labelName(id string) string {
	for _, l := range p.Labels {
		if l.ID == id {
			return l.Name
		}
	}
	return id
}

func (p *assignmentPanel) onName(ctx app.Context, e app.Event) {
	p.s.askStudentName()
}

func (p *assignmentPanel) onSubmit(ctx app.Context, e app.Event) { p.s.submit() }

func (p *assignmentPanel) onLeave(ctx app.Context, e app.Event) { p.s.leaveAssignment() }

// studentDialog asks a student's name, once.
type studentDialog struct {
	app.Compo

	Name string
	s    *session
}

func (d *studentDialog) Render() app.UI {
	return app.Dialog().ID("student-dialog").Aria("labelledby", "student-dialog-title").On("close", d.onClosed).Body(
		app.H2().ID("student-dialog-title").Text("Your name"),
		app.P().Text("Your teacher sees it on your submission. It is remembered in this browser."),
		app.Label().For("student-input").Text("Name"),
		app.Input().ID("student-input").Type("text").AutoComplete(true).Value(d.Name).OnKeyDown(d.onKeyDown),
		app.Button().ID("student-ok").Text("OK").OnClick(d.onOK),
	)
}

func (d *studentDialog) onOK(ctx app.Context, e app.Event) {
	d.s.setStudent(app.Window().GetElementByID("student-input").Get("value").String())
}

// onKeyDown takes the name on Enter, as the OK button does.
func (d *studentDialog) onKeyDown(ctx app.Context, e app.Event) {
	if e.Get("key").String() != "Enter" || e.Get("isComposing").Bool() {
		return
	}
	e.PreventDefault()
	d.onOK(ctx, e)
}

func (d *studentDialog) onClosed(ctx app.Context, e app.Event) {
	d.s.studentDialogClosed()
}
