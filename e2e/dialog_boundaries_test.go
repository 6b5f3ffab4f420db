package e2e

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"stancemark/annotations"
)

// Fixing sentences inside the dialogs that make an assignment or a
// project (issue 18): the corrected units travel in what the dialog makes,
// so the student and the annotator get them.

// editorTextsJS lists the texts of the sentence editor's rows of scope.
func editorTextsJS(scope string) string {
	return fmt.Sprintf(`Array.from(document.querySelectorAll("#%s-bd-list li.bd-row .bd-text")).map(e => e.textContent).join("|")`, scope)
}

// waitEditor waits until the editor of scope lists want.
func (p *Page) waitEditor(what, scope, want string) {
	p.t.Helper()
	p.Eventually(what, func() error {
		if got := Eval[string](p, editorTextsJS(scope)); got != want {
			return fmt.Errorf("the editor lists %q", got)
		}
		return nil
	})
}

// splitAtCaret opens the split field of row i of scope's editor, puts the
// caret after the first n UTF-16 units of the sentence, and splits there.
func (p *Page) splitAtCaret(scope string, i, n int) {
	p.t.Helper()
	p.openSplit(scope, i, false)
	caret := "#" + scope + "-bd-caret"
	Eval[bool](p, fmt.Sprintf(`(() => { const e = document.querySelector(%q); e.setSelectionRange(%d, %d); return true; })()`, caret, n, n))
	p.Click("#" + scope + "-bd-split-caret")
}

// openSplit presses (or taps) "Split…" of row i of scope's editor and
// waits for its split field, which gets the focus.
func (p *Page) openSplit(scope string, i int, touch bool) {
	p.t.Helper()
	css := fmt.Sprintf("#%s-bd-split-%d", scope, i)
	if touch {
		p.tap(css)
	} else {
		p.Click(css)
	}
	p.WaitJS("the split field has the focus", fmt.Sprintf(`document.activeElement === document.querySelector("#%s-bd-caret") && document.querySelector(%q).getAttribute("aria-expanded") === "true"`, scope, css))
}

// noSidewaysScroll fails the test when the dialog css is wider than a
// 390 px screen or scrolls sideways.
func (p *Page) noSidewaysScroll(what, css string) {
	p.t.Helper()
	r := Eval[[]float64](p, fmt.Sprintf(`(() => { const d = document.querySelector(%q); const r = d.getBoundingClientRect(); return [r.left, r.right, d.scrollWidth, d.clientWidth, document.documentElement.scrollWidth]; })()`, css))
	if r[0] < 0 || r[1] > 390 || r[2] > r[3]+1 || r[4] > 391 {
		p.t.Errorf("%s: the dialog spans %v..%v px, is %v px wide inside %v, the page %v px, at 390 px", what, r[0], r[1], r[2], r[3], r[4])
	}
}

