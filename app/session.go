package app

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"stancemark/annotations"
)

// session is the annotator's state and every command a reader can give,
// in plain Go: components and the keyboard call its methods, it changes the
// workspace, repaints the sentences at once and saves. Outside the browser
// it runs with a memory store and a recording painter, which is how its
// behaviour is tested.
type session struct {
	doc     *annotations.Document
	ws      *annotations.Workspace
	sel     selection
	store   store
	painter painter
	now     func() time.Time

	save        saveStatus
	msg         message
	help        bool
	updateReady bool // a new build is ready: offer to reload
	hint        bool // the first-run hint is shown until dismissed for good
	extend      bool // touch "extend" mode: clicks extend the selection
	said        string
	saidN       uint64 // counts announcements, so a repeated one is read again
	ready       bool
	noSave      bool   // saved work could not be read nor backed up: never overwrite it
	ver         uint64 // bumps whenever anything the components show changes
	update      func() // asks go-app to re-render the components (set by the root)
	annotator   string
	format      string // the export format chosen in the menu

	orphans     []annotations.Orphan // highlights of an import that could not be placed
	unreadable  unreadable
	afterRender func(func()) // runs a function once go-app has rendered (set by the root)
	dispatch    func(func()) // runs a function on the UI goroutine (set by the root)
	later       func(func()) // runs a function on the UI goroutine after the next paint (set by the root)
	savePending bool         // a save is scheduled
	library     libraryState

	// classroom
	assignment *annotations.Assignment // the assignment a student is doing, or nil
	student    string                  // the student's name, asked once
	askName    bool                    // the name dialog is open
	feedback   *annotations.Feedback   // shown after submitting, when the key is revealed
	mode       viewMode
	dropSeen   int // files of the last drop handled so far
	teacher    teacherState
	class      classState
}

// viewMode is what fills the page.
type viewMode int

const (
	modeAnnotate  viewMode = iota // the article
	modeDashboard                 // the teacher's class dashboard
)

// saveState says whether the work on screen is safely stored.
type saveState int

const (
	saveClean  saveState = iota // nothing changed yet
	saveOK                      // every change is in localStorage
	saveFailed                  // the last change is only in memory
)

// saveStatus is the always-visible line about saving.
type saveStatus struct {
	State saveState
	Text  string
}

// message is a notice for the reader: an error that names what went wrong,
// or the result of an import.
type message struct {
	Kind   string // "error" or "info"; "" when there is none
	Text   string
	Action string // an action offered with the message, one of the action* constants
}

// Actions a message can offer.
const (
	actionDownloadUnreadable = "download-unreadable" // saved data that could not be read
	actionUndoDelete         = "undo-delete"         // a document just deleted from the library
)

// unreadable is saved data that could not be read, kept for download.
type unreadable struct{ name, data string }

// newSession opens doc with the given target claim for every label set.
func newSession(doc *annotations.Document, target string, st store, p painter) *session {
	s := &session{doc: doc, sel: noSelection, store: st, painter: p, now: time.Now}
	s.ws = newWorkspace(doc, target)
	s.save = saveStatus{saveClean, "Saved"}
	return s
}

// newWorkspace is a fresh workspace whose label sets all carry target.
func newWorkspace(doc *annotations.Document, target string) *annotations.Workspace {
	ws := annotations.NewWorkspace(doc)
	if target != "" {
		for _, sc := range ws.Schemes() {
			sc.Target = target
			_ = ws.SetScheme(sc) // presets are valid
		}
		ws.ResetHistory()
	}
	return ws
}

// restore loads the reader's preferences and the saved work of the document.
func (s *session) restore() {
	if name, ok, _ := s.store.get(keyAnnotator); ok {
		s.annotator = name
	}
	if name, ok, _ := s.store.get(keyStudent); ok {
		s.student = name
	}
	_, dismissed, _ := s.store.get(keyHintDismissed)
	s.hint = !dismissed
	s.restoreWork()
}

