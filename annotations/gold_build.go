package annotations

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// GoldInput is what NewGold decides gold labels from: a project and its
// submissions, or, for one document without a project, several
// annotators' exports of it (each export one annotator).
type GoldInput struct {
	Project     *Project
	Submissions []*ProjectSubmission // with Project
	Exports     []*Export            // without Project
	Policy      GoldPolicy           // "" is PolicyMajority
	None        bool                 // an untagged sentence (or a task without an overall stance) is a vote for NoneLabel
	// Adjudication, when set, is an earlier gold file whose adjudicated
	// entries override the policy. Its other entries are ignored.
	Adjudication *Gold
}

// NewGold decides the gold labels of in: one entry per unit someone
// tagged, labelled by the policy, then the adjudicated entries of
// in.Adjudication laid over them. A decision is never dropped: an
// adjudicated unit keeps its label, adjudicator and reason whatever the
// votes are now (even none), and is marked Stale when the votes differ from
// those it was decided on.
//
// Entries come in the project's task order (a task's sentences in order,
// then its overall stance), or without a project by claim id, then
// sentence. The result depends on in alone: the same input gives the same
// gold file.
//
// Errors: a submission that p.CheckSubmission refuses ("submission 2
// (ana): …"), two submissions or exports by the same annotator
// (ErrDuplicateAnnotator), an export without an annotator's name
// (ErrMissingField), exports of another document (ErrOtherDocument) or
// label set (ErrUnknownScheme), and an adjudication for another project
// version (ErrOtherRevision: another project's version has another id
// and hash, so this is also the error for another project) or document
// (ErrOtherDocument), or naming an unknown task, sentence, claim or label
// (an *ImportError naming its field, such as "gold[3].label: …").
func NewGold(in GoldInput) (*Gold, error) {
	policy, err := ParseGoldPolicy(string(in.Policy))
	if err != nil {
		return nil, err
	}
	var b *goldBuilder
	switch {
	case in.Project != nil && len(in.Exports) > 0:
		return nil, becausef(ErrBadValue, "gold labels come from a project's submissions or from exports without a project, not both")
	case in.Project != nil:
		b, err = goldFromSubmissions(in.Project, in.Submissions, in.None)
	default:
		b, err = goldFromExports(in.Exports, in.None)
	}
	if err != nil {
		return nil, err
	}
	b.gold.Policy, b.gold.None = policy, in.None
	for _, u := range b.units {
		u.entry.Label, u.entry.Source = u.entry.Votes.Decide(policy)
	}
	if in.Adjudication != nil {
		if err := b.adjudicate(in.Adjudication); err != nil {
			return nil, err
		}
	}
	keys := make([]string, 0, len(b.units))
	for k := range b.units {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y string) int {
		a, c := b.units[x], b.units[y]
		if a.group != c.group {
			return a.group - c.group
		}
		switch {
		case a.pos < c.pos:
			return -1
		case a.pos > c.pos:
			return 1
		}
		return 0
	})
	b.gold.Entries = make([]GoldEntry, len(keys))
	for i, k := range keys {
		b.gold.Entries[i] = *b.units[k].entry
	}
	return b.gold, nil
}

// goldUnit is one entry being built, with where it goes.
type goldUnit struct {
	entry *GoldEntry
	group int // task index, or claim index without a project
	pos   int // sentence index; math.MaxInt for the overall stance
}

// goldBuilder collects votes into units.
type goldBuilder struct {
	gold   *Gold
	units  map[string]*goldUnit
	labels []string // the labels an adjudication may choose
	none   bool

	project *Project
	x       *projectIndex
	// Without a project:
	doc    *GoldDocument
	claims []string // claim ids, sorted
}

