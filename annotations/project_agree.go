package annotations

import (
	"fmt"
)

// ReliabilityFromSubmissions turns several annotators' submissions on one
// project into reliability data: one unit per sentence that at least one
// submission tagged, on a task (the rule of ReliabilityFromExports: a
// sentence nobody tagged is no unit, with or without "none"), named
// "<task id>:<sentence id>" (sentence × claim, since a task is a document
// judged against one claim); one coder per submission (its annotator;
// "name (2)" for a repeated name); as value the label of the highlight that
// covers the sentence. A coder without work on a task has no value for its
// sentences; on a task they worked on, an untagged sentence gets untagged
// ("" leaves it missing, "none" counts it as a value).
//
// With claim set (a Claim.ID) only the tasks of that claim count. Every
// submission must pass p.CheckSubmission; the first that does not is
// returned as an error naming it ("submission 2: …").
func ReliabilityFromSubmissions(p *Project, subs []*ProjectSubmission, untagged, claim string) (*Reliability, error) {
	if len(subs) == 0 {
		return nil, fmt.Errorf("%w (no submission)", ErrTooFewCoders)
	}
	x := p.index()
	if claim != "" {
		if _, ok := x.claims[claim]; !ok {
			return nil, becausef(ErrBadValue, "unknown claim %q", claim)
		}
	}
	// work[c][task index] is coder c's work on the task, or nil.
	work := make([]map[int]*TaskWork, len(subs))
	used := make([]bool, len(p.Tasks))
	r := &Reliability{}
	names := map[string]int{}
	for c, s := range subs {
		if err := p.CheckSubmission(s); err != nil {
			return nil, fmt.Errorf("submission %d: %w", c+1, err)
		}
		work[c] = make(map[int]*TaskWork, len(s.Tasks))
		for i := range s.Tasks {
			w := &s.Tasks[i]
			ti := x.tasks[w.Task]
			if !w.HasWork() || claim != "" && p.Tasks[ti].Claim != claim {
				continue
			}
			work[c][ti] = w
			used[ti] = true
		}
		r.Coders = append(r.Coders, coderName(names, s.Annotator))
	}
	for ti, t := range p.Tasks {
		if !used[ti] {
			continue
		}
		n := len(p.Documents[x.docs[t.Document]].Sentences)
		rows := make([][]string, n)
		tagged := make([]bool, n) // some annotator tagged the sentence: only those are units, as in ReliabilityFromExports
		for k := range rows {
			rows[k] = make([]string, len(subs))
		}
		for c := range subs {
			w := work[c][ti]
			if w == nil {
				continue
			}
			for k := range rows {
				rows[k][c] = untagged
			}
			for _, a := range w.Annotations {
				for _, sid := range a.SentenceIDs {
					k := sentenceIndex(sid, n)
					rows[k][c] = a.Label
					tagged[k] = true
				}
			}
		}
		for k, row := range rows {
			if tagged[k] {
				r.Units = append(r.Units, t.ID+":"+sentenceID(k))
				r.Values = append(r.Values, row)
			}
		}
	}
	return r, nil
}
