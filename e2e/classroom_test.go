package e2e

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"stancemark/annotations"
)

// The classroom, end to end (issue 4): a teacher makes an assignment with
// an answer key; three students in their own browser profiles open the
// link, annotate and submit; the teacher's dashboard loads their files plus
// 25 generated ones and shows the annotations package's numbers; the CSVs
// are the package's, byte for byte.

const (
	classTitle        = "Iran and the U.S. in Iraq"
	classInstructions = "Tag each sentence that takes a stance toward the claim. Say why in a note."
	classSlug         = "iran-and-the-u-s-in-iraq" // the app's slug of classTitle
)

// classKey is the teacher's answer key on the bundled article.
var classKey = []tagging{
	{1, 3, "supports", ""},
	{5, 5, "opposes", "A Pentagon denial."},
	{8, 8, "neutral", ""},
	{12, 12, "supports", ""},
	{15, 15, "opposes", ""},
	{20, 20, "unrelated", ""},
}

// student is one student of the class and what they do.
type student struct {
	Name   string
	Runs   []tagging
	Resub  []tagging // tagged after a first submission, then submitted again
	Reload bool      // reloads the tab before submitting: name and work remembered
}

var classStudents = []student{
	{Name: "Alice Martin", Runs: []tagging{
		{1, 3, "supports", ""}, {5, 5, "opposes", "Quoted denial, so it opposes."}, {8, 8, "neutral", ""},
		{12, 12, "supports", ""}, {15, 15, "supports", ""}, {20, 20, "unrelated", ""}, {22, 22, "neutral", ""},
	}},
	{Name: "Bruno Silva", Reload: true, Runs: []tagging{
		{1, 1, "supports", ""}, {2, 2, "opposes", ""}, {5, 5, "opposes", ""}, {9, 9, "neutral", "Just background."},
		{12, 12, "opposes", ""}, {20, 20, "unrelated", ""},
	}},
	{Name: "Chen Wei", Runs: []tagging{
		{1, 3, "supports", ""}, {5, 5, "neutral", ""}, {8, 8, "neutral", ""}, {15, 15, "opposes", ""},
	}, Resub: []tagging{
		{20, 20, "unrelated", ""}, {12, 12, "supports", "Second look."},
	}},
}

// teacherAssignment has the teacher (a fresh profile on the bundled
// article) tag the key and make an assignment with it: it returns the
// assignment of the link, the link, and the downloaded assignment file
// (path and assignment) when download is true.
func teacherAssignment(t *testing.T, teacher *Page, dir string, reveal, download bool) (*annotations.Assignment, string, string, *annotations.Assignment) {
	t.Helper()
	keyLabels := teacher.tagAll(classKey, numSentences)
	teacher.WaitSaved()

	teacher.openAssignmentDialog(assignmentForm{Title: classTitle, Instructions: classInstructions, Reveal: reveal})
	var filePath string
	var fileA *annotations.Assignment
	if download {
		name := classSlug + ".assignment.json"
		teacher.Click("#as-download")
		data := teacher.WaitFile(dir, name)
		var err error
		if fileA, err = annotations.ReadAssignment(bytes.NewReader(data)); err != nil {
			t.Fatalf("ReadAssignment rejects the downloaded %s: %v", name, err)
		}
		filePath = filepath.Join(dir, name)
	}
	link := teacher.makeLink()
	a, err := annotations.DecodeAssignmentLink(link[strings.Index(link, "#")+1:])
	if err != nil {
		t.Fatalf("DecodeAssignmentLink rejects the link (%d characters): %v", len(link), err)
	}
	if !strings.HasPrefix(link, baseURL+"#a=") {
		t.Errorf("link starts %q, want %q", short(link), baseURL+"#a=")
	}
	teacher.closeAssignmentDialog()

	// The assignment is the dialog's, with the teacher's highlights as key.
	checkAssignment := func(what string, a *annotations.Assignment) {
		t.Helper()
		doc := bundled(t)
		if a.Title != classTitle || a.Instructions != classInstructions || a.Practice() != reveal {
			t.Errorf("%s: title %q, instructions %q, practice %v; want %q, %q, %v", what, a.Title, a.Instructions, a.Practice(), classTitle, classInstructions, reveal)
		}
		if a.Document.ID != doc.ID || a.Document.Text != doc.Text || len(a.Document.Sentences) != numSentences {
			t.Errorf("%s: document %q (%d sentences), want the bundled article %q", what, a.Document.ID, len(a.Document.Sentences), doc.ID)
		}
		if a.Scheme.ID != "default" || a.Scheme.Target != bundledClaim {
			t.Errorf("%s: scheme %q, target %q", what, a.Scheme.ID, a.Scheme.Target)
		}
		if d := diffLabels(sentenceLabels(&annotations.Export{Annotations: a.Key}), keyLabels); d != "" {
			t.Errorf("%s: the key differs from the teacher's highlights: %s", what, d)
		}
		notes := 0
		for _, h := range a.Key {
			if h.Note == "A Pentagon denial." && strings.Join(h.SentenceIDs, ",") == "s5" {
				notes++
			}
		}
		if notes != 1 {
			t.Errorf("%s: the key's note on s5 is missing: %+v", what, a.Key)
		}
	}
	checkAssignment("the link's assignment", a)
	if fileA != nil {
		checkAssignment("the downloaded assignment", fileA)
		if fileA.ID != a.ID {
			t.Errorf("APP BUG: the downloaded assignment file and the copied link are two different assignments (ids %q and %q), "+
				"made from one dialog: the students' submissions from the link are refused by a dashboard opened on the file", fileA.ID, a.ID)
		}
	}
	return a, link, filePath, fileA
}

