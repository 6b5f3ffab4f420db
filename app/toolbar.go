package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stancemark/annotations"
)

// schemeChoice is one entry of the label-set menu.
type schemeChoice struct{ ID, Name string }

func schemeChoices(schemes []annotations.Scheme) []schemeChoice {
	c := make([]schemeChoice, len(schemes))
	for i, s := range schemes {
		c[i] = schemeChoice{s.ID, s.Name}
	}
	return c
}

// toolbar is the top bar: label set, annotator, undo/redo, export, import,
// help, and the save status.
type toolbar struct {
	app.Compo

	Schemes      []schemeChoice
	Active       string
	Annotator    string
	CanUndo      bool
	CanRedo      bool
	Save         saveStatus
	Format       string
	Assignment   bool // a student is doing an assignment
	MenuOpen     bool // narrow screens: the menu of the rest of the bar is open
	Project      bool // a research project's task: no label sets nor classroom
	ProjectNamed bool // the project names its annotators (in its panel): no name field here
	Boundaries   bool // the open document's sentences can be fixed (boundary_edit.go)
	s            *session
}

func (t *toolbar) Render() app.UI {
	saveState, saveText := t.Save.shown()
	head := app.Header().Class("toolbar")
	if t.Assignment {
		// a student's chrome (issue 17): the assignment panel has their
		// name, Submit and help; no label sets, second name field,
		// formats, import or classroom buttons
		head = head.DataSet("role", "student")
		return head.Body(
			app.A().Class("skip").Href("#sentences").Text("Skip to the article").OnClick(t.onSkip),
			app.Span().Class("brand").Text("Stancemark"),
			app.Button().ID("undo").Title("Undo (u, Ctrl+Z)").Disabled(!t.CanUndo).Text("Undo").OnClick(t.onUndo),
			app.Button().ID("redo").Title("Redo (Ctrl+Shift+Z)").Disabled(!t.CanRedo).Text("Redo").OnClick(t.onRedo),
			app.Button().ID("help-button").Title("Keyboard shortcuts (?)").Text("Keys ?").OnClick(t.onHelp),
			app.Span().ID("save-status").Role("status").DataSet("state", saveState).Text(saveText),
		)
	}
	if t.Project {
		head = head.DataSet("role", "research")
	}
	return head.Body(
		app.A().Class("skip").Href("#sentences").Text("Skip to the article").OnClick(t.onSkip),
		app.Span().Class("brand").Text("Stancemark"),
		app.Button().ID("library-button").Title("Your documents: open, add, paste, rename, delete").Text("Documents").OnClick(t.onLibrary),
		// narrow or zoomed screens: one row, the rest behind this menu (CSS)
		app.Button().ID("menu-button").Aria("expanded", boolString(t.MenuOpen)).Aria("controls", "toolbar-more").
			Text("Menu").OnClick(t.onMenu),
		app.Span().ID("save-status").Role("status").DataSet("state", saveState).Text(saveText),
		t.more(),
	)
}

