package annotations

import (
	"io"
	"maps"
	"slices"
	"strings"
)

// This file is the gold file, "stancemark-gold/v1". WriteGold writes, and
// ReadGold reads, JSON indented by two spaces:
//
//	{
//	  "format": "stancemark-gold/v1",
//	  "project": "p0123456789abcdef",
//	  "projectHash": "sha256:…",
//	  "policy": "majority",
//	  "none": false,
//	  "gold": [
//	    {"document": "sha256:…", "sentence": "s3", "claim": "c0123456789ab",
//	     "label": "agree", "source": "majority",
//	     "votes": {"agree": ["ana", "cy"], "disagree": ["bob"]}},
//	    {"document": "sha256:…", "task": "t0123456789ab", "claim": "c0123456789ab",
//	     "label": "disagree", "source": "adjudicated",
//	     "votes": {"agree": ["ana"], "disagree": ["bob"]},
//	     "adjudicator": "Dana", "reason": "The headline overstates it.",
//	     "decidedVotes": {"agree": ["ana"], "disagree": ["bob"]}, "stale": false}
//	  ]
//	}
//
// Without a project, "project" and "projectHash" give way to
// "document": {"id": "sha256:…", "sentences": [{"id","paragraph","start","end"}]}.
// An entry has "sentence" or "task" (the overall stance), never both.
// "label" is "" exactly when "source" is "unresolved". Only adjudicated
// entries have "adjudicator", "reason", "decidedVotes" and "stale"; when
// an adjudicator writes a decision by hand, "decidedVotes" may be left out
// (the entry's "votes" are what was decided on) and so may "stale".

type (
	goldWire struct {
		Format      string            `json:"format"`
		Project     string            `json:"project,omitempty"`
		ProjectHash string            `json:"projectHash,omitempty"`
		Document    *goldDocumentWire `json:"document,omitempty"`
		Policy      GoldPolicy        `json:"policy"`
		None        bool              `json:"none"`
		Gold        []goldEntryWire   `json:"gold"`
	}
	goldDocumentWire struct {
		ID        string           `json:"id"`
		Sentences []ExportSentence `json:"sentences"`
	}
	goldEntryWire struct {
		Document     string     `json:"document"`
		Sentence     string     `json:"sentence,omitempty"`
		Task         string     `json:"task,omitempty"`
		Claim        string     `json:"claim"`
		Label        string     `json:"label"`
		Source       GoldSource `json:"source"`
		Votes        GoldVotes  `json:"votes"`
		Adjudicator  string     `json:"adjudicator,omitempty"`
		Reason       string     `json:"reason,omitempty"`
		DecidedVotes *GoldVotes `json:"decidedVotes,omitempty"`
		Stale        *bool      `json:"stale,omitempty"`
	}
)

var (
	goldFields          = []string{"format", "project", "projectHash", "document", "policy", "none", "gold"}
	goldEntryFields     = []string{"document", "sentence", "task", "claim", "label", "source", "votes", "adjudicator", "reason", "decidedVotes", "stale"}
	goldAdjudicatedOnly = []string{"adjudicator", "reason", "decidedVotes", "stale"}
)

// WriteGold writes g as stancemark-gold/v1: keys in a fixed order,
// indented by two spaces, with a trailing newline; votes as objects with
// sorted labels (empty as {}). The same gold labels always give the same
// bytes. It does not validate g; see Gold.Validate.
func WriteGold(w io.Writer, g *Gold) error {
	wire := goldWire{Format: GoldFormat, Project: g.Project, ProjectHash: g.ProjectHash, Policy: g.Policy, None: g.None, Gold: make([]goldEntryWire, len(g.Entries))}
	if d := g.Document; d != nil {
		wire.Document = &goldDocumentWire{ID: d.ID, Sentences: d.Sentences}
		if d.Sentences == nil {
			wire.Document.Sentences = []ExportSentence{}
		}
	}
	for i, e := range g.Entries {
		ew := goldEntryWire{
			Document: e.Document, Sentence: e.Sentence, Task: e.Task, Claim: e.Claim,
			Label: e.Label, Source: e.Source, Votes: wireVotes(e.Votes),
		}
		if e.Source == SourceAdjudicated {
			decided, stale := wireVotes(e.DecidedVotes), e.Stale
			ew.Adjudicator, ew.Reason, ew.DecidedVotes, ew.Stale = e.Adjudicator, e.Reason, &decided, &stale
		}
		wire.Gold[i] = ew
	}
	return writeIndented(w, wire)
}

