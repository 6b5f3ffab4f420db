package annotations

import (
	"errors"
	"reflect"
	"testing"
)

func TestParseMarkdown(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		title string
		paras []string
	}{
		{
			name:  "news article",
			src:   readTestdata(t, "news.md"),
			title: "Could U.S., Iran Work Together In Iraq? Maybe, Officials Say",
			paras: []string{
				"By Jane Doe & John Roe",
				"The U.S. and Iran’s leaders have a common foe in Iraq, officials said on Monday.",
				"Rear Adm. John Kirby said: “We are open to talking.” Others were not so sure.",
				"What we know",
				"The militants took Mosul last week. Their advance continued overnight.",
				"Air strikes.",
				"Talks with Tehran.",
				"Doing nothing, which is an option too.",
				"“Nobody wants this,” one official said. “But here we are.”",
				"Source Figure",
				"Pentagon 1,000 troops",
				"Typing <script>alert(1)</script> shows it as text.",
				"The 2 * 3 = 6 rule and snake_case_names stay as they are.",
				"See the State Department statement and https://example.com/raw.",
			},
		},
		{
			name:  "emphasis and code",
			src:   "# T\n\n**bold** __strong__ *em* _em_ ~~del~~ ***both*** `a * b` ``x ` y``",
			title: "T",
			paras: []string{"bold strong em em del both a * b x ` y"},
		},
		{
			name:  "unpaired marks stay",
			src:   "# T\n\n*not closed and 5 * 3 and a_b_c and ~~~ and **x*",
			title: "T",
			paras: []string{"*not closed and 5 * 3 and a_b_c and ~~~ and *x"},
		},
		{
			name:  "setext headings",
			src:   "Title\n=====\n\nSection\n-------\n\nText.",
			title: "Title",
			paras: []string{"Section", "Text."},
		},
		{
			name:  "closing hashes and a heading later",
			src:   "Intro line.\n\n# Real title #\n\nBody.",
			title: "Real title",
			paras: []string{"Intro line.", "Body."},
		},
		{
			name:  "the first line is the title without a heading",
			src:   "First line\nsecond line of the paragraph.\n\nNext.",
			title: "First line",
			paras: []string{"second line of the paragraph.", "Next."},
		},
		{
			name:  "front matter title",
			src:   "---\ntitle: 'It''s *the* title'\ndate: 2024-01-01\n---\n# Heading kept\n\nBody.",
			title: "It's the title",
			paras: []string{"Heading kept", "Body."},
		},
		{
			name:  "links and images",
			src:   "# T\n\n[a](http://x.org) [b](<u v> \"t\") [c][r] [d][] [r] ![img](i.png) ![alt][r] [no link] [e](x (y)) footnote[^1].\n\n[r]: http://r.org \"R\"\n[d]: /d",
			title: "T",
			paras: []string{"a b c d r [no link] e footnote."},
		},
		{
			name:  "lists, tasks and quotes",
			src:   "# T\n\n- one\n* two\n+ three\n\n1. four\n2) five\n   - [ ] six\n- [x] seven\n\n> quoted\n> > nested\nlazy line\n\nafter",
			title: "T",
			paras: []string{"one", "two", "three", "four", "five", "six", "seven", "quoted nested lazy line", "after"},
		},
		{
			name:  "a number in prose is not a list",
			src:   "# T\n\nIn the year\n2019. Things happened.",
			title: "T",
			paras: []string{"In the year 2019. Things happened."},
		},
		{
			name:  "horizontal rules",
			src:   "# T\n\nA.\n\n---\n\nB.\n\n* * *\n\n___\nC.",
			title: "T",
			paras: []string{"A.", "B.", "C."},
		},
		{
			name:  "code blocks are literal lines",
			src:   "# T\n\n```js\nif (a < b) { x = \"**y**\"; }\n\nz();\n```\n\n    indented <b>code</b>\n\nText.",
			title: "T",
			paras: []string{"if (a < b) { x = \"**y**\"; }", "z();", "indented <b>code</b>", "Text."},
		},
		{
			name:  "escapes",
			src:   "# T\n\n\\*not em\\* \\[not link\\](x) \\<b> a\\\nb C:\\path",
			title: "T",
			paras: []string{"*not em* [not link](x) <b> a b C:\\path"},
		},
		{
			name:  "tables",
			src:   "# T\n\n| A | B |\n|:--|--:|\n| 1 | a \\| b |\n| 2 |\n\nafter | table",
			title: "T",
			paras: []string{"A B", "1 a | b", "2", "after | table"},
		},
		{
			name:  "CRLF and BOM",
			src:   "\uFEFF# T\r\n\r\nOne\r\ntwo.\r\n",
			title: "T",
			paras: []string{"One two."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseMarkdown(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tt.title {
				t.Errorf("title = %q, want %q", d.Title, tt.title)
			}
			if got := paragraphTexts(d); !reflect.DeepEqual(got, tt.paras) {
				t.Errorf("paragraphs:\n got %q\nwant %q", got, tt.paras)
			}
		})
	}
}

// TestParseMarkdownNeverMarkup: HTML in Markdown is removed as markup;
// what Markdown shows as text (code, escapes, entities) stays text.
func TestParseMarkdownNeverMarkup(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"script block", "<script>\nalert(1)\n\n</script>\nafter", "after"},
		{"inline script", "a<script>alert(1)</script>b", "ab"},
		{"event handler", `a<img src=x onerror="alert(1)">b<svg onload=alert(1)>c</svg>d`, "abd"},
		{"tags go, text stays", `<div class="x"><b>bold</b> text</div>`, "bold text"},
		{"comment", "a<!-- <script>alert(1)</script> -->b", "ab"},
		{"multi-line comment", "a\n\n<!--\n<script>alert(1)</script>\n-->\n\nb", "a\n\nb"},
		{"javascript link", "[click](javascript:alert(1)) me", "click me"},
		{"javascript autolink is only text", "<javascript:alert(1)>", "javascript:alert(1)"},
		{"code span is text", "`<img src=x onerror=alert(1)>`", "<img src=x onerror=alert(1)>"},
		{"entity is text", "&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"},
		{"escaped tag is text", `\<script>`, "<script>"},
		{"not a tag", "1 < 2 and a <3 b and <<b>b>", "1 < 2 and a <3 b and <b>"},
		{"unclosed quote in a tag", `a <a href="x>b`, `a <a href="x>b`},
		{"style element", "a<style>p{}</style>b", "ab"},
		{"processing instruction and cdata", "a<?php echo 1; ?>b<![CDATA[c]]>d<!DOCTYPE html>e", "abde"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseMarkdown("# T\n\n" + tt.src)
			if err != nil {
				t.Fatal(err)
			}
			if d.Text != tt.want {
				t.Errorf("text = %q, want %q", d.Text, tt.want)
			}
		})
	}
}

func TestParseMarkdownEmpty(t *testing.T) {
	for _, src := range []string{"", "# Only a title", "---\ntitle: x\n---\n", "<script>x</script>", "![img](x.png)\n\n---"} {
		if _, err := ParseMarkdown(src); !errors.Is(err, ErrEmptyDocument) {
			t.Errorf("ParseMarkdown(%q) error = %v, want ErrEmptyDocument", src, err)
		}
	}
}
