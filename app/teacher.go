package app

import (
	"bytes"
	"strings"

	"stancemark/annotations"
)

// teacherState is the "make an assignment" dialog.
type teacherState struct {
	link string // the last link made, shown to copy by hand too
	// the assignment made from the dialog, reused while nothing changed, so
	// the file and the link of one dialog are the same assignment (same id)
	made      *annotations.Assignment
	madeFrom  assignmentInput
	madeAtVer uint64
	madeDoc   string
	madeOn    *annotations.Document // the document it is on (the draft's, when its sentences were fixed)
	bounds    assignmentBounds      // the sentences fixed in the dialog (dialog_boundaries_commands.go)
}

// assignmentInput is what the teacher typed in the dialog.
type assignmentInput struct {
	Title, Instructions, Target string
	UseKey                      bool
	Mode                        annotations.AssignmentMode
}

// makeAssignment builds the assignment of the open document with the active
// label set; the key is the teacher's highlights when asked for. The
// document is on the sentences fixed in the dialog, if any, and the key's
// highlights are moved onto them by their text.
func (s *session) makeAssignment(in assignmentInput) (*annotations.Assignment, bool) {
	if t := strings.TrimSpace(in.Target); t != "" && t != s.ws.Scheme().Target {
		if err := s.ws.SetTarget(t); err != nil {
			s.fail("Changing the target claim failed: %v.", err)
			return nil, false
		}
		s.changed()
	}
	doc := s.assignmentOn()
	if t := s.teacher; t.made != nil && t.madeFrom == in && t.madeAtVer == s.ws.Version() && t.madeDoc == s.doc.ID && t.madeOn == doc {
		return t.made, true
	}
	title := strings.TrimSpace(in.Title)
	if title == "" {
		title = s.doc.Title
	}
	var key []annotations.Annotation
	if in.UseKey {
		var err error
		if key, err = s.keyOn(doc); err != nil {
			s.fail("Placing the key on the fixed sentences failed: %v.", err)
			return nil, false
		}
	}
	a := annotations.NewAssignment(title, strings.TrimSpace(in.Instructions), doc, s.ws.Scheme(), key,
		annotations.AssignmentOptions{Mode: in.Mode})
	if err := a.Validate(); err != nil {
		s.fail("Making the assignment failed: %v.", err)
		return nil, false
	}
	s.rememberMade(a)
	s.teacher.made, s.teacher.madeFrom, s.teacher.madeAtVer, s.teacher.madeDoc, s.teacher.madeOn = a, in, s.ws.Version(), s.doc.ID, doc
	return a, true
}

// downloadAssignment makes the assignment and downloads <slug>.assignment.json.
func (s *session) downloadAssignment(in assignmentInput) {
	a, ok := s.makeAssignment(in)
	if !ok {
		return
	}
	var buf bytes.Buffer
	if err := annotations.WriteAssignment(&buf, a.StudentCopy()); err != nil {
		s.fail("Making the assignment file failed: %v.", err)
		return
	}
	download(annotations.AssignmentFileName(a), "application/json", buf.Bytes())
	if a.Practice() {
		s.setInfo("Downloaded %s: give it to your students; collect their submissions in the class dashboard.", annotations.AssignmentFileName(a))
	} else {
		s.setInfo("Downloaded %s (without the key): give it to your students. The key stays in this browser; download the teacher file too, in case you lose it.", annotations.AssignmentFileName(a))
	}
	s.refresh()
}

// assignmentLink makes the assignment and its link, copied to the clipboard.
func (s *session) assignmentLink(in assignmentInput, appURL string) {
	a, ok := s.makeAssignment(in)
	if !ok {
		return
	}
	link, err := annotations.AssignmentLink(appURL, a.StudentCopy())
	if err != nil {
		s.fail("Making the link failed: %v.", err)
		return
	}
	s.teacher.link = link
	copyText(link)
	s.setInfo("The assignment link (%d characters) is copied: share it with your students.", len(link))
	s.refresh()
}

// showTeacher opens or closes the "make an assignment" dialog.
func (s *session) showTeacher(open bool) {
	if open {
		s.teacher.link = ""
		s.show(overlayTeacher)
	} else {
		s.hide(overlayTeacher)
	}
	s.refresh()
}
