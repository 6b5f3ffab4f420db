package annotations

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"
)

var (
	tokenizerOnce sync.Once
	tokenizer     *sentences.DefaultSentenceTokenizer
	tokenizerErr  error
)

// englishTokenizer returns the Punkt tokenizer, built on first use.
func englishTokenizer() (*sentences.DefaultSentenceTokenizer, error) {
	tokenizerOnce.Do(func() {
		tokenizer, tokenizerErr = english.NewSentenceTokenizer(nil)
	})
	return tokenizer, tokenizerErr
}

// byteSpan is a byte range [start, end) of a paragraph.
type byteSpan struct{ start, end int }

// segmentDocument fills d.Sentences (and the lookup tables) from the
// paragraph texts parts, which are d.Paragraphs in order, split by the
// segmenter version v.
func segmentDocument(d *Document, parts []string, v Segmenter) {
	segmentDocumentBy(d, parts, func(p string, trace *[]cutTrace) []byteSpan { return splitParagraph(p, v, trace) })
}

// segmentDocumentBy is segmentDocument with the paragraphs split by split.
func segmentDocumentBy(d *Document, parts []string, split paragraphSplitter) {
	d.index = make(map[string]int)
	byteBase := 0
	for pi, p := range parts {
		if pi > 0 {
			byteBase += 2 // "\n\n"
		}
		cp := d.Paragraphs[pi].Start // code point at byte offset b
		b := 0
		for _, s := range split(p, nil) {
			cp += utf8.RuneCountInString(p[b:s.start])
			start := cp
			cp += utf8.RuneCountInString(p[s.start:s.end])
			b = s.end
			i := len(d.Sentences)
			id := sentenceID(i)
			d.Sentences = append(d.Sentences, Sentence{
				ID: id, Paragraph: pi, Start: start, End: cp, Text: p[s.start:s.end],
			})
			d.index[id] = i
			d.byteStart = append(d.byteStart, byteBase+s.start)
			d.byteEnd = append(d.byteEnd, byteBase+s.end)
		}
		byteBase += len(p)
	}
}

// splitParagraph returns the sentences of one paragraph as byte spans,
// trimmed of whitespace, non-empty and in order, as segmenter version v
// splits it. A paragraph that is not blank has at least one sentence. When
// trace is not nil (version 2 only) the rules' decisions are appended to it.
func splitParagraph(p string, v Segmenter, trace *[]cutTrace) []byteSpan {
	var spans []byteSpan
	add := func(start, end int) {
		if s := trimSpan(p, start, end); s.start < s.end {
			spans = append(spans, s)
		}
	}
	tok, err := englishTokenizer()
	if err != nil { // the bundled training data is broken: one sentence per paragraph
		add(0, len(p))
		return spans
	}
	positions := tok.SentencePositions(p)
	if v != SegmenterV1 {
		return segmentV2(p, positions, trace)
	}
	prev := 0
	for _, pos := range positions {
		if pos <= prev || pos > len(p) {
			continue
		}
		for pos < len(p) && !utf8.RuneStart(p[pos]) {
			pos++
		}
		add(prev, pos)
		prev = pos
	}
	add(prev, len(p))
	return correct(p, spans)
}

// correct applies version 1's corrections to the tokenizer's output: first
// the splits it misses, then the merges of splits it should not have made.
// Version 2 (segmentV2, text_segment_rules.go) has these and more rules.
func correct(p string, spans []byteSpan) []byteSpan {
	var out []byteSpan
	for _, s := range spans {
		out = append(out, splitMissed(p, s)...)
	}
	merged := out[:0:0]
	for _, s := range out {
		if n := len(merged); n > 0 && shouldMerge(p[merged[n-1].start:merged[n-1].end], p[s.start:s.end]) {
			merged[n-1].end = s.end
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// titleAbbreviations are abbreviations that stand before a name or a number
// and so never end a sentence: "Mt. Everest", "Rev. King", "Capt. Hook",
// "Fig. 3". The tokenizer splits after some of them when it does not know
// them. "St." (Street or Saint) and "Jr." can end a sentence and are not here.
var titleAbbreviations = map[string]bool{
	"Mr.": true, "Mrs.": true, "Ms.": true, "Dr.": true, "Prof.": true,
	"Gov.": true, "Sen.": true, "Rep.": true, "Rev.": true, "Pres.": true,
	"Gen.": true, "Adm.": true, "Capt.": true, "Cmdr.": true, "Col.": true,
	"Lt.": true, "Maj.": true, "Sgt.": true, "Cpl.": true, "Pvt.": true,
	"Hon.": true, "Mt.": true, "Ft.": true, "Pt.": true,
	"Fig.": true, "Figs.": true, "Vol.": true, "Eq.": true,
}

// bangNames are names that end in "!" and so do not end a sentence:
// "Yahoo! News".
var bangNames = map[string]bool{"Yahoo!": true}

// shouldMerge reports whether the tokenizer split between sentences a and b
// by mistake.
func shouldMerge(a, b string) bool {
	last := a[strings.LastIndexFunc(a, isSpace)+1:]
	last = strings.TrimLeft(last, "\"'“‘([«")
	if titleAbbreviations[last] || bangNames[last] {
		return true
	}
	// A quote that ends in '?' or '!' followed by a lowercase attribution:
	// "Why?" he asked.
	r, _ := utf8.DecodeRuneInString(b)
	if !unicode.IsLower(r) {
		return false
	}
	trimmed := strings.TrimRight(a, closingQuotes)
	if len(trimmed) == len(a) {
		return false
	}
	return strings.HasSuffix(trimmed, "?") || strings.HasSuffix(trimmed, "!")
}

const (
	closingQuotes = "\"'”’»)"
	openingQuotes = "\"'“‘«("
)

// splitMissed splits s where the tokenizer missed a sentence end:
//   - after a number ending a sentence, which the tokenizer takes for a list
//     number: "It began on June 3. Talks followed." (not when the number
//     starts the sentence, "1. Iran", or follows a colon, "Steps: 1. Open");
//   - between two quotations: "Are you sure?" "Yes."
func splitMissed(p string, s byteSpan) []byteSpan {
	var out []byteSpan
	start := s.start
	text := p[s.start:s.end]
	words := fieldsIndex(text)
	for i := 1; i < len(words); i++ {
		prev := text[words[i-1].start:words[i-1].end]
		next := text[words[i].start:words[i].end]
		if !startsSentence(next) {
			continue
		}
		split := false
		switch {
		case isNumberEnd(prev) && i >= 2 && !strings.HasSuffix(text[words[i-2].start:words[i-2].end], ":"):
			split = true
		case endsQuotation(prev) && strings.ContainsRune(`"“`, firstRune(next)):
			split = true
		}
		if split {
			out = append(out, byteSpan{start, s.start + words[i-1].end})
			start = s.start + words[i].start
		}
	}
	return append(out, byteSpan{start, s.end})
}

// fieldsIndex returns the byte spans of the whitespace-separated words of s.
func fieldsIndex(s string) []byteSpan {
	words := make([]byteSpan, 0, len(s)/6+1)
	start := -1
	for i := 0; i < len(s); {
		b := s[i]
		var space bool
		n := 1
		if b < utf8.RuneSelf { // ASCII: the common case
			space = b == ' ' || b >= '\t' && b <= '\r'
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			space = isSpace(r)
		}
		if space {
			if start >= 0 {
				words = append(words, byteSpan{start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += n
	}
	if start >= 0 {
		words = append(words, byteSpan{start, len(s)})
	}
	return words
}

// isNumberEnd reports whether w is digits (with thousands commas) and a
// period: "3.", "1,000.".
func isNumberEnd(w string) bool {
	if len(w) < 2 || w[len(w)-1] != '.' || w[0] < '0' || w[0] > '9' {
		return false
	}
	for _, c := range w[:len(w)-1] {
		if (c < '0' || c > '9') && c != ',' {
			return false
		}
	}
	return true
}

// endsQuotation reports whether w ends a quotation with ., ? or !: `no."`.
func endsQuotation(w string) bool {
	t := strings.TrimRight(w, `"”`)
	return len(t) < len(w) && t != "" && strings.ContainsRune(".?!", rune(t[len(t)-1]))
}

// startsSentence reports whether w starts with an uppercase letter, after
// any opening quotes.
func startsSentence(w string) bool {
	if w != "" && w[0] >= 'a' && w[0] <= 'z' { // the common case
		return false
	}
	return unicode.IsUpper(firstRune(strings.TrimLeft(w, openingQuotes)))
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
