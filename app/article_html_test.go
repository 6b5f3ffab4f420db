package app

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"stancemark/annotations"
)

// xssPayloads are strings that would run script if they reached the page as
// markup.
var xssPayloads = []string{
	`<img src=x onerror=alert(1)>`,
	`<script>alert(1)</script>`,
	`"><svg onload=alert(1)>`,
	`javascript:alert(1)`,
	`</span></p></div><img src=x onerror=alert(1)>`,
	`' onmouseover='alert(1)`,
	`&lt;script&gt; already escaped &amp; text`,
}

func TestArticleHTMLEscapesEverything(t *testing.T) {
	body := strings.Join(xssPayloads, " Next sentence. ") + " The end."
	doc, err := annotations.NewDocument(`<b onmouseover=alert(1)>title</b>`, body)
	if err != nil {
		t.Fatal(err)
	}
	markup := articleHTML(doc)

	// Parse it as a browser would: the only elements are ours, and every
	// sentence's text comes back exactly.
	root, err := html.Parse(strings.NewReader(markup))
	if err != nil {
		t.Fatal(err)
	}
	var sentences []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "html", "head", "body", "div", "p", "span":
			default:
				t.Errorf("unexpected element <%s> in the article markup", n.Data)
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") || a.Key == "style" || a.Key == "src" || a.Key == "href" {
					t.Errorf("unexpected attribute %s=%q", a.Key, a.Val)
				}
			}
			if n.Data == "span" {
				var text strings.Builder
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type != html.TextNode {
						t.Errorf("a sentence holds a %v node", c.Type)
					}
					text.WriteString(c.Data)
				}
				sentences = append(sentences, text.String())
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if len(sentences) != len(doc.Sentences) {
		t.Fatalf("%d sentence elements, want %d", len(sentences), len(doc.Sentences))
	}
	for i, s := range doc.Sentences {
		if sentences[i] != s.Text {
			t.Errorf("sentence %s reads %q in the page, want %q", s.ID, sentences[i], s.Text)
		}
	}
}

func TestArticleHTMLStructure(t *testing.T) {
	doc, err := bundledDocument()
	if err != nil {
		t.Fatal(err)
	}
	markup := articleHTML(doc)
	if !strings.HasPrefix(markup, `<div id="sentences" role="listbox" aria-multiselectable="true"`) {
		t.Errorf("the markup does not start with the listbox: %.80s", markup)
	}
	if n := strings.Count(markup, `role="option"`); n != 23 {
		t.Errorf("%d options, want 23", n)
	}
	if n := strings.Count(markup, `<p class="para"`); n != 20 {
		t.Errorf("%d paragraphs, want 20", n)
	}
	if !strings.Contains(markup, `<span id="sent-s14" class="sentence" role="option" aria-selected="false" data-sid="s14">&#34;There are no plans`) {
		t.Errorf("s14 is not rendered as expected")
	}
}

func BenchmarkArticleHTML5000(b *testing.B) {
	var body strings.Builder
	for i := 0; i < 1000; i++ {
		body.WriteString("The minister said on Monday that talks would go on. Officials disagreed. A third view emerged. Nobody knew. It rained.\n\n")
	}
	doc, err := annotations.NewDocument("Long", body.String())
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		_ = articleHTML(doc)
	}
}
