package annotations

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// FileKind is how ParseFile reads a file.
type FileKind int

// The kinds of article file.
const (
	PlainTextFile FileKind = iota // ParsePlainText
	MarkdownFile                  // ParseMarkdown
	HTMLFile                      // ParseHTML
)

// String returns "text", "markdown" or "html".
func (k FileKind) String() string {
	switch k {
	case MarkdownFile:
		return "markdown"
	case HTMLFile:
		return "html"
	}
	return "text"
}

// ParseFile builds a Document from an article file named name (only its
// extension is used; it may be a path or a URL path):
//
//   - .txt and .text are read by ParsePlainText, .md, .markdown, .mdown
//     and .mkd by ParseMarkdown, .html, .htm and .xhtml by ParseHTML; any
//     other name is sniffed from the content (see SniffFileKind).
//   - A leading byte order mark is dropped; UTF-16 with a byte order mark
//     is decoded.
//   - It refuses, with an *ImportError saying why: a file over
//     MaxImportBytes (ErrTooLarge), an empty file (ErrEmptyFile), binary
//     data, text that is not UTF-8 or JSON data (ErrNotText), and a file
//     with no sentence (ErrEmptyDocument).
func ParseFile(name string, data []byte) (*Document, error) {
	fail := func(sentinel error, format string, args ...any) (*Document, error) {
		return nil, &ImportError{Err: becausef(sentinel, format, args...)}
	}
	label := path.Base(strings.ReplaceAll(name, `\`, "/"))
	if label == "." || label == "/" {
		label = "the file"
	}
	if len(data) > MaxImportBytes {
		return fail(ErrTooLarge, "%s is too large (%.1f MB; the limit is %d MB)", label, float64(len(data))/(1<<20), MaxImportBytes>>20)
	}
	src, err := decodeArticleBytes(data)
	if err != nil {
		return fail(ErrNotText, "%s is not a text file (%v)", label, err)
	}
	if strings.TrimFunc(src, isSpace) == "" {
		return fail(ErrEmptyFile, "%s is empty", label)
	}
	kind, ok := fileKindByName(name)
	if !ok {
		if t := strings.TrimFunc(src, isSpace); (t[0] == '{' || t[0] == '[') && json.Valid([]byte(t)) {
			return fail(ErrNotText, "%s holds JSON data, not an article: open it as an export or an assignment", label)
		}
		kind = SniffFileKind(src)
	}
	var doc *Document
	switch kind {
	case HTMLFile:
		doc, err = ParseHTML(src)
	case MarkdownFile:
		doc, err = ParseMarkdown(src)
	default:
		doc, err = ParsePlainText(src)
	}
	if errors.Is(err, ErrEmptyDocument) {
		return fail(ErrEmptyDocument, "%s has no text to annotate (read as %s)", label, kind)
	}
	if err != nil {
		return nil, &ImportError{Err: err}
	}
	return doc, nil
}

// fileKindByName returns the kind of file its extension tells.
func fileKindByName(name string) (FileKind, bool) {
	if i := strings.IndexAny(name, "?#"); i >= 0 { // a URL's query or fragment
		name = name[:i]
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".text":
		return PlainTextFile, true
	case ".md", ".markdown", ".mdown", ".mkd":
		return MarkdownFile, true
	case ".html", ".htm", ".xhtml":
		return HTMLFile, true
	}
	return PlainTextFile, false
}

// SniffFileKind guesses the kind of an article from its text: HTML when it
// starts (after white space and comments) with a doctype or an <html>,
// <head>, <body>, <article>, <p>, <div> or <h1>-like tag, or when
// it starts with one of the tags browsers sniff as HTML (see looksLikeHTMLTag); Markdown when its first line
// is an ATX heading ("# Title"), when it opens with front matter ("---"),
// or when it has a setext heading, a fenced code block or an inline link
// [text](url); plain text otherwise.
func SniffFileKind(src string) FileKind {
	t := strings.TrimLeftFunc(strings.TrimPrefix(src, "\uFEFF"), isSpace)
	for strings.HasPrefix(t, "<!--") {
		end := strings.Index(t, "-->")
		if end < 0 {
			break
		}
		t = strings.TrimLeftFunc(t[end+3:], isSpace)
	}
	lower := strings.ToLower(t[:min(len(t), 64)])
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<article", "<main", "<section", "<p>", "<p ", "<div", "<h1", "<h2", "<title", "<meta", "<?xml"} {
		if strings.HasPrefix(lower, p) {
			return HTMLFile
		}
	}
	if looksLikeHTMLTag(t) {
		return HTMLFile
	}
	first, _, _ := strings.Cut(t, "\n")
	if mdATX.MatchString(first) || strings.TrimRight(first, " \t\r") == "---" {
		return MarkdownFile
	}
	sample := normalizeNewlines(t[:min(len(t), 64<<10)])
	lines := strings.Split(sample, "\n")
	for i, l := range lines {
		if i > 0 && trimSpace(lines[i-1]) != "" && (mdSetext1.MatchString(l) || mdSetext2.MatchString(l)) && !mdBreak.MatchString(l) ||
			mdFence.MatchString(l) || mdInlineLink.MatchString(l) {
			return MarkdownFile
		}
	}
	return PlainTextFile
}

// decodeArticleBytes returns data as a string: UTF-8 (without its byte order mark)
// or UTF-16 with a byte order mark. It refuses binary data and other
// encodings.
func decodeArticleBytes(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF):
		if len(data)%2 != 0 {
			return "", errors.New("broken UTF-16")
		}
		u := make([]uint16, 0, len(data)/2-1)
		for i := 2; i+1 < len(data); i += 2 {
			if data[0] == 0xFF {
				u = append(u, uint16(data[i])|uint16(data[i+1])<<8)
			} else {
				u = append(u, uint16(data[i])<<8|uint16(data[i+1]))
			}
		}
		data = []byte(string(utf16.Decode(u)))
	}
	if mediaType, ok := binaryMediaType(data); ok {
		return "", fmt.Errorf("it looks like %s", mediaType)
	}
	if !utf8.Valid(data) {
		return "", errors.New("it is not UTF-8 text: save it as UTF-8 and try again")
	}
	controls := 0
	for _, c := range data {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			if c == 0 {
				return "", errors.New("it holds binary data")
			}
			controls++
		}
	}
	if controls > len(data)/100 {
		return "", errors.New("it holds binary data")
	}
	return string(data), nil
}
