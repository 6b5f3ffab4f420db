package annotations

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// What the segmenter's rules (text_segment_rules.go) ask of single words
// and pieces of a paragraph: the word lists and the shape tests (an
// initialism, a time abbreviation, an address, a run of dots…).

// sentenceStarters are capitalised words that, after an initialism that
// can end a sentence ("U.S.", "E.U."), start the next one: pronouns,
// determiners, conjunctions and the nouns news sentences open with. After
// "U.S." a name or an institution ("U.S. Senate", "U.S. Government") goes
// on the sentence; these do not.
var sentenceStarters = wordSet(`The A An This That These Those It Its He She They We You I His Her Their Our
My Your There Here But And Or So Yet However Meanwhile Still Then Now Today Yesterday Tomorrow
Later Earlier Also Instead Nevertheless Moreover Thus What Why How Who Which When Where Whether
If While Although Though Because Since As After Before In On At For With From By During
Some Many Most Few Several All Both Each Every No None Nothing Such
Officials Authorities Police Analysts Critics Experts Lawmakers Leaders Diplomats Residents
Witnesses Investigators Prosecutors Protesters Voters Observers Sources Reports Talks Negotiators
Researchers Scientists Doctors Officers Troops Soldiers Militants Rebels Workers Members`)

// notSentenceStarts are capitalised words that go on the sentence after a
// time ("6 p.m. Tuesday", "9 a.m. EST").
var notSentenceStarts = wordSet(`Monday Tuesday Wednesday Thursday Friday Saturday Sunday
January February March April May June July August September October November December
Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.
ET EST EDT CT CST CDT MT MST MDT PT PST PDT GMT BST CET CEST UTC
Eastern Central Mountain Pacific Greenwich Local`)

// introWords open a sentence with its time: "At 9 a.m. Mr. Obama spoke."
var introWords = wordSet(`At By Around About Before After Until Till From Since Shortly Just Early Late On`)

func wordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// isInitialism reports whether w (after opening quotes) is two or more
// single letters each followed by a period: "U.S.", "E.U.", "D.C.".
func isInitialism(w string) bool {
	w = strings.TrimLeft(w, openingQuotes)
	if len(w) < 4 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if i+1 >= len(w) || w[i+1] != '.' || !isASCIILetter(w[i]) {
			return false
		}
	}
	return true
}

func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

// isTimeAbbreviation reports whether w is "a.m." or "p.m." in any case.
func isTimeAbbreviation(w string) bool {
	w = strings.ToLower(strings.TrimRight(w, closingQuotes))
	return w == "a.m." || w == "p.m."
}

// timeEndsSentence reports whether the time before word i ends its
// sentence: the next word is not a day, month or time zone, and the
// sentence does not open with its time ("At 9 a.m. Mr. Obama spoke.").
func (c *paragraphContext) timeEndsSentence(i int) bool {
	next := strings.TrimLeft(c.word(i), openingQuotes)
	if notSentenceStarts[strings.TrimRight(next, ",.;:")] {
		return false
	}
	// The words before the number: an opening word and at most one more,
	// at the start of the paragraph or after a sentence end.
	n := i - 2 // the number
	j := n - 1
	for j >= 0 && n-j <= 2 && !endsSentenceWord(c.word(j)) {
		if introWords[c.word(j)] && (j == 0 || endsSentenceWord(c.word(j-1))) {
			return false
		}
		j--
	}
	return true
}

// endsSentenceWord reports whether w ends in ., ? or ! (and closing quotes).
func endsSentenceWord(w string) bool {
	t := strings.TrimRight(w, closingQuotes)
	return t != "" && strings.ContainsRune(".?!", rune(t[len(t)-1]))
}

// isPossessiveAbbreviation reports whether w is an abbreviation with 's:
// "Jr.'s", "Co.’s".
func isPossessiveAbbreviation(w string) bool {
	for _, s := range []string{".'s", ".’s"} {
		if strings.HasSuffix(w, s) && len(w) > len(s) {
			return true
		}
	}
	return false
}

