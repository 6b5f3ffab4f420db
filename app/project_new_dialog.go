package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stancemark/annotations"
)

// newProjectDialog is "New project" (opened from Documents): the input
// files, chosen or dropped, with the columns of article tables; the title
// and claims; the label set, a preset or custom labels made in the label
// editor; the codebook (general guidelines, each label's definition and
// examples); the annotators with the overlap; and the overall-stance
// option. Everything typed is shown as text.
type newProjectDialog struct {
	app.Compo

	Files        []inputFileRow
	Columns      []string // of the article tables
	Cols         annotations.ProjectColumns
	Scheme       string              // the menu's value
	Labels       []annotations.Label // the label editor's
	Problems     []string            // per editor label
	SchemeLabels []annotations.Label // the labels the project gets, for the codebook
	Err          string
	Busy         string
	Bounds       boundaryView
	s            *session
}

// inputFileRow is one input file as the dialog lists it.
type inputFileRow struct{ Name, Kind string }

// newProjectDialogOf is the dialog's props from the session.
func newProjectDialogOf(s *session) *newProjectDialog {
	np := &s.newProject
	d := &newProjectDialog{Columns: np.tableColumns(), Cols: np.cols, Scheme: np.scheme, Labels: np.labels,
		Problems: labelProblems(np.labels), SchemeLabels: customLabels(np.chosenScheme().Labels), Err: np.err, Busy: np.busy,
		Bounds: boundaryViewOf(s, scopeProject, s.overlay == overlayNewProject), s: s}
	for _, f := range np.files {
		kind := f.Kind.String()
		if len(f.Columns) > 0 && f.Kind == annotations.ProjectTable {
			kind += "; columns " + strings.Join(f.Columns, ", ")
		}
		d.Files = append(d.Files, inputFileRow{f.Name, kind})
	}
	return d
}

func (d *newProjectDialog) Render() app.UI {
	return app.Dialog().ID("new-project").Aria("labelledby", "np-heading").On("close", d.onClosed).Body(
		app.H2().ID("np-heading").Text("New project"),
		app.P().Text("A research project: articles, the claims to judge them against, the labels and a codebook. "+
			"It is made as `stancemark project new` makes it from the same files, downloaded to share with your annotators, and opened here."),
		d.inputs(),
		&dialogBoundaries{P: d.Bounds, s: d.s},
		app.Label().For("np-name").Text("Title (optional: otherwise the first article's title)"),
		app.Input().ID("np-name").Type("text").AutoComplete(false),
		app.Label().For("np-claims").Text("Claims, one per line (every article that no stances.csv row pairs is judged against each)"),
		app.Textarea().ID("np-claims").Rows(3),
		d.labels(),
		d.codebook(),
		app.FieldSet().Body(
			app.Legend().Text("Annotators (optional)"),
			app.Label().For("np-annotators").Text("Annotators, separated by commas"),
			app.Input().ID("np-annotators").Type("text").AutoComplete(false),
			app.Label().For("np-overlap").Text("How many annotators get each task (empty: all of them)"),
			app.Input().ID("np-overlap").Type("number").Min(1).Max(100).Step(1),
		),
		app.P().Body(
			app.Input().ID("np-overall").Type("checkbox"),
			app.Label().For("np-overall").Text(" Ask for one overall stance per task (the article's stance toward the claim)"),
		),
		app.P().ID("np-status").Role("status").Text(d.Busy),
		app.If(d.Err != "", func() app.UI {
			return app.P().ID("np-error").Role("alert").Text(d.Err)
		}),
		app.P().Class("dialog-actions").Body(
			app.Button().ID("np-make").Text("Make the project").OnClick(d.onMake),
			app.Button().ID("np-close").Text("Cancel").OnClick(d.onClose),
		),
	)
}

// inputs is the file chooser, the files chosen and the tables' columns.
func (d *newProjectDialog) inputs() app.UI {
	return app.FieldSet().Body(
		app.Legend().Text("Articles and claims"),
		app.P().Class("open-file").Body(
			app.Label().Class("button").For("np-files").Text("Choose files…"),
			app.Input().ID("np-files").Type("file").Multiple(true).Class("visually-hidden").
				Accept(".txt,.text,.md,.markdown,.html,.htm,.csv,.jsonl,.ndjson").OnChange(d.onFiles),
			app.Text(" .txt, .md or .html articles; a CSV or JSONL of articles; FNC-1's bodies.csv and stances.csv. Or drop them on this dialog. They are taken in the order of their names."),
		),
		app.Ul().ID("np-file-list").Aria("label", "Input files").Body(
			app.Range(d.Files).Slice(func(i int) app.UI {
				f := d.Files[i]
				return app.Li().DataSet("file", f.Name).Body(
					app.Span().Class("np-file-name").Text(f.Name),
					app.Text(" — "+f.Kind+" "),
					app.Button().Class("np-file-remove").Aria("label", "Remove "+f.Name).Text("Remove").
						DataSet("file", f.Name).OnClick(d.onRemoveFile, app.EventScope(f.Name)),
				)
			}),
		),
		app.If(len(d.Columns) > 0, func() app.UI {
			return app.FieldSet().ID("np-columns").Body(
				app.Legend().Text("Columns of the article tables"),
				d.column("id", "Id", d.Cols.ID),
				d.column("title", "Title", d.Cols.Title),
				d.column("text", "Text", d.Cols.Text),
			)
		}),
	)
}

