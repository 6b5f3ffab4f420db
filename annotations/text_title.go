package annotations

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The lede rule: the first line of a plain text is its title only when it
// looks like one. Otherwise it is the first paragraph of the body (news
// bodies, FNC-1's among them, have no title line) and the title is derived
// from it (DeriveTitle).
const (
	// MaxTitleLineRunes and MaxTitleLineWords: a title line is short.
	MaxTitleLineRunes = 150
	MaxTitleLineWords = 25
	// MaxHeadingWords: a line that ends like a sentence ("Is This the
	// End?") is a title only as a heading of at most this many words.
	MaxHeadingWords = 15
	// DerivedTitleRunes is the length a derived title is cut to.
	DerivedTitleRunes = 80
)

// sentenceEnds are the marks that end a sentence, in the scripts the
// segmenter knows: Latin . ! ? …, the CJK 。！？ (and halfwidth ｡),
// Arabic and Urdu ؟ ۔, Devanagari । ॥.
const sentenceEnds = ".!?…。！？｡؟۔।॥"

// IsTitleLine reports whether line, the first non-blank line of a text,
// is its title. It is when it is short (at most MaxTitleLineRunes
// characters and MaxTitleLineWords words) and
//
//   - does not end like a sentence or a clause (with one of sentenceEnds
//     or , ; : after any closing quotes), and the text does not go on with a lowercase
//     letter on the next line (a paragraph broken across lines); or
//   - is followed by a blank line and is clearly a heading: at most
//     MaxHeadingWords words, in title case (every word of four letters or
//     more starts with a capital), such as "Is This the End of the Euro?"
//     (so never in a script without capitals).
//
// next is the line after it ("" when it is blank or there is none).
func IsTitleLine(line, next string) bool {
	line = trimSpace(line)
	words := strings.Fields(line)
	if len(words) == 0 || utf8.RuneCountInString(line) > MaxTitleLineRunes || len(words) > MaxTitleLineWords {
		return false
	}
	if !strings.ContainsFunc(line, unicode.IsLetter) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(line, closingQuotes+"’”」』）"))
	if !strings.ContainsRune(sentenceEnds+",;:", last) {
		return !unicode.IsLower(firstRune(trimSpace(next)))
	}
	if trimSpace(next) != "" || len(words) > MaxHeadingWords || !strings.ContainsRune(sentenceEnds, last) {
		return false
	}
	if !strings.ContainsFunc(line, unicode.IsUpper) {
		return false // title case needs capitals: in a script without them (Devanagari, Arabic, CJK) it is a sentence
	}
	for _, w := range words {
		w = strings.TrimLeft(w, openingQuotes)
		letters := 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters >= 4 && !unicode.IsUpper(firstRune(w)) {
			return false
		}
	}
	return true
}

// DeriveTitle returns a title for a document without one: its first
// sentence, cut at a word to at most DerivedTitleRunes characters with
// "…" when it is longer.
func DeriveTitle(d *Document) string {
	if len(d.Sentences) == 0 {
		return ""
	}
	s := d.Sentences[0].Text
	if utf8.RuneCountInString(s) <= DerivedTitleRunes {
		return s
	}
	r := []rune(s)[:DerivedTitleRunes]
	if i := strings.LastIndexFunc(string(r), isSpace); i > DerivedTitleRunes/2 {
		return strings.TrimRightFunc(string(r)[:i], func(r rune) bool { return isSpace(r) || unicode.IsPunct(r) }) + "…"
	}
	return string(r) + "…"
}
