package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"stancemark/annotations"
)

// adjXSS is a note with markup: it must show as text, never run.
const adjXSS = `<img src=x onerror="window.__adjXSS=1">Fishermen <b>object</b>`

// adjFiles writes a project of two articles judged against one claim
// (every task to ana, bob and cy, an overall stance per task) and the
// three annotators' submissions with disagreements planted, plus a later
// submission by dee, into a temp dir:
//
//	task 1  s1 agree agree agree (unanimous)   s2 agree disagree disagree (majority)
//	        s3 agree disagree - (tie)          overall agree disagree discuss (tie)
//	task 2  s1 disagree disagree discuss (majority)  s2 ana: discuss (single)
//	        overall disagree ×3 (unanimous)
//
// It returns the project and the files' paths by name ("project", "ana", …).
func adjFiles(t *testing.T) (*annotations.Project, map[string]string) {
	t.Helper()
	doc := func(src string) *annotations.Document { return plainDoc(t, src) }
	p, err := annotations.NewProject(annotations.ProjectInput{
		Title:  "Harbour study",
		Scheme: annotations.Presets()[1],
		Articles: []annotations.ArticleInput{
			{Key: "1", Document: doc("Harbour plan\n\nThe port approved the plan. Fishermen objected.\n\nThe vote was close.")},
			{Key: "2", Document: doc("Bridge repairs\n\nThe bridge closes in May. Drivers must detour.")},
		},
		Claims:     []string{"The harbour plan was approved."},
		Annotators: []string{"ana", "bob", "cy"},
		Overlap:    3,
		Options:    annotations.ProjectOptions{OverallStance: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	paths := map[string]string{}
	write := func(name string, data []byte) {
		path := filepath.Join(dir, name+".json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths[name] = path
	}
	var buf bytes.Buffer
	if err := annotations.WriteProject(&buf, p); err != nil {
		t.Fatal(err)
	}
	write("project", bytes.Clone(buf.Bytes()))
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	hl := func(id, label, sid, note string) annotations.Annotation {
		return annotations.Annotation{ID: id, SentenceIDs: []string{sid}, Label: label, Note: note, Created: at, Modified: at}
	}
	t1, t2 := p.Tasks[0].ID, p.Tasks[1].ID
	work := map[string][]annotations.TaskWork{
		"ana": {
			{Task: t1, Annotations: []annotations.Annotation{hl("a1", "agree", "s1", ""), hl("a2", "agree", "s2", adjXSS), hl("a3", "agree", "s3", "")}, Overall: "agree", Done: true},
			{Task: t2, Annotations: []annotations.Annotation{hl("a4", "disagree", "s1", ""), hl("a5", "discuss", "s2", "")}, Overall: "disagree", Done: true},
		},
		"bob": {
			{Task: t1, Annotations: []annotations.Annotation{hl("b1", "agree", "s1", ""), hl("b2", "disagree", "s2", "They objected loudly."), hl("b3", "disagree", "s3", "")}, Overall: "disagree", Done: true},
			{Task: t2, Annotations: []annotations.Annotation{hl("b4", "disagree", "s1", "")}, Overall: "disagree", Done: true},
		},
		"cy": {
			{Task: t1, Annotations: []annotations.Annotation{hl("c1", "agree", "s1", ""), hl("c2", "disagree", "s2", "")}, Overall: "discuss", Done: true},
			{Task: t2, Annotations: []annotations.Annotation{hl("c4", "discuss", "s1", "")}, Overall: "disagree", Done: true},
		},
		"dee": {
			{Task: t1, Annotations: []annotations.Annotation{hl("d1", "agree", "s1", ""), hl("d3", "agree", "s3", "")}, Overall: "agree", Done: true},
		},
	}
	for who, tasks := range work {
		buf.Reset()
		if err := annotations.WriteSubmission(&buf, p.NewSubmission(who, tasks, at)); err != nil {
			t.Fatal(err)
		}
		write(who, bytes.Clone(buf.Bytes()))
	}
	return p, paths
}

// plainDoc is the document of a plain text (its first line the title).
func plainDoc(t testing.TB, src string) *annotations.Document {
	t.Helper()
	d, err := annotations.ParsePlainText(src)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// cliGold runs the binary's gold on the files with the gold file given as
// -adjudication and returns the gold file it writes.
func cliGold(t *testing.T, adjudication string, files ...string) []byte {
	t.Helper()
	args := append([]string{"gold", "-adjudication", adjudication}, files...)
	cmd := exec.Command(stancemarkBin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("stancemark %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.Bytes()
}

// adjUnit is the CSS of the row of sentence sid ("overall" for the task's
// overall stance) in the task on screen.
func adjUnit(sid string) string { return fmt.Sprintf(`#adjudicate li.adj-unit[data-sid=%q]`, sid) }

// waitUnit waits until the row of sid has the attribute values given
// (data-source, data-label, data-stale…).
func (p *Page) waitUnit(what, sid string, attrs map[string]string) {
	p.t.Helper()
	p.Eventually(what, func() error {
		for name, want := range attrs {
			got, ok := p.Attr(adjUnit(sid), name)
			if !ok || got != want {
				return fmt.Errorf("%s %s=%q (present %t), want %q", sid, name, got, ok, want)
			}
		}
		return nil
	})
}

// waitCurrent waits until the cursor is on the row of sid.
func (p *Page) waitCurrent(sid string) {
	p.t.Helper()
	p.waitUnit("the cursor on "+sid, sid, map[string]string{"aria-current": "true"})
}

// unitOrder is the data-sid of the rows of a list, in order.
func (p *Page) unitOrder(list string) string {
	p.t.Helper()
	return Eval[string](p, fmt.Sprintf(`[...document.querySelectorAll('%s > li.adj-unit')].map(li => li.dataset.sid).join(" ")`, list))
}

// openAdjudicate opens the Adjudicate view from Documents and loads files.
func (p *Page) openAdjudicate(paths ...string) {
	p.t.Helper()
	p.openLibrary()
	p.Click("#adjudicate-open")
	p.WaitJS("the Adjudicate view is shown", `document.querySelector('main#adjudicate input#adj-files')`)
	p.Do(fmt.Sprintf("open %d files", len(paths)), chromedp.SetUploadFiles(chromedp.CSS("input#adj-files"), paths))
}

// waitAnnotators waits until n annotators' work is loaded.
func (p *Page) waitAnnotators(n int) {
	p.t.Helper()
	p.WaitJS(fmt.Sprintf("%d annotators loaded", n), fmt.Sprintf(`document.querySelectorAll('#adj-annotators li').length === %d`, n))
}

// nameAdjudicator types the adjudicator's name and leaves the field with
// Tab (the change commits), then waits until it is kept.
func (p *Page) nameAdjudicator(name string) {
	p.t.Helper()
	p.TypeInto("#adj-name", name)
	p.Key(KeyTab)
	p.WaitJS("the adjudicator's name is kept", fmt.Sprintf(`document.querySelector('#adj-save').dataset.state === 'saved' && document.querySelector('#adj-name').value === %q`, name))
}

// expectedAC1 is the view's AC1 line for the submissions, from annotations.
func expectedAC1(t *testing.T, proj *annotations.Project, paths ...string) string {
	t.Helper()
	rep := projectReport(t, proj, paths...)
	if rep.GwetAC1 == nil {
		t.Fatalf("no AC1: %+v", rep)
	}
	return fmt.Sprintf("Gwet's AC1: %.3f", *rep.GwetAC1)
}

// expectedPerLabel is the view's agreement cell for a label, from annotations.
func expectedPerLabel(t *testing.T, proj *annotations.Project, label string, paths ...string) string {
	t.Helper()
	for _, l := range projectReport(t, proj, paths...).PerLabel {
		if l.Label == label && l.Agreement != nil {
			return fmt.Sprintf("%.0f%%", 100**l.Agreement)
		}
	}
	t.Fatalf("no agreement on %s", label)
	return ""
}

// projectReport is agree's report on the project's submissions.
func projectReport(t *testing.T, proj *annotations.Project, paths ...string) *annotations.AgreementReport {
	t.Helper()
	var subs []*annotations.ProjectSubmission
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		s, err := annotations.ReadSubmission(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		subs = append(subs, s)
	}
	r, err := annotations.ReliabilityFromSubmissions(proj, subs, "", "")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := r.Report(annotations.Nominal)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestAdjudicateInTheBrowser loads three annotators' submissions, decides
// with the mouse and the keys, reloads, downloads the gold file and checks
// it against the CLI's gold on the same files; then a later submission
// leaves every decision in place, the changed one marked stale. axe runs
// on the view, light and dark, and it fits a phone.
func TestAdjudicateInTheBrowser(t *testing.T) {
	proj, paths := adjFiles(t)
	p := newPage(t)
	downloads := p.AllowDownloads()
	p.openAdjudicate(paths["ana"], paths["bob"], paths["cy"], paths["project"])
	p.waitAnnotators(3)
	p.Eventually("task 1: its disagreements first, the unanimous s1 collapsed", func() error {
		if got := p.unitOrder("#adj-units"); got != "s2 s3 overall" {
			return fmt.Errorf("disagreements %q", got)
		}
		if got := p.unitOrder("#adj-agreed-units"); got != "s1" {
			return fmt.Errorf("agreed %q", got)
		}
		return nil
	})
	if Eval[bool](p, `document.querySelector('#adj-agreed').open`) {
		t.Error("the agreed units are not collapsed")
	}
	p.waitUnit("s2: a majority", "s2", map[string]string{"data-source": "majority", "data-label": "disagree", "data-tie": "false"})
	p.waitUnit("s3: a tie, flagged", "s3", map[string]string{"data-source": "unresolved", "data-tie": "true"})
	p.waitUnit("the overall stance: a three-way tie", "overall", map[string]string{"data-tie": "true"})
	if got := p.Text(adjUnit("s2") + ` tr[data-annotator="ana"] .adj-cast-note`); got != adjXSS {
		t.Errorf("ana's note on s2 shows %q, want it as typed", got)
	}
	if got := p.Text(adjUnit("s2") + ` tr[data-annotator="bob"] .adj-cast-label`); got != "Disagree" {
		t.Errorf("bob's label on s2 shows %q", got)
	}
	if Eval[bool](p, `!!document.querySelector('#adjudicate img') || window.__adjXSS === 1`) {
		t.Fatal("a note was rendered as HTML")
	}
	if got, want := p.Text("#adj-ac1"), expectedAC1(t, proj, paths["ana"], paths["bob"], paths["cy"]); got != want {
		t.Errorf("AC1 line %q, want %q", got, want)
	}
	if got, want := p.Text(`#adj-tables-per-label tr[data-label="disagree"] td:last-child`), expectedPerLabel(t, proj, "disagree", paths["ana"], paths["bob"], paths["cy"]); got != want {
		t.Errorf("agreement on Disagree %q, want %q", got, want)
	}
	if got := p.Text(`#adj-tables-confusion tr[data-label="agree"] td:nth-of-type(2)`); got != "2" {
		t.Errorf("agree–disagree coincidences %q, want 2 (s2 and s3 of task 1, one pair each way)", got)
	}
	if got := p.Text("#adj-reading"); !strings.HasPrefix(got, "Which to read: ") {
		t.Errorf("no sentence on which to read: %q", got)
	}

	p.nameAdjudicator("Dana")
	// The mouse: the cursor starts on s2; Accept majority; a click on s3's row, then its Disagree button.
	p.waitCurrent("s2")
	p.Settle()
	p.Click("#adj-accept")
	p.waitUnit("s2 accepted", "s2", map[string]string{"data-source": "adjudicated", "data-label": "disagree"})
	p.Settle()
	p.Click(adjUnit("s3") + " .adj-text")
	p.waitCurrent("s3")
	p.Settle()
	p.Click(adjUnit("s3") + ` .adj-label[data-label-id="disagree"]`)
	p.waitUnit("s3 decided", "s3", map[string]string{"data-source": "adjudicated", "data-label": "disagree"})
	// The keys: r, a reason, Ctrl+Enter; j to the overall stance; a refuses the tie; 3 decides it.
	p.Click("#adj-task")
	p.Key("r")
	p.WaitJS("r focuses the reason", `document.activeElement && document.activeElement.id === 'adj-reason'`)
	p.Do("type the reason", chromedp.Evaluate[chromedp.Void](`document.querySelector('#adj-reason').select()`))
	p.Key("The vote was close: Bob reads it as a defeat.")
	p.Key(KeyEnter, chromedp.ModifierCtrl)
	p.Eventually("s3's reason is saved", func() error {
		if got := p.Text(adjUnit("s3") + " .adj-gold"); !strings.Contains(got, "adjudicated by Dana: The vote was close: Bob reads it as a defeat.") {
			return fmt.Errorf("s3 says %q", got)
		}
		return nil
	})
	p.Key("j")
	p.waitCurrent("overall")
	p.Key("a")
	p.WaitJS("no majority to accept", `document.querySelector('#message-text') && document.querySelector('#message-text').textContent.includes('No majority to accept')`)
	p.Key("3")
	p.waitUnit("the overall stance decided", "overall", map[string]string{"data-source": "adjudicated", "data-label": "discuss"})
	p.Key("]")
	p.WaitJS("task 2", `document.querySelector('#adj-task').textContent.startsWith('Task 2 of 2: Bridge repairs')`)
	p.waitCurrent("s1")
	p.Key("1")
	p.waitUnit("task 2 s1 overridden", "s1", map[string]string{"data-source": "adjudicated", "data-label": "agree"})

	p.Do("reload", chromedp.Reload())
	p.WaitJS("the reload comes back to the Adjudicate view", `document.querySelector('main#adjudicate #adj-counts')`)
	p.Eventually("every decision is back", func() error {
		if got := p.Text("#adj-counts"); !strings.Contains(got, "4 adjudicated") {
			return fmt.Errorf("counts %q", got)
		}
		return nil
	})
	p.waitUnit("s3 after the reload", "s3", map[string]string{"data-source": "adjudicated", "data-label": "disagree"})

	p.Settle()
	p.Click("#adj-export")
	gold := p.WaitFile(downloads, "harbour-study.gold.json")
	want := cliGold(t, filepath.Join(downloads, "harbour-study.gold.json"), paths["project"], paths["ana"], paths["bob"], paths["cy"])
	if !bytes.Equal(gold, want) {
		t.Fatalf("the browser's gold file differs from stancemark gold -adjudication on it:\n%s\nfirst difference: %s", gold, firstDiff(gold, want))
	}
	g, err := annotations.ReadGold(bytes.NewReader(gold))
	if err != nil {
		t.Fatal(err)
	}
	if n := g.Counts()[annotations.SourceAdjudicated]; n != 4 || len(g.Pending()) != 0 {
		t.Errorf("%d adjudicated, %d pending, want 4 and 0", n, len(g.Pending()))
	}

	// dee's submission arrives later: the decisions stay; s3's is stale.
	p.Do("open dee's submission", chromedp.SetUploadFiles(chromedp.CSS("input#adj-files"), []string{paths["dee"]}))
	p.waitAnnotators(4)
	p.Settle()
	if !strings.HasPrefix(p.Text("#adj-task"), "Task 1 of 2") {
		p.Key("[")
	}
	p.waitUnit("s3 kept, stale", "s3", map[string]string{"data-source": "adjudicated", "data-label": "disagree", "data-stale": "true"})
	p.waitUnit("s2 kept, not stale", "s2", map[string]string{"data-source": "adjudicated", "data-stale": "false"})
	os.Remove(filepath.Join(downloads, "harbour-study.gold.json"))
	p.Click("#adj-export")
	gold = p.WaitFile(downloads, "harbour-study.gold.json")
	want = cliGold(t, filepath.Join(downloads, "harbour-study.gold.json"), paths["project"], paths["ana"], paths["bob"], paths["cy"], paths["dee"])
	if !bytes.Equal(gold, want) {
		t.Fatalf("with dee the gold file differs from the CLI's: %s", firstDiff(gold, want))
	}

	p.Click("#adj-agreed summary")
	p.WaitJS("the agreed units open", `document.querySelector('#adj-agreed').open`)
	p.audit("Adjudicate view", axeSource(t))
	p.emulateMedia("screen", &emulation.MediaFeature{Name: "prefers-color-scheme", Value: "dark"})
	p.audit("Adjudicate view, dark", axeSource(t))
	p.emulateMedia("screen")

	p.Do("phone viewport", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
	p.Settle()
	if w := Eval[[]int](p, `[document.documentElement.scrollWidth, window.innerWidth]`); w[0] > w[1] {
		t.Errorf("at 390 px the view is %d px wide: it scrolls sideways", w[0])
	}
	if !p.inViewport("#adj-current .adj-label") {
		p.Do("scroll to the current unit", chromedp.ScrollIntoView("#adj-current .adj-label"))
	}
	if !p.inViewport("#adj-current .adj-label") {
		t.Error("at 390 px the current unit's label buttons cannot be seen")
	}
}

// TestAdjudicateKeyboardOnly adjudicates with the keyboard alone: Tab to
// Documents and Adjudicate…, the adjudicator's name, then only the view's
// keys; e downloads the gold file, which is the CLI's.
func TestAdjudicateKeyboardOnly(t *testing.T) {
	_, paths := adjFiles(t)
	p := newPage(t)
	downloads := p.AllowDownloads()
	tabTo := func(what string, ok string) {
		t.Helper()
		for i := 0; i < 60; i++ {
			if Eval[bool](p, ok) {
				return
			}
			p.Key(KeyTab)
		}
		t.Fatalf("Tab never reached %s (focus on %s)", what, p.ActiveElement())
	}
	tabTo("Documents", `document.activeElement.id === 'library-button'`)
	p.Key(KeyEnter)
	p.WaitJS("Documents is open", `document.querySelector('dialog#library').open`)
	tabTo("Adjudicate…", `document.activeElement.id === 'adjudicate-open'`)
	p.Key(KeyEnter)
	p.WaitJS("the Adjudicate view is shown", `document.querySelector('main#adjudicate input#adj-files')`)
	// Choosing files is the browser's own dialog; the test hands them to the input.
	p.Do("open the files", chromedp.SetUploadFiles(chromedp.CSS("input#adj-files"), []string{paths["project"], paths["ana"], paths["bob"], paths["cy"]}))
	p.waitAnnotators(3)
	tabTo("the adjudicator's name", `document.activeElement.id === 'adj-name'`)
	p.Do("select the name", chromedp.Evaluate[chromedp.Void](`document.querySelector('#adj-name').select()`))
	p.Key("Kim")
	tabTo("out of the fields", `!['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement.tagName)`)
	p.WaitJS("the name is kept", `document.querySelector('#adj-name').value === 'Kim' && document.querySelector('#adj-save').dataset.state === 'saved'`)

	p.waitCurrent("s2")
	p.Key("a")
	p.waitUnit("a accepts s2's majority", "s2", map[string]string{"data-source": "adjudicated", "data-label": "disagree"})
	p.Key("j")
	p.waitCurrent("s3")
	if got := p.ActiveElement(); got != "li#adj-current" {
		t.Errorf("j leaves the focus on %s, not on the unit", got)
	}
	p.Key("1")
	p.waitUnit("1 decides the tie", "s3", map[string]string{"data-source": "adjudicated", "data-label": "agree"})
	p.Key("r")
	p.WaitJS("r focuses the reason", `document.activeElement.id === 'adj-reason'`)
	p.Do("select the reason", chromedp.Evaluate[chromedp.Void](`document.querySelector('#adj-reason').select()`))
	p.Key("Ana and the port agree.")
	p.Key(KeyEscape)
	p.WaitJS("Esc leaves the reason for the unit", `document.activeElement.id === 'adj-current'`)
	p.Eventually("the reason is saved", func() error {
		if got := p.Text(adjUnit("s3") + " .adj-gold"); !strings.Contains(got, "adjudicated by Kim: Ana and the port agree.") {
			return fmt.Errorf("s3 says %q", got)
		}
		return nil
	})
	p.Key("0")
	p.waitUnit("0 withdraws", "s3", map[string]string{"data-source": "unresolved"})
	p.Key("2")
	p.waitUnit("2 decides again", "s3", map[string]string{"data-source": "adjudicated", "data-label": "disagree"})
	p.Key("j")
	p.waitCurrent("overall")
	p.Key("j") // past task 1's disagreements: on to task 2's
	p.WaitJS("task 2", `document.querySelector('#adj-task').textContent.startsWith('Task 2 of 2')`)
	p.waitCurrent("s1")
	p.Key("k")
	p.waitCurrent("overall")
	p.Key("3")
	p.waitUnit("the overall stance", "overall", map[string]string{"data-source": "adjudicated", "data-label": "discuss"})
	p.Key("e")
	gold := p.WaitFile(downloads, "harbour-study.gold.json")
	want := cliGold(t, filepath.Join(downloads, "harbour-study.gold.json"), paths["project"], paths["ana"], paths["bob"], paths["cy"])
	if !bytes.Equal(gold, want) {
		t.Fatalf("the gold file differs from the CLI's: %s", firstDiff(gold, want))
	}
	g, err := annotations.ReadGold(bytes.NewReader(gold))
	if err != nil {
		t.Fatal(err)
	}
	var decided []string
	for _, e := range g.Entries {
		if e.Source == annotations.SourceAdjudicated {
			unit := e.Sentence
			if e.Task != "" {
				unit = "overall"
			}
			decided = append(decided, unit+"="+e.Label+" by "+e.Adjudicator)
		}
	}
	if got := strings.Join(decided, ", "); got != "s2=disagree by Kim, s3=disagree by Kim, overall=discuss by Kim" {
		t.Errorf("decided %s", got)
	}
}

// TestAdjudicateTwoTabs decides in two tabs of one browser: each tab ends
// with both decisions, and so does what is kept.
func TestAdjudicateTwoTabs(t *testing.T) {
	_, paths := adjFiles(t)
	a := newPage(t)
	a.openAdjudicate(paths["project"], paths["ana"], paths["bob"], paths["cy"])
	a.waitAnnotators(3)
	a.nameAdjudicator("Dana")
	b := a.relNewTab()
	b.Do("open the app in a second tab", chromedp.Navigate(baseURL))
	b.WaitJS("the second tab opens on the adjudication", `document.querySelector('main#adjudicate #adj-units li.adj-unit')`)

	a.Click("#adj-task")
	a.waitCurrent("s2")
	a.Key("a")
	a.waitUnit("tab one decides s2", "s2", map[string]string{"data-source": "adjudicated", "data-label": "disagree"})
	b.Click("#adj-task")
	b.Key("j")
	b.waitCurrent("s3")
	b.Key("1")
	b.waitUnit("tab two decides s3", "s3", map[string]string{"data-source": "adjudicated", "data-label": "agree"})
	for name, p := range map[string]*Page{"one": a, "two": b} {
		p.waitUnit("tab "+name+" has s2's decision", "s2", map[string]string{"data-source": "adjudicated", "data-label": "disagree"})
		p.waitUnit("tab "+name+" has s3's decision", "s3", map[string]string{"data-source": "adjudicated", "data-label": "agree"})
	}
	a.Eventually("both decisions are kept", func() error {
		for k, v := range a.Storage() {
			if strings.HasPrefix(k, "stancemark/v1/adjudication/") {
				if n := strings.Count(v, `"label":"disagree"`) + strings.Count(v, `"label":"agree"`); n != 2 {
					return fmt.Errorf("%d decisions kept in %s", n, k)
				}
				return nil
			}
		}
		return fmt.Errorf("no adjudication kept")
	})
}

// TestAdjudicateStorageFull decides with the browser's storage full: the
// decision is shown, the view says it is not saved and how to keep it,
// the gold file still downloads with it, and what was kept is unchanged.
func TestAdjudicateStorageFull(t *testing.T) {
	_, paths := adjFiles(t)
	p := newPage(t)
	downloads := p.AllowDownloads()
	p.openAdjudicate(paths["project"], paths["ana"], paths["bob"], paths["cy"])
	p.waitAnnotators(3)
	p.nameAdjudicator("Dana")
	kept := func() string {
		for k, v := range p.Storage() {
			if strings.HasPrefix(k, "stancemark/v1/adjudication/") {
				return v
			}
		}
		return ""
	}
	before := kept()
	// Halve the size of what is put in until not one character more fits.
	if got := Eval[string](p, `(() => { let s = 1 << 20, n = 0, why = "";
		for (; s >= 1; ) { try { localStorage.setItem("adj-filler/" + n++, "y".repeat(s)); } catch (e) { why = e.name; s >>= 1; } }
		return why; })()`); got != "QuotaExceededError" {
		t.Fatalf("filling the storage ended with %q", got)
	}
	p.Click("#adj-task")
	p.Key("j")
	p.waitCurrent("s3")
	p.Key("2")
	p.waitUnit("the decision is shown", "s3", map[string]string{"data-source": "adjudicated", "data-label": "disagree"})
	p.Eventually("the view says the storage is full", func() error {
		state, _ := p.Attr("#adj-save", "data-state")
		if text := p.Text("#adj-save"); state != "error" || !strings.Contains(text, "storage is full") || !strings.Contains(text, "download the gold file") {
			return fmt.Errorf("#adj-save %s %q", state, text)
		}
		return nil
	})
	p.Key("e")
	gold := p.WaitFile(downloads, "harbour-study.gold.json")
	g, err := annotations.ReadGold(bytes.NewReader(gold))
	if err != nil {
		t.Fatal(err)
	}
	if n := g.Counts()[annotations.SourceAdjudicated]; n != 1 {
		t.Errorf("the gold file has %d decisions, want the one made with the storage full", n)
	}
	if kept() != before {
		t.Error("what was kept before the storage filled changed")
	}
}

// TestAdjudicateScreenshot is docs/adjudicate.png (make screenshots): the
// view on task 1 with one decision made and the tie under the cursor.
func TestAdjudicateScreenshot(t *testing.T) {
	_, paths := adjFiles(t)
	p := newProfile(t)
	p.Do("window", chromedp.EmulateViewport(1280, 900))
	p.Open()
	p.openAdjudicate(paths["project"], paths["ana"], paths["bob"], paths["cy"])
	p.waitAnnotators(3)
	p.nameAdjudicator("Dana")
	p.waitCurrent("s2")
	p.Settle()
	p.Click("#adj-task")
	p.WaitJS("no field has the focus", `!document.activeElement || !document.activeElement.matches('input, textarea, select')`)
	p.Key("a")
	p.waitUnit("s2 decided", "s2", map[string]string{"data-source": "adjudicated"})
	p.Key("j")
	p.waitCurrent("s3")
	Eval[bool](p, `scrollTo(0,0);true`)
	p.shoot("adjudicate.png")
}
