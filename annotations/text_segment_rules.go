package annotations

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// The rules the segmenter applies around the Punkt tokenizer (segmenter
// version 2, SegmenterV2). Each has a name, reported by ExplainSegments and
// "stancemark segment -explain". A rule either splits (starts a sentence
// where Punkt did not) or joins (removes a boundary Punkt made).
const (
	RulePunkt = "punkt" // the Punkt tokenizer's own boundary

	// Joins.
	RuleTitleAbbreviation = "title-abbreviation"      // "Gen. | Petraeus": an abbreviation before a name or number
	RuleBangName          = "bang-name"               // "Yahoo! | News"
	RuleQuoteAttribution  = "quote-attribution"       // `"Why?" | he asked.`
	RulePossessive        = "possessive-abbreviation" // "King Jr.'s | speech": no sentence ends in 's
	RuleEllipsisInside    = "ellipsis-inside"         // "sure . . . | I think", "the vote… | was": an ellipsis inside a sentence
	RuleListMarker        = "list-marker"             // "• 9. | first": a list marker belongs to its item

	// Splits.
	RuleNumberEnd      = "number-end"     // "on June 3. | Talks"
	RuleTwoQuotations  = "two-quotations" // `"Sure?" | "Yes."`
	RuleListItem       = "list-item"      // "1.) first | 2.) second", "a. one | b. two", "• one | • two"
	RuleInitialismEnd  = "initialism-end" // "the E.U. | Officials said", "the U.S. | What"
	RuleTimeEnd        = "time-end"       // "left at 6 P.M. | Then"
	RuleAddressEnd     = "address-end"    // "at www.example.com/a.html. | Go"
	RuleMissingSpace   = "missing-space"  // "It rained.|Then it stopped."
	RuleEllipsisEnd    = "ellipsis-end"   // "abandoned. . . . | The practice": a four-dot ellipsis ends a sentence
	ruleNone           = ""
	maxListMarkerValue = 999
)

// cutTrace is one decision of the segmenter on a paragraph: a boundary
// that starts a sentence at byte at (Split) or one Punkt made that a rule
// removed (!Split).
type cutTrace struct {
	at    int
	split bool
	rule  string
}

// segmentV2 splits paragraph p by Punkt and the rules above. When trace is
// not nil the decisions are appended to it.
func segmentV2(p string, punkt []int, trace *[]cutTrace) []byteSpan {
	words := fieldsIndex(p)
	if len(words) == 0 {
		return nil
	}
	// cut[i] is the rule that starts a sentence at word i (i > 0).
	cut := make([]string, len(words))
	var inWord []cutTrace // Punkt cuts inside a word, kept as they are
	wi := 0
	for _, pos := range punkt {
		for wi < len(words) && words[wi].end <= pos {
			wi++
		}
		if wi >= len(words) {
			break
		}
		switch {
		case pos <= words[wi].start:
			if wi > 0 {
				cut[wi] = RulePunkt
			}
		case pos < words[wi].end:
			inWord = append(inWord, cutTrace{at: pos, split: true, rule: RulePunkt})
		}
	}
	ctx := newParagraphContext(p, words)

	// Joins that must come before the splits: a list marker Punkt cut off
	// its item.
	for i := 1; i < len(words); i++ {
		if cut[i] == RulePunkt && ctx.isMarker(i-1) {
			cut[i] = ruleNone
			ctx.removed(trace, words[i].start, RuleListMarker)
		}
	}
	// Splits.
	for i := 1; i < len(words); i++ {
		if cut[i] == ruleNone {
			cut[i] = ctx.splitRule(i)
		}
	}
	// Joins of Punkt's (and the older splits') boundaries.
	start := 0
	for i := 1; i < len(words); i++ {
		switch cut[i] {
		case ruleNone:
			continue
		case RulePunkt, RuleNumberEnd, RuleTwoQuotations:
			if r := ctx.joinRule(start, i); r != ruleNone {
				cut[i] = ruleNone
				ctx.removed(trace, words[i].start, r)
				continue
			}
		}
		start = i
	}
	// Boundaries inside words: Punkt's and the missing spaces.
	for i, w := range words {
		if strings.IndexByte(p[w.start:w.end-1], '.') >= 0 {
			inWord = append(inWord, ctx.missingSpaces(i)...)
		}
	}

	var spans []byteSpan
	from := 0
	add := func(at int, rule string) {
		if s := trimSpan(p, from, at); s.start < s.end {
			if len(spans) > 0 && trace != nil {
				*trace = append(*trace, cutTrace{at: s.start, split: true, rule: rule})
			}
			spans = append(spans, s)
			from = at
		}
	}
	rule := ruleNone
	k := 0 // next of inWord, which is in order within each word
	sortCuts(inWord)
	for i := range words {
		for k < len(inWord) && inWord[k].at < words[i].start {
			add(inWord[k].at, rule)
			rule = inWord[k].rule
			k++
		}
		if i > 0 && cut[i] != ruleNone {
			add(words[i].start, rule)
			rule = cut[i]
		}
	}
	for ; k < len(inWord); k++ {
		add(inWord[k].at, rule)
		rule = inWord[k].rule
	}
	add(len(p), rule)
	return spans
}

