package app

import (
	"encoding/json"
	"strings"
	"testing"

	"stancemark/annotations"
)

// openOwn opens a pasted document of three sentences in one paragraph and
// a fourth in the next, tags s3 and returns the session.
func openOwn(t *testing.T) (*session, *memoryStore) {
	t.Helper()
	st := newMemoryStore()
	s, _ := newTestSession(t, st)
	s.openPasted("Flood report", "Rain fell hard all night long here. Roads flooded. Schools shut for the day.\n\nThe rain stopped.")
	if len(s.doc.Sentences) != 4 {
		t.Fatalf("%d sentences", len(s.doc.Sentences))
	}
	s.clickSentence(2, false)
	s.tag("supports")
	s.flush()
	return s, st
}

func sentencesOf(s *session) string {
	var out []string
	for _, x := range s.doc.Sentences {
		out = append(out, x.Text)
	}
	return strings.Join(out, "|")
}

// TestBoundaryCommands: join, split and re-segment change the open
// document's sentences, move the highlight by its text, are stored with
// the document and its work (and reopen so), and undo goes back.
func TestBoundaryCommands(t *testing.T) {
	s, st := openOwn(t)
	id := s.doc.ID
	s.joinSentence(1) // "Roads flooded. Schools shut for the day."
	if got := sentencesOf(s); got != "Rain fell hard all night long here.|Roads flooded. Schools shut for the day.|The rain stopped." {
		t.Fatalf("joined: %q", got)
	}
	if a := s.ws.Annotations(); len(a) != 1 || a[0].SentenceIDs[0] != "s2" || len(s.orphans) != 0 {
		t.Errorf("highlights %+v, orphans %+v", a, s.orphans)
	}
	if s.doc.ID != id || !s.canUndoBoundaries() {
		t.Errorf("id %s, can undo %v", s.doc.ID, s.canUndoBoundaries())
	}
	// Stored: a reload (a new session on the same store) shows the joined sentences and the highlight.
	var rec docRecord
	data, _, _ := st.get(docKey(id))
	json.Unmarshal([]byte(data), &rec)
	if rec.Boundaries != s.doc.BoundariesID() {
		t.Errorf("stored boundaries %s, open %s", rec.Boundaries, s.doc.BoundariesID())
	}
	s2, _ := newTestSession(t, st)
	s2.openCurrent()
	if s2.doc.BoundariesID() != s.doc.BoundariesID() || len(s2.ws.Annotations()) != 1 {
		t.Errorf("reopened on %d sentences with %d highlights", len(s2.doc.Sentences), len(s2.ws.Annotations()))
	}

	// Split the joined sentence before "Schools": back to the first boundaries.
	at := s.doc.Sentences[1].Start + strings.Index(s.doc.Sentences[1].Text, "Schools")
	s.splitSentence(1, at)
	if len(s.doc.Sentences) != 4 || s.ws.Annotations()[0].SentenceIDs[0] != "s2" {
		t.Fatalf("split: %q %+v", sentencesOf(s), s.ws.Annotations())
	}
	// The highlight covered the whole joined sentence: it now covers both halves? It
	// is placed on the sentences its text covers.
	if got := s.doc.Quote(1, 2); !strings.Contains(got, "Schools shut") {
		t.Errorf("quote %q", got)
	}
	s.undoBoundaries()
	s.undoBoundaries()
	if got := sentencesOf(s); got != "Rain fell hard all night long here.|Roads flooded.|Schools shut for the day.|The rain stopped." {
		t.Errorf("after two undos: %q", got)
	}
	if a := s.ws.Annotations(); len(a) != 1 || a[0].SentenceIDs[0] != "s3" {
		t.Errorf("after two undos the highlight is %+v", a)
	}
	if s.canUndoBoundaries() {
		t.Error("undo left after undoing everything")
	}
}

