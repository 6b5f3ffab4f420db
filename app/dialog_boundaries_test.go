package app

import (
	"strings"
	"testing"

	"stancemark/annotations"
)

func docTexts(d *annotations.Document) string {
	var out []string
	for _, s := range d.Sentences {
		out = append(out, s.Text)
	}
	return strings.Join(out, "|")
}

// TestAssignmentDialogBoundaries: the teacher joins two sentences and
// splits one inside the "make an assignment" dialog; the assignment (and
// the student's copy, and its link) carries those sentences, the key is
// moved onto them by its text, the teacher's own document keeps its
// sentences, and undo goes back to them.
func TestAssignmentDialogBoundaries(t *testing.T) {
	s, _ := openOwn(t) // "Rain fell hard all night long here.|Roads flooded.|Schools shut for the day.|The rain stopped.", s3 tagged
	own := s.doc
	s.showTeacher(true)
	if v := boundaryViewOf(s, scopeAssignment, true); v.Open || v.Count != 4 || len(v.Rows) != 0 {
		t.Fatalf("closed editor: %+v", v)
	}
	s.toggleDraft(scopeAssignment)
	v := boundaryViewOf(s, scopeAssignment, true)
	if !v.Open || len(v.Rows) != 4 || !v.Rows[0].CanJoin || v.Rows[2].CanJoin || v.ID != own.BoundariesID() {
		t.Fatalf("open editor: %+v", v)
	}
	s.draftJoin(scopeAssignment, 0)
	s.draftJoin(scopeAssignment, 1) // the last of its paragraph now: refused
	if st := s.editState(scopeAssignment); !strings.Contains(st.err, "cannot be joined") {
		t.Errorf("a join across paragraphs: %q", st.err)
	}
	s.draftSplitting(scopeAssignment, 1)
	if v := boundaryViewOf(s, scopeAssignment, true); v.Splitting != 1 || len(v.Splits) != 4 || v.Splits[0].Word != "shut" {
		t.Fatalf("split points of s2: %+v", v.Splits)
	}
	s.draftSplitCaret(scopeAssignment, len("Schools shut "))
	want := "Rain fell hard all night long here. Roads flooded.|Schools shut|for the day.|The rain stopped."
	if got := docTexts(s.assignmentOn()); got != want {
		t.Fatalf("the draft: %q, want %q", got, want)
	}
	if s.doc != own || docTexts(s.doc) != "Rain fell hard all night long here.|Roads flooded.|Schools shut for the day.|The rain stopped." {
		t.Error("the teacher's own document changed")
	}
	if v := boundaryViewOf(s, scopeAssignment, true); v.Changes != 2 || v.Note != "" || v.ID == own.BoundariesID() {
		t.Errorf("after two changes: %+v", v)
	}
	if d := newAssignmentDialog(s); d.KeySize != 1 {
		t.Errorf("the key counted on the fixed sentences: %d", d.KeySize)
	}

	in := assignmentInput{Title: "Floods", Target: s.ws.Scheme().Target, UseKey: true, Mode: annotations.ModePractice}
	a, ok := s.makeAssignment(in)
	if !ok {
		t.Fatal(s.msg)
	}
	if got := annotations.BoundariesID(a.Document.Sentences); got != s.assignmentOn().BoundariesID() {
		t.Errorf("the assignment's boundaries %s, want the draft's", got)
	}
	if len(a.Key) != 1 || strings.Join(a.Key[0].SentenceIDs, ",") != "s2,s3" {
		t.Errorf("the key on the fixed sentences: %+v", a.Key)
	}
	link, err := annotations.AssignmentLink("https://example.org/", a.StudentCopy())
	if err != nil {
		t.Fatal(err)
	}
	back, err := annotations.DecodeAssignmentLink(link[strings.Index(link, "#a=")+3:])
	if err != nil {
		t.Fatal(err)
	}
	doc, err := back.Doc()
	if err != nil || docTexts(doc) != want {
		t.Errorf("the student's sentences: %v %q", err, docTexts(doc))
	}

	// Undo: the next assignment is on the document's own sentences again.
	s.draftUndo(scopeAssignment)
	s.draftUndo(scopeAssignment)
	if s.assignmentOn() != own {
		t.Fatal("undo did not go back to the document's sentences")
	}
	b, _ := s.makeAssignment(in)
	if b.ID == a.ID || annotations.BoundariesID(b.Document.Sentences) != own.BoundariesID() {
		t.Errorf("after undo: same assignment %v, boundaries %s", b.ID == a.ID, annotations.BoundariesID(b.Document.Sentences))
	}
}