// isAddress reports whether w is a web address or an e-mail address.
func isAddress(w string) bool {
	w = strings.TrimRight(strings.TrimLeft(w, openingQuotes), closingQuotes)
	if strings.Contains(w, "://") || strings.HasPrefix(strings.ToLower(w), "www.") {
		return true
	}
	at := strings.IndexByte(w, '@')
	return at > 0 && strings.Contains(w[at:], ".")
}

// dotRun returns how many periods end s (spaces between them allowed,
// closing quotes after them skipped) and whether a space is among them.
func dotRun(s string) (dots int, spaced bool) {
	s = strings.TrimRight(s, closingQuotes)
	for s != "" {
		switch s[len(s)-1] {
		case '.':
			dots++
		case ' ':
			if dots == 0 || !strings.HasSuffix(strings.TrimRight(s, " "), ".") {
				return dots, spaced
			}
			spaced = true
		default:
			return dots, spaced
		}
		s = s[:len(s)-1]
	}
	return dots, spaced
}

// ellipsisInside reports whether sentence a ends in an ellipsis that goes
// on into b: a spaced three-dot ellipsis (". . .", which marks words left
// out) whatever follows, or "..." or "…" before a lowercase word.
func ellipsisInside(a, b string) bool {
	lower := unicode.IsLower(firstRune(strings.TrimLeft(b, openingQuotes)))
	if strings.HasSuffix(strings.TrimRight(a, closingQuotes), "…") {
		return lower
	}
	dots, spaced := dotRun(a)
	if dots == 3 && spaced {
		return true
	}
	return dots == 3 && lower
}

// endsFourDotEllipsis reports whether s ends in a four-dot ellipsis (a
// period and an ellipsis, spaced: "compounds. . . .").
func endsFourDotEllipsis(s string) bool {
	dots, spaced := dotRun(s)
	return dots == 4 && spaced
}

// missingSpaces returns the sentence ends inside word i with no space
// after them: "rained.Then", "Tuesday.Mr.", "1,000.That". Not in a number
// ("3.5"), after an initialism ("U.S.-led", "U.S.Army"), an abbreviation
// ("Mr.Smith"), in a web or e-mail address, a path or a file name.
func (c *paragraphContext) missingSpaces(i int) []cutTrace {
	w := c.word(i)
	dot := strings.IndexByte(w, '.')
	if dot < 0 || dot == len(w)-1 || strings.ContainsAny(w, "/@\\") || isAddress(w) || hasNameDot(w) {
		return nil
	}
	var out []cutTrace
	from := 0 // start of the current piece of w
	for dot >= 0 && dot+2 < len(w) {
		left := w[from:dot]
		if k := strings.LastIndexAny(left, ".!?"); k >= 0 {
			left = left[k+1:]
		}
		r1, n1 := utf8.DecodeRuneInString(w[dot+1:])
		r2, _ := utf8.DecodeRuneInString(w[dot+1+n1:])
		if unicode.IsUpper(r1) && unicode.IsLower(r2) && pieceEndsSentence(left) {
			out = append(out, cutTrace{at: c.words[i].start + dot + 1, split: true, rule: RuleMissingSpace})
			from = dot + 1
		}
		next := strings.IndexByte(w[dot+1:], '.')
		if next < 0 {
			break
		}
		dot += 1 + next
	}
	return out
}

// hasNameDot reports whether a period in w is followed by a lowercase
// letter, as in a domain or a file name ("example.com", "report.Final.docx").
func hasNameDot(w string) bool {
	for i := 0; i+1 < len(w); i++ {
		if w[i] == '.' && w[i+1] >= 'a' && w[i+1] <= 'z' {
			return true
		}
	}
	return false
}

// pieceEndsSentence reports whether left, the part of a word before a
// period, can end a sentence: a word of two letters or more that is not a
// title abbreviation, or a number with thousands commas.
func pieceEndsSentence(left string) bool {
	left = strings.TrimLeft(left, openingQuotes)
	if titleAbbreviations[left+"."] {
		return false
	}
	letters, digits := 0, 0
	for _, r := range left {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r >= '0' && r <= '9':
			digits++
		case r == ',' && digits > 0:
		default:
			return false
		}
	}
	return letters >= 2 && digits == 0 || digits > 0 && letters == 0
}
