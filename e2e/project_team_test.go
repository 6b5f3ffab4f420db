package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"stancemark/annotations"
)

// writeTeamProject builds, with "stancemark project new", a project from
// CSVs in FNC-1's shape (bodies.csv and stances.csv) for ana, bob and cy
// with overlap 2, under the served web/ directory.
func writeTeamProject(t *testing.T) (*annotations.Project, string) {
	t.Helper()
	dir := t.TempDir()
	bodies := "Body ID,articleBody\n" +
		"7,\"The council approved the harbour plan on Monday. Fishermen said they would appeal.\n\nThe vote was seven to two.\"\n" +
		"12,\"A bridge inspection found cracks. The bridge will close in May for repairs.\"\n" +
		"31,\"The mayor denied reports that the harbour plan was dropped. Work starts next year.\"\n"
	stances := "Headline,Body ID,Stance\n" +
		"Harbour plan approved,7,agree\n" +
		"Bridge stays open,7,unrelated\n" +
		"Bridge stays open,12,disagree\n" +
		"Harbour plan dropped,12,unrelated\n" +
		"Harbour plan dropped,31,disagree\n" +
		"Harbour plan approved,31,discuss\n"
	for name, text := range map[string]string{"bodies.csv": bodies, "stances.csv": stances} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(servedWeb, "team.project.json")
	cmd := exec.Command(stancemarkBin, "project", "new", "-o", out, "-title", "Team study",
		"-annotators", "ana,bob,cy", "-overlap", "2", filepath.Join(dir, "bodies.csv"), filepath.Join(dir, "stances.csv"))
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("project new: %v\n%s", err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	p, err := annotations.ReadProject(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return p, "/web/team.project.json"
}

// openTeamProject opens the team project as an annotator and waits for task 1.
func (p *Page) openTeamProject(src, annotator string, tasks int) {
	p.t.Helper()
	p.Do("open the project as "+annotator, chromedp.Navigate(baseURL+"?annotator="+annotator+"&src="+src))
	p.WaitReady()
	p.waitPosition(1, tasks, 0)
}

// waitPosition waits for the panel's "Task i of n · d of n done".
func (p *Page) waitPosition(i, n, done int) {
	p.t.Helper()
	want := fmt.Sprintf("Task %d of %d · %d of %d done", i, n, done, n)
	p.Eventually(want, func() error {
		if got := p.Text("#task-position"); got != want {
			return fmt.Errorf("position %q", got)
		}
		return nil
	})
}

// doneAndNext marks task 1 of n done and goes to task 2 with the panel's
// buttons, pressed by press (a click or a tap).
func (p *Page) doneAndNext(press func(css string), n int) {
	p.t.Helper()
	p.Settle() // the notice above the panel goes after a tag: let the layout settle before pressing by position
	press("#task-done")
	p.waitPosition(1, n, 1)
	p.Settle()
	press("#task-next")
	p.waitPosition(2, n, 1)
}

// tabTo presses Tab until the element with the id has focus: the way a
// keyboard-only annotator reaches a button.
func (p *Page) tabTo(id string) {
	p.t.Helper()
	for range 120 {
		if strings.HasSuffix(p.ActiveElement(), "#"+id) {
			return
		}
		p.Key("\t")
	}
	p.t.Fatalf("Tab never reached #%s (focus on %q)", id, p.ActiveElement())
}

// TestProjectTeamOfThree: a project made by "project new" from FNC-1-shaped
// CSVs, three annotators with overlap 2 in their own browsers — ana with the
// mouse at 1280×800, bob with the keyboard only, cy by touch on a phone —
// annotate, reload, switch tasks, filter, submit; a submission reopens in a
// fresh profile; "project stats" counts what they did.
func TestProjectTeamOfThree(t *testing.T) {
	proj, src := writeTeamProject(t)
	if len(proj.Tasks) != 6 || len(proj.Claims) != 3 || len(proj.Documents) != 3 {
		t.Fatalf("project of %d tasks, %d claims, %d documents; want 6, 3, 3", len(proj.Tasks), len(proj.Claims), len(proj.Documents))
	}
	n := map[string]int{}
	for _, a := range proj.Annotators {
		n[a] = len(proj.TasksOf(a))
	}
	if n["ana"]+n["bob"]+n["cy"] != 12 {
		t.Fatalf("overlap 2 over 6 tasks gives %v", n)
	}
	subs := map[string][]byte{}
	dir := t.TempDir()

	// ana, with the mouse: tags task 1, marks it done, tags task 2, reloads
	ana := newProfile(t)
	ana.Do("desktop", chromedp.EmulateViewport(1280, 800))
	anaDownloads := ana.AllowDownloads()
	ana.openTeamProject(src, "ana", n["ana"])
	ana.audit("project queue at 1280×800", axeSource(t))
	ana.ClickSentence("s1")
	ana.Key("1")
	ana.waitLabel("ana tags task 1", "s1", "agree")
	ana.doneAndNext(func(css string) { ana.Click(css) }, n["ana"])
	ana.ClickSentence("s1")
	ana.Key("3")
	ana.waitLabel("ana tags task 2", "s1", "discuss")
	ana.WaitSaved()
	ana.Reload()
	ana.waitPosition(2, n["ana"], 1)
	ana.waitLabel("task 2 after the reload", "s1", "discuss")
	ana.Settle()
	ana.Click("#task-filter-open")
	ana.WaitJS("the filter is on", `document.querySelector("#task-filter-open").checked`)
	ana.Eventually("the list shows the tasks not done only", func() error {
		states := Eval[[]string](ana, `[...document.querySelectorAll("#task-list li")].map(li => li.dataset.state)`)
		if len(states) != n["ana"]-1 {
			return fmt.Errorf("states %v", states)
		}
		for _, s := range states {
			if s == "done" {
				return fmt.Errorf("a done task is listed: %v", states)
			}
		}
		return nil
	})
	ana.audit("project queue with the filter on", axeSource(t))
	ana.Key("[")
	ana.Eventually("[ skips the done task 1", func() error {
		if got := ana.Text("#announce"); !strings.Contains(got, "No previous not-done task") {
			return fmt.Errorf("said %q", got)
		}
		return nil
	})
	ana.waitPosition(2, n["ana"], 1)
	ana.Settle()
	ana.Click("#submission-download")
	subs["ana"] = ana.WaitFile(anaDownloads, "team-study-ana.submission.json")

	// bob, keyboard only: j selects, 1 tags, d marks done, ] moves on, Tab reaches the download
	bob := newProfile(t)
	bob.Do("desktop", chromedp.EmulateViewport(1280, 800))
	bobDownloads := bob.AllowDownloads()
	bob.openTeamProject(src, "bob", n["bob"])
	for i := 1; i <= 2; i++ {
		bob.Key("j")
		bob.WaitSelected(fmt.Sprintf("j selects the first sentence of task %d", i), "s1")
		bob.Key("2")
		bob.waitLabel(fmt.Sprintf("bob tags task %d", i), "s1", "disagree")
		bob.Key("d")
		bob.waitPosition(i, n["bob"], i)
		bob.Key("]")
		bob.waitPosition(i+1, n["bob"], i)
	}
	bob.tabTo("submission-download")
	bob.Key("\r")
	subs["bob"] = bob.WaitFile(bobDownloads, "team-study-bob.submission.json")

	// cy, by touch on a phone
	cy := newProfile(t)
	cy.Do("phone viewport", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
	cyDownloads := cy.AllowDownloads()
	cy.openTeamProject(src, "cy", n["cy"])
	if w := Eval[int](cy, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("the project page is %d px wide on a 390 px phone", w)
	}
	cy.tap(sentSel("s1"))
	cy.WaitSelected("a tap selects", "s1")
	cy.tap(`#palette button.label-btn[data-label-id="unrelated"]`)
	cy.waitLabel("cy tags by tapping the palette", "s1", "unrelated")
	cy.doneAndNext(cy.tap, n["cy"])
	cy.audit("project queue on a phone", axeSource(t))
	cy.Settle()
	cy.tap("#submission-download")
	subs["cy"] = cy.WaitFile(cyDownloads, "team-study-cy.submission.json")

	// every submission is valid, and project stats counts what was done
	var paths []string
	for _, who := range []string{"ana", "bob", "cy"} {
		sub, err := annotations.ReadSubmission(bytes.NewReader(subs[who]))
		if err != nil {
			t.Fatalf("%s's submission: %v", who, err)
		}
		if err := proj.CheckSubmission(sub); err != nil {
			t.Fatalf("%s's submission is refused: %v", who, err)
		}
		var active int64
		for _, w := range sub.Tasks {
			active += w.ActiveMillis
		}
		if active <= 0 {
			t.Errorf("%s's submission has no active time", who)
		}
		path := filepath.Join(dir, who+".submission.json")
		os.WriteFile(path, subs[who], 0o644)
		paths = append(paths, path)
	}
	out, err := exec.Command(stancemarkBin, append([]string{"project", "stats", "-json", filepath.Join(servedWeb, "team.project.json")}, paths...)...).Output()
	if err != nil {
		t.Fatalf("project stats: %v", err)
	}
	var stats struct {
		Annotators []struct {
			Annotator                  string
			Assigned, Done, InProgress int
			Untouched                  int
			ActiveMillis               int64
		}
		TaskProgress []struct{ Done int }
	}
	if err := json.Unmarshal(out, &stats); err != nil {
		t.Fatal(err)
	}
	want := map[string][3]int{ // done, in progress (work or time spent on it), untouched
		"ana": {1, 1, n["ana"] - 2},
		"bob": {2, 1, n["bob"] - 3}, // task 3 opened by the last ]
		"cy":  {1, 1, n["cy"] - 2},  // task 2 opened by Next task
	}
	doneSum := 0
	for _, a := range stats.Annotators {
		w := want[a.Annotator]
		if a.Done != w[0] || a.InProgress != w[1] || a.Untouched != w[2] || a.Assigned != n[a.Annotator] || a.ActiveMillis <= 0 {
			t.Errorf("stats of %s: %+v, want done/in progress/untouched %v of %d and some active time", a.Annotator, a, w, n[a.Annotator])
		}
		doneSum += a.Done
	}
	perTask := 0
	for _, tp := range stats.TaskProgress {
		perTask += tp.Done
	}
	if len(stats.Annotators) != 3 || perTask != doneSum {
		t.Errorf("stats: %d annotators, %d task completions per task vs %d per annotator", len(stats.Annotators), perTask, doneSum)
	}

	// bob's submission opens in a fresh browser that has the project: his place and work are back
	other := newProfile(t)
	other.Do("open the project", chromedp.Navigate(baseURL+"?src="+src))
	other.WaitReady()
	other.WaitJS("the project is open", `!!document.querySelector("#project-panel")`)
	other.openLibrary()
	other.Do("open bob's submission", chromedp.SetUploadFiles(chromedp.CSS("#open-file"), []string{paths[1]}))
	other.Eventually("bob's work is back", func() error {
		if got := other.Value("#project-annotator"); got != "bob" {
			return fmt.Errorf("annotator %q", got)
		}
		if got := other.Text("#task-position"); !strings.Contains(got, "2 of "+fmt.Sprint(n["bob"])+" done") {
			return fmt.Errorf("position %q", got)
		}
		return nil
	})
	other.waitLabel("bob's task 1 in the other browser", "s1", "disagree")
}