// restoreWork loads the saved work of the open document. Saved work that
// cannot be read is copied to a backup key (and offered for download) and
// the reader is told; if even that fails, nothing is saved over it.
func (s *session) restoreWork() {
	s.noSave = false
	s.ws.Annotator = s.annotator
	data, ok, err := s.store.get(s.workKey())
	if err != nil {
		s.noSave = true
		s.setError("Reading your saved work failed (%v). Nothing will be saved over it in this tab; export your work to keep it.", err)
		return
	}
	if !ok {
		return
	}
	ws, err := annotations.RestoreWorkspace(s.doc, []byte(data))
	if err != nil {
		s.unreadable = unreadable{name: slug(s.doc.Title) + ".unreadable.json", data: data}
		key := backupKey(s.doc.ID, s.now())
		if berr := s.store.set(key, data); berr != nil {
			s.noSave = true
			s.setError("Your saved work for this article could not be read (%v), and keeping a backup of it failed (%v). It is left untouched: nothing will be saved over it in this tab. Download it to keep a copy.", err, berr)
			s.msg.Action = actionDownloadUnreadable
			return
		}
		s.setError("Your saved work for this article could not be read (%v). It is kept unchanged in this browser under %q; new work is saved separately.", err, key)
		s.msg.Action = actionDownloadUnreadable
		return
	}
	ws.Annotator = s.annotator
	s.ws = ws
	s.save = saveStatus{saveOK, "Saved"}
}

// downloadUnreadable downloads saved data that could not be read, as it was.
func (s *session) downloadUnreadable() {
	if s.unreadable.data != "" {
		download(s.unreadable.name, "application/json", []byte(s.unreadable.data))
	}
}

// cells is what every sentence should show now.
func (s *session) cells() []cell {
	sc := s.ws.Scheme()
	cells := make([]cell, len(s.doc.Sentences))
	for i := range cells {
		c := &cells[i]
		c.Selected = s.sel.contains(i)
		c.Focus = i == s.sel.focus
		if s.feedback != nil && i < len(s.feedback.Sentences) {
			if v := s.feedback.Sentences[i].Verdict; v != annotations.Untouched {
				c.Verdict = v.String()
			}
		}
		a, ok := s.ws.At(i)
		if !ok {
			continue
		}
		c.Label = a.Label
		if l, ok := sc.Label(a.Label); ok {
			c.Color = l.Color
			if a.SentenceIDs[0] == s.doc.Sentences[i].ID {
				c.Name = l.Name
			}
		}
	}
	return cells
}

// refresh repaints the sentences and lets the components re-render.
func (s *session) refresh() {
	s.painter.paint(s.cells())
	s.ver++
	if s.update != nil {
		s.update()
	}
}

// changed is called after every change to the work: repaint at once, then
// save. In the browser the save runs after the next frame is painted (see
// later), so a tag is on screen before the work is serialised; changes made
// before that save are saved together.
func (s *session) changed() {
	s.refresh()
	if s.later == nil {
		s.persist()
		return
	}
	if s.savePending {
		return
	}
	s.savePending = true
	s.later(s.flush)
}

// flush saves now if a save is pending (also when the page is hidden).
func (s *session) flush() {
	if !s.savePending {
		return
	}
	s.savePending = false
	s.persist()
	s.refresh()
}

// persist saves the workspace under the document's key.
func (s *session) persist() {
	if s.noSave {
		s.save = saveStatus{saveFailed, "Not saved: your earlier saved work could not be read and is kept untouched. Export (e) to keep this work."}
		return
	}
	data, err := s.ws.MarshalState()
	if err == nil {
		err = s.store.set(s.workKey(), string(data))
	}
	switch {
	case err == nil:
		s.save = saveStatus{saveOK, "Saved"}
		if s.assignment == nil {
			s.touchEntry()
		}
	case errors.Is(err, errQuota):
		s.announce("Not saved: the browser's storage is full.")
		s.save = saveStatus{saveFailed, "Not saved: the browser's storage is full. Your work is kept in this tab; export it (e) to keep a copy."}
	default:
		s.save = saveStatus{saveFailed, fmt.Sprintf("Not saved: %v. Your work is kept in this tab; export it (e) to keep a copy.", err)}
	}
}

