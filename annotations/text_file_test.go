package annotations

import (
	"bytes"
	"errors"
	"html"
	"strings"
	"testing"
	"unicode/utf16"
)

func TestParseFile(t *testing.T) {
	utf16le := func(s string) []byte {
		b := []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	tests := []struct {
		name, file string
		data       []byte
		title      string
		text       string
	}{
		{"text", "a.txt", []byte("Title\n\nOne. Two."), "Title", "One. Two."},
		{"text keeps markup as text", "a.TXT", []byte("# Title\n\n<b>One</b>."), "# Title", "<b>One</b>."},
		{"markdown", "notes/a.md", []byte("# Title\n\n**One**."), "Title", "One."},
		{"markdown, long extension", "a.markdown", []byte("Title\n===\n\nOne."), "Title", "One."},
		{"html", "page.html", []byte("<h1>Title</h1><p>One.</p>"), "Title", "One."},
		{"htm", `C:\Users\me\page.HTM`, []byte("<h1>Title</h1><p>One.</p>"), "Title", "One."},
		{"URL with a query", "/articles/a.md?raw=1#top", []byte("# Title\n\n*One*."), "Title", "One."},
		{"sniffed html", "download", []byte("<!DOCTYPE html><title>Title</title><p>One.</p>"), "Title", "One."},
		{"sniffed html after a comment", "x.php", []byte("<!-- saved -->\n<html><body><h1>Title</h1><p>One.</p>"), "Title", "One."},
		{"sniffed markdown", "README", []byte("# Title\n\nOne [link](x)."), "Title", "One link."},
		{"sniffed markdown by a link", "notes", []byte("Title\n\nOne [link](http://x.org)."), "Title", "One link."},
		{"sniffed text", "", []byte("Title\n\nOne < two."), "Title", "One < two."},
		{"UTF-8 BOM", "a.txt", []byte("\xEF\xBB\xBFTitle\n\nOne."), "Title", "One."},
		{"UTF-16 with BOM", "a.txt", utf16le("Tïtle\r\n\r\nOne ☕."), "Tïtle", "One ☕."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseFile(tt.file, tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tt.title || d.Text != tt.text {
				t.Errorf("got %q / %q, want %q / %q", d.Title, d.Text, tt.title, tt.text)
			}
		})
	}
}

func TestParseFileErrors(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...)
	tests := []struct {
		name, file string
		data       []byte
		sentinel   error
		msg        string
	}{
		{"too large", "big.txt", bytes.Repeat([]byte("a"), MaxImportBytes+1), ErrTooLarge, "big.txt is too large (20.0 MB; the limit is 20 MB)"},
		{"empty", "e.md", []byte(" \n\t\n"), ErrEmptyFile, "e.md is empty"},
		{"image", "photo.png", png, ErrNotText, "photo.png is not a text file (it looks like image/png)"},
		{"image with a text name", "/tmp/photo.txt", png, ErrNotText, "photo.txt is not a text file (it looks like image/png)"},
		{"pdf", "a.pdf", []byte("%PDF-1.4\n..."), ErrNotText, "a.pdf is not a text file (it looks like application/pdf)"},
		{"Latin-1", "old.txt", []byte("Caf\xe9\n\nOne."), ErrNotText, "old.txt is not a text file (it is not UTF-8 text: save it as UTF-8 and try again)"},
		{"NUL bytes", "a.txt", []byte("Title\n\nOne\x00two."), ErrNotText, "a.txt is not a text file (it holds binary data)"},
		{"JSON", "export", []byte(`{"format":"stancemark/v1"}`), ErrNotText, "export holds JSON data, not an article: open it as an export or an assignment"},
		{"no sentence", "a.html", []byte("<title>Only a title</title><script>x()</script>"), ErrEmptyDocument, "a.html has no text to annotate (read as html)"},
		{"title only", "a.txt", []byte("Only a title\n"), ErrEmptyDocument, "a.txt has no text to annotate (read as text)"},
		{"no name", "", []byte{}, ErrEmptyFile, "the file is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseFile(tt.file, tt.data)
			var ie *ImportError
			if !errors.As(err, &ie) || !errors.Is(err, tt.sentinel) || err.Error() != tt.msg {
				t.Errorf("error = %v (%T), want *ImportError %q wrapping %v", err, err, tt.msg, tt.sentinel)
			}
		})
	}
}

func TestSniffFileKind(t *testing.T) {
	tests := []struct {
		src  string
		want FileKind
	}{
		{"<html><body>x", HTMLFile},
		{"  \n<!doctype HTML>", HTMLFile},
		{"<p>Para</p>", HTMLFile},
		{"<div class=x>", HTMLFile},
		{"# Heading\ntext", MarkdownFile},
		{"---\ntitle: x\n---", MarkdownFile},
		{"Title\n=====\n", MarkdownFile},
		{"text\n\n```\ncode\n```", MarkdownFile},
		{"A headline\n\nPlain text with a < sign and 3 * 4.", PlainTextFile},
		{"A headline\n\n---\n\nrule", PlainTextFile},
		{"#hashtag start", PlainTextFile},
	}
	for _, tt := range tests {
		if got := SniffFileKind(tt.src); got != tt.want {
			t.Errorf("SniffFileKind(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}

func TestParseFileSameTextSameID(t *testing.T) {
	a, err := ParseFile("a.txt", []byte("T\n\nOne. Two."))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		name string
		data string
	}{{"a.md", "# T\n\nOne. *Two.*"}, {"a.html", "<h1>T</h1><p>One. <b>Two.</b></p>"}} {
		b, err := ParseFile(f.name, []byte(f.data))
		if err != nil {
			t.Fatal(err)
		}
		if b.ID != a.ID || !strings.HasPrefix(b.ID, "sha256:") {
			t.Errorf("%s: id %s, want %s (the same text)", f.name, b.ID, a.ID)
		}
	}
}

// TestBundledArticleInEveryFormat: the bundled article saved as a web page
// or as Markdown opens as the same document (same id, same sentences) as
// the text file, so opening it twice finds the existing document.
func TestBundledArticleInEveryFormat(t *testing.T) {
	want := bundledArticle(t)
	var page, md strings.Builder
	page.WriteString("<!DOCTYPE html><html><head><title>" + html.EscapeString(want.Title) + " | News</title></head><body>")
	page.WriteString("<nav><a href=/>Home</a></nav><article><h1>" + html.EscapeString(want.Title) + "</h1>\n")
	md.WriteString("# " + want.Title + "\n\n")
	for _, p := range paragraphTexts(want) {
		page.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
		md.WriteString(p + "\n\n")
	}
	page.WriteString("</article><footer>© News</footer></body></html>")
	for name, data := range map[string]string{"article.html": page.String(), "article.md": md.String()} {
		got, err := ParseFile(name, []byte(data))
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != want.ID || got.Title != want.Title || len(got.Sentences) != len(want.Sentences) {
			t.Errorf("%s: %q, %d sentences, %s; want the text file's %q, %d, %s", name, got.Title, len(got.Sentences), got.ID, want.Title, len(want.Sentences), want.ID)
		}
	}
}
