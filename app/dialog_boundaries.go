package app

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stancemark/annotations"
)

// dialogBoundaries is the sentence editor inside the "make an assignment"
// and New project dialogs (dialog_boundaries_commands.go): the document's
// sentences, each with "Join with next" and "Split…", which shows the
// sentence in a text field to put the caret where the second sentence
// starts (or a button per word to split before it); Undo. Its element ids
// start with the scope: #as-bd-… or #np-bd-….
type dialogBoundaries struct {
	app.Compo

	P boundaryView
	s *session
}

// boundaryView is what the editor shows.
type boundaryView struct {
	Scope     string
	Open      bool
	Count     int    // sentences of the draft
	ID        string // the draft's BoundariesID
	Changes   int    // changes that can be undone
	Rows      []boundaryRow
	Splitting int // the row whose split points are shown, -1: none
	Splits    []splitPoint
	Articles  []articleChoice // New project: the articles to choose from
	Article   string          // the chosen article's id
	Err       string
	Note      string // what the change does to the teacher's key
}

// boundaryRow is one sentence of the editor.
type boundaryRow struct {
	ID, Text string
	CanJoin  bool // the next sentence is in the same paragraph
}

// articleChoice is an article of the New project menu.
type articleChoice struct{ ID, Name string }

// boundaryViewOf is the editor's props for scope, from the session; only
// the closed editor's when the dialog is not open.
func boundaryViewOf(s *session, scope string, dialogOpen bool) boundaryView {
	st := s.editState(scope)
	v := boundaryView{Scope: scope, Splitting: -1, Err: st.err}
	if !dialogOpen {
		return v
	}
	if scope == scopeProject {
		b := &s.newProject.bounds
		v.Article = b.doc
		for i, doc := range b.docs {
			name := fmt.Sprintf("%d. %s (%s)", i+1, doc.Title, plural(len(doc.Sentences), "sentence"))
			if d := b.drafts[doc.ID]; d != nil && d.changed() {
				name = fmt.Sprintf("%d. %s (fixed: %s)", i+1, doc.Title, plural(len(d.doc.Sentences), "sentence"))
			}
			v.Articles = append(v.Articles, articleChoice{doc.ID, name})
		}
	}
	d := s.draftOf(scope)
	if d == nil {
		return v
	}
	v.Count, v.Changes = len(d.doc.Sentences), len(d.undo)
	if !st.open {
		return v
	}
	v.Open, v.ID, v.Splitting = true, d.doc.BoundariesID(), d.splitting
	for i, x := range d.doc.Sentences {
		v.Rows = append(v.Rows, boundaryRow{ID: x.ID, Text: x.Text,
			CanJoin: i+1 < len(d.doc.Sentences) && d.doc.Sentences[i+1].Paragraph == x.Paragraph})
	}
	if d.splitting >= 0 && d.splitting < len(d.doc.Sentences) {
		x := d.doc.Sentences[d.splitting]
		v.Splits = splitPoints(x.Text, x.Start)
	}
	if scope == scopeAssignment && d.changed() {
		v.Note = keyNote(s, d.doc)
	}
	return v
}

// keyNote says how many of the teacher's highlights the fixed sentences
// leave out of the key, "" when none.
func keyNote(s *session, doc *annotations.Document) string {
	all := len(s.ws.Annotations())
	if all == 0 {
		return ""
	}
	key, err := s.keyOn(doc)
	if err != nil || len(key) == all {
		return ""
	}
	n := all - len(key)
	return fmt.Sprintf("%d of your highlights cannot be placed on these sentences: the key leaves %s out.", n, map[bool]string{true: "it", false: "them"}[n == 1])
}

func (d *dialogBoundaries) id(name string) string { return d.P.Scope + "-bd-" + name }

func (d *dialogBoundaries) Render() app.UI {
	v := d.P
	summary := plural(v.Count, "sentence")
	if v.ID != "" {
		summary += ", boundaries " + v.ID
	}
	if v.Changes > 0 {
		summary += "; " + plural(v.Changes, "change") + " made here"
	}
	toggle := "Fix the sentences…"
	if v.Open {
		toggle = "Hide the sentences"
	}
	return app.FieldSet().ID(d.id("editor")).Class("dialog-boundaries").Body(
		app.Legend().Text("Sentences"),
		app.P().Class("bd-hint").Text(d.intro()),
		app.If(len(v.Articles) > 0, func() app.UI {
			opts := make([]app.UI, len(v.Articles))
			for i, a := range v.Articles {
				opts[i] = option(a.ID, a.Name, a.ID == v.Article)
			}
			return app.P().Body(
				app.Label().For(d.id("doc")).Text("Article "),
				app.Select().ID(d.id("doc")).Body(opts...).OnChange(d.onArticle),
			)
		}),
		app.P().ID(d.id("summary")).Role("status").Text(summary),
		app.P().Class("dialog-actions").Body(
			app.Button().ID(d.id("toggle")).Aria("expanded", strconv.FormatBool(v.Open)).Aria("controls", d.id("list")).
				Text(toggle).OnClick(d.onToggle),
			app.Button().ID(d.id("undo")).Disabled(v.Changes == 0).Text("Undo the last change of sentences").OnClick(d.onUndo),
		),
		app.If(v.Err != "", func() app.UI { return app.P().ID(d.id("error")).Role("alert").Class("warning").Text(v.Err) }),
		app.If(v.Note != "", func() app.UI { return app.P().ID(d.id("note")).Class("warning").Text(v.Note) }),
		app.If(v.Open, func() app.UI {
			return app.Ol().ID(d.id("list")).Class("bd-list").Aria("label", "Sentences").Body(
				app.Range(v.Rows).Slice(func(i int) app.UI { return d.row(i) }),
			)
		}),
	)
}

