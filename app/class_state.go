package app

import (
	"bytes"
	"strings"

	"stancemark/annotations"
)

// classState is the teacher's dashboard: the assignment and the
// submissions read so far. The class is kept in this browser (classKey)
// after every batch of files, so a reload or another visit finds it.
type classState struct {
	class   *annotations.Class
	report  *annotations.ClassReport
	reading int    // files being read in this batch
	read    int    // files of this batch read (loaded or refused)
	student string // the student whose work is open next to the key, or ""
	// feedbackLink is the last feedback link made, shown to copy by hand
	feedbackLink string
}

// showDashboard switches between the article and the class dashboard.
func (s *session) showDashboard(on bool) {
	if on {
		s.mode = modeDashboard
		if c := s.class.class; c != nil {
			s.remember(keyDashboard, c.Assignment.ID, "the open class")
		}
	} else {
		s.mode = modeAnnotate
		s.forgetDashboard()
	}
	s.docChanged() // the article is mounted again when coming back
}

// reopenDashboard opens the dashboard on the class it had open before a
// reload.
func (s *session) reopenDashboard() {
	id := s.dashboardAssignment()
	if id == "" {
		return
	}
	c, ok, err := s.storedClass(id)
	if !ok {
		if err != nil {
			s.setError("The class you had open could not be read (%v); it is kept as it was. Open your teacher file instead.", err)
		}
		return
	}
	s.class = classState{class: c, report: c.Report()}
	s.mode = modeDashboard
	s.docChanged()
}

// keepClass stores the class in this browser and says so when it cannot.
func (s *session) keepClass() {
	if err := s.storeClass(s.class.class); err != nil {
		s.setError("The class could not be kept in this browser (%v): download the teacher file to keep it.", err)
	}
}

// dashAssignmentData sets the dashboard's assignment from a file.
func (s *session) dashAssignmentData(name string, data []byte) {
	a, err := annotations.ReadAssignment(bytes.NewReader(data))
	if err != nil {
		s.fail("Opening the assignment %s failed: %v", name, err)
		return
	}
	s.dashAssignment(a)
}

// dashAssignmentID sets the dashboard's assignment to one made here.
func (s *session) dashAssignmentID(id string) {
	data, ok := s.storedAssignment(id)
	if !ok {
		s.fail("That assignment is no longer kept in this browser; open its file instead.")
		return
	}
	s.dashAssignmentData("the assignment", data)
}

// dashAssignment starts a class for an assignment, or goes back to the
// one kept here for it.
func (s *session) dashAssignment(a *annotations.Assignment) {
	c, ok, _ := s.storedClass(a.ID)
	if !ok {
		c = annotations.NewClass(a)
	} else if !c.Assignment.HasKey() && a.HasKey() {
		c = c.WithAssignment(a) // the teacher's copy brings the key
	}
	s.class = classState{class: c, report: c.Report()}
	s.clearMessage()
	s.keepClass()
	s.refresh()
}

// dashClassData opens a teacher file (stancemark-class/v1) in the dashboard.
func (s *session) dashClassData(name string, data []byte) {
	c, err := annotations.ReadClass(bytes.NewReader(data))
	if err != nil {
		s.fail("Opening the teacher file %s failed: %v", name, err)
		return
	}
	s.class = classState{class: c, report: c.Report()}
	s.clearMessage()
	s.keepClass()
	s.refresh()
}

// dashRemove takes a file out of the class.
func (s *session) dashRemove(name string) {
	if c := s.class.class; c != nil && c.Remove(name) {
		s.class.report = c.Report()
		s.keepClass()
		s.announce("Removed %s.", name)
	}
	s.refresh()
}

// dashOpenStudent shows one student's work next to the key ("" closes it).
func (s *session) dashOpenStudent(name string) {
	s.class.student, s.class.feedbackLink = name, ""
	s.refresh()
}

// dashTeacherFile downloads the teacher file: the assignment with its key
// and the class.
func (s *session) dashTeacherFile() {
	c := s.class.class
	if c == nil {
		return
	}
	var buf bytes.Buffer
	if err := annotations.WriteClass(&buf, c, false); err != nil {
		s.fail("Making the teacher file failed: %v.", err)
		return
	}
	download(slug(c.Assignment.Title)+".class.json", "application/json", buf.Bytes())
	s.setInfo("Downloaded %s: keep it safe. It holds the key and the class; students must not get it. Open it here (Open a teacher file) on any browser.", slug(c.Assignment.Title)+".class.json")
}

// dashGrades downloads the grades CSV.
func (s *session) dashGrades() {
	r := s.class.report
	if r == nil {
		return
	}
	var buf bytes.Buffer
	if err := annotations.WriteGradesCSV(&buf, r); err != nil {
		s.fail("Exporting the grades failed: %v.", err)
		return
	}
	download(slug(r.Assignment.Title)+"-grades.csv", "text/csv", buf.Bytes())
}

// dashExpect says that n more files are being read.
func (s *session) dashExpect(n int) {
	s.class.reading += n
	s.refresh()
}

// dashAdd adds one submission file (or its read error) to the class.
func (s *session) dashAdd(name string, data []byte, err error) {
	c := &s.class
	if c.class == nil {
		return
	}
	c.read++
	if err != nil {
		// a file that could not be read is refused like a bad one: one
		// list of files not loaded, counted once
		c.class.Refuse(name, err)
	} else {
		// refusals are listed in the report's Problems; the others still load
		_ = c.class.Add(name, data)
	}
	if c.read >= c.reading {
		c.report = c.class.Report()
		s.keepClass()
	}
	s.refresh()
}

// dashDone reports whether every file handed in has been read.
func (c *classState) done() bool { return c.read >= c.reading }

// dashCSV downloads the class as CSV: long (summary false) or one row per student.
func (s *session) dashCSV(summary bool) {
	r := s.class.report
	if r == nil {
		return
	}
	var buf bytes.Buffer
	var err error
	name := slug(r.Assignment.Title) + "-class.csv"
	if summary {
		err = annotations.WriteClassSummaryCSV(&buf, r)
		name = strings.TrimSuffix(name, ".csv") + "-summary.csv"
	} else {
		err = annotations.WriteClassCSV(&buf, r)
	}
	if err != nil {
		s.fail("Exporting the class failed: %v.", err)
		return
	}
	download(name, "text/csv", buf.Bytes())
}

// made lists the assignments made in this browser, newest first.
func (s *session) made() []madeAssignment {
	ids := s.madeIDs()
	out := make([]madeAssignment, 0, len(ids))
	for i := len(ids) - 1; i >= 0; i-- {
		data, ok := s.storedAssignment(ids[i])
		if !ok {
			continue
		}
		a, err := annotations.ReadAssignment(bytes.NewReader(data))
		if err != nil {
			continue
		}
		out = append(out, madeAssignment{a.ID, a.Title})
	}
	return out
}

// changeClassAssignment leaves the class of one assignment, to pick
// another; it stays kept here.
func (s *session) changeClassAssignment() {
	s.class = classState{}
	s.forgetDashboard()
	s.refresh()
}
