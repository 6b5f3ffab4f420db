package annotations

import (
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// checkDocument checks what every parser promises: sentences in order,
// inside the text, with offsets in code points giving their text, and a
// canonical text.
func checkDocument(t *testing.T, d *Document) {
	t.Helper()
	if again, _ := CanonicalText(d.Text); again != d.Text {
		t.Fatalf("the text is not canonical: %q", d.Text)
	}
	if !utf8.ValidString(d.Title) || strings.ContainsAny(d.Title, "\n\r") {
		t.Fatalf("bad title %q", d.Title)
	}
	runes := []rune(d.Text)
	prevEnd := 0
	for _, s := range d.Sentences {
		if s.Start < prevEnd || s.Start >= s.End || s.End > len(runes) {
			t.Fatalf("%s offsets %d..%d outside the text (%d code points, previous end %d)", s.ID, s.Start, s.End, len(runes), prevEnd)
		}
		if got := string(runes[s.Start:s.End]); got != s.Text {
			t.Fatalf("%s: Text[%d:%d] = %q, but the sentence is %q", s.ID, s.Start, s.End, got, s.Text)
		}
		prevEnd = s.End
	}
}

// textAngles counts the '<' that HTML's tokenizer reads as text (decoded
// entities included): an upper bound on the '<' the page shows as text.
func textAngles(src string) int {
	z := html.NewTokenizer(strings.NewReader(src))
	n := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				panic(z.Err())
			}
			return n
		case html.TextToken:
			n += strings.Count(string(z.Text()), "<")
		}
	}
}

// FuzzParseHTML checks ParseHTML on any input: no panic; a document or
// ErrEmptyDocument; the sentence offsets; and no '<' in the title or text
// that did not come from the page's text (a tag never becomes text). The
// seed corpus is in testdata/fuzz/FuzzParseHTML.
func FuzzParseHTML(f *testing.F) {
	f.Add(readTestdata(f, "news.html"))
	for _, s := range []string{
		"<h1>T</h1><p>a<script>alert(1)</script>b &lt;i&gt;</p>",
		"<p>x<br>y<pre>1\n2</pre><table><tr><td>a<td>b</table>",
		"<title>A &amp; B</title><article><p>One. Two.</p></article>",
		"<svg><![CDATA[<x>]]></svg><math><mi>y</mi></math><plaintext><b>",
		"<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		d, err := ParseHTML(src)
		if err != nil {
			if !errors.Is(err, ErrEmptyDocument) {
				t.Fatalf("ParseHTML: %v", err)
			}
			return
		}
		checkDocument(t, d)
		if got, max := strings.Count(d.Title+d.Text, "<"), textAngles(src); got > max {
			t.Fatalf("%d '<' in the output but only %d in the page's text:\ntitle %q\ntext %q", got, max, d.Title, d.Text)
		}
	})
}

// FuzzParseMarkdown checks ParseMarkdown on any input: no panic; a
// document or ErrEmptyDocument; the sentence offsets; and no markup
// character invented: the output has no more '<' than the input has '<'
// and '&' (an entity such as &lt; or a quoted "\\u003c" may give one). TestParseMarkdownNeverMarkup
// checks which '<' go. The seed corpus is in testdata/fuzz/FuzzParseMarkdown.
func FuzzParseMarkdown(f *testing.F) {
	f.Add(readTestdata(f, "news.md"))
	for _, s := range []string{
		"# T\n\n**a** _b_ ~~c~~ `d <e>` [f](g) ![h](i) <j> <k@l.m> &amp; \\*",
		"---\ntitle: \"x\"\n---\n- a\n- [ ] b\n\n> c\n> > d\n\n| e | f |\n|---|---|\n| g | h |",
		"```\n<script>\n```\n\n    <b>\n\nx<script>alert(1)</script>y<!--z-->",
		"Setext\n===\n\n* * *\n\n1. one\n2) two\n\n[r]: /u\n[r] [s][r] [^1]",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		d, err := ParseMarkdown(src)
		if err != nil {
			if !errors.Is(err, ErrEmptyDocument) {
				t.Fatalf("ParseMarkdown: %v", err)
			}
			return
		}
		checkDocument(t, d)
		got := strings.Count(d.Title+d.Text, "<")
		if max := strings.Count(src, "<") + strings.Count(src, "&") + strings.Count(src, `\`); got > max {
			t.Fatalf("%d '<' in the output, more than the input's '<' and '&' (%d):\ntitle %q\ntext %q", got, max, d.Title, d.Text)
		}
	})
}