// wireVotes returns v with no nil map or list, so that it is written as
// {} and [].
func wireVotes(v GoldVotes) GoldVotes {
	out := make(GoldVotes, len(v))
	for l, who := range v {
		if who == nil {
			who = []string{}
		}
		out[l] = who
	}
	return out
}

// ReadGold reads a stancemark-gold/v1 file from r: at most MaxProjectBytes,
// with or without a leading byte order mark, as strict JSON (an unknown
// field, a missing field or a wrong type is an error), then validates it
// (see Gold.Validate). Every error is an *ImportError naming the field by
// its JSON path, such as
//
//	gold[3].source: "majority" does not follow from the votes agree 1 (ana), disagree 1 (bob): under the majority policy they give unresolved
func ReadGold(r io.Reader) (*Gold, error) {
	data, err := readLimitedTo(r, MaxProjectBytes)
	if err != nil {
		return nil, err
	}
	if err := checkSyntax(data); err != nil {
		return nil, err
	}
	g, err := decodeGold(data)
	if err != nil {
		return nil, err
	}
	if err := g.Validate(); err != nil {
		return nil, err
	}
	return g, nil
}

// checkGoldFormat checks the "format" of a gold file.
func checkGoldFormat(got string) error { return checkFormatNamed(got, GoldFormat, "gold file") }

// decodeGold reads the fields of a gold file strictly; data is valid
// JSON. It does not validate the whole.
func decodeGold(data []byte) (*Gold, error) {
	o, _, err := decodeFile(data, "gold file", checkGoldFormat, "a gold file", goldFields)
	if err != nil {
		return nil, err
	}
	g := &Gold{}
	_, hasProject := o.fields["project"]
	_, hasDoc := o.fields["document"]
	switch {
	case hasProject && hasDoc:
		return nil, fieldErrf("document", ErrBadValue, "a gold file has a project or a document, not both")
	case !hasProject && !hasDoc:
		return nil, fieldErrf("project", ErrMissingField, "missing (a gold file names its project, or its document when there is none)")
	case hasProject:
		if err := o.str("project", true, &g.Project); err != nil {
			return nil, err
		}
		if err := o.str("projectHash", true, &g.ProjectHash); err != nil {
			return nil, err
		}
	default:
		if _, ok := o.fields["projectHash"]; ok {
			return nil, fieldErrf("projectHash", ErrBadValue, "a gold file without a project has no projectHash")
		}
		if g.Document, err = decodeGoldDocument(o); err != nil {
			return nil, err
		}
	}
	var policy string
	if err := o.str("policy", true, &policy); err != nil {
		return nil, err
	}
	g.Policy = GoldPolicy(policy)
	if _, ok := o.fields["none"]; !ok {
		return nil, fieldErrf("none", ErrMissingField, "missing")
	}
	if err := decodeBool(o, "none", &g.None); err != nil {
		return nil, err
	}
	_, err = objects(o, "gold", true, "a gold entry", goldEntryFields, func(i int, eo *jsonObject) error {
		e, err := decodeGoldEntry(eo)
		g.Entries = append(g.Entries, e)
		return err
	})
	return g, err
}

