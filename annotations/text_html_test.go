package annotations

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

// paragraphTexts returns the text of each paragraph of d.
func paragraphTexts(d *Document) []string {
	runes := []rune(d.Text)
	out := make([]string, len(d.Paragraphs))
	for i, p := range d.Paragraphs {
		out[i] = string(runes[p.Start:p.End])
	}
	return out
}

func TestParseHTML(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		title string
		paras []string
	}{
		{
			name:  "news page",
			src:   readTestdata(t, "news.html"),
			title: "Could U.S., Iran Work Together In Iraq? Maybe, Officials Say",
			paras: []string{
				"By Jane Doe & John Roe · June 16, 2014",
				"The U.S. and Iran’s leaders have a common foe in Iraq, officials said on Monday.",
				"Rear Adm. John Kirby said: “We are open to talking.” Others were not so sure.",
				"The militants took Mosul last week.",
				"Their advance continued overnight.",
				"Three options are on the table:",
				"Air strikes.",
				"Talks with Tehran.",
				"Doing nothing.",
				"Source Figure",
				"Pentagon 1,000 troops",
				"Typing <script>alert(1)</script> shows it as text.",
			},
		},
		{
			name:  "entities are decoded",
			src:   `<h1>Tom &amp; Jerry&#8217;s &quot;show&quot;</h1><p>5&nbsp;km &lt; 6&#x00A0;km &copy; 2024 &mdash; ok &amp;amp; done.</p>`,
			title: "Tom & Jerry’s \"show\"",
			paras: []string{"5 km < 6 km © 2024 — ok &amp; done."},
		},
		{
			name:  "white space collapses and br splits",
			src:   "<h1>T</h1><div>\n  <div>One\n\t  two<br>three<br/><br>four</div>\n</div>",
			title: "T",
			paras: []string{"One two", "three", "four"},
		},
		{
			name:  "inline elements join without spaces, cells with one",
			src:   "<h1>T</h1><p>un<b>believ</b><i>able</i>. <a href='/x'>Link</a>.</p><table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>",
			title: "T",
			paras: []string{"unbelievable. Link.", "A B", "1 2"},
		},
		{
			name:  "pre keeps its lines",
			src:   "<h1>T</h1><pre>line one\n  indented two\n\nfour</pre>",
			title: "T",
			paras: []string{"line one", "indented two", "four"},
		},
		{
			name:  "title element when there is no h1, and not repeated",
			src:   "<html><head><title>  The   Title </title></head><body><p>The Title</p><p>Body text.</p></body></html>",
			title: "The Title",
			paras: []string{"Body text."},
		},
		{
			name:  "h1 outside the article is the title",
			src:   "<title>Site</title><main><h1>Headline</h1><article><p>Long body text here. More text here.</p></article><p>x</p></main>",
			title: "Headline",
			paras: []string{"Long body text here. More text here."},
		},
		{
			name:  "a leading h2 is the title of a fragment",
			src:   "<h2>Subhead</h2><p>One.</p>",
			title: "Subhead",
			paras: []string{"One."},
		},
		{
			name:  "first paragraph is the title of a fragment, like a text file",
			src:   "<p>Headline</p><p>One. Two.</p>",
			title: "Headline",
			paras: []string{"One. Two."},
		},
		{
			name:  "a single paragraph has no title",
			src:   "Just one sentence.",
			title: "",
			paras: []string{"Just one sentence."},
		},
		{
			name:  "the biggest article wins over teasers",
			src:   "<body><h1>Page</h1><article><h2>Teaser</h2><p>Short.</p></article><article><h1>Real</h1><p>The real article is much longer than the teaser, with many words in it.</p></article><article><p>Other teaser.</p></article></body>",
			title: "Real",
			paras: []string{"The real article is much longer than the teaser, with many words in it."},
		},
		{
			name:  "a small article does not hide the main text",
			src:   "<main><h1>Page</h1><p>The main text of the page is here and it is long enough to matter a lot.</p><article><p>Tiny.</p></article></main>",
			title: "Page",
			paras: []string{"The main text of the page is here and it is long enough to matter a lot.", "Tiny."},
		},
		{
			name: "page furniture is dropped",
			src: `<h1>T</h1><p>Kept.</p><nav>Nav</nav><aside>Aside</aside><form><p>Form</p><input value="v"><button>Go</button></form>` +
				`<div hidden>Hidden</div><div aria-hidden="true">Aria</div><div style="display: none">None</div><div role="navigation">Role</div>` +
				`<footer>Footer</footer><header>Header</header><noscript>NoJS</noscript><template><p>Tpl</p></template><iframe>Frame</iframe>` +
				`<svg><text>SVG</text><title>svg title</title></svg><math><mi>x</mi></math><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby><p>Also&shy;kept.</p>`,
			title: "T",
			paras: []string{"Kept.", "漢", "Alsokept."},
		},
		{
			name:  "broken markup is repaired",
			src:   "<h1>T</h1><p>One <b>two <i>three</b> four</i><p>Five",
			title: "T",
			paras: []string{"One two three four", "Five"},
		},
		{
			name:  "CRLF and non-breaking spaces",
			src:   "<h1>T</h1>\r\n<p>\u00a0 a \r\n b\u00a0</p>",
			title: "T",
			paras: []string{"a b"},
		},
		{
			name:  "an empty h1 is skipped",
			src:   "<h1><img src=logo.png alt=Logo></h1><h1>Real</h1><p>Body.</p>",
			title: "Real",
			paras: []string{"Body."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseHTML(tt.src)
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

func TestParseHTMLEmpty(t *testing.T) {
	for _, src := range []string{"", "<html><head><title>Only a title</title></head></html>", "<script>x()</script><nav>Home</nav>"} {
		if _, err := ParseHTML(src); !errors.Is(err, ErrEmptyDocument) {
			t.Errorf("ParseHTML(%q) error = %v, want ErrEmptyDocument", src, err)
		}
	}
}

// TestParseHTMLNeverMarkup feeds XSS payloads: what the page shows as text
// stays text (with its < and >), and markup never becomes text.
func TestParseHTMLNeverMarkup(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // the body
	}{
		{"script element", `<p>a<script>alert(1)</script>b</p>`, "ab"},
		{"event handler", `<p>a<img src=x onerror="alert(1)">b<svg onload=alert(1)>c</svg></p>`, "ab"},
		{"javascript link", `<p><a href="javascript:alert(1)">click</a> me</p>`, "click me"},
		{"escaped markup is text", `<p>&lt;img src=x onerror=alert(1)&gt;</p>`, "<img src=x onerror=alert(1)>"},
		{"double escaped", `<p>&amp;lt;b&amp;gt;</p>`, "&lt;b&gt;"},
		{"style element", `<p>a<style>body{background:url(javascript:alert(1))}</style>b</p>`, "ab"},
		{"comment", `<p>a<!-- <script>alert(1)</script> -->b</p>`, "ab"},
		{"textarea", `<p>a<textarea><script>alert(1)</script></textarea>b</p>`, "ab"},
		{"unclosed script eats the rest", `<p>a</p><script>alert(1)`, "a"},
		{"attribute breakout", `<p title="x"><script>alert(1)</script>">b</p>`, "\">b"},
		{"mutation XSS", `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`, `">`},
		{"stray angle brackets are text", `<p>1 < 2 and 3 > 2</p>`, "1 < 2 and 3 > 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseHTML("<h1>T</h1>" + tt.src)
			if err != nil {
				t.Fatal(err)
			}
			if d.Text != tt.want {
				t.Errorf("text = %q, want %q", d.Text, tt.want)
			}
		})
	}
}

func readTestdata(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(string(b), "\r\n", "\n")
}
