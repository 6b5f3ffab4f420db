package annotations

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The rules that split the languages with no Punkt model (see
// NewDocumentLang). Each splits after a sentence's terminal punctuation;
// "stancemark segment -explain" reports them as the rule of the sentences
// they start.
const (
	// RuleCJKTerminal splits Chinese and Japanese after 。, ！ or ？ (a
	// run of them, "！？", counts as one), with no space needed; the closing
	// brackets and quotes right after them stay with the sentence:
	// "他说：“走吧。”| 然后离开了。", but not before the particle that
	// follows a Japanese quotation ("「はい。」と彼は言った。"). ASCII "!"
	// and "?" split the same way unless a Latin letter or digit follows at
	// once ("Yahoo!Japan").
	RuleCJKTerminal = "cjk-terminal"
	// RuleArabicTerminal splits Arabic, Persian and Urdu after ؟ (the
	// Arabic question mark), ۔ (the Urdu full stop), ".", "!" and "?" when
	// whitespace follows; the Arabic comma "،" never splits, nor does a
	// one-letter abbreviation ("د. محمد", Dr. Muhammad).
	RuleArabicTerminal = "arabic-terminal"
	// RuleGenericTerminal splits the languages with neither a model nor a
	// rule of their own (Russian, Ukrainian, Hebrew, Korean, Hindi, ...;
	// and Greek's ";", its question mark, after Punkt) after ".", "!",
	// "?", "…", the Devanagari dandas "।" and "॥" (and ";" in Greek) when
	// whitespace follows and then a letter, a digit or an opening quote
	// that is not lowercase. Closing quotes and brackets after the
	// punctuation stay with the sentence. It does not split after a
	// one-letter abbreviation or initial ("А. С. Пушкин", "в 1999 г. он"),
	// inside a number ("3.5", "1.000.000"), or before a dash ("«Куда?» —
	// спросил он").
	RuleGenericTerminal = "generic-terminal"
	// RuleOneLetterAbbreviation joins, in the languages with a Punkt
	// model, a boundary Punkt made after one lowercase letter and a
	// period: "z. | B.", "d. | h." (German), "ο κ. | Παπαδόπουλος" (Greek,
	// Mr.). No sentence ends in a one-letter lowercase word but a unit
	// after a number ("à 20 h. | Le vote"), which Punkt decides unless
	// another one-letter abbreviation follows ("Nr. 12 z. | B.").
	RuleOneLetterAbbreviation = "one-letter-abbreviation"
)

const (
	// cjkTerminals end a Chinese or Japanese sentence.
	cjkTerminals = "。｡！？!?"
	// cjkClosers are the closing brackets and quotes that stay with the
	// sentence they follow.
	cjkClosers = "」』）”’》〉】〕〗〙〛﹂﹄)]\"'"
	// arabicTerminals end an Arabic-script sentence.
	arabicTerminals = ".!?؟۔"
	// genericTerminals end a sentence of the other languages.
	genericTerminals = ".!?…।॥"
	// greekTerminals are genericTerminals and the Greek question mark
	// (";", U+037E, which Unicode normalizes to the ASCII semicolon).
	greekTerminals = genericTerminals + ";\u037e"
	// terminalClosers stay with the sentence their punctuation ends.
	terminalClosers = "\"'”’“‘»«›‹)]}」』"
	// danglingClosers only close a quotation or bracket: one Punkt put,
	// with a space after it, at the start of the next sentence belongs to
	// the one before.
	danglingClosers = "»”’)]}」』›"
	// terminalOpeners may open the next sentence.
	terminalOpeners = "\"'“‘„«»‹›「『(["
)

// cjkCuts returns where rule RuleCJKTerminal starts a sentence in p.
func cjkCuts(p string) []cutTrace {
	var cuts []cutTrace
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		i += n
		if !strings.ContainsRune(cjkTerminals, r) {
			continue
		}
		ascii := r < utf8.RuneSelf
		for i < len(p) {
			r, n := utf8.DecodeRuneInString(p[i:])
			if !strings.ContainsRune(cjkTerminals, r) {
				break
			}
			ascii = ascii && r < utf8.RuneSelf
			i += n
		}
		if ascii && i < len(p) && isASCIIAlnum(p[i]) {
			continue // "Yahoo!Japan", "?q=1"
		}
		closed := skipRunes(p, i, func(r rune) bool { return strings.ContainsRune(cjkClosers, r) })
		if closed > i && (strings.HasPrefix(p[closed:], "と") || strings.HasPrefix(p[closed:], "って")) {
			continue // a Japanese quotation and its particle: 「はい。」と彼は言った。
		}
		i = closed
		if at := skipRunes(p, i, isSpace); at < len(p) {
			cuts = append(cuts, cutTrace{at: at, split: true, rule: RuleCJKTerminal})
			i = at
		}
	}
	return cuts
}

