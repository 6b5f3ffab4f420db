package e2e

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"stancemark/annotations"
)

// Helpers of the classroom tests (classroom_test.go): a teacher makes an
// assignment, students do it in their own profiles, the teacher reads the
// submissions in the dashboard.

// classTimeout bounds one classroom profile: a teacher's tab lives through
// three students' work and the dashboard, longer than testTimeout.
const classTimeout = 4 * time.Minute

// newClassProfile is newProfile with a longer life (classTimeout): a fresh
// browser context (its own localStorage and downloads) with a tab, not
// navigated. Console errors and uncaught exceptions fail the test.
func newClassProfile(t *testing.T) *Page {
	t.Helper()
	return newProfileFor(t, classTimeout)
}

// grantClipboard lets the app's origin read and write the clipboard in this
// profile, so the test can read what "Copy a link" copied.
func (p *Page) grantClipboard() {
	p.t.Helper()
	u, err := url.Parse(baseURL)
	if err != nil {
		p.t.Fatal(err)
	}
	origin := u.Scheme + "://" + u.Host
	bc := chromedp.FromContext(p.Ctx).BrowserContextID
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.CallBrowser(p.Ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission:       &browser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true},
			Setting:          browser.PermissionSettingGranted,
			Origin:           origin,
			BrowserContextID: bc,
		}); err != nil {
			p.t.Fatalf("grant %s: %v", name, err)
		}
	}
}

// WaitDownload waits for a finished download named name in dir (any
// content, such as CSV) and returns its bytes.
func (p *Page) WaitDownload(dir, name string) []byte {
	p.t.Helper()
	var data []byte
	p.Eventually("download "+name, func() error {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || len(b) == 0 {
			ents, _ := os.ReadDir(dir)
			var names []string
			for _, e := range ents {
				names = append(names, e.Name())
			}
			return fmt.Errorf("%s not there yet (%v); files in the download dir: %v", name, err, names)
		}
		if _, err := os.Stat(filepath.Join(dir, name+".crdownload")); err == nil {
			return errors.New(name + " still downloading")
		}
		data = b
		return nil
	})
	return data
}

// labelKeys maps the default scheme's label ids to their keys.
var labelKeys = map[string]string{"supports": "1", "opposes": "2", "neutral": "3", "unrelated": "4"}

// tagRun tags sentences a..b (1-based) with label by clicking (shift+click
// for the end of the run) and pressing the label's key.
func (p *Page) tagRun(a, b int, label string) {
	p.t.Helper()
	key, ok := labelKeys[label]
	if !ok {
		p.t.Fatalf("no key for label %q", label)
	}
	p.selectRange(a, b)
	p.Key(key)
}

// tagging is one run of sentences given one label, with an optional note.
type tagging struct {
	From, To int
	Label    string
	Note     string
}

// tagAll applies the runs in order and waits until the article shows want,
// which it returns (sid → label). n is the number of sentences of the
// article.
func (p *Page) tagAll(runs []tagging, n int) map[string]string {
	p.t.Helper()
	want := map[string]string{}
	for _, r := range runs {
		p.tagRun(r.From, r.To, r.Label)
		if r.Note != "" {
			p.writeNote(r.Note)
		}
		labelMap(want, r.Label, r.From, r.To)
	}
	p.waitLabelsN("the sentences show the tags", want, n)
	return want
}

// waitLabelsN is WaitLabels for an article of n sentences.
func (p *Page) waitLabelsN(what string, want map[string]string, n int) {
	p.t.Helper()
	p.Eventually(what, func() error {
		got := p.States()
		var diffs []string
		for _, s := range got {
			if w := want[s.SID]; s.Label != w || (w == "" && s.HasLabel) {
				diffs = append(diffs, fmt.Sprintf("%s: data-label=%q, want %q", s.SID, s.Label, w))
			}
		}
		if len(got) != n {
			diffs = append(diffs, fmt.Sprintf("%d sentences in the DOM, want %d", len(got), n))
		}
		if len(diffs) > 0 {
			return errors.New(strings.Join(diffs, "; "))
		}
		return nil
	})
}

// sentenceLabels returns sid → label of an export's highlights.
func sentenceLabels(e *annotations.Export) map[string]string {
	m := map[string]string{}
	for _, h := range e.Annotations {
		for _, id := range h.SentenceIDs {
			m[id] = h.Label
		}
	}
	return m
}

// diffLabels describes how got differs from want (sid → label), "" when
// they are equal.
func diffLabels(got, want map[string]string) string {
	var ids []string
	for id := range got {
		ids = append(ids, id)
	}
	for id := range want {
		if _, ok := got[id]; !ok {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, func(a, b string) int { return sidNum(a) - sidNum(b) })
	var d []string
	for _, id := range ids {
		if got[id] != want[id] {
			d = append(d, fmt.Sprintf("%s=%q want %q", id, got[id], want[id]))
		}
	}
	return strings.Join(d, ", ")
}

// pasteText puts text into the focused field as a paste or an input method
// does (Input.insertText): one input event, no key events.
func (p *Page) pasteText(text string) {
	p.t.Helper()
	p.Do("paste text", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: text})
		return err
	}))
}

