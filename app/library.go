package app

import (
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"stancemark/annotations"
)

// Keys of the document library.
const (
	keyLibrary = "stancemark/v1/library" // the list of documents, []libraryEntry
	keyCurrent = "stancemark/v1/current" // the id of the open document
	docFormat  = "stancemark-doc/v1"
)

// docKey is where a document's title and text are kept.
func docKey(id string) string { return "stancemark/v1/doc/" + id }

// libraryEntry is one document in the library.
type libraryEntry struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Sentences int       `json:"sentences"`
	Tagged    int       `json:"tagged"`
	Edited    time.Time `json:"edited"` // zero until the first change
	Added     time.Time `json:"added"`
}

// docRecord is a stored document: enough to segment it again.
type docRecord struct {
	Format string    `json:"format"`
	Title  string    `json:"title"`
	Text   string    `json:"text"`
	Target string    `json:"target,omitempty"`
	Source string    `json:"source,omitempty"` // file name or URL it came from
	Added  time.Time `json:"added"`
}

// libraryState is the library dialog and what it lists.
type libraryState struct {
	entries []libraryEntry
	open    bool
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

// loadLibrary reads the library list; an unreadable list is rebuilt from
// the open document only (the documents themselves stay stored).
func (s *session) loadLibrary() {
	s.library.entries = nil
	data, ok, _ := s.store.get(keyLibrary)
	if ok {
		if err := json.Unmarshal([]byte(data), &s.library.entries); err != nil {
			s.library.entries = nil
			s.setError("The list of your documents could not be read (%v); it is rebuilt as you open them.", err)
		}
	}
	s.ensureEntry()
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

func (s *session) saveLibrary() {
	data, err := json.Marshal(s.library.entries)
	if err == nil {
		err = s.store.set(keyLibrary, string(data))
	}
	if err != nil {
		s.save = saveStatus{saveFailed, fmt.Sprintf("Not saved: the list of documents could not be stored (%v).", err)}
	}
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

// loadDocument reads a stored document, or the bundled article.
func (s *session) loadDocument(id string) (*annotations.Document, string, error) {
	data, ok, err := s.store.get(docKey(id))
	if err != nil {
		return nil, "", err
	}
	if !ok {
		if b, err := bundledDocument(); err == nil && b.ID == id {
			return b, bundledTarget(), nil
		}
		return nil, "", fmt.Errorf("the document %s is not stored in this browser", id)
	}
	var rec docRecord
	if err := json.Unmarshal([]byte(data), &rec); err != nil {
		return nil, "", fmt.Errorf("the stored document %s could not be read: %v", id, err)
	}
	if rec.Format != docFormat {
		return nil, "", fmt.Errorf("the stored document %s has the unknown format %q", id, rec.Format)
	}
	doc, err := annotations.NewDocument(rec.Title, rec.Text)
	if err != nil {
		return nil, "", err
	}
	if doc.ID != id {
		return nil, "", fmt.Errorf("the stored document %s does not match its id", id)
	}
	return doc, rec.Target, nil
}

// storeDocument keeps a document's text so it can be reopened.
func (s *session) storeDocument(doc *annotations.Document, target, source string) error {
	rec := docRecord{Format: docFormat, Title: doc.Title, Text: doc.Text, Target: target, Source: source, Added: s.now().UTC()}
	data, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	return s.store.set(docKey(doc.ID), string(data))
}
