package app

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// libraryEntry is one document in the library.
type libraryEntry struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Sentences int       `json:"sentences"`
	Tagged    int       `json:"tagged"`
	Edited    time.Time `json:"edited"` // zero until the first change
	Added     time.Time `json:"added"`
}

// libraryState is the library dialog and what it lists.
type libraryState struct {
	entries []libraryEntry
	confirm string      // id of the document whose deletion awaits confirmation
	deleted *deletedDoc // the last deletion, undoable while the page is open
	usage   string      // how much browser storage is used and left
}

// deletedDoc is everything a deletion removed.
type deletedDoc struct {
	entry      libraryEntry
	doc, work  string
	hadDoc     bool
	hadWork    bool
	wasCurrent bool
}

// ensureEntry adds the open document to the library if it is not listed.
func (s *session) ensureEntry() {
	if s.entry(s.doc.ID) >= 0 {
		return
	}
	tagged, _ := s.ws.Counts()
	s.library.entries = append(s.library.entries, libraryEntry{
		ID: s.doc.ID, Title: s.doc.Title, Sentences: len(s.doc.Sentences),
		Tagged: tagged, Added: s.now().UTC(),
	})
	s.saveLibrary()
}

// entry is the index of a document in the library, or -1.
func (s *session) entry(id string) int {
	for i, e := range s.library.entries {
		if e.ID == id {
			return i
		}
	}
	return -1
}

// touchEntry records progress and the edit time of the open document.
func (s *session) touchEntry() {
	i := s.entry(s.doc.ID)
	if i < 0 {
		s.ensureEntry()
		i = s.entry(s.doc.ID)
	}
	e := &s.library.entries[i]
	e.Tagged, _ = s.ws.Counts()
	e.Title = s.doc.Title
	e.Edited = s.now().UTC()
	s.saveLibrary()
}

// sortedEntries lists the library, last edited (or added) first.
func (s *session) sortedEntries() []libraryEntry {
	out := append([]libraryEntry(nil), s.library.entries...)
	last := func(e libraryEntry) time.Time {
		if e.Edited.After(e.Added) {
			return e.Edited
		}
		return e.Added
	}
	sort.SliceStable(out, func(i, j int) bool { return last(out[i]).After(last(out[j])) })
	return out
}

// askDelete asks to confirm the deletion of a document.
func (s *session) askDelete(id string) {
	s.library.confirm = id
	s.refresh()
}

// cancelDelete withdraws the question.
func (s *session) cancelDelete() {
	s.library.confirm = ""
	s.refresh()
}

// deleteDocument removes a document and its annotations from the browser;
// undoDelete brings them back while the page is open.
func (s *session) deleteDocument(id string) {
	i := s.entry(id)
	if i < 0 {
		return
	}
	d := &deletedDoc{entry: s.library.entries[i], wasCurrent: id == s.doc.ID}
	if d.wasCurrent {
		b, err := bundledDocument()
		if err != nil || b.ID == id {
			s.fail("The bundled article cannot be deleted; clear its highlights instead.")
			return
		}
		s.switchTo(b, bundledTarget())
	}
	if err := s.takeDocument(id, d); err != nil {
		s.fail("Deleting failed, nothing was changed: %v.", err)
		return
	}
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
	if err := s.putBack(d); err != nil {
		s.fail("Restoring %q failed: %v. Try again after freeing storage.", d.entry.Title, err)
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
		s.fail("Renaming failed: %v.", err)
		return
	}
	renamed := *doc
	renamed.Title = title
	if err := s.storeDocument(&renamed, target, ""); err != nil {
		s.fail("Renaming failed: %v.", err)
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

// showLibrary opens or closes the library dialog.
func (s *session) showLibrary(open bool) {
	s.library.confirm = ""
	if !open {
		s.hide(overlayLibrary)
		s.refresh()
		return
	}
	s.library.usage = fmt.Sprintf("Your documents and annotations take %s of this browser's storage for Stancemark (browsers allow about 5 MB per site).", formatBytes(float64(s.storageUsage())))
	s.show(overlayLibrary)
	estimateStorage(func(usage, quota float64) {
		s.dispatch(func() {
			s.library.usage = fmt.Sprintf("Your documents and annotations take %s of this browser's storage for Stancemark (browsers allow about 5 MB per site); the site uses %s of %s available.", formatBytes(float64(s.storageUsage())), formatBytes(usage), formatBytes(quota))
			s.refresh()
		})
	})
	s.refresh()
}
