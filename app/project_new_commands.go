package app

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"stancemark/annotations"
)

// The "New project" dialog's commands: the input files (chosen or
// dropped), the label editor, and making the project. The files are read
// and the project built by the same annotations functions as `stancemark
// project new` (ReadProjectSources, ProjectSources.Project), so the same
// files and settings give the same bytes; the project is downloaded, to
// be shared with the annotators, and opened in the task queue.

// customScheme is the value of the label-set menu for the label editor.
const customScheme = "custom"

// maxLabels is the most labels a set can have: one per key 1–9.
const maxLabels = 9

// newProjectState is what the dialog holds between renders.
type newProjectState struct {
	files  []inputFile
	scheme string              // a preset id, customScheme, or "" for the inputs' default
	labels []annotations.Label // the label editor's labels
	cols   annotations.ProjectColumns
	err    string        // why the last attempt failed: names the file, line and column
	busy   string        // what is being done, while the project is made
	bounds projectBounds // the articles' sentences fixed in the dialog (dialog_boundaries_commands.go)
}

// inputFile is one input file chosen or dropped, with what it is.
type inputFile struct {
	annotations.ProjectFile
	Kind    annotations.ProjectFileKind
	Columns []string // of a table
}

// newProjectForm is what the form's fields say when "Make the project"
// is pressed.
type newProjectForm struct {
	Title       string
	Claims      string   // one per line
	Guidelines  string   // plain text
	Definitions []string // per label of the scheme on screen, in order
	Examples    []string // per label: one example per line
	Annotators  string   // comma-separated
	Overlap     int      // 0: all
	Overall     bool     // ask for one overall stance per task
}

// showNewProject opens or closes the New project dialog.
func (s *session) showNewProject(open bool) {
	if !open {
		s.hide(overlayNewProject)
		s.refresh()
		return
	}
	if len(s.newProject.labels) == 0 {
		s.newProject.labels = slices.Clone(annotations.Presets()[0].Labels)
	}
	s.show(overlayNewProject)
	s.refresh()
}

// newProjectKey is a key command while the dialog is open: Escape closes
// it; the others would act on the article behind it, so they do nothing.
func (s *session) newProjectKey(cmd command) {
	if cmd == cmdEscape {
		s.showNewProject(false)
	}
}

// addProjectFile adds a file chosen or dropped while the dialog is open.
// A file already there (same name) is replaced; one that cannot be read
// is refused with a message naming it, and nothing else changes.
func (s *session) addProjectFile(name string, data []byte, err error) {
	np := &s.newProject
	if err != nil {
		np.err = err.Error()
		s.refresh()
		return
	}
	f := inputFile{ProjectFile: annotations.ProjectFile{Name: name, Data: data}}
	if f.Kind, f.Columns, err = annotations.SniffProjectFile(f.ProjectFile); err != nil {
		np.err = err.Error()
		s.refresh()
		return
	}
	np.err = ""
	np.bounds.staleSources()
	if i := slices.IndexFunc(np.files, func(g inputFile) bool { return g.Name == name }); i >= 0 {
		np.files[i] = f
	} else {
		np.files = append(np.files, f)
		// In the order of their names, whatever order they were read in
		// (as a shell lists bodies.csv stances.csv for *.csv).
		slices.SortStableFunc(np.files, func(a, b inputFile) int { return strings.Compare(a.Name, b.Name) })
	}
	s.announce("%s added: %s.", name, f.Kind)
	s.refresh()
}

// removeProjectFile removes an input file.
func (s *session) removeProjectFile(name string) {
	np := &s.newProject
	np.files = slices.DeleteFunc(np.files, func(f inputFile) bool { return f.Name == name })
	np.bounds.staleSources()
	s.announce("%s removed.", name)
	s.refresh()
}

// tableColumns is every column of the table inputs, in first-seen order.
func (np *newProjectState) tableColumns() []string {
	var cols []string
	for _, f := range np.files {
		if f.Kind != annotations.ProjectTable {
			continue
		}
		for _, c := range f.Columns {
			if !slices.Contains(cols, c) {
				cols = append(cols, c)
			}
		}
	}
	return cols
}

// fnc1 reports whether a stances.csv is among the inputs.
func (np *newProjectState) fnc1() bool {
	return slices.ContainsFunc(np.files, func(f inputFile) bool { return f.Kind == annotations.ProjectStances })
}

// chosenScheme is the label set the project gets, as chosen now.
func (np *newProjectState) chosenScheme() annotations.Scheme {
	if np.scheme == customScheme {
		return annotations.Scheme{ID: customScheme, Name: "Custom labels", Labels: customLabels(np.labels)}
	}
	for _, sc := range annotations.Presets() {
		if sc.ID == np.scheme {
			return sc
		}
	}
	if np.fnc1() {
		return annotations.Presets()[1]
	}
	return annotations.Presets()[0]
}

