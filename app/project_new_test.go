package app

import (
	"strings"
	"testing"

	"stancemark/annotations"
)

// fnc1Inputs are a small bodies.csv and stances.csv in FNC-1's shape.
func fnc1Inputs() (bodies, stances []byte) {
	return []byte("Body ID,articleBody\n1,\"The port approved the plan. Fishermen objected.\"\n2,The bridge closes in May. Drivers must detour.\n"),
		[]byte("Headline,Body ID,Stance\nThe plan was approved,1,agree\nThe bridge stays open,2,disagree\nThe plan was approved,2,unrelated\n")
}

func TestNewProjectFromFNC1Files(t *testing.T) {
	s, _ := newTestSession(t, newMemoryStore())
	s.showNewProject(true)
	bodies, stances := fnc1Inputs()
	s.addProjectFile("stances.csv", stances, nil) // read out of order: listed by name
	s.addProjectFile("bodies.csv", bodies, nil)
	np := &s.newProject
	if len(np.files) != 2 || np.files[0].Name != "bodies.csv" || np.files[1].Kind != annotations.ProjectStances || !np.fnc1() {
		t.Fatalf("files %+v", np.files)
	}
	if sc := np.chosenScheme(); sc.ID != "fnc1" {
		t.Errorf("FNC-1's files get %s labels", sc.ID)
	}

	// Custom labels: a low-contrast colour is refused with a message, and
	// nothing is made.
	s.chooseProjectScheme(customScheme)
	np.labels = []annotations.Label{
		{Name: "Agree", Key: "1", Color: "#009e73"}, {Name: "Disagree", Key: "2", Color: "#f0e442"},
		{Name: "Discuss", Key: "3", Color: "#0072b2"}, {Name: "Unrelated", Key: "4", Color: "#999999"},
	}
	if got := labelProblems(np.labels)[1]; !strings.Contains(got, "too light for the light theme") {
		t.Errorf("the yellow label's problem: %q", got)
	}
	form := newProjectForm{Title: "Ports", Annotators: "ana, bob, cy", Overlap: 2, Overall: true,
		Guidelines: "Read it all.\r\n\r\nThen tag.", Definitions: []string{"Says it is true.", "", "", ""}, Examples: []string{"Officials confirmed it.\n\n", "", "", ""}}
	s.makeProject(form)
	if s.project != nil || !strings.HasPrefix(np.err, "Label 2: The colour is too light for the light theme") || s.overlay != overlayNewProject {
		t.Fatalf("project %v, error %q, overlay %v", s.project != nil, np.err, s.overlay)
	}
	s.editLabel(1, "color", "#D55E00")
	s.editLabel(0, "key", "2") // a duplicate key
	if got := labelProblems(np.labels)[1]; got != "Key 2 is label 1's too." {
		t.Errorf("duplicate key: %q", got)
	}
	s.editLabel(0, "key", "1")
	s.editLabel(2, "name", " ")
	s.makeProject(form)
	if s.project != nil || np.err != "Label 3: The name is empty." {
		t.Fatalf("empty name: error %q", np.err)
	}
	s.editLabel(2, "name", "Discuss")
	for range 5 {
		s.addLabel()
	}
	if len(np.labels) != 9 || np.err != "" {
		t.Fatalf("%d labels, %q", len(np.labels), np.err)
	}
	s.addLabel()
	if len(np.labels) != 9 || !strings.HasPrefix(np.err, "A label set has at most 9 labels") {
		t.Errorf("a tenth label: %d labels, %q", len(np.labels), np.err)
	}
	for range 5 {
		s.removeLabel(4)
	}

	// The project is made, with the form's codebook, and opened.
	p, data, err := np.build(form)
	if err != nil {
		t.Fatal(err)
	}
	if p.Scheme.ID != "custom" || p.Scheme.Labels[1].ID != "disagree" || p.Scheme.Labels[1].Color != "#d55e00" || !p.Options.OverallStance || p.Overlap != 2 || len(p.Tasks) != 3 {
		t.Errorf("scheme %+v, options %+v, overlap %d, %d tasks", p.Scheme, p.Options, p.Overlap, len(p.Tasks))
	}
	want := annotations.Codebook{Guidelines: "Read it all.\n\nThen tag.", Labels: []annotations.LabelGuide{{Label: "agree", Definition: "Says it is true.", Examples: []string{"Officials confirmed it."}}}}
	if cb := p.Codebook; cb.Guidelines != want.Guidelines || len(cb.Labels) != 1 || cb.Labels[0].Definition != want.Labels[0].Definition || len(cb.Labels[0].Examples) != 1 {
		t.Errorf("codebook %+v", cb)
	}
	if _, err := annotations.ReadProject(strings.NewReader(string(data))); err != nil {
		t.Errorf("the file made does not read back: %v", err)
	}
	s.makeProject(form)
	if s.project == nil || s.project.p.ID != p.ID || s.overlay != overlayNone || len(s.newProject.files) != 0 {
		t.Fatalf("after making it: project %v, overlay %v, message %q", s.project != nil, s.overlay, s.msg.Text)
	}
}

func TestNewProjectErrorsChangeNothing(t *testing.T) {
	s, _ := newTestSession(t, newMemoryStore())
	s.showNewProject(true)
	doc := s.doc.ID
	s.makeProject(newProjectForm{})
	if !strings.HasPrefix(s.newProject.err, "Choose the input files first") {
		t.Errorf("no files: %q", s.newProject.err)
	}
	s.addProjectFile("arts.csv", []byte("id,headline,body\n1,Port,\"The port approved the plan. Fishermen objected.\"\n2,Bridge,\"broken \"quote\" here\n"), nil)
	if cols := s.newProject.tableColumns(); strings.Join(cols, ",") != "id,headline,body" {
		t.Errorf("columns %v", cols)
	}
	s.makeProject(newProjectForm{Claims: "A claim"})
	if !strings.HasPrefix(s.newProject.err, `arts.csv:1: no column "text" (the header has id, headline, body); choose the text column`) {
		t.Errorf("no text column: %q", s.newProject.err)
	}
	s.setProjectColumn("text", "body")
	s.setProjectColumn("title", "headline")
	s.makeProject(newProjectForm{Claims: "A claim"})
	if !strings.HasPrefix(s.newProject.err, `arts.csv:3:`) {
		t.Errorf("CSV syntax: %q", s.newProject.err)
	}
	s.addProjectFile("arts.csv", []byte("id,headline,body\n1,Port,\"The port approved the plan. Fishermen objected.\"\n"), nil)
	s.makeProject(newProjectForm{})
	if !strings.HasPrefix(s.newProject.err, "the inputs have no claims: type the claims") {
		t.Errorf("no claims: %q", s.newProject.err)
	}
	if s.project != nil || s.doc.ID != doc {
		t.Error("a failed New project changed what is open")
	}
	s.makeProject(newProjectForm{Claims: "The port approved it.\n\n"})
	if s.project == nil || s.project.p.Documents[0].Title != "Port" || s.project.p.Documents[0].Source != "arts.csv:2" {
		t.Fatalf("project %+v", s.project)
	}
}
