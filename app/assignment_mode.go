package app

import (
	"bytes"
	"strings"

	"stancemark/annotations"
)

// openAssignmentLink opens the assignment of a #a=DATA link.
func (s *session) openAssignmentLink(data string) {
	a, err := annotations.DecodeAssignmentLink(data)
	if err != nil {
		s.fail("This assignment link could not be read: %v. Ask your teacher for the link again, or for the assignment file.", err)
		return
	}
	s.openAssignment(a)
}

// openAssignment starts (or resumes) a student's work on an assignment.
func (s *session) openAssignment(a *annotations.Assignment) {
	doc, err := a.Doc()
	var ws *annotations.Workspace
	if err == nil {
		ws, err = a.NewWorkspace()
	}
	if err != nil {
		s.fail("Opening the assignment %q failed: %v", a.Title, err)
		return
	}
	keepErr := s.storeAssignment(a)
	s.load(doc, ws, a, nil)
	if keepErr != nil {
		s.setError("The assignment could not be kept in this browser (%v): submit before closing the tab.", keepErr)
	}
	s.ws.Annotator = s.student
	_ = s.rememberCurrent(assignmentCurrent + a.ID)
	if s.student == "" {
		s.show(overlayStudent)
	}
	if s.msg.Kind != "error" { // a problem with the saved work or the storage is not hidden
		s.setInfo("Assignment %q: read the instructions, tag the sentences, then press Submit.", a.Title)
	}
	s.docChanged()
}

// reopenAssignment opens an assignment kept in this browser.
func (s *session) reopenAssignment(id string) bool {
	data, ok := s.storedAssignment(id)
	if !ok {
		return false
	}
	a, err := annotations.ReadAssignment(bytes.NewReader(data))
	if err != nil {
		s.setError("The assignment you had open could not be read (%v).", err)
		return false
	}
	s.openAssignment(a)
	s.clearMessage()
	return true
}

// leaveAssignment goes back to one's own documents; the assignment's work stays saved.
func (s *session) leaveAssignment() {
	if s.assignment == nil {
		return
	}
	s.assignment = nil
	s.feedback = nil
	b, err := bundledDocument()
	if err != nil {
		return
	}
	s.switchTo(b, bundledTarget())
}

// setStudent remembers the student's name (asked once).
func (s *session) setStudent(name string) bool {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		s.fail("Please type your name: your teacher needs it on your submission.")
		return false
	}
	s.student = name
	s.ws.Annotator = name
	s.remember(keyStudent, name, "your name")
	s.hide(overlayStudent)
	s.refresh()
	return true
}

// submit downloads the student's submission and, when the assignment
// reveals the key, shows the feedback.
func (s *session) submit() {
	a := s.assignment
	if a == nil {
		return
	}
	if s.student == "" {
		s.askStudentName()
		return
	}
	sub := a.Submission(s.ws, s.student, s.now())
	rec := s.attempts(a.ID)
	rec.Attempts++
	var buf bytes.Buffer
	// the handin says whether feedback had been shown before it: the
	// dashboard scores work from before feedback
	if err := annotations.WriteHandin(&buf, annotations.NewHandin(sub, rec.Attempts, rec.FeedbackShown)); err != nil {
		s.fail("Submitting failed: %v.", err)
		return
	}
	download(a.SubmissionFileName(s.student), "application/json", buf.Bytes())
	s.announce("Submission downloaded.")
	switch {
	case a.Practice() && a.HasKey():
		fb, err := a.Compare(sub)
		if err != nil {
			s.setError("Comparing with the answer key failed: %v.", err)
			break
		}
		s.feedback = fb
		rec.FeedbackShown = true
		s.setInfo("Your work was saved as %s: hand this file in to your teacher. Your feedback is below; a file you submit from now on is marked \"after feedback\" and your teacher scores the one before it.", a.SubmissionFileName(s.student))
	case a.Practice():
		s.setInfo("Your work was saved as %s: hand this file in to your teacher.", a.SubmissionFileName(s.student))
	default:
		s.setInfo("Your work was saved as %s: hand this file in to your teacher, who will send your feedback once it is graded.", a.SubmissionFileName(s.student))
	}
	if err := s.setAttempts(a.ID, rec); err != nil {
		s.setError("Your submission was downloaded, but this browser could not count it (%v).", err)
	}
	s.refresh()
}

// sentenceTexts are the open document's sentences' text, for the
// feedback's quotes (kept while the document is the same).
func (s *session) sentenceTexts() []string {
	out := make([]string, len(s.doc.Sentences))
	for i, sn := range s.doc.Sentences {
		out[i] = sn.Text
	}
	return out
}

// sentenceIDs are the open document's sentence ids, in order.
func (s *session) sentenceIDs() []string {
	out := make([]string, len(s.doc.Sentences))
	for i, sn := range s.doc.Sentences {
		out[i] = sn.ID
	}
	return out
}
