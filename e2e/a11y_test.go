package e2e

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"stancemark/annotations"
)

// axeSource is axe-core (npm, installed by "make test"), injected into the
// page by the audit.
func axeSource(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core is not installed (run make test, which runs npm ci): %v", err)
	}
	return string(b)
}

// axeViolation is one serious or critical finding.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// audit runs axe-core on the page and fails on serious or critical violations.
func (p *Page) audit(view, axe string) {
	p.t.Helper()
	if !Eval[bool](p, `typeof window.axe === "object"`) {
		Eval[bool](p, axe+"\n;true")
	}
	got := Eval[[]axeViolation](p, `axe.run(document, {resultTypes: ["violations"]}).then(r =>
		r.violations.filter(v => v.impact === "serious" || v.impact === "critical").map(v => ({
			id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + (n.failureSummary || "").split("\n").join(" "))})))`)
	for _, v := range got {
		p.t.Errorf("%s: axe %s (%s): %s\n\t%s", view, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
	}
}

// emulateMedia sets prefers-color-scheme (or print) for the page.
func (p *Page) emulateMedia(media string, features ...*emulation.MediaFeature) {
	p.t.Helper()
	p.Do("emulate media", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media, Features: features})
		return err
	}))
}

func TestAccessibilityAudit(t *testing.T) {
	axe := axeSource(t)
	p := newPage(t)
	downloads := p.AllowDownloads()
	_ = downloads
	p.audit("main view", axe)

	p.ClickSentence("s2")
	p.Key("1")
	p.ClickSentence("s5")
	p.Key("2")
	p.Key("n")
	p.WaitJS("note field focused", `document.activeElement && document.activeElement.id === "note"`)
	p.audit("highlights and a note open", axe)
	p.Key("\x1b") // Escape: back to the article

	p.Key("?")
	p.WaitJS("help open", `document.querySelector("#help").open`)
	p.audit("help dialog", axe)
	p.Key("\x1b")
	p.WaitJS("help closed", `!document.querySelector("#help").open`)

	p.Click("#library-button")
	p.WaitJS("library open", `document.querySelector("#library").open`)
	p.audit("library dialog", axe)
	p.Click("#library-close")
	p.WaitJS("library closed", `!document.querySelector("#library").open`)

	p.Click("#make-assignment")
	p.WaitJS("assignment dialog open", `document.querySelector("#assignment-dialog").open`)
	p.audit("make-assignment dialog", axe)
	p.Click("#as-close")

	// the teacher dashboard with a class loaded
	doc := bundled(t)
	ws := annotations.NewWorkspace(doc)
	if _, err := ws.Tag(0, 1, "supports"); err != nil {
		t.Fatal(err)
	}
	a := annotations.AssignmentFromWorkspace(ws, "Audit class", "Tag the stances.", annotations.AssignmentOptions{})
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := annotations.WriteAssignment(&buf, a); err != nil {
		t.Fatal(err)
	}
	assignmentFile := filepath.Join(dir, "audit.assignment.json")
	os.WriteFile(assignmentFile, buf.Bytes(), 0o644)
	var subs []string
	for i, e := range annotations.GenerateSubmissions(a, 6, 7) {
		buf.Reset()
		annotations.WriteExport(&buf, e)
		f := filepath.Join(dir, fmt.Sprintf("s%d.json", i))
		os.WriteFile(f, buf.Bytes(), 0o644)
		subs = append(subs, f)
	}
	p.Click("#dashboard-button")
	p.WaitJS("dashboard shown", `!!document.querySelector("main#dashboard")`)
	p.audit("dashboard, choosing the assignment", axe)
	p.Do("upload assignment", chromedp.SetUploadFiles(chromedp.CSS("#dash-assignment-file"), []string{assignmentFile}))
	p.WaitJS("assignment loaded", `!!document.querySelector("#dash-files")`)
	p.Do("upload submissions", chromedp.SetUploadFiles(chromedp.CSS("#dash-files"), subs))
	p.WaitJS("class loaded", `document.querySelectorAll("#dash-students tbody tr").length === 6`)
	p.audit("dashboard with a class", axe)

	// the student's view of an assignment, with the name dialog
	link, err := annotations.EncodeAssignmentLink(a)
	if err != nil {
		t.Fatal(err)
	}
	s := newProfile(t)
	s.Do("open the link", chromedp.Navigate(baseURL+"#a="+link))
	s.WaitReady()
	s.WaitJS("name asked", `document.querySelector("#student-dialog").open`)
	s.audit("student name dialog", axe)
	s.TypeInto("#student-input", "Ada")
	s.Click("#student-ok")
	s.WaitJS("assignment shown", `!!document.querySelector("#assignment-title")`)
	s.audit("student's assignment view", axe)

	// dark mode: contrast must hold there too
	d := newPage(t)
	d.emulateMedia("", &emulation.MediaFeature{Name: "prefers-color-scheme", Value: "dark"})
	d.ClickSentence("s3")
	d.Key("3")
	d.audit("dark mode with a highlight", axe)
}

