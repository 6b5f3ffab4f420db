package annotations

import (
	"strings"
	"unicode"
)

// Slug returns s as a part of a file name: its letters and digits in lower
// case, every run of other characters between two of them one "-" (so no
// "-" at either end), or fallback when s has no letter or digit. It is the
// one slug of Stancemark, behind SubmissionFileName, AssignmentFileName and
// the app's download names.
//
// The slug stops after the first letter or digit that makes it maxRunes
// characters or more (when maxRunes > 0), or maxBytes bytes of UTF-8 or more
// (when maxBytes > 0). So it can end up to one "-" and one letter past
// maxRunes, or one character past maxBytes: the two callers' names have
// always been cut that way, and a file name must not change.
//
//	Slug("Zoë O'Neil", 48, 0, "student") == "zoë-o-neil"
//	Slug("???", 0, 80, "document") == "document"
func Slug(s string, maxRunes, maxBytes int, fallback string) string {
	var b strings.Builder
	n, dash := 0, false
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
			n++
		}
		dash = false
		b.WriteRune(unicode.ToLower(r))
		n++
		if (maxRunes > 0 && n >= maxRunes) || (maxBytes > 0 && b.Len() >= maxBytes) {
			break
		}
	}
	if b.Len() == 0 {
		return fallback
	}
	return b.String()
}