// TestBoundaryOrphansAndRefusals: a highlight that covers too little of a
// joined sentence is listed, not dropped; the bundled article, an
// assignment and a join across paragraphs are refused with a reason.
func TestBoundaryOrphansAndRefusals(t *testing.T) {
	s, _ := openOwn(t)
	s.joinSentence(0) // "Rain fell hard all night long here. Roads flooded."; s3 is untouched
	if len(s.orphans) != 0 {
		t.Errorf("orphans %+v", s.orphans)
	}
	s.undoBoundaries()
	s.clickSentence(1, false)
	s.tag("opposes") // "Roads flooded."
	s.joinSentence(0)
	if len(s.orphans) != 1 || s.orphans[0].Quote != "Roads flooded." || !strings.Contains(s.msg.Text, "could not be placed") {
		t.Errorf("orphans %+v, message %q", s.orphans, s.msg.Text)
	}
	s.joinSentence(len(s.doc.Sentences) - 2) // across the paragraph
	if !strings.Contains(s.msg.Text, "paragraph") {
		t.Errorf("join across a paragraph: %q", s.msg.Text)
	}

	b, _ := newTestSession(t, newMemoryStore())
	before := b.doc.BoundariesID()
	b.joinSentence(0)
	if b.doc.BoundariesID() != before || !strings.Contains(b.msg.Text, "bundled article") {
		t.Errorf("the bundled article: %q", b.msg.Text)
	}
	b.assignment = annotations.NewAssignment("A", "", b.doc, b.ws.Scheme(), nil, annotations.AssignmentOptions{})
	if why := b.boundaryRefusal(); !strings.Contains(why, "assignment") {
		t.Errorf("assignment: %q", why)
	}
}

// TestResegment: a document stored by an earlier build (segmenter
// version 1) is re-segmented on request only, its highlight moved, and the
// change undone.
func TestResegment(t *testing.T) {
	old, _ := annotations.NewDocumentSegmented("Old split", oldSplitText, annotations.SegmenterV1)
	st := newMemoryStore()
	s, _ := newTestSession(t, st)
	s.openDocument(old, "", "old.txt")
	if s.doc.BoundariesID() != old.BoundariesID() {
		t.Fatal("the document was split again on opening")
	}
	s.clickSentence(0, false)
	s.tag("supports") // "The firm moved to the E.U. Officials agreed."
	s.resegment()
	cur, _ := annotations.NewDocument("", oldSplitText)
	if s.doc.BoundariesID() != cur.BoundariesID() {
		t.Fatalf("re-segmented: %q", sentencesOf(s))
	}
	if a := s.ws.Annotations(); len(a) != 1 || strings.Join(a[0].SentenceIDs, ",") != "s1,s2" {
		t.Errorf("highlight %+v", a)
	}
	s.undoBoundaries()
	if s.doc.BoundariesID() != old.BoundariesID() || s.ws.Annotations()[0].SentenceIDs[0] != "s1" {
		t.Errorf("undo: %q", sentencesOf(s))
	}
	s.resegment()
	s.resegment()
	if !strings.Contains(s.msg.Text, "changes nothing") {
		t.Errorf("a second re-segment: %q", s.msg.Text)
	}
}

// TestAssignmentCarriesFixedBoundaries: a teacher who joins two sentences
// before making the assignment gives every student those sentences.
func TestAssignmentCarriesFixedBoundaries(t *testing.T) {
	s, _ := openOwn(t)
	in := assignmentInput{Title: "Week 4", UseKey: true}
	before, ok := s.makeAssignment(in)
	if !ok {
		t.Fatal(s.msg.Text)
	}
	s.joinSentence(1)
	a, ok := s.makeAssignment(in)
	if !ok {
		t.Fatal(s.msg.Text)
	}
	if annotations.BoundariesID(a.Document.Sentences) != s.doc.BoundariesID() || annotations.BoundariesID(before.Document.Sentences) == s.doc.BoundariesID() {
		t.Fatalf("the assignment is on %d sentences, the document on %d", len(a.Document.Sentences), len(s.doc.Sentences))
	}
	d, err := a.Doc()
	if err != nil || len(d.Sentences) != 3 || d.Sentences[1].Text != "Roads flooded. Schools shut for the day." {
		t.Errorf("the student's document: %v %+v", err, d.Sentences)
	}
	if len(a.Key) != 1 || a.Key[0].SentenceIDs[0] != "s2" {
		t.Errorf("key %+v", a.Key)
	}
}

// TestImportOnOtherBoundaries: an export of the open text made before its
// sentences were fixed is placed by its quotes, not refused.
func TestImportOnOtherBoundaries(t *testing.T) {
	s, _ := openOwn(t) // s3 tagged supports
	e := s.ws.Export(s.now())
	s.joinSentence(0)
	s.clickSentence(1, false)
	s.clear()
	if len(s.ws.Annotations()) != 0 {
		t.Fatalf("highlights %+v", s.ws.Annotations())
	}
	s.importExport("before.stancemark.json", e)
	if a := s.ws.Annotations(); len(a) != 1 || s.doc.Quote(s.doc.SentenceIndex(a[0].SentenceIDs[0]), s.doc.SentenceIndex(a[0].SentenceIDs[0])) != "Schools shut for the day." {
		t.Errorf("imported %+v (%s)", a, s.msg.Text)
	}
}
