package annotations

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// W3CContext is the JSON-LD context of the W3C Web Annotation Data Model.
// Stancemark ships the definitions of the terms its export uses in
// web/schema/anno.jsonld, so that a JSON-LD processor can read the export
// offline (see the README).
const W3CContext = "http://www.w3.org/ns/anno.jsonld"

// W3CPageSize is how many annotations each AnnotationPage of the W3C
// export holds (the last page holds the rest).
const W3CPageSize = 1000

// W3CCollection is a W3C Web Annotation AnnotationCollection: the W3C
// export of one or more native exports, its annotations in document order
// (exports in the order given) in pages of W3CPageSize. The collection
// embeds its First page, each page embeds the Next one (so the file holds
// them all and a reader walks first, next, next, ...), and Last is the id
// of the last page. With no annotation at all there is no page (the model
// requires a page to have items), Total is 0 and First is nil.
type W3CCollection struct {
	Context string   `json:"@context"`
	ID      string   `json:"id"`
	Type    string   `json:"type"` // "AnnotationCollection"
	Label   string   `json:"label"`
	Total   int      `json:"total"`
	First   *W3CPage `json:"first,omitempty"`
	Last    string   `json:"last,omitempty"`
}

// W3CPage is an AnnotationPage of a W3CCollection: items StartIndex to
// StartIndex+len(Items)-1 of the collection.
type W3CPage struct {
	ID         string          `json:"id"`
	Type       string          `json:"type"` // "AnnotationPage"
	PartOf     string          `json:"partOf"`
	StartIndex int             `json:"startIndex"`
	Prev       string          `json:"prev,omitempty"`
	Items      []W3CAnnotation `json:"items"`
	Next       *W3CPage        `json:"next,omitempty"` // after the items, so that WriteW3C can stream the pages
}

// W3CAnnotation is one highlight as a W3C Annotation with motivation
// "classifying". Its bodies are TextualBody values: with purpose
// "classifying" the label (its name as value; its id is
// "urn:stancemark:label:" + scheme id + ":" + label id, and its label
// "Scheme name: Label name"), with purpose "describing" the target claim
// of the scheme (only when there is one), with purpose "commenting" the
// note (only when there is one). Times are xsd:dateTime in UTC ("Z").
type W3CAnnotation struct {
	ID         string    `json:"id"`
	Type       string    `json:"type"` // "Annotation"
	Motivation string    `json:"motivation"`
	Created    string    `json:"created"`
	Modified   string    `json:"modified"`
	Generated  string    `json:"generated"` // when the native export was made
	Creator    W3CAgent  `json:"creator"`
	Generator  W3CAgent  `json:"generator"`
	Body       []W3CBody `json:"body"`
	Target     W3CTarget `json:"target"`
}

// W3CAgent is a creator (Person) or the generator (Software).
type W3CAgent struct {
	ID   string `json:"id,omitempty"`
	Type string `json:"type"`
	Name string `json:"name"`
}

// W3CBody is a TextualBody.
type W3CBody struct {
	ID      string `json:"id,omitempty"`
	Type    string `json:"type"` // "TextualBody"
	Purpose string `json:"purpose"`
	Value   string `json:"value"`
	Format  string `json:"format"`          // "text/plain"
	Label   string `json:"label,omitempty"` // rdfs:label: scheme and label name, on the classifying body
}

// W3CTarget is the highlighted text: the document (Source, its
// "sha256:…" id, an absolute IRI, unless W3COptions.Source gives a URL)
// with a TextQuoteSelector and a TextPositionSelector for the same text.
type W3CTarget struct {
	Type     string `json:"type"` // "SpecificResource"
	Source   string `json:"source"`
	Selector []any  `json:"selector"` // W3CQuoteSelector, W3CPositionSelector
}

