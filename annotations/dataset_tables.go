package annotations

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// The dataset ("stancemark-dataset/v1"): a folder of tables that loads in
// one line in pandas, DuckDB, R and Hugging Face datasets. This file is
// NewDataset, which builds the tables (their rows are in dataset_rows.go)
// from a project and its submissions or from one document's exports.
// dataset_jsonl.go writes and reads the JSON Lines,
// dataset_corpus.go the corpus-shaped files (FNC-1, SemEval-2016),
// dataset_card.go the README.md card, dataset_files.go the folder and its
// manifest.

// DatasetFormat is the version of the dataset's tables and manifest.
const DatasetFormat = "stancemark-dataset/v1"

// DatasetInput is what NewDataset builds a dataset from: a project and its
// submissions, or, for one document without a project, several
// annotators' exports of it (each one annotator; the claim is the scheme's
// target), as NewGold takes them.
type DatasetInput struct {
	Project     *Project
	Submissions []*ProjectSubmission // with Project
	Exports     []*Export            // without Project
	// Gold, when set, is a gold file (an adjudication): the gold table is
	// decided by its policy and none flag with its adjudicated entries laid
	// over the votes (NewGold). Nil is PolicyMajority without none.
	Gold *Gold
}

// Dataset is the tables of a dataset, with what its card says.
type Dataset struct {
	Title       string
	Project     *Project           // nil without a project
	Scheme      Scheme             // the labels (without a project: the first export's scheme)
	Annotators  []DatasetAnnotator // sorted by name
	GoldPolicy  GoldPolicy         // the policy of the gold labels
	GoldNone    bool               // an untagged sentence was a vote for NoneLabel
	GoldCounts  map[GoldSource]int // gold labels per source (Gold.Counts)
	Annotations []AnnotationRow
	GoldRows    []GoldRow
	Documents   []DocumentRow
	Claims      []ClaimRow
	Agreement   DatasetAgreement
}

// DatasetAnnotator is what one annotator did, for the card.
type DatasetAnnotator struct {
	Name         string
	Tasks        int   // tasks (or exports) with work
	Done         int   // tasks marked done
	Labels       int   // rows of the annotations table
	ActiveMillis int64 // active time over the tasks
}

// NewDataset builds the tables of in. Rows come in a fixed order (by task
// in the project's order, or by claim id without a project; then by
// annotator, then sentence), so the same input gives the same tables
// whatever the order of the files. Errors are those of NewGold (a
// submission of another project or version, two files by one annotator,
// exports of different documents or label sets, a gold file for other
// work), which names what is wrong.
func NewDataset(in DatasetInput) (*Dataset, error) {
	gin := GoldInput{Project: in.Project, Submissions: in.Submissions}
	if in.Project == nil {
		// One rule for anonymous annotators (AnnotatorName), in every table.
		gin.Exports = make([]*Export, len(in.Exports))
		for i, e := range in.Exports {
			c := *e
			c.Annotator.Name = AnnotatorName(e)
			gin.Exports[i] = &c
		}
	}
	if in.Gold != nil {
		gin.Policy, gin.None, gin.Adjudication = in.Gold.Policy, in.Gold.None, in.Gold
	}
	g, err := NewGold(gin)
	if err != nil {
		return nil, err
	}
	d := &Dataset{GoldPolicy: g.Policy, GoldNone: g.None, GoldCounts: g.Counts()}
	var t *datasetTargets
	if in.Project != nil {
		t = projectTargets(d, in.Project, in.Submissions)
	} else {
		t = exportTargets(d, gin.Exports)
	}
	// One table at a time, so that what each needs (the reliability data,
	// the gold entries) is gone before the next is built.
	if d.Agreement, err = t.agreement(); err != nil {
		return nil, err
	}
	d.GoldRows = t.goldRows(g, d.Scheme)
	g = nil
	d.Annotations = t.annotationRows(d.Scheme)
	d.countLabels()
	return d, nil
}

// datasetDoc is a document with the byte offset of each sentence, so
// that row texts are slices of its text.
type datasetDoc struct {
	id    string
	text  string
	sents []ExportSentence
	bytes [][2]int       // byte offsets of each sentence
	index map[string]int // sentence id -> index
}

func newDatasetDoc(id, text string, sents []ExportSentence) *datasetDoc {
	d := &datasetDoc{id: id, text: text, sents: sents, bytes: make([][2]int, len(sents)), index: make(map[string]int, len(sents))}
	starts := make([]int, 0, len(text)+1) // code point -> byte offset
	for i := range text {
		starts = append(starts, i)
	}
	starts = append(starts, len(text))
	for k, s := range sents {
		d.index[s.ID] = k
		if 0 <= s.Start && s.Start <= s.End && s.End < len(starts) {
			d.bytes[k] = [2]int{starts[s.Start], starts[s.End]}
		}
	}
	return d
}

func (d *datasetDoc) sentence(k int) string { return d.text[d.bytes[k][0]:d.bytes[k][1]] }

// datasetWork is one annotator's work on one task (or one export).
type datasetWork struct {
	annotator string
	anns      []Annotation
	overall   string
	active    *int64
}

