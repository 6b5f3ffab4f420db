package app

import (
	"bytes"
	"strings"

	"stancemark/annotations"
)

// Keys of the classroom.
const (
	keyStudent = "stancemark/v1/student"
	keyMade    = "stancemark/v1/made-assignments" // ids of assignments made here, newest last
	// assignmentCurrent prefixes keyCurrent's value when a student has an assignment open.
	assignmentCurrent = "assignment:"
)

// assignmentKey is where an assignment opened or made here is kept.
func assignmentKey(id string) string { return "stancemark/v1/assignment/" + id }

// workKey is where the open work is saved: per document, or per assignment
// for a student (so an assignment never mixes with one's own annotations).
func (s *session) workKey() string {
	if s.assignment != nil {
		return assignmentKey(s.assignment.ID) + "/work"
	}
	return workKey(s.doc.ID)
}

// openAssignmentData opens an assignment file or link payload.
func (s *session) openAssignmentData(name string, data []byte) {
	a, err := annotations.ReadAssignment(bytes.NewReader(data))
	if err != nil {
		s.setError("Opening the assignment %s failed: %v", name, err)
		s.refresh()
		return
	}
	s.openAssignment(a)
}

// openAssignmentLink opens the assignment of a #a=DATA link.
func (s *session) openAssignmentLink(data string) {
	a, err := annotations.DecodeAssignmentLink(data)
	if err != nil {
		s.setError("This assignment link could not be read: %v. Ask your teacher for the link again, or for the assignment file.", err)
		s.refresh()
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
		s.setError("Opening the assignment %q failed: %v", a.Title, err)
		s.refresh()
		return
	}
	var buf bytes.Buffer
	if err := annotations.WriteAssignment(&buf, a); err == nil {
		if err := s.store.set(assignmentKey(a.ID), buf.String()); err != nil {
			s.setError("The assignment could not be kept in this browser (%v): submit before closing the tab.", err)
		}
	}
	s.assignment = a
	s.feedback = nil
	s.doc = doc
	s.ws = ws
	s.sel = noSelection
	s.orphans = nil
	s.mode = modeAnnotate
	s.save = saveStatus{saveClean, "Saved"}
	s.restoreWork()
	s.ws.Annotator = s.student
	_ = s.store.set(keyCurrent, assignmentCurrent+a.ID)
	if s.student == "" {
		s.askName = true
		openModal("student-dialog")
	}
	s.setInfo("Assignment %q: read the instructions, tag the sentences, then press Submit.", a.Title)
	s.docChanged()
}

// reopenAssignment opens an assignment kept in this browser.
func (s *session) reopenAssignment(id string) bool {
	data, ok, _ := s.store.get(assignmentKey(id))
	if !ok {
		return false
	}
	a, err := annotations.ReadAssignment(strings.NewReader(data))
	if err != nil {
		s.setError("The assignment you had open could not be read (%v).", err)
		return false
	}
	s.openAssignment(a)
	s.msg = message{}
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
		s.setError("Please type your name: your teacher needs it on your submission.")
		s.refresh()
		return false
	}
	s.student = name
	s.ws.Annotator = name
	if err := s.store.set(keyStudent, name); err != nil {
		s.setError("Remembering your name failed: %v.", err)
	}
	s.askName = false
	closeModal("student-dialog")
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
		s.askName = true
		openModal("student-dialog")
		s.refresh()
		return
	}
	sub := a.Submission(s.ws, s.student, s.now())
	var buf bytes.Buffer
	if err := annotations.WriteExport(&buf, sub); err != nil {
		s.setError("Submitting failed: %v.", err)
		s.refresh()
		return
	}
	download(a.SubmissionFileName(s.student), "application/json", buf.Bytes())
	s.setInfo("Your work was saved as %s: hand this file in to your teacher.", a.SubmissionFileName(s.student))
	s.announce("Submission downloaded.")
	if a.Options.RevealKey && a.HasKey() {
		fb, err := a.Compare(sub)
		if err != nil {
			s.setError("Comparing with the answer key failed: %v.", err)
		} else {
			s.feedback = fb
		}
	}
	s.refresh()
}
