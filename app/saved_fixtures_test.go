package app

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"stancemark/annotations"
	"stancemark/articles"
)

// What today's build saved in a real browser (testdata/saved/*.json, made by
// driving the app in headless Chromium; see testdata/saved/README.md) must
// restore unchanged. Each fixture is put into a memory store and the app is
// started on it exactly as Annotator.OnMount does (restore, loadLibrary,
// openCurrent); the tests then check what the reader sees.

const (
	bundledTitle = "Could U.S., Iran Work Together In Iraq? Maybe, Officials Say"
	bundledID    = "sha256:4835afc62d9ecb46d264755852977d757b60c7f39208e6924b207d57e9a4d44a"
	pastedID     = "sha256:330e18c3d1aa176a5b5bd553f042ee61bf3b90f0a0d7c0d786d553ec7d185ee9"
	savedAsgID   = "slz4irmzplzcj34z"
	savedAsgT    = "Iran and Iraq, week 3"
	// savedGarbage is what the backup scenario put under the work key
	// before reloading; the app moved it to a stancemark/backup/ key.
	savedGarbage = `{"format": "stancemark-state/v1", "schemes": [{"id": "default", "highlights": [` + "\u00e9\u2603 <not JSON> \x01\n\ttail"
)

// loadSavedFixture reads testdata/saved/name: localStorage key → value.
func loadSavedFixture(t *testing.T, name string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "saved", name))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(m) == 0 {
		t.Fatalf("%s holds no keys", name)
	}
	return m
}

// startOnSaved starts the app on a store holding saved, the way
// Annotator.OnInit and OnMount do in the browser: the bundled article first,
// then the saved preferences and work, the library, the last open document.
func startOnSaved(t *testing.T, saved map[string]string) (*session, *memoryStore, *recordingPainter) {
	t.Helper()
	doc, err := bundledDocument()
	if err != nil {
		t.Fatal(err)
	}
	st := newMemoryStore()
	maps.Copy(st.items, saved)
	p := &recordingPainter{}
	s := newSession(doc, articles.BundledTarget, st, p)
	s.now = func() time.Time { return time.Date(2027, 1, 15, 10, 0, 0, 0, time.UTC) }
	s.restore()
	s.loadLibrary()
	s.openCurrent()
	s.refresh()
	return s, st, p
}

// shownHighlight is a highlight as the side list shows it.
type shownHighlight struct {
	Sentences string // "s1-s2"
	Label     string // the label's name
	Note      string
}

func (h shownHighlight) String() string {
	return fmt.Sprintf("%s %s %q", h.Sentences, h.Label, h.Note)
}

// shownHighlights lists the active label set's highlights in document order.
func shownHighlights(s *session) []shownHighlight {
	var out []shownHighlight
	for _, a := range s.ws.Annotations() {
		run := a.SentenceIDs[0]
		if len(a.SentenceIDs) > 1 {
			run += "-" + a.SentenceIDs[len(a.SentenceIDs)-1]
		}
		name := "<unknown label " + a.Label + ">"
		if l, ok := s.ws.Scheme().Label(a.Label); ok {
			name = l.Name
		}
		out = append(out, shownHighlight{run, name, a.Note})
	}
	return out
}

// paintedLabels is sid → data-label of every painted sentence with a label.
func paintedLabels(s *session, p *recordingPainter) map[string]string {
	m := map[string]string{}
	for i, c := range p.cells {
		if c.Label != "" {
			m[s.doc.Sentences[i].ID] = c.Label
		}
	}
	return m
}

// checkOpen checks the open document, its highlights and the painted labels,
// and that the start-up raised no message and left the work saved.
func checkOpen(t *testing.T, s *session, p *recordingPainter, title, id string, want []shownHighlight, painted map[string]string) {
	t.Helper()
	if s.doc.Title != title || s.doc.ID != id {
		t.Errorf("open document %q (%s), want %q (%s)", s.doc.Title, s.doc.ID, title, id)
	}
	if got := shownHighlights(s); !slices.Equal(got, want) {
		t.Errorf("highlights\n got %v\nwant %v", got, want)
	}
	if got := paintedLabels(s, p); !maps.Equal(got, painted) {
		t.Errorf("painted labels %v, want %v", got, painted)
	}
	if s.msg.Kind != "" {
		t.Errorf("start-up says %s: %q", s.msg.Kind, s.msg.Text)
	}
	if s.save.State == saveBlocked || s.save.State == saveFailed {
		t.Errorf("start-up refuses to save: %+v", s.save)
	}
}