// customLabels returns the editor's labels with their ids: the slug of
// each name ("label-3" for a name with no letter or digit).
func customLabels(ls []annotations.Label) []annotations.Label {
	out := slices.Clone(ls)
	for i := range out {
		out[i].Name = strings.TrimSpace(out[i].Name)
		out[i].Description = strings.TrimSpace(out[i].Description)
		out[i].Color = strings.ToLower(strings.TrimSpace(out[i].Color))
		out[i].ID = annotations.Slug(out[i].Name, 32, 0, fmt.Sprintf("label-%d", i+1))
	}
	return out
}

// labelProblems says what is wrong with each label of the editor ("" when
// nothing): an empty name, a name or key another label has, a key outside
// 1–9, a colour that fails the contrast check the presets pass.
func labelProblems(ls []annotations.Label) []string {
	labels := customLabels(ls)
	out := make([]string, len(labels))
	for i, l := range labels {
		var p []string
		if l.Name == "" {
			p = append(p, "The name is empty.")
		}
		for j, o := range labels[:i] {
			if l.Name != "" && o.ID == l.ID {
				p = append(p, fmt.Sprintf("Label %d has the same name.", j+1))
			}
			if l.Key == o.Key {
				p = append(p, fmt.Sprintf("Key %s is label %d's too.", l.Key, j+1))
			}
		}
		if len(l.Key) != 1 || l.Key[0] < '1' || l.Key[0] > '9' {
			p = append(p, "The key must be one of 1 to 9.")
		}
		if err := annotations.CheckLabelColour(l.Color); err != nil {
			p = append(p, "The colour "+strings.TrimPrefix(err.Error(), fmt.Sprintf("%q ", l.Color))+".")
		}
		out[i] = strings.Join(p, " ")
	}
	return out
}

// chooseProjectScheme picks the label set: a preset, customScheme or "".
func (s *session) chooseProjectScheme(id string) {
	s.newProject.scheme = id
	s.refresh()
}

// setProjectColumn chooses the column of article tables for "id", "title"
// or "text".
func (s *session) setProjectColumn(which, col string) {
	c := &s.newProject.cols
	s.newProject.bounds.staleSources()
	switch which {
	case "id":
		c.ID = col
	case "title":
		c.Title = col
	case "text":
		c.Text = col
	}
	s.refresh()
}

// addLabel adds a label to the editor, with the first free key and a
// colour of the Okabe-Ito palette no label has yet.
func (s *session) addLabel() {
	np := &s.newProject
	if len(np.labels) >= maxLabels {
		np.err = fmt.Sprintf("A label set has at most %d labels (one per key 1 to 9).", maxLabels)
		s.refresh()
		return
	}
	l := annotations.Label{Name: fmt.Sprintf("Label %d", len(np.labels)+1)}
	for k := '1'; k <= '9'; k++ {
		if !slices.ContainsFunc(np.labels, func(o annotations.Label) bool { return o.Key == string(k) }) {
			l.Key = string(k)
			break
		}
	}
	for _, c := range []string{"#009e73", "#d55e00", "#0072b2", "#999999", "#e69f00", "#56b4e9", "#cc79a7"} {
		if !slices.ContainsFunc(np.labels, func(o annotations.Label) bool { return o.Color == c }) {
			l.Color = c
			break
		}
	}
	if l.Color == "" {
		l.Color = "#777777"
	}
	np.labels = append(np.labels, l)
	np.err = ""
	s.announce("Label %d added.", len(np.labels))
	s.refresh()
}

// removeLabel removes the editor's label i.
func (s *session) removeLabel(i int) {
	np := &s.newProject
	if i < 0 || i >= len(np.labels) {
		return
	}
	np.labels = slices.Delete(np.labels, i, i+1)
	s.announce("Label %d removed.", i+1)
	s.refresh()
}

// editLabel sets one field ("name", "key", "color", "description") of
// the editor's label i.
func (s *session) editLabel(i int, field, value string) {
	np := &s.newProject
	if i < 0 || i >= len(np.labels) {
		return
	}
	l := &np.labels[i]
	switch field {
	case "name":
		l.Name = value
	case "key":
		l.Key = strings.TrimSpace(value)
	case "color":
		l.Color = strings.TrimSpace(value)
	case "description":
		l.Description = value
	}
	s.refresh()
}

