package app

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"stancemark/annotations"
)

// The Adjudicate view's state: one adjudication open (a project and its
// submissions, or one document and its exports), its gold labels as
// annotations.NewGold decides them from the files and the decisions (the
// same code as the CLI's gold), and the adjudicator's place in it.

// adjState is the Adjudicate view's part of the session.
type adjState struct {
	open    *adjudication // nil until a project or a document is chosen
	waiting []adjFile     // submissions opened before their project
}

// adjFile is a file opened in the view.
type adjFile struct {
	name string
	data []byte
}

// adjudication is an adjudication open in the view.
type adjudication struct {
	rec     adjRecord
	project *annotations.Project // nil for one document
	labels  []annotations.Label  // the labels a gold label can take (with None, also "none")

	// computed from rec by recompute
	in     annotations.GoldInput
	gold   *annotations.Gold
	notes  annotations.GoldNotes
	report *annotations.AgreementReport
	noRep  string       // why there is no agreement report
	groups []adjGroup   // per task (per claim without a project), in the gold file's order
	texts  []adjDocText // the sentences' texts, per document

	// the adjudicator's place
	group int    // index into groups
	unit  string // the unit under the cursor (a UnitKey), "" for none
	draft string // a reason typed before the label was chosen
	save  saveStatus
}

// adjDocText is a document's sentences as text.
type adjDocText struct {
	id        string
	sentences map[string]string
}

// adjGroup is one task's gold entries (a claim's, without a project).
type adjGroup struct {
	key     string // the task id, or the claim id
	title   string // the article's title
	claim   string // the claim's text
	entries []int  // indexes into gold.Entries: the disagreements first, then the agreed
	split   int    // entries[:split] are the disagreements (and every decided unit)
}

// disagreement reports whether the entry is shown among the disagreements:
// its votes differ, or an adjudicator decided it.
func disagreement(e *annotations.GoldEntry) bool {
	return len(e.Votes) > 1 || e.Source == annotations.SourceAdjudicated
}

// parsedInputs reads the record's files: submissions of the project, or
// exports of one document. Each error names its file.
func (a *adjudication) parsedInputs() (annotations.GoldInput, error) {
	in := annotations.GoldInput{Project: a.project, Policy: a.rec.Policy, None: a.rec.None}
	for _, f := range a.rec.liveInputs() {
		o, err := annotations.Open(f.Name, []byte(f.Data))
		if err != nil {
			return in, fmt.Errorf("%s: %w", f.Name, err)
		}
		switch {
		case a.project != nil && o.Kind == annotations.OpenedSubmission:
			in.Submissions = append(in.Submissions, o.Submission)
		case a.project == nil && o.Kind == annotations.OpenedExport:
			o.Export.Annotator.Name = f.Annotator
			in.Exports = append(in.Exports, o.Export)
		default:
			return in, fmt.Errorf("%s: a %s has no place in this adjudication", f.Name, o.Kind)
		}
	}
	return in, nil
}

// recompute decides the gold labels again from the files and decisions.
// On an error nothing of a is changed.
func (a *adjudication) recompute() error {
	in, err := a.parsedInputs()
	if err != nil {
		return err
	}
	if a.project == nil && len(in.Exports) == 0 { // (a project without submissions still shows its decisions)
		a.in, a.gold, a.notes, a.groups, a.report, a.noRep = in, a.emptyGold(), nil, nil, nil, "No annotator's work is loaded yet."
		return nil
	}
	base, err := annotations.NewGold(in)
	if err != nil {
		return err
	}
	withDecisions := in
	withDecisions.Adjudication = a.rec.adjudicationGold(base)
	g, err := annotations.NewGold(withDecisions)
	if err != nil {
		return err
	}
	a.in, a.gold, a.notes = in, g, in.Notes()
	if a.project != nil {
		a.setLabels(a.project.Scheme)
	} else {
		a.setLabels(in.Exports[0].Scheme)
	}
	a.agreement()
	a.regroup()
	return nil
}

// try returns a copy of a with its record edited and its gold labels
// decided again; a itself is left as it was.
func (a *adjudication) try(edit func(r *adjRecord)) (*adjudication, error) {
	b := *a
	b.rec.Inputs = slices.Clone(a.rec.Inputs)
	b.rec.Decisions = slices.Clone(a.rec.Decisions)
	edit(&b.rec)
	if err := b.recompute(); err != nil {
		return nil, err
	}
	return &b, nil
}

// emptyGold is the gold file of a document's adjudication without exports yet.
func (a *adjudication) emptyGold() *annotations.Gold {
	return &annotations.Gold{Policy: a.rec.Policy, None: a.rec.None}
}

// agreement computes the agreement between the annotators, as agree does
// (units: the sentences someone tagged; with None an untagged sentence is
// the value "none").
func (a *adjudication) agreement() {
	untagged := ""
	if a.rec.None {
		untagged = annotations.NoneLabel
	}
	var r *annotations.Reliability
	var err error
	if a.project != nil {
		r, err = annotations.ReliabilityFromSubmissions(a.project, a.in.Submissions, untagged, "")
	} else {
		r, err = annotations.ReliabilityFromExports(a.in.Exports, untagged)
	}
	if err == nil {
		a.report, err = r.Report(annotations.Nominal)
	}
	a.noRep = ""
	if err != nil {
		a.report, a.noRep = nil, "Agreement needs two annotators' work: "+err.Error()+"."
	}
}

