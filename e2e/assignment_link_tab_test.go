package e2e

import (
	"fmt"
	"strings"
	"testing"

	"stancemark/annotations"
)

// TestAssignmentLinkInAnOpenTab: a student pastes an assignment link into a
// tab that already shows the app: the assignment opens without a reload,
// and Enter in the name dialog takes the name as OK does.
func TestAssignmentLinkInAnOpenTab(t *testing.T) {
	p := newPage(t)
	sc := annotations.Presets()[0]
	sc.Target = "The claim of the open-tab assignment."
	a := annotations.NewAssignment("Open tab homework", "Tag two sentences.", bundled(t), sc, nil, annotations.AssignmentOptions{})
	link, err := annotations.EncodeAssignmentLink(a)
	if err != nil {
		t.Fatal(err)
	}
	Eval[bool](p, fmt.Sprintf(`(location.hash = %q, true)`, "a="+link))
	p.WaitJS("the name is asked", `document.querySelector("#student-dialog").open`)
	p.TypeInto("#student-input", "Ada Lovelace")
	p.Key("\r")
	p.WaitJS("Enter closed the dialog", `!document.querySelector("#student-dialog").open`)
	p.Eventually("the assignment is open for Ada", func() error {
		if got := p.Text("#assignment-title"); got != "Assignment: Open tab homework" {
			return fmt.Errorf("assignment title %q", got)
		}
		if got := p.Text("#assignment-panel"); !strings.Contains(got, "Ada Lovelace") {
			return fmt.Errorf("the panel does not name the student: %q", got)
		}
		return nil
	})
	if got := p.Value("input#target"); got != sc.Target {
		t.Errorf("the claim shown is %q, want the assignment's", got)
	}
}