func TestClassroomEndToEnd(t *testing.T) {
	start := time.Now()
	teacher := newClassProfile(t)
	teacher.Open()
	teacherDir := teacher.AllowDownloads()
	teacher.grantClipboard()

	a, link, assignmentPath, _ := teacherAssignment(t, teacher, teacherDir, true, true)
	t.Logf("assignment %s: link of %d characters", a.ID, len(link))

	// "Copy a link" put the link on the clipboard.
	clip, err := chromedp.Run(teacher.Ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
	switch {
	case err != nil:
		t.Errorf("reading the clipboard: %v", err)
	case clip != link:
		t.Errorf("the clipboard holds %q, want the link %q", short(clip), short(link))
	}

	// Three students, each in a fresh profile.
	upload := t.TempDir()
	var files []annotations.NamedFile
	for _, st := range classStudents {
		p := newClassProfile(t)
		dir := p.AllowDownloads()
		p.openAssignmentAs(link, st.Name)
		if got, want := p.Text("#assignment-title"), "Assignment: "+classTitle; got != want {
			t.Errorf("%s sees the title %q, want %q", st.Name, got, want)
		}
		if got := p.Text("#assignment-instructions"); got != classInstructions {
			t.Errorf("%s sees the instructions %q, want %q", st.Name, got, classInstructions)
		}
		if n := Eval[int](p, `document.querySelectorAll('#make-assignment, #dashboard-button').length`); n != 0 {
			t.Errorf("%s sees the teacher's buttons (%d)", st.Name, n)
		}
		want := p.tagAll(st.Runs, numSentences)
		if st.Reload {
			p.WaitSaved()
			p.Reload()
			p.Never("no name dialog after a reload (the name is remembered)", 400*time.Millisecond, func() error {
				if Eval[bool](p, `document.querySelector('dialog#student-dialog').open`) {
					return errors.New("dialog#student-dialog is open again")
				}
				return nil
			})
			if got := p.Text("#student-name"); got != "Student: "+st.Name {
				t.Errorf("after a reload #student-name = %q", got)
			}
			p.waitLabelsN(st.Name+"'s work is restored after a reload", want, numSentences)
		}
		name := a.SubmissionFileName(st.Name)
		attempt := 0
		submit := func(what string, want map[string]string) []byte {
			t.Helper()
			_ = os.Remove(filepath.Join(dir, name))
			p.Click("button#submit")
			data := p.WaitFile(dir, name)
			h := readHandin(t, what, data)
			attempt++
			if h.Attempt != attempt || h.FeedbackShown != (attempt > 1) {
				t.Errorf("%s: attempt %d, feedback shown %v; want %d, %v", what, h.Attempt, h.FeedbackShown, attempt, attempt > 1)
			}
			sub := h.Work
			if sub.Assignment != a.ID || sub.Annotator.Name != st.Name || sub.Document.ID != a.Document.ID || sub.Scheme.ID != a.Scheme.ID {
				t.Errorf("%s: assignment %q, annotator %q, document %q, scheme %q; want %q, %q, %q, %q", what,
					sub.Assignment, sub.Annotator.Name, sub.Document.ID, sub.Scheme.ID, a.ID, st.Name, a.Document.ID, a.Scheme.ID)
			}
			if d := diffLabels(sentenceLabels(sub), want); d != "" {
				t.Errorf("%s: the submission's labels differ from what was tagged: %s", what, d)
			}
			if err := a.CheckSubmission(sub); err != nil {
				t.Errorf("%s: CheckSubmission: %v", what, err)
			}
			fb, err := a.Compare(sub)
			if err != nil {
				t.Fatalf("%s: Compare: %v", what, err)
			}
			p.checkFeedback(what, fb, a.Scheme, bundled(t))
			return data
		}
		data := submit(st.Name+"'s submission", want)
		if len(st.Resub) > 0 {
			// A second go after seeing the key (the gaming attempt of issue
			// 17): the first file is kept under another name, as a teacher
			// who got both would; the dashboard scores the first and marks
			// the second "after feedback".
			files = append(files, annotations.NamedFile{Name: "chen-wei-first-try.stancemark.json", Data: data})
			for _, r := range st.Resub {
				p.tagRun(r.From, r.To, r.Label)
				if r.Note != "" {
					p.writeNote(r.Note)
				}
				labelMap(want, r.Label, r.From, r.To)
			}
			p.waitLabelsN(st.Name+" tagged more", want, numSentences)
			time.Sleep(5 * time.Millisecond) // a later export time, to the millisecond
			data = submit(st.Name+"'s second submission", want)
		}
		files = append(files, annotations.NamedFile{Name: name, Data: data})
	}

	// Plus 25 generated submissions, one for another assignment and a
	// broken file.
	files = append(files, generatedFiles(t, a, 25, 20260302)...)
	other := *a
	other.ID = "anotherweek00001"
	other.Title = "Another week"
	files = append(files, generatedFiles(t, &other, 1, 7)...)
	files[len(files)-1].Name = "from-another-week.stancemark.json"
	files = append(files, annotations.NamedFile{Name: "broken.stancemark.json", Data: []byte(`{"format": "stancemark/v1", "document": {"id": `)})
	paths := writeFiles(t, upload, files)
	want := annotations.LoadSubmissions(a, files)
	if len(want.Students) != 28 || len(want.Problems) != 2 || len(want.Duplicates) != 1 {
		t.Fatalf("expected report: %d students, %d problems, %d duplicates; want 28, 2, 1", len(want.Students), len(want.Problems), len(want.Duplicates))
	}

	// The dashboard, on the assignment made in this browser, all files at once.
	teacher.openDashboardFor(a.ID)
	if got := teacher.Text("#dash-progress"); got != "0 students loaded." {
		t.Errorf("#dash-progress before any file = %q", got)
	}
	teacher.addSubmissions(paths)
	teacher.waitDashboard("the dashboard shows LoadSubmissions' report", expectedDashboard(want, len(files)))
	for _, st := range classStudents {
		if !strings.Contains(teacher.Text(fmt.Sprintf("table#dash-students tr[data-student=%q]", st.Name)), st.Name) {
			t.Errorf("no row for %s", st.Name)
		}
	}
	if n := Eval[int](teacher, `document.querySelectorAll('svg#dash-label-chart rect').length`); n != len(a.Scheme.Labels)+1 {
		t.Errorf("the label chart has %d bars, want %d", n, len(a.Scheme.Labels)+1)
	}
	t.Logf("dashboard: %s | %s", teacher.Text("#dash-fleiss"), teacher.Text("#dash-alpha"))

	// The CSVs are the package's, byte for byte.
	for _, c := range []struct {
		button, name string
		write        func(*bytes.Buffer, *annotations.ClassReport) error
	}{
		{"#dash-csv", classSlug + "-class.csv", func(b *bytes.Buffer, r *annotations.ClassReport) error { return annotations.WriteClassCSV(b, r) }},
		{"#dash-summary-csv", classSlug + "-class-summary.csv", func(b *bytes.Buffer, r *annotations.ClassReport) error {
			return annotations.WriteClassSummaryCSV(b, r)
		}},
	} {
		var exp bytes.Buffer
		if err := c.write(&exp, want); err != nil {
			t.Fatal(err)
		}
		teacher.Click(c.button)
		got := teacher.WaitDownload(teacherDir, c.name)
		if !bytes.Equal(got, exp.Bytes()) {
			t.Errorf("%s differs from the package's output:\n got: %s\nwant: %s", c.name, short(firstDiff(got, exp.Bytes())), short(firstDiff(exp.Bytes(), got)))
		}
	}

	// The gaming attempt ends with the first score and an "after feedback"
	// mark on Chen Wei's row.
	chen := want.Students[slices.IndexFunc(want.Students, func(r annotations.StudentRow) bool { return r.Name == "Chen Wei" })]
	if chen.File != "chen-wei-first-try.stancemark.json" || len(chen.AfterFeedback) != 1 {
		t.Fatalf("the package scores %s for Chen Wei (after feedback: %v); want the first try", chen.File, chen.AfterFeedback)
	}
	row := `table#dash-students tr[data-student="Chen Wei"]`
	if got := teacher.Text(row + " td.dash-accuracy"); got != percentText(chen.Accuracy) {
		t.Errorf("Chen Wei's accuracy = %q, want the first submission's %q", got, percentText(chen.Accuracy))
	}
	if mark := teacher.Text(row + " td.dash-marks"); !strings.Contains(mark, "after feedback: "+name0(a, "Chen Wei")+" not scored") {
		t.Errorf("Chen Wei's marks = %q, want the second file marked after feedback", mark)
	}
	if got, _ := teacher.Attr(row, "data-after-feedback"); got != "true" {
		t.Errorf("Chen Wei's row data-after-feedback = %q", got)
	}

	// Any student's work opens next to the key, with their notes.
	teacher.Click(`button.dash-open[data-student="Alice Martin"]`)
	teacher.WaitJS("Alice's work is open", `!!document.querySelector('#dash-work tr[data-sid="s5"]')`)
	if note := teacher.Text(`#dash-work tr[data-sid="s5"] .dash-work-note`); note != "Quoted denial, so it opposes." {
		t.Errorf("Alice's note on s5 in her work = %q", note)
	}
	if got := teacher.Text(`#dash-work tr[data-sid="s15"] .dash-work-label`); got != "Supports" {
		t.Errorf("Alice's label on s15 = %q, want Supports (the key says Opposes)", got)
	}
	teacher.Click("#dash-work-close")

	// A reload keeps the class: the dashboard comes back with every file.
	teacher.Do("reload the dashboard", chromedp.Reload())
	teacher.WaitJS("the dashboard is back after a reload", `document.querySelector('main#dashboard') && document.querySelector('input#dash-files')`)
	teacher.waitDashboard("the dashboard after a reload", expectedDashboard(want, len(files)))

	// The teacher can also open the dashboard from the downloaded
	// assignment file: the class kept for that assignment comes back.
	teacher.Click("#dash-change")
	teacher.WaitJS("the assignment chooser is back", `document.querySelector('#dash-assignment-file')`)
	teacher.Do("open the downloaded assignment", chromedp.SetUploadFiles(chromedp.CSS("input#dash-assignment-file"), []string{assignmentPath}))
	teacher.WaitJS("the dashboard has the file's assignment", `document.querySelector('input#dash-files')`)
	teacher.waitDashboard("the dashboard opened on the downloaded file has the class kept for it", expectedDashboard(want, len(files)))
	t.Logf("classroom end to end in %v", time.Since(start).Round(time.Millisecond))
}

// firstDiff returns a's text from a little before its first difference
// with b.
func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-40)
	return fmt.Sprintf("at byte %d: %q", i, a[from:min(len(a), i+80)])
}