func decodeGoldDocument(o *jsonObject) (*GoldDocument, error) {
	do, err := o.object("document", true)
	if err != nil {
		return nil, err
	}
	if err := do.only("the document", "id", "sentences"); err != nil {
		return nil, err
	}
	d := &GoldDocument{}
	if err := do.str("id", true, &d.ID); err != nil {
		return nil, err
	}
	d.Sentences, err = decodeSentences(do)
	return d, err
}

func decodeGoldEntry(eo *jsonObject) (GoldEntry, error) {
	var e GoldEntry
	for _, f := range []struct {
		name     string
		required bool
		dst      *string
	}{{"document", true, &e.Document}, {"sentence", false, &e.Sentence}, {"task", false, &e.Task}, {"claim", true, &e.Claim},
		{"label", true, &e.Label}, {"adjudicator", false, &e.Adjudicator}, {"reason", false, &e.Reason}} {
		if err := eo.str(f.name, f.required, f.dst); err != nil {
			return e, err
		}
	}
	var source string
	if err := eo.str("source", true, &source); err != nil {
		return e, err
	}
	e.Source = GoldSource(source)
	if !slices.Contains(GoldSources, e.Source) {
		return e, fieldErrf(fieldPath(eo.path, "source"), ErrBadValue, "unknown source %q (want unanimous, majority, adjudicated, single or unresolved)", source)
	}
	var err error
	if e.Votes, err = decodeGoldVotes(eo, "votes", true); err != nil {
		return e, err
	}
	if e.Source != SourceAdjudicated {
		for _, name := range goldAdjudicatedOnly {
			if _, ok := eo.fields[name]; ok {
				return e, fieldErrf(fieldPath(eo.path, name), ErrUnknownField, "only an adjudicated entry has %s (this one is %s)", name, e.Source)
			}
		}
		return e, nil
	}
	for _, name := range []string{"adjudicator", "reason"} {
		if _, ok := eo.fields[name]; !ok {
			return e, fieldErrf(fieldPath(eo.path, name), ErrMissingField, "missing; an adjudicated entry names its adjudicator and the reason")
		}
	}
	if _, ok := eo.fields["decidedVotes"]; ok {
		if e.DecidedVotes, err = decodeGoldVotes(eo, "decidedVotes", true); err != nil {
			return e, err
		}
	} else {
		e.DecidedVotes = e.Votes.clone()
	}
	e.Stale = !e.DecidedVotes.Equal(e.Votes)
	if _, ok := eo.fields["stale"]; ok {
		var stale bool
		if err := decodeBool(eo, "stale", &stale); err != nil {
			return e, err
		}
		if stale != e.Stale {
			return e, fieldErrf(fieldPath(eo.path, "stale"), ErrBadValue, "%t, but the votes %s decidedVotes", stale, map[bool]string{true: "differ from", false: "are"}[e.Stale])
		}
	}
	return e, nil
}

// decodeGoldVotes reads the votes name of o: an object of label → a list
// of annotators. It does not check the order.
func decodeGoldVotes(o *jsonObject, name string, required bool) (GoldVotes, error) {
	vo, err := o.object(name, required)
	if err != nil || vo == nil {
		return nil, err
	}
	v := make(GoldVotes, len(vo.fields))
	for _, l := range slices.Sorted(maps.Keys(vo.fields)) {
		who, err := decodeStrings(vo, l)
		if err != nil {
			return nil, err
		}
		if who == nil {
			who = []string{}
		}
		v[l] = who
	}
	return v, nil
}

