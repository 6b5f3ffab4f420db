package app

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"stancemark/annotations"
)

func TestSideListHTMLEscapesEverything(t *testing.T) {
	var items []highlightItem
	for i, x := range xssPayloads {
		items = append(items, highlightItem{ID: "a" + x, Label: "l" + x, Name: "Name " + x, Color: "#009E73",
			Quote: "quote " + x, Note: "note " + x, FirstSID: fmt.Sprint("s", i)})
	}
	items = append(items, highlightItem{ID: "b", Label: "x", Name: "Bad colour", Color: `red;background:url(javascript:alert(1))`, Quote: "q"})
	root, err := html.Parse(strings.NewReader(`<ol>` + sideListHTML(items) + `</ol>`))
	if err != nil {
		t.Fatal(err)
	}
	type entry struct{ id, label, style, name, quote, note string }
	var got []entry
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "html", "head", "body", "ol", "li", "button", "span":
			default:
				t.Errorf("unexpected element <%s> in the side list", n.Data)
			}
			for _, a := range n.Attr {
				switch a.Key {
				case "class", "data-annotation-id", "data-label":
				case "style":
					if a.Val != "--label-color: #009E73" {
						t.Errorf("unexpected style %q", a.Val)
					}
				default:
					t.Errorf("unexpected attribute %s=%q", a.Key, a.Val)
				}
			}
			if n.Data == "li" {
				e := entry{}
				for _, a := range n.Attr {
					switch a.Key {
					case "data-annotation-id":
						e.id = a.Val
					case "data-label":
						e.label = a.Val
					case "style":
						e.style = a.Val
					}
				}
				for sp := n.FirstChild.FirstChild; sp != nil; sp = sp.NextSibling {
					var text string
					for c := sp.FirstChild; c != nil; c = c.NextSibling {
						if c.Type != html.TextNode {
							t.Errorf("a side-list span holds a %v node", c.Type)
						}
						text += c.Data
					}
					for _, a := range sp.Attr {
						switch a.Val {
						case "hl-label":
							e.name = text
						case "hl-quote":
							e.quote = text
						case "hl-note":
							e.note = text
						}
					}
				}
				got = append(got, e)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if len(got) != len(items) {
		t.Fatalf("%d entries, want %d", len(got), len(items))
	}
	for i, it := range items {
		want := entry{it.ID, it.Label, "", it.Name, it.Quote, it.Note}
		if isHexColor(it.Color) {
			want.style = "--label-color: " + it.Color
		}
		if got[i] != want {
			t.Errorf("entry %d reads %+v, want %+v", i, got[i], want)
		}
	}
}

func TestListDiff(t *testing.T) {
	it := func(ids ...string) []highlightItem {
		var out []highlightItem
		for _, id := range ids {
			out = append(out, highlightItem{ID: id})
		}
		return out
	}
	for _, c := range []struct {
		old, next []highlightItem
		p, oe, ne int
	}{
		{nil, nil, 0, 0, 0},
		{nil, it("a", "b"), 0, 0, 2},
		{it("a", "b"), nil, 0, 2, 0},
		{it("a", "b", "c"), it("a", "b", "c"), 3, 3, 3},
		{it("a", "c"), it("a", "b", "c"), 1, 1, 2},                // inserted in the middle
		{it("a", "b", "c"), it("a", "c"), 1, 2, 1},                // removed from the middle
		{it("a", "b", "c"), it("a", "x", "c"), 1, 2, 2},           // replaced
		{it("a", "b"), it("a", "b", "c"), 2, 2, 3},                // appended
		{it("b", "c"), it("a", "b", "c"), 0, 0, 1},                // prepended
		{it("a", "a", "a"), it("a", "a"), 2, 3, 2},                // repeats: prefix first
		{it("a", "b", "c", "d"), it("x", "b", "c", "y"), 0, 4, 4}, // both ends changed
	} {
		p, oe, ne := listDiff(c.old, c.next)
		if p != c.p || oe != c.oe || ne != c.ne {
			t.Errorf("listDiff(%v, %v) = %d, %d, %d, want %d, %d, %d", c.old, c.next, p, oe, ne, c.p, c.oe, c.ne)
		}
		// applying the diff gives next
		got := slices.Concat(c.old[:p], c.next[p:ne], c.old[oe:])
		if !slices.Equal(got, c.next) {
			t.Errorf("applying the diff of %v → %v gives %v", c.old, c.next, got)
		}
	}
}

