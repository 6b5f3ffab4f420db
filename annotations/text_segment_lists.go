package annotations

import "strings"

// Lists written inline ("1.) first 2.) second", "a. one b. two",
// "• 9. first • 10. second") are split into one sentence per item (the
// list-item rule), and a marker Punkt cut off its item is joined back to
// it (the list-marker rule). A marker starts an item only in a list: one
// that opens with "1." (or "a.", "1)", ...) at the start of the paragraph,
// after a colon or after a sentence end, and goes on with "2.", "3.", ...
// of the same style, so "the vote was 52 to 48." and "Rule 2. ... Rule 3."
// are no lists; or a bullet when the paragraph has two or more. The first
// item stays with what leads into it ("Steps: 1. Open the box.").

// markerRole is what a word is in an inline list.
type markerRole uint8

const (
	notMarker   markerRole = iota
	itemFirst              // the first marker of a list
	itemStart              // a later marker: a sentence starts here
	markerInner            // a number right after a bullet: "• 9."
)

// bullets are the characters that mark an item of an inline list.
const bullets = "•◦▪‣⁃"

// listMarker parses w as a list marker: its style ("1." numbers with a
// period, "1.)", "1)", "a.", "a.)", "a)", or "•" for a bullet) and its
// value (1 for "1." and "a."). ok is false when w is no marker.
func listMarker(w string) (style string, value int, ok bool) {
	if w == "" || len(w) > 7 {
		return "", 0, false
	}
	for _, b := range bullets {
		if rest, found := strings.CutPrefix(w, string(b)); found {
			if rest == "" {
				return "•", 0, true
			}
			if _, _, ok := listMarker(rest); ok && rest[0] >= '0' && rest[0] <= '9' {
				return "•", 0, true
			}
			return "", 0, false
		}
	}
	var suffix string
	for _, s := range []string{".)", ")", "."} {
		if strings.HasSuffix(w, s) {
			suffix = s
			break
		}
	}
	body := strings.TrimSuffix(w, suffix)
	switch {
	case suffix == "" || body == "":
		return "", 0, false
	case len(body) == 1 && body[0] >= 'a' && body[0] <= 'z':
		return "a" + suffix, int(body[0]-'a') + 1, true
	}
	n := 0
	for i := 0; i < len(body); i++ {
		if body[i] < '0' || body[i] > '9' || len(body) > 3 {
			return "", 0, false
		}
		n = n*10 + int(body[i]-'0')
	}
	if n < 1 || n > maxListMarkerValue || body[0] == '0' {
		return "", 0, false
	}
	return "1" + suffix, n, true
}

// seenMarker is a marker at word i with its value.
type seenMarker struct{ i, value int }

// findMarkers sets c.markers to the role of each word that is a marker in
// an inline list.
func (c *paragraphContext) findMarkers() {
	var found map[string][]seenMarker
	for i := range c.words {
		w := c.word(i)
		// Quick rejects: a marker is short and ends in "." or ")", or
		// starts with a bullet (not ASCII).
		if len(w) > 7 || w[0] < 0x80 && (len(w) > 5 || w[len(w)-1] != '.' && w[len(w)-1] != ')' ||
			!(w[0] >= '0' && w[0] <= '9' || w[0] >= 'a' && w[0] <= 'z' && len(w) <= 3)) {
			continue
		}
		if style, v, ok := listMarker(w); ok {
			if found == nil {
				found = make(map[string][]seenMarker)
			}
			found[style] = append(found[style], seenMarker{i, v})
		}
	}
	if found == nil {
		return
	}
	c.markers = make(map[int]markerRole)
	if list := found["•"]; len(list) >= 2 { // bullets first: they own the numbers after them
		for k, m := range list {
			c.markers[m.i] = itemStart
			if k == 0 {
				c.markers[m.i] = itemFirst
			}
			if m.i+1 < len(c.words) {
				if s, _, ok := listMarker(c.word(m.i + 1)); ok && s[0] == '1' {
					c.markers[m.i+1] = markerInner
				}
			}
		}
	}
	for style, list := range found {
		if style != "•" {
			c.chain(list)
		}
	}
}

// chain marks the lists among the markers of one style (in text order): a
// list opens with value 1 at the start of the paragraph, after a colon or
// after a sentence end, and goes on with 2, 3, ... later in the paragraph.
func (c *paragraphContext) chain(list []seenMarker) {
	for k, m := range list {
		if m.value != 1 || c.markers[m.i] != notMarker || m.i > 0 && !opensList(c.word(m.i-1)) {
			continue
		}
		members := []int{m.i}
		want := 2
		for _, n := range list[k+1:] {
			if n.value == 1 && opensList(c.word(n.i-1)) {
				break // another list starts: each marker is looked at twice at most
			}
			if n.value == want && c.markers[n.i] == notMarker {
				members = append(members, n.i)
				want++
			}
		}
		if len(members) < 2 {
			continue
		}
		for x, i := range members {
			c.markers[i] = itemStart
			if x == 0 {
				c.markers[i] = itemFirst
			}
		}
	}
}

// opensList reports whether a list can start after word w: w ends with a
// colon or ends a sentence.
func opensList(w string) bool { return strings.HasSuffix(w, ":") || endsSentenceWord(w) }

// isMarker reports whether word i is part of a list marker.
func (c *paragraphContext) isMarker(i int) bool { return c.markers[i] != notMarker }

// startsItem reports whether a sentence starts at word i, a later item of
// an inline list.
func (c *paragraphContext) startsItem(i int) bool { return c.markers[i] == itemStart }