// Validate checks g as a whole and returns the first problem as an
// *ImportError naming the field:
//   - the policy is majority or unanimous;
//   - g has a project (id and hash, the id that of the hash) or a document
//     (id and sentences, numbered s1, s2, … in order), not both;
//   - every entry is of one sentence or one task, on the document (without
//     a project), listed once, with a known source;
//   - its votes name each annotator once, sorted, under non-empty labels;
//   - an entry that is not adjudicated has the label and source its votes
//     give under the policy (GoldVotes.Decide), and nothing of an
//     adjudication;
//   - an adjudicated entry has a label, an adjudicator and a reason, and is
//     Stale exactly when its votes differ from DecidedVotes.
func (g *Gold) Validate() error {
	if _, err := ParseGoldPolicy(string(g.Policy)); err != nil || g.Policy == "" {
		return fieldErrf("policy", ErrBadValue, "unknown policy %q (want majority or unanimous)", g.Policy)
	}
	sentences := map[string]bool{}
	switch {
	case g.Project != "" && g.Document != nil:
		return fieldErrf("document", ErrBadValue, "a gold file has a project or a document, not both")
	case g.Project != "":
		if g.ProjectHash == "" {
			return fieldErrf("projectHash", ErrMissingField, "empty")
		}
		if id := ProjectID(g.ProjectHash); id != g.Project {
			return fieldErrf("project", ErrHashMismatch, "%q is not the id of projectHash %s (%s)", g.Project, abbrevHash(g.ProjectHash), id)
		}
	case g.Document == nil:
		return fieldErrf("project", ErrMissingField, "missing (a gold file names its project, or its document when there is none)")
	default:
		if g.ProjectHash != "" {
			return fieldErrf("projectHash", ErrBadValue, "a gold file without a project has no projectHash")
		}
		if strings.TrimSpace(g.Document.ID) == "" {
			return fieldErrf("document.id", ErrMissingField, "empty")
		}
		if len(g.Document.Sentences) == 0 {
			return fieldErr("document.sentences", ErrEmptyDocument)
		}
		for k, s := range g.Document.Sentences {
			if s.ID != sentenceID(k) {
				return fieldErrf(elemPath("document.sentences", k)+".id", ErrBadValue, "%q where %q belongs; sentences are numbered s1, s2, … in order", s.ID, sentenceID(k))
			}
			if s.End < s.Start {
				return fieldErrf(elemPath("document.sentences", k)+".end", ErrBadOffset, "%d is before start %d", s.End, s.Start)
			}
			sentences[s.ID] = true
		}
	}
	seen := make(map[string]int, len(g.Entries))
	for i := range g.Entries {
		e := &g.Entries[i]
		at := elemPath("gold", i)
		if err := g.validateEntry(e, at, sentences); err != nil {
			return err
		}
		if j, dup := seen[e.key()]; dup {
			return fieldErrf(at, ErrDuplicateID, "%s is listed twice (also %s)", e.Unit(), elemPath("gold", j))
		}
		seen[e.key()] = i
	}
	return nil
}