// trimSpan returns [start, end) of p without the whitespace around it.
func trimSpan(p string, start, end int) byteSpan {
	for start < end {
		r, n := utf8.DecodeRuneInString(p[start:end])
		if !isSpace(r) {
			break
		}
		start += n
	}
	for start < end {
		r, n := utf8.DecodeLastRuneInString(p[start:end])
		if !isSpace(r) {
			break
		}
		end -= n
	}
	return byteSpan{start, end}
}

// sortCuts sorts cuts by position, keeping the order of equal ones.
func sortCuts(c []cutTrace) {
	slices.SortStableFunc(c, func(a, b cutTrace) int { return cmp.Compare(a.at, b.at) })
}

// paragraphContext is what the rules need to know about one paragraph.
type paragraphContext struct {
	p       string
	words   []byteSpan
	markers map[int]markerRole // word index → its part in an inline list
}

func newParagraphContext(p string, words []byteSpan) *paragraphContext {
	c := &paragraphContext{p: p, words: words}
	c.findMarkers()
	return c
}

func (c *paragraphContext) word(i int) string { return c.p[c.words[i].start:c.words[i].end] }

func (c *paragraphContext) removed(trace *[]cutTrace, at int, rule string) {
	if trace != nil {
		*trace = append(*trace, cutTrace{at: at, rule: rule})
	}
}

// splitRule returns the rule that starts a sentence at word i, or "".
func (c *paragraphContext) splitRule(i int) string {
	prev, next := c.word(i-1), c.word(i)
	if c.startsItem(i) {
		return RuleListItem
	}
	if c.isMarker(i-1) || !startsSentence(next) {
		return ruleNone
	}
	switch {
	case isNumberEnd(prev) && i >= 2 && !strings.HasSuffix(c.word(i-2), ":"):
		return RuleNumberEnd
	case endsQuotation(prev) && strings.ContainsRune(`"“`, firstRune(next)):
		return RuleTwoQuotations
	case isTimeAbbreviation(prev):
		if c.timeEndsSentence(i) {
			return RuleTimeEnd
		}
	case isInitialism(prev):
		if sentenceStarters[strings.TrimLeft(next, openingQuotes)] {
			return RuleInitialismEnd
		}
	case strings.HasSuffix(prev, ".") && isAddress(strings.TrimSuffix(prev, ".")):
		return RuleAddressEnd
	case endsFourDotEllipsis(c.p[:c.words[i-1].end]):
		return RuleEllipsisEnd
	}
	return ruleNone
}

// joinRule returns the rule that joins the sentence from word start to
// word i-1 with the one starting at word i, or "".
func (c *paragraphContext) joinRule(start, i int) string {
	a := c.p[c.words[start].start:c.words[i-1].end]
	b := c.p[c.words[i].start:]
	last := strings.TrimLeft(c.word(i-1), `"'“‘([«`)
	switch {
	case titleAbbreviations[last]:
		return RuleTitleAbbreviation
	case bangNames[last]:
		return RuleBangName
	case isPossessiveAbbreviation(last):
		return RulePossessive
	case ellipsisInside(a, b):
		return RuleEllipsisInside
	case shouldMerge(a, b): // the quotation and its attribution
		return RuleQuoteAttribution
	}
	return ruleNone
}
