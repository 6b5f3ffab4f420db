package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stancemark/annotations"
)

// adjudicateView is the Adjudicate view: the annotators' files in, the
// task on screen with its disagreements first (each annotator's label and
// note side by side, the votes, the gold label and where it comes from)
// and its agreed units collapsed, the agreement, the gold file out. Every
// text in it (sentences, notes, reasons, names) is rendered as text.
type adjudicateView struct {
	app.Compo

	Kept        []adjListed // adjudications kept in this browser
	Waiting     int         // submissions waiting for their project
	Open        bool
	Title       string
	Project     bool // of a project (else of one document)
	Adjudicator string
	Policy      string
	None        bool
	Save        saveStatus
	Labels      []annotations.Label
	Annotators  []adjAnnotatorItem
	Counts      string
	Pending     int
	Agreement   adjAgreementItem
	Tables      *annotations.AgreementReport
	Task        adjTaskItem
	Draft       string
	Live        string // what the collection panel shows (projectLiveKey)
	s           *session
}

func (v *adjudicateView) Render() app.UI {
	head := app.Div().Class("dash-head").Body(
		app.H1().ID("adj-heading").TabIndex(-1).Text("Adjudicate"),
		app.Button().ID("adj-back").Text("Back to annotating").OnClick(v.onBack),
	)
	files := app.P().Body(
		app.Label().Class("button").For("adj-files").Text("Open files…"),
		app.Input().ID("adj-files").Type("file").Multiple(true).Class("visually-hidden").
			Accept(".json,application/json").OnChange(v.onFiles),
		app.Text(" A project and its annotators' submissions, or several annotators' exports of one document, or a gold file to go on with; or drop them anywhere on the page."),
	)
	if !v.Open {
		return app.Main().ID("adjudicate").Body(head, files, v.kept())
	}
	return app.Main().ID("adjudicate").Body(
		head,
		app.H2().ID("adj-title").Text(map[bool]string{true: "Project: ", false: "Document: "}[v.Project]+v.Title),
		files,
		app.If(v.Project, func() app.UI { return v.s.projectCollectPanel() }), // with -collect (collect_panel.go)
		v.settings(),
		v.annotators(),
		app.P().ID("adj-counts").Role("status").Text(v.Counts),
		app.P().Body(
			app.Button().ID("adj-export").Title("Download the gold file (e)").Text("Download gold file").OnClick(v.onExport),
			app.Text(" "),
			app.Button().ID("adj-close").Text("Another adjudication").OnClick(v.onClose),
		),
		v.task(),
		app.P().Class("adj-keys").Text("Keys: j / ↓ next disagreement, k / ↑ previous, ] and [ next and previous task, 1–9 set the gold label, a accept the majority, 0 withdraw the decision, r write the reason (Ctrl+Enter or Esc to finish), e download the gold file."),
		v.agreement(),
		&agreementTables{ID: "adj-tables", Report: v.Tables, Labels: v.Labels, Coders: "annotators"},
	)
}

// kept lists the adjudications kept in this browser, to go on with.
func (v *adjudicateView) kept() app.UI {
	return app.Section().ID("adj-choose").Body(
		app.If(v.Waiting > 0, func() app.UI {
			return app.P().ID("adj-waiting").Text(fmt.Sprintf("%s waiting for their project file.", plural(v.Waiting, "submission")))
		}),
		app.If(len(v.Kept) > 0, func() app.UI {
			return app.Div().Body(
				app.H2().Text("Adjudications kept in this browser"),
				app.Ul().ID("adj-kept").Body(app.Range(v.Kept).Slice(func(i int) app.UI {
					k := v.Kept[len(v.Kept)-1-i]
					return app.Li().Body(app.Button().Class("adj-kept").DataSet("scope", k.Scope).Text(k.Title).OnClick(v.onKept, app.EventScope(k.Scope)))
				})),
			)
		}),
	)
}

func (v *adjudicateView) settings() app.UI {
	state, text := v.Save.shown()
	return app.Div().Class("adj-settings").Body(
		app.Label().For("adj-name").Text("Adjudicator "),
		app.Input().ID("adj-name").Type("text").AutoComplete(false).Placeholder("your name").Value(v.Adjudicator).OnChange(v.onName),
		app.Label().For("adj-policy").Text(" Policy "),
		app.Select().ID("adj-policy").OnChange(v.onPolicy).Body(
			app.Range(annotations.GoldPolicies).Slice(func(i int) app.UI {
				p := string(annotations.GoldPolicies[i])
				o := app.Option().Value(p).Text(p)
				if p == v.Policy { // never Selected(false): prerendered, it would select
					o = o.Selected(true)
				}
				return o
			}),
		),
		app.Label().Class("adj-none").Body(
			v.noneBox(),
			app.Text(` count an untagged sentence as a vote for "none"`),
		),
		app.Span().ID("adj-save").Role("status").DataSet("state", state).Text(text),
	)
}

// noneBox is the -none checkbox; never Checked(false), which renders
// checked="false" (checked).
func (v *adjudicateView) noneBox() app.UI {
	box := app.Input().ID("adj-none").Type("checkbox").OnChange(v.onNone)
	if v.None {
		box = box.Checked(true)
	}
	return box
}