// regroup sorts the gold entries into tasks, disagreements first, and
// keeps the cursor on its unit when it is still there.
func (a *adjudication) regroup() {
	a.texts = nil
	var groups []adjGroup
	at := map[string]int{}
	for i := range a.gold.Entries {
		e := &a.gold.Entries[i]
		key := e.Claim
		if a.project != nil {
			key = annotations.TaskID(e.Document, e.Claim)
		}
		gi, ok := at[key]
		if !ok {
			gi = len(groups)
			at[key] = gi
			groups = append(groups, a.newGroup(key, e))
		}
		groups[gi].entries = append(groups[gi].entries, i)
	}
	for gi := range groups {
		g := &groups[gi]
		var dis, agreed []int
		for _, i := range g.entries {
			if disagreement(&a.gold.Entries[i]) {
				dis = append(dis, i)
			} else {
				agreed = append(agreed, i)
			}
		}
		g.entries, g.split = append(dis, agreed...), len(dis)
	}
	a.groups = groups
	if gi, _, ok := a.find(a.unit); ok {
		a.group = gi
		return
	}
	a.group = min(a.group, max(0, len(groups)-1))
	a.unit = ""
	if len(groups) > 0 && groups[a.group].split > 0 {
		a.unit = a.gold.Entries[groups[a.group].entries[0]].UnitKey()
	}
}

// newGroup starts the group of the entry e.
func (a *adjudication) newGroup(key string, e *annotations.GoldEntry) adjGroup {
	g := adjGroup{key: key}
	if p := a.project; p != nil {
		if _, pd, claim, err := p.Task(key); err == nil {
			g.title, g.claim = pd.Title, claim.Text
		}
		return g
	}
	if len(a.in.Exports) > 0 {
		g.title = a.in.Exports[0].Document.Title
		for _, x := range a.in.Exports {
			if x.Scheme.Target != "" && annotations.ClaimID(x.Scheme.Target) == e.Claim {
				g.claim = x.Scheme.Target
			}
		}
	}
	return g
}

// find returns where the unit is: its group and its place in the group.
func (a *adjudication) find(unit string) (group, pos int, ok bool) {
	if unit == "" {
		return 0, 0, false
	}
	for gi, g := range a.groups {
		for k, i := range g.entries {
			if a.gold.Entries[i].UnitKey() == unit {
				return gi, k, true
			}
		}
	}
	return 0, 0, false
}

// current is the entry under the cursor.
func (a *adjudication) current() (*annotations.GoldEntry, bool) {
	gi, k, ok := a.find(a.unit)
	if !ok {
		return nil, false
	}
	return &a.gold.Entries[a.groups[gi].entries[k]], true
}

// sentenceText is the text of a sentence of a document.
func (a *adjudication) sentenceText(docID, sid string) string {
	for _, t := range a.texts {
		if t.id == docID {
			return t.sentences[sid]
		}
	}
	var text string
	var ss []annotations.ExportSentence
	if p := a.project; p != nil {
		for _, d := range p.Documents {
			if d.ID == docID {
				text, ss = d.Text, d.Sentences
			}
		}
	} else if len(a.in.Exports) > 0 {
		text, ss = a.in.Exports[0].Document.Text, a.in.Exports[0].Document.Sentences
	}
	runes := []rune(text)
	t := adjDocText{id: docID, sentences: make(map[string]string, len(ss))}
	for _, s := range ss {
		if 0 <= s.Start && s.Start <= s.End && s.End <= len(runes) {
			t.sentences[s.ID] = string(runes[s.Start:s.End])
		}
	}
	a.texts = append(a.texts, t)
	return t.sentences[sid]
}

// annotators are the annotators whose files are loaded, in order.
func (a *adjudication) annotators() []string {
	var out []string
	for _, in := range a.rec.liveInputs() {
		out = append(out, in.Annotator)
	}
	return out
}

// labelName is a label's name ("none" with None; the id when unknown).
func (a *adjudication) labelName(id string) string {
	for _, l := range a.labels {
		if l.ID == id {
			return l.Name
		}
	}
	return id
}

// labelForKey is the label whose key was pressed.
func (a *adjudication) labelForKey(key string) (annotations.Label, bool) {
	i := slices.IndexFunc(a.labels, func(l annotations.Label) bool { return l.Key == key })
	if i < 0 {
		return annotations.Label{}, false
	}
	return a.labels[i], true
}

// setLabels sets the labels a gold label can take: the scheme's, and
// "none" when untagged sentences count as its votes.
func (a *adjudication) setLabels(sc annotations.Scheme) {
	a.labels = slices.Clone(sc.Labels)
	if a.rec.None {
		a.labels = append(a.labels, annotations.Label{ID: annotations.NoneLabel, Name: "none"})
	}
}

// annotatorOf names the annotator of an opened file as gold does: the
// submission's annotator, or the export's name, else the file's name.
func annotatorOf(name string, o *annotations.Opened) string {
	if o.Submission != nil {
		return o.Submission.Annotator
	}
	if n := strings.TrimSpace(o.Export.Annotator.Name); n != "" {
		return n
	}
	return path.Base(name)
}

// goldFileName is the name the gold file downloads as.
func (a *adjudication) goldFileName() string { return slug(a.rec.Title) + ".gold.json" }
