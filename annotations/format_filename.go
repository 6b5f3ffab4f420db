package annotations

import (
	"bytes"
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

// maxNameBytes is where TitleSlug cuts (see Slug): after the letter or
// digit that reaches 80 bytes of UTF-8 (80 characters of ASCII).
const maxNameBytes = 80

// TitleSlug is the file-name part of every download named after a
// document or assignment title: Slug cut at 80 bytes, "document" when the
// title has no letter or digit.
func TitleSlug(title string) string { return Slug(title, 0, maxNameBytes, "document") }

// ExportFileName is the name of an export of the document titled title in
// format: TitleSlug + FormatExtension.
func ExportFileName(title, format string) string { return TitleSlug(title) + FormatExtension(format) }

// File is an export ready to be saved: its name, media type and bytes.
type File struct {
	Name      string // the slug of the document's title + FormatExtension
	MediaType string // FormatMediaType
	Data      []byte
}

// ExportFile renders exports in format (see WriteFormat) as a File named
// after the first export's document title:
//
//	"Could U.S., Iran Work Together?" as csv → could-u-s-iran-work-together.csv
func ExportFile(format string, exports []*Export) (File, error) {
	var buf bytes.Buffer
	if err := WriteFormat(&buf, format, exports); err != nil {
		return File{}, err
	}
	title := ""
	if len(exports) > 0 {
		title = exports[0].Document.Title
	}
	return File{
		Name:      ExportFileName(title, format),
		MediaType: FormatMediaType(format),
		Data:      buf.Bytes(),
	}, nil
}
