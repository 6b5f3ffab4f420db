package app

import (
	"strings"
	"testing"

	"stancemark/annotations"
)

func TestSessionOpensPastedTextAndFindsItAgain(t *testing.T) {
	st := newMemoryStore()
	s, p := newTestSession(t, st)
	s.loadLibrary()
	s.openPasted("", "My title\n\nFirst sentence here. Second one.\n\nA new paragraph.")
	if s.doc.Title != "My title" || len(s.doc.Sentences) != 3 || len(p.cells) != 3 {
		t.Fatalf("open document %q with %d sentences, %d painted", s.doc.Title, len(s.doc.Sentences), len(p.cells))
	}
	pasted := s.doc.ID
	s.clickSentence(1, false)
	s.run(cmdTag, false, "2")

	// the bundled article again, then the same text pasted under another title
	s.openStored(mustBundled(t).ID)
	if s.doc.ID != mustBundled(t).ID {
		t.Fatal("the bundled article did not reopen")
	}
	s.openPasted("Another title", "First sentence here. Second one.\n\nA new paragraph.")
	if s.doc.ID != pasted || s.doc.Title != "My title" {
		t.Fatalf("the same text opened as %q (%s), want the existing %q", s.doc.Title, s.doc.ID, "My title")
	}
	if !strings.Contains(s.msg.Text, "already in your library") {
		t.Errorf("message = %q", s.msg.Text)
	}
	if p.cells[1].Label != "opposes" {
		t.Error("the existing document's annotations were not reopened")
	}
	if n := len(s.library.entries); n != 2 {
		t.Errorf("the library lists %d documents, want 2 (no duplicate)", n)
	}
}

func TestSessionLibraryRenameDeleteUndo(t *testing.T) {
	st := newMemoryStore()
	s, _ := newTestSession(t, st)
	s.loadLibrary()
	s.openPasted("Draft", "One sentence. Two sentences.")
	id := s.doc.ID
	s.clickSentence(0, false)
	s.run(cmdTag, false, "1")
	s.renameDocument(id, "Final title")
	if s.doc.Title != "Final title" || s.library.entries[s.entry(id)].Title != "Final title" {
		t.Fatalf("rename: doc %q, entry %+v", s.doc.Title, s.library.entries)
	}
	if f, _ := s.exportFile("json"); !strings.Contains(string(f.Data), `"title": "Final title"`) {
		t.Error("the export does not carry the new title")
	}

	s.deleteDocument(id)
	if s.doc.ID == id || s.entry(id) >= 0 {
		t.Fatal("the deleted document is still open or listed")
	}
	for k := range st.items {
		if strings.Contains(k, id) {
			t.Errorf("key %s survived the deletion", k)
		}
	}
	if s.msg.Action != actionUndoDelete {
		t.Fatalf("no undo offered: %+v", s.msg)
	}
	s.undoDelete()
	if s.doc.ID != id || s.doc.Title != "Final title" {
		t.Fatalf("undo did not reopen the document: %q", s.doc.Title)
	}
	if a, ok := s.ws.At(0); !ok || a.Label != "supports" {
		t.Error("undo did not bring the annotations back")
	}

	// a new session (a reload) lists it and reopens it
	again, _ := newTestSession(t, st)
	again.loadLibrary()
	again.openCurrent()
	if again.doc.ID != id || again.doc.Title != "Final title" {
		t.Fatalf("after reload the open document is %q", again.doc.Title)
	}
}

func TestSessionOpenDataRejectsBinary(t *testing.T) {
	s, _ := newTestSession(t, newMemoryStore())
	s.loadLibrary()
	before := s.doc.ID
	s.openData("photo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
	if s.msg.Kind != "error" || !strings.Contains(s.msg.Text, "photo.png") || s.doc.ID != before {
		t.Fatalf("message %+v, open doc changed: %v", s.msg, s.doc.ID != before)
	}
}

func mustBundled(t *testing.T) *annotations.Document {
	t.Helper()
	d, err := bundledDocument()
	if err != nil {
		t.Fatal(err)
	}
	return d
}