// vote adds who's vote for label to the unit e (created when missing);
// tagged says it is a highlight or an overall stance, not an untagged
// sentence, so that the unit exists.
func (b *goldBuilder) vote(proto GoldEntry, group, pos int, who, label string, tagged bool) {
	k := proto.key()
	u := b.units[k]
	if u == nil {
		if !tagged {
			return
		}
		e := proto
		e.Votes = GoldVotes{}
		u = &goldUnit{entry: &e, group: group, pos: pos}
		b.units[k] = u
	}
	u.entry.Votes[label] = append(u.entry.Votes[label], who)
}

// finishVotes sorts every unit's annotators.
func (b *goldBuilder) finishVotes() {
	for _, u := range b.units {
		for _, who := range u.entry.Votes {
			slices.Sort(who)
		}
	}
}

func goldFromSubmissions(p *Project, subs []*ProjectSubmission, none bool) (*goldBuilder, error) {
	b := &goldBuilder{
		gold:    &Gold{Project: p.ID, ProjectHash: p.Hash},
		units:   map[string]*goldUnit{},
		project: p, x: p.index(), none: none,
	}
	for _, l := range p.Scheme.Labels {
		b.labels = append(b.labels, l.ID)
	}
	by := map[string]int{}
	for i, s := range subs {
		if err := p.CheckSubmission(s); err != nil {
			return nil, fmt.Errorf("submission %d (%s): %w", i+1, s.Annotator, err)
		}
		if j, ok := by[s.Annotator]; ok {
			return nil, becausef(ErrDuplicateAnnotator, "submissions %d and %d are both by %q; give each annotator's work once", j+1, i+1, s.Annotator)
		}
		by[s.Annotator] = i
	}
	// Two passes per task: first the tagged votes create the units, then
	// the untagged ones (with None) join units that exist.
	for pass := range 2 {
		for _, s := range subs {
			for _, w := range s.Tasks {
				if !w.HasWork() {
					continue
				}
				ti := b.x.tasks[w.Task]
				t := p.Tasks[ti]
				n := len(p.Documents[b.x.docs[t.Document]].Sentences)
				label := make([]string, n)
				for _, a := range w.Annotations {
					for _, sid := range a.SentenceIDs {
						label[sentenceIndex(sid, n)] = a.Label
					}
				}
				for k, l := range label {
					tagged := l != ""
					if tagged != (pass == 0) || !tagged && !none {
						continue
					}
					if !tagged {
						l = NoneLabel
					}
					b.vote(GoldEntry{Document: t.Document, Sentence: sentenceID(k), Claim: t.Claim}, ti, k, s.Annotator, l, tagged)
				}
				l, tagged := w.Overall, w.Overall != ""
				if tagged != (pass == 0) || !tagged && !none {
					continue
				}
				if !tagged {
					l = NoneLabel
				}
				b.vote(GoldEntry{Document: t.Document, Task: t.ID, Claim: t.Claim}, ti, math.MaxInt, s.Annotator, l, tagged)
			}
		}
	}
	b.finishVotes()
	return b, nil
}