func (g *Gold) validateEntry(e *GoldEntry, at string, sentences map[string]bool) error {
	switch {
	case strings.TrimSpace(e.Document) == "":
		return fieldErrf(at+".document", ErrMissingField, "empty")
	case g.Document != nil && e.Document != g.Document.ID:
		return fieldErrf(at+".document", ErrOtherDocument, "%s is not the gold file's document (%s)", e.Document, g.Document.ID)
	case e.Sentence != "" && e.Task != "":
		return fieldErrf(at+".task", ErrBadValue, "an entry is of a sentence or of a task's overall stance, not both")
	case e.Sentence == "" && e.Task == "":
		return fieldErrf(at+".sentence", ErrMissingField, "missing (an entry names its sentence, or its task for the overall stance)")
	case g.Document != nil && e.Task != "":
		return fieldErrf(at+".task", ErrUnknownTask, "unknown task %q: gold labels without a project have no tasks", e.Task)
	case g.Document != nil && !sentences[e.Sentence]:
		return fieldErrf(at+".sentence", ErrUnknownSentence, "unknown sentence %q (the document has s1 to s%d)", e.Sentence, len(g.Document.Sentences))
	case g.Project != "" && e.Claim == "":
		return fieldErrf(at+".claim", ErrMissingField, "empty")
	case !slices.Contains(GoldSources, e.Source):
		return fieldErrf(at+".source", ErrBadValue, "unknown source %q (want unanimous, majority, adjudicated, single or unresolved)", e.Source)
	}
	if err := validateVotes(e.Votes, at+".votes"); err != nil {
		return err
	}
	if e.Source != SourceAdjudicated {
		switch {
		case e.Adjudicator != "":
			return fieldErrf(at+".adjudicator", ErrUnknownField, "only an adjudicated entry has adjudicator (this one is %s)", e.Source)
		case e.Reason != "":
			return fieldErrf(at+".reason", ErrUnknownField, "only an adjudicated entry has reason (this one is %s)", e.Source)
		case e.DecidedVotes != nil:
			return fieldErrf(at+".decidedVotes", ErrUnknownField, "only an adjudicated entry has decidedVotes (this one is %s)", e.Source)
		case e.Stale:
			return fieldErrf(at+".stale", ErrUnknownField, "only an adjudicated entry has stale (this one is %s)", e.Source)
		}
		label, source := e.Votes.Decide(g.Policy)
		if source != e.Source {
			return fieldErrf(at+".source", ErrBadValue, "%q does not follow from the votes %s: under the %s policy they give %s", e.Source, e.Votes, g.Policy, source)
		}
		if source == SourceUnresolved && e.Label != "" {
			return fieldErrf(at+".label", ErrBadValue, "%q on an unresolved entry; its label is \"\" until someone decides (source \"adjudicated\")", e.Label)
		}
		if label != e.Label {
			return fieldErrf(at+".label", ErrBadValue, "%q, but the votes %s give %q under the %s policy", e.Label, e.Votes, label, g.Policy)
		}
		return nil
	}
	switch {
	case strings.TrimSpace(e.Label) == "":
		return fieldErrf(at+".label", ErrMissingField, "empty; an adjudicated entry has the label decided")
	case strings.TrimSpace(e.Adjudicator) == "":
		return fieldErrf(at+".adjudicator", ErrMissingField, "empty; an adjudicated entry names its adjudicator")
	case strings.TrimSpace(e.Reason) == "":
		return fieldErrf(at+".reason", ErrMissingField, "empty; an adjudicated entry gives the reason for its label")
	}
	if err := validateVotes(e.DecidedVotes, at+".decidedVotes"); err != nil {
		return err
	}
	if stale := !e.DecidedVotes.Equal(e.Votes); stale != e.Stale {
		return fieldErrf(at+".stale", ErrBadValue, "%t, but the votes %s decidedVotes", e.Stale, map[bool]string{true: "differ from", false: "are"}[stale])
	}
	return nil
}

// validateVotes checks that v names each annotator once, sorted, under
// non-empty labels.
func validateVotes(v GoldVotes, at string) error {
	by := map[string]string{}
	for _, l := range slices.Sorted(maps.Keys(v)) {
		la := fieldPath(at, l)
		if strings.TrimSpace(l) == "" {
			return fieldErrf(la, ErrBadValue, "a vote needs a label")
		}
		if len(v[l]) == 0 {
			return fieldErrf(la, ErrBadValue, "no annotator; leave a label without votes out")
		}
		for j, who := range v[l] {
			wa := elemPath(la, j)
			switch {
			case strings.TrimSpace(who) == "":
				return fieldErrf(wa, ErrMissingField, "empty; a vote names its annotator")
			case j > 0 && who <= v[l][j-1]:
				if who == v[l][j-1] {
					return fieldErrf(wa, ErrDuplicateAnnotator, "%q is listed twice", who)
				}
				return fieldErrf(wa, ErrBadValue, "%q comes after %q; annotators are sorted", who, v[l][j-1])
			}
			if other, ok := by[who]; ok {
				return fieldErrf(wa, ErrDuplicateAnnotator, "%q also voted %s; an annotator votes once", who, other)
			}
			by[who] = l
		}
	}
	return nil
}