// datasetTask is one task (or, without a project, one claim) with the work
// on it.
type datasetTask struct {
	id        *string
	doc       *datasetDoc
	claimID   string
	claim     string
	reference string
	work      []datasetWork // sorted by annotator
}

// datasetTargets is what the rows are built from.
type datasetTargets struct {
	project *string
	tasks   []*datasetTask
	byKey   map[string]*datasetTask // document + "\n" + claim id
	rel     func(claim string) (*Reliability, error)
	claims  []ClaimRow
}

func ptr[T any](v T) *T { return &v }

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// projectTargets fills d from a project and its submissions.
func projectTargets(d *Dataset, p *Project, subs []*ProjectSubmission) *datasetTargets {
	x := p.index()
	d.Title, d.Project, d.Scheme = p.Title, p, p.Scheme
	t := &datasetTargets{project: ptr(p.ID), byKey: make(map[string]*datasetTask, len(p.Tasks))}
	docs := make([]*datasetDoc, len(p.Documents))
	tasksOf := make(map[string]int, len(p.Documents))
	claimTasks := make(map[string]int, len(p.Claims))
	for _, tk := range p.Tasks {
		tasksOf[tk.Document]++
		claimTasks[tk.Claim]++
	}
	for i, doc := range p.Documents {
		docs[i] = newDatasetDoc(doc.ID, doc.Text, doc.Sentences)
		d.Documents = append(d.Documents, documentRow(t.project, doc.ID, doc.Title, doc.Text, doc.Source, doc.Sentences, doc.Meta, tasksOf[doc.ID]))
	}
	for _, c := range p.Claims {
		t.claims = append(t.claims, ClaimRow{Project: t.project, ClaimID: c.ID, Claim: c.Text, Tasks: claimTasks[c.ID]})
	}
	d.Claims = t.claims
	for _, tk := range p.Tasks {
		dt := &datasetTask{id: ptr(tk.ID), doc: docs[x.docs[tk.Document]], claimID: tk.Claim, claim: p.Claims[x.claims[tk.Claim]].Text, reference: tk.Reference}
		t.tasks = append(t.tasks, dt)
		t.byKey[tk.Document+"\n"+tk.Claim] = dt
	}
	order := make([]int, len(subs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(subs[a].Annotator, subs[b].Annotator) })
	for _, i := range order {
		s := subs[i]
		d.Annotators = append(d.Annotators, DatasetAnnotator{Name: s.Annotator})
		who := &d.Annotators[len(d.Annotators)-1]
		for _, w := range s.Tasks {
			if !w.HasWork() {
				continue
			}
			who.Tasks++
			who.ActiveMillis += w.ActiveMillis
			if w.Done {
				who.Done++
			}
			dt := t.tasks[x.tasks[w.Task]]
			dt.work = append(dt.work, datasetWork{annotator: s.Annotator, anns: w.Annotations, overall: w.Overall, active: ptr(w.ActiveMillis)})
		}
	}
	var all *Reliability
	var byClaim map[string]*Reliability
	t.rel = func(claim string) (*Reliability, error) {
		if all == nil {
			var err error
			if all, err = ReliabilityFromSubmissions(p, subs, "", ""); err != nil {
				return nil, err
			}
			byClaim = all.splitUnits(func(unit string) string {
				tid, _, _ := strings.Cut(unit, ":")
				return p.Tasks[x.tasks[tid]].Claim
			})
		}
		if claim == "" {
			return all, nil
		}
		if r := byClaim[claim]; r != nil {
			return r, nil
		}
		return &Reliability{Coders: all.Coders}, nil
	}
	return t
}

// exportTargets fills d from exports of one document (NewGold has checked
// them: one document, one scheme, one export per annotator).
func exportTargets(d *Dataset, exports []*Export) *datasetTargets {
	first := exports[0]
	d.Title, d.Scheme = first.Document.Title, first.Scheme
	d.Scheme.Target = ""
	doc := newDatasetDoc(first.Document.ID, first.Document.Text, first.Document.Sentences)
	t := &datasetTargets{byKey: map[string]*datasetTask{}}
	order := make([]int, len(exports))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(exports[a].Annotator.Name, exports[b].Annotator.Name) })
	byClaim := map[string][]*Export{}
	for _, i := range order {
		e := exports[i]
		d.Annotators = append(d.Annotators, DatasetAnnotator{Name: e.Annotator.Name, Tasks: 1})
		cid := ""
		if e.Scheme.Target != "" {
			cid = ClaimID(e.Scheme.Target)
		}
		dt := t.byKey[doc.id+"\n"+cid]
		if dt == nil {
			dt = &datasetTask{doc: doc, claimID: cid, claim: e.Scheme.Target}
			t.byKey[doc.id+"\n"+cid] = dt
			t.tasks = append(t.tasks, dt)
		}
		dt.work = append(dt.work, datasetWork{annotator: e.Annotator.Name, anns: e.Annotations})
		byClaim[cid] = append(byClaim[cid], e)
	}
	slices.SortFunc(t.tasks, func(a, b *datasetTask) int { return strings.Compare(a.claimID, b.claimID) })
	for _, dt := range t.tasks {
		t.claims = append(t.claims, ClaimRow{ClaimID: dt.claimID, Claim: dt.claim, Tasks: 1})
	}
	d.Claims = t.claims
	d.Documents = []DocumentRow{documentRow(nil, doc.id, first.Document.Title, doc.text, "", doc.sents, nil, len(t.tasks))}
	t.rel = func(claim string) (*Reliability, error) {
		if claim == "" {
			if len(byClaim) != 1 {
				return nil, fmt.Errorf("the exports are judged against %d claims; see each claim", len(byClaim))
			}
			for c := range byClaim {
				claim = c
			}
		}
		return ReliabilityFromExports(byClaim[claim], "")
	}
	return t
}