// longArticle returns a plain-text article of at least words words in
// paragraphs of a few sentences, the same every time.
func longArticle(words int) string {
	vocab := strings.Fields(`the council harbour ministers river trade farmers report budget water
		road school plan city north south village market workers bridge schools families
		engineers officials season rain harvest prices train station museum library park
		doctors nurses clinic children teachers students press agency weather coast`)
	verbs := strings.Fields(`said argued reported denied agreed promised warned noted asked explained`)
	rng := rand.New(rand.NewPCG(2000, 42))
	var b strings.Builder
	n, sentences := 0, 0
	for n < words {
		if sentences > 0 && sentences%5 == 0 {
			b.WriteString("\n\n")
		} else if sentences > 0 {
			b.WriteString(" ")
		}
		k := 8 + rng.IntN(7)
		ws := make([]string, k)
		for i := range ws {
			ws[i] = vocab[rng.IntN(len(vocab))]
		}
		ws[2] = verbs[rng.IntN(len(verbs))]
		ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
		b.WriteString(strings.Join(ws, " ") + ".")
		n += k
		sentences++
	}
	return b.String()
}

// A link of a 2,000-word article works: pasted in Documents, made an
// assignment, opened in another profile with every sentence, and submitted.
func TestAssignmentLinkLongArticle(t *testing.T) {
	const title = "Council and harbour: a long report"
	text := longArticle(2000)
	doc, err := annotations.NewDocument(title, text)
	if err != nil {
		t.Fatal(err)
	}
	n := len(doc.Sentences)
	if w := len(strings.Fields(text)); w < 2000 || n < 150 {
		t.Fatalf("generated %d words, %d sentences", w, n)
	}

	teacher := newClassProfile(t)
	teacher.Open()
	teacher.Click("button#library-button")
	teacher.WaitJS("the documents dialog is open", `document.querySelector('dialog#library').open`)
	teacher.TypeInto("#paste-title", title)
	teacher.Click("#paste-text")
	teacher.pasteText(text)
	if got := teacher.Value("#paste-text"); got != text {
		t.Fatalf("the pasted text is %d characters, want %d", len(got), len(text))
	}
	teacher.Click("#paste-open")
	teacher.WaitJS("the documents dialog is closed", `!document.querySelector('dialog#library').open`)
	teacher.Eventually("the pasted article is open", func() error {
		got := Eval[int](teacher, `document.querySelectorAll('#sentences span.sentence[data-sid]').length`)
		if h := teacher.Text("h1#doc-title"); h != title || got != n {
			return fmt.Errorf("h1#doc-title %q with %d sentences, want %q with %d", h, got, title, n)
		}
		return nil
	})
	teacher.WaitReady()
	last := fmt.Sprintf("s%d", n)
	key := teacher.tagAll([]tagging{{1, 1, "supports", ""}, {n, n, "opposes", ""}}, n)

	teacher.openAssignmentDialog(assignmentForm{Title: title, Instructions: "Read it all."})
	link := teacher.makeLink()
	teacher.closeAssignmentDialog()
	a, err := annotations.DecodeAssignmentLink(link[strings.Index(link, "#")+1:])
	if err != nil {
		t.Fatalf("the link of %d characters does not decode: %v", len(link), err)
	}
	if a.Document.ID != doc.ID || a.Document.Text != doc.Text || len(a.Document.Sentences) != n {
		t.Fatalf("the link's document %q (%d sentences), want %q (%d)", a.Document.ID, len(a.Document.Sentences), doc.ID, n)
	}
	// graded (the default): the link has no key; the teacher's browser has it
	if a.HasKey() {
		t.Errorf("the graded assignment's link holds the key (%d highlights)", len(a.Key))
	}
	full, ok := storedAssignment(teacher, a.ID)
	if !ok {
		t.Fatalf("the teacher's browser does not keep assignment %s", a.ID)
	}
	if d := diffLabels(sentenceLabels(&annotations.Export{Annotations: full.Key}), key); d != "" {
		t.Errorf("the key kept in the teacher's browser: %s", d)
	}
	t.Logf("2,000-word article: %d sentences, link of %d characters", n, len(link))

	st := newClassProfile(t)
	dir := st.AllowDownloads()
	st.openAssignmentAs(link, "Dana Lee")
	type shown struct {
		N     int    `json:"n"`
		First string `json:"first"`
		Last  string `json:"last"`
		Title string `json:"title"`
	}
	got := Eval[shown](st, `(() => {
		const s = document.querySelectorAll('#sentences span.sentence[data-sid]');
		return {n: s.length, first: s[0].textContent.trim(), last: s[s.length-1].textContent.trim(),
			title: document.querySelector('#assignment-title').textContent.trim()};
	})()`)
	wantShown := shown{N: n, First: strings.TrimSpace(quote(doc, 1, 1)), Last: strings.TrimSpace(quote(doc, n, n)), Title: "Assignment: " + title}
	if got != wantShown {
		t.Errorf("the student sees %+v, want %+v", got, wantShown)
	}
	want := st.tagAll([]tagging{{n - 1, n, "opposes", ""}}, n)
	st.Click("button#submit")
	data := st.WaitFile(dir, a.SubmissionFileName("Dana Lee"))
	sub := readHandin(t, "Dana Lee's submission", data).Work
	if err := a.CheckSubmission(sub); err != nil {
		t.Errorf("CheckSubmission: %v", err)
	}
	if d := diffLabels(sentenceLabels(sub), want); d != "" {
		t.Errorf("the submission's labels: %s", d)
	}
	if !Eval[bool](st, `document.querySelector('#feedback').hidden`) {
		t.Errorf("feedback shown although the teacher did not allow it")
	}
	if _, ok := st.Attr(sentSel(last), "data-verdict"); ok {
		t.Errorf("%s painted with a verdict although the key is not revealed", last)
	}
}

