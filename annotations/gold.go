package annotations

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Gold labels ("stancemark-gold/v1"): one label per sentence × claim (and
// per task for the overall stance) decided from several annotators' votes
// by a policy, or by an adjudicator. This file is the data contract and
// the decision rule; gold_build.go builds a Gold from submissions or
// exports, gold_file.go reads and writes the file.
//
// Which votes count: an annotator's highlight covering a sentence is a vote
// for its label; a sentence they left untagged is no vote, or, with None,
// a vote for "none" (only from annotators who worked on the task, or on the
// document without a project). The same holds for the overall stance of a
// task. An entry exists for every unit someone tagged.

// GoldFormat is the format name of a gold file.
const GoldFormat = "stancemark-gold/v1"

// NoneLabel is the vote of an untagged sentence when None is set.
const NoneLabel = "none"

// GoldPolicy is how a label is chosen from the votes.
type GoldPolicy string

// The policies.
const (
	// PolicyMajority takes the label with the most votes; a tie is
	// unresolved.
	PolicyMajority GoldPolicy = "majority"
	// PolicyUnanimous takes only unanimous and single labels; anything
	// else is unresolved.
	PolicyUnanimous GoldPolicy = "unanimous"
)

// GoldPolicies lists the policies, the default first.
var GoldPolicies = []GoldPolicy{PolicyMajority, PolicyUnanimous}

// ParseGoldPolicy returns the policy named s ("" is PolicyMajority).
func ParseGoldPolicy(s string) (GoldPolicy, error) {
	switch p := GoldPolicy(s); p {
	case "":
		return PolicyMajority, nil
	case PolicyMajority, PolicyUnanimous:
		return p, nil
	}
	return "", becausef(ErrBadValue, "unknown policy %q (want majority or unanimous)", s)
}

// GoldSource is where a gold label comes from: its provenance.
type GoldSource string

// The sources.
const (
	SourceUnanimous   GoldSource = "unanimous"   // two or more votes, all the same
	SourceMajority    GoldSource = "majority"    // the label with strictly the most votes, not all
	SourceSingle      GoldSource = "single"      // exactly one vote
	SourceAdjudicated GoldSource = "adjudicated" // decided by an adjudicator
	SourceUnresolved  GoldSource = "unresolved"  // a tie (or, under PolicyUnanimous, any disagreement) nobody decided
)

// GoldSources lists the sources in the order reports count them.
var GoldSources = []GoldSource{SourceUnanimous, SourceMajority, SourceAdjudicated, SourceSingle, SourceUnresolved}

// GoldVotes maps a label to the annotators who voted for it, sorted. An
// annotator votes at most once per entry.
type GoldVotes map[string][]string

// Count returns the number of votes.
func (v GoldVotes) Count() int {
	n := 0
	for _, who := range v {
		n += len(who)
	}
	return n
}

// Equal reports whether v and w hold the same votes.
func (v GoldVotes) Equal(w GoldVotes) bool {
	return maps.EqualFunc(v, w, slices.Equal[[]string])
}

// String lists the votes, most first, then by label: "agree 2 (ana, bob),
// disagree 1 (cy)"; "no votes" when empty.
func (v GoldVotes) String() string {
	if len(v) == 0 {
		return "no votes"
	}
	parts := make([]string, 0, len(v))
	for _, l := range v.labels() {
		parts = append(parts, fmt.Sprintf("%s %d (%s)", l, len(v[l]), strings.Join(v[l], ", ")))
	}
	return strings.Join(parts, ", ")
}

// labels returns the labels with votes, most votes first, then by label.
func (v GoldVotes) labels() []string {
	ls := slices.Collect(maps.Keys(v))
	slices.SortFunc(ls, func(a, b string) int {
		if d := len(v[b]) - len(v[a]); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	return ls
}

func (v GoldVotes) clone() GoldVotes {
	if v == nil {
		return nil
	}
	c := make(GoldVotes, len(v))
	for l, who := range v {
		c[l] = slices.Clone(who)
	}
	return c
}

// Decide returns the label policy gives the votes and its source: one
// vote is SourceSingle; two or more, all the same, SourceUnanimous; else,
// under PolicyMajority, the label with strictly the most votes is
// SourceMajority and a tie SourceUnresolved ("" label), and under
// PolicyUnanimous anything else is SourceUnresolved. No votes are
// SourceUnresolved.
func (v GoldVotes) Decide(policy GoldPolicy) (string, GoldSource) {
	ls := v.labels()
	switch {
	case len(ls) == 0:
		return "", SourceUnresolved
	case len(ls) == 1 && len(v[ls[0]]) == 1:
		return ls[0], SourceSingle
	case len(ls) == 1:
		return ls[0], SourceUnanimous
	case policy == PolicyMajority && len(v[ls[0]]) > len(v[ls[1]]):
		return ls[0], SourceMajority
	}
	return "", SourceUnresolved
}

// Gold is a gold file: the labels decided for a project (Project and
// ProjectHash set) or for one document without a project (Document set).
type Gold struct {
	Project     string        // Project.ID; "" without a project
	ProjectHash string        // Project.Hash of the version the votes are on
	Document    *GoldDocument // without a project: the document the exports are of
	Policy      GoldPolicy
	None        bool // untagged counted as a vote for NoneLabel
	Entries     []GoldEntry
}

// GoldDocument names the document of a gold file made without a project:
// its id and its sentence boundaries, which the votes are on.
type GoldDocument struct {
	ID        string
	Sentences []ExportSentence
}

// GoldEntry is the gold label of one unit: a sentence judged against a
// claim (Sentence set), or a task's overall stance (Task set).
type GoldEntry struct {
	Document string // a document id
	Sentence string // a sentence id ("s3"); "" for an overall stance
	Task     string // for an overall stance: a Task.ID; "" for a sentence
	Claim    string // a Claim.ID (ClaimID of the export's target without a project; "" when it has none)
	Label    string // "" while unresolved
	Source   GoldSource
	Votes    GoldVotes // the votes now

	// Adjudicated entries only.
	Adjudicator  string
	Reason       string
	DecidedVotes GoldVotes // the votes the decision was made on
	Stale        bool      // Votes differ from DecidedVotes: the decision may need a new look
}

// Unit names the entry's unit for a message: "s3 on claim c0123456789ab"
// or "the overall stance of task t0123456789ab".
func (e *GoldEntry) Unit() string {
	if e.Task != "" {
		return "the overall stance of task " + e.Task
	}
	if e.Claim == "" {
		return e.Sentence
	}
	return e.Sentence + " on claim " + e.Claim
}

// key identifies the entry's unit within a gold file.
func (e *GoldEntry) key() string {
	return e.Document + "\n" + e.Claim + "\n" + e.Sentence + "\n" + e.Task
}

// NeedsDecision reports whether the entry still needs an adjudicator: it
// is unresolved, or its decision is stale.
func (e *GoldEntry) NeedsDecision() bool {
	return e.Source == SourceUnresolved || e.Source == SourceAdjudicated && e.Stale
}

// Pending returns the entries that still need a decision (see
// GoldEntry.NeedsDecision), in file order.
func (g *Gold) Pending() []GoldEntry {
	var out []GoldEntry
	for _, e := range g.Entries {
		if e.NeedsDecision() {
			out = append(out, e)
		}
	}
	return out
}

// Counts returns how many entries come from each source.
func (g *Gold) Counts() map[GoldSource]int {
	n := make(map[GoldSource]int, len(GoldSources))
	for _, s := range GoldSources {
		n[s] = 0
	}
	for _, e := range g.Entries {
		n[e.Source]++
	}
	return n
}