// more is everything of the bar but the documents and the save status: in
// the row on wide screens, behind the Menu button on narrow ones.
func (t *toolbar) more() app.UI {
	return app.Div().ID("toolbar-more").Class("toolbar-more").DataSet("open", boolString(t.MenuOpen)).Body(
		// a project fixes its label set, and names its annotators in its panel
		app.If(!t.Project, func() app.UI { return t.schemeMenu() }),
		app.If(!t.ProjectNamed, func() app.UI {
			return app.Span().Class("name-field").Body(
				app.Label().For("annotator").Text("Your name"),
				app.Input().ID("annotator").Aria("label", "Your name").Type("text").AutoComplete(false).Placeholder("annotator").
					Value(t.Annotator).OnChange(t.onAnnotator),
			)
		}),
		app.Button().ID("undo").Title("Undo (u, Ctrl+Z)").Disabled(!t.CanUndo).Text("Undo").OnClick(t.onUndo),
		app.Button().ID("redo").Title("Redo (Ctrl+Shift+Z)").Disabled(!t.CanRedo).Text("Redo").OnClick(t.onRedo),
		app.Label().For("export-format").Class("visually-hidden").Text("Export format"),
		app.Select().ID("export-format").OnChange(t.onFormat).Body(
			app.Range(annotations.Formats).Slice(func(i int) app.UI {
				f := annotations.Formats[i]
				o := app.Option().Value(f).Text(annotations.FormatName(f))
				if f == t.Format {
					o = o.Selected(true)
				}
				return o
			}),
		),
		app.Button().ID("export").Title("Export in the chosen format (e)").Text("Export").OnClick(t.onExport),
		app.Label().Class("button").For("import").Text("Import…"),
		app.Input().ID("import").Type("file").Class("visually-hidden").Accept(".json,application/json").OnChange(t.onImport),
		app.If(!t.Project, func() app.UI { // research: the classroom is not in the way
			return app.Span().Class("classroom").Body(
				app.Button().ID("make-assignment").Title("Make an assignment of this article for a class").Text("Make assignment").OnClick(t.onTeacher),
				app.Button().ID("dashboard-button").Title("Load students' submissions").Text("Class dashboard").OnClick(t.onDashboard),
			)
		}),
		app.If(t.Boundaries && !t.Project, func() app.UI {
			return app.Button().ID("boundaries-button").Title("Join or split sentences, or re-segment the text").Text("Sentences…").OnClick(t.onBoundaries)
		}),
		app.Button().ID("help-button").Title("Keyboard shortcuts (?)").Text("Keys ?").OnClick(t.onHelp),
	)
}

// schemeMenu chooses the label set.
func (t *toolbar) schemeMenu() app.UI {
	return app.Span().Class("scheme-field").Body(
		app.Label().For("scheme").Text("Labels"),
		app.Select().ID("scheme").Aria("label", "Labels").OnChange(t.onScheme).Body(
			app.Range(t.Schemes).Slice(func(i int) app.UI {
				c := t.Schemes[i]
				o := app.Option().Value(c.ID).Text(c.Name)
				if c.ID == t.Active { // never Selected(false): prerendered, it would select
					o = o.Selected(true)
				}
				return o
			}),
		),
	)
}

func (t *toolbar) onMenu(ctx app.Context, e app.Event) { t.s.toggleMenu() }

// onSkip moves the focus to the article itself: go-app routes a link's
// click, so the browser's own fragment focus would not happen.
func (t *toolbar) onSkip(ctx app.Context, e app.Event) {
	e.PreventDefault()
	t.s.skipToArticle()
}

func (t *toolbar) onScheme(ctx app.Context, e app.Event) {
	t.s.selectScheme(ctx.JSSrc().Get("value").String())
}

func (t *toolbar) onAnnotator(ctx app.Context, e app.Event) {
	t.s.setAnnotator(ctx.JSSrc().Get("value").String())
}

func (t *toolbar) onUndo(ctx app.Context, e app.Event) { t.s.undo() }

func (t *toolbar) onRedo(ctx app.Context, e app.Event) { t.s.redo() }

func (t *toolbar) onExport(ctx app.Context, e app.Event) { t.s.exportDownload() }

func (t *toolbar) onFormat(ctx app.Context, e app.Event) {
	t.s.chooseFormat(ctx.JSSrc().Get("value").String())
}

func (t *toolbar) onHelp(ctx app.Context, e app.Event) { t.s.toggleHelp() }

func (t *toolbar) onBoundaries(ctx app.Context, e app.Event) { t.s.showBoundaries(true) }

func (t *toolbar) onImport(ctx app.Context, e app.Event) {
	input := ctx.JSSrc()
	s := t.s
	readFirstFile(input, annotations.MaxImportBytes, func(name string, data []byte, err error) {
		ctx.Dispatch(func(app.Context) {
			if err != nil {
				s.fail("Import failed, nothing was changed: %v", err)
				return
			}
			s.importFile(name, data)
		})
	})
}

func (t *toolbar) onLibrary(ctx app.Context, e app.Event) { t.s.showLibrary(true) }

func (t *toolbar) onTeacher(ctx app.Context, e app.Event) { t.s.showTeacher(true) }

func (t *toolbar) onDashboard(ctx app.Context, e app.Event) { t.s.showDashboard(true) }