// announce tells screen-reader users what just happened (an aria-live region).
func (s *session) announce(format string, args ...any) {
	s.said = fmt.Sprintf(format, args...)
	s.saidN++
}

// dismissHint hides the first-run hint for good.
func (s *session) dismissHint() {
	s.hint = false
	if err := s.store.set(keyHintDismissed, "1"); err != nil {
		s.setError("Remembering that the hint was dismissed failed: %v.", err)
	}
	s.refresh()
}

func (s *session) setError(format string, args ...any) {
	s.msg = message{Kind: "error", Text: fmt.Sprintf(format, args...)}
}

func (s *session) setInfo(format string, args ...any) {
	s.msg = message{Kind: "info", Text: fmt.Sprintf(format, args...)}
}

// clickSentence selects sentence i, or extends the selection to it (shift).
func (s *session) clickSentence(i int, extend bool) {
	if i < 0 || i >= len(s.doc.Sentences) {
		return
	}
	if extend || s.extend {
		s.sel = s.sel.extendTo(i)
	} else {
		s.sel = at(i)
	}
	s.refresh()
}

// selectRun selects sentences a to b, as a mouse text selection does.
func (s *session) selectRun(a, b int) {
	n := len(s.doc.Sentences)
	if a < 0 || b < 0 || a >= n || b >= n {
		return
	}
	s.sel = selection{a, b}
	s.refresh()
}

// move moves the cursor; extend keeps the anchor.
func (s *session) move(cmd command, extend bool) {
	n := len(s.doc.Sentences)
	switch cmd {
	case cmdNext:
		s.sel = s.sel.moved(1, n, extend)
	case cmdPrev:
		s.sel = s.sel.moved(-1, n, extend)
	case cmdFirst:
		s.sel = s.sel.moved(-n, n, extend)
	case cmdLast:
		s.sel = s.sel.moved(n, n, extend)
	}
	s.refresh()
}

// deselect clears the selection.
func (s *session) deselect() {
	s.sel = noSelection
	s.refresh()
}

// tagKey tags the selection with the label whose hotkey is key.
func (s *session) tagKey(key string) {
	l, ok := s.ws.Scheme().LabelForKey(key)
	if !ok {
		s.setError("No label has the key %s in %s.", key, s.ws.Scheme().Name)
		s.refresh()
		return
	}
	s.tag(l.ID)
}

// tag makes the selection one highlight with the label.
func (s *session) tag(labelID string) {
	if s.sel.empty() {
		s.setError("Select a sentence first: click it, or press j.")
		s.refresh()
		return
	}
	a, b := s.sel.bounds()
	if _, err := s.ws.Tag(a, b, labelID); err != nil {
		s.setError("Tagging failed: %v.", err)
		s.refresh()
		return
	}
	s.msg = message{}
	name := labelID
	if l, ok := s.ws.Scheme().Label(labelID); ok {
		name = l.Name
	}
	s.announce("%s: %s.", name, plural(b-a+1, "sentence"))
	s.changed()
}

// clear removes the labels of the selected sentences.
func (s *session) clear() {
	if s.sel.empty() {
		return
	}
	a, b := s.sel.bounds()
	if s.ws.Clear(a, b) {
		s.msg = message{}
		s.announce("Labels removed from %s.", plural(b-a+1, "sentence"))
		s.changed()
	}
}

// highlight is the highlight under the cursor, whose note the note field edits.
func (s *session) highlight() (annotations.Annotation, bool) {
	if s.sel.empty() {
		return annotations.Annotation{}, false
	}
	return s.ws.At(s.sel.focus)
}