// checkUnchanged checks that starting up rewrote no saved value and added no key.
func checkUnchanged(t *testing.T, st *memoryStore, saved map[string]string) {
	t.Helper()
	for k, v := range saved {
		if got, ok := st.items[k]; !ok {
			t.Errorf("start-up removed %s", k)
		} else if got != v {
			t.Errorf("start-up rewrote %s:\n got %.300q\nwant %.300q", k, got, v)
		}
	}
	for k := range st.items {
		if _, ok := saved[k]; !ok {
			t.Errorf("start-up added %s = %.200q", k, st.items[k])
		}
	}
}

// checkNextSaveSame checks that the next save of the restored work writes
// back exactly what was stored: nothing read was lost or changed.
func checkNextSaveSame(t *testing.T, s *session, saved map[string]string) {
	t.Helper()
	data, err := s.ws.MarshalState()
	if err != nil {
		t.Fatal(err)
	}
	if want := saved[s.workKey()]; string(data) != want {
		t.Errorf("the restored work of %s saves as\n%s\nbut was stored as\n%s", s.workKey(), data, want)
	}
}

// TestSavedFixtureKeys checks that every key of every fixture is one the app
// reads today (under the same key functions): a renamed key would lose
// saved data.
func TestSavedFixtureKeys(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "saved", "*.json"))
	if err != nil || len(files) < 5 {
		t.Fatalf("fixtures %v (%v), want work, library, assignment, teacher and backup", files, err)
	}
	fixed := map[string]bool{keyAnnotator: true, keyHintDismissed: true, keyLibrary: true, keyCurrent: true, keyStudent: true, keyMade: true,
		keyAdjudicating: true, keyAdjudications: true}
	for _, f := range files {
		for k := range loadSavedFixture(t, filepath.Base(f)) {
			ok := fixed[k] ||
				strings.HasPrefix(k, workKey("")) ||
				strings.HasPrefix(k, docKey("")) ||
				strings.HasPrefix(k, assignmentKey("")) ||
				strings.HasPrefix(k, projectKey("")) ||
				strings.HasPrefix(k, adjudicationKey("")) ||
				strings.HasPrefix(k, "stancemark/backup/")
			if !ok || !strings.HasPrefix(k, keyPrefix) {
				t.Errorf("%s: key %s is not one the app reads", filepath.Base(f), k)
			}
		}
	}
}

// The annotator's own work on the bundled article: highlights with notes
// (quotes, non-ASCII, a line break), the annotator's name, the dismissed hint.
func TestSavedWorkRestores(t *testing.T) {
	saved := loadSavedFixture(t, "work.json")
	s, st, p := startOnSaved(t, saved)
	checkOpen(t, s, p, bundledTitle, bundledID, []shownHighlight{
		{"s1-s2", "Opposes", `Officials doubt it: "not now" — Zürich ☕`},
		{"s5", "Supports", "Line one\nline two"},
		{"s10", "Neutral", ""},
	}, map[string]string{"s1": "opposes", "s2": "opposes", "s5": "supports", "s10": "neutral"})
	if s.annotator != "Ada Lovelace" || s.ws.Annotator != "Ada Lovelace" {
		t.Errorf("annotator %q (workspace %q), want Ada Lovelace", s.annotator, s.ws.Annotator)
	}
	if s.hint {
		t.Error("the dismissed first-run hint is shown again")
	}
	if sc := s.ws.Scheme(); sc.ID != "default" || sc.Target != articles.BundledTarget {
		t.Errorf("label set %s with target %q", sc.ID, sc.Target)
	}
	if s.save.State != saveOK {
		t.Errorf("save status %+v, want saved", s.save)
	}
	entries := s.sortedEntries()
	if len(entries) != 1 || entries[0].ID != bundledID || entries[0].Sentences != 23 || entries[0].Tagged != 4 || entries[0].Edited.IsZero() {
		t.Errorf("library %+v, want the bundled article, 23 sentences, 4 tagged, edited", entries)
	}
	checkUnchanged(t, st, saved)
	checkNextSaveSame(t, s, saved)
}

// Two documents in the library: the bundled article and a pasted text, which
// was open last and is reopened with its highlight; the bundled one keeps its own.
func TestSavedLibraryRestores(t *testing.T) {
	saved := loadSavedFixture(t, "library.json")
	s, st, p := startOnSaved(t, saved)
	checkOpen(t, s, p, "School budget vote", pastedID, []shownHighlight{
		{"s2", "Opposes", "Which critics?"},
	}, map[string]string{"s2": "opposes"})
	if len(s.doc.Sentences) != 3 {
		t.Errorf("%d sentences, want 3", len(s.doc.Sentences))
	}
	type listed struct {
		ID, Title         string
		Sentences, Tagged int
	}
	var got []listed
	for _, e := range s.sortedEntries() {
		got = append(got, listed{e.ID, e.Title, e.Sentences, e.Tagged})
		if e.Added.IsZero() || e.Edited.IsZero() {
			t.Errorf("entry %s lost its times: %+v", e.Title, e)
		}
	}
	want := []listed{
		{pastedID, "School budget vote", 3, 1},
		{bundledID, bundledTitle, 23, 1},
	}
	if !slices.Equal(got, want) {
		t.Errorf("library (last edited first)\n got %+v\nwant %+v", got, want)
	}
	checkUnchanged(t, st, saved)
	checkNextSaveSame(t, s, saved)

	s.openStored(bundledID)
	checkOpen(t, s, p, bundledTitle, bundledID, []shownHighlight{
		{"s3", "Supports", ""},
	}, map[string]string{"s3": "supports"})
	checkNextSaveSame(t, s, saved)
}

// A student who opened an assignment link, gave a name and tagged: the
// assignment is reopened with the student's work and name.
func TestSavedAssignmentRestores(t *testing.T) {
	saved := loadSavedFixture(t, "assignment.json")
	s, st, p := startOnSaved(t, saved)
	checkOpen(t, s, p, bundledTitle, bundledID, []shownHighlight{
		{"s1", "Opposes", "I think they disagree."},
		{"s12-s13", "Supports", ""},
	}, map[string]string{"s1": "opposes", "s12": "supports", "s13": "supports"})
	a := s.assignment
	if a == nil {
		t.Fatal("the assignment is not reopened")
	}
	if a.ID != savedAsgID || a.Title != savedAsgT || a.Instructions != "Tag every sentence about cooperation." {
		t.Errorf("assignment %s %q %q", a.ID, a.Title, a.Instructions)
	}
	if len(a.Key) != 2 || !a.Practice() {
		t.Errorf("assignment key of %d highlights, reveal %v; want 2, true", len(a.Key), a.Practice())
	}
	if s.student != "Dana Lee" || s.ws.Annotator != "Dana Lee" {
		t.Errorf("student %q (workspace annotator %q), want Dana Lee", s.student, s.ws.Annotator)
	}
	if s.overlay == overlayStudent {
		t.Error("the student is asked for a name again")
	}
	if got, want := s.workKey(), assignmentKey(savedAsgID)+"/work"; got != want {
		t.Errorf("work key %s, want %s", got, want)
	}
	checkUnchanged(t, st, saved)
	checkNextSaveSame(t, s, saved)

	// Leaving the assignment gives back the student's own (empty) bundled article.
	s.leaveAssignment()
	if s.assignment != nil || len(s.ws.Annotations()) != 0 {
		t.Errorf("after leaving: assignment %v, %d highlights", s.assignment, len(s.ws.Annotations()))
	}
}

// The teacher's browser: the key's highlights and the assignment made there,
// listed for the class dashboard.
func TestSavedTeacherRestores(t *testing.T) {
	saved := loadSavedFixture(t, "teacher.json")
	s, st, p := startOnSaved(t, saved)
	checkOpen(t, s, p, bundledTitle, bundledID, []shownHighlight{
		{"s1-s2", "Opposes", "The key's note."},
		{"s10", "Neutral", ""},
	}, map[string]string{"s1": "opposes", "s2": "opposes", "s10": "neutral"})
	if got, want := s.made(), []madeAssignment{{savedAsgID, savedAsgT}}; !slices.Equal(got, want) {
		t.Errorf("assignments made here %+v, want %+v", got, want)
	}
	checkUnchanged(t, st, saved)
	checkNextSaveSame(t, s, saved)

	s.dashAssignmentID(savedAsgID)
	if s.class.class == nil || s.msg.Kind == "error" {
		t.Fatalf("the dashboard cannot open the stored assignment: %q", s.msg.Text)
	}
	// issue 17's migration rule: a stancemark-assignment/v1 kept here with
	// "revealKey": true (feedback revealed) is a practice assignment, its
	// key kept; the stored file itself is left as v1
	if a := s.class.class.Assignment; !a.Practice() || !a.HasKey() {
		t.Errorf("the saved v1 assignment reads as mode %q with %d highlights of key; want practice with its key", a.Options.Mode, len(a.Key))
	}
	if got := st.items[assignmentKey(savedAsgID)]; got != saved[assignmentKey(savedAsgID)] {
		t.Errorf("opening the dashboard rewrote the stored assignment")
	}
}