func TestScreenReaderSupport(t *testing.T) {
	p := newPage(t)

	// skip link: the first thing Tab reaches goes to the article
	p.Key("\t")
	if got := Eval[string](p, `document.activeElement.className`); got != "skip" {
		t.Errorf("the first Tab stop is %s (class %q), want the skip link", p.ActiveElement(), got)
	}
	if href, _ := p.Attr("a.skip", "href"); href != "#sentences" {
		t.Errorf("the skip link goes to %q", href)
	}
	p.Key("\r")
	p.WaitJS("the article has focus after the skip link", `document.activeElement && document.activeElement.id === "sentences" || location.hash === "#sentences"`)

	// tagged sentences are announced with their label
	p.Settle() // the skip link scrolled the page
	p.ClickSentence("s4")
	p.WaitSelected("s4 selected", "s4")
	p.Key("2")
	p.WaitLabels("tagged", map[string]string{"s4": "opposes"})
	desc := Eval[string](p, `(() => { const el = document.querySelector('[data-sid="s4"]'); const id = el.getAttribute("aria-describedby"); const d = id && document.getElementById(id); return d ? d.textContent : ""; })()`)
	if desc != "Opposes" {
		t.Errorf("s4's aria-describedby names %q, want Opposes", desc)
	}
	// actions are announced in a polite live region
	p.Eventually("tag announced", func() error {
		if got := p.Text("#announce"); !strings.Contains(got, "Opposes") {
			return fmt.Errorf("#announce = %q", got)
		}
		return nil
	})
	if live, _ := p.Attr("#announce", "aria-live"); live != "polite" {
		t.Errorf("#announce aria-live = %q", live)
	}
	p.Key("u")
	p.Eventually("undo announced", func() error {
		if got := p.Text("#announce"); !strings.Contains(got, "Undone") {
			return fmt.Errorf("#announce = %q", got)
		}
		return nil
	})
	// keyboard moves are followed through aria-activedescendant on the focused listbox
	p.Key("j")
	p.WaitJS("listbox focused with an active descendant", `document.activeElement.id === "sentences" && document.activeElement.getAttribute("aria-activedescendant") === "sent-s5"`)

	// focus moves into the help dialog and back
	p.Key("?")
	p.WaitJS("focus inside the help dialog", `document.querySelector("#help").contains(document.activeElement)`)
	p.Key("\x1b")
	p.WaitJS("focus back on the article", `document.activeElement.id === "sentences"`)

	// visible focus on controls reached by keyboard
	p.Click("#undo")
	p.Key("\t")
	outline := Eval[string](p, `getComputedStyle(document.activeElement).outlineStyle`)
	if outline == "none" || outline == "" {
		t.Errorf("the focused %s has no visible outline", p.ActiveElement())
	}
}

func TestFirstRunHintDismissedForGood(t *testing.T) {
	p := newPage(t)
	if got := p.Text("#hint"); !strings.Contains(got, "1") || !strings.Contains(got, "?") {
		t.Fatalf("no first-run hint: %q", got)
	}
	p.Click("#hint-dismiss")
	p.WaitJS("hint hidden", `document.querySelector("#hint").hidden`)
	p.Reload()
	p.Settle()
	if !Eval[bool](p, `document.querySelector("#hint").hidden`) {
		t.Error("the dismissed hint came back after a reload")
	}
}

// tap touches the middle of an element with a finger.
func (p *Page) tap(css string) {
	p.t.Helper()
	pt := p.pointIn(css, "center")
	p.Do("tap "+css, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := chromedp.Call(ctx, input.DispatchTouchEvent, input.DispatchTouchEventParams{
			Type: input.DispatchTouchEventTypeTouchStart, TouchPoints: []*input.TouchPoint{{X: pt.X, Y: pt.Y}},
		}); err != nil {
			return err
		}
		_, err := chromedp.Call(ctx, input.DispatchTouchEvent, input.DispatchTouchEventParams{
			Type: input.DispatchTouchEventTypeTouchEnd, TouchPoints: []*input.TouchPoint{},
		})
		return err
	}))
}

