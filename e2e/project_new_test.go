package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"stancemark/annotations"
)

// newProjectInputs writes a bodies.csv and a stances.csv in FNC-1's shape
// (bodies bodies, headlines headlines, stances rows) and a codebook in
// `project new -codebook` form into a new temp dir, and returns the dir.
func newProjectInputs(t *testing.T, bodies, headlines, stances int) string {
	t.Helper()
	dir := t.TempDir()
	var b, s strings.Builder
	b.WriteString("Body ID,articleBody\n")
	for i := range bodies {
		fmt.Fprintf(&b, "%d,\"Officials in port %d said on Monday that the report was true. \"\"We checked,\"\" one said.\n\nOthers, in town %d, doubted it. The story spread anyway.\"\n", i*3+1, i, i)
	}
	s.WriteString("Headline,Body ID,Stance\n")
	stance := []string{"agree", "disagree", "discuss", "unrelated"}
	for i := range stances {
		fmt.Fprintf(&s, "Report %d is true,%d,%s\n", (i%bodies+i/bodies)%headlines, (i%bodies)*3+1, stance[i%4])
	}
	files := map[string]string{
		"bodies.csv":  b.String(),
		"stances.csv": s.String(),
		"codebook.md": "Read every sentence.\n\nTag only what the text says.\n## agree\nThe text says the headline is true.\nExample: Officials confirmed the report.\nExample: \"It is true,\" he said.\n",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// cliProject runs `stancemark project new` in dir and returns the bytes
// it writes.
func cliProject(t *testing.T, dir string, args ...string) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "cli.project.json")
	cmd := exec.Command(stancemarkBin, append([]string{"project", "new", "-o", out}, args...)...)
	cmd.Dir = dir
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("stancemark project new: %v\n%s", err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// openNewProject opens Documents, then New project… from the keyboard.
func (p *Page) openNewProject() {
	p.t.Helper()
	p.openLibrary()
	Eval[bool](p, `(document.querySelector("#new-project-button").focus(), true)`)
	p.Key("\r")
	p.WaitJS("New project open", `document.querySelector("#new-project").open && !document.querySelector("#library").open`)
}

// chooseInputs sets the files of the New project file input.
func (p *Page) chooseInputs(paths ...string) {
	p.t.Helper()
	p.Do("choose the inputs", chromedp.SetUploadFiles(chromedp.CSS("#np-files"), paths))
	p.WaitJS("the inputs listed", fmt.Sprintf(`document.querySelectorAll("#np-file-list li").length === %d`, len(paths)))
}

// setChosen sets a select's or field's value and sends change, as a choice
// or leaving the field does.
func (p *Page) setChosen(css, value string) {
	p.t.Helper()
	Eval[bool](p, fmt.Sprintf(`(() => { const e = document.querySelector(%q); e.value = %q; e.dispatchEvent(new Event("input", {bubbles: true})); e.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`, css, value))
}

// TestNewProjectInTheBrowser builds a project from generated CSVs in
// FNC-1's shape through the New project dialog: custom labels with a
// low-contrast colour are refused with a message, then the project made
// with the FNC-1 labels, a codebook and three annotators with overlap 2 is
// downloaded with the same bytes as `stancemark project new` on the same
// files, and opens in the task queue.
func TestNewProjectInTheBrowser(t *testing.T) {
	dir := newProjectInputs(t, 4, 3, 7)
	want := cliProject(t, dir, "-title", "Harbour watch", "-codebook", "codebook.md", "-annotators", "ana,bob,cy", "-overlap", "2", "bodies.csv", "stances.csv")
	axe := axeSource(t)

	p := newProfile(t)
	downloads := p.AllowDownloads()
	p.Open()
	p.openNewProject()
	p.audit("New project, empty", axe)
	p.chooseInputs(filepath.Join(dir, "stances.csv"), filepath.Join(dir, "bodies.csv"))
	if got := p.Text("#np-file-list"); !strings.Contains(got, "bodies.csv — FNC-1 bodies") || !strings.Contains(got, "stances.csv — FNC-1 stances") {
		t.Errorf("the files are listed as %q", got)
	}
	p.TypeInto("#np-name", "Harbour watch")

	// Custom labels: a yellow that vanishes on white is refused, by name.
	p.setChosen("#np-scheme", "custom")
	p.WaitJS("the label editor", `document.querySelectorAll("#np-labels li.np-label").length === 4`)
	// What is typed is shown as text, never as markup.
	p.setChosen("#np-label-name-0", `<img src=x onerror="window.pwned=1">Agree`)
	p.WaitJS("the name in the codebook", `document.querySelector('label[for="np-def-0"]').textContent === 'Definition of <img src=x onerror="window.pwned=1">Agree'`)
	if Eval[bool](p, `!!document.querySelector("#new-project img") || !!window.pwned`) {
		t.Error("a label name typed in the editor became markup")
	}
	p.setChosen("#np-label-name-0", "Agree")
	p.setChosen("#np-label-color-1", "#f0e442")
	p.WaitJS("the colour's problem", `(document.querySelector("#np-label-problem-1") || {}).textContent === "The colour is too light for the light theme: 1.32:1 against the page, want at least 2:1."`)
	if got, _ := p.Attr("#np-label-color-1", "aria-describedby"); got != "np-label-problem-1" {
		t.Errorf("the colour field is described by %q, not its problem", got)
	}
	p.audit("New project, label editor with a problem", axe)
	p.Click("#np-make")
	p.WaitJS("refused", `(document.querySelector("#np-error") || {}).textContent === "Label 2: The colour is too light for the light theme: 1.32:1 against the page, want at least 2:1."`)
	if Eval[bool](p, `!!document.querySelector("#project-panel #project-title")`) {
		t.Error("a refused project was opened")
	}

	// The labels chosen by the inputs (FNC-1), the codebook, the annotators.
	p.setChosen("#np-scheme", "")
	p.WaitJS("the editor closes", `!document.querySelector("#np-label-editor")`)
	if got := p.Text(`label[for="np-def-0"]`); got != "Definition of Agree" {
		t.Errorf("the first label's definition is labelled %q", got)
	}
	p.setField("#np-guidelines", "Read every sentence.\n\nTag only what the text says.")
	p.setField("#np-def-0", "The text says the headline is true.")
	p.setField("#np-ex-0", "Officials confirmed the report.\n\"It is true,\" he said.\n")
	p.TypeInto("#np-annotators", "ana, bob, cy")
	p.TypeInto("#np-overlap", "2")
	p.Click("#np-make")
	got := p.WaitFile(downloads, "harbour-watch.project.json")
	if !bytes.Equal(got, want) {
		t.Errorf("the downloaded project differs from stancemark project new's (%d and %d bytes):\n%s\n---\n%s", len(got), len(want), short(string(got)), short(string(want)))
	}
	proj, err := annotations.ReadProject(bytes.NewReader(got))
	if err != nil {
		t.Fatalf("the downloaded project does not read: %v", err)
	}
	first := proj.Annotators[0]
	for _, a := range proj.Annotators {
		if len(proj.TasksOf(a)) > 0 {
			first = a
			break
		}
	}
	p.Eventually("the project opens in the queue", func() error {
		if got := p.Text("#project-title"); !strings.HasSuffix(got, "Harbour watch") {
			return fmt.Errorf("project title %q", got)
		}
		if got := p.Text("#task-position"); !strings.HasPrefix(got, fmt.Sprintf("Task 1 of %d", len(proj.TasksOf(first)))) {
			return fmt.Errorf("position %q", got)
		}
		if got := p.Value("#project-annotator"); got != first {
			return fmt.Errorf("annotator %q, want %q", got, first)
		}
		return nil
	})
	if Eval[bool](p, `document.querySelector("#new-project").open`) {
		t.Error("the dialog stays open")
	}
}

// TestNewProjectAtPhoneWidth makes a project at 390×844 with touch, in the
// dark theme: the dialog fits the screen, passes axe, and an error names
// the file, line and column.
func TestNewProjectAtPhoneWidth(t *testing.T) {
	dir := newProjectInputs(t, 2, 2, 3)
	bad := filepath.Join(dir, "broken.csv")
	if err := os.WriteFile(bad, []byte("id,text\n1,\"Fine text. Yes.\"\n2,\"broken \"quote\" here\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := newProfile(t)
	downloads := p.AllowDownloads()
	p.Do("phone viewport", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
	p.emulateMedia("", &emulation.MediaFeature{Name: "prefers-color-scheme", Value: "dark"})
	p.Open()
	p.tap(sentSel("s1"))
	p.WaitSelected("a sentence selected behind the dialog", "s1")
	p.openNewProject()
	// Keys are the dialog's: a label key tags nothing behind it, Escape closes it.
	Eval[bool](p, `(document.querySelector("#np-make").focus(), true)`)
	p.Key("1")
	p.Key(KeyEscape)
	p.WaitJS("Escape closes New project", `!document.querySelector("#new-project").open`)
	if n := Eval[int](p, `document.querySelectorAll("#sentences [data-label]").length`); n != 0 {
		t.Errorf("a key pressed in New project tagged %d sentences behind it", n)
	}
	p.openNewProject()
	p.chooseInputs(filepath.Join(dir, "bodies.csv"), bad, filepath.Join(dir, "stances.csv"))
	p.Click("#np-make")
	p.WaitJS("the CSV error", `(document.querySelector("#np-error") || {}).textContent.startsWith('broken.csv:3:11: extraneous or missing " in quoted-field')`)
	p.audit("New project at phone width, dark, with an error", axeSource(t))
	r := Eval[[]float64](p, `(() => { const d = document.querySelector("#new-project"); const r = d.getBoundingClientRect(); return [r.left, r.right, d.scrollWidth, d.clientWidth]; })()`)
	if r[0] < 0 || r[1] > 390 || r[2] > r[3]+1 {
		t.Errorf("the dialog spans %v..%v px and scrolls sideways (%v > %v) at 390 px", r[0], r[1], r[2], r[3])
	}
	p.tap(`#np-file-list li[data-file="broken.csv"] button.np-file-remove`)
	p.WaitJS("removed", `document.querySelectorAll("#np-file-list li").length === 2`)
	p.tap("#np-make")
	data := p.WaitFile(downloads, "body-1.project.json")
	if want := cliProject(t, dir, "bodies.csv", "stances.csv"); !bytes.Equal(data, want) {
		t.Errorf("at phone width the project differs from stancemark project new's")
	}
	p.WaitJS("the queue", `(document.querySelector("#task-position") || {}).textContent.startsWith("Task 1 of 3")`)
}
