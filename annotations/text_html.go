package annotations

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ParseHTML builds a Document from an HTML page or fragment by reducing it
// to readable text; the result never contains markup, only the page's text
// (a "<b>" written as "&lt;b&gt;" in the page is text and stays text).
//
// The rules, in order:
//
//   - The page is parsed as a browser does (golang.org/x/net/html), so
//     entities are decoded and broken markup is repaired; invalid UTF-8
//     becomes U+FFFD.
//   - What is not article text is dropped with its content: script, style,
//     template, noscript, iframe, object, embed, canvas, svg, math, img,
//     video, audio, head (its <title> is read for the title), nav, aside,
//     form and its controls, dialog, footer, a header that is not inside an
//     <article> or <main>, ruby annotations (rt, rp), and any element that
//     is hidden (the hidden attribute, aria-hidden="true", an inline
//     display:none) or whose ARIA role is navigation, banner, contentinfo,
//     complementary, search, menu, menubar, toolbar, dialog or alertdialog.
//   - The text comes from one region: the <article> with the most text when
//     it holds at least half of the text of <main> (or of <body> when there
//     is no <main>), else <main>, else <body>. This keeps "most read"
//     lists and teasers out of a saved news page.
//   - Block elements (p, div, li, h1-h6, blockquote, pre, section, article,
//     tr, dt, dd, figcaption, ...) and <br> end a paragraph; inside one,
//     every run of white space (including U+00A0) becomes one space and
//     table cells are separated by a space. In <pre> each line is a
//     paragraph. Soft hyphens (U+00AD) are removed.
//   - The title is the first non-empty <h1> of the region, else the first
//     <h1> of the page, and that heading is not repeated in the body. Else
//     it is the <title>, and a first paragraph equal to it is dropped. Else
//     a first paragraph that is a heading (h2-h6), else the first paragraph
//     when there are at least two; else the title is empty.
//
// The body then goes through NewDocument; ParseHTML returns
// ErrEmptyDocument when no sentence is left.
func ParseHTML(src string) (*Document, error) {
	root, err := html.Parse(strings.NewReader(strings.ToValidUTF8(src, "\uFFFD")))
	if err != nil { // only on a reader error, which strings.Reader never has
		return nil, fmt.Errorf("reading HTML failed: %w", err)
	}
	title, paras := htmlText(root)
	return NewDocument(title, strings.Join(paras, "\n\n"))
}

// htmlText returns the title and the body paragraphs of a parsed page.
func htmlText(root *html.Node) (string, []string) {
	body := htmlFind(root, false, func(n *html.Node, _ bool) bool { return n.DataAtom == atom.Body })
	if body == nil { // html.Parse always makes a body; be safe anyway
		body = root
	}
	region, inSection := htmlRegion(body)
	isH1 := func(n *html.Node, _ bool) bool { return n.DataAtom == atom.H1 && htmlFlatText(n) != "" }
	h1 := htmlFind(region, inSection, isH1)
	if h1 == nil {
		h1 = htmlFind(body, false, isH1)
	}
	x := &htmlExtractor{skip: h1}
	x.walk(region, inSection)
	x.flush()
	paras := x.paras
	if h1 != nil {
		return htmlFlatText(h1), paras.texts()
	}
	if t := htmlPageTitle(root); t != "" {
		if len(paras) > 0 && paras[0].text == t {
			paras = paras[1:]
		}
		return t, paras.texts()
	}
	if len(paras) > 0 && (paras[0].heading || len(paras) > 1) {
		return paras[0].text, paras[1:].texts()
	}
	return "", paras.texts()
}

// htmlRegion returns the part of body that holds the article (see
// ParseHTML) and whether it is inside an <article> or <main>.
func htmlRegion(body *html.Node) (*html.Node, bool) {
	container, inSection := body, false
	if m := htmlFind(body, false, htmlIsMain); m != nil {
		container, inSection = m, true
	}
	var best *html.Node
	bestLen := 0
	htmlFind(container, inSection, func(n *html.Node, _ bool) bool {
		if n.DataAtom == atom.Article {
			if l := htmlTextLen(n, true); l > bestLen {
				best, bestLen = n, l
			}
		}
		return false
	})
	if best != nil && 2*bestLen >= htmlTextLen(container, inSection) {
		return best, true
	}
	return container, inSection
}

func htmlIsMain(n *html.Node, _ bool) bool {
	return n.DataAtom == atom.Main || htmlAttr(n, "role") == "main"
}

// htmlPageTitle returns the text of the page's first <title> outside svg and
// math, white space collapsed.
func htmlPageTitle(root *html.Node) string {
	var title string
	var find func(*html.Node) bool
	find = func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.Namespace == "" && n.DataAtom == atom.Title {
			var b strings.Builder
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					b.WriteString(c.Data)
				}
			}
			title = squeezeSpace(b.String())
			return true
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Svg || n.DataAtom == atom.Math) {
			return false
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if find(c) {
				return true
			}
		}
		return false
	}
	find(root)
	return title
}

// htmlFind returns the first element under n (n included) that is part
// of the page's text and for which match is true, or nil.
func htmlFind(n *html.Node, inSection bool, match func(*html.Node, bool) bool) *html.Node {
	if n.Type == html.ElementNode {
		if htmlHidden(n, inSection) {
			return nil
		}
		if match(n, inSection) {
			return n
		}
		inSection = inSection || n.DataAtom == atom.Article || htmlIsMain(n, false)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := htmlFind(c, inSection, match); f != nil {
			return f
		}
	}
	return nil
}