func goldFromExports(exports []*Export, none bool) (*goldBuilder, error) {
	if len(exports) == 0 {
		return nil, becausef(ErrMissingField, "no exports and no project: nothing to decide")
	}
	first := exports[0]
	b := &goldBuilder{
		gold:  &Gold{Document: &GoldDocument{ID: first.Document.ID, Sentences: slices.Clone(first.Document.Sentences)}},
		units: map[string]*goldUnit{}, none: none,
	}
	b.doc = b.gold.Document
	by := map[string]int{}
	claimOf := make([]string, len(exports))
	for i, e := range exports {
		if err := e.Validate(); err != nil {
			return nil, fmt.Errorf("export %d: %w", i+1, err)
		}
		if e.Document.ID != first.Document.ID {
			return nil, becausef(ErrOtherDocument, "export %d is for %s, but export 1 is for %s; gold labels need exports of one document",
				i+1, describe(e.Document.Title, e.Document.ID), describe(first.Document.Title, first.Document.ID))
		}
		if err := checkSameBoundaries(i+1, e, first); err != nil {
			return nil, err
		}
		if e.Scheme.ID != first.Scheme.ID {
			return nil, becausef(ErrUnknownScheme, "export %d uses the label set %q, but export 1 uses %q; gold labels need one label set", i+1, e.Scheme.ID, first.Scheme.ID)
		}
		name := strings.TrimSpace(e.Annotator.Name)
		if name == "" {
			return nil, becausef(ErrMissingField, "export %d has no annotator's name", i+1)
		}
		if j, ok := by[name]; ok {
			return nil, becausef(ErrDuplicateAnnotator, "exports %d and %d are both by %q; give each annotator's work once", j+1, i+1, name)
		}
		by[name] = i
		for _, l := range e.Scheme.Labels {
			if !slices.Contains(b.labels, l.ID) {
				b.labels = append(b.labels, l.ID)
			}
		}
		if e.Scheme.Target != "" {
			claimOf[i] = ClaimID(e.Scheme.Target)
		}
		if !slices.Contains(b.claims, claimOf[i]) {
			b.claims = append(b.claims, claimOf[i])
		}
	}
	slices.Sort(b.claims)
	index := make(map[string]int, len(first.Document.Sentences))
	for k, s := range first.Document.Sentences {
		index[s.ID] = k
	}
	for pass := range 2 {
		for i, e := range exports {
			label := make([]string, len(first.Document.Sentences))
			for _, a := range e.Annotations {
				for _, sid := range a.SentenceIDs {
					label[index[sid]] = a.Label
				}
			}
			group := slices.Index(b.claims, claimOf[i])
			for k, l := range label {
				tagged := l != ""
				if tagged != (pass == 0) || !tagged && !none {
					continue
				}
				if !tagged {
					l = NoneLabel
				}
				sid := first.Document.Sentences[k].ID
				b.vote(GoldEntry{Document: first.Document.ID, Sentence: sid, Claim: claimOf[i]}, group, k, strings.TrimSpace(e.Annotator.Name), l, tagged)
			}
		}
	}
	b.finishVotes()
	return b, nil
}

// adjudicate lays the adjudicated entries of adj over the units.
func (b *goldBuilder) adjudicate(adj *Gold) error {
	if err := adj.Validate(); err != nil {
		return err
	}
	if err := b.sameTarget(adj); err != nil {
		return err
	}
	for i, a := range adj.Entries {
		if a.Source != SourceAdjudicated {
			continue
		}
		at := elemPath("gold", i)
		group, pos, err := b.place(&a, at)
		if err != nil {
			return err
		}
		if !slices.Contains(b.labels, a.Label) && !(b.none && a.Label == NoneLabel) {
			have := strings.Join(b.labels, ", ")
			if b.none {
				have += ", " + NoneLabel
			}
			return fieldErrf(at+".label", ErrUnknownLabel, "unknown label %q (the labels are %s)", a.Label, have)
		}
		u := b.units[a.key()]
		if u == nil {
			e := GoldEntry{Document: a.Document, Sentence: a.Sentence, Task: a.Task, Claim: a.Claim, Votes: GoldVotes{}}
			u = &goldUnit{entry: &e, group: group, pos: pos}
			b.units[a.key()] = u
		}
		e := u.entry
		e.Label, e.Source, e.Adjudicator, e.Reason = a.Label, SourceAdjudicated, a.Adjudicator, a.Reason
		e.DecidedVotes = a.DecidedVotes.clone()
		e.Stale = !e.DecidedVotes.Equal(e.Votes)
	}
	return nil
}

