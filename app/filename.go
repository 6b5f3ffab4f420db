package app

import (
	"strings"
	"unicode"
)

// exportFileName is "<title-slug>.stancemark.json".
func exportFileName(title string) string { return slug(title) + ".stancemark.json" }

// slug turns a title into a file-name part: lower-case letters and digits,
// every other run of characters one hyphen, at most 80 characters.
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			if b.Len() >= 80 {
				break
			}
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "document"
	}
	return b.String()
}
