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
	Reveal              bool
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
	if f.Reveal {
		p.Click("#as-reveal")
		p.WaitJS("reveal ticked", `document.querySelector('#as-reveal').checked`)
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

// feedbackItem is one li of #feedback-list.
type feedbackItem struct {
	SID     string `json:"sid"`
	Verdict string `json:"verdict"`
	Text    string `json:"text"`
}

// shownFeedback is what #feedback shows.
type shownFeedback struct {
	Hidden bool           `json:"hidden"`
	Score  string         `json:"score"`
	Kappa  string         `json:"kappa"`
	Items  []feedbackItem `json:"items"`
}

func (p *Page) feedback() shownFeedback {
	p.t.Helper()
	return Eval[shownFeedback](p, `(() => {
		const f = document.querySelector('#feedback');
		const t = s => { const e = document.querySelector(s); return e ? e.textContent.trim() : ""; };
		return {
			hidden: !f || f.hidden,
			score: t('#feedback-score'),
			kappa: t('#feedback-kappa'),
			items: Array.from(document.querySelectorAll('#feedback-list li[data-verdict]')).map(li => ({
				sid: li.dataset.sid || "", verdict: li.dataset.verdict, text: li.textContent.trim()})),
		};
	})()`)
}

// expectedFeedback is what the student panel should show for f, computed
// from the annotations package's Feedback with the panel's wording.
func expectedFeedback(f *annotations.Feedback, scheme annotations.Scheme) shownFeedback {
	name := func(id string) string {
		if l, ok := scheme.Label(id); ok {
			return l.Name
		}
		return id
	}
	summary := fmt.Sprintf("You agree with the key on %d of its %d tagged sentences", f.Score, f.KeyTagged)
	if f.Accuracy != nil {
		summary += fmt.Sprintf(" (accuracy %.0f%%)", 100**f.Accuracy)
	}
	kappa := "Cohen's kappa against the key: " + f.KappaNote
	if f.Kappa != nil {
		kappa = fmt.Sprintf("Cohen's kappa against the key: %.2f — %s", *f.Kappa, annotations.KappaReading(*f.Kappa))
	}
	out := shownFeedback{
		Score: fmt.Sprintf("%s: %d agree, %d differ, %d missed, %d extra.", summary, f.Agrees, f.Differs, f.Missed, f.Extra),
		Kappa: kappa,
		Items: []feedbackItem{},
	}
	for _, sf := range f.Sentences {
		var text string
		switch sf.Verdict {
		case annotations.Untouched, annotations.Agrees:
			continue
		case annotations.Differs:
			text = fmt.Sprintf("differs: you said %s, the key says %s", name(sf.Label), name(sf.KeyLabel))
		case annotations.Missed:
			text = fmt.Sprintf("missed: the key says %s", name(sf.KeyLabel))
		case annotations.Extra:
			text = fmt.Sprintf("extra: you said %s, the key leaves it untagged", name(sf.Label))
		}
		if sf.KeyNote != "" {
			text += " (key's note: " + sf.KeyNote + ")"
		}
		out.Items = append(out.Items, feedbackItem{SID: sf.SentenceID, Verdict: sf.Verdict.String(), Text: sf.SentenceID + ": " + text})
	}
	return out
}

// checkFeedback waits until the panel shows the feedback of f and the
// sentences are painted with its verdicts.
func (p *Page) checkFeedback(who string, f *annotations.Feedback, scheme annotations.Scheme) {
	p.t.Helper()
	want := expectedFeedback(f, scheme)
	p.Eventually(who+": the feedback equals Assignment.Compare's", func() error {
		got := p.feedback()
		if got.Hidden {
			return errors.New("#feedback is hidden")
		}
		var d []string
		if got.Score != want.Score {
			d = append(d, fmt.Sprintf("#feedback-score = %q, want %q", got.Score, want.Score))
		}
		if got.Kappa != want.Kappa {
			d = append(d, fmt.Sprintf("#feedback-kappa = %q, want %q", got.Kappa, want.Kappa))
		}
		if fmt.Sprint(got.Items) != fmt.Sprint(want.Items) {
			d = append(d, fmt.Sprintf("#feedback-list = %+v, want %+v", got.Items, want.Items))
		}
		if len(d) > 0 {
			return errors.New(strings.Join(d, "; "))
		}
		return nil
	})
	verdicts := map[string]string{}
	for _, sf := range f.Sentences {
		if sf.Verdict != annotations.Untouched {
			verdicts[sf.SentenceID] = sf.Verdict.String()
		}
	}
	p.Eventually(who+": the sentences are painted with their verdicts", func() error {
		got := Eval[map[string]string](p, `Object.fromEntries(Array.from(document.querySelectorAll('#sentences span.sentence[data-verdict]')).map(e => [e.dataset.sid, e.dataset.verdict]))`)
		if d := diffLabels(got, verdicts); d != "" {
			return errors.New("data-verdict: " + d)
		}
		return nil
	})
}

// studentRow is one row of table#dash-students.
type studentRow struct {
	Name     string `json:"name"`
	Tagged   string `json:"tagged"`
	Accuracy string `json:"accuracy"`
	Kappa    string `json:"kappa"`
	Notes    string `json:"notes"`
}

// dashSentence is one sentence of the dashboard's article.
type dashSentence struct {
	SID  string `json:"sid"`
	Dist string `json:"dist"` // aria-label of svg.dist
	Key  string `json:"key"`  // text of .dash-key
}

// dashboard is what the dashboard shows.
type dashboard struct {
	Title        string         `json:"title"`
	Progress     string         `json:"progress"`
	Problems     []string       `json:"problems"`
	Duplicates   []string       `json:"duplicates"`
	Students     []studentRow   `json:"students"`
	RowNames     []string       `json:"rowNames"` // data-student
	Fleiss       string         `json:"fleiss"`
	Alpha        string         `json:"alpha"`
	Chart        string         `json:"chart"` // aria-label of svg#dash-label-chart
	Disagreement []string       `json:"disagreement"`
	Sentences    []dashSentence `json:"sentences"`
}

func (p *Page) dashboard() dashboard {
	p.t.Helper()
	return Eval[dashboard](p, `(() => {
		const t = s => { const e = document.querySelector(s); return e ? e.textContent.trim() : ""; };
		const all = s => Array.from(document.querySelectorAll(s));
		const rows = all('table#dash-students tbody tr[data-student]');
		const chart = document.querySelector('svg#dash-label-chart');
		return {
			title: t('#dash-assignment-title'),
			progress: t('#dash-progress'),
			problems: all('#dash-problems li').map(e => e.textContent.trim()),
			duplicates: all('#dash-duplicates li').map(e => e.textContent.trim()),
			students: rows.map(tr => {
				const c = Array.from(tr.children).map(e => e.textContent.trim());
				return {name: c[0] || "", tagged: c[1] || "", accuracy: c[2] || "", kappa: c[3] || "", notes: c[4] || ""};
			}),
			rowNames: rows.map(tr => tr.dataset.student),
			fleiss: t('#dash-fleiss'),
			alpha: t('#dash-alpha'),
			chart: chart ? chart.getAttribute('aria-label') || "" : "",
			disagreement: all('ol#dash-disagreement li[data-sid]').map(e => e.dataset.sid),
			sentences: all('#dash-article .dash-sentence[data-sid]').map(e => {
				const svg = e.querySelector('svg.dist'), key = e.querySelector('.dash-key');
				return {sid: e.dataset.sid, dist: svg ? svg.getAttribute('aria-label') || "" : "<no svg.dist>", key: key ? key.textContent.trim() : ""};
			}),
		};
	})()`)
}

// Formats of the dashboard, as the annotations package's numbers are shown.

func percentText(v *float64) string {
	if v == nil {
		return "—"
	}
	return fmt.Sprintf("%.0f%%", 100**v)
}

func decimalText(v *float64) string {
	if v == nil {
		return "—"
	}
	return fmt.Sprintf("%.2f", *v)
}

func fleissText(r *annotations.ClassReport) string {
	if r.FleissKappa == nil {
		return "Fleiss' kappa: " + r.FleissNote
	}
	return fmt.Sprintf("Fleiss' kappa: %.3f. %s", *r.FleissKappa, r.FleissReading)
}

func alphaText(r *annotations.ClassReport) string {
	if r.KrippendorffAlpha == nil {
		return "Krippendorff's alpha: " + r.AlphaNote
	}
	return fmt.Sprintf("Krippendorff's alpha: %.3f. %s", *r.KrippendorffAlpha, r.AlphaReading)
}

// expectedDashboard is what the dashboard should show for r after reading
// files files (problems and duplicates sorted: the browser reads the files
// in parallel, so their order is not fixed).
func expectedDashboard(r *annotations.ClassReport, files int) dashboard {
	d := dashboard{
		Title:        "Assignment: " + r.Assignment.Title,
		Progress:     fmt.Sprintf("Read %d of %d files; %d students loaded.", files, files, len(r.Students)),
		Problems:     []string{},
		Duplicates:   []string{},
		Students:     []studentRow{},
		RowNames:     []string{},
		Fleiss:       fleissText(r),
		Alpha:        alphaText(r),
		Disagreement: []string{},
	}
	for _, p := range r.Problems {
		d.Problems = append(d.Problems, p.Error())
	}
	for _, dup := range r.Duplicates {
		d.Duplicates = append(d.Duplicates, fmt.Sprintf("%s handed in %s and %s: %s is kept.", dup.Student, dup.Kept, dup.Dropped, dup.Kept))
	}
	slices.Sort(d.Problems)
	slices.Sort(d.Duplicates)
	for _, s := range r.Students {
		d.Students = append(d.Students, studentRow{s.Name, fmt.Sprint(s.Tagged), percentText(s.Accuracy), decimalText(s.Kappa), fmt.Sprint(s.Notes)})
		d.RowNames = append(d.RowNames, s.Name)
	}
	var chart []string
	for _, l := range r.Labels {
		chart = append(chart, fmt.Sprintf("%s %d", l.Label.Name, l.Sentences))
	}
	chart = append(chart, fmt.Sprintf("untagged %d", r.Untagged))
	d.Chart = "Labels across the class: " + strings.Join(chart, ", ")
	dis := r.ByDisagreement()
	if len(dis) > 10 {
		dis = dis[:10]
	}
	for _, row := range dis {
		d.Disagreement = append(d.Disagreement, row.ID)
	}
	for _, row := range r.Sentences {
		var parts []string
		for _, l := range r.Assignment.Scheme.Labels {
			if n := row.Counts[l.ID]; n > 0 {
				parts = append(parts, fmt.Sprintf("%s %d", l.Name, n))
			}
		}
		if row.Untagged > 0 {
			parts = append(parts, fmt.Sprintf("untagged %d", row.Untagged))
		}
		dist := "no submissions"
		if len(parts) > 0 {
			dist = strings.Join(parts, ", ")
		}
		key := ""
		if l, ok := r.Assignment.Scheme.Label(row.Key); ok {
			key = "key: " + l.Name
		}
		d.Sentences = append(d.Sentences, dashSentence{SID: row.ID, Dist: dist, Key: key})
	}
	return d
}

// diffDashboard lists the differences between the shown and the expected
// dashboard ("" when equal); problems and duplicates compare as sets.
func diffDashboard(got, want dashboard) string {
	slices.Sort(got.Problems)
	slices.Sort(got.Duplicates)
	var d []string
	cmp := func(what string, g, w any) {
		if gs, ws := fmt.Sprintf("%q", g), fmt.Sprintf("%q", w); gs != ws {
			d = append(d, fmt.Sprintf("%s:\n  got  %s\n  want %s", what, gs, ws))
		}
	}
	cmp("title", got.Title, want.Title)
	cmp("progress", got.Progress, want.Progress)
	cmp("problems", got.Problems, want.Problems)
	cmp("duplicates", got.Duplicates, want.Duplicates)
	cmp("row names", got.RowNames, want.RowNames)
	if len(got.Students) != len(want.Students) {
		cmp("students", got.Students, want.Students)
	} else {
		for i := range want.Students {
			cmp("student row "+want.Students[i].Name, got.Students[i], want.Students[i])
		}
	}
	cmp("Fleiss", got.Fleiss, want.Fleiss)
	cmp("alpha", got.Alpha, want.Alpha)
	cmp("label chart", got.Chart, want.Chart)
	cmp("disagreement list", got.Disagreement, want.Disagreement)
	if len(got.Sentences) != len(want.Sentences) {
		cmp("sentences", got.Sentences, want.Sentences)
	} else {
		for i := range want.Sentences {
			cmp("sentence "+want.Sentences[i].SID, got.Sentences[i], want.Sentences[i])
		}
	}
	return strings.Join(d, "\n")
}

// waitDashboard waits until the dashboard shows want.
func (p *Page) waitDashboard(what string, want dashboard) {
	p.t.Helper()
	p.Eventually(what, func() error {
		if d := diffDashboard(p.dashboard(), want); d != "" {
			return errors.New("\n" + d)
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