// assignmentForm is what the teacher fills in the "make an assignment"
// dialog.
type assignmentForm struct {
	Title, Instructions string
	Reveal              bool // practice mode; graded otherwise
}

// readHandin reads a submission the app's Submit wrote.
func readHandin(t *testing.T, what string, data []byte) *annotations.Handin {
	t.Helper()
	h, err := annotations.ReadHandin(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: ReadHandin rejects the submission: %v\n%s", what, err, data)
	}
	return h
}

// openAssignmentDialog opens the "make an assignment" dialog and fills it.
func (p *Page) openAssignmentDialog(f assignmentForm) {
	p.t.Helper()
	p.Click("button#make-assignment")
	p.WaitJS("the assignment dialog is open", `document.querySelector('dialog#assignment-dialog').open`)
	p.TypeInto("#as-title", f.Title)
	p.TypeInto("#as-instructions", f.Instructions)
	if !Eval[bool](p, `document.querySelector('#as-use-key').checked`) {
		p.t.Errorf("#as-use-key is not ticked although the teacher has highlights")
	}
	if f.Reveal { // practice: the key travels, feedback at once
		p.Click("#as-mode-practice")
		p.WaitJS("practice chosen", `document.querySelector('#as-mode-practice').checked`)
	}
}

// makeLink clicks "Copy a link" and returns the link shown in the dialog.
func (p *Page) makeLink() string {
	p.t.Helper()
	p.Click("#as-link")
	var link string
	p.Eventually("the link is shown in textarea#as-link-text", func() error {
		link = p.Value("textarea#as-link-text")
		if !strings.Contains(link, "#a=") {
			return fmt.Errorf("textarea#as-link-text = %q", short(link))
		}
		return nil
	})
	return link
}

// closeAssignmentDialog closes the dialog.
func (p *Page) closeAssignmentDialog() {
	p.t.Helper()
	p.Click("#as-close")
	p.WaitJS("the assignment dialog is closed", `!document.querySelector('dialog#assignment-dialog').open`)
}

// openAssignmentAs opens link in p (a fresh profile) and answers the name
// dialog with name.
func (p *Page) openAssignmentAs(link, name string) {
	p.t.Helper()
	p.Do("open the assignment link", chromedp.Navigate(link))
	p.WaitReady()
	p.WaitJS("the name dialog is open", `document.querySelector('dialog#student-dialog').open`)
	p.TypeInto("#student-input", name)
	p.Click("#student-ok")
	p.WaitJS("the name dialog is closed", `!document.querySelector('dialog#student-dialog').open`)
	p.Eventually("the panel names the student", func() error {
		if got, want := p.Text("#student-name"), "Student: "+name; got != want {
			return fmt.Errorf("#student-name = %q, want %q", got, want)
		}
		return nil
	})
}

// writeFiles writes files into dir and returns their paths, in order.
func writeFiles(t *testing.T, dir string, files []annotations.NamedFile) []string {
	t.Helper()
	var paths []string
	for _, f := range files {
		path := filepath.Join(dir, f.Name)
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	return paths
}

// generatedFiles returns n generated submissions for a as files named the
// way the app names a submission.
func generatedFiles(t *testing.T, a *annotations.Assignment, n int, seed int64) []annotations.NamedFile {
	t.Helper()
	var out []annotations.NamedFile
	for _, e := range annotations.GenerateSubmissions(a, n, seed) {
		var buf bytes.Buffer
		if err := annotations.WriteExport(&buf, e); err != nil {
			t.Fatal(err)
		}
		out = append(out, annotations.NamedFile{Name: a.SubmissionFileName(e.Annotator.Name), Data: buf.Bytes()})
	}
	return out
}

// openDashboardFor opens the class dashboard on an assignment made in this
// browser (its button in "Assignments made in this browser").
func (p *Page) openDashboardFor(id string) {
	p.t.Helper()
	p.Click("button#dashboard-button")
	p.WaitJS("the dashboard is shown", `document.querySelector('main#dashboard')`)
	sel := fmt.Sprintf(".dash-made[data-assignment-id=%q]", id)
	p.WaitJS("the assignment made here is offered", fmt.Sprintf(`document.querySelector(%q)`, sel))
	p.Click(sel)
	p.WaitJS("the dashboard has the assignment", `document.querySelector('#dash-assignment-title') && document.querySelector('input#dash-files')`)
}

// addSubmissions picks files in "Add submissions…" (all at once).
func (p *Page) addSubmissions(paths []string) {
	p.t.Helper()
	p.Do(fmt.Sprintf("add %d submissions", len(paths)), chromedp.SetUploadFiles(chromedp.CSS("input#dash-files"), paths))
}

// classroomScreenshotDir is where screenshots go (STANCEMARK_SCREENSHOTS,
// a relative path taken from the module root), "" in normal runs.
func classroomScreenshotDir() string {
	dir := os.Getenv("STANCEMARK_SCREENSHOTS")
	if dir != "" && !filepath.IsAbs(dir) {
		dir = filepath.Join(repoRoot, dir)
	}
	return dir
}
