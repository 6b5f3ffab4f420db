package e2e

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"stancemark/annotations"
)

// Readers of the classroom tests: the feedback a student sees and the
// teacher's dashboard, as shown and as expected from the domain.

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
func expectedFeedback(f *annotations.Feedback, scheme annotations.Scheme, doc *annotations.Document) shownFeedback {
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
	for i, sf := range f.Sentences {
		var text string
		switch sf.Verdict {
		case annotations.Untouched, annotations.Agrees:
			continue
		case annotations.Differs:
			text = fmt.Sprintf("differs: you said %s, the key says %s", name(sf.Label), name(sf.KeyLabel))
		case annotations.Missed:
			text = fmt.Sprintf("missed: you left it untagged, the key says %s", name(sf.KeyLabel))
		case annotations.Extra:
			text = fmt.Sprintf("extra: you said %s, the key leaves it untagged", name(sf.Label))
		}
		// the panel names a sentence by its number and its text (issue 17)
		q := []rune(doc.Sentences[i].Text)
		if len(q) > 160 {
			q = append(q[:159], '…')
		}
		text = fmt.Sprintf("Sentence %d “%s”: %s", i+1, string(q), text)
		if sf.KeyNote != "" {
			text += " (key's note: " + sf.KeyNote + ")"
		}
		out.Items = append(out.Items, feedbackItem{SID: sf.SentenceID, Verdict: sf.Verdict.String(), Text: text})
	}
	return out
}

// checkFeedback waits until the panel shows the feedback of f and the
// sentences are painted with its verdicts.
func (p *Page) checkFeedback(who string, f *annotations.Feedback, scheme annotations.Scheme, doc *annotations.Document) {
	p.t.Helper()
	want := expectedFeedback(f, scheme, doc)
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
	AC1          string         `json:"ac1"`
	Reading      string         `json:"reading"`
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
			problems: all('#dash-problems li .dash-item-text').map(e => e.textContent.trim()),
			duplicates: all('#dash-duplicates li .dash-item-text').map(e => e.textContent.trim()),
			students: rows.map(tr => {
				const c = Array.from(tr.children).map(e => e.textContent.trim());
				return {name: c[0] || "", tagged: c[1] || "", accuracy: c[2] || "", kappa: c[3] || "", notes: c[4] || ""};
			}),
			rowNames: rows.map(tr => tr.dataset.student),
			fleiss: t('#dash-fleiss'),
			alpha: t('#dash-alpha'),
			ac1: t('#dash-ac1'),
			reading: t('#dash-reading'),
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

func ac1Text(r *annotations.ClassReport) string {
	if r.GwetAC1 == nil {
		return "Gwet's AC1: " + r.AC1Note
	}
	return fmt.Sprintf("Gwet's AC1: %.3f.", *r.GwetAC1)
}

func readingText(r *annotations.ClassReport) string {
	if r.Reading == "" {
		return ""
	}
	return "Which to read: " + r.Reading
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
// progressText is #dash-progress once every file is read: the counts add
// up to the files in the class.
func progressText(r *annotations.ClassReport) string {
	n := func(k int, noun string) string {
		if k == 1 {
			return "1 " + noun
		}
		return fmt.Sprintf("%d %ss", k, noun)
	}
	s, d, p := len(r.Students), len(r.Duplicates), len(r.Problems)
	if s+d+p == 0 {
		return "0 students loaded."
	}
	return fmt.Sprintf("%s in the class: %s loaded, %s of a student already loaded, %s not loaded.", n(s+d+p, "file"), n(s, "student"), n(d, "other file"), n(p, "file"))
}

func expectedDashboard(r *annotations.ClassReport, files int) dashboard {
	d := dashboard{
		Title:        "Assignment: " + r.Assignment.Title,
		Progress:     progressText(r),
		Problems:     []string{},
		Duplicates:   []string{},
		Students:     []studentRow{},
		RowNames:     []string{},
		Fleiss:       fleissText(r),
		Alpha:        alphaText(r),
		AC1:          ac1Text(r),
		Reading:      readingText(r),
		Disagreement: []string{},
	}
	for _, p := range r.Problems {
		d.Problems = append(d.Problems, p.Error())
	}
	for _, dup := range r.Duplicates {
		text := fmt.Sprintf("%s handed in %s and %s: %s is scored.", dup.Student, dup.Kept, dup.Dropped, dup.Kept)
		if dup.AfterFeedback {
			text = fmt.Sprintf("%s handed in %s after feedback: not scored; %s is.", dup.Student, dup.Dropped, dup.Kept)
		}
		d.Duplicates = append(d.Duplicates, text)
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
	cmp("AC1", got.AC1, want.AC1)
	cmp("reading", got.Reading, want.Reading)
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