// htmlTextLen returns the length in bytes of n's text.
func htmlTextLen(n *html.Node, inSection bool) int {
	x := &htmlExtractor{}
	x.walk(n, inSection)
	x.flush()
	l := 0
	for _, p := range x.paras {
		l += len(p.text)
	}
	return l
}

// htmlFlatText returns n's text on one line.
func htmlFlatText(n *html.Node) string {
	x := &htmlExtractor{}
	x.walk(n, true)
	x.flush()
	return strings.Join(x.paras.texts(), " ")
}

// squeezeSpace trims s and turns each run of white space into one space.
func squeezeSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, isSpace), " ")
}

// htmlDropped are dropped with everything inside them.
var htmlDropped = map[atom.Atom]bool{
	atom.Head: true, atom.Title: true, atom.Script: true, atom.Style: true, atom.Template: true,
	atom.Noscript: true, atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Canvas: true,
	atom.Svg: true, atom.Math: true, atom.Img: true, atom.Picture: true, atom.Video: true,
	atom.Audio: true, atom.Map: true, atom.Nav: true, atom.Aside: true, atom.Form: true,
	atom.Button: true, atom.Input: true, atom.Select: true, atom.Textarea: true, atom.Dialog: true,
	atom.Footer: true, atom.Rt: true, atom.Rp: true, atom.Noembed: true, atom.Noframes: true,
	atom.Frameset: true, atom.Link: true, atom.Meta: true, atom.Base: true,
}

// htmlDroppedRoles are ARIA roles of page furniture.
var htmlDroppedRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true, "search": true,
	"menu": true, "menubar": true, "toolbar": true, "dialog": true, "alertdialog": true,
}

// htmlHidden reports whether element n and its content are not article text.
// inSection tells whether n is inside an <article> or <main>.
func htmlHidden(n *html.Node, inSection bool) bool {
	if n.Namespace != "" { // svg or math content
		return true
	}
	if htmlDropped[n.DataAtom] || (n.DataAtom == atom.Header && !inSection) {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "role":
			if htmlDroppedRoles[strings.ToLower(strings.TrimSpace(a.Val))] {
				return true
			}
		case "style":
			if strings.Contains(strings.ToLower(strings.Join(strings.Fields(a.Val), "")), "display:none") {
				return true
			}
		}
	}
	return false
}

// htmlBlockElements end the paragraph before and after them.
var htmlBlockElements = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Blockquote: true, atom.Body: true, atom.Caption: true,
	atom.Center: true, atom.Dd: true, atom.Details: true, atom.Dir: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.H1: true,
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true,
	atom.Hgroup: true, atom.Hr: true, atom.Html: true, atom.Legend: true, atom.Li: true,
	atom.Listing: true, atom.Main: true, atom.Menu: true, atom.Ol: true, atom.P: true,
	atom.Plaintext: true, atom.Pre: true, atom.Section: true, atom.Summary: true, atom.Table: true,
	atom.Tbody: true, atom.Tfoot: true, atom.Thead: true, atom.Tr: true, atom.Ul: true, atom.Xmp: true,
}

var htmlHeadings = map[atom.Atom]bool{
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
}

// htmlPara is one paragraph of a page's text.
type htmlPara struct {
	text    string
	heading bool
}

type htmlParas []htmlPara

func (ps htmlParas) texts() []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.text
	}
	return out
}

// htmlExtractor collects the paragraphs of a page's text.
type htmlExtractor struct {
	skip    *html.Node // an element left out (the heading taken as title)
	paras   htmlParas
	cur     strings.Builder
	space   bool // a space is due before the next character
	pre     int  // depth of <pre> elements
	heading int  // depth of heading elements
}

func (x *htmlExtractor) walk(n *html.Node, inSection bool) {
	switch n.Type {
	case html.TextNode:
		x.text(n.Data)
		return
	case html.ElementNode:
		if n == x.skip || htmlHidden(n, inSection) {
			return
		}
	case html.DocumentNode:
	default: // comments, doctypes
		return
	}
	a := n.DataAtom
	if a == atom.Br {
		x.flush()
		return
	}
	block := htmlBlockElements[a]
	if block {
		x.flush()
	}
	if a == atom.Td || a == atom.Th {
		x.space = true
	}
	if a == atom.Pre || a == atom.Listing || a == atom.Plaintext || a == atom.Xmp {
		x.pre++
		defer func() { x.pre-- }()
	}
	if htmlHeadings[a] {
		x.heading++
		defer func() { x.heading-- }()
	}
	inSection = inSection || a == atom.Article || htmlIsMain(n, false)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		x.walk(c, inSection)
	}
	if block {
		x.flush()
	}
	if a == atom.Td || a == atom.Th {
		x.space = true
	}
}

// text adds the characters of a text node.
func (x *htmlExtractor) text(s string) {
	for _, r := range s {
		switch {
		case r == '\u00AD': // soft hyphen
		case x.pre > 0 && r == '\n':
			x.flush()
		case x.pre > 0 && r != '\r':
			x.cur.WriteRune(r)
		case isSpace(r):
			x.space = true
		default:
			if x.space && x.cur.Len() > 0 {
				x.cur.WriteByte(' ')
			}
			x.space = false
			x.cur.WriteRune(r)
		}
	}
}

// flush ends the current paragraph.
func (x *htmlExtractor) flush() {
	if t := trimSpace(x.cur.String()); t != "" {
		x.paras = append(x.paras, htmlPara{text: t, heading: x.heading > 0})
	}
	x.cur.Reset()
	x.space = false
}

// htmlAttr returns the value of n's attribute key, or "".
func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