// intro says what the editor is for in its dialog.
func (d *dialogBoundaries) intro() string {
	if d.P.Scope == scopeProject {
		return "Every annotator gets these sentences as the units to tag. Choose an article, then join a sentence with the next one or split one where it should end. The project carries the sentences, and so does every export of it."
	}
	return "Every student gets these sentences as the units to tag. Join a sentence with the next one or split one where it should end; your highlights move into the key by their text. Your own document keeps its sentences."
}

// row is sentence i with its buttons and, while it is being split, the
// split points.
func (d *dialogBoundaries) row(i int) app.UI {
	r := d.P.Rows[i]
	n := strconv.Itoa(i)
	splitting := i == d.P.Splitting
	join := app.Button().ID(d.id("join-"+n)).Class("bd-join").DataSet("index", n).
		Aria("label", fmt.Sprintf("Join with next, sentence %d", i+1)).Text("Join with next").
		OnClick(d.onJoin, app.EventScope(d.P.Scope+"j"+n))
	if !r.CanJoin {
		join = join.Disabled(true).Title("The last sentence of a paragraph cannot be joined with the next")
	}
	return app.Li().Class("bd-row").DataSet("index", n).DataSet("sid", r.ID).Body(
		app.Span().Class("bd-text").Text(r.Text),
		app.Span().Class("bd-actions").Body(
			join,
			app.Button().ID(d.id("split-"+n)).Class("bd-split").DataSet("index", n).
				Aria("label", fmt.Sprintf("Split…, sentence %d", i+1)).Aria("expanded", strconv.FormatBool(splitting)).
				Text("Split…").OnClick(d.onSplitting, app.EventScope(d.P.Scope+"s"+n)),
		),
		app.If(splitting, func() app.UI { return d.splitPanel(r) }),
	)
}

// splitPanel is where the sentence being split is split: at the caret of
// a text field holding it, or before a word.
func (d *dialogBoundaries) splitPanel(r boundaryRow) app.UI {
	return app.Div().ID(d.id("split-panel")).Class("bd-split-panel").Body(
		app.Label().For(d.id("caret")).Text("Put the cursor where the second sentence starts (arrow keys or a click), then press “Split at the cursor”"),
		app.Textarea().ID(d.id("caret")).ReadOnly(true).Rows(3).Text(r.Text),
		app.P().Class("dialog-actions").Body(
			app.Button().ID(d.id("split-caret")).Text("Split at the cursor").OnClick(d.onSplitCaret),
			app.Button().ID(d.id("split-cancel")).Text("Cancel").OnClick(d.onSplitCancel),
		),
		app.P().ID(d.id("words-title")).Text("Or split before a word:"),
		app.Ul().Class("bd-words").Aria("labelledby", d.id("words-title")).Body(
			app.Range(d.P.Splits).Slice(func(i int) app.UI {
				sp := d.P.Splits[i]
				return app.Li().Body(app.Button().Class("bd-split-at").DataSet("at", sp.At).
					Aria("label", "Split before “"+sp.Word+"”").Text("| "+sp.Word).
					OnClick(d.onSplitAt, app.EventScope(d.P.Scope+strconv.Itoa(sp.At))))
			}),
		),
	)
}

// dataInt is the data-name of the event's element as a number, -1 if none.
func dataInt(ctx app.Context, name string) int {
	i, err := strconv.Atoi(ctx.JSSrc().Get("dataset").Get(name).String())
	if err != nil {
		return -1
	}
	return i
}

func (d *dialogBoundaries) onToggle(ctx app.Context, e app.Event) { d.s.toggleDraft(d.P.Scope) }
func (d *dialogBoundaries) onUndo(ctx app.Context, e app.Event)   { d.s.draftUndo(d.P.Scope) }
func (d *dialogBoundaries) onJoin(ctx app.Context, e app.Event) {
	d.s.draftJoin(d.P.Scope, dataInt(ctx, "index"))
}
func (d *dialogBoundaries) onSplitting(ctx app.Context, e app.Event) {
	d.s.draftSplitting(d.P.Scope, dataInt(ctx, "index"))
}
func (d *dialogBoundaries) onSplitCancel(ctx app.Context, e app.Event) {
	d.s.draftSplitting(d.P.Scope, -1)
}
func (d *dialogBoundaries) onSplitAt(ctx app.Context, e app.Event) {
	d.s.draftSplit(d.P.Scope, dataInt(ctx, "at"))
}

func (d *dialogBoundaries) onSplitCaret(ctx app.Context, e app.Event) {
	caret := 0
	if el := app.Window().GetElementByID(d.id("caret")); el.Truthy() {
		caret = el.Get("selectionStart").Int()
	}
	d.s.draftSplitCaret(d.P.Scope, caret)
}

func (d *dialogBoundaries) onArticle(ctx app.Context, e app.Event) {
	d.s.chooseDraftArticle(ctx.JSSrc().Get("value").String())
}