// W3CQuoteSelector is a TextQuoteSelector: the exact quote and up to
// ContextLength code points before and after it (left out when empty, at
// the start or end of the text).
type W3CQuoteSelector struct {
	Type   string `json:"type"` // "TextQuoteSelector"
	Exact  string `json:"exact"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
}

// W3CPositionSelector is a TextPositionSelector: Unicode code points into
// the document text, Start included and End excluded.
type W3CPositionSelector struct {
	Type  string `json:"type"` // "TextPositionSelector"
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// W3CGenerator is the generator of every W3C annotation Stancemark writes.
var W3CGenerator = W3CAgent{ID: "urn:stancemark:software", Type: "Software", Name: "Stancemark"}

// W3COptions change the W3C export.
type W3COptions struct {
	// Source is the IRI of the document (for example the URL it was read
	// from); "" uses the document id ("sha256:…").
	Source string
	// PageSize is how many annotations a page holds; 0 means W3CPageSize.
	PageSize int
}

// W3C converts valid exports (see Export.Validate) to one
// AnnotationCollection. Ids are URNs built from the document, scheme,
// annotator (AnnotatorName) and highlight ids
// ("urn:stancemark:annotation:…"), made unique within the collection;
// pages are the collection's id + ":page:" + the page's index from 0.
func W3C(exports []*Export, opt W3COptions) (*W3CCollection, error) {
	c, size := w3cCollection(exports, opt)
	items := make([]W3CAnnotation, 0, c.Total)
	if err := w3cItems(exports, opt, func(a *W3CAnnotation) error {
		items = append(items, *a)
		return nil
	}); err != nil {
		return nil, err
	}
	var last *W3CPage
	for start := 0; start < len(items); start += size {
		p := &W3CPage{
			ID: w3cPageID(c.ID, start/size), Type: "AnnotationPage", PartOf: c.ID, StartIndex: start,
			Items: items[start:min(start+size, len(items))],
		}
		if last == nil {
			c.First = p
		} else {
			p.Prev, last.Next = last.ID, p
		}
		last = p
	}
	return c, nil
}

// w3cCollection returns the collection of exports without its pages (but
// with Last) and the page size.
func w3cCollection(exports []*Export, opt W3COptions) (*W3CCollection, int) {
	h := sha256.New()
	total := 0
	for _, e := range exports {
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00", e.Document.ID, e.Scheme.ID, AnnotatorName(e), formatTime(e.Exported))
		total += len(e.Annotations)
	}
	id := "urn:stancemark:collection:" + hex.EncodeToString(h.Sum(nil))[:32]
	c := &W3CCollection{Context: W3CContext, ID: id, Type: "AnnotationCollection", Label: collectionLabel(exports), Total: total}
	size := opt.PageSize
	if size <= 0 {
		size = W3CPageSize
	}
	if total > 0 {
		c.Last = w3cPageID(id, (total-1)/size)
	}
	return c, size
}

func w3cPageID(collection string, i int) string { return collection + ":page:" + strconv.Itoa(i) }

// w3cItems calls yield with each annotation of the collection, in order,
// building one at a time.
func w3cItems(exports []*Export, opt W3COptions, yield func(*W3CAnnotation) error) error {
	seen := map[string]int{}
	for _, e := range exports {
		creator := AnnotatorName(e)
		t := newExportText(e)
		as, hs, err := inOrder(t)
		if err != nil {
			return err
		}
		source := opt.Source
		if source == "" {
			source = e.Document.ID
		}
		generated := formatTime(e.Exported)
		for i, a := range as {
			loc := hs[i]
			prefix, suffix := t.context(loc.start, loc.end)
			id := "urn:stancemark:annotation:" + strings.TrimPrefix(e.Document.ID, "sha256:") + ":" +
				iriEscape(e.Scheme.ID) + ":" + iriEscape(creator) + ":" + iriEscape(a.ID)
			if n := seen[id]; n > 0 {
				seen[id]++
				id += "~" + strconv.Itoa(n+1)
			} else {
				seen[id] = 1
			}
			l, _ := e.Scheme.Label(a.Label)
			body := []W3CBody{{
				ID: "urn:stancemark:label:" + iriEscape(e.Scheme.ID) + ":" + iriEscape(a.Label), Type: "TextualBody",
				Purpose: "classifying", Value: l.Name, Format: "text/plain", Label: e.Scheme.Name + ": " + l.Name,
			}}
			if e.Scheme.Target != "" {
				body = append(body, W3CBody{Type: "TextualBody", Purpose: "describing", Value: e.Scheme.Target, Format: "text/plain"})
			}
			if a.Note != "" {
				body = append(body, W3CBody{Type: "TextualBody", Purpose: "commenting", Value: a.Note, Format: "text/plain"})
			}
			if err := yield(&W3CAnnotation{
				ID: id, Type: "Annotation", Motivation: "classifying",
				Created: formatTime(a.Created), Modified: formatTime(a.Modified), Generated: generated,
				Creator:   W3CAgent{Type: "Person", Name: creator},
				Generator: W3CGenerator,
				Body:      body,
				Target: W3CTarget{Type: "SpecificResource", Source: source, Selector: []any{
					W3CQuoteSelector{Type: "TextQuoteSelector", Exact: t.text(loc.start, loc.end), Prefix: prefix, Suffix: suffix},
					W3CPositionSelector{Type: "TextPositionSelector", Start: loc.start, End: loc.end},
				}},
			}); err != nil {
				return err
			}
		}
	}
	return nil
}

// Pages returns the pages of c in order: First, First.Next, ...
func (c *W3CCollection) Pages() []*W3CPage {
	var out []*W3CPage
	for p := c.First; p != nil; p = p.Next {
		out = append(out, p)
	}
	return out
}

// Annotations returns the annotations of every page of c, in order.
func (c *W3CCollection) Annotations() []W3CAnnotation {
	var out []W3CAnnotation
	for _, p := range c.Pages() {
		out = append(out, p.Items...)
	}
	return out
}

// WriteW3C writes W3C(exports) as compact JSON-LD with one annotation per
// line (the collection's and each page's own fields open the line before
// its first annotation), streamed: each annotation is built and written in
// turn, so memory does not grow with the collection (a page embeds the
// next after its items, and the closing braces of the pages come last).
// It decodes to the same JSON as W3C's collection.
func WriteW3C(w io.Writer, exports []*Export, opt W3COptions) error {
	c, size := w3cCollection(exports, opt)
	bw := bufio.NewWriterSize(w, 1<<16)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	str := func(s string) string {
		buf.Reset()
		enc.Encode(s)
		return strings.TrimSuffix(buf.String(), "\n")
	}
	fmt.Fprintf(bw, `{"@context":%s,"id":%s,"type":%s,"label":%s,"total":%d`, str(c.Context), str(c.ID), str(c.Type), str(c.Label), c.Total)
	if c.Total == 0 {
		bw.WriteString("}\n")
		return bw.Flush()
	}
	bw.WriteString(`,"first":`)
	n, pages := 0, 0
	err := w3cItems(exports, opt, func(a *W3CAnnotation) error {
		if n%size == 0 {
			if n > 0 {
				bw.WriteString(`],"next":`)
			}
			fmt.Fprintf(bw, `{"id":%s,"type":"AnnotationPage","partOf":%s,"startIndex":%d`, str(w3cPageID(c.ID, pages)), str(c.ID), n)
			if pages > 0 {
				fmt.Fprintf(bw, `,"prev":%s`, str(w3cPageID(c.ID, pages-1)))
			}
			bw.WriteString(`,"items":[`)
			pages++
		} else {
			bw.WriteString(",")
		}
		buf.Reset()
		if err := enc.Encode(a); err != nil {
			return err
		}
		bw.WriteString("\n")
		bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		n++
		return nil
	})
	if err != nil {
		return err
	}
	bw.WriteString("\n]")
	bw.WriteString(strings.Repeat("}", pages))
	fmt.Fprintf(bw, `,"last":%s}`+"\n", str(c.Last))
	return bw.Flush()
}

// collectionLabel names a collection: "Title — Scheme — annotator".
func collectionLabel(exports []*Export) string {
	if len(exports) == 0 {
		return "Stancemark annotations"
	}
	e := exports[0]
	who := AnnotatorName(e)
	if len(exports) > 1 {
		who = strconv.Itoa(len(exports)) + " exports"
	}
	parts := []string{e.Document.Title, e.Scheme.Name, who}
	parts = slices.DeleteFunc(parts, func(s string) bool { return s == "" })
	return "Stancemark annotations: " + strings.Join(parts, " — ")
}

// inOrder returns the annotations of t's export in document order, with
// where each lies.
func inOrder(t *exportText) ([]Annotation, []highlight, error) {
	as := slices.Clone(t.e.Annotations)
	hs := make([]highlight, len(as))
	for i, a := range as {
		h, err := t.locate(a)
		if err != nil {
			return nil, nil, err
		}
		hs[i] = h
	}
	order := make([]int, len(as))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return hs[a].first - hs[b].first })
	outA, outH := make([]Annotation, len(as)), make([]highlight, len(as))
	for i, j := range order {
		outA[i], outH[i] = as[j], hs[j]
	}
	return outA, outH, nil
}

// iriEscape percent-encodes everything in s but the unreserved characters
// of RFC 3986, so that s can be part of an IRI; "" becomes "-".
func iriEscape(s string) string {
	if s == "" {
		return "-"
	}
	var b strings.Builder
	for _, c := range []byte(s) {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '.', c == '_', c == '~':
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// writeIndented writes v as JSON indented by two spaces, without HTML
// escaping, with a trailing newline.
func writeIndented(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
