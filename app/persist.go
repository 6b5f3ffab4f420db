package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"stancemark/annotations"
)

// Everything Stancemark keeps in the browser's localStorage goes through
// this file and its neighbours: here the keys, the save and restore path of
// the work and the library's records; the classroom's in persist_class.go,
// a project's in persist_project.go, the adjudications' in
// persist_adjudication.go. Every key starts with
// "stancemark/" and carries the version of what it holds; what each holds
// is pinned by the fixtures in testdata/saved.

// Keys of single values.
const (
	keyPrefix        = "stancemark/"
	keyAnnotator     = "stancemark/v1/annotator"        // the annotator's name
	keyHintDismissed = "stancemark/v1/hint-dismissed"   // "1" once the first-run hint is dismissed
	keyStudent       = "stancemark/v1/student"          // a student's name, asked once
	keyLibrary       = "stancemark/v1/library"          // the list of documents, []libraryEntry
	keyCurrent       = "stancemark/v1/current"          // the id of the open document, or assignmentCurrent+id
	keyMade          = "stancemark/v1/made-assignments" // ids of assignments made here, newest last
	keyAdjudicating  = "stancemark/v1/adjudicating"     // the scope (project or document id) of the adjudication open in the Adjudicate view
	keyAdjudications = "stancemark/v1/adjudications"    // the adjudications kept here, []adjListed, newest last

	// assignmentCurrent prefixes keyCurrent's value when a student has an assignment open.
	assignmentCurrent = "assignment:"
	// projectCurrent prefixes keyCurrent's value when a project is open.
	projectCurrent = "project:"
	// docFormat is the format of a stored document (docRecord); records of
	// docFormatV1 (no sentences) still read: see boundaries_store.go.
	docFormat = "stancemark-doc/v2"
)

// workKey is where the annotations of one document are saved.
func workKey(docID string) string { return "stancemark/v1/work/" + docID }

// docKey is where a document's title and text are kept.
func docKey(id string) string { return "stancemark/v1/doc/" + id }

// assignmentKey is where an assignment opened or made here is kept; a
// student's work on it is saved under the same key + "/work".
func assignmentKey(id string) string { return "stancemark/v1/assignment/" + id }

// projectKey is where a project file opened here is kept; its annotator's
// place in it under + "/state" (projectState), and the work on each task
// under + "/task/<task id>/work".
func projectKey(id string) string { return "stancemark/v1/project/" + id }

// unsavedOnLeave is asked as the page is about to be left: a save still
// waiting is made now, and it reports whether work is then only in memory
// (the storage is full, or saved work could not be read nor backed up), so
// the browser warns before it is lost.
func (s *session) unsavedOnLeave() bool {
	if s.save.State == saveSaving {
		s.flush()
	}
	return s.save.State == saveFailed || s.save.State == saveBlocked && s.ws.CanUndo()
}

// projectStateKey is where the annotator's place in a project is kept
// (projectProgress: done flags, overall stances, active time).
func projectStateKey(id string) string { return projectKey(id) + "/state" }

// projectTaskKey is where the work on one task of a project is saved.
func projectTaskKey(projectID, taskID string) string {
	return projectKey(projectID) + "/task/" + taskID + "/work"
}

// adjudicationKey is where an adjudication of a project or a document is
// kept (adjRecord, "stancemark-adjudication/v1"); scope is the project's id
// or the document's.
func adjudicationKey(scope string) string { return "stancemark/v1/adjudication/" + scope }

// backupKey is where unreadable saved work is moved, never overwritten.
func backupKey(docID string, at time.Time) string {
	return "stancemark/backup/" + at.UTC().Format("20060102T150405.000Z") + "/" + docID
}

// workKey is where the open work is saved: per document, or per assignment
// for a student (so an assignment never mixes with one's own annotations).
func (s *session) workKey() string {
	switch {
	case s.assignment != nil:
		return assignmentKey(s.assignment.ID) + "/work"
	case s.project != nil:
		return projectTaskKey(s.project.p.ID, s.project.task().ID)
	}
	return workKey(s.doc.ID)
}

