package annotations

import (
	"strings"
	"unicode/utf8"

	"github.com/neurosnap/sentences"
)

// paragraphSplitter splits one paragraph as splitParagraph does, for one
// language; when trace is not nil the rules' decisions are appended to it.
type paragraphSplitter func(p string, trace *[]cutTrace) []byteSpan

// Languages by the script they are written in when their tag names none:
// those not listed are written in the Latin script.
const (
	cjkLanguages    = "zh ja yue wuu"
	arabicLanguages = "ar fa ur ps ug sd ks"
	greekLanguages  = "el grc"
	otherScripts    = `ko he yi ru uk be bg mk sr kk ky tg mn tt ba cv ce os ab hi mr ne sa bn pa gu
or as ta te kn ml si th lo km my ka hy am ti bo dz dv iu`
)

// splitterFor returns how a text in language tag (normalized) is split, or
// nil when it is split as English is (segmenter version 2):
//
//   - a language of PunktLanguages (written in the Latin script, or Greek):
//     its Punkt model, then the joins RuleEllipsisInside,
//     RuleQuoteAttribution and RuleOneLetterAbbreviation; Greek also splits after ";" (RuleGenericTerminal);
//   - Chinese and Japanese (or a tag with the script Hans, Hant, Hani,
//     Jpan, Hira or Kana): RuleCJKTerminal;
//   - Arabic, Persian, Urdu, Pashto, Uyghur, Sindhi, Kashmiri (or the
//     script Arab): RuleArabicTerminal;
//   - any other language not written in the Latin script (Russian,
//     Ukrainian, Hebrew, Korean, Hindi, Thai, ...; or a script other than
//     Latn): RuleGenericTerminal;
//   - English, "und" and the Latin-script languages with no model: nil.
//
// It returns an error wrapping ErrNoModel when the language's model cannot
// be had.
func splitterFor(tag string) (paragraphSplitter, error) {
	base := baseLanguage(tag)
	script := scriptOf(tag)
	in := func(list string) bool { return script == "" && hasWord(list, base) }
	switch {
	case script == "Latn" || script == "" && !in(cjkLanguages) && !in(arabicLanguages) && !in(greekLanguages) && !in(otherScripts):
		if model, ok := punktModelOf(base); ok {
			return punktSplitter(model, "")
		}
		return nil, nil
	case script == "Grek" || in(greekLanguages):
		if model, ok := punktModelOf(base); ok {
			return punktSplitter(model, ";\u037e")
		}
		return terminalSplitter(greekTerminals, RuleGenericTerminal), nil
	case hasWord("Hans Hant Hani Jpan Hira Kana", script) || in(cjkLanguages):
		return func(p string, trace *[]cutTrace) []byteSpan { return spansFromCuts(p, cjkCuts(p), trace) }, nil
	case script == "Arab" || in(arabicLanguages):
		return terminalSplitter(arabicTerminals, RuleArabicTerminal), nil
	}
	return terminalSplitter(genericTerminals, RuleGenericTerminal), nil
}

// terminalSplitter splits by terminalCuts.
func terminalSplitter(terminals, rule string) paragraphSplitter {
	return func(p string, trace *[]cutTrace) []byteSpan {
		return spansFromCuts(p, terminalCuts(p, terminals, rule), trace)
	}
}

// punktSplitter splits by the Punkt model of language model, the joins
// that hold in every language, then, when extra is not "", after the
// punctuation marks extra (RuleGenericTerminal).
func punktSplitter(model, extra string) (paragraphSplitter, error) {
	tok, err := punktTokenizer(model)
	if err != nil {
		return nil, err
	}
	return func(p string, trace *[]cutTrace) []byteSpan {
		cuts := joinAcrossLanguages(p, punktCuts(tok, p), trace)
		if extra != "" {
			cuts = mergeCuts(cuts, terminalCuts(p, extra, RuleGenericTerminal))
		}
		return spansFromCuts(p, cuts, trace)
	}, nil
}

// punktCuts returns the starts of the sentences Punkt finds in p (after
// the first), each at the first non-space after Punkt's boundary.
func punktCuts(tok *sentences.DefaultSentenceTokenizer, p string) []cutTrace {
	var cuts []cutTrace
	for _, pos := range tok.SentencePositions(p) {
		for pos < len(p) && !utf8.RuneStart(p[pos]) {
			pos++
		}
		at := skipRunes(p, pos, isSpace)
		// A closing quote Punkt put at the start of the next sentence,
		// spaced as French spaces it ("Pourquoi ? » a-t-il demandé") goes
		// on the sentence it closes.
		for at < len(p) && strings.ContainsRune(danglingClosers, firstRune(p[at:])) {
			_, n := utf8.DecodeRuneInString(p[at:])
			if at+n < len(p) && !isSpace(firstRune(p[at+n:])) {
				break // an opening quote: »Ja«, “Yes”
			}
			at = skipRunes(p, at+n, isSpace)
		}
		if at >= len(p) || at == 0 || len(cuts) > 0 && cuts[len(cuts)-1].at >= at {
			continue
		}
		cuts = append(cuts, cutTrace{at: at, split: true, rule: RulePunkt})
	}
	return cuts
}

// joinAcrossLanguages removes the cuts that split an ellipsis inside a
// sentence (RuleEllipsisInside), a quotation from its attribution
// (RuleQuoteAttribution) or come after a one-letter abbreviation
// (RuleOneLetterAbbreviation), tracing each.
func joinAcrossLanguages(p string, cuts []cutTrace, trace *[]cutTrace) []cutTrace {
	out := cuts[:0]
	start := 0
	for i, c := range cuts {
		end := len(p)
		if i+1 < len(cuts) {
			end = cuts[i+1].at
		}
		a, b := strings.TrimRightFunc(p[start:c.at], isSpace), p[c.at:end]
		rule := ruleNone
		switch {
		case ellipsisInside(a, b):
			rule = RuleEllipsisInside
		case quoteAttribution(a, b):
			rule = RuleQuoteAttribution
		case endsOneLetterAbbreviation(a, b):
			rule = RuleOneLetterAbbreviation
		}
		if rule != ruleNone {
			if trace != nil {
				*trace = append(*trace, cutTrace{at: c.at, rule: rule})
			}
			continue
		}
		out = append(out, c)
		start = c.at
	}
	return out
}

// mergeCuts returns the cuts of a and b in order, one per position (a's
// when both cut at the same place).
func mergeCuts(a, b []cutTrace) []cutTrace {
	out := make([]cutTrace, 0, len(a)+len(b))
	for len(a) > 0 || len(b) > 0 {
		switch {
		case len(b) == 0 || len(a) > 0 && a[0].at <= b[0].at:
			if len(b) > 0 && a[0].at == b[0].at {
				b = b[1:]
			}
			out, a = append(out, a[0]), a[1:]
		default:
			out, b = append(out, b[0]), b[1:]
		}
	}
	return out
}

// spansFromCuts returns p's sentences, trimmed and not empty, starting at
// each cut (in order). When trace is not nil each cut that starts a
// sentence is appended to it.
func spansFromCuts(p string, cuts []cutTrace, trace *[]cutTrace) []byteSpan {
	var spans []byteSpan
	from, rule := 0, ruleNone
	add := func(at int) {
		if s := trimSpan(p, from, at); s.start < s.end {
			if len(spans) > 0 && trace != nil {
				*trace = append(*trace, cutTrace{at: s.start, split: true, rule: rule})
			}
			spans = append(spans, s)
		}
	}
	for _, c := range cuts {
		add(c.at)
		from, rule = c.at, c.rule
	}
	add(len(p))
	return spans
}
