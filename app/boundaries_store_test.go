package app

import (
	"encoding/json"
	"strings"
	"testing"

	"stancemark/annotations"
)

// oldSplitText is split differently by segmenter versions 1 and 2.
const oldSplitText = "The firm moved to the E.U. Officials agreed.\n\nThat is King Jr.'s speech."

// TestStoredV1DocumentKeepsItsBoundaries: a document stored by a build
// before segmenter version 2 (stancemark-doc/v1, no sentences) with work on
// its third sentence reopens with the same title, id and sentences, its
// highlight on the same text; the library fixture's pasted document too.
func TestStoredV1DocumentKeepsItsBoundaries(t *testing.T) {
	old, err := annotations.NewDocumentSegmented("Old split", oldSplitText, annotations.SegmenterV1)
	if err != nil {
		t.Fatal(err)
	}
	ws := annotations.NewWorkspace(old)
	if _, err := ws.Tag(2, 2, "supports"); err != nil {
		t.Fatal(err)
	}
	work, err := ws.MarshalState()
	if err != nil {
		t.Fatal(err)
	}
	rec, _ := json.Marshal(map[string]string{"format": docFormatV1, "title": old.Title, "text": old.Text, "added": "2026-12-01T00:00:00Z"})
	saved := map[string]string{
		keyCurrent:       old.ID,
		docKey(old.ID):   string(rec),
		workKey(old.ID):  string(work),
		keyLibrary:       `[{"id":"` + old.ID + `","title":"Old split","sentences":3,"tagged":1,"edited":"2026-12-01T00:00:00Z","added":"2026-12-01T00:00:00Z"}]`,
		keyHintDismissed: "1",
	}
	s, _, _ := startOnSaved(t, saved)
	if s.doc.ID != old.ID || s.doc.Title != "Old split" || s.doc.BoundariesID() != old.BoundariesID() {
		t.Fatalf("reopened %q %s %s, want %q %s %s", s.doc.Title, s.doc.ID, s.doc.BoundariesID(), old.Title, old.ID, old.BoundariesID())
	}
	a := s.ws.Annotations()
	if len(a) != 1 || s.doc.Quote(s.doc.SentenceIndex(a[0].SentenceIDs[0]), s.doc.SentenceIndex(a[0].SentenceIDs[0])) != "speech." {
		t.Errorf("highlights %+v", a)
	}

	lib := loadSavedFixture(t, "library.json")
	s, _, _ = startOnSaved(t, lib)
	if s.doc.ID != pastedID || s.doc.Title != "School budget vote" || len(s.doc.Sentences) != 3 {
		t.Errorf("the saved pasted document reopened as %q %s (%d sentences)", s.doc.Title, s.doc.ID, len(s.doc.Sentences))
	}
}

// TestStoredDocumentRecordsBoundaries: a document stored now records its
// boundaries (stancemark-doc/v2): the segmenter version that split it and
// their id, or, once they are fixed, its sentences; it reopens on them, and
// a record whose sentences do not match its boundaries id is refused by
// name.
func TestStoredDocumentRecordsBoundaries(t *testing.T) {
	split, err := annotations.NewDocument("New", oldSplitText)
	if err != nil {
		t.Fatal(err)
	}
	s0, _ := newTestSession(t, newMemoryStore())
	if err := s0.storeDocument(split, "", "pasted text"); err != nil {
		t.Fatal(err)
	}
	data0, _, _ := s0.store.get(docKey(split.ID))
	var rec0 docRecord
	json.Unmarshal([]byte(data0), &rec0)
	if rec0.Segmenter != annotations.CurrentSegmenter || rec0.Sentences != nil || rec0.Boundaries != split.BoundariesID() {
		t.Errorf("a split document is stored as %+v", rec0)
	}
	if back, _, err := s0.loadDocument(split.ID); err != nil || back.BoundariesID() != split.BoundariesID() {
		t.Errorf("reloaded: %v", err)
	}
	rec0.Boundaries = "b0000000000000000"
	bad0, _ := json.Marshal(rec0)
	s0.store.set(docKey(split.ID), string(bad0))
	if _, _, err := s0.loadDocument(split.ID); err == nil || !strings.Contains(err.Error(), "segmenter version 2 splits it into") {
		t.Errorf("a record whose segmenter gives other boundaries: %v", err)
	}

	doc, err := split.JoinSentences(0)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := newTestSession(t, newMemoryStore())
	if err := s.storeDocument(doc, "", "pasted text"); err != nil {
		t.Fatal(err)
	}
	data, _, _ := s.store.get(docKey(doc.ID))
	var rec docRecord
	if err := json.Unmarshal([]byte(data), &rec); err != nil {
		t.Fatal(err)
	}
	if rec.Format != "stancemark-doc/v2" || rec.Boundaries != doc.BoundariesID() || len(rec.Sentences) != len(doc.Sentences) {
		t.Fatalf("stored %+v", rec)
	}
	back, _, err := s.loadDocument(doc.ID)
	if err != nil || back.BoundariesID() != doc.BoundariesID() {
		t.Fatalf("reloaded: %v", err)
	}
	rec.Sentences[0].End--
	bad, _ := json.Marshal(rec)
	s.store.set(docKey(doc.ID), string(bad))
	if _, _, err := s.loadDocument(doc.ID); err == nil || !strings.Contains(err.Error(), rec.Boundaries) {
		t.Errorf("a record with other sentences than its boundaries: %v", err)
	}
}
