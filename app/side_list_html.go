package app

import (
	"html"
	"strings"
)

// sideListHTML is the markup of side-list entries, as the painter writes
// them into ol#highlights (the whole list on mount, a few entries after a
// change). Like articleHTML it is markup built from user data, so every
// piece of it, text and attribute values alike, goes through
// html.EscapeString here, and a colour is written only when it is a plain
// #rrggbb (the scheme reader already insists on that); the XSS tests cover
// it.
func sideListHTML(items []highlightItem) string {
	var b strings.Builder
	for _, it := range items {
		b.WriteString(`<li class="highlight" data-annotation-id="`)
		b.WriteString(html.EscapeString(it.ID))
		b.WriteString(`" data-label="`)
		b.WriteString(html.EscapeString(it.Label))
		b.WriteByte('"')
		if isHexColor(it.Color) {
			b.WriteString(` style="--label-color: `)
			b.WriteString(it.Color)
			b.WriteByte('"')
		}
		b.WriteString(`><button class="hl-jump"><span class="hl-label">`)
		b.WriteString(html.EscapeString(it.Name))
		b.WriteString(`</span><span class="hl-quote">`)
		b.WriteString(html.EscapeString(it.Quote))
		b.WriteString(`</span><span class="hl-note">`)
		b.WriteString(html.EscapeString(it.Note))
		b.WriteString(`</span></button></li>`)
	}
	return b.String()
}

// isHexColor reports whether c is "#rrggbb".
func isHexColor(c string) bool {
	if len(c) != 7 || c[0] != '#' {
		return false
	}
	for i := 1; i < 7; i++ {
		switch ch := c[i]; {
		case ch >= '0' && ch <= '9', ch >= 'a' && ch <= 'f', ch >= 'A' && ch <= 'F':
		default:
			return false
		}
	}
	return true
}

// listDiff compares two lists of entries in document order: they share
// the first p entries and the last len(old)-oldEnd (= len(next)-newEnd), so
// only old[p:oldEnd] has to go and next[p:newEnd] to come. A tag, a note or
// a clear changes one or two entries in the middle whatever the list's length.
func listDiff(old, next []highlightItem) (p, oldEnd, newEnd int) {
	for p < len(old) && p < len(next) && old[p] == next[p] {
		p++
	}
	oldEnd, newEnd = len(old), len(next)
	for oldEnd > p && newEnd > p && old[oldEnd-1] == next[newEnd-1] {
		oldEnd--
		newEnd--
	}
	return p, oldEnd, newEnd
}
