package app

import (
	"fmt"

	"stancemark/annotations"
)

// Fixing sentences inside the dialogs that make an assignment or a
// project (issue 18): the author joins a sentence with the next one or
// splits one at a chosen point, with undo, on a draft of the document
// (boundary_draft.go); what the dialog makes carries the draft's
// boundaries, so every student or annotator gets the same units. The
// editor is dialog_boundaries.go; scope says which dialog it is in.

// The scopes of the sentence editor, also the prefix of its element ids.
const (
	scopeAssignment = "as" // the "make an assignment" dialog
	scopeProject    = "np" // the New project dialog
)

// boundaryEditState is what the editor shows besides the draft.
type boundaryEditState struct {
	open bool   // the list of sentences is shown
	err  string // why the last change was refused
}

// assignmentBounds is the editor of the "make an assignment" dialog: a
// draft of the open document, kept while that document stays open.
type assignmentBounds struct {
	boundaryEditState
	draft *boundaryDraft
	// the key moved onto the draft's boundaries, for keyOn's (doc, version)
	keyDoc *annotations.Document
	keyVer uint64
	key    []annotations.Annotation
}

// projectBounds is the editor of the New project dialog: the articles read
// from the input files, a draft per article edited (by document id, kept
// when the files change), and the article chosen.
type projectBounds struct {
	boundaryEditState
	docs   []*annotations.Document // the articles, one per text, in input order; nil: not read
	drafts map[string]*boundaryDraft
	doc    string // the chosen article's id
}

// staleSources forgets the articles read (the input files changed); the
// drafts stay and apply to the same texts.
func (b *projectBounds) staleSources() { b.docs, b.open = nil, false }

// boundaries is the sentences of every article fixed, by document id, as
// ProjectSettings.Boundaries takes them.
func (b *projectBounds) boundaries() map[string][]annotations.ExportSentence {
	var out map[string][]annotations.ExportSentence
	for id, d := range b.drafts {
		if d.changed() {
			if out == nil {
				out = map[string][]annotations.ExportSentence{}
			}
			out[id] = d.doc.ExportDocument().Sentences
		}
	}
	return out
}

// editState is the editor state of scope.
func (s *session) editState(scope string) *boundaryEditState {
	if scope == scopeProject {
		return &s.newProject.bounds.boundaryEditState
	}
	return &s.teacher.bounds.boundaryEditState
}

// assignmentDraft is the draft of the open document, new when another
// document (or the same text on other boundaries) was opened since.
func (s *session) assignmentDraft() *boundaryDraft {
	b := &s.teacher.bounds
	if b.draft == nil || b.draft.base != s.doc {
		b.draft = newBoundaryDraft(s.doc)
	}
	return b.draft
}

// draftOf is the draft scope edits: the open document's, or the chosen
// article's (nil when no article is chosen).
func (s *session) draftOf(scope string) *boundaryDraft {
	if scope != scopeProject {
		return s.assignmentDraft()
	}
	b := &s.newProject.bounds
	if d := b.drafts[b.doc]; d != nil {
		return d
	}
	for _, doc := range b.docs {
		if doc.ID == b.doc {
			if b.drafts == nil {
				b.drafts = map[string]*boundaryDraft{}
			}
			b.drafts[doc.ID] = newBoundaryDraft(doc)
			return b.drafts[doc.ID]
		}
	}
	return nil
}

// toggleDraft shows or hides the list of sentences of scope; in New
// project, showing it reads the input files first.
func (s *session) toggleDraft(scope string) {
	st := s.editState(scope)
	st.err = ""
	if st.open {
		st.open = false
		s.refresh()
		return
	}
	if scope == scopeProject && s.newProject.bounds.docs == nil {
		if err := s.readDraftArticles(); err != nil {
			st.err = err.Error()
			s.refresh()
			return
		}
	}
	st.open = true
	if d := s.draftOf(scope); d != nil {
		s.announce("%s shown.", plural(len(d.doc.Sentences), "sentence"))
	}
	s.refresh()
}

// readDraftArticles reads the New project inputs as making the project
// will, and chooses the first article unless the one chosen is there.
func (s *session) readDraftArticles() error {
	np := &s.newProject
	if len(np.files) == 0 {
		return fmt.Errorf("Choose the input files first: their articles' sentences are shown here.")
	}
	files := make([]annotations.ProjectFile, len(np.files))
	for i, in := range np.files {
		files[i] = in.ProjectFile
	}
	ps, err := annotations.ReadProjectSources(files, np.cols)
	if err != nil {
		return err
	}
	b := &np.bounds
	b.docs = nil
	seen := map[string]bool{}
	for _, d := range ps.Documents() {
		if !seen[d.ID] {
			seen[d.ID] = true
			b.docs = append(b.docs, d)
		}
	}
	if !seen[b.doc] {
		b.doc = b.docs[0].ID
	}
	return nil
}