// column is the menu choosing the column of which ("id", "title", "text").
func (d *newProjectDialog) column(which, name, chosen string) app.UI {
	if chosen == "" {
		chosen = which
	}
	id := "np-col-" + which
	opts := []app.UI{}
	if which == "text" {
		opts = append(opts, option("", "(choose the column of the text)", !slices.Contains(d.Columns, chosen)))
	} else {
		opts = append(opts, option("\x00none", "(none)", !slices.Contains(d.Columns, chosen)))
	}
	for _, c := range d.Columns {
		opts = append(opts, option(c, c, c == chosen))
	}
	return app.Span().Class("np-column").Body(
		app.Label().For(id).Text(name+" "),
		app.Select().ID(id).DataSet("which", which).Body(opts...).OnChange(d.onColumn),
	)
}

// option is a menu's option, selected or not (never selected="false": a
// prerendered page would select it).
func option(value, text string, selected bool) app.UI {
	o := app.Option().Value(value).Text(text)
	if selected {
		o = o.Selected(true)
	}
	return o
}

// labels is the label-set menu and, for custom labels, the label editor.
func (d *newProjectDialog) labels() app.UI {
	opts := []app.UI{option("", "By the inputs: FNC-1 for FNC-1's files, else Default", d.Scheme == "")}
	for _, sc := range annotations.Presets() {
		opts = append(opts, option(sc.ID, sc.Name, d.Scheme == sc.ID))
	}
	opts = append(opts, option(customScheme, "Custom labels…", d.Scheme == customScheme))
	return app.FieldSet().Body(
		app.Legend().Text("Labels"),
		app.Label().For("np-scheme").Text("Label set "),
		app.Select().ID("np-scheme").Body(opts...).OnChange(d.onScheme),
		app.If(d.Scheme == customScheme, func() app.UI {
			return app.Div().ID("np-label-editor").Body(
				app.Ol().ID("np-labels").Body(
					app.Range(d.Labels).Slice(func(i int) app.UI { return d.labelRow(i) }),
				),
				d.addLabelButton(),
				app.Span().Class("np-hint").Text(fmt.Sprintf(" At most %d labels, one per key 1 to 9. Colours must stay visible in the light and the dark theme, as the presets do.", maxLabels)),
			)
		}),
	)
}

// addLabelButton adds a label; it is disabled at maxLabels.
func (d *newProjectDialog) addLabelButton() app.UI {
	b := app.Button().ID("np-add-label").Text("Add a label").OnClick(d.onAddLabel)
	if len(d.Labels) >= maxLabels {
		b = b.Disabled(true)
	}
	return b
}

// labelRow is the editor's label i: name, key, colour, description, and
// what is wrong with it.
func (d *newProjectDialog) labelRow(i int) app.UI {
	l := d.Labels[i]
	n := strconv.Itoa(i)
	problem := ""
	if i < len(d.Problems) {
		problem = d.Problems[i]
	}
	field := func(f, label, value string, size int) app.UI {
		id := "np-label-" + f + "-" + n
		in := app.Input().ID(id).Type("text").Value(value).Size(size).AutoComplete(false).
			DataSet("index", n).DataSet("field", f).OnChange(d.onLabel, app.EventScope(n+f))
		if problem != "" {
			in = in.Aria("describedby", "np-label-problem-"+n).Aria("invalid", "true")
		}
		return app.Span().Class("np-label-field").Body(app.Label().For(id).Text(label+" "), in)
	}
	return app.Li().Class("np-label").DataSet("index", n).Body(
		app.FieldSet().Body(
			app.Legend().Text(fmt.Sprintf("Label %d", i+1)),
			field("name", "Name", l.Name, 14),
			field("key", "Key", l.Key, 2),
			field("color", "Colour", l.Color, 8),
			app.Span().Class("swatch").Style("--label-color", swatchColour(l.Color)).Aria("hidden", "true"),
			field("description", "Description", l.Description, 30),
			app.Button().Class("np-label-remove").Aria("label", fmt.Sprintf("Remove label %d", i+1)).Text("Remove").
				DataSet("index", n).OnClick(d.onRemoveLabel, app.EventScope(n)),
			app.If(problem != "", func() app.UI {
				return app.P().ID("np-label-problem-" + n).Class("np-problem").Text(problem)
			}),
		),
	)
}