// TestAssignmentDialogFixesSentences: the teacher joins two sentences
// (from the keyboard) and splits one at the caret inside "make an
// assignment", undoes a split before a word, makes the assignment; the
// downloaded file and the link carry the fixed boundaries with the key on
// them, the student sees exactly those sentences, and the teacher's own
// document keeps its own.
func TestAssignmentDialogFixesSentences(t *testing.T) {
	axe := axeSource(t)
	teacher := newPage(t)
	dir := teacher.AllowDownloads()
	teacher.grantClipboard()
	teacher.openLibrary()
	teacher.setField("#paste-text", boundaryText)
	teacher.Click("#paste-open")
	teacher.waitSentences("pasted", boundaryStart)
	teacher.ClickSentence("s2")
	teacher.Key("1")
	teacher.waitOwnLabels("the key's highlight on s2", map[string]string{"s2": "supports"})
	teacher.WaitSaved()

	teacher.openAssignmentDialog(assignmentForm{Title: "Rain", Instructions: "Tag it.", Reveal: true})
	if got := teacher.Text("#as-bd-summary"); got != "4 sentences" {
		t.Errorf("#as-bd-summary %q", got)
	}
	teacher.Click("#as-bd-toggle")
	teacher.waitEditor("the editor lists the sentences", "as", boundaryStart)
	if Eval[bool](teacher, `!document.querySelector("#as-bd-join-2").disabled`) {
		t.Error("the last sentence of a paragraph can be joined with the next")
	}
	teacher.audit("make an assignment, fixing sentences", axe)

	// Join s2 and s3 from the keyboard.
	Eval[bool](teacher, `(document.querySelector("#as-bd-join-1").focus(), true)`)
	teacher.Key("\r")
	teacher.waitEditor("joined", "as", boundaryJoined)
	// Split s1 at the caret, before "on".
	teacher.splitAtCaret("as", 0, len("Rain fell hard "))
	want := "Rain fell hard|on the E.U.|Officials closed every road into the old town at noon. Schools shut.|The rain stopped."
	teacher.waitEditor("split at the caret", "as", want)
	// Split s4 before a word, then undo it.
	teacher.openSplit("as", 3, false)
	teacher.audit("make an assignment, splitting a sentence", axe)
	teacher.Click(`#as-bd-list button.bd-split-at[aria-label="Split before “stopped.”"]`)
	teacher.waitEditor("split before a word", "as", strings.Replace(want, "The rain stopped.", "The rain|stopped.", 1))
	teacher.Click("#as-bd-undo")
	teacher.waitEditor("the split undone", "as", want)
	teacher.WaitJS("the summary counts the changes", `document.querySelector("#as-bd-summary").textContent.endsWith("2 changes made here")`)

	teacher.Click("#as-download")
	data := teacher.WaitFile(dir, "rain.assignment.json")
	fileA, err := annotations.ReadAssignment(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	link := teacher.makeLink()
	a, err := annotations.DecodeAssignmentLink(link[strings.Index(link, "#a=")+3:])
	if err != nil {
		t.Fatal(err)
	}
	for what, x := range map[string]*annotations.Assignment{"the file": fileA, "the link": a} {
		doc, err := x.Doc()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		var texts []string
		for _, s := range doc.Sentences {
			texts = append(texts, s.Text)
		}
		if got := strings.Join(texts, "|"); got != want {
			t.Errorf("%s carries the sentences %q, want %q", what, got, want)
		}
		if id := teacher.Text("#as-bd-summary"); !strings.Contains(id, annotations.BoundariesID(x.Document.Sentences)) {
			t.Errorf("%s: boundaries %s, the dialog says %q", what, annotations.BoundariesID(x.Document.Sentences), id)
		}
		if len(x.Key) != 1 || strings.Join(x.Key[0].SentenceIDs, ",") != "s3" {
			t.Errorf("%s: the key is not on the joined sentence: %+v", what, x.Key)
		}
	}
	teacher.closeAssignmentDialog()
	teacher.waitSentences("the teacher's own document keeps its sentences", boundaryStart)

	student := newProfile(t)
	student.openAssignmentAs(link, "Ana")
	student.waitSentences("the student sees the fixed sentences", want)
	if n := Eval[int](student, `document.querySelectorAll("#sentences span.sentence[data-sid]").length`); n != 4 {
		t.Errorf("the student sees %d sentence spans, want 4", n)
	}
}

// TestNewProjectFixesSentences: at phone width, in New project, the author
// shows the articles' sentences, fixes the first article (a join by touch,
// a split at the caret) and the second (a split undone, a join), makes the
// project; the project file carries those boundaries, its first task
// shows the fixed units, and the dialog never scrolls sideways.
func TestNewProjectFixesSentences(t *testing.T) {
	dir := t.TempDir()
	articles := map[string]string{
		"a-harbour.txt": "The port opened at dawn. Boats left early. The fish market was busy by noon.",
		"b-bridge.txt":  "The bridge closes in May. Drivers must detour. Shops fear the worst.",
	}
	var paths []string
	for _, name := range []string{"a-harbour.txt", "b-bridge.txt"} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(articles[name]), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	p := newProfile(t)
	downloads := p.AllowDownloads()
	p.Do("phone viewport", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
	p.Open()
	p.openNewProject()
	p.chooseInputs(paths...)
	p.TypeInto("#np-name", "Fixed units")
	p.setField("#np-claims", "The town is changing")
	p.tap("#np-bd-toggle")
	p.WaitJS("the articles to choose from", `document.querySelectorAll("#np-bd-doc option").length === 2`)
	p.waitEditor("the first article's sentences", "np", "The port opened at dawn.|Boats left early.|The fish market was busy by noon.")
	p.noSidewaysScroll("New project, fixing sentences", "#new-project")
	p.audit("New project at phone width, fixing sentences", axeSource(t))

	p.tap("#np-bd-join-0")
	p.waitEditor("joined by touch", "np", "The port opened at dawn. Boats left early.|The fish market was busy by noon.")
	p.splitAtCaret("np", 1, len("The fish market "))
	first := "The port opened at dawn. Boats left early.|The fish market|was busy by noon."
	p.waitEditor("split at the caret", "np", first)
	p.noSidewaysScroll("New project, a sentence split", "#new-project")

	second := Eval[string](p, `document.querySelectorAll("#np-bd-doc option")[1].value`)
	p.setChosen("#np-bd-doc", second)
	p.waitEditor("the second article's sentences", "np", "The bridge closes in May.|Drivers must detour.|Shops fear the worst.")
	p.openSplit("np", 2, true)
	p.tap(`#np-bd-list button.bd-split-at[aria-label="Split before “the”"]`)
	p.waitEditor("split before a word", "np", "The bridge closes in May.|Drivers must detour.|Shops fear|the worst.")
	p.tap("#np-bd-undo")
	p.waitEditor("undone", "np", "The bridge closes in May.|Drivers must detour.|Shops fear the worst.")
	p.tap("#np-bd-join-1")
	p.waitEditor("the second article joined", "np", "The bridge closes in May.|Drivers must detour. Shops fear the worst.")
	if got := p.Text(`#np-bd-doc option:first-child`); !strings.Contains(got, "fixed: 3 sentences") {
		t.Errorf("the menu names the first article %q", got)
	}

	p.tap("#np-make")
	data := p.WaitFile(downloads, "fixed-units.project.json")
	proj, err := annotations.ReadProject(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, pd := range proj.Documents {
		d, err := pd.Document()
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		for _, s := range d.Sentences {
			texts = append(texts, s.Text)
		}
		got = append(got, strings.Join(texts, "|"))
	}
	if want := first + ";The bridge closes in May.|Drivers must detour. Shops fear the worst."; strings.Join(got, ";") != want {
		t.Errorf("the project file carries %q, want %q", strings.Join(got, ";"), want)
	}
	p.WaitJS("the first task", `(document.querySelector("#task-position") || {}).textContent.startsWith("Task 1 of 2")`)
	p.waitSentences("the first task shows the fixed units", first)
	if n := Eval[int](p, `document.querySelectorAll("#sentences span.sentence[data-sid]").length`); n != 3 {
		t.Errorf("the first task has %d sentence spans, want 3", n)
	}
}

// TestAssignmentSentencesAtPhoneWidth: at 390 px with touch the
// assignment dialog's sentence editor fits the screen and works by touch.
func TestAssignmentSentencesAtPhoneWidth(t *testing.T) {
	p := newProfile(t)
	p.Do("phone viewport", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
	p.Open()
	p.openLibrary()
	p.setField("#paste-text", boundaryText)
	p.Click("#paste-open")
	p.waitSentences("pasted", boundaryStart)
	p.tap("#make-assignment")
	p.WaitJS("the assignment dialog is open", `document.querySelector('dialog#assignment-dialog').open`)
	p.tap("#as-bd-toggle")
	p.waitEditor("the editor lists the sentences", "as", boundaryStart)
	p.openSplit("as", 1, true)
	p.noSidewaysScroll("make an assignment, a sentence being split", "#assignment-dialog")
	p.tap("#as-bd-join-1")
	p.waitEditor("joined by touch", "as", boundaryJoined)
	p.noSidewaysScroll("make an assignment, fixing sentences", "#assignment-dialog")
}
