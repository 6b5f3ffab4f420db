package app

import (
	"bytes"
	"strings"

	"stancemark/annotations"
)

// classState is the teacher's dashboard: the assignment and the
// submissions read so far.
type classState struct {
	class   *annotations.Class
	report  *annotations.ClassReport
	reading int      // files being read
	read    int      // files read (loaded or refused)
	failed  []string // files that could not even be read
}

// showDashboard switches between the article and the class dashboard.
func (s *session) showDashboard(on bool) {
	if on {
		s.mode = modeDashboard
	} else {
		s.mode = modeAnnotate
	}
	s.docChanged() // the article is mounted again when coming back
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

// dashAssignment starts a class for an assignment.
func (s *session) dashAssignment(a *annotations.Assignment) {
	s.class = classState{class: annotations.NewClass(a)}
	s.class.report = s.class.class.Report()
	s.clearMessage()
	s.refresh()
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
		c.failed = append(c.failed, name+": "+err.Error())
	} else {
		// refusals are listed in the report's Problems; the others still load
		_ = c.class.Add(name, data)
	}
	if c.read >= c.reading {
		c.report = c.class.Report()
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

// changeClassAssignment leaves the class of one assignment, to pick another.
func (s *session) changeClassAssignment() {
	s.class = classState{}
	s.refresh()
}