// makeProject builds the project from the files and the form, downloads
// it and opens it in the task queue. On an error the dialog says what is
// wrong (naming the file, line and column) and nothing changes.
func (s *session) makeProject(f newProjectForm) {
	np := &s.newProject
	if s.later != nil && np.busy == "" {
		// Splitting many articles into sentences takes a moment: say so, let
		// the browser paint it, then build.
		np.busy = fmt.Sprintf("Making the project from %s…", plural(len(np.files), "file"))
		np.err = ""
		s.refresh()
		s.next(func() { s.makeProject(f) })
		return
	}
	np.busy = ""
	p, data, err := np.build(f)
	if err != nil {
		np.err = err.Error()
		s.announce("The project was not made: %s", np.err)
		s.refresh()
		return
	}
	np.err = ""
	download(slug(p.Title)+".project.json", "application/json", data)
	s.hide(overlayNewProject)
	*np = newProjectState{}
	// Opened as the first annotator who has tasks (with an overlap, the
	// first listed may have none), as ?annotator= would.
	for _, a := range p.Annotators {
		if len(p.TasksOf(a)) > 0 {
			s.annotatorParam = a
			break
		}
	}
	s.openProject(p)
	s.refresh()
}

// build makes the project file of the inputs and the form.
func (np *newProjectState) build(f newProjectForm) (*annotations.Project, []byte, error) {
	if len(np.files) == 0 {
		return nil, nil, errors.New("Choose the input files first (or drop them on this dialog).")
	}
	sc := np.chosenScheme()
	if np.scheme == customScheme {
		if len(sc.Labels) > maxLabels {
			return nil, nil, fmt.Errorf("A label set has at most %d labels (one per key 1 to 9).", maxLabels)
		}
		for i, msg := range labelProblems(np.labels) {
			if msg != "" {
				return nil, nil, fmt.Errorf("Label %d: %s", i+1, msg)
			}
		}
		if err := sc.Validate(); err != nil {
			return nil, nil, fmt.Errorf("The labels: %w", err)
		}
		if err := sc.CheckColours(); err != nil {
			return nil, nil, fmt.Errorf("The labels: %w", err)
		}
	}
	files := make([]annotations.ProjectFile, len(np.files))
	for i, in := range np.files {
		files[i] = in.ProjectFile
	}
	ps, err := annotations.ReadProjectSources(files, np.cols)
	if errors.Is(err, annotations.ErrNoTextColumn) {
		err = fmt.Errorf("%w; choose the text column under Columns", err)
	}
	if err != nil {
		return nil, nil, err
	}
	set := annotations.ProjectSettings{
		Title: f.Title, Scheme: sc, Codebook: formCodebook(f, sc),
		Claims: annotations.ClaimLines(plainText(f.Claims)), Annotators: annotations.AnnotatorList(f.Annotators),
		Overlap: f.Overlap, Options: annotations.ProjectOptions{OverallStance: f.Overall},
		Boundaries: np.bounds.boundaries(),
	}
	if set.Overlap > 0 && len(set.Annotators) == 0 {
		return nil, nil, errors.New("An overlap needs annotators: list them, separated by commas.")
	}
	p, err := ps.Project(set)
	switch {
	case errors.Is(err, annotations.ErrNoClaims):
		return nil, nil, fmt.Errorf("%w: type the claims to judge the articles against under Claims, one per line", err)
	case errors.Is(err, annotations.ErrUnknownLabel):
		return nil, nil, fmt.Errorf("%w; choose a label set that has it", err)
	case err != nil:
		return nil, nil, err
	}
	var buf bytes.Buffer
	if err := annotations.WriteProject(&buf, p); err != nil {
		return nil, nil, err
	}
	return p, buf.Bytes(), nil
}

// formCodebook is the codebook of the form: the guidelines, and each
// label's definition and examples (one per line) where there are any, as
// `project new -codebook` reads a file's sections.
func formCodebook(f newProjectForm, sc annotations.Scheme) annotations.Codebook {
	cb := annotations.Codebook{Guidelines: strings.TrimSpace(plainText(f.Guidelines))}
	for i, l := range sc.Labels {
		var def, ex string
		if i < len(f.Definitions) {
			def = strings.TrimSpace(plainText(f.Definitions[i]))
		}
		if i < len(f.Examples) {
			ex = plainText(f.Examples[i])
		}
		examples := annotations.ClaimLines(ex)
		if def == "" && len(examples) == 0 {
			continue
		}
		cb.Labels = append(cb.Labels, annotations.LabelGuide{Label: l.ID, Definition: def, Examples: examples})
	}
	return cb
}

// plainText is a field's text with \n line endings.
func plainText(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}
