package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"stancemark/annotations"
)

// Issue 17's classroom modes in a real browser: a graded assignment whose
// key never reaches the students, done by a student on a phone (390x844,
// touch) with the student's chrome, scored on the teacher's dashboard,
// with the grades CSV and the teacher file; and axe on the new views.

// keyNote is the note of the key's highlight on s5 (classKey).
const keyNote = "A Pentagon denial."

func TestGradedAssignmentKeyStaysWithTeacher(t *testing.T) {
	teacher := newClassProfile(t)
	teacher.Open()
	dir := teacher.AllowDownloads()
	teacher.grantClipboard()
	teacher.tagAll(classKey, numSentences)
	teacher.WaitSaved()
	teacher.openAssignmentDialog(assignmentForm{Title: classTitle, Instructions: classInstructions})
	if !Eval[bool](teacher, `document.querySelector('#as-mode-graded').checked`) {
		t.Errorf("graded is not the default mode")
	}
	for _, id := range []string{"as-mode-graded", "as-mode-practice"} {
		if label := teacher.Text(fmt.Sprintf("label[for=%q]", id)); len(label) < 80 {
			t.Errorf("the %s choice is not explained: %q", id, label)
		}
	}
	teacher.Click("#as-download")
	file := teacher.WaitFile(dir, classSlug+".assignment.json")
	link := teacher.makeLink()

	// The loopback address is called out, with how to host.
	if got, _ := teacher.Attr("#as-link-advice", "data-reachable"); got != "false" {
		t.Errorf("#as-link-advice data-reachable = %q for a link to %s", got, baseURL)
	}
	if where := teacher.Text("#as-link-where"); !strings.Contains(where, baseURL) || !strings.Contains(where, "Others cannot open it") {
		t.Errorf("#as-link-where = %q", where)
	}
	if host := teacher.Text("#as-link-host"); !strings.Contains(host, "stancemark build") || !strings.Contains(host, "stancemark serve -addr 0.0.0.0:") {
		t.Errorf("#as-link-host = %q", host)
	}
	// the bundled article makes a link of some 3,500 characters: past the
	// ~2,000 that mail and LMS tools keep
	if len(link) <= 2000 {
		t.Fatalf("the link is %d characters; this check needs a long one", len(link))
	}
	if long := teacher.Text("#as-link-long"); !strings.Contains(long, fmt.Sprint(len(link))) || !strings.Contains(long, "?src=") || !strings.Contains(long, "assignment file") {
		t.Errorf("a %d-character link, #as-link-long = %q", len(link), long)
	}
	teacher.closeAssignmentDialog()

	// Neither the file nor the link holds the key.
	a, err := annotations.ReadAssignment(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	fromLink, err := annotations.DecodeAssignmentLink(link[strings.Index(link, "#")+1:])
	if err != nil {
		t.Fatal(err)
	}
	linkJSON, _ := json.Marshal(fromLink)
	for what, data := range map[string][]byte{"the assignment file": file, "the link's assignment": linkJSON} {
		// "key" is also each label's hotkey: the answer key is a list
		if bytes.Contains(data, []byte(`"key": [`)) || bytes.Contains(data, []byte(`"key":[`)) || bytes.Contains(data, []byte(keyNote)) {
			t.Errorf("%s holds the key:\n%s", what, short(string(data)))
		}
	}
	if a.Options.Mode != annotations.ModeGraded || fromLink.ID != a.ID || a.HasKey() {
		t.Fatalf("file: mode %q, key %d; link id %q, file id %q", a.Options.Mode, len(a.Key), fromLink.ID, a.ID)
	}

	// A student on a phone: the student's chrome, the claim locked.
	st := newClassProfile(t)
	st.Do("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
	sdir := st.AllowDownloads()
	st.openAssignmentAs(link, "Ana Souza")
	for _, css := range []string{"#scheme", "#annotator", "#export-format", "#export", "#import", "#library-button", "#make-assignment", "#dashboard-button"} {
		if Eval[bool](st, fmt.Sprintf(`!!document.querySelector(%q)`, css)) {
			t.Errorf("the student's page has the researcher's %s", css)
		}
	}
	for _, css := range []string{"#student-name", "button#submit", "#student-help", "#palette", "#assignment-mode"} {
		if !Eval[bool](st, fmt.Sprintf(`(() => { const e = document.querySelector(%q); return !!e && e.getClientRects().length > 0; })()`, css)) {
			t.Errorf("the student does not see %s", css)
		}
	}
	if !Eval[bool](st, `document.querySelector('input#target').readOnly`) {
		t.Errorf("the student can edit the claim")
	}
	if mode := st.Text("#assignment-mode"); !strings.HasPrefix(mode, "Graded:") {
		t.Errorf("#assignment-mode = %q", mode)
	}
	if w := Eval[int](st, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("the student's page is %d px wide at 390 px", w)
	}
	for _, sid := range []string{"s1", "s5", "s12"} {
		st.tap(sentSel(sid))
		st.WaitSelected("a tap selects "+sid, sid)
		st.tap(`#palette button.label-btn[data-label-id="supports"]`)
	}
	st.WaitLabels("tagged by touch", map[string]string{"s1": "supports", "s5": "supports", "s12": "supports"})
	st.tap("button#submit")
	name := a.SubmissionFileName("Ana Souza")
	data := st.WaitFile(sdir, name)
	h := readHandin(t, "Ana's submission", data)
	if h.Attempt != 1 || h.FeedbackShown {
		t.Errorf("attempt %d, feedback shown %v; want 1, false", h.Attempt, h.FeedbackShown)
	}
	st.Never("no feedback for a graded assignment", 300*time.Millisecond, func() error {
		if !Eval[bool](st, `document.querySelector('#feedback').hidden`) {
			return fmt.Errorf("#feedback is shown")
		}
		if n := Eval[int](st, `document.querySelectorAll('[data-verdict]').length`); n > 0 {
			return fmt.Errorf("%d elements with a verdict", n)
		}
		return nil
	})
	if ls := Eval[string](st, `JSON.stringify(Object.assign({}, localStorage))`); strings.Contains(ls, keyNote) {
		t.Errorf("the student's browser holds the key")
	}

	// The teacher's dashboard scores it with the key kept in the browser.
	path := filepath.Join(t.TempDir(), name)
	os.WriteFile(path, data, 0o644)
	teacher.openDashboardFor(a.ID)
	teacher.addSubmissions([]string{path})
	full, ok := storedAssignment(teacher, a.ID)
	if !ok || !full.HasKey() {
		t.Fatalf("the teacher's browser has no key for %s", a.ID)
	}
	want := annotations.LoadSubmissions(full, []annotations.NamedFile{{Name: name, Data: data}})
	teacher.waitDashboard("the graded class", expectedDashboard(want, 1))
	if got := teacher.Text(`table#dash-students tr[data-student="Ana Souza"] td.dash-accuracy`); got != percentText(want.Students[0].Accuracy) || got == "—" {
		t.Errorf("Ana's accuracy %q, want %q", got, percentText(want.Students[0].Accuracy))
	}

	// Grades CSV: the package's bytes.
	var exp bytes.Buffer
	if err := annotations.WriteGradesCSV(&exp, want); err != nil {
		t.Fatal(err)
	}
	teacher.Click("#dash-grades-csv")
	if got := teacher.WaitDownload(dir, classSlug+"-grades.csv"); !bytes.Equal(got, exp.Bytes()) {
		t.Errorf("the grades CSV:\n%s\nwant:\n%s", got, exp.Bytes())
	}

	// The teacher file survives losing the browser: another profile opens it.
	teacher.Click("#dash-teacher-file")
	tf := teacher.WaitDownload(dir, classSlug+".class.json")
	c, err := annotations.ReadClass(bytes.NewReader(tf))
	if err != nil || !c.Assignment.HasKey() || c.Len() != 1 {
		t.Fatalf("the teacher file: %v (key %v)", err, c != nil && c.Assignment.HasKey())
	}
	other := newClassProfile(t)
	other.Open()
	tfPath := filepath.Join(t.TempDir(), "teacher.class.json")
	os.WriteFile(tfPath, tf, 0o644)
	other.Click("button#dashboard-button")
	other.WaitJS("the chooser", `document.querySelector('#dash-assignment-file')`)
	other.Do("open the teacher file", chromedp.SetUploadFiles(chromedp.CSS("input#dash-assignment-file"), []string{tfPath}))
	other.waitDashboard("the class from the teacher file in a new browser", expectedDashboard(want, 1))

	// Open the student's work next to the key.
	other.Click(`button.dash-open[data-student="Ana Souza"]`)
	other.WaitJS("Ana's work is shown", `document.querySelectorAll('#dash-work tbody tr[data-sid]').length > 0`)
	if got := Eval[string](other, `document.querySelector('#dash-work tr[data-sid="s12"] .dash-work-label').textContent`); got != "Supports" {
		t.Errorf("Ana's label on s12 in her work: %q", got)
	}

	// The teacher sends Ana her feedback as a link; it opens in her open
	// tab and shows the verdicts against the key.
	teacher.Click(`button.dash-open[data-student="Ana Souza"]`)
	teacher.WaitJS("Ana's work", `!!document.querySelector('#dash-feedback-link')`)
	teacher.Click("#dash-feedback-link")
	var fbLink string
	teacher.Eventually("the feedback link is shown", func() error {
		fbLink = teacher.Value("#dash-feedback-link-text")
		if !strings.Contains(fbLink, "#f=") {
			return fmt.Errorf("#dash-feedback-link-text = %q", short(fbLink))
		}
		return nil
	})
	fbf, err := annotations.DecodeFeedbackLink(fbLink[strings.Index(fbLink, "#")+1:])
	if err != nil {
		t.Fatal(err)
	}
	fb, _ := fbf.Feedback()
	st.Do("open the feedback link in the open tab", chromedp.Navigate(fbLink))
	st.checkFeedback("Ana's graded feedback", fb, full.Scheme, bundled(t))

	// Fixing her work after seeing the key does not change her score.
	st.tap(sentSel("s5"))
	st.WaitSelected("s5 selected", "s5")
	st.tap(`#palette button.label-btn[data-label-id="opposes"]`)
	st.WaitLabels("fixed after feedback", map[string]string{"s1": "supports", "s5": "opposes", "s12": "supports"})
	_ = os.Remove(filepath.Join(sdir, name))
	// the page may still be settling after the tag (the save status, the
	// panel): a tap that lands before it does hits nothing, so tap again
	// if no submission follows (a submission takes milliseconds)
	made := `(document.querySelector('#message') || {}).textContent.includes("Your work was saved as")`
	for try := 0; ; try++ {
		st.Settle()
		Eval[bool](st, `document.querySelector('button#submit').scrollIntoView({block: "center", behavior: "instant"}); true`)
		st.tap("button#submit")
		if st.poll(3*time.Second, func() bool { return Eval[bool](st, made) }) {
			break
		}
		if try == 2 {
			t.Fatalf("three taps on Submit made no submission; #message = %q", st.Text("#message"))
		}
		t.Logf("the tap on Submit made no submission; tapping again")
	}
	second := st.WaitFile(sdir, name)
	if h := readHandin(t, "Ana's second submission", second); h.Attempt != 2 || !h.FeedbackShown {
		t.Errorf("second submission: attempt %d, feedback shown %v; want 2, true", h.Attempt, h.FeedbackShown)
	}
	path2 := filepath.Join(t.TempDir(), "ana-again.stancemark.json")
	os.WriteFile(path2, second, 0o644)
	teacher.Click("#dash-work-close")
	teacher.addSubmissions([]string{path2})
	want2 := annotations.LoadSubmissions(full, []annotations.NamedFile{{Name: name, Data: data}, {Name: "ana-again.stancemark.json", Data: second}})
	teacher.waitDashboard("the resubmission after feedback", expectedDashboard(want2, 2))
	if got, _ := teacher.Attr(`table#dash-students tr[data-student="Ana Souza"]`, "data-after-feedback"); got != "true" {
		t.Errorf("Ana's row is not marked after feedback")
	}
	if want2.Students[0].File != name {
		t.Errorf("the package scores %s, want the first submission", want2.Students[0].File)
	}
}

// storedAssignment is the assignment id kept in p's localStorage.
func storedAssignment(p *Page, id string) (*annotations.Assignment, bool) {
	s := Eval[string](p, fmt.Sprintf(`localStorage.getItem(%q) || ""`, "stancemark/v1/assignment/"+id))
	if s == "" {
		return nil, false
	}
	a, err := annotations.ReadAssignment(strings.NewReader(s))
	return a, err == nil
}

// TestClassroomViewsAudit runs axe, light and dark, on the views issue 17
// added: the make-assignment dialog with its modes and link advice, a
// practice student's feedback with its legend, and the dashboard with a
// student's work open.
func TestClassroomViewsAudit(t *testing.T) {
	axe := axeSource(t)
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			teacher := newClassProfile(t)
			teacher.emulateMedia("", &emulation.MediaFeature{Name: "prefers-color-scheme", Value: scheme})
			teacher.Open()
			teacher.grantClipboard()
			teacher.tagAll(classKey, numSentences)
			teacher.openAssignmentDialog(assignmentForm{Title: classTitle, Instructions: classInstructions, Reveal: true})
			link := teacher.makeLink()
			teacher.audit(scheme+": make-assignment dialog with modes and link advice", axe)
			teacher.closeAssignmentDialog()
			a, err := annotations.DecodeAssignmentLink(link[strings.Index(link, "#")+1:])
			if err != nil {
				t.Fatal(err)
			}

			st := newClassProfile(t)
			st.emulateMedia("", &emulation.MediaFeature{Name: "prefers-color-scheme", Value: scheme})
			sdir := st.AllowDownloads()
			st.openAssignmentAs(link, "Bo")
			st.tagAll([]tagging{{1, 1, "opposes", ""}, {8, 8, "neutral", ""}}, numSentences)
			st.Click("button#submit")
			data := st.WaitFile(sdir, a.SubmissionFileName("Bo"))
			st.WaitJS("feedback shown", `!document.querySelector('#feedback').hidden && !!document.querySelector('#feedback-legend')`)
			st.audit(scheme+": practice feedback with its legend", axe)
			// a feedback entry jumps to its sentence
			st.Click(`#feedback-list li[data-sid="s5"] button.feedback-jump`)
			st.WaitSelected("the feedback entry selects its sentence", "s5")

			path := filepath.Join(t.TempDir(), "bo.json")
			os.WriteFile(path, data, 0o644)
			teacher.openDashboardFor(a.ID)
			teacher.addSubmissions([]string{path})
			teacher.WaitJS("Bo loaded", `!!document.querySelector('table#dash-students tr[data-student="Bo"]')`)
			teacher.Click(`button.dash-open[data-student="Bo"]`)
			teacher.WaitJS("Bo's work open", `!!document.querySelector('#dash-work tbody tr')`)
			if Eval[bool](teacher, `(() => { const t = document.querySelector('header.toolbar'); return !!t && t.getClientRects().length > 0; })()`) {
				t.Errorf("the annotating toolbar is shown over the dashboard")
			}
			teacher.audit(scheme+": dashboard with a student's work open", axe)
		})
	}
}