// setNote sets the note of a highlight.
func (s *session) setNote(id, note string) {
	a, ok := s.ws.Annotation(id)
	if !ok || a.Note == note {
		return
	}
	if err := s.ws.SetNote(id, note); err != nil {
		s.setError("Saving the note failed: %v.", err)
		s.refresh()
		return
	}
	s.changed()
}

// undo undoes the last change, whatever its kind.
func (s *session) undo() {
	if s.ws.Undo() {
		s.msg = message{}
		s.announce("Undone.")
		s.changed()
	} else {
		s.announce("Nothing to undo.")
		s.refresh()
	}
}

// redo redoes the last undone change.
func (s *session) redo() {
	if s.ws.Redo() {
		s.msg = message{}
		s.announce("Redone.")
		s.changed()
	} else {
		s.announce("Nothing to redo.")
		s.refresh()
	}
}

// setTarget edits the target claim of the active label set.
func (s *session) setTarget(target string) {
	target = strings.TrimSpace(target)
	if target == s.ws.Scheme().Target {
		return
	}
	if err := s.ws.SetTarget(target); err != nil {
		s.setError("Changing the target claim failed: %v.", err)
		s.refresh()
		return
	}
	s.changed()
}

// selectScheme switches the label set; every set keeps its highlights.
func (s *session) selectScheme(id string) {
	if id == s.ws.Scheme().ID {
		return
	}
	if err := s.ws.SelectScheme(id); err != nil {
		s.setError("Switching labels failed: %v.", err)
		s.refresh()
		return
	}
	s.changed()
}

// selectHighlight selects the sentences of a highlight and returns the
// index of its first sentence, or -1.
func (s *session) selectHighlight(id string) int {
	a, ok := s.ws.Annotation(id)
	if !ok || len(a.SentenceIDs) == 0 {
		return -1
	}
	first := s.doc.SentenceIndex(a.SentenceIDs[0])
	last := s.doc.SentenceIndex(a.SentenceIDs[len(a.SentenceIDs)-1])
	s.sel = selection{last, first}
	s.refresh()
	return first
}

// setAnnotator remembers the annotator's name for exports.
func (s *session) setAnnotator(name string) {
	name = strings.TrimSpace(name)
	s.annotator = name
	s.ws.Annotator = name
	if err := s.store.set(keyAnnotator, name); err != nil {
		s.setError("Remembering your name failed: %v.", err)
	}
	s.refresh()
}

// exportFile is the export of the active label set in a format of
// annotations.Formats ("json" is stancemark/v1).
func (s *session) exportFile(format string) (name string, data []byte, err error) {
	e := s.ws.Export(s.now())
	e.Annotator.Name = s.annotator
	var buf bytes.Buffer
	if err := annotations.WriteFormat(&buf, format, []*annotations.Export{e}); err != nil {
		return "", nil, err
	}
	return slug(s.doc.Title) + annotations.FormatExtension(format), buf.Bytes(), nil
}

// importFile imports a stancemark/v1 file; on any problem it changes
// nothing and says what is wrong.
func (s *session) importFile(name string, data []byte) {
	e, err := annotations.ReadExport(bytes.NewReader(data))
	if err == nil {
		err = s.ws.Import(e)
		if errors.Is(err, annotations.ErrOtherDocument) && s.reanchor(name, e) {
			return
		}
	}
	if err != nil {
		s.setError("Import of %s failed, nothing was changed: %v", name, err)
		s.refresh()
		return
	}
	if s.annotator == "" && e.Annotator.Name != "" {
		s.setAnnotator(e.Annotator.Name) // a fresh browser takes the file's annotator
	}
	s.setInfo("Imported %d highlights (%s) from %s.", len(e.Annotations), e.Scheme.Name, name)
	s.changed()
}

// plural is "1 sentence", "2 sentences".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
