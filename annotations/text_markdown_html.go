package annotations

import (
	"strings"

	"golang.org/x/net/html"
)

// This file finds the raw HTML and the entities of a Markdown paragraph.

// mdDroppedContent are HTML elements whose content is dropped with them.
var mdDroppedContent = map[string]bool{
	"script": true, "style": true, "textarea": true, "template": true, "noscript": true,
	"iframe": true, "svg": true, "math": true, "object": true,
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

func mdIsHTMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