func (v *adjudicateView) annotators() app.UI {
	return app.Section().Aria("labelledby", "adj-annotators-title").Body(
		app.H2().ID("adj-annotators-title").Text(fmt.Sprintf("Annotators (%d)", len(v.Annotators))),
		app.Ul().ID("adj-annotators").Body(app.Range(v.Annotators).Slice(func(i int) app.UI {
			an := v.Annotators[i]
			return app.Li().DataSet("annotator", an.Name).Body(
				app.Text(an.Name+" ("+an.File+") "),
				app.Button().Class("adj-remove").Aria("label", "Remove "+an.Name+"'s work").Text("Remove").OnClick(v.onRemove, app.EventScope(an.Name)),
			)
		})),
	)
}

func (v *adjudicateView) agreement() app.UI {
	g := v.Agreement
	if g.Missing != "" {
		return app.Section().ID("adj-agreement").Body(app.H2().Text("Agreement"), app.P().ID("adj-units-used").Text(g.Missing))
	}
	return app.Section().ID("adj-agreement").Body(
		app.H2().Text("Agreement"),
		app.P().ID("adj-units-used").Text(g.Units),
		app.P().ID("adj-ac1").Text(g.AC1),
		app.P().ID("adj-kappa").Text(g.Kappa),
		app.P().ID("adj-alpha").Text(g.Alpha),
		app.If(g.Reading != "", func() app.UI { return app.P().ID("adj-reading").Text("Which to read: " + g.Reading) }),
	)
}

func (v *adjudicateView) task() app.UI {
	t := v.Task
	if t.Count == 0 {
		return app.Section().ID("adj-task-panel").Body(app.P().Text("Nobody has tagged anything yet: add the annotators' work."))
	}
	where := fmt.Sprintf("Task %d of %d: %s", t.Number, t.Count, t.Title)
	if !v.Project {
		where = fmt.Sprintf("Claim %d of %d: %s", t.Number, t.Count, t.Title)
	}
	return app.Section().ID("adj-task-panel").Aria("labelledby", "adj-task").Body(
		app.H2().ID("adj-task").TabIndex(-1).Text(where),
		app.If(t.Claim != "", func() app.UI { return app.P().ID("adj-claim").Text("Claim: " + t.Claim) }),
		app.P().ID("adj-task-pending").Text(fmt.Sprintf("In this task %s; %d in all.", pendingOf(t.Pending), v.Pending)),
		app.Div().Class("project-actions").Body(
			app.Button().ID("adj-prev-task").Title("Previous task ([)").Disabled(t.Number <= 1).Text("Previous task").OnClick(v.onPrevTask),
			app.Button().ID("adj-next-task").Title("Next task (])").Disabled(t.Number >= t.Count).Text("Next task").OnClick(v.onNextTask),
		),
		app.H3().ID("adj-units-title").Text(fmt.Sprintf("Disagreements (%d)", len(t.Disagreements))),
		app.Ol().ID("adj-units").Aria("labelledby", "adj-units-title").OnClick(v.onUnit).Body(
			app.Range(t.Disagreements).Slice(func(i int) app.UI { return v.unit(t.Disagreements[i]) }),
		),
		app.Details().ID("adj-agreed").Body(
			app.Summary().Text(fmt.Sprintf("Agreed, accepted automatically (%d)", len(t.Agreed))),
			app.Ol().ID("adj-agreed-units").Aria("label", "Agreed units").OnClick(v.onUnit).Body(
				app.Range(t.Agreed).Slice(func(i int) app.UI { return v.unit(t.Agreed[i]) }),
			),
		),
	)
}

// pendingOf is "2 labels need a decision".
func pendingOf(n int) string {
	if n == 1 {
		return "1 label needs a decision"
	}
	return fmt.Sprintf("%d labels need a decision", n)
}

// unit is the row of one gold unit.
func (v *adjudicateView) unit(it adjUnitItem) app.UI {
	li := app.Li().Class("adj-unit").TabIndex(-1).DataSet("unit", strings.ReplaceAll(it.Key, "\n", "/")).DataSet("sid", it.SID).
		DataSet("source", it.Source).DataSet("label", it.Label).DataSet("tie", boolString(it.Tie)).DataSet("stale", boolString(it.Stale))
	if it.Current {
		li = li.ID("adj-current").Aria("current", "true")
	}
	head := it.SID + " · " + it.Text
	if it.SID == "overall" {
		head = it.Text
	}
	votes := it.Votes
	if it.Tie {
		votes += " · tie"
	}
	return li.Body(
		app.P().Class("adj-text").Text(head),
		app.P().Class("adj-votes").Text(votes),
		app.Table().Class("adj-cast").Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text("Annotator"),
				app.Th().Scope("col").Text("Label"),
				app.Th().Scope("col").Text("Note"),
			)),
			app.TBody().Body(app.Range(it.Cast).Slice(func(i int) app.UI {
				c := it.Cast[i]
				return app.Tr().DataSet("annotator", c.Annotator).Body(
					app.Th().Scope("row").Text(c.Annotator),
					app.Td().Class("adj-cast-label").Text(c.Label),
					app.Td().Class("adj-cast-note").Text(c.Note),
				)
			})),
		),
		app.P().Class("adj-gold").Text(it.goldText()),
		app.If(it.Current, func() app.UI { return v.decide(it) }),
	)
}

