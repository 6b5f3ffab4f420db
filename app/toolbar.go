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

	Schemes    []schemeChoice
	Active     string
	Annotator  string
	CanUndo    bool
	CanRedo    bool
	Save       saveStatus
	Format     string
	Assignment bool // a student is doing an assignment
	Boundaries bool // the open document's sentences can be fixed (boundary_edit.go)
	s          *session
}

func (t *toolbar) Render() app.UI {
	saveState, saveText := t.Save.shown()
	return app.Header().Class("toolbar").Body(
		app.A().Class("skip").Href("#sentences").Text("Skip to the article"),
		app.Span().Class("brand").Text("Stancemark"),
		app.Button().ID("library-button").Title("Your documents: open, add, paste, rename, delete").Text("Documents").OnClick(t.onLibrary),
		app.Label().For("scheme").Text("Labels"),
		app.Select().ID("scheme").OnChange(t.onScheme).Body(
			app.Range(t.Schemes).Slice(func(i int) app.UI {
				c := t.Schemes[i]
				o := app.Option().Value(c.ID).Text(c.Name)
				if c.ID == t.Active { // never Selected(false): prerendered, it would select
					o = o.Selected(true)
				}
				return o
			}),
		),
		app.Label().For("annotator").Text("Your name"),
		app.Input().ID("annotator").Type("text").AutoComplete(false).Placeholder("annotator").
			Value(t.Annotator).OnChange(t.onAnnotator),
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
		app.If(!t.Assignment, func() app.UI {
			return app.Span().Class("classroom").Body(
				app.Button().ID("make-assignment").Title("Make an assignment of this article for a class").Text("Make assignment").OnClick(t.onTeacher),
				app.Button().ID("dashboard-button").Title("Load students' submissions").Text("Class dashboard").OnClick(t.onDashboard),
			)
		}),
		app.If(t.Boundaries, func() app.UI {
			return app.Button().ID("boundaries-button").Title("Join or split sentences, or re-segment the text").Text("Sentences…").OnClick(t.onBoundaries)
		}),
		app.Button().ID("help-button").Title("Keyboard shortcuts (?)").Text("Keys ?").OnClick(t.onHelp),
		app.Span().ID("save-status").Role("status").DataSet("state", saveState).Text(saveText),
	)
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