// swatchColour is c if it is a colour, else transparent (never CSS from
// the user's text).
func swatchColour(c string) string {
	if len(c) == 7 && c[0] == '#' && strings.Trim(c[1:], "0123456789abcdefABCDEF") == "" {
		return c
	}
	return "transparent"
}

// codebook is the general guidelines and each label's definition and
// examples.
func (d *newProjectDialog) codebook() app.UI {
	return app.FieldSet().ID("np-codebook").Body(
		app.Legend().Text("Codebook (plain text; a blank line starts a paragraph)"),
		app.Label().For("np-guidelines").Text("General guidelines"),
		app.Textarea().ID("np-guidelines").Rows(4),
		app.Range(d.SchemeLabels).Slice(func(i int) app.UI {
			l := d.SchemeLabels[i]
			n := strconv.Itoa(i)
			return app.Div().Class("np-guide").DataSet("label", l.ID).Body(
				app.Label().For("np-def-"+n).Text("Definition of "+orLabel(l.Name, i)),
				app.Textarea().ID("np-def-"+n).Rows(2),
				app.Label().For("np-ex-"+n).Text("Examples of "+orLabel(l.Name, i)+", one per line"),
				app.Textarea().ID("np-ex-"+n).Rows(2),
			)
		}),
	)
}

func orLabel(name string, i int) string {
	if name == "" {
		return fmt.Sprintf("label %d", i+1)
	}
	return name
}

// form reads the form's fields.
func (d *newProjectDialog) form() newProjectForm {
	get := func(id string) app.Value { return app.Window().GetElementByID(id) }
	val := func(id string) string {
		if el := get(id); el.Truthy() {
			return el.Get("value").String()
		}
		return ""
	}
	f := newProjectForm{
		Title: val("np-name"), Claims: val("np-claims"), Guidelines: val("np-guidelines"),
		Annotators: val("np-annotators"),
	}
	if el := get("np-overall"); el.Truthy() {
		f.Overall = el.Get("checked").Bool()
	}
	f.Overlap, _ = strconv.Atoi(strings.TrimSpace(val("np-overlap")))
	for i := range d.SchemeLabels {
		n := strconv.Itoa(i)
		f.Definitions = append(f.Definitions, val("np-def-"+n))
		f.Examples = append(f.Examples, val("np-ex-"+n))
	}
	return f
}

// indexOf is the data-index of the event's element.
func indexOf(ctx app.Context) int {
	i, err := strconv.Atoi(ctx.JSSrc().Get("dataset").Get("index").String())
	if err != nil {
		return -1
	}
	return i
}

func (d *newProjectDialog) onFiles(ctx app.Context, e app.Event) {
	s := d.s
	readAllFiles(ctx.JSSrc(), maxOpenBytes, func(name string, data []byte, err error) {
		s.dispatch(func() { s.addProjectFile(name, data, err) })
	})
}

func (d *newProjectDialog) onRemoveFile(ctx app.Context, e app.Event) {
	d.s.removeProjectFile(ctx.JSSrc().Get("dataset").Get("file").String())
}

func (d *newProjectDialog) onColumn(ctx app.Context, e app.Event) {
	v := ctx.JSSrc().Get("value").String()
	if v == "\x00none" {
		v = "\x00"
	}
	d.s.setProjectColumn(ctx.JSSrc().Get("dataset").Get("which").String(), v)
}

func (d *newProjectDialog) onScheme(ctx app.Context, e app.Event) {
	d.s.chooseProjectScheme(ctx.JSSrc().Get("value").String())
}

func (d *newProjectDialog) onAddLabel(ctx app.Context, e app.Event) { d.s.addLabel() }

func (d *newProjectDialog) onRemoveLabel(ctx app.Context, e app.Event) { d.s.removeLabel(indexOf(ctx)) }

func (d *newProjectDialog) onLabel(ctx app.Context, e app.Event) {
	d.s.editLabel(indexOf(ctx), ctx.JSSrc().Get("dataset").Get("field").String(), ctx.JSSrc().Get("value").String())
}

func (d *newProjectDialog) onMake(ctx app.Context, e app.Event) { d.s.makeProject(d.form()) }

func (d *newProjectDialog) onClose(ctx app.Context, e app.Event) { d.s.showNewProject(false) }

func (d *newProjectDialog) onClosed(ctx app.Context, e app.Event) { d.s.showNewProject(false) }
