package annotations

import (
	"fmt"
	"strconv"
)

// ReliabilityFromExports turns several annotators' exports of one document
// into reliability data: one unit per sentence (its id), one coder per
// export (AnnotatorName, so "anonymous-…" for an export without a name,
// and "name (2)" for a repeated name), and as value the label of the highlight that covers
// the sentence. An untagged sentence gets the value untagged: "" leaves it
// missing, "none" (for example) counts it as a value.
//
// A sentence that no export tagged is not a unit, whatever untagged is:
// nobody judged it, and as a value ("none" from everyone) it would add
// agreement that no coder expressed, the more so the longer the article.
// This is the one rule for such sentences, shared by "stancemark agree"
// and the class dashboard (Class.Report), which both build their units
// here; len(r.Units) is the number of units used.
//
// The exports must be valid (see Export.Validate), of the same document
// on the same sentence boundaries (else the error wraps ErrOtherDocument
// and names both) and under the same scheme id (else ErrUnknownScheme).
func ReliabilityFromExports(exports []*Export, untagged string) (*Reliability, error) {
	if len(exports) == 0 {
		return nil, fmt.Errorf("%w (no export)", ErrTooFewCoders)
	}
	first := exports[0]
	r := &Reliability{Values: make([][]string, len(first.Document.Sentences))}
	for _, s := range first.Document.Sentences {
		r.Units = append(r.Units, s.ID)
	}
	for u := range r.Values {
		r.Values[u] = make([]string, len(exports))
	}
	tagged := make([]bool, len(r.Units)) // tagged[u]: some export tagged sentence u
	names := map[string]int{}
	for c, e := range exports {
		if e.Document.ID != first.Document.ID {
			return nil, becausef(ErrOtherDocument, "export %d is for %s, but export 1 is for %s",
				c+1, describe(e.Document.Title, e.Document.ID), describe(first.Document.Title, first.Document.ID))
		}
		if err := checkSameBoundaries(c+1, e, first); err != nil {
			return nil, err
		}
		if e.Scheme.ID != first.Scheme.ID {
			return nil, becausef(ErrUnknownScheme, "export %d uses the label set %q, but export 1 uses %q", c+1, e.Scheme.ID, first.Scheme.ID)
		}
		r.Coders = append(r.Coders, coderName(names, AnnotatorName(e)))
		at, err := newExportText(e).labelAt()
		if err != nil {
			return nil, err
		}
		for u, j := range at {
			if j >= 0 {
				r.Values[u][c] = e.Annotations[j].Label
				tagged[u] = true
			} else {
				r.Values[u][c] = untagged
			}
		}
	}
	kept := 0
	for u := range r.Units {
		if tagged[u] {
			r.Units[kept], r.Values[kept] = r.Units[u], r.Values[u]
			kept++
		}
	}
	r.Units, r.Values = r.Units[:kept], r.Values[:kept]
	return r, nil
}

// coderName returns name as a coder's name, "name (2)", "name (3)" and so
// on when it is given again; seen counts the names given so far.
func coderName(seen map[string]int, name string) string {
	n := seen[name]
	seen[name]++
	if n > 0 {
		return name + " (" + strconv.Itoa(n+1) + ")"
	}
	return name
}