// terminalCuts returns where rule (RuleArabicTerminal or
// RuleGenericTerminal) starts a sentence in p after one of the punctuation
// marks terminals.
func terminalCuts(p, terminals, rule string) []cutTrace {
	var cuts []cutTrace
	isTerminal := func(r rune) bool { return strings.ContainsRune(terminals, r) }
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		if !isTerminal(r) {
			i += n
			continue
		}
		start := i
		i = skipRunes(p, i, func(r rune) bool { return isTerminal(r) || r == '.' })
		single := i-start == 1 && p[start] == '.'
		i = skipRunes(p, i, func(r rune) bool { return strings.ContainsRune(terminalClosers, r) })
		at := skipRunes(p, i, isSpace)
		if at == i || at >= len(p) {
			continue // no whitespace after it ("3.5", "e.g."), or the paragraph's end
		}
		next := firstRune(p[at:])
		if !unicode.IsLetter(next) && !unicode.IsDigit(next) && !strings.ContainsRune(terminalOpeners, next) {
			continue // a dash, a comma, ...
		}
		if unicode.IsLower(next) || single && isOneLetterWord(p[:start]) {
			continue
		}
		cuts = append(cuts, cutTrace{at: at, split: true, rule: rule})
		i = at
	}
	return cuts
}

// isOneLetterWord reports whether s ends in a word of one letter (after
// opening quotes and brackets): the "г" of "в 1999 г", the "A" of "A".
func isOneLetterWord(s string) bool {
	w := s[strings.LastIndexFunc(s, isSpace)+1:]
	w = strings.TrimLeft(w, terminalOpeners)
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsLetter(r)
}

// skipRunes returns the byte offset in p of the first rune at or after i
// for which skip is false.
func skipRunes(p string, i int, skip func(rune) bool) int {
	for i < len(p) {
		r, n := utf8.DecodeRuneInString(p[i:])
		if !skip(r) {
			break
		}
		i += n
	}
	return i
}

func isASCIIAlnum(b byte) bool { return isASCIILetter(b) || b >= '0' && b <= '9' }

// endsOneLetterAbbreviation reports whether sentence a ends in one
// lowercase letter and a period ("z.", "κ.") that does not end a sentence
// before b: always when b starts with another such letter ("z. | B."),
// else when the letter does not follow a number, where it is a unit that
// can end a sentence ("à 20 h. | Le vote").
func endsOneLetterAbbreviation(a, b string) bool {
	sp := strings.LastIndexFunc(a, isSpace)
	if !isOneLetterAbbreviation(a[sp+1:], true) {
		return false
	}
	next, _, _ := strings.Cut(b, " ")
	before := strings.TrimRightFunc(a[:max(sp, 0)], isSpace)
	return isOneLetterAbbreviation(next, false) || !unicode.IsDigit(lastRune(before))
}

// isOneLetterAbbreviation reports whether w (after opening quotes) is one
// letter and a period; lowercase when lower is set.
func isOneLetterAbbreviation(w string, lower bool) bool {
	w = strings.TrimLeft(w, terminalOpeners)
	r, n := utf8.DecodeRuneInString(w)
	return len(w) == n+1 && w[n] == '.' && unicode.IsLetter(r) && (!lower || unicode.IsLower(r))
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// quoteAttribution reports whether sentence a, a quotation ending in "?"
// or "!" and a closing quote, goes on in b, which starts with a lowercase
// letter: `„Warum?“ fragte er.` (the part of shouldMerge that is not
// English).
func quoteAttribution(a, b string) bool {
	if !unicode.IsLower(firstRune(b)) {
		return false
	}
	a = strings.TrimRightFunc(a, isSpace)
	trimmed := strings.TrimRightFunc(a, func(r rune) bool { return isSpace(r) || strings.ContainsRune(terminalClosers, r) })
	if len(trimmed) == len(strings.TrimRightFunc(a, isSpace)) || strings.TrimRightFunc(a, isSpace) != a {
		return false
	}
	trimmed = strings.TrimRightFunc(trimmed, isSpace)
	return strings.HasSuffix(trimmed, "?") || strings.HasSuffix(trimmed, "!")
}
