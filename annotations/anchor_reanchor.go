package annotations

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// Re-anchoring moves highlights made on one version of a text onto another
// version of the same article (a typo fixed, a sentence inserted, a
// paragraph removed). Each highlight is described redundantly, as the W3C
// TextQuoteSelector does: its exact quote, ContextLength code points of
// prefix and suffix, and its old position. It is placed cheapest-first:
//
//  1. the quote found exactly: the occurrence whose context and position
//     score best (a quote found once is taken);
//  2. otherwise the quote found approximately (at most
//     maxQuoteErrorRate edits per code point), scored by quote, context and
//     position; the best is taken only if it scores at least minScore;
//  3. otherwise the highlight is an orphan: not found beats a bad match.
//
// The place found is then snapped to whole sentences of the new document.
// Both texts are compared in their canonical form (CanonicalText), the
// same normalisation the exports were made with.

// Weights of a candidate's score, as in Hypothesis's match-quote: the quote
// matters most; context tells apart repeated or edited quotes; the
// position only breaks ties.
const (
	quoteWeight    = 50.0 // similarity of the quote
	prefixWeight   = 20.0 // similarity of the ContextLength code points before it
	suffixWeight   = 20.0 // similarity of the ContextLength code points after it
	positionWeight = 2.0  // closeness to the old position
)

// Thresholds of the fuzzy match.
const (
	// maxQuoteErrorRate bounds the edits (insertions, deletions,
	// substitutions) an approximate quote may have: one per four code
	// points. A quote of fewer than 1/maxQuoteErrorRate code points must
	// be found exactly.
	maxQuoteErrorRate = 0.25
	// minScore is the lowest weighted score (0..1) an approximate match
	// needs: an edited quote (similarity 0.75) in an unchanged context
	// scores about 0.86; the same quote with both contexts gone about 0.43.
	minScore = 0.75
	// minSentenceOverlap is the share of a new sentence that the place
	// found must cover for the sentence to be part of the highlight.
	minSentenceOverlap = 0.5
)

// Orphan is a highlight Reanchor could not place on the new text. It is
// kept whole, with its old sentence ids and its quote and context, so that
// it can be shown, exported or placed by hand.
type Orphan struct {
	Annotation Annotation
	Quote      string // the highlighted text in the old document
	Prefix     string // up to ContextLength code points before Quote
	Suffix     string // up to ContextLength code points after Quote
	Reason     string // why it could not be placed
}

// Reanchor returns e moved onto doc, another version of e's document: the
// same annotator, scheme and export time, doc's text and sentences, and
// every highlight that could be placed, with its id, label, note and times
// but the ids of the sentences it now covers. The highlights that could not
// be placed are returned as orphans, in e's order; none is dropped. When e
// is already for doc it is returned unchanged (a copy). An invalid e is an
// *ImportError.
func Reanchor(e *Export, doc *Document) (anchored *Export, orphans []Orphan, err error) {
	if err := e.Validate(); err != nil {
		return nil, nil, err
	}
	out := *e
	out.Document = doc.ExportDocument()
	out.Scheme = e.Scheme.clone()
	out.Annotations = nil
	if e.Document.ID == doc.ID && sameSentences(doc, e.Document.Sentences) == nil {
		for _, a := range e.Annotations {
			out.Annotations = append(out.Annotations, a.clone())
		}
		return &out, nil, nil
	}
	old := newExportText(e)
	m := newMatcher(doc)
	owner := make([]int, len(doc.Sentences)) // 1 + index into out.Annotations
	for _, a := range e.Annotations {
		h, err := old.locate(a)
		if err != nil {
			return nil, nil, err
		}
		o := Orphan{Annotation: a.clone(), Quote: old.text(h.start, h.end)}
		o.Prefix, o.Suffix = old.context(h.start, h.end)
		first, last, reason := m.place(o.Quote, o.Prefix, o.Suffix, h.start)
		if reason == "" {
			for i := first; i <= last; i++ {
				if owner[i] != 0 {
					reason = fmt.Sprintf("its new place, %s, is already taken by highlight %q", doc.Sentences[i].ID, out.Annotations[owner[i]-1].ID)
					break
				}
			}
		}
		if reason != "" {
			o.Reason = reason
			orphans = append(orphans, o)
			continue
		}
		b := a.clone()
		b.SentenceIDs = b.SentenceIDs[:0]
		for i := first; i <= last; i++ {
			b.SentenceIDs = append(b.SentenceIDs, doc.Sentences[i].ID)
			owner[i] = len(out.Annotations) + 1
		}
		out.Annotations = append(out.Annotations, b)
	}
	slices.SortStableFunc(out.Annotations, func(x, y Annotation) int {
		return doc.SentenceIndex(x.SentenceIDs[0]) - doc.SentenceIndex(y.SentenceIDs[0])
	})
	if err := out.Validate(); err != nil {
		return nil, nil, err
	}
	return &out, orphans, nil
}

// matcher finds quotes in the text of a document.
type matcher struct {
	doc   *Document
	text  string
	runes []rune
}

