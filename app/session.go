package app

import (
	"fmt"
	"strings"
	"time"

	"stancemark/annotations"
)

// session is the annotator's state and every command a reader can give,
// in plain Go: components and the keyboard call its methods (components
// never write its fields), it changes the workspace, repaints the sentences
// at once and saves. Outside the browser it runs with a memory store and a
// recording painter, which is how its behaviour is tested.
//
// Where its methods live: persist.go (storage keys, save and restore),
// edit_commands.go (tag, clear, note, undo, schemes, target),
// select_commands.go (the selection), keys.go (keys to commands),
// overlay.go (dialogs), documents.go and library.go (opening, the
// library), assignment_mode.go, teacher.go and class_state.go (classroom).
type session struct {
	// datasetSubs are the submissions opened in this tab, by project id and
	// annotator, for the project's dataset (dataset_download.go).
	datasetSubs map[string]map[string]*annotations.ProjectSubmission

	doc     *annotations.Document
	ws      *annotations.Workspace
	sel     selection
	store   store
	files   fileStore // what outgrows localStorage (project files): IndexedDB, see project_store.go
	painter painter
	now     func() time.Time

	// what the page shows besides the work
	save        saveStatus
	msg         message
	overlay     overlay // the modal dialog that is open
	mode        viewMode
	updateReady bool // a new build is ready: offer to reload
	hint        bool // the first-run hint is shown until dismissed for good
	extend      bool // touch "extend" mode: clicks extend the selection
	menuOpen    bool // narrow screens: the toolbar's menu is open
	said        string
	saidN       uint64 // counts announcements, so a repeated one is read again
	ver         uint64 // bumps whenever anything the components show changes
	annotator   string
	format      string // the export format chosen in the menu

	// the side list, rebuilt only when the work changes (see paintList)
	quotes  quoteCache
	list    []highlightItem
	listKey listKey
	// the sentences' marks, rebuilt only when the work changes, and the
	// cells painted from them (painters copy what they keep)
	marks    []annotations.Mark
	marksKey listKey
	cellBuf  []cell

	opening uint64 // counts opens, so a sliced open that was overtaken stops (open_sliced.go)

	orphans    []annotations.Orphan // highlights of an import that could not be placed
	bounds     boundaryEdits        // undo of the open document's boundary changes (boundary_commands.go)
	unreadable unreadable
	library    libraryState

	// set by the root component once it is mounted in the browser
	update      func()       // asks go-app to re-render the components
	afterRender func(func()) // runs a function once go-app has rendered
	dispatch    func(func()) // runs a function on the UI goroutine
	later       func(func()) // runs a function on the UI goroutine after the next paint

	// research
	project        *projectMode    // the project open, or nil
	projectFile    []byte          // the bytes of the project file being opened, kept as they are (project_store.go)
	annotatorParam string          // ?annotator=ID: who opens a project's link
	newProject     newProjectState // the New project dialog (project_new_commands.go)
	adj            adjState        // the Adjudicate view (adjudicate_*.go)

	// classroom
	assignment *annotations.Assignment // the assignment a student is doing, or nil
	student    string                  // the student's name, asked once
	feedback   *annotations.Feedback   // shown after submitting, when the key is revealed
	dropSeen   int                     // files of the last drop handled so far
	teacher    teacherState
	class      classState
	collect    collectState // a collection server's submissions (collect_mode.go)
}

// unreadable is saved data that could not be read, kept for download.
type unreadable struct{ name, data string }

// newSession opens doc with the given target claim for every label set.
func newSession(doc *annotations.Document, target string, st store, p painter) *session {
	s := &session{doc: doc, sel: noSelection, store: st, files: memoryFilesOf(st), painter: p, now: time.Now}
	s.ws = annotations.NewWorkspaceFor(doc, target)
	s.save = saveStatus{saveClean, "Saved"}
	return s
}

// interactive reports whether the session runs in the browser, connected
// to the page (the article then carries data-ready).
func (s *session) interactive() bool { return s.later != nil }

// downloadUnreadable downloads saved data that could not be read, as it was.
func (s *session) downloadUnreadable() {
	if s.unreadable.data != "" {
		download(s.unreadable.name, "application/json", []byte(s.unreadable.data))
	}
}