func TestTouchAt360Pixels(t *testing.T) {
	p := newProfile(t)
	p.Do("phone viewport", chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile, chromedp.EmulateTouch))
	p.Open()
	if w := Eval[int](p, `document.documentElement.scrollWidth`); w > 360 {
		t.Errorf("the page is %d px wide at 360 px: it scrolls sideways", w)
	}
	p.tap(sentSel("s2"))
	p.WaitSelected("a tap selects", "s2")
	p.tap("#extend-mode")
	p.WaitJS("extend mode on", `document.querySelector("#extend-mode").getAttribute("aria-pressed") === "true"`)
	p.tap(sentSel("s4"))
	p.WaitSelected("a second tap with extend on extends", "s2", "s3", "s4")
	p.tap(`#palette button.label-btn[data-label-id="neutral"]`)
	p.WaitLabels("tagged by tapping the palette", map[string]string{"s2": "neutral", "s3": "neutral", "s4": "neutral"})
	for _, css := range []string{"#palette", "#note", "#highlights-panel", "#export", "#undo"} {
		r := Eval[[]float64](p, fmt.Sprintf(`(() => { const r = document.querySelector(%q).getBoundingClientRect(); return [r.left, r.right]; })()`, css))
		if r[0] < -1 || r[1] > 361 {
			t.Errorf("%s spans %v px at 360 px wide", css, r)
		}
	}
}

func TestPrintStylesheet(t *testing.T) {
	p := newPage(t)
	p.ClickSentence("s1")
	p.Key("1")
	p.Key("n")
	p.WaitJS("note field focused", `document.activeElement.id === "note"`)
	p.Do("type note", chromedp.SendKeys(chromedp.CSS("#note"), "printed note"))
	p.Key("\x1b")
	p.Eventually("note saved", func() error {
		if h := p.Highlights(); len(h) != 1 || h[0].Note != "printed note" {
			return fmt.Errorf("highlights %+v", h)
		}
		return nil
	})
	p.emulateMedia("print")
	type vis struct{ Toolbar, Palette, Article, List, Note string }
	v := Eval[vis](p, `(() => { const d = s => getComputedStyle(document.querySelector(s)).display;
		return {Toolbar: d(".toolbar"), Palette: d("#palette"), Article: d("#document"), List: d("#highlights-panel"), Note: d(".hl-note")}; })()`)
	if v.Toolbar != "none" || v.Palette != "none" {
		t.Errorf("print shows the controls: %+v", v)
	}
	if v.Article == "none" || v.List == "none" || v.Note == "none" {
		t.Errorf("print hides the article, the highlights or the notes: %+v", v)
	}
	if before := p.States()[0].Before; !strings.Contains(before, "Supports") {
		t.Errorf("printed s1 does not show its label: %s", before)
	}
}

// screenshotDir is where "make screenshots" wants PNGs; "" in normal runs.
func screenshotDir() string { return os.Getenv("STANCEMARK_SCREENSHOTS") }

// shoot writes a full-page screenshot when screenshots are asked for, and
// checks it is a real image either way.
func (p *Page) shoot(name string) {
	p.t.Helper()
	p.Settle()
	png, err := chromedp.Run(p.Ctx, chromedp.FullScreenshot(100))
	if err != nil || len(png) < 1000 {
		p.t.Fatalf("screenshot %s: %v (%d bytes)", name, err, len(png))
	}
	if dir := screenshotDir(); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
			p.t.Fatal(err)
		}
	}
}

func TestScreenshots(t *testing.T) {
	p := newProfile(t)
	p.Do("window", chromedp.EmulateViewport(1280, 900))
	p.Open()
	p.shoot("main.png")
	tags := map[string]string{"s1": "1", "s2": "2", "s4": "3", "s6": "1", "s9": "4", "s11": "2"}
	for sid, key := range tags {
		p.ClickSentence(sid)
		p.Key(key)
	}
	p.ClickSentence("s2")
	p.Key("n")
	p.WaitJS("note", `document.activeElement.id === "note"`)
	p.Do("type note", chromedp.SendKeys(chromedp.CSS("#note"), "A Pentagon denial: opposes cooperation."))
	p.Key("\x1b")
	Eval[bool](p, `scrollTo(0,0);true`)
	time.Sleep(200 * time.Millisecond)
	p.shoot("tagged.png")
	p.emulateMedia("", &emulation.MediaFeature{Name: "prefers-color-scheme", Value: "dark"})
	p.shoot("dark.png")
}
