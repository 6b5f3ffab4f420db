package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stancemark/annotations"
)

// taskItem is one task of the queue as the panel lists it.
type taskItem struct {
	ID      string
	Number  int // 1-based, in the annotator's queue
	Title   string
	Claim   string
	State   string // "done", "in progress" or "not started"
	Current bool
}

// nearbyTasks is how many tasks the panel lists on each side of the one on
// screen: a queue of thousands is walked with [ and ], not scrolled.
const nearbyTasks = 5

// projectItems are the panel's view of the project: the tasks around the
// current one, and how many are done.
func projectItems(s *session) (items []taskItem, done int) {
	pm := s.project
	for _, t := range pm.tasks {
		if pm.done[t.ID] {
			done++
		}
	}
	lo, hi := max(0, pm.current-nearbyTasks), min(len(pm.tasks), pm.current+nearbyTasks+1)
	for i := lo; i < hi; i++ {
		t := pm.tasks[i]
		if pm.docs[i] == nil {
			continue
		}
		items = append(items, taskItem{ID: t.ID, Number: i + 1, Title: pm.docs[i].Title, Claim: pm.claims[i].Text,
			State: s.taskState(pm, t), Current: i == pm.current})
	}
	return items, done
}

// projectPanel is what an annotator sees above a project's task: where
// they are in the queue, the tasks around it, and what to do next.
type projectPanel struct {
	app.Compo

	Title      string
	Annotators []string // the project's list, to choose one's name from
	Annotator  string
	Position   int // 1-based
	Total      int
	DoneCount  int
	Done       bool // the task on screen is marked done
	Tasks      []taskItem
	AskOverall bool                // the project asks for one overall stance per task
	Overall    string              // the task's overall stance label, "" when not given
	Labels     []annotations.Label // the project's labels
	Guidelines string              // the codebook's guidelines, plain text
	Guides     []annotations.LabelGuide
	s          *session
}

func (p *projectPanel) Render() app.UI {
	doneText := "Mark done"
	if p.Done {
		doneText = "Done ✓"
	}
	return app.Section().ID("project-panel").Aria("label", "Project").Body(
		app.H2().ID("project-title").Text("Project: "+p.Title),
		app.P().ID("task-position").Text(fmt.Sprintf("Task %d of %d · %d of %d done", p.Position, p.Total, p.DoneCount, p.Total)),
		app.If(len(p.Annotators) > 0, func() app.UI {
			return app.P().Body(
				app.Label().For("project-annotator").Text("You are "),
				app.Select().ID("project-annotator").OnChange(p.onAnnotator).Body(
					app.Range(p.Annotators).Slice(func(i int) app.UI {
						o := app.Option().Value(p.Annotators[i]).Text(p.Annotators[i])
						if p.Annotators[i] == p.Annotator {
							o = o.Selected(true)
						}
						return o
					}),
				),
			)
		}),
		app.Ol().ID("task-list").Aria("label", "Tasks near this one").OnClick(p.onTask).Body(
			app.Range(p.Tasks).Slice(func(i int) app.UI {
				t := p.Tasks[i]
				li := app.Li().DataSet("task-id", t.ID).DataSet("state", t.State).Attr("value", t.Number)
				if t.Current {
					li = li.Aria("current", "step")
				}
				return li.Body(app.Button().Class("task-open").Text(fmt.Sprintf("%s — %s (%s)", t.Title, t.Claim, t.State)))
			}),
		),
		app.If(p.AskOverall, func() app.UI {
			return app.P().Body(
				app.Label().For("task-overall").Text("Overall stance of the article toward the claim "),
				app.Select().ID("task-overall").OnChange(p.onOverall).Body(
					app.Option().Value("").Text("not given"),
					app.Range(p.Labels).Slice(func(i int) app.UI {
						l := p.Labels[i]
						o := app.Option().Value(l.ID).Text(l.Name)
						if l.ID == p.Overall { // never Selected(false): prerendered, it would select
							o = o.Selected(true)
						}
						return o
					}),
				),
			)
		}),
		app.If(p.Guidelines != "" || len(p.Guides) > 0, func() app.UI { return p.codebook() }),
		app.Div().Class("project-actions").Body(
			app.Button().ID("task-prev").Title("Previous task ([)").Disabled(p.Position <= 1).Text("Previous task").OnClick(p.onPrev),
			app.Button().ID("task-next").Title("Next task (])").Disabled(p.Position >= p.Total).Text("Next task").OnClick(p.onNext),
			app.Button().ID("task-done").Aria("pressed", boolString(p.Done)).Text(doneText).OnClick(p.onDone),
			app.Button().ID("submission-download").Text(p.s.submissionLabel()).OnClick(p.onSubmission), // collect_mode.go
			app.Button().ID("project-leave").Text("Leave the project").OnClick(p.onLeave),
		),
	)
}

// codebook is the project's written guidelines, one key (g) away: plain
// text in paragraphs, and each label's definition and examples.
func (p *projectPanel) codebook() app.UI {
	name := func(id string) string {
		for _, l := range p.Labels {
			if l.ID == id {
				return l.Name
			}
		}
		return id
	}
	paras := strings.Split(strings.TrimSpace(p.Guidelines), "\n\n")
	return app.Details().ID("codebook").Body(
		app.Summary().Text("Codebook (g)"),
		app.Range(paras).Slice(func(i int) app.UI { return app.P().Class("guideline").Text(paras[i]) }),
		app.Dl().Body(
			app.Range(p.Guides).Slice(func(i int) app.UI {
				g := p.Guides[i]
				return app.Div().DataSet("label-id", g.Label).Body(
					app.Dt().Text(name(g.Label)),
					app.Dd().Text(g.Definition),
					app.Range(g.Examples).Slice(func(j int) app.UI { return app.Dd().Class("example").Text("Example: " + g.Examples[j]) }),
				)
			}),
		),
	)
}

func (p *projectPanel) onOverall(ctx app.Context, e app.Event) {
	p.s.setOverall(ctx.JSSrc().Get("value").String())
}

func (p *projectPanel) onPrev(ctx app.Context, e app.Event) { p.s.moveTask(-1) }

func (p *projectPanel) onNext(ctx app.Context, e app.Event) { p.s.moveTask(1) }

func (p *projectPanel) onDone(ctx app.Context, e app.Event) { p.s.toggleDone() }

func (p *projectPanel) onSubmission(ctx app.Context, e app.Event) { p.s.downloadSubmission() }

func (p *projectPanel) onLeave(ctx app.Context, e app.Event) { p.s.leaveProject() }

func (p *projectPanel) onAnnotator(ctx app.Context, e app.Event) {
	p.s.chooseProjectAnnotator(ctx.JSSrc().Get("value").String())
}

// onTask opens the task whose row was clicked (one delegated handler).
func (p *projectPanel) onTask(ctx app.Context, e app.Event) {
	li := e.Get("target").Call("closest", "li[data-task-id]")
	if li.Truthy() {
		p.s.chooseTask(li.Get("dataset").Get("taskId").String())
	}
}
