package app

import (
	"strings"
	"testing"

	"stancemark/annotations"
)

// deferred stands for the browser's "after the next paint": functions
// queue until run is called.
type deferred struct{ queue []func() }

func (d *deferred) later(f func()) { d.queue = append(d.queue, f) }

func (d *deferred) run() {
	q := d.queue
	d.queue = nil
	for _, f := range q {
		f()
	}
}

func TestSaveStatusFollowsTheSave(t *testing.T) {
	st := newMemoryStore()
	s, _ := newTestSession(t, st)
	d := &deferred{}
	s.later = d.later

	s.clickSentence(0, false)
	s.tagKey("1")
	if state, text := s.save.shown(); state != "saving" || text != "Saving…" {
		t.Fatalf("right after a tag the status is %s %q, want saving", state, text)
	}
	if _, ok := st.items[workKey(s.doc.ID)]; ok {
		t.Fatal("the work was saved inside the tag's frame")
	}
	s.tagKey("2") // a second change before the save: one save for both
	if len(d.queue) != 1 {
		t.Fatalf("%d saves scheduled for two changes, want 1", len(d.queue))
	}
	d.run()
	if state, _ := s.save.shown(); state != "saved" {
		t.Fatalf("after the paint the status is %s, want saved", state)
	}
	ws, err := annotations.RestoreWorkspace(s.doc, []byte(st.items[workKey(s.doc.ID)]))
	if err != nil || ws.LabelAt(0) != "opposes" {
		t.Fatalf("saved work: %v, label %q; want the second tag", err, ws.LabelAt(0))
	}

	st.full = true
	s.tagKey("3")
	d.run()
	if state, text := s.save.shown(); state != "error" || !strings.Contains(text, "full") {
		t.Fatalf("with the storage full the status is %s %q", state, text)
	}
}

func TestSaveIsBlockedOverUnreadableWork(t *testing.T) {
	st := newMemoryStore()
	doc, _ := bundledDocument()
	st.items[workKey(doc.ID)] = "{broken"
	st.full = true // the backup cannot be made either
	s, _ := newTestSession(t, st)
	if s.save.State != saveBlocked {
		t.Fatalf("save state %v, want blocked", s.save.State)
	}
	st.full = false
	s.clickSentence(2, false)
	s.tagKey("1")
	if got := st.items[workKey(doc.ID)]; got != "{broken" {
		t.Fatalf("the unreadable work was overwritten with %.40q", got)
	}
	if state, text := s.save.shown(); state != "error" || !strings.Contains(text, "Export") {
		t.Errorf("status %s %q, want an error that says to export", state, text)
	}
}

func TestOpeningAnotherDocumentSavesPendingWorkFirst(t *testing.T) {
	st := newMemoryStore()
	s, _ := newTestSession(t, st)
	d := &deferred{}
	s.later = d.later
	first := s.doc.ID
	s.clickSentence(4, false)
	s.tagKey("2")
	other, err := annotations.NewDocument("Other", "One sentence here. And another one.")
	if err != nil {
		t.Fatal(err)
	}
	s.openDocument(other, "", "test")
	ws, err := annotations.RestoreWorkspace(mustBundled(t), []byte(st.items[workKey(first)]))
	if err != nil || ws.LabelAt(4) != "opposes" {
		t.Fatalf("the first document's tag was not saved before switching: %v", err)
	}
	if s.doc.ID != other.ID {
		t.Fatalf("open document %s, want the new one", s.doc.ID)
	}
}

func TestOneOverlayAtATime(t *testing.T) {
	s, _ := newTestSession(t, newMemoryStore())
	s.toggleHelp()
	if s.overlay != overlayHelp {
		t.Fatalf("overlay %v after ?, want help", s.overlay)
	}
	s.showLibrary(true)
	if s.overlay != overlayLibrary {
		t.Fatalf("overlay %v after Documents, want the library", s.overlay)
	}
	s.showHelp(false) // the help dialog's late "close" event
	if s.overlay != overlayLibrary {
		t.Fatalf("closing the help closed %v", s.overlay)
	}
	s.run(cmdEscape, false, "Escape")
	if s.overlay != overlayLibrary {
		t.Errorf("Escape outside the help changed the overlay to %v", s.overlay)
	}
	s.showLibrary(false)
	s.toggleHelp()
	s.run(cmdEscape, false, "Escape")
	if s.overlay != overlayNone {
		t.Errorf("Escape left %v open", s.overlay)
	}
}

// Leaving the page warns only when work is in memory alone: after a save
// that failed (the storage full), not after one that went through, and a
// save still waiting is made first.
func TestUnsavedOnLeave(t *testing.T) {
	st := newMemoryStore()
	s, _ := newTestSession(t, st)
	s.clickSentence(0, false)
	s.run(cmdTag, false, "1")
	if s.unsavedOnLeave() {
		t.Fatal("a waiting save that then succeeded warns on leaving")
	}
	if _, ok := st.items[workKey(s.doc.ID)]; !ok {
		t.Fatal("the waiting save was not made on leaving")
	}
	st.full = true
	s.clickSentence(2, false)
	s.run(cmdTag, false, "2")
	if !s.unsavedOnLeave() {
		t.Error("leaving with a tag the full storage did not take gives no warning")
	}
	st.full = false
	s.clickSentence(4, false)
	s.run(cmdTag, false, "3")
	if s.unsavedOnLeave() {
		t.Error("once saved again, leaving still warns")
	}
}