// sameTarget checks that adj is a gold file of the same project version,
// or of the same document.
func (b *goldBuilder) sameTarget(adj *Gold) error {
	if p := b.project; p != nil {
		switch {
		case adj.Project == "":
			return fieldErrf("document", ErrOtherProject, "this gold file is for document %s without a project, not for project %s %q", adj.Document.ID, p.ID, p.Title)
		case adj.ProjectHash != p.Hash:
			// The id is the hash's (Gold.Validate): another version of a
			// project has another id, so the two cases are one.
			return fieldErrf("projectHash", ErrOtherRevision, "made on another version of project %s %q, or on another project (this file is %s, hash %s; the project's hash is %s)",
				p.ID, p.Title, adj.Project, abbrevHash(adj.ProjectHash), abbrevHash(p.Hash))
		}
		return nil
	}
	switch {
	case adj.Document == nil:
		return fieldErrf("project", ErrOtherProject, "this gold file is for project %s; the exports are of document %s without a project", adj.Project, b.doc.ID)
	case adj.Document.ID != b.doc.ID:
		return fieldErrf("document.id", ErrOtherDocument, "this gold file is for another document (%s); the exports are of %s", adj.Document.ID, b.doc.ID)
	case !slices.Equal(adj.Document.Sentences, b.doc.Sentences):
		return fieldErrf("document.sentences", ErrOtherDocument, "this gold file is on %s of document %s, the exports on %s", describeBoundaries(adj.Document.Sentences), b.doc.ID, describeBoundaries(b.doc.Sentences))
	}
	return nil
}

// place checks that the unit of the adjudicated entry a (at path at)
// exists, and returns where it goes.
func (b *goldBuilder) place(a *GoldEntry, at string) (group, pos int, err error) {
	if p := b.project; p != nil {
		if a.Task != "" {
			ti, ok := b.x.tasks[a.Task]
			if !ok {
				return 0, 0, fieldErrf(at+".task", ErrUnknownTask, "unknown task %q (the project has %d tasks)", a.Task, len(p.Tasks))
			}
			if t := p.Tasks[ti]; t.Document != a.Document || t.Claim != a.Claim {
				return 0, 0, fieldErrf(at+".task", ErrUnknownTask, "task %q judges document %s against claim %s, not %s against %s", a.Task, t.Document, t.Claim, a.Document, a.Claim)
			}
			return ti, math.MaxInt, nil
		}
		di, ok := b.x.docs[a.Document]
		if !ok {
			return 0, 0, fieldErrf(at+".document", ErrUnknownTask, "unknown document %q (the project has %d documents)", a.Document, len(p.Documents))
		}
		ti, ok := b.x.tasks[TaskID(a.Document, a.Claim)]
		if !ok {
			return 0, 0, fieldErrf(at+".claim", ErrUnknownTask, "no task of the project judges document %s against claim %q", a.Document, a.Claim)
		}
		n := len(p.Documents[di].Sentences)
		k := sentenceIndex(a.Sentence, n)
		if k < 0 {
			return 0, 0, fieldErrf(at+".sentence", ErrUnknownSentence, "unknown sentence %q (document %s has s1 to s%d)", a.Sentence, a.Document, n)
		}
		return ti, k, nil
	}
	if a.Task != "" {
		return 0, 0, fieldErrf(at+".task", ErrUnknownTask, "unknown task %q: gold labels without a project have no tasks", a.Task)
	}
	if a.Document != b.doc.ID {
		return 0, 0, fieldErrf(at+".document", ErrOtherDocument, "document %s is not the document of the exports (%s)", a.Document, b.doc.ID)
	}
	group = slices.Index(b.claims, a.Claim)
	if group < 0 {
		return 0, 0, fieldErrf(at+".claim", ErrBadValue, "unknown claim %q (the exports judge %s)", a.Claim, quotedList(b.claims))
	}
	pos = slices.IndexFunc(b.doc.Sentences, func(s ExportSentence) bool { return s.ID == a.Sentence })
	if pos < 0 {
		return 0, 0, fieldErrf(at+".sentence", ErrUnknownSentence, "unknown sentence %q (the document has s1 to s%d)", a.Sentence, len(b.doc.Sentences))
	}
	return group, pos, nil
}

// quotedList joins quoted texts with ", ".
func quotedList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}
