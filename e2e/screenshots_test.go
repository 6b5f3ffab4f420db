package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"stancemark/annotations"
)

// shootRole writes what the person sees first, at desktop (1280×800) and
// phone (390×844, touch) size, as docs/role-ROLE-desktop.png and
// role-ROLE-phone.png when screenshots are asked for, and checks each is a
// real image of a page that does not scroll sideways.
func (p *Page) shootRole(role string) {
	p.t.Helper()
	for _, size := range []struct {
		name          string
		width, height int64
		opts          []chromedp.EmulateViewportOption
	}{
		{"desktop", 1280, 800, nil},
		{"phone", 390, 844, []chromedp.EmulateViewportOption{chromedp.EmulateMobile, chromedp.EmulateTouch}},
	} {
		p.Do(size.name+" viewport", chromedp.EmulateViewport(size.width, size.height, size.opts...))
		p.Settle()
		Eval[bool](p, `scrollTo(0, 0); true`)
		p.Settle()
		if w := Eval[int](p, `document.documentElement.scrollWidth`); w > int(size.width) {
			p.t.Errorf("%s at %s: the page is %d px wide", role, size.name, w)
		}
		png, err := chromedp.Run(p.Ctx, chromedp.CaptureScreenshot())
		if err != nil || len(png) < 5000 || !bytes.HasPrefix(png, []byte("\x89PNG")) {
			p.t.Fatalf("screenshot of %s at %s: %v (%d bytes)", role, size.name, err, len(png))
		}
		if dir := classroomScreenshotDir(); dir != "" {
			if err := os.WriteFile(filepath.Join(dir, "role-"+role+"-"+size.name+".png"), png, 0o644); err != nil {
				p.t.Fatal(err)
			}
		}
	}
}

// TestRoleScreenshots: each role's screen, at desktop and phone size —
// the annotator on an article, the student on an assignment, the teacher
// on the class dashboard, the researcher's annotator on a project's task.
func TestRoleScreenshots(t *testing.T) {
	t.Run("annotator", func(t *testing.T) {
		p := newPage(t)
		for sid, key := range map[string]string{"s1": "1", "s2": "2", "s4": "3", "s6": "1"} {
			p.ClickSentence(sid)
			p.Key(key)
		}
		p.WaitLabels("tagged", map[string]string{"s1": "supports", "s2": "opposes", "s4": "neutral", "s6": "supports"})
		p.ClickSentence("s4")
		p.shootRole("annotator")
	})
	t.Run("student", func(t *testing.T) {
		doc := bundled(t)
		sc := annotations.Presets()[0]
		sc.Target = bundledClaim
		a := annotations.NewAssignment("Iran & the U.S. in Iraq", "Tag every sentence that takes a side toward the claim.", doc, sc, nil,
			annotations.AssignmentOptions{Mode: annotations.ModeGraded})
		link, err := annotations.AssignmentLink(baseURL, a)
		if err != nil {
			t.Fatal(err)
		}
		p := newProfile(t)
		p.openAssignmentAs(link, "Ana")
		p.ClickSentence("s2")
		p.Key("2")
		p.waitLabel("the student tags", "s2", "opposes")
		p.shootRole("student")
	})
	t.Run("teacher", func(t *testing.T) {
		teacher := newClassProfile(t)
		teacher.Do("window", chromedp.EmulateViewport(1280, 800))
		teacher.Open()
		dir := teacher.AllowDownloads()
		a, _, _, _ := teacherAssignment(t, teacher, dir, true, false)
		files := generatedFiles(t, a, 12, 20261204)
		teacher.openDashboardFor(a.ID)
		teacher.addSubmissions(writeFiles(t, t.TempDir(), files))
		teacher.WaitJS("the class is loaded", `document.querySelectorAll("table#dash-students tr[data-student]").length === 12`)
		teacher.shootRole("teacher")
	})
	t.Run("research", func(t *testing.T) {
		proj, src := writeTeamProject(t)
		p := newProfile(t)
		p.openTeamProject(src, "ana", len(proj.TasksOf("ana")))
		p.ClickSentence("s1")
		p.Key("1")
		p.waitLabel("tagged", "s1", "agree")
		p.shootRole("research")
	})
}
