package annotations

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

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

// mdDroppedContent are HTML elements whose content is dropped with them.
var mdDroppedContent = map[string]bool{
	"script": true, "style": true, "textarea": true, "template": true, "noscript": true,
	"iframe": true, "svg": true, "math": true, "object": true,
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

// inline is mdInline of m.s[from:to].
func (m *mdScan) inline(from, to int, refs map[string]bool) string {
	s := m.s[:to]
	var items []mdInlineItem
	var buf strings.Builder
	text := func() {
		if buf.Len() > 0 {
			items = append(items, mdInlineItem{text: buf.String()})
			buf.Reset()
		}
	}
	for i := from; i < len(s); {
		c := s[i]
		switch c {
		case '\\':
			switch {
			case i+1 < len(s) && mdIsASCIIPunct(s[i+1]):
				buf.WriteByte(s[i+1])
				i += 2
			case i+1 < len(s) && s[i+1] == '\n': // a hard line break
				i++
			default:
				buf.WriteByte('\\')
				i++
			}
		case '`':
			n := mdRunLength(s, i, '`')
			if end := m.codeSpanEnd(i+n, n, to); end >= 0 {
				buf.WriteString(mdCodeText(s[i+n : end]))
				i = end + n
			} else {
				buf.WriteString(s[i : i+n])
				i += n
			}
		case '<':
			if n := mdAutolinkLen(s[i:]); n > 0 {
				buf.WriteString(s[i+1 : i+n-1])
				i += n
			} else if n, name := m.rawHTMLLen(i, to); n > 0 {
				i += n
				if mdDroppedContent[name] {
					i = m.skipElement(i, name, to)
				}
			} else {
				buf.WriteByte('<')
				i++
			}
		case '&':
			if n := mdEntityLen(s[i:]); n > 0 {
				buf.WriteString(html.UnescapeString(s[i : i+n]))
				i += n
			} else {
				buf.WriteByte('&')
				i++
			}
		case '!', '[':
			start := i
			if c == '!' {
				start++
			}
			if start < len(s) && s[start] == '[' {
				if textEnd, end, ok := m.link(start, to, refs); ok {
					if c == '[' && !strings.HasPrefix(s[start+1:textEnd], "^") {
						buf.WriteString(m.inline(start+1, textEnd, refs))
					} // images and footnote marks are dropped
					i = end
					continue
				}
			}
			buf.WriteByte(c)
			i++
		case '*', '_', '~':
			n := mdRunLength(s, i, c)
			text()
			before, _ := utf8.DecodeLastRuneInString(s[from:i])
			after, _ := utf8.DecodeRuneInString(s[i+n:])
			if i == from {
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
			items = append(items, it)
			i += n
		default:
			buf.WriteByte(c)
			i++
		}
	}
	text()
	mdPairEmphasis(items)
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

// link reports whether m.s[start] ('[') starts a link that ends before
// to: [text](dest), [text][ref], [text][] or [ref], or a footnote mark [^x].
// It returns the index of the closing ']' of the text and the end of the
// link.
func (m *mdScan) link(start, to int, refs map[string]bool) (textEnd, end int, ok bool) {
	s := m.s[:to]
	if e := m.index(start, "]"); e < 0 || e >= to {
		return 0, 0, false
	}
	depth := 0
	textEnd = -1
	for i := start; i < len(s) && i-start < mdMaxSpan && textEnd < 0; i++ {
		switch s[i] {
		case '\\':
			i++
		case '`':
			n := mdRunLength(s, i, '`')
			if e := m.codeSpanEnd(i+n, n, to); e >= 0 {
				i = e + n - 1
			} else {
				i += n - 1
			}
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				textEnd = i
			}
		}
	}
	if textEnd < 0 {
		return 0, 0, false
	}
	label := s[start+1 : textEnd]
	after := textEnd + 1
	if after < len(s) && s[after] == '(' && m.index(after, ")") >= 0 {
		if e := mdDestEnd(s, after); e > 0 {
			return textEnd, e, true
		}
	}
	if after < len(s) && s[after] == '[' {
		if j := strings.IndexByte(s[after:min(len(s), after+mdMaxSpan)], ']'); j >= 0 {
			ref := s[after+1 : after+j]
			if ref == "" {
				ref = label
			}
			if refs[mdLabel(ref)] {
				return textEnd, after + j + 1, true
			}
		}
	}
	if refs[mdLabel(label)] {
		return textEnd, after, true
	}
	if len(label) > 1 && label[0] == '^' && !strings.ContainsFunc(label, unicode.IsSpace) {
		return textEnd, after, true // a footnote mark
	}
	return 0, 0, false
}

// mdDestEnd returns the index after the ')' that closes the link destination
// and title opened at s[open] == '(', or 0.
func mdDestEnd(s string, open int) int {
	depth := 0
	var quote byte
	for i := open; i < len(s) && i-open < mdMaxSpan; i++ {
		c := s[i]
		switch {
		case c == '\\':
			i++
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '<' && i == open+1:
			j := strings.IndexAny(s[i:min(len(s), open+mdMaxSpan)], ">\n")
			if j < 0 || s[i+j] != '>' {
				return 0
			}
			i += j
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return i + 1
			}
		case c == '\n' && i+1 < len(s) && s[i+1] == '\n':
			return 0
		}
	}
	return 0
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

// mdAutolinkLen returns the length of an autolink <scheme:…> or <a@b.c> at
// the start of s, or 0.
func mdAutolinkLen(s string) int {
	end := strings.IndexAny(s[1:], "<> \t\n")
	if end < 0 || s[1+end] != '>' {
		return 0
	}
	inner := s[1 : 1+end]
	if scheme, _, ok := strings.Cut(inner, ":"); ok && len(scheme) >= 2 && len(scheme) <= 32 && mdIsLetter(scheme[0]) &&
		strings.IndexFunc(scheme, func(r rune) bool {
			return !(r < utf8.RuneSelf && (mdIsLetter(byte(r)) || r >= '0' && r <= '9' || r == '+' || r == '.' || r == '-'))
		}) < 0 {
		return end + 2
	}
	if local, domain, ok := strings.Cut(inner, "@"); ok && local != "" && strings.Contains(domain, ".") &&
		!strings.ContainsAny(inner, "\\\"(),:;[]") {
		return end + 2
	}
	return 0
}

// rawHTMLLen returns the length of the HTML tag, comment, processing
// instruction, declaration or CDATA section at the start of s (CommonMark's
// "raw HTML"), or 0, and for an opening tag its lower-case name.
func (m *mdScan) rawHTMLLen(at, to int) (int, string) {
	s := m.s[at:to]
	find := func(from int, needle string) int { // index in s, or -1
		if i := m.index(at+from, needle); i >= 0 && i+len(needle) <= to {
			return i - at - from
		}
		return -1
	}
	switch {
	case strings.HasPrefix(s, "<!--"):
		if strings.HasPrefix(s, "<!-->") {
			return 5, ""
		}
		if strings.HasPrefix(s, "<!--->") {
			return 6, ""
		}
		if i := find(4, "-->"); i >= 0 {
			return 4 + i + 3, ""
		}
	case strings.HasPrefix(s, "<![CDATA["):
		if i := find(0, "]]>"); i >= 0 {
			return i + 3, ""
		}
	case strings.HasPrefix(s, "<?"):
		if i := find(2, "?>"); i >= 0 {
			return 2 + i + 2, ""
		}
	case strings.HasPrefix(s, "<!") && len(s) > 2 && mdIsLetter(s[2]):
		if i := find(0, ">"); i >= 0 {
			return i + 1, ""
		}
	case strings.HasPrefix(s, "</"):
		n := mdTagNameLen(s[2:])
		if n == 0 {
			return 0, ""
		}
		i := 2 + n
		for i < len(s) && mdIsHTMLSpace(s[i]) {
			i++
		}
		if i < len(s) && s[i] == '>' {
			return i + 1, ""
		}
	default:
		n := mdTagNameLen(s[1:])
		if n == 0 {
			return 0, ""
		}
		name := strings.ToLower(s[1 : 1+n])
		if end := mdAttributesEnd(s, 1+n, find); end > 0 {
			return end, name
		}
	}
	return 0, ""
}

// mdAttributesEnd returns the index after the '>' ending an opening tag whose
// attributes start at s[i], or 0.
func mdAttributesEnd(s string, i int, find func(from int, needle string) int) int {
	for {
		sp := i
		for i < len(s) && mdIsHTMLSpace(s[i]) {
			i++
		}
		if i < len(s) && s[i] == '>' {
			return i + 1
		}
		if strings.HasPrefix(s[i:], "/>") {
			return i + 2
		}
		if i == sp || i >= len(s) || !(mdIsLetter(s[i]) || s[i] == '_' || s[i] == ':') {
			return 0
		}
		for i < len(s) && (mdIsLetter(s[i]) || s[i] >= '0' && s[i] <= '9' || strings.IndexByte("_.:-", s[i]) >= 0) {
			i++
		}
		j := i
		for j < len(s) && mdIsHTMLSpace(s[j]) {
			j++
		}
		if j >= len(s) || s[j] != '=' {
			continue
		}
		j++
		for j < len(s) && mdIsHTMLSpace(s[j]) {
			j++
		}
		if j >= len(s) {
			return 0
		}
		switch q := s[j]; q {
		case '"', '\'':
			k := find(j+1, string(q))
			if k < 0 {
				return 0
			}
			i = j + 1 + k + 1
		default:
			k := j
			for k < len(s) && !mdIsHTMLSpace(s[k]) && strings.IndexByte("\"'=<>`", s[k]) < 0 {
				k++
			}
			if k == j {
				return 0
			}
			i = k
		}
	}
}

// skipElement returns the index after the closing tag of element name,
// searched from m.s[i], or to when it is not closed before to.
func (m *mdScan) skipElement(i int, name string, to int) int {
	for {
		j := m.index(i, "</"+name)
		if j < 0 || j >= to {
			return to
		}
		k := j + 2 + len(name)
		if k >= to {
			return to
		}
		if c := m.lower[k]; c == '>' || mdIsHTMLSpace(c) {
			if e := m.index(k, ">"); e >= 0 && e < to {
				return e + 1
			}
			return to
		}
		i = k
	}
}

// mdEntityLen returns the length of a known HTML entity or numeric character
// reference at the start of s, or 0.
func mdEntityLen(s string) int {
	end := strings.IndexByte(s[:min(len(s), 34)], ';')
	if end < 2 {
		return 0
	}
	name := s[1:end]
	if name[0] == '#' {
		digits := name[1:]
		hex := len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X')
		if hex {
			digits = digits[1:]
		}
		if len(digits) == 0 || (!hex && len(digits) > 7) || (hex && len(digits) > 6) {
			return 0
		}
		for _, d := range []byte(digits) {
			if !(d >= '0' && d <= '9' || hex && (d|0x20 >= 'a' && d|0x20 <= 'f')) {
				return 0
			}
		}
		return end + 1
	}
	for _, c := range []byte(name) {
		if !(mdIsLetter(c) || c >= '0' && c <= '9') {
			return 0
		}
	}
	if html.UnescapeString(s[:end+1]) == s[:end+1] {
		return 0 // not an entity HTML knows
	}
	return end + 1
}

func mdTagNameLen(s string) int {
	if s == "" || !mdIsLetter(s[0]) {
		return 0
	}
	n := 1
	for n < len(s) && (mdIsLetter(s[n]) || s[n] >= '0' && s[n] <= '9' || s[n] == '-') {
		n++
	}
	return n
}

func mdIsLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func mdIsASCIIPunct(c byte) bool {
	return c < utf8.RuneSelf && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

func mdIsHTMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func mdIsPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }
