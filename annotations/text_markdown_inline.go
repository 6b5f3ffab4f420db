package annotations

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// This file removes the inline markup of a Markdown paragraph (see
// ParseMarkdown): escapes, code spans, entities and emphasis here; links in
// text_markdown_link.go; raw HTML in text_markdown_html.go.

// mdInlineItem is a piece of a Markdown paragraph: text, or a run of emphasis
// delimiters that may pair with another.
type mdInlineItem struct {
	text      string
	delim     byte // '*', '_' or '~'; 0 for text
	n         int  // delimiters left in the run
	canOpen   bool // a run that can start emphasis
	canClose  bool // a run that can end emphasis
	origCount int
}

// mdMaxSpan bounds how far a link's text or destination is looked for, so
// that a paragraph full of unmatched brackets takes linear time.
const mdMaxSpan = 1024

// mdScan is a paragraph being scanned. It remembers failed searches so that
// repeated unmatched openers ("<!--", "`", '"') cost linear time.
type mdScan struct {
	s     string
	lower string         // s with ASCII letters in lower case, same offsets
	none  map[string]int // needle -> an offset from which it does not occur
}

func newMDScan(s string) *mdScan {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return &mdScan{s: s, lower: string(b), none: map[string]int{}}
}

// index returns the offset of needle in the lower-cased paragraph at or
// after from, or -1.
func (m *mdScan) index(from int, needle string) int {
	if from > len(m.lower) {
		return -1
	}
	if f, ok := m.none[needle]; ok && from >= f {
		return -1
	}
	i := strings.Index(m.lower[from:], needle)
	if i < 0 {
		if f, ok := m.none[needle]; !ok || from < f {
			m.none[needle] = from
		}
		return -1
	}
	return from + i
}

// mdInline returns the text of a Markdown paragraph with its inline markup
// removed (see ParseMarkdown). refs holds the defined link labels.
func mdInline(s string, refs map[string]bool) string {
	return newMDScan(s).inline(0, len(s), refs)
}

// inline is mdInline of m.s[from:to]: it cuts the text into items (text and
// runs of emphasis delimiters, mdInliner.step), pairs the delimiters that
// make emphasis (mdPairEmphasis), and joins what is left (mdJoinItems).
func (m *mdScan) inline(from, to int, refs map[string]bool) string {
	in := &mdInliner{m: m, s: m.s[:to], from: from, refs: refs}
	for i := from; i < len(in.s); {
		i = in.step(i)
	}
	in.flushText()
	mdPairEmphasis(in.items)
	return mdJoinItems(in.items)
}

// mdInliner cuts one run of inline text, s[from:], into items.
type mdInliner struct {
	m     *mdScan
	s     string // m.s up to the end of the run
	from  int
	refs  map[string]bool
	items []mdInlineItem
	buf   strings.Builder // text not yet made an item
}

// step reads the construct at s[i] and returns where the next one starts.
func (in *mdInliner) step(i int) int {
	switch c := in.s[i]; c {
	case '\\':
		return in.backslash(i)
	case '`':
		return in.codeSpan(i)
	case '<':
		return in.angle(i)
	case '&':
		return in.entity(i)
	case '!', '[':
		return in.linkOrImage(i)
	case '*', '_', '~':
		return in.delimiterRun(i)
	default:
		in.buf.WriteByte(c)
		return i + 1
	}
}

// flushText makes the text read so far an item.
func (in *mdInliner) flushText() {
	if in.buf.Len() > 0 {
		in.items = append(in.items, mdInlineItem{text: in.buf.String()})
		in.buf.Reset()
	}
}

// backslash reads an escaped punctuation character, a backslash before a
// line end (a hard line break: the backslash is dropped) or a literal
// backslash.
func (in *mdInliner) backslash(i int) int {
	s := in.s
	switch {
	case i+1 < len(s) && mdIsASCIIPunct(s[i+1]):
		in.buf.WriteByte(s[i+1])
		return i + 2
	case i+1 < len(s) && s[i+1] == '\n': // a hard line break
		return i + 1
	default:
		in.buf.WriteByte('\\')
		return i + 1
	}
}

// codeSpan reads a code span, which keeps its text, or a run of backticks
// that opens none.
func (in *mdInliner) codeSpan(i int) int {
	s := in.s
	n := mdRunLength(s, i, '`')
	if end := in.m.codeSpanEnd(i+n, n, len(s)); end >= 0 {
		in.buf.WriteString(mdCodeText(s[i+n : end]))
		return end + n
	}
	in.buf.WriteString(s[i : i+n])
	return i + n
}

// angle reads an autolink (its address is kept), raw HTML (dropped, with
// the content of the elements of mdDroppedContent) or a literal '<'.
func (in *mdInliner) angle(i int) int {
	s, to := in.s, len(in.s)
	if n := mdAutolinkLen(s[i:]); n > 0 {
		in.buf.WriteString(s[i+1 : i+n-1])
		return i + n
	}
	if n, name := in.m.rawHTMLLen(i, to); n > 0 {
		i += n
		if mdDroppedContent[name] {
			i = in.m.skipElement(i, name, to)
		}
		return i
	}
	in.buf.WriteByte('<')
	return i + 1
}

