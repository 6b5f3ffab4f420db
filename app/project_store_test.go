package app

import (
	"maps"
	"strings"
	"testing"
)

// The project saved by the build before project files moved to IndexedDB
// (testdata/saved/project.json: bob opened a two-article project by ?src=,
// tagged task 1's s1 agree, marked it done and went on to task 2) is what
// some browsers hold: it must reopen, with the work, and move to the file
// store.
const (
	savedProjectID = "pd94f19c2057131db"
	savedTask1     = "tea5a7d2ca1a2"
	savedTask2     = "t93ecd052072c"
)

func TestSavedProjectInLocalStorageReopensAndMoves(t *testing.T) {
	saved := loadSavedFixture(t, "project.json")
	s, st, p := startOnSaved(t, saved)
	pm := s.project
	if pm == nil {
		t.Fatalf("the saved project was not reopened; message %+v", s.msg)
	}
	if pm.annotator != "bob" || pm.task().ID != savedTask2 || !pm.done[savedTask1] {
		t.Fatalf("reopened as %q on task %s, done %v", pm.annotator, pm.task().ID, pm.done)
	}
	if got := firstLabels(p, 2); got != "- -" || s.ws.Scheme().Target != "The bridge stays open." {
		t.Errorf("task 2 shows %q against %q", got, s.ws.Scheme().Target)
	}
	key := projectKey(savedProjectID)
	if _, ok := st.items[key]; ok {
		t.Error("the project file is still in localStorage after it was moved")
	}
	if string(st.files.items[key]) != saved[key] {
		t.Error("the file store does not hold the project file as it was saved")
	}
	for k, v := range saved {
		if k != key && k != keyLibrary && st.items[k] != v {
			t.Errorf("%s changed while the project moved", k)
		}
	}
	s.moveTask(-1)
	if firstLabels(p, 1) != "agree" {
		t.Errorf("task 1 after the move shows %q", labels(p))
	}

	// a reload reads it from the file store
	again, _ := newTestSession(t, st)
	again.openCurrent()
	if again.project == nil || again.project.task().ID != savedTask1 {
		t.Fatalf("after a reload: project %+v, message %+v", again.project, again.msg)
	}
}

func TestSavedProjectStaysWithoutFileStore(t *testing.T) {
	saved := loadSavedFixture(t, "project.json")
	st := newMemoryStore()
	st.files = newMemoryFiles()
	st.files.unavailable = true
	maps.Copy(st.items, saved)
	s, _ := newTestSession(t, st)
	s.loadLibrary()
	s.openCurrent()
	if s.project == nil || s.project.task().ID != savedTask2 {
		t.Fatalf("project %+v, message %+v", s.project, s.msg)
	}
	if st.items[projectKey(savedProjectID)] != saved[projectKey(savedProjectID)] {
		t.Error("the project file left localStorage though there is no file store to take it")
	}
}

func TestProjectFileGoesToTheFileStore(t *testing.T) {
	st := newMemoryStore()
	s, _ := newTestSession(t, st)
	proj := testProject(t)
	s.openProject(proj)
	key := projectKey(proj.ID)
	if _, ok := st.items[key]; ok {
		t.Error("the project file went to localStorage")
	}
	if _, ok := st.files.items[key]; !ok {
		t.Fatal("the project file is not in the file store")
	}
	if s.msg.Kind == "error" {
		t.Errorf("message %+v", s.msg)
	}
}

func TestProjectNotKeptSaysSoAndKeepsWorking(t *testing.T) {
	for _, tc := range []struct {
		name        string
		files       func(*memoryFiles)
		localFull   bool
		wantKept    bool
		wantMessage string
	}{
		{name: "file store full, localStorage takes it", files: func(f *memoryFiles) { f.full = true }, wantKept: true},
		{name: "no file store, localStorage takes it", files: func(f *memoryFiles) { f.unavailable = true }, wantKept: true},
		{name: "both full", files: func(f *memoryFiles) { f.full = true }, localFull: true, wantMessage: "storage for this site is full"},
		{name: "no file store, localStorage full", files: func(f *memoryFiles) { f.unavailable = true }, localFull: true, wantMessage: "IndexedDB is not available"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := newMemoryStore()
			st.files = newMemoryFiles()
			tc.files(st.files)
			s, p := newTestSession(t, st)
			st.full = tc.localFull
			proj := testProject(t)
			s.openProject(proj)
			if s.project == nil {
				t.Fatalf("the project did not open: %+v", s.msg)
			}
			_, kept := st.items[projectKey(proj.ID)]
			if kept != tc.wantKept {
				t.Errorf("kept in localStorage: %v, want %v", kept, tc.wantKept)
			}
			if tc.wantMessage == "" {
				if s.msg.Kind == "error" {
					t.Errorf("message %+v", s.msg)
				}
				return
			}
			if s.msg.Kind != "error" || !strings.Contains(s.msg.Text, tc.wantMessage) || !strings.Contains(s.msg.Text, "open in this tab only") || !strings.Contains(s.msg.Text, "download your submission") {
				t.Errorf("message %+v, want an error saying %q, that it is open in this tab only and to download the submission", s.msg, tc.wantMessage)
			}
			s.clickSentence(0, false)
			s.tagKey("1")
			if firstLabels(p, 1) != "agree" {
				t.Errorf("tagging after the message: %q", labels(p))
			}
			if tc.localFull && !strings.Contains(s.save.Text, "download your submission") {
				t.Errorf("save status %+v, want it to say to download the submission", s.save)
			}
			sub, err := s.submission()
			if err != nil || len(sub.Tasks) != 1 || sub.Tasks[0].Annotations[0].Label != "agree" {
				t.Errorf("the submission has not the tab's work: %+v, %v", sub, err)
			}
		})
	}
}

// The same project opened again (a reload of its ?src= link, once it was
// reopened from the file store) stays where the annotator is.
func TestProjectOpenedAgainStaysOnItsTask(t *testing.T) {
	s, p := newTestSession(t, newMemoryStore())
	proj := testProject(t)
	s.openProject(proj)
	s.moveTask(1)
	s.clickSentence(0, false)
	s.tagKey("1")
	s.openProject(testProject(t))
	if s.project.current != 1 || firstLabels(p, 1) != "agree" || !strings.Contains(s.msg.Text, "already open") {
		t.Errorf("after opening it again: task %d, labels %q, message %+v", s.project.current+1, labels(p), s.msg)
	}
}