// cells is what every sentence should show now: its mark in the active
// label set, the selection, and the feedback on a submission.
func (s *session) cells() []cell {
	if s.marks == nil || s.marksKey != s.shownKey() {
		s.marks, s.marksKey = s.ws.Marks(), s.shownKey()
	}
	marks := s.marks
	if cap(s.cellBuf) < len(marks) {
		s.cellBuf = make([]cell, len(marks))
	}
	cells := s.cellBuf[:len(marks)]
	clear(cells)
	for i, m := range marks {
		c := &cells[i]
		c.Label, c.Color, c.Name = m.Label, m.Color, m.Name
		c.Selected = s.sel.contains(i)
		c.Focus = i == s.sel.focus
		if s.feedback != nil && i < len(s.feedback.Sentences) {
			if v := s.feedback.Sentences[i].Verdict; v != annotations.Untouched {
				c.Verdict = v.String()
			}
		}
	}
	return cells
}

// refresh repaints the sentences and the side list and lets the components re-render.
func (s *session) refresh() {
	s.painter.paint(s.cells())
	s.paintList()
	s.ver++
	if s.update != nil {
		s.update()
	}
}

// listKey is what the side list was built from: a refresh that changes
// only the selection or a dialog does not rebuild it.
type listKey struct {
	doc     *annotations.Document
	ws      *annotations.Workspace
	version uint64
}

// highlightList is the side list's entries now, rebuilt only when the
// work, its label set or the document changed since the last call.
func (s *session) highlightList() []highlightItem {
	if k := s.shownKey(); s.list == nil || k != s.listKey {
		s.list, s.listKey = updateItems(s, s.list), k
	}
	return s.list
}

// shownKey identifies the state of the work shown.
func (s *session) shownKey() listKey {
	return listKey{s.doc, s.ws, s.ws.Version()} // SelectScheme changes the version too
}

// paintList has the painter bring the side list up to date.
func (s *session) paintList() { s.painter.paintList(s.highlightList()) }

// changed is called after every change to the work: repaint at once, then
// save. In the browser the save runs after the next frame is painted (see
// later), so a tag is on screen before the work is serialised; changes made
// before that save are saved together.
func (s *session) changed() {
	switch {
	case s.later == nil || s.save.State == saveBlocked:
		s.persist()
	case s.save.State != saveSaving:
		s.save = saveStatus{State: saveSaving}
		s.later(s.flush)
	}
	s.refresh()
}

// announce tells screen-reader users what just happened (an aria-live region).
func (s *session) announce(format string, args ...any) {
	s.said = fmt.Sprintf(format, args...)
	s.saidN++
}

// dismissHint hides the first-run hint for good.
func (s *session) dismissHint() {
	s.hint = false
	s.remember(keyHintDismissed, "1", "that the hint was dismissed")
	s.refresh()
}

// offerUpdate tells the reader a new build is ready to reload into.
func (s *session) offerUpdate() {
	s.updateReady = true
	s.announce("A new version of Stancemark is ready.")
}

// setError shows an error; the caller refreshes (or use fail).
func (s *session) setError(format string, args ...any) {
	s.msg = message{Kind: "error", Text: fmt.Sprintf(format, args...)}
}

// fail shows an error and refreshes: the end of a command that failed.
func (s *session) fail(format string, args ...any) {
	s.setError(format, args...)
	s.refresh()
}

// setInfo shows a notice; the caller refreshes.
func (s *session) setInfo(format string, args ...any) {
	s.msg = message{Kind: "info", Text: fmt.Sprintf(format, args...)}
}

// clearMessage removes the notice.
func (s *session) clearMessage() { s.msg = message{} }

// setAnnotator remembers the annotator's name for exports.
func (s *session) setAnnotator(name string) {
	name = strings.TrimSpace(name)
	s.annotator = name
	s.ws.Annotator = name
	s.remember(keyAnnotator, name, "your name")
	s.refresh()
}

// chooseFormat picks the export format of the menu.
func (s *session) chooseFormat(format string) { s.format = format }

// plural is "1 sentence", "2 sentences".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