// longSession is a session on a generated document of n sentences with
// every other sentence its own "supports" highlight.
func longSession(t testing.TB, n int) (*session, *recordingPainter) {
	t.Helper()
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Sentence number %d says something. ", i+1)
		if i%5 == 4 {
			b.WriteString("\n\n")
		}
	}
	doc, err := annotations.NewDocument("Long", b.String())
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Sentences) != n {
		t.Fatalf("%d sentences, want %d", len(doc.Sentences), n)
	}
	p := &recordingPainter{}
	s := newSession(doc, "", newMemoryStore(), p)
	s.ws.MaxHistory = 5
	for i := 0; i < n; i += 2 {
		if _, err := s.ws.Tag(i, i, "supports"); err != nil {
			t.Fatal(err)
		}
	}
	s.refresh()
	return s, p
}

func TestSideListPaintTouchesOnlyWhatChanged(t *testing.T) {
	s, p := longSession(t, 5000)
	if len(p.items) != 2500 {
		t.Fatalf("the side list shows %d entries, want 2500", len(p.items))
	}
	check := func(what string, maxWrites int) {
		t.Helper()
		if !slices.Equal(p.items, highlightItems(s)) {
			t.Fatalf("%s: the side list does not show the highlights", what)
		}
		if p.listWrites > maxWrites {
			t.Errorf("%s wrote %d side-list entries of %d, want at most %d", what, p.listWrites, len(p.items), maxWrites)
		}
		p.listWrites = 0
	}
	p.listWrites = 0
	s.clickSentence(4997, false)
	check("selecting a sentence", 0)
	s.run(cmdTag, false, "2") // a new highlight near the end
	check("tagging an untagged sentence", 1)
	if got := p.items[len(p.items)-2]; got.Label != "opposes" || got.FirstSID != "s4998" {
		t.Fatalf("the new highlight is listed as %+v", got)
	}
	s.clickSentence(4998, false)
	s.run(cmdTag, false, "3") // relabel a highlight
	check("relabelling a highlight", 2)
	s.undo()
	check("undo", 2)
	id := p.items[10].ID
	s.setNote(id, "a reason <b>")
	check("a note", 2)
	if p.items[10].Note != "a reason <b>" {
		t.Errorf("the note shows %q", p.items[10].Note)
	}
	s.clickSentence(0, false)
	s.run(cmdClear, false, "0")
	check("clearing the first highlight", 1)
	if len(p.items) != 2500 || p.items[0].FirstSID != "s3" {
		t.Errorf("after clearing s1 the list starts with %+v (%d entries)", p.items[0], len(p.items))
	}
}

// BenchmarkRefreshAfterTag2500Highlights is the Go side of a click and a
// tag at 5,000 sentences with 2,500 highlights, as in the browser: the save
// is deferred past the frame (not run here).
func BenchmarkRefreshAfterTag2500Highlights(b *testing.B) {
	s, _ := longSession(b, 5000)
	s.later = func(func()) {} // the save waits for the next paint, which never comes here
	b.ResetTimer()
	for i := range b.N {
		s.clickSentence(4001+2*(i%400), false)
		s.run(cmdTag, false, "1")
	}
}

// Only long texts and lists are marked for content-visibility (app.css),
// so a short article never shifts as it scrolls.
func TestLongDocumentsAreMarked(t *testing.T) {
	s, _ := longSession(t, longDocument)
	if !strings.Contains(articleHTML(s.doc)[:200], ` data-long="true">`) {
		t.Errorf("a %d-sentence text is not marked long", longDocument)
	}
	short, err := bundledDocument()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(articleHTML(short), "data-long") {
		t.Error("the bundled article is marked long")
	}
}