// chooseDraftArticle chooses the New project article whose sentences are
// shown.
func (s *session) chooseDraftArticle(id string) {
	b := &s.newProject.bounds
	b.doc, b.err = id, ""
	if d := s.draftOf(scopeProject); d != nil {
		s.announce("%s: %s.", d.doc.Title, plural(len(d.doc.Sentences), "sentence"))
	}
	s.refresh()
}

// draftJoin joins sentence i of scope's draft with the next one.
func (s *session) draftJoin(scope string, i int) {
	d := s.draftOf(scope)
	if d == nil || i < 0 || i+1 >= len(d.doc.Sentences) {
		return
	}
	a, b := d.doc.Sentences[i].ID, d.doc.Sentences[i+1].ID
	s.draftChanged(scope, d.join(i), fmt.Sprintf("Joined %s and %s", a, b), "join", i)
}

// draftSplitting shows the split points of sentence i (-1: hides them).
func (s *session) draftSplitting(scope string, i int) {
	d := s.draftOf(scope)
	if d == nil {
		return
	}
	if i < -1 || i >= len(d.doc.Sentences) || i == d.splitting {
		i = -1
	}
	d.splitting = i
	s.editState(scope).err = ""
	s.refresh()
	if i >= 0 && s.afterRender != nil {
		s.afterRender(func() { focus(scope + "-bd-caret") })
	}
}

// draftSplit splits the sentence whose split points are shown before
// code point at (into the document's text).
func (s *session) draftSplit(scope string, at int) {
	d := s.draftOf(scope)
	if d == nil || d.splitting < 0 || d.splitting >= len(d.doc.Sentences) {
		return
	}
	i := d.splitting
	s.draftChanged(scope, d.split(i, at), fmt.Sprintf("Split %s in two", d.doc.Sentences[i].ID), "split", i)
}

// draftSplitCaret splits the sentence whose split points are shown at a
// caret caret UTF-16 units into its text (the text field's selectionStart).
func (s *session) draftSplitCaret(scope string, caret int) {
	d := s.draftOf(scope)
	if d == nil || d.splitting < 0 || d.splitting >= len(d.doc.Sentences) {
		return
	}
	s.draftSplit(scope, d.caretAt(d.splitting, caret))
}

// draftUndo undoes the last change of scope's draft.
func (s *session) draftUndo(scope string) {
	d := s.draftOf(scope)
	if d == nil || !d.undoLast() {
		return
	}
	s.draftChanged(scope, nil, fmt.Sprintf("Undone: %s", plural(len(d.doc.Sentences), "sentence")), "undo", 0)
}

// draftChanged follows a change of scope's draft (err: refused, nothing
// changed): what was done is said, and the focus goes back to the
// control the change came from (the row's join or split button).
func (s *session) draftChanged(scope string, err error, what, from string, i int) {
	st := s.editState(scope)
	if err != nil {
		st.err = "That change of sentences is not possible: " + err.Error() + "."
		s.announce("%s", st.err)
		s.refresh()
		return
	}
	st.err = ""
	d := s.draftOf(scope)
	s.announce("%s; %s now.", what, plural(len(d.doc.Sentences), "sentence"))
	s.refresh()
	if s.afterRender == nil {
		return
	}
	id := fmt.Sprintf("%s-bd-%s-%d", scope, from, min(i, len(d.doc.Sentences)-1))
	if from == "undo" {
		id = scope + "-bd-undo"
	}
	s.afterRender(func() { focus(id) })
}

// assignmentOn is the document an assignment made now is on: the open
// one, or its draft when the teacher fixed its sentences in the dialog.
func (s *session) assignmentOn() *annotations.Document {
	if d := s.teacher.bounds.draft; d != nil && d.base == s.doc && d.changed() {
		return d.doc
	}
	return s.doc
}

// keyOn is the teacher's highlights of the active label set placed on doc
// (the open document's text on other boundaries) by their text, as the
// Sentences dialog moves them; those that cannot be placed are left out.
func (s *session) keyOn(doc *annotations.Document) ([]annotations.Annotation, error) {
	if doc == s.doc {
		return s.ws.Annotations(), nil
	}
	b := &s.teacher.bounds
	if b.keyDoc == doc && b.keyVer == s.ws.Version() {
		return b.key, nil
	}
	moved, _, err := annotations.MoveWork(s.ws, doc, s.now())
	if err != nil {
		return nil, err
	}
	b.keyDoc, b.keyVer, b.key = doc, s.ws.Version(), moved.Annotations()
	return b.key, nil
}
