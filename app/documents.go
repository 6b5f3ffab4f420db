package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
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
		s.setError("Opening the document failed: %v.", err)
		s.refresh()
		return
	}
	s.library.open = false
	closeModal("library")
	if doc.ID == s.doc.ID {
		s.refresh()
		return
	}
	s.switchTo(doc, target)
	s.msg = message{}
}

// switchTo makes doc the open document with its saved work.
func (s *session) switchTo(doc *annotations.Document, target string) {
	s.assignment = nil
	s.feedback = nil
	s.mode = modeAnnotate
	s.doc = doc
	s.ws = newWorkspace(doc, target)
	s.sel = noSelection
	s.orphans = nil
	s.save = saveStatus{saveClean, "Saved"}
	s.restoreWork()
	if err := s.store.set(keyCurrent, doc.ID); err != nil {
		s.save = saveStatus{saveFailed, "Not saved: " + err.Error()}
	}
	s.ensureEntry()
	s.docChanged()
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
	}
	if s.afterRender != nil {
		s.afterRender(repaint)
	} else {
		repaint()
	}
}

// openData opens a file or download: a stancemark/v1 export (its document
// and annotations), or an article as plain text, Markdown or HTML.
func (s *session) openData(name string, data []byte) {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	if len(trimmed) > 0 && trimmed[0] == '{' {
		var head struct {
			Format string `json:"format"`
		}
		_ = json.Unmarshal(trimmed, &head)
		switch {
		case head.Format == annotations.FormatV1 || strings.HasPrefix(head.Format, "stancemark/"):
			s.openExport(name, data)
			return
		case strings.HasPrefix(head.Format, "stancemark-assignment/"):
			s.openAssignmentData(name, data)
			return
		}
	}
	s.busy("Opening "+name+"…", func() {
		doc, err := parseDocumentFile(name, data)
		if err != nil {
			s.setError("Opening %s failed: %v", name, err)
			s.refresh()
			return
		}
		s.next(func() { s.openDocument(doc, "", name) })
	})
}

// openExport opens the document of a stancemark/v1 export and imports its
// annotations; on any problem nothing changes.
func (s *session) openExport(name string, data []byte) {
	e, err := annotations.ReadExport(bytes.NewReader(data))
	var doc *annotations.Document
	if err == nil {
		doc, err = e.Doc()
	}
	if err != nil {
		s.setError("Opening %s failed, nothing was changed: %v", name, err)
		s.refresh()
		return
	}
	if doc.ID != s.doc.ID {
		s.openDocument(doc, e.Scheme.Target, name)
		if doc.ID != s.doc.ID { // it could not be opened
			return
		}
	}
	s.importFile(name, data)
}

// deleteDocument removes a document and its annotations from the browser;
// undoDelete brings them back while the page is open.
func (s *session) deleteDocument(id string) {
	i := s.entry(id)
	if i < 0 {
		return
	}
	d := &deletedDoc{entry: s.library.entries[i], wasCurrent: id == s.doc.ID}
	var err error
	d.doc, d.hadDoc, err = s.store.get(docKey(id))
	if err == nil {
		d.work, d.hadWork, err = s.store.get(workKey(id))
	}
	if err != nil {
		s.setError("Deleting failed, nothing was changed: %v.", err)
		s.refresh()
		return
	}
	if d.wasCurrent {
		b, err := bundledDocument()
		if err != nil || b.ID == id {
			s.setError("The bundled article cannot be deleted; clear its highlights instead.")
			s.refresh()
			return
		}
		s.switchTo(b, bundledTarget())
	}
	s.store.remove(docKey(id))
	s.store.remove(workKey(id))
	s.library.entries = append(s.library.entries[:i:i], s.library.entries[i+1:]...)
	s.saveLibrary()
	s.library.deleted = d
	s.library.confirm = ""
	s.setInfo("Deleted %q and its annotations.", d.entry.Title)
	s.msg.Action = actionUndoDelete
	s.announce("Deleted %q.", d.entry.Title)
	s.refresh()
}

// undoDelete restores the last deleted document.
func (s *session) undoDelete() {
	d := s.library.deleted
	if d == nil {
		return
	}
	var errs []error
	if d.hadDoc {
		errs = append(errs, s.store.set(docKey(d.entry.ID), d.doc))
	}
	if d.hadWork {
		errs = append(errs, s.store.set(workKey(d.entry.ID), d.work))
	}
	if err := errors.Join(errs...); err != nil {
		s.setError("Restoring %q failed: %v. Try again after freeing storage.", d.entry.Title, err)
		s.refresh()
		return
	}
	s.library.entries = append(s.library.entries, d.entry)
	s.saveLibrary()
	s.library.deleted = nil
	s.setInfo("Restored %q.", d.entry.Title)
	if d.wasCurrent {
		s.openStored(d.entry.ID)
		return
	}
	s.refresh()
}

// renameDocument changes a document's title (its id, the hash of its text,
// stays the same).
func (s *session) renameDocument(id, title string) {
	title = strings.TrimSpace(title)
	i := s.entry(id)
	if i < 0 || title == "" || title == s.library.entries[i].Title {
		return
	}
	doc, target, err := s.loadDocument(id)
	if err != nil {
		s.setError("Renaming failed: %v.", err)
		s.refresh()
		return
	}
	renamed := *doc
	renamed.Title = title
	if err := s.storeDocument(&renamed, target, ""); err != nil {
		s.setError("Renaming failed: %v.", err)
		s.refresh()
		return
	}
	s.library.entries[i].Title = title
	s.saveLibrary()
	if id == s.doc.ID {
		s.doc = &renamed
		s.ws.Doc = &renamed
		s.docChanged()
		return
	}
	s.refresh()
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
			s.setError("Opening the pasted text failed: %v.", err)
			s.refresh()
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

// showLibrary opens or closes the library dialog.
func (s *session) showLibrary(open bool) {
	s.library.open = open
	s.library.confirm = ""
	if open {
		s.library.usage = fmt.Sprintf("Your documents and annotations take %s of this browser's storage for Stancemark (browsers allow about 5 MB per site).", formatBytes(float64(s.store.usage())))
		openModal("library")
		estimateStorage(func(usage, quota float64) {
			s.dispatch(func() {
				s.library.usage = fmt.Sprintf("Your documents and annotations take %s of this browser's storage for Stancemark (browsers allow about 5 MB per site); the site uses %s of %s available.", formatBytes(float64(s.store.usage())), formatBytes(usage), formatBytes(quota))
				s.refresh()
			})
		})
	} else {
		closeModal("library")
	}
	s.refresh()
}

// openCurrent opens the document that was open last time, if it is not the
// one already shown.
func (s *session) openCurrent() {
	id, ok, _ := s.store.get(keyCurrent)
	if aid, isAssignment := strings.CutPrefix(id, assignmentCurrent); isAssignment {
		s.reopenAssignment(aid)
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
				s.setError("Opening %s failed: %v.", url, err)
				s.refresh()
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
	s.dropSeen++
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
		s.setError("Opening failed: %v", err)
		s.refresh()
		return
	}
	s.openData(name, data)
}