// entity reads an HTML entity or character reference, which becomes its
// character, or a literal '&'.
func (in *mdInliner) entity(i int) int {
	s := in.s
	if n := mdEntityLen(s[i:]); n > 0 {
		in.buf.WriteString(html.UnescapeString(s[i : i+n]))
		return i + n
	}
	in.buf.WriteByte('&')
	return i + 1
}

// linkOrImage reads a link, whose text is kept (read as inline text
// itself), an image or a footnote mark (both dropped), or a literal '!' or
// '['.
func (in *mdInliner) linkOrImage(i int) int {
	s, c := in.s, in.s[i]
	start := i
	if c == '!' {
		start++
	}
	if start < len(s) && s[start] == '[' {
		if textEnd, end, ok := in.m.link(start, len(s), in.refs); ok {
			if c == '[' && !strings.HasPrefix(s[start+1:textEnd], "^") {
				in.buf.WriteString(in.m.inline(start+1, textEnd, in.refs))
			} // images and footnote marks are dropped
			return end
		}
	}
	in.buf.WriteByte(c)
	return i + 1
}

// delimiterRun reads a run of '*', '_' or '~' as an item that may open or
// close emphasis, by CommonMark's flanking rules.
func (in *mdInliner) delimiterRun(i int) int {
	s, c := in.s, in.s[i]
	n := mdRunLength(s, i, c)
	in.flushText()
	before, _ := utf8.DecodeLastRuneInString(s[in.from:i])
	after, _ := utf8.DecodeRuneInString(s[i+n:])
	if i == in.from {
		before = ' '
	}
	if i+n == len(s) {
		after = ' '
	}
	left := !unicode.IsSpace(after) && (!mdIsPunct(after) || unicode.IsSpace(before) || mdIsPunct(before))
	right := !unicode.IsSpace(before) && (!mdIsPunct(before) || unicode.IsSpace(after) || mdIsPunct(after))
	it := mdInlineItem{delim: c, n: n, origCount: n, canOpen: left, canClose: right}
	if c == '_' {
		it.canOpen = left && (!right || mdIsPunct(before))
		it.canClose = right && (!left || mdIsPunct(after))
	}
	if c == '~' && n > 2 {
		it.canOpen, it.canClose = false, false
	}
	in.items = append(in.items, it)
	return i + n
}

// mdJoinItems returns the text of items, with the delimiters no emphasis
// used.
func mdJoinItems(items []mdInlineItem) string {
	var out strings.Builder
	for _, it := range items {
		if it.delim != 0 {
			out.WriteString(strings.Repeat(string(it.delim), it.n))
		} else {
			out.WriteString(it.text)
		}
	}
	return out.String()
}

// mdPairEmphasis removes the delimiters of emphasis that open and close,
// nearest first, as CommonMark does (without its rule of three): the
// delimiters between a matched pair can no longer match and stay literal.
func mdPairEmphasis(items []mdInlineItem) {
	prev := make([]int, len(items)) // the previous item still on the stack
	for i := range prev {
		prev[i] = i - 1
	}
	type key struct {
		delim byte
		n     int
	}
	bottom := map[key]int{} // no opener for key at or below this index
	for ci := range items {
		closer := &items[ci]
		k := key{closer.delim, 0}
		if closer.delim == '~' {
			k.n = closer.origCount
		}
		for closer.delim != 0 && closer.canClose && closer.n > 0 {
			low, ok := bottom[k]
			if !ok {
				low = -1
			}
			oi := prev[ci]
			for ; oi > low; oi = prev[oi] {
				o := &items[oi]
				if o.delim == closer.delim && o.canOpen && o.n > 0 && (o.delim != '~' || o.origCount == closer.origCount) {
					break
				}
			}
			if oi <= low {
				bottom[k] = ci - 1
				break
			}
			opener := &items[oi]
			use := 1
			if opener.n >= 2 && closer.n >= 2 {
				use = 2
			}
			opener.n -= use
			closer.n -= use
			prev[ci] = oi
			if opener.n == 0 {
				prev[ci] = prev[oi]
			}
		}
	}
}

// mdRunLength returns how many c start at s[i].
func mdRunLength(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// codeSpanEnd returns where the run of exactly n backticks closing a code
// span that starts at from begins (before to), or -1.
func (m *mdScan) codeSpanEnd(from, n, to int) int {
	needle := strings.Repeat("`", n)
	for i := from; ; {
		j := m.index(i, needle)
		if j < 0 || j >= to {
			return -1
		}
		r := mdRunLength(m.s, j, '`')
		if j+r > to {
			return -1
		}
		if r == n {
			return j
		}
		i = j + r
	}
}

// mdCodeText is the text of a code span: line endings become spaces and
// one space is stripped from each side when both have one.
func mdCodeText(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if len(s) >= 2 && s[0] == ' ' && s[len(s)-1] == ' ' && strings.Trim(s, " ") != "" {
		s = s[1 : len(s)-1]
	}
	return s
}

func mdIsASCIIPunct(c byte) bool {
	return c < utf8.RuneSelf && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

func mdIsPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }
