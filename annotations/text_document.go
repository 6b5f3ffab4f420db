package annotations

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Document is a segmented text: a title, a canonical body and the body's
// paragraphs and sentences. Build one with NewDocument or ParsePlainText;
// a Document is not modified after construction and is safe for concurrent
// reads.
type Document struct {
	ID         string // "sha256:" + lowercase hex sha256 of Text (UTF-8)
	Title      string
	Text       string // canonical body (see CanonicalText)
	Paragraphs []Paragraph
	Sentences  []Sentence
	// Segmenter is the segmenter version that split the text, or 0 when the
	// boundaries were given (DocumentFromSentences, JoinSentences, ...).
	Segmenter Segmenter
	// Language is the BCP 47 tag of the language whose rules split the
	// text (NewDocumentLang), when they are not segmenter version 2's (the
	// English rules): then Segmenter is 0, so that the sentences are
	// recorded wherever the document is kept. "" for English, "und" and
	// the Latin-script languages with no model of their own.
	Language string

	// split is how the text was split when it was for Language (the
	// language's rules, NewDocumentLang), for Explain, SameAsCurrent and
	// Resegment; nil for segmenter version 2. A function rather than a
	// call on Language, so that a program that never splits a language
	// (app.wasm, so far) does not link the languages' rules.
	split paragraphSplitter

	index     map[string]int // sentence id -> index into Sentences
	byteStart []int          // byte offset of each sentence's Start in Text
	byteEnd   []int          // byte offset of each sentence's End in Text
}

// Paragraph is one paragraph of a Document's Text.
type Paragraph struct {
	Index int
	Start int // Unicode code points into Document.Text, inclusive
	End   int // Unicode code points into Document.Text, exclusive
}

// Sentence is one sentence of a Document. Sentences never cross a paragraph
// and their offsets exclude surrounding whitespace.
type Sentence struct {
	ID        string // "s1", "s2", ... in document order
	Paragraph int    // index into Document.Paragraphs
	Start     int    // Unicode code points into Document.Text, inclusive
	End       int    // Unicode code points into Document.Text, exclusive
	Text      string // the text between Start and End
}

// ParsePlainText builds a Document from a plain-text file. Its first
// non-blank line (trimmed) is the title when it looks like one (see
// IsTitleLine), and the rest is the body; otherwise the whole text is the
// body and the title is derived from its first sentence (DeriveTitle), so
// an opening paragraph is never lost to the title. It returns the errors of
// NewDocument.
func ParsePlainText(src string) (*Document, error) {
	return parsePlainText(src, NewDocument)
}

// parsePlainText is ParsePlainText with the Document built by newDoc.
func parsePlainText(src string, newDoc func(title, body string) (*Document, error)) (*Document, error) {
	src = normalizeNewlines(src)
	rest := src
	for rest != "" {
		line, after, _ := strings.Cut(rest, "\n")
		rest = after
		if title := trimSpace(line); title != "" {
			next, _, _ := strings.Cut(rest, "\n")
			if IsTitleLine(title, next) {
				return newDoc(title, rest)
			}
			d, err := newDoc("", src)
			if err != nil {
				return nil, err
			}
			d.Title = DeriveTitle(d)
			return d, nil
		}
	}
	return nil, ErrEmptyDocument
}

// NewDocument canonicalises body (see CanonicalText), splits it into
// sentences and computes its ID. It returns ErrEmptyDocument when the body
// has no sentence, and an error wrapping ErrTooManySentences, saying how
// many it has, when it has more than MaxSentences. The title is kept as
// given. It splits with CurrentSegmenter; NewDocumentSegmented takes a
// version, DocumentFromSentences recorded boundaries.
func NewDocument(title, body string) (*Document, error) {
	return NewDocumentSegmented(title, body, CurrentSegmenter)
}

// CanonicalText returns the canonical form of a document body and its
// paragraphs: line endings become "\n"; a line that is empty or holds only
// whitespace (including U+00A0, U+2007, U+202F and U+FEFF) is blank; blank
// lines separate paragraphs, and a body without any blank line between two
// non-blank lines has one paragraph per line; the lines of a paragraph are
// trimmed and joined by one space; paragraphs are joined by "\n\n".
// Invalid UTF-8 becomes U+FFFD. CanonicalText(text) == text for a canonical
// text.
func CanonicalText(body string) (text string, paragraphs []Paragraph) {
	text, paragraphs, _ = canonicalize(body)
	return text, paragraphs
}

// canonicalize is CanonicalText that also returns each paragraph's text.
func canonicalize(body string) (string, []Paragraph, []string) {
	body = normalizeNewlines(strings.ToValidUTF8(body, "\uFFFD"))
	lines := strings.Split(body, "\n")
	for i, l := range lines {
		lines[i] = trimSpace(l)
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	blankSeparated := false
	for _, l := range lines {
		if l == "" {
			blankSeparated = true
			break
		}
	}
	var parts []string
	if blankSeparated {
		var cur []string
		for _, l := range append(lines, "") {
			if l != "" {
				cur = append(cur, l)
				continue
			}
			if len(cur) > 0 {
				parts = append(parts, strings.Join(cur, " "))
				cur = cur[:0]
			}
		}
	} else {
		parts = lines
	}
	paras := make([]Paragraph, len(parts))
	pos := 0
	for i, p := range parts {
		if i > 0 {
			pos += 2 // "\n\n"
		}
		n := utf8.RuneCountInString(p)
		paras[i] = Paragraph{Index: i, Start: pos, End: pos + n}
		pos += n
	}
	return strings.Join(parts, "\n\n"), paras, parts
}

// DocumentID returns "sha256:" followed by the lowercase hex SHA-256 of text.
func DocumentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// SentenceIndex returns the index in d.Sentences of the sentence with the
// given id, or -1 when there is none. It is O(1) for a Document built by
// NewDocument.
func (d *Document) SentenceIndex(id string) int {
	if d.index != nil {
		if i, ok := d.index[id]; ok {
			return i
		}
		return -1
	}
	for i := range d.Sentences {
		if d.Sentences[i].ID == id {
			return i
		}
	}
	return -1
}

// Quote returns the text from the start of sentence first to the end of
// sentence last (indexes into d.Sentences, inclusive, in any order),
// including what lies between them. It returns "" when an index is out of
// range.
func (d *Document) Quote(first, last int) string {
	if first > last {
		first, last = last, first
	}
	if first < 0 || last >= len(d.Sentences) {
		return ""
	}
	if d.byteStart != nil {
		return d.Text[d.byteStart[first]:d.byteEnd[last]]
	}
	return substring(d.Text, d.Sentences[first].Start, d.Sentences[last].End)
}

// substring returns s[start:end] in code points, clamped to s.
func substring(s string, start, end int) string {
	bs, be, i := len(s), len(s), 0
	for b := range s {
		if i == start {
			bs = b
		}
		if i == end {
			be = b
			break
		}
		i++
	}
	if bs > be {
		return ""
	}
	return s[bs:be]
}

// sentenceID returns the id of the sentence at index i.
func sentenceID(i int) string { return "s" + strconv.Itoa(i+1) }

// isSpace reports whether r counts as whitespace in a document: Unicode
// white space (which includes U+00A0, U+2007 and U+202F) and U+FEFF.
func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' }

func trimSpace(s string) string { return strings.TrimFunc(s, isSpace) }

func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
