package annotations

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file finds the links of a Markdown paragraph: inline, reference and
// footnote links, and autolinks.

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
