package app

import (
	"strings"
	"testing"
	"time"

	"stancemark/annotations"
	"stancemark/articles"
)

// newTestSession is a session on the bundled article with a memory store
// and a recording painter, as the browser would have after OnMount.
func newTestSession(t *testing.T, st *memoryStore) (*session, *recordingPainter) {
	t.Helper()
	doc, err := bundledDocument()
	if err != nil {
		t.Fatal(err)
	}
	p := &recordingPainter{}
	s := newSession(doc, articles.BundledTarget, st, p)
	s.now = func() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }
	s.restore()
	s.refresh()
	return s, p
}

// labels is the painted data-label of every sentence, "-" for none.
func labels(p *recordingPainter) string {
	var b strings.Builder
	for i, c := range p.cells {
		if i > 0 {
			b.WriteByte(' ')
		}
		if c.Label == "" {
			b.WriteByte('-')
		} else {
			b.WriteString(c.Label)
		}
	}
	return b.String()
}

// firstLabels is labels for the first n sentences only.
func firstLabels(p *recordingPainter, n int) string {
	return strings.Join(strings.Fields(labels(p))[:n], " ")
}

func TestSessionClickAndTagPaintsAtOnce(t *testing.T) {
	st := newMemoryStore()
	s, p := newTestSession(t, st)
	s.clickSentence(1, false)
	if !p.cells[1].Selected || !p.cells[1].Focus || p.cells[0].Selected {
		t.Fatalf("click on s2 painted %+v", p.cells[:3])
	}
	s.clickSentence(3, true)
	for i, want := range []bool{false, true, true, true, false} {
		if p.cells[i].Selected != want {
			t.Fatalf("after shift+click, sentence %d selected = %v", i, p.cells[i].Selected)
		}
	}
	s.run(cmdTag, false, "1")
	if got := firstLabels(p, 5); got != "- supports supports supports -" {
		t.Fatalf("labels after tagging s2–s4 = %q", got)
	}
	if p.cells[1].Name != "Supports" || p.cells[2].Name != "" {
		t.Errorf("the label name is on the first sentence only: %+v", p.cells[1:3])
	}
	if p.cells[1].Color == "" {
		t.Error("a tagged sentence has no colour")
	}
	if s.save.State != saveOK {
		t.Errorf("save status = %+v, want saved", s.save)
	}
	saved, ok := st.items[workKey(s.doc.ID)]
	if !ok || !strings.Contains(saved, `"supports"`) {
		t.Fatalf("the tag was not saved under %s: %q", workKey(s.doc.ID), saved)
	}
	for k := range st.items {
		if !strings.HasPrefix(k, keyPrefix) {
			t.Errorf("stored key %q does not start with %q", k, keyPrefix)
		}
	}
}

func TestSessionClearUndoRedoAcrossEveryChange(t *testing.T) {
	s, p := newTestSession(t, newMemoryStore())
	s.selectRun(0, 2)
	s.run(cmdTag, false, "2")
	s.clickSentence(1, false)
	s.run(cmdClear, false, "0")
	if got := firstLabels(p, 4); got != "opposes - opposes -" {
		t.Fatalf("clearing the middle of a highlight gave %q", got)
	}
	a, ok := s.ws.At(0)
	if !ok {
		t.Fatal("no highlight at s1")
	}
	s.clickSentence(0, false)
	s.setNote(a.ID, "a reason")
	if got := highlightItems(s)[0].Note; got != "a reason" {
		t.Fatalf("the side list shows note %q", got)
	}
	s.run(cmdUndo, false, "u")
	if got, _ := s.ws.Annotation(a.ID); got.Note != "" {
		t.Fatalf("undo left the note %q", got.Note)
	}
	s.run(cmdUndo, false, "z")
	if got := firstLabels(p, 4); got != "opposes opposes opposes -" {
		t.Fatalf("undoing the clear gave %q", got)
	}
	s.run(cmdUndo, false, "z")
	if got := firstLabels(p, 4); got != "- - - -" {
		t.Fatalf("undoing the tag gave %q", got)
	}
	s.run(cmdRedo, false, "Z")
	s.run(cmdRedo, false, "Z")
	s.run(cmdRedo, false, "Z")
	if got := firstLabels(p, 4); got != "opposes - opposes -" {
		t.Fatalf("redoing everything gave %q", got)
	}
	if got, _ := s.ws.Annotation(a.ID); got.Note != "a reason" {
		t.Fatalf("redo did not bring the note back: %q", got.Note)
	}
}

func TestSessionReloadRestoresWork(t *testing.T) {
	st := newMemoryStore()
	s, _ := newTestSession(t, st)
	s.setAnnotator("Ada")
	s.selectRun(4, 5)
	s.run(cmdTag, false, "3")
	a, _ := s.ws.At(4)
	s.setNote(a.ID, "both sides")
	s.setTarget("Iran and the U.S. will cooperate.")
	s.selectScheme("fnc1")
	s.clickSentence(0, false)
	s.run(cmdTag, false, "1")

	again, p := newTestSession(t, st)
	if again.annotator != "Ada" {
		t.Errorf("annotator after reload = %q", again.annotator)
	}
	if again.ws.Scheme().ID != "fnc1" || p.cells[0].Label != "agree" {
		t.Fatalf("after reload: scheme %q, s1 label %q", again.ws.Scheme().ID, p.cells[0].Label)
	}
	again.selectScheme("default")
	if got := firstLabels(p, 7); got != "- - - - neutral neutral -" {
		t.Fatalf("default highlights after reload and switch: %q", got)
	}
	if got, _ := again.ws.At(4); got.Note != "both sides" {
		t.Errorf("note after reload = %q", got.Note)
	}
	if got := again.ws.Scheme().Target; got != "Iran and the U.S. will cooperate." {
		t.Errorf("target after reload = %q", got)
	}
}

func TestSessionCorruptSavedWorkIsKept(t *testing.T) {
	st := newMemoryStore()
	doc, _ := bundledDocument()
	st.items[workKey(doc.ID)] = `{"format":"stancemark-state/v1",`
	s, p := newTestSession(t, st)
	if s.msg.Kind != "error" || !strings.Contains(s.msg.Text, "could not be read") {
		t.Fatalf("message = %+v", s.msg)
	}
	var backup string
	for k, v := range st.items {
		if strings.HasPrefix(k, "stancemark/backup/") {
			backup = v
		}
	}
	if backup != `{"format":"stancemark-state/v1",` {
		t.Fatalf("the unreadable data was not kept as a backup: %q", backup)
	}
	s.clickSentence(0, false)
	s.run(cmdTag, false, "1")
	if p.cells[0].Label != "supports" || s.save.State != saveOK {
		t.Fatalf("new work after a corrupt save: label %q, save %+v", p.cells[0].Label, s.save)
	}
}

func TestSessionStorageFullKeepsWorking(t *testing.T) {
	st := newMemoryStore()
	s, p := newTestSession(t, st)
	s.clickSentence(0, false)
	s.run(cmdTag, false, "1")
	before := st.items[workKey(s.doc.ID)]
	st.full = true
	s.clickSentence(2, false)
	s.run(cmdTag, false, "2")
	if p.cells[2].Label != "opposes" {
		t.Fatal("the tag did not apply in memory")
	}
	if s.save.State != saveFailed || !strings.Contains(s.save.Text, "full") || !strings.Contains(s.save.Text, "export") {
		t.Fatalf("save status = %+v", s.save)
	}
	if st.items[workKey(s.doc.ID)] != before {
		t.Error("what was saved before the storage filled up changed")
	}
}

func TestSessionImportRejectsAndChangesNothing(t *testing.T) {
	st := newMemoryStore()
	s, p := newTestSession(t, st)
	s.clickSentence(0, false)
	s.run(cmdTag, false, "1")
	goodFile, err := s.exportFile("json")
	if err != nil {
		t.Fatal(err)
	}
	good := goodFile.Data
	before, saved := labels(p), st.items[workKey(s.doc.ID)]

	tests := []struct {
		name, data, want string
	}{
		{"malformed", `{"format": "stancemark/v1", "document": `, "JSON"},
		{"wrong version", strings.Replace(string(good), `"stancemark/v1"`, `"stancemark/v2"`, 1), "stancemark/v2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s.importFile("x.json", []byte(tt.data))
			if s.msg.Kind != "error" || !strings.Contains(s.msg.Text, tt.want) || !strings.Contains(s.msg.Text, "x.json") {
				t.Errorf("message = %+v, want an error naming x.json and %q", s.msg, tt.want)
			}
			if labels(p) != before || st.items[workKey(s.doc.ID)] != saved {
				t.Error("a rejected import changed the work")
			}
		})
	}
}

// Import… is the same door as Documents → Open a file…: an export of
// another document opens that document with its highlights, and the work
// on the one that was open stays saved.
func TestSessionImportOfAnotherDocumentOpensIt(t *testing.T) {
	st := newMemoryStore()
	s, _ := newTestSession(t, st)
	s.clickSentence(0, false)
	s.run(cmdTag, false, "1")
	s.flush()
	first, saved := s.doc.ID, st.items[workKey(s.doc.ID)]
	other, err := annotations.NewDocument("Other", "Some other text. Two sentences here.")
	if err != nil {
		t.Fatal(err)
	}
	otherSession := newSession(other, "", newMemoryStore(), &recordingPainter{})
	otherSession.clickSentence(1, false)
	otherSession.run(cmdTag, false, "2")
	otherExport, _ := otherSession.exportFile("json")
	s.importFile("other.stancemark.json", otherExport.Data)
	if s.doc.ID != other.ID || len(s.ws.Annotations()) != 1 || s.ws.Annotations()[0].Label != "opposes" {
		t.Fatalf("after Import… of another document's export: document %q, highlights %+v", s.doc.Title, s.ws.Annotations())
	}
	if strings.Contains(s.msg.Text, "sha256") {
		t.Errorf("the message shows hashes: %q", s.msg.Text)
	}
	if st.items[workKey(first)] != saved {
		t.Error("the work on the document that was open changed")
	}
}

func TestSessionExportImportIsIdentical(t *testing.T) {
	s, _ := newTestSession(t, newMemoryStore())
	s.setAnnotator("Ada")
	s.selectRun(2, 4)
	s.run(cmdTag, false, "4")
	a, _ := s.ws.At(2)
	s.setNote(a.ID, `<img src=x onerror=alert(1)> "quoted"`)
	file, err := s.exportFile("json")
	if err != nil {
		t.Fatal(err)
	}
	name, data := file.Name, file.Data
	if file.MediaType != "application/json" {
		t.Errorf("export media type = %q", file.MediaType)
	}
	if name != "could-u-s-iran-work-together-in-iraq-maybe-officials-say.stancemark.json" {
		t.Errorf("export file name = %q", name)
	}
	fresh, p := newTestSession(t, newMemoryStore())
	fresh.importFile(name, data)
	if fresh.msg.Kind != "info" {
		t.Fatalf("import message = %+v", fresh.msg)
	}
	if got := firstLabels(p, 6); got != "- - unrelated unrelated unrelated -" {
		t.Fatalf("labels after import = %q", got)
	}
	if items := highlightItems(fresh); len(items) != 1 || items[0].Note != `<img src=x onerror=alert(1)> "quoted"` || items[0].ID != a.ID {
		t.Fatalf("side list after import = %+v", items)
	}
	againFile, _ := fresh.exportFile("json")
	if again := againFile.Data; string(again) != string(data) {
		t.Errorf("export → import → export changed the file:\n%s\n---\n%s", data, again)
	}
}

func TestPainterTouchesOnlyWhatChanged(t *testing.T) {
	s, p := newTestSession(t, newMemoryStore())
	s.clickSentence(3, false)
	p.writes = 0
	s.run(cmdTag, false, "1")
	if p.writes != 1 {
		t.Errorf("tagging one sentence wrote %d sentence elements, want 1", p.writes)
	}
	p.writes = 0
	s.run(cmdNext, false, "j")
	if p.writes != 2 {
		t.Errorf("moving the cursor wrote %d sentence elements, want 2 (old and new)", p.writes)
	}
}