// TestDashboardScreenshot shows the dashboard of the bundled article with a
// key and 25 generated submissions, checks it, and with
// STANCEMARK_SCREENSHOTS=DIR writes DIR/dashboard.png (make screenshots).
func TestDashboardScreenshot(t *testing.T) {
	teacher := newClassProfile(t)
	teacher.Do("window", chromedp.EmulateViewport(1280, 900))
	teacher.Open()
	dir := teacher.AllowDownloads()
	a, _, _, _ := teacherAssignment(t, teacher, dir, true, false)

	files := generatedFiles(t, a, 25, 20260302)
	paths := writeFiles(t, t.TempDir(), files)
	want := annotations.LoadSubmissions(a, files)
	teacher.openDashboardFor(a.ID)
	teacher.addSubmissions(paths)
	teacher.waitDashboard("the dashboard of 25 generated submissions", expectedDashboard(want, len(files)))

	teacher.Settle()
	Eval[bool](teacher, `scrollTo(0, 0); true`)
	png, err := chromedp.Run(teacher.Ctx, chromedp.Screenshot(chromedp.CSS("main#dashboard")))
	if err != nil || len(png) < 10000 || !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Fatalf("screenshot of main#dashboard: %v (%d bytes)", err, len(png))
	}
	if dir := classroomScreenshotDir(); dir != "" {
		path := filepath.Join(dir, "dashboard.png")
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes)", path, len(png))
	}
}

// name0 is the file name of student's submission for a.
func name0(a *annotations.Assignment, student string) string { return a.SubmissionFileName(student) }
