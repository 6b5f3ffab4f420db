package app

import "stancemark/annotations"

// exportFileName is "<title-slug>.stancemark.json".
func exportFileName(title string) string { return slug(title) + ".stancemark.json" }

// maxSlugBytes is where the app cuts the slug of a download name: after the
// letter or digit that reaches 80 bytes of UTF-8 (80 characters of ASCII).
const maxSlugBytes = 80

// slug turns a title into the file-name part of every download the app
// makes: annotations.Slug (lower-case letters and digits, every other run of
// characters one hyphen) cut at maxSlugBytes, "document" when empty.
func slug(title string) string { return annotations.Slug(title, 0, maxSlugBytes, "document") }
