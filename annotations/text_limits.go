package annotations

import (
	"fmt"
	"unicode/utf8"
)

// Limits on what a workspace, an import and a saved state may hold. They keep
// a tab responsive and a saved state within the browser's storage; each is
// enforced with an error naming the field, never by cutting text silently.
const (
	// MaxNoteRunes is the longest note, in Unicode code points (about four
	// printed pages).
	MaxNoteRunes = 10_000
	// MaxLabelRunes is the longest id or name of a label or a scheme, in
	// Unicode code points.
	MaxLabelRunes = 100
	// MaxTargetRunes is the longest target claim or label description, in
	// Unicode code points.
	MaxTargetRunes = 2_000
	// MaxSentences is the largest document, in sentences, that NewDocument
	// accepts (a long book; the browser stays responsive up to it).
	MaxSentences = 50_000
	// MaxTombstones is how many removed highlights a workspace remembers per
	// scheme (and removed schemes in all) so that a merge with another tab
	// does not bring them back; the newest are kept.
	MaxTombstones = 1_000
)

// tooLong returns an error wrapping ErrTooLong when s has more than max code
// points; what names the text for the message ("a note").
func tooLong(s, what string, max int) error {
	if len(s) <= max { // a code point takes at least one byte
		return nil
	}
	if n := utf8.RuneCountInString(s); n > max {
		return becausef(ErrTooLong, "too long: %s characters; %s can have at most %s", thousands(n), what, thousands(max))
	}
	return nil
}

// checkSchemeLimits checks the lengths of s's id, name, target and labels.
// The error is an *ImportError naming the field relative to the scheme.
func checkSchemeLimits(s Scheme) error {
	for _, f := range []struct {
		field, value, what string
		max                int
	}{
		{"id", s.ID, "a scheme id", MaxLabelRunes},
		{"name", s.Name, "a scheme name", MaxLabelRunes},
		{"target", s.Target, "the target claim", MaxTargetRunes},
	} {
		if err := tooLong(f.value, f.what, f.max); err != nil {
			return fieldErr(f.field, err)
		}
	}
	for i, l := range s.Labels {
		at := fmt.Sprintf("labels[%d]", i)
		for _, f := range []struct {
			field, value, what string
			max                int
		}{
			{"id", l.ID, "a label id", MaxLabelRunes},
			{"name", l.Name, "a label name", MaxLabelRunes},
			{"description", l.Description, "a label description", MaxTargetRunes},
		} {
			if err := tooLong(f.value, f.what, f.max); err != nil {
				return fieldErr(at+"."+f.field, err)
			}
		}
	}
	return nil
}

// checkSentenceCount returns an error wrapping ErrTooManySentences when n is
// more than MaxSentences.
func checkSentenceCount(n int) error {
	if n <= MaxSentences {
		return nil
	}
	return becausef(ErrTooManySentences, "the text has %s sentences; Stancemark opens documents of at most %s sentences (split it into parts)",
		thousands(n), thousands(MaxSentences))
}

// thousands formats n with commas: 12345 -> "12,345".
func thousands(n int) string {
	if n < 0 {
		return "-" + thousands(-n)
	}
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