// docRecord is a stored document: its text and the sentence boundaries its
// work is on (v2; a v1 record has none and is split by segmenter version 1).
type docRecord struct {
	Format     string                       `json:"format"`
	Title      string                       `json:"title"`
	Text       string                       `json:"text"`
	Segmenter  annotations.Segmenter        `json:"segmenter,omitempty"`  // v2: the version that split it, when no sentences are given
	Sentences  []annotations.ExportSentence `json:"sentences,omitempty"`  // v2: the boundaries, when not a segmenter's
	Boundaries string                       `json:"boundaries,omitempty"` // v2: their BoundariesID
	Target     string                       `json:"target,omitempty"`
	Source     string                       `json:"source,omitempty"` // file name or URL it came from
	Added      time.Time                    `json:"added"`
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
	s.save = saveStatus{saveClean, "Saved"}
	s.ws.Annotator = s.annotator
	data, ok, err := s.store.get(s.workKey())
	if err != nil {
		s.blockSaving()
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
			s.blockSaving()
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
	s.save = saved
}

// blockSaving keeps unreadable saved work safe: nothing is saved over it.
func (s *session) blockSaving() {
	s.save = saveStatus{saveBlocked, "Not saved: your earlier saved work could not be read and is kept untouched. Export (e) to keep this work."}
}

// flush saves now if a save is waiting (also when the page is hidden, and
// before another document is opened).
func (s *session) flush() {
	if s.save.State != saveSaving {
		return
	}
	s.persist()
	s.refresh()
}

// persist saves the workspace under the document's key.
func (s *session) persist() {
	if s.save.State == saveBlocked {
		return
	}
	data, err := s.ws.MarshalState()
	if err == nil {
		err = s.store.set(s.workKey(), string(data))
	}
	switch {
	case err == nil:
		s.save = saved
		if s.assignment == nil && s.project == nil {
			s.touchEntry()
		}
	case errors.Is(err, errQuota) && s.project != nil: // a project's work leaves as a submission
		s.announce("Not saved: the browser's storage is full.")
		s.save = saveStatus{saveFailed, "Not saved: the browser's storage is full. Your work is kept in this tab; download your submission to keep a copy."}
	case errors.Is(err, errQuota):
		s.announce("Not saved: the browser's storage is full.")
		s.save = saveStatus{saveFailed, "Not saved: the browser's storage is full. Your work is kept in this tab; export it (e) to keep a copy."}
	default:
		s.save = saveStatus{saveFailed, fmt.Sprintf("Not saved: %v. Your work is kept in this tab; export it (e) to keep a copy.", err)}
	}
}

// remember stores a preference; what names it in the error ("your name").
func (s *session) remember(key, value, what string) {
	if err := s.store.set(key, value); err != nil {
		s.setError("Remembering %s failed: %v.", what, err)
	}
}

// rememberCurrent records which document (or assignmentCurrent+id) is open.
func (s *session) rememberCurrent(id string) error { return s.store.set(keyCurrent, id) }

// current is what was open last time: a document id, or the id of an
// assignment or a project, with what it is.
func (s *session) current() (id string, kind annotations.OpenedKind, ok bool) {
	v, ok, _ := s.store.get(keyCurrent)
	if aid, isAssignment := strings.CutPrefix(v, assignmentCurrent); isAssignment {
		return aid, annotations.OpenedAssignment, true
	}
	if pid, isProject := strings.CutPrefix(v, projectCurrent); isProject {
		return pid, annotations.OpenedProject, true
	}
	return v, annotations.OpenedDocument, ok
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

// saveLibrary stores the library list.
func (s *session) saveLibrary() {
	data, err := json.Marshal(s.library.entries)
	if err == nil {
		err = s.store.set(keyLibrary, string(data))
	}
	if err != nil {
		s.save = saveStatus{saveFailed, fmt.Sprintf("Not saved: the list of documents could not be stored (%v).", err)}
	}
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
	doc, err := rec.document(id)
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
	rec := newDocRecord(doc)
	rec.Target, rec.Source, rec.Added = target, source, s.now().UTC()
	data, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	return s.store.set(docKey(doc.ID), string(data))
}

// takeDocument removes a stored document and its work, and returns them so
// that putBack can restore them.
func (s *session) takeDocument(id string, d *deletedDoc) error {
	var err error
	d.doc, d.hadDoc, err = s.store.get(docKey(id))
	if err == nil {
		d.work, d.hadWork, err = s.store.get(workKey(id))
	}
	if err != nil {
		return err
	}
	s.store.remove(docKey(id))
	s.store.remove(workKey(id))
	return nil
}

// putBack stores again what takeDocument removed.
func (s *session) putBack(d *deletedDoc) error {
	var errs []error
	if d.hadDoc {
		errs = append(errs, s.store.set(docKey(d.entry.ID), d.doc))
	}
	if d.hadWork {
		errs = append(errs, s.store.set(workKey(d.entry.ID), d.work))
	}
	return errors.Join(errs...)
}

// storageUsage is how many bytes Stancemark's keys take.
func (s *session) storageUsage() int { return s.store.usage() }

// storeProject and storedProject (the project file itself, in IndexedDB)
// are in project_store.go.