func documentRow(project *string, id, title, text, source string, sents []ExportSentence, meta map[string]string, tasks int) DocumentRow {
	r := DocumentRow{Project: project, Document: id, Title: title, Text: text, Source: nonEmpty(source), Tasks: tasks,
		Sentences: make([]DatasetSentence, len(sents)), Meta: []DatasetMeta{}}
	for k, s := range sents {
		r.Sentences[k] = DatasetSentence{ID: s.ID, Paragraph: s.Paragraph, Start: s.Start, End: s.End}
	}
	for _, k := range slices.Sorted(maps.Keys(meta)) {
		r.Meta = append(r.Meta, DatasetMeta{Key: k, Value: meta[k]})
	}
	return r
}

// annotationRows returns one row per label given, by task, annotator and
// sentence.
func (t *datasetTargets) annotationRows(scheme Scheme) []AnnotationRow {
	names := labelNames(scheme)
	var rows []AnnotationRow
	for _, dt := range t.tasks {
		index := dt.doc.index
		for _, w := range dt.work {
			as := slices.Clone(w.anns)
			slices.SortFunc(as, func(a, b Annotation) int { return index[a.SentenceIDs[0]] - index[b.SentenceIDs[0]] })
			for _, a := range as {
				created, modified := formatTime(a.Created), formatTime(a.Modified)
				for _, sid := range a.SentenceIDs {
					k := index[sid]
					s := dt.doc.sents[k]
					rows = append(rows, AnnotationRow{
						Project: t.project, Scheme: scheme.ID, Task: dt.id, Document: dt.doc.id,
						SentenceID: sid, SentenceIndex: k, Start: s.Start, End: s.End, Text: dt.doc.sentence(k),
						ClaimID: dt.claimID, Claim: dt.claim, Label: a.Label, LabelName: names[a.Label],
						Annotator: w.annotator, Highlight: a.ID, Note: a.Note, Overall: nonEmpty(w.overall), ActiveMillis: w.active,
						Created: created, Modified: modified,
					})
				}
			}
		}
	}
	return rows
}

func labelNames(s Scheme) map[string]string {
	names := make(map[string]string, len(s.Labels)+1)
	for _, l := range s.Labels {
		names[l.ID] = l.Name
	}
	if _, ok := names[NoneLabel]; !ok {
		names[NoneLabel] = NoneLabel
	}
	return names
}

// goldRows returns one row per entry of g, in g's order.
func (t *datasetTargets) goldRows(g *Gold, scheme Scheme) []GoldRow {
	names := labelNames(scheme)
	rows := make([]GoldRow, 0, len(g.Entries))
	for _, e := range g.Entries {
		dt := t.byKey[e.Document+"\n"+e.Claim]
		r := GoldRow{Project: t.project, Document: e.Document, ClaimID: e.Claim, Source: string(e.Source),
			Votes: datasetVotes(e.Votes), VoteCount: e.Votes.Count(), Stale: e.Stale,
			Adjudicator: nonEmpty(e.Adjudicator), Reason: nonEmpty(e.Reason)}
		if dt != nil {
			r.Task, r.Claim, r.Annotators, r.Reference = dt.id, dt.claim, len(dt.work), nonEmpty(dt.reference)
		}
		if e.Label != "" {
			r.Label, r.LabelName = ptr(e.Label), ptr(names[e.Label])
		}
		if e.Task != "" {
			r.Unit = "overall"
		} else {
			r.Unit = "sentence"
			r.SentenceID = ptr(e.Sentence)
			if dt != nil {
				if k, ok := dt.doc.index[e.Sentence]; ok {
					s := dt.doc.sents[k]
					r.SentenceIndex, r.Start, r.End, r.Text = ptr(k), ptr(s.Start), ptr(s.End), ptr(dt.doc.sentence(k))
				}
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// datasetVotes lists v most votes first, then by label.
func datasetVotes(v GoldVotes) []DatasetVote {
	out := make([]DatasetVote, 0, len(v))
	for _, l := range v.labels() {
		out = append(out, DatasetVote{Label: l, Annotators: slices.Clone(v[l])})
	}
	return out
}

// countLabels counts each annotator's rows.
func (d *Dataset) countLabels() {
	n := map[string]int{}
	for _, r := range d.Annotations {
		n[r.Annotator]++
	}
	for i := range d.Annotators {
		d.Annotators[i].Labels = n[d.Annotators[i].Name]
	}
}