func newMatcher(doc *Document) *matcher {
	return &matcher{doc: doc, text: doc.Text, runes: []rune(doc.Text)}
}

// candidate is a place a quote may be: code points start..end with a
// number of edits from the quote.
type candidate struct {
	start, end, errors int
	score              float64
}

// place finds quote (with its context and old start) in the new text and
// returns the sentences it covers, or why it could not be placed.
func (m *matcher) place(quote, prefix, suffix string, hint int) (first, last int, reason string) {
	q := []rune(quote)
	cands := m.exact(quote, len(q))
	exact := len(cands) > 0
	if !exact {
		maxErr := int(float64(len(q)) * maxQuoteErrorRate)
		if maxErr == 0 {
			return 0, 0, "the quote is not in the new text (it is too short to look for approximately)"
		}
		cands = m.approximate(q, maxErr)
		if len(cands) == 0 {
			return 0, 0, "the quote is not in the new text, not even approximately"
		}
	}
	p, s := []rune(prefix), []rune(suffix)
	best := -1
	for i := range cands {
		c := &cands[i]
		c.score = m.score(c, len(q), p, s, hint)
		if best < 0 || c.score > cands[best].score {
			best = i
		}
	}
	c := cands[best]
	if !(exact && len(cands) == 1) && c.score < minScore {
		return 0, 0, fmt.Sprintf("the best match scores %.2f, below %.2f", c.score, minScore)
	}
	first, last = -1, -1
	for i, st := range m.doc.Sentences {
		overlap := min(st.End, c.end) - max(st.Start, c.start)
		if float64(overlap) >= minSentenceOverlap*float64(st.End-st.Start) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return 0, 0, "the quote matches only part of a sentence"
	}
	return first, last, ""
}

// exact returns every place quote (n code points) occurs exactly.
func (m *matcher) exact(quote string, n int) []candidate {
	var out []candidate
	from, runeFrom := 0, 0
	for {
		i := strings.Index(m.text[from:], quote)
		if i < 0 {
			return out
		}
		start := runeFrom + utf8.RuneCountInString(m.text[from:from+i])
		out = append(out, candidate{start: start, end: start + n})
		_, size := utf8.DecodeRuneInString(m.text[from+i:])
		from, runeFrom = from+i+size, start+1
	}
}

// approximate returns the places where q occurs with at most maxErr edits
// (Sellers' algorithm: edit distance with a free start in the text), one
// per end position, keeping only local minima of the error count.
func (m *matcher) approximate(q []rune, maxErr int) []candidate {
	n := len(q)
	cost := make([]int, n+1)  // cost[i]: edits to match q[:i] ending here
	start := make([]int, n+1) // start[i]: where that match starts
	prevCost := make([]int, n+1)
	prevStart := make([]int, n+1)
	for i := range prevCost {
		prevCost[i], prevStart[i] = i, 0
	}
	var out []candidate
	for j, r := range m.runes {
		cost[0], start[0] = 0, j+1
		for i := 1; i <= n; i++ {
			sub := prevCost[i-1]
			if q[i-1] != r {
				sub++
			}
			c, s := sub, prevStart[i-1]
			if d := prevCost[i] + 1; d < c { // r is an extra code point
				c, s = d, prevStart[i]
			}
			if d := cost[i-1] + 1; d < c { // q[i-1] is missing
				c, s = d, start[i-1]
			}
			cost[i], start[i] = c, s
		}
		if e := cost[n]; e <= maxErr {
			end := j + 1
			if k := len(out) - 1; k >= 0 && out[k].end == j && out[k].start == start[n] {
				if e <= out[k].errors { // the same match, one code point longer and no worse
					out[k] = candidate{start: start[n], end: end, errors: e}
				}
			} else {
				out = append(out, candidate{start: start[n], end: end, errors: e})
			}
		}
		cost, prevCost = prevCost, cost
		start, prevStart = prevStart, start
	}
	return out
}

// score weighs a candidate: quote, prefix and suffix similarity and
// closeness to hint, in 0..1.
func (m *matcher) score(c *candidate, quoteLen int, prefix, suffix []rune, hint int) float64 {
	quoteSim := 1 - float64(c.errors)/float64(max(quoteLen, 1))
	before := m.runes[max(0, c.start-len(prefix)):c.start]
	after := m.runes[c.end:min(len(m.runes), c.end+len(suffix))]
	posSim := 1 - math.Min(1, math.Abs(float64(c.start-hint))/float64(max(len(m.runes), 1)))
	return (quoteWeight*quoteSim + prefixWeight*similarity(prefix, before) +
		suffixWeight*similarity(suffix, after) + positionWeight*posSim) /
		(quoteWeight + prefixWeight + suffixWeight + positionWeight)
}

// similarity is 1 - editDistance(a, b) / max(len(a), len(b)); two empty
// strings are identical.
func similarity(a, b []rune) float64 {
	n := max(len(a), len(b))
	if n == 0 {
		return 1
	}
	return 1 - float64(editDistance(a, b))/float64(n)
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
