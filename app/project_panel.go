package app

import (
	"fmt"
	"slices"

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
// current one (with the "not done" filter, the tasks not done around it),
// and how many are done.
func projectItems(s *session) (items []taskItem, done int) {
	pm := s.project
	for _, t := range pm.tasks {
		if pm.done[t.ID] {
			done++
		}
	}
	var before []int
	for i := pm.step(pm.current, -1); i >= 0 && len(before) < nearbyTasks; i = pm.step(i, -1) {
		before = append(before, i)
	}
	slices.Reverse(before)
	shown := append(before, pm.current)
	for i := pm.step(pm.current, 1); i >= 0 && len(shown) < len(before)+1+nearbyTasks; i = pm.step(i, 1) {
		shown = append(shown, i)
	}
	for _, i := range shown {
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
	OnlyOpen   bool // the "not done" filter is on
	HasPrev    bool // a previous task (not done, with the filter) exists
	HasNext    bool
	AskOverall bool                // the project asks for one overall stance per task
	Overall    string              // the task's overall stance label, "" when not given
	Labels     []annotations.Label // the project's labels
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
		app.P().Class("task-filter").Body(
			app.Input().Type("checkbox").ID("task-filter-open").Checked(p.OnlyOpen).OnChange(p.onFilter),
			app.Label().For("task-filter-open").Text(" Only tasks not done"),
		),
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
		app.Div().Class("project-actions").Body(
			app.Button().ID("task-prev").Title("Previous task ([)").Disabled(!p.HasPrev).Text("Previous task").OnClick(p.onPrev),
			app.Button().ID("task-next").Title("Next task (])").Disabled(!p.HasNext).Text("Next task").OnClick(p.onNext),
			app.Button().ID("task-done").Aria("pressed", boolString(p.Done)).Text(doneText).OnClick(p.onDone),
			app.Button().ID("submission-download").Text("Download submission").OnClick(p.onSubmission),
			app.Button().ID("dataset-download").Text("Download dataset").OnClick(p.onDataset), // dataset_download.go
			app.Button().ID("project-leave").Text("Leave the project").OnClick(p.onLeave),
		),
	)
}

func (p *projectPanel) onOverall(ctx app.Context, e app.Event) {
	p.s.setOverall(ctx.JSSrc().Get("value").String())
}

func (p *projectPanel) onFilter(ctx app.Context, e app.Event) { p.s.toggleOnlyOpen() }

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