// TestAssignmentDraftLeavesOutAKey: a key highlight that cannot be placed
// on the fixed sentences is said, and left out of the key.
func TestAssignmentDraftLeavesOutAKey(t *testing.T) {
	s, _ := openOwn(t)
	s.clickSentence(1, false)
	s.tag("opposes") // s2 opposes, s3 supports: joined, one cannot be placed
	s.showTeacher(true)
	s.toggleDraft(scopeAssignment)
	s.draftJoin(scopeAssignment, 1)
	if v := boundaryViewOf(s, scopeAssignment, true); v.Note != "1 of your highlights cannot be placed on these sentences: the key leaves it out." {
		t.Errorf("note %q", v.Note)
	}
	a, ok := s.makeAssignment(assignmentInput{Title: "x", UseKey: true, Mode: annotations.ModeGraded})
	if !ok || len(a.Key) != 1 {
		t.Errorf("key %+v", a.Key)
	}
}

// TestProjectDialogBoundaries: in New project the author shows the
// articles' sentences, chooses an article and fixes it; the project
// carries those sentences for that article only, the fix survives adding
// a file, and undo works per article.
func TestProjectDialogBoundaries(t *testing.T) {
	s, _ := newTestSession(t, newMemoryStore())
	s.showNewProject(true)
	s.toggleDraft(scopeProject)
	if st := s.editState(scopeProject); st.open || !strings.Contains(st.err, "Choose the input files first") {
		t.Errorf("without files: open %v, %q", st.open, st.err)
	}
	s.addProjectFile("a.txt", []byte("Rain fell. The river rose. Roads shut."), nil)
	s.addProjectFile("b.txt", []byte("The mayor resigned. Nobody knows why."), nil)
	s.toggleDraft(scopeProject)
	v := boundaryViewOf(s, scopeProject, true)
	if !v.Open || len(v.Articles) != 2 || v.Article != v.Articles[0].ID || len(v.Rows) != 3 {
		t.Fatalf("editor %+v", v)
	}
	s.chooseDraftArticle(v.Articles[1].ID)
	s.draftJoin(scopeProject, 0)
	s.chooseDraftArticle(v.Articles[0].ID)
	s.draftSplitting(scopeProject, 2)
	s.draftSplit(scopeProject, s.draftOf(scopeProject).doc.Sentences[2].Start+len("Roads "))
	s.draftUndo(scopeProject)
	s.draftSplitting(scopeProject, 1)
	s.draftSplitCaret(scopeProject, len("The "))
	if v := boundaryViewOf(s, scopeProject, true); !strings.Contains(v.Articles[1].Name, "fixed: 1 sentence") || !strings.Contains(v.Articles[0].Name, "fixed: 4 sentences") {
		t.Errorf("the menu: %+v", v.Articles)
	}
	s.addProjectFile("c.txt", []byte("Cats purr. Dogs bark."), nil)
	if s.newProject.bounds.docs != nil || s.editState(scopeProject).open {
		t.Error("the articles read stay after a file was added")
	}
	s.makeProject(newProjectForm{Claims: "It rained"})
	if s.project == nil {
		t.Fatalf("no project: %q", s.newProject.err)
	}
	p := s.project.p
	var got []string
	for _, pd := range p.Documents {
		d, err := pd.Document()
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, docTexts(d))
	}
	if want := "Rain fell.|The|river rose.|Roads shut.;The mayor resigned. Nobody knows why.;Cats purr.|Dogs bark."; strings.Join(got, ";") != want {
		t.Errorf("the project's sentences %q, want %q", strings.Join(got, ";"), want)
	}
	if s.newProject.bounds.drafts != nil {
		t.Error("the drafts stay after the project was made")
	}
}

// TestAssignmentDialogKeys: while "make an assignment" is open, a label key
// or u pressed on its buttons changes nothing behind it; Escape closes it.
func TestAssignmentDialogKeys(t *testing.T) {
	s, _ := openOwn(t)
	s.showTeacher(true)
	n := len(s.ws.Annotations())
	s.run(cmdTag, false, "2")
	s.run(cmdUndo, false, "u")
	if len(s.ws.Annotations()) != n || s.ws.Annotations()[0].Label != "supports" {
		t.Errorf("keys in the dialog changed the work behind it: %+v", s.ws.Annotations())
	}
	s.run(cmdEscape, false, "Escape")
	if s.overlay != overlayNone {
		t.Error("Escape left the dialog open")
	}
}