// decide is the current unit's controls: a label button per label, accept
// the majority, withdraw, and the reason.
func (v *adjudicateView) decide(it adjUnitItem) app.UI {
	reason, placeholder := v.Draft, "why this label"
	if it.Source == string(annotations.SourceAdjudicated) {
		reason = it.Reason
		if it.AutoReason { // typing replaces what the app wrote
			reason, placeholder = "", it.Reason
		}
	}
	return app.Div().Class("adj-decide").Body(
		app.Div().Class("adj-labels").Body(app.Range(v.Labels).Slice(func(i int) app.UI {
			l := v.Labels[i]
			text := l.Name
			if l.Key != "" {
				text = l.Key + " " + l.Name
			}
			b := app.Button().Class("adj-label").DataSet("label-id", l.ID).Text(text).OnClick(v.onLabel, app.EventScope(it.Key+"\n"+l.ID))
			if l.ID == it.Label && it.Source == string(annotations.SourceAdjudicated) {
				b = b.Aria("pressed", "true")
			}
			return b
		})),
		app.Button().ID("adj-accept").Title("Accept the majority (a)").Text("Accept majority").OnClick(v.onAccept),
		app.Button().ID("adj-withdraw").Title("Withdraw the decision (0)").Disabled(it.Source != string(annotations.SourceAdjudicated)).Text("Withdraw").OnClick(v.onWithdraw),
		app.Label().For("adj-reason").Text("Reason (r)"),
		app.Textarea().ID("adj-reason").Rows(2).Placeholder(placeholder).Text(reason).OnChange(v.onReason),
	)
}

func (v *adjudicateView) onBack(ctx app.Context, e app.Event) { v.s.leaveAdjudicate() }

func (v *adjudicateView) onClose(ctx app.Context, e app.Event) { v.s.closeAdjudication() }

func (v *adjudicateView) onExport(ctx app.Context, e app.Event) { v.s.adjExport() }

func (v *adjudicateView) onPrevTask(ctx app.Context, e app.Event) { v.s.adjMoveGroup(-1) }

func (v *adjudicateView) onNextTask(ctx app.Context, e app.Event) { v.s.adjMoveGroup(1) }

func (v *adjudicateView) onAccept(ctx app.Context, e app.Event) { v.s.adjAccept() }

func (v *adjudicateView) onWithdraw(ctx app.Context, e app.Event) { v.s.adjWithdraw() }

func (v *adjudicateView) onLabel(ctx app.Context, e app.Event) {
	v.s.adjDecide(ctx.JSSrc().Get("dataset").Get("labelId").String())
}

func (v *adjudicateView) onReason(ctx app.Context, e app.Event) {
	v.s.adjSetReason(ctx.JSSrc().Get("value").String())
}

func (v *adjudicateView) onName(ctx app.Context, e app.Event) {
	name := ctx.JSSrc().Get("value").String()
	v.s.adjSettings(func(r *adjRecord) { r.Adjudicator = name })
}

func (v *adjudicateView) onPolicy(ctx app.Context, e app.Event) {
	p := annotations.GoldPolicy(ctx.JSSrc().Get("value").String())
	v.s.adjSettings(func(r *adjRecord) { r.Policy = p })
}

func (v *adjudicateView) onNone(ctx app.Context, e app.Event) {
	on := ctx.JSSrc().Get("checked").Bool()
	v.s.adjSettings(func(r *adjRecord) { r.None = on })
}

func (v *adjudicateView) onRemove(ctx app.Context, e app.Event) {
	li := e.Get("target").Call("closest", "li[data-annotator]")
	if li.Truthy() {
		v.s.adjRemove(li.Get("dataset").Get("annotator").String())
	}
}

func (v *adjudicateView) onKept(ctx app.Context, e app.Event) {
	s := v.s
	s.openAdjudication(ctx.JSSrc().Get("dataset").Get("scope").String(), func(ok bool) {
		if ok {
			s.refresh()
		}
	})
}

// onUnit puts the cursor on the row clicked (one delegated handler), unless
// a control inside the row was clicked.
func (v *adjudicateView) onUnit(ctx app.Context, e app.Event) {
	target := e.Get("target")
	if target.Call("closest", "button, textarea, input, select").Truthy() {
		return
	}
	if li := target.Call("closest", "li[data-unit]"); li.Truthy() {
		v.s.adjChoose(strings.ReplaceAll(li.Get("dataset").Get("unit").String(), "/", "\n")) // ids hold no "/"
	}
}

func (v *adjudicateView) onFiles(ctx app.Context, e app.Event) {
	s := v.s
	readAllFiles(ctx.JSSrc(), maxOpenBytes, func(name string, data []byte, err error) {
		s.dispatch(func() { s.adjDropped(name, data, err) })
	})
}
