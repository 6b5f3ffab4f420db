package app

import (
	"bytes"
	"strings"

	"stancemark/annotations"
)

// The feedback of a graded assignment, both ways: the teacher sends it
// from the dashboard (a file or a link per student); the student opens it
// on the assignment, and from then on their submissions are "after
// feedback".

// dashFeedback downloads (link false) or copies the link of (link true)
// the feedback for student.
func (s *session) dashFeedback(student string, link bool) {
	r := s.class.report
	if r == nil {
		return
	}
	f, ok := r.FeedbackFor(student)
	if !ok {
		s.fail("There is no feedback to send to %s: the assignment has no key here (open the assignment made in this browser, or your teacher file).", student)
		return
	}
	if link {
		l, err := annotations.FeedbackLink(appURL(), f)
		if err != nil {
			s.fail("Making the feedback link failed: %v.", err)
			return
		}
		s.class.feedbackLink = l
		copyText(l)
		s.setInfo("%s's feedback link (%d characters) is copied: send it to %s only; it holds the key.", student, len(l), student)
		s.refresh()
		return
	}
	var buf bytes.Buffer
	if err := annotations.WriteFeedbackFile(&buf, f); err != nil {
		s.fail("Making the feedback file failed: %v.", err)
		return
	}
	download(f.FileName(), "application/json", buf.Bytes())
	s.setInfo("Downloaded %s: send it to %s only; it holds the key.", f.FileName(), student)
}

// openFeedbackLink opens the feedback of a #f=DATA link.
func (s *session) openFeedbackLink(data string) {
	f, err := annotations.DecodeFeedbackLink(data)
	if err != nil {
		s.fail("This feedback link could not be read: %v. Ask your teacher for the link again, or for the feedback file.", err)
		return
	}
	s.openFeedback(f)
}

// openFeedbackData opens a feedback file.
func (s *session) openFeedbackData(name string, data []byte) {
	f, err := annotations.ReadFeedbackFile(bytes.NewReader(data))
	if err != nil {
		s.fail("Opening the feedback %s failed: %v", name, err)
		return
	}
	s.openFeedback(f)
}

// openFeedback shows a teacher's feedback on its assignment, opened if it
// is not, and records that feedback was shown.
func (s *session) openFeedback(f *annotations.FeedbackFile) {
	if s.assignment == nil || s.assignment.ID != f.Assignment.ID {
		s.openAssignment(f.Assignment.StudentCopy())
	}
	fb, err := f.Feedback()
	if err != nil {
		s.fail("Reading the feedback failed: %v.", err)
		return
	}
	s.feedback = fb
	rec := s.attempts(f.Assignment.ID)
	rec.FeedbackShown = true
	if err := s.setAttempts(f.Assignment.ID, rec); err != nil {
		s.setError("The feedback is shown, but this browser could not record it (%v).", err)
	}
	who := f.Work.Annotator.Name
	if s.student != "" && !strings.EqualFold(strings.Join(strings.Fields(s.student), " "), who) {
		s.setInfo("This is %s's feedback (you are %s). It compares the work %s submitted with the key.", who, s.student, who)
	} else {
		s.setInfo("Your teacher's feedback on the work you submitted is below. A file you submit from now on is marked \"after feedback\".")
	}
	s.hide(overlayStudent)
	s.refresh()
}
