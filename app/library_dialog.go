package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// libraryDialog lists the documents kept in this browser (open, rename,
// delete with confirmation) and adds new ones: pasted text or a file.
type libraryDialog struct {
	app.Compo

	Entries []libraryEntry
	Current string
	Confirm string
	Usage   string
	s       *session
}

func (l *libraryDialog) Render() app.UI {
	return app.Dialog().ID("library").Aria("labelledby", "library-title").On("close", l.onClosed).Body(
		app.H2().ID("library-title").Text("Your documents"),
		app.P().ID("storage-usage").Text(l.Usage),
		app.Ul().ID("documents").Body(
			app.Range(l.Entries).Slice(func(i int) app.UI { return l.row(l.Entries[i]) }),
		),
		app.H3().Text("Add a document"),
		app.Div().Class("add-doc").Body(
			app.Label().For("paste-title").Text("Title (optional: otherwise the first line)"),
			app.Input().ID("paste-title").Type("text").AutoComplete(false),
			app.Label().For("paste-text").Text("Paste the article's text"),
			app.Textarea().ID("paste-text").Rows(6),
			app.Button().ID("paste-open").Text("Open the pasted text").OnClick(l.onPaste),
		),
		app.P().Class("open-file").Body(
			app.Label().Class("button").For("open-file").Text("Open a file…"),
			app.Input().ID("open-file").Type("file").Class("visually-hidden").
				Accept(".txt,.text,.md,.markdown,.html,.htm,.json,text/plain,text/markdown,text/html,application/json").
				OnChange(l.onFile),
			app.Text(" .txt, .md, .html or a Stancemark export (.json); or drop a file anywhere on the page."),
		),
		app.P().Body(app.Button().ID("new-project-button").Text("New project…").OnClick(func(app.Context, app.Event) { l.s.showNewProject(true) })), // project_new_dialog.go
		app.P().Body( // the Adjudicate view (adjudicate_view.go)
			app.Button().ID("adjudicate-open").Text("Adjudicate…").OnClick(l.onAdjudicate),
			app.Text(" decide gold labels from several annotators' submissions or exports."),
		),
		app.Button().ID("library-close").Text("Close").OnClick(l.onClose),
	)
}

func (l *libraryDialog) onAdjudicate(ctx app.Context, e app.Event) { l.s.showAdjudicate() }

func (l *libraryDialog) row(e libraryEntry) app.UI {
	pct := 0
	if e.Sentences > 0 {
		pct = 100 * e.Tagged / e.Sentences
	}
	meta := fmt.Sprintf("%d sentences · %d tagged (%d%%) · %s", e.Sentences, e.Tagged, pct, editedText(e))
	li := app.Li().Class("doc").DataSet("doc-id", e.ID)
	if e.ID == l.Current {
		li = li.Aria("current", "true")
	}
	var actions app.UI
	if l.Confirm == e.ID {
		actions = app.Span().Class("doc-actions").Body(
			app.Text("Delete this document and its annotations? "),
			app.Button().Class("doc-confirm-delete").Text("Delete").OnClick(l.onConfirm, app.EventScope(e.ID)),
			app.Button().Class("doc-cancel-delete").Text("Cancel").OnClick(l.onCancel, app.EventScope(e.ID)),
		)
	} else {
		actions = app.Span().Class("doc-actions").Body(
			app.Button().Class("doc-open").Text("Open").OnClick(l.onOpen, app.EventScope(e.ID)),
			app.Button().Class("doc-delete").Text("Delete…").OnClick(l.onDelete, app.EventScope(e.ID)),
		)
	}
	return li.Body(
		app.Input().Class("doc-title").Type("text").Value(e.Title).
			Aria("label", "Title (edit to rename)").OnChange(l.onRename, app.EventScope(e.ID)),
		app.Span().Class("doc-meta").Text(meta),
		actions,
	)
}

// editedText says when a document was last changed.
func editedText(e libraryEntry) string {
	if e.Edited.IsZero() {
		return "not edited yet"
	}
	return "edited " + e.Edited.Local().Format("2 Jan 2006 15:04")
}

// docIDOf is the library row an event happened in.
func docIDOf(e app.Event) string {
	li := e.Get("target").Call("closest", "li[data-doc-id]")
	if !li.Truthy() {
		return ""
	}
	return li.Get("dataset").Get("docId").String()
}

func (l *libraryDialog) onOpen(ctx app.Context, e app.Event) { l.s.openStored(docIDOf(e)) }

func (l *libraryDialog) onDelete(ctx app.Context, e app.Event) {
	l.s.askDelete(docIDOf(e))
}

func (l *libraryDialog) onCancel(ctx app.Context, e app.Event) {
	l.s.cancelDelete()
}

func (l *libraryDialog) onConfirm(ctx app.Context, e app.Event) { l.s.deleteDocument(docIDOf(e)) }

func (l *libraryDialog) onRename(ctx app.Context, e app.Event) {
	l.s.renameDocument(docIDOf(e), ctx.JSSrc().Get("value").String())
}

func (l *libraryDialog) onPaste(ctx app.Context, e app.Event) {
	title := app.Window().GetElementByID("paste-title").Get("value").String()
	text := app.Window().GetElementByID("paste-text").Get("value").String()
	l.s.openPasted(title, text)
}

func (l *libraryDialog) onFile(ctx app.Context, e app.Event) {
	s := l.s
	readFirstFile(ctx.JSSrc(), maxOpenBytes, func(name string, data []byte, err error) {
		ctx.Dispatch(func(app.Context) {
			if err != nil {
				s.fail("Opening failed: %v", err)
				return
			}
			s.showLibrary(false)
			s.openData(name, data)
		})
	})
}

func (l *libraryDialog) onClose(ctx app.Context, e app.Event) { l.s.showLibrary(false) }

func (l *libraryDialog) onClosed(ctx app.Context, e app.Event) { l.s.showLibrary(false) }

// formatBytes is n bytes for people: "35 KB", "4.8 MB".
func formatBytes(n float64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", n/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", n/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", n/(1<<10))
	}
	return fmt.Sprintf("%.0f bytes", n)
}