// Saved work that could not be read was moved to a backup key; new work was
// saved after it. The new work restores, the backup is left as it is, and
// its value is still the unreadable data exactly, which the app offers for
// download when it meets it again.
func TestSavedBackupRestores(t *testing.T) {
	saved := loadSavedFixture(t, "backup.json")
	s, st, p := startOnSaved(t, saved)
	checkOpen(t, s, p, bundledTitle, bundledID, []shownHighlight{
		{"s7", "Opposes", ""},
	}, map[string]string{"s7": "opposes"})
	checkUnchanged(t, st, saved)
	checkNextSaveSame(t, s, saved)

	var backups []string
	for k := range saved {
		if strings.HasPrefix(k, "stancemark/backup/") {
			backups = append(backups, k)
		}
	}
	if len(backups) != 1 {
		t.Fatalf("backup keys %v, want one", backups)
	}
	key := backups[0]
	stamp, id, ok := strings.Cut(strings.TrimPrefix(key, "stancemark/backup/"), "/")
	if !ok || id != bundledID {
		t.Fatalf("backup key %s does not name the bundled article", key)
	}
	at, err := time.Parse("20060102T150405.000Z", stamp)
	if err != nil {
		t.Fatalf("backup key %s: %v", key, err)
	}
	if backupKey(id, at) != key {
		t.Errorf("backupKey(%s, %v) = %s, want the stored %s", id, at, backupKey(id, at), key)
	}
	if saved[key] != savedGarbage {
		t.Errorf("backup holds %q, want the unreadable data unchanged %q", saved[key], savedGarbage)
	}

	// The backup's value met again under the work key: the app cannot read
	// it, copies it unchanged to a new backup and offers it for download.
	again := map[string]string{workKey(bundledID): saved[key]}
	s2, st2, _ := startOnSaved(t, again)
	if s2.msg.Kind != "error" || s2.msg.Action != actionDownloadUnreadable {
		t.Errorf("message %+v, want an error offering the download", s2.msg)
	}
	if s2.unreadable.data != savedGarbage || !strings.HasSuffix(s2.unreadable.name, ".unreadable.json") {
		t.Errorf("offered download %q = %q", s2.unreadable.name, s2.unreadable.data)
	}
	if got := st2.items[backupKey(bundledID, s2.now())]; got != savedGarbage {
		t.Errorf("new backup holds %q", got)
	}
	if _, err := annotations.RestoreWorkspace(s2.doc, []byte(saved[key])); err == nil {
		t.Error("RestoreWorkspace reads the garbage")
	}
}

// An adjudication of a project (adjudication.json: three submissions,
// adjudicator "Dana", s2's majority accepted with a, s3's tie decided with
// a reason typed): a reload comes back to the Adjudicate view with both
// decisions, and saving it again writes back what was stored.
func TestSavedAdjudicationRestores(t *testing.T) {
	saved := loadSavedFixture(t, "adjudication.json")
	s, st, _ := startOnSaved(t, saved)
	s.reopenAdjudication()
	a := s.adj.open
	if s.mode != modeAdjudicate || a == nil {
		t.Fatalf("mode %v, adjudication %v, message %q", s.mode, a, s.msg.Text)
	}
	if got := strings.Join(a.annotators(), ","); got != "ana,bob,cy" || a.rec.Adjudicator != "Dana" || a.rec.Title != "Harbour study" {
		t.Errorf("annotators %s, adjudicator %q, title %q", got, a.rec.Adjudicator, a.rec.Title)
	}
	var decided []string
	for _, e := range a.gold.Entries {
		if e.Source == annotations.SourceAdjudicated {
			decided = append(decided, fmt.Sprintf("%s=%s by %s: %s", e.Sentence, e.Label, e.Adjudicator, e.Reason))
		}
	}
	want := `s2=disagree by Dana: Accepted the majority label Disagree (votes: disagree 2 (bob, cy), agree 1 (ana)).` +
		"\n" + `s3=disagree by Dana: Close vote: "defeat", é ☃.`
	if got := strings.Join(decided, "\n"); got != want {
		t.Errorf("decisions\n%s\nwant\n%s", got, want)
	}
	key := adjudicationKey(a.rec.Project)
	s.saveAdjudication()
	if st.items[key] != saved[key] {
		t.Errorf("the adjudication saves again as\n%s\nbut was stored as\n%s", st.items[key], saved[key])
	}
}
