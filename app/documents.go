package app

import (
	"errors"
	"strings"

	"stancemark/annotations"
	"stancemark/articles"
)

// bundledTarget is the claim the bundled article comes with.
func bundledTarget() string { return articles.BundledTarget }

// openDocument opens doc, keeping it in the library. A text that is already
// there (same id) is reopened with its annotations instead of duplicated.
func (s *session) openDocument(doc *annotations.Document, target, source string) {
	if doc.ID == s.doc.ID {
		s.setInfo("%q is already open.", s.doc.Title)
		s.refresh()
		return
	}
	if s.entry(doc.ID) >= 0 {
		if stored, storedTarget, err := s.loadDocument(doc.ID); err == nil {
			s.switchTo(stored, storedTarget)
			s.setInfo("This text is already in your library as %q: it is opened with its annotations.", stored.Title)
			return
		}
	}
	b, _ := bundledDocument()
	if b == nil || doc.ID != b.ID {
		if err := s.storeDocument(doc, target, source); err != nil {
			s.switchTo(doc, target)
			s.setError("%q is open, but it could not be stored in this browser (%v): export your work before closing the tab.", doc.Title, err)
			return
		}
	}
	s.switchTo(doc, target)
	s.setInfo("Opened %q: %s.", doc.Title, plural(len(doc.Sentences), "sentence"))
}

// openStored opens a document of the library by id.
func (s *session) openStored(id string) {
	doc, target, err := s.loadDocument(id)
	if err != nil {
		s.fail("Opening the document failed: %v.", err)
		return
	}
	s.hide(overlayLibrary)
	if doc.ID == s.doc.ID {
		s.refresh()
		return
	}
	s.switchTo(doc, target)
	s.clearMessage()
}

// switchTo makes doc the open document with its saved work.
func (s *session) switchTo(doc *annotations.Document, target string) {
	s.load(doc, annotations.NewWorkspaceFor(doc, target), nil, nil)
	if err := s.rememberCurrent(doc.ID); err != nil {
		s.save = saveStatus{saveFailed, "Not saved: " + err.Error()}
	}
	s.ensureEntry()
	s.docChanged()
}

// load makes doc, with the workspace ws, the open document: of the
// assignment a when a student works on one, or of the current task of the
// project pm (nil otherwise). A save still
// waiting for the previous document is made first; then the saved work of
// the new one is restored.
func (s *session) load(doc *annotations.Document, ws *annotations.Workspace, a *annotations.Assignment, pm *projectMode) {
	s.flush()
	s.project = pm
	s.assignment = a
	s.feedback = nil
	if s.mode == modeAdjudicate {
		s.store.remove(keyAdjudicating) // a document opened from the Adjudicate view leaves it, also after a reload
	}
	s.mode = modeAnnotate
	s.doc = doc
	s.ws = ws
	s.sel = noSelection
	s.orphans = nil
	s.restoreWork()
}

// docChanged re-renders the article for a new document, then repaints it.
func (s *session) docChanged() {
	s.ver++
	if s.update != nil {
		s.update()
	}
	repaint := func() {
		s.painter.attach()
		s.painter.paint(s.cells())
		s.paintList()
	}
	if s.afterRender != nil {
		s.afterRender(repaint)
	} else {
		repaint()
	}
}

// openData opens a file or download, whatever annotations.Open finds in
// it: an article (plain text, Markdown or HTML), a stancemark/v1 export (its
// document and annotations) or an assignment. Reading a long file takes a
// moment: the reader is told first, and the document is mounted in a task
// of its own.
func (s *session) openData(name string, data []byte) {
	s.opening++ // an open still in progress is abandoned
	if s.interactive() && len(data) >= slicedOpenBytes {
		if p, ok := annotations.OpenSliced(name, data); ok {
			s.openSliced(name, data, p) // long plain text: in slices, with progress
			return
		}
	}
	s.openParsed(name, data)
}

// openParsed is openData in one go: Open, then what it found.
func (s *session) openParsed(name string, data []byte) {
	s.busy("Opening "+name+"…", func() {
		o, err := annotations.Open(name, data)
		if err != nil {
			s.failOpen(name, err)
			return
		}
		s.next(func() {
			switch o.Kind {
			case annotations.OpenedExport:
				s.openExport(name, o)
			case annotations.OpenedAssignment:
				s.openAssignment(o.Assignment)
			case annotations.OpenedProject:
				s.projectFile = data // kept as it is (project_store.go)
				s.openProject(o.Project)
			case annotations.OpenedSubmission:
				s.openSubmission(name, o.Submission)
			case annotations.OpenedGold:
				s.adjImportGold(name, o.Gold) // the Adjudicate view (adjudicate_commands.go)
			default:
				s.openDocument(o.Document, "", name)
			}
		})
	})
}

