package app

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"stancemark/annotations"
)

// What an adjudication keeps in this browser (persist.go's
// adjudicationKey): the annotators' files as they were opened, the
// adjudicator's decisions and settings, each stamped with when it was
// made, so that two tabs merge (the later stamp wins, per annotator and
// per unit) and a reload gives everything back. The gold labels are not
// kept: they are computed again from the files and the decisions by
// annotations.NewGold, as the CLI's gold does.

// adjFormat is the format of a kept adjudication (adjRecord).
const adjFormat = "stancemark-adjudication/v1"

// adjRecord is a kept adjudication: of a project (Project set; the
// project file itself is kept under projectKey) or of one document
// without a project (Document set; the exports hold its text).
type adjRecord struct {
	Format      string                 `json:"format"`
	Project     string                 `json:"project,omitempty"`
	Document    string                 `json:"document,omitempty"`
	Title       string                 `json:"title"`
	Policy      annotations.GoldPolicy `json:"policy"`
	None        bool                   `json:"none"`
	Adjudicator string                 `json:"adjudicator,omitempty"`
	SettingsAt  time.Time              `json:"settingsAt"` // when policy, none or the adjudicator last changed
	Inputs      []adjInput             `json:"inputs"`
	Decisions   []adjDecision          `json:"decisions"`
}

// adjInput is one annotator's file: a submission, or an export without a
// project. Data is "" once the file was removed (kept so that the removal
// wins over an older copy in another tab).
type adjInput struct {
	Annotator string    `json:"annotator"`
	Name      string    `json:"name"` // the file's name, as opened
	Data      string    `json:"data,omitempty"`
	At        time.Time `json:"at"`
}

// adjDecision is the adjudicator's label for one unit; Label is "" once
// withdrawn (the unit goes back to the policy's label).
type adjDecision struct {
	Unit         string                `json:"unit"` // annotations.GoldEntry.UnitKey
	Document     string                `json:"document"`
	Sentence     string                `json:"sentence,omitempty"`
	Task         string                `json:"task,omitempty"`
	Claim        string                `json:"claim"`
	Label        string                `json:"label"`
	Adjudicator  string                `json:"adjudicator,omitempty"`
	Reason       string                `json:"reason,omitempty"`
	AutoReason   bool                  `json:"autoReason,omitempty"` // Reason was written by the app, not the adjudicator
	DecidedVotes annotations.GoldVotes `json:"decidedVotes,omitempty"`
	At           time.Time             `json:"at"`
}

// scope is what the record is of: the project's id or the document's.
func (r *adjRecord) scope() string {
	if r.Project != "" {
		return r.Project
	}
	return r.Document
}

// readAdjRecord reads a kept adjudication, refusing what it cannot use.
func readAdjRecord(data string) (*adjRecord, error) {
	var r adjRecord
	if err := json.Unmarshal([]byte(data), &r); err != nil {
		return nil, err
	}
	switch {
	case r.Format != adjFormat:
		return nil, fmt.Errorf("unknown format %q (want %s)", r.Format, adjFormat)
	case (r.Project == "") == (r.Document == ""):
		return nil, fmt.Errorf("it names neither a project nor a document")
	}
	if _, err := annotations.ParseGoldPolicy(string(r.Policy)); err != nil {
		return nil, err
	}
	for i, in := range r.Inputs {
		if strings.TrimSpace(in.Annotator) == "" {
			return nil, fmt.Errorf("inputs[%d]: no annotator", i)
		}
	}
	for i, d := range r.Decisions {
		if d.Unit == "" {
			return nil, fmt.Errorf("decisions[%d]: no unit", i)
		}
	}
	return &r, nil
}

// marshal is the record as it is kept.
func (r *adjRecord) marshal() (string, error) {
	r.Format = adjFormat
	if r.Inputs == nil {
		r.Inputs = []adjInput{}
	}
	if r.Decisions == nil {
		r.Decisions = []adjDecision{}
	}
	b, err := json.Marshal(r)
	return string(b), err
}

// input returns the annotator's file, or nil.
func (r *adjRecord) input(annotator string) *adjInput {
	for i := range r.Inputs {
		if r.Inputs[i].Annotator == annotator {
			return &r.Inputs[i]
		}
	}
	return nil
}

// decision returns the decision on the unit, or nil.
func (r *adjRecord) decision(unit string) *adjDecision {
	for i := range r.Decisions {
		if r.Decisions[i].Unit == unit {
			return &r.Decisions[i]
		}
	}
	return nil
}

// putInput sets the annotator's file (a removal when in.Data is "").
func (r *adjRecord) putInput(in adjInput) {
	if p := r.input(in.Annotator); p != nil {
		*p = in
		return
	}
	r.Inputs = append(r.Inputs, in)
}

// putDecision sets the decision on d.Unit (a withdrawal when d.Label is "").
func (r *adjRecord) putDecision(d adjDecision) {
	if p := r.decision(d.Unit); p != nil {
		*p = d
		return
	}
	r.Decisions = append(r.Decisions, d)
}

// merge takes what another tab kept for the same adjudication: per
// annotator's file and per unit's decision, the later stamp wins (on equal
// stamps the other's is kept only when this one has none); the settings
// go with the later SettingsAt. It reports whether r changed.
func (r *adjRecord) merge(o *adjRecord) bool {
	changed := false
	for _, in := range o.Inputs {
		if p := r.input(in.Annotator); p == nil || in.At.After(p.At) {
			r.putInput(in)
			changed = true
		}
	}
	for _, d := range o.Decisions {
		if p := r.decision(d.Unit); p == nil || d.At.After(p.At) {
			r.putDecision(d)
			changed = true
		}
	}
	if o.SettingsAt.After(r.SettingsAt) {
		r.Policy, r.None, r.Adjudicator, r.SettingsAt = o.Policy, o.None, o.Adjudicator, o.SettingsAt
		changed = true
	}
	return changed
}

// equal reports whether r and o hold the same files, decisions and settings.
func (r *adjRecord) equal(o *adjRecord) bool {
	a, _ := r.marshal()
	b, _ := o.marshal()
	return a == b
}

// liveInputs are the files not removed, in the order they were added.
func (r *adjRecord) liveInputs() []adjInput {
	return slices.DeleteFunc(slices.Clone(r.Inputs), func(in adjInput) bool { return in.Data == "" })
}

// adjudicationGold is the record's decisions as a gold file of adjudicated
// entries (each decided on its DecidedVotes), for NewGold's Adjudication.
func (r *adjRecord) adjudicationGold(base *annotations.Gold) *annotations.Gold {
	g := &annotations.Gold{Project: base.Project, ProjectHash: base.ProjectHash, Document: base.Document, Policy: base.Policy, None: base.None}
	for _, d := range r.Decisions {
		if d.Label == "" {
			continue
		}
		g.Entries = append(g.Entries, annotations.GoldEntry{Document: d.Document, Sentence: d.Sentence, Task: d.Task, Claim: d.Claim,
			Label: d.Label, Source: annotations.SourceAdjudicated, Votes: d.DecidedVotes, Adjudicator: d.Adjudicator, Reason: d.Reason,
			DecidedVotes: d.DecidedVotes})
	}
	return g
}