// failOpen says why a file could not be opened, by what it was taken for.
func (s *session) failOpen(name string, err error) {
	var oe *annotations.OpenError
	kind := annotations.OpenedDocument
	if errors.As(err, &oe) {
		kind = oe.Kind
	}
	switch kind {
	case annotations.OpenedExport:
		s.fail("Opening %s failed, nothing was changed: %v", name, err)
	case annotations.OpenedAssignment:
		s.fail("Opening the assignment %s failed: %v", name, err)
	case annotations.OpenedProject, annotations.OpenedSubmission, annotations.OpenedGold:
		s.fail("Opening the %s %s failed, nothing was changed: %v", kind, name, err)
	default:
		s.fail("Opening %s failed: %v", name, err)
	}
}

// openExport opens the document of an export and imports its annotations.
func (s *session) openExport(name string, o *annotations.Opened) {
	if o.Document.ID != s.doc.ID && s.project == nil && s.assignment == nil && s.reanchor(name, o.Export) {
		return // made on another version of the open text: its highlights are on it now
	}
	if o.Document.ID != s.doc.ID {
		s.openDocument(o.Document, o.Export.Scheme.Target, name)
		if o.Document.ID != s.doc.ID { // it could not be opened
			return
		}
	}
	s.importExport(name, o.Export)
}

// maxOpenBytes is the largest file or download that is opened.
const maxOpenBytes = annotations.MaxImportBytes

// openPasted opens pasted text: the title typed, or else its first line.
func (s *session) openPasted(title, text string) {
	s.busy("Opening the pasted text…", func() {
		var doc *annotations.Document
		var err error
		if strings.TrimSpace(title) == "" {
			doc, err = annotations.ParsePlainText(text)
		} else {
			doc, err = annotations.NewDocument(strings.TrimSpace(title), text)
		}
		if err != nil {
			s.fail("Opening the pasted text failed: %v.", err)
			return
		}
		s.next(func() { // a separate task: a long document freezes the tab in shorter steps
			clearPaste()
			s.showLibrary(false)
			s.openDocument(doc, "", "pasted text")
		})
	})
}

// next runs f after the next paint in the browser, at once elsewhere.
func (s *session) next(f func()) {
	if s.later == nil {
		f()
		return
	}
	s.later(f)
}

// busy says what is happening, lets the browser paint that, then does f:
// splitting a long text into sentences takes a moment.
func (s *session) busy(what string, f func()) {
	if s.later == nil {
		f()
		return
	}
	s.setInfo("%s", what)
	s.refresh()
	s.next(f)
}

// openCurrent opens the document that was open last time, if it is not the
// one already shown.
func (s *session) openCurrent() {
	id, kind, ok := s.current()
	switch kind {
	case annotations.OpenedAssignment:
		s.reopenAssignment(id)
		return
	case annotations.OpenedProject:
		s.reopenProject(id)
		return
	}
	if !ok || id == s.doc.ID {
		return
	}
	doc, target, err := s.loadDocument(id)
	if err != nil {
		s.setError("The document you had open could not be reopened (%v); the bundled article is shown.", err)
		return
	}
	s.switchTo(doc, target)
}

// openURL opens a text, HTML or stancemark/v1 file from a URL (?src=).
func (s *session) openURL(url string) {
	s.setInfo("Opening %s…", url)
	fetchURL(url, maxOpenBytes, func(data []byte, err error) {
		s.dispatch(func() {
			if err != nil {
				s.fail("Opening %s failed: %v.", url, err)
				return
			}
			s.openData(url, data)
		})
	})
}

// dropped notes that n files were dropped on the page: in the dashboard
// they are submissions, elsewhere the first one is opened.
func (s *session) dropped(n int) {
	s.dropSeen = 0
	if s.mode == modeDashboard && s.class.class != nil {
		s.dashExpect(n)
	}
}

// droppedFile handles one dropped file.
func (s *session) droppedFile(name string, data []byte, err error) {
	if s.overlay == overlayNewProject { // every file dropped on New project is one of its inputs
		s.addProjectFile(name, data, err)
		return
	}
	s.dropSeen++
	if s.mode == modeAdjudicate { // every file dropped there is for the adjudication
		s.adjDropped(name, data, err)
		return
	}
	if s.mode == modeDashboard && s.class.class != nil {
		s.dashAdd(name, data, err)
		return
	}
	if s.mode == modeDashboard {
		if err == nil {
			s.dashAssignmentData(name, data)
		}
		return
	}
	if s.dropSeen > 1 {
		return // only the first of several files is opened
	}
	if err != nil {
		s.fail("Opening failed: %v", err)
		return
	}
	s.openData(name, data)
}
