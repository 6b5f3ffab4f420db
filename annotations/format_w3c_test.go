package annotations_test

import (
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"stancemark/annotations"
)

// The rules below are the MUSTs of the W3C Web Annotation Data Model
// (W3C Recommendation, 23 February 2017, https://www.w3.org/TR/annotation-model/)
// that apply to what Stancemark writes, each cited by section.
var (
	// §3.1, §5.1: "id" MUST be an IRI. An absolute IRI: scheme ":" and no
	// characters IRIs exclude (RFC 3987).
	iriRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^` + "`" + `]+$`)
	// §3.3.5: created, modified and generated MUST be xsd:dateTime with the
	// UTC timezone expressed as "Z".
	utcRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$`)
	// §3.3.5 Motivation and Purpose: the values of motivation and purpose
	// SHOULD/MUST come from this vocabulary (or be described elsewhere).
	motivations = []string{"assessing", "bookmarking", "classifying", "commenting", "describing", "editing",
		"highlighting", "identifying", "linking", "moderating", "questioning", "replying", "tagging"}
)

type obj = map[string]any

func decodeW3C(t *testing.T, data []byte) obj {
	t.Helper()
	var c obj
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.UseNumber()
	if err := dec.Decode(&c); err != nil {
		t.Fatalf("the W3C export is not JSON: %v", err)
	}
	return c
}

// checkW3C checks every applicable MUST on collection c made from exports,
// and that the annotations round-trip: each gives back its highlight's
// sentences, label, note and times.
func checkW3C(t *testing.T, c obj, exports []*annotations.Export) {
	t.Helper()
	// §4 (Collection): @context MUST include the anno.jsonld context (a
	// single value as a string); id MUST be an IRI; type MUST include
	// AnnotationCollection; total is a non-negative integer.
	if c["@context"] != annotations.W3CContext || c["type"] != "AnnotationCollection" || !iriRE.MatchString(str(c["id"])) {
		t.Fatalf("collection @context/type/id = %v %v %v", c["@context"], c["type"], c["id"])
	}
	var want int
	for _, e := range exports {
		want += len(e.Annotations)
	}
	if c["total"] != json.Number(itoa(want)) {
		t.Errorf("total = %v, want %d", c["total"], want)
	}
	if want == 0 {
		if _, ok := c["first"]; ok {
			t.Errorf("an empty collection has a page (a page MUST have items)")
		}
		return
	}
	// §4.2 (Page): id MUST be an IRI, type MUST include AnnotationPage,
	// items MUST hold one or more annotations; partOf names the collection,
	// startIndex counts the items of the pages before, next and prev link
	// the pages in order, last names the last page.
	var items []any
	var prevID any
	pages := 0
	for page, _ := c["first"].(obj); page != nil; page, _ = page["next"].(obj) {
		its, _ := page["items"].([]any)
		if page["type"] != "AnnotationPage" || !iriRE.MatchString(str(page["id"])) || page["partOf"] != c["id"] || len(its) == 0 ||
			page["startIndex"] != json.Number(itoa(len(items))) || page["prev"] != prevID {
			t.Fatalf("page %d = type %v id %v partOf %v startIndex %v prev %v with %d items", pages, page["type"], page["id"], page["partOf"], page["startIndex"], page["prev"], len(its))
		}
		if _, ok := page["next"]; ok && len(its) != annotations.W3CPageSize {
			t.Errorf("page %d has %d items, want %d (W3CPageSize) on every page but the last", pages, len(its), annotations.W3CPageSize)
		}
		items = append(items, its...)
		prevID = page["id"]
		pages++
	}
	if len(items) != want || c["last"] != prevID {
		t.Fatalf("%d items in %d pages, last %v; want %d items, last %v", len(items), pages, c["last"], want, prevID)
	}
	ids := map[string]bool{}
	k := 0
	for _, e := range exports {
		runes := []rune(e.Document.Text)
		prevStart := -1
		for range e.Annotations {
			a := items[k].(obj)
			k++
			id := str(a["id"])
			// §3.1: id exactly one IRI; type MUST include Annotation; MUST
			// have one or more targets. An annotation embedded in the
			// collection has the collection's @context, none of its own.
			if _, ok := a["@context"]; ok || a["type"] != "Annotation" || !iriRE.MatchString(id) {
				t.Errorf("annotation @context/type/id = %v %v %q", a["@context"], a["type"], id)
			}
			if ids[id] {
				t.Errorf("id %q is used twice", id)
			}
			ids[id] = true
			if a["motivation"] != "classifying" {
				t.Errorf("%s: motivation %v, want classifying", id, a["motivation"])
			}
			for _, f := range []string{"created", "modified", "generated"} {
				if !utcRE.MatchString(str(a[f])) {
					t.Errorf("%s: %s = %v is not an xsd:dateTime in UTC with Z", id, f, a[f])
				}
			}
			// §3.3.4 Agents: the type of an agent is Person, Organization or Software.
			if cr, _ := a["creator"].(obj); cr["type"] != "Person" || cr["name"] != annotations.AnnotatorName(e) {
				t.Errorf("%s: creator = %v", id, a["creator"])
			}
			if g, _ := a["generator"].(obj); g["type"] != "Software" || !iriRE.MatchString(str(g["id"])) {
				t.Errorf("%s: generator = %v", id, a["generator"])
			}
			// Target (§4.1 SpecificResource): exactly one source; the
			// selectors. §4.2.4 TextQuoteSelector: exactly one exact, at most
			// one prefix and suffix. §4.2.5 TextPositionSelector: exactly one
			// start and end, non-negative integers counting code points.
			tg := a["target"].(obj)
			if tg["source"] != e.Document.ID || tg["type"] != "SpecificResource" {
				t.Errorf("%s: target source %v type %v", id, tg["source"], tg["type"])
			}
			sel := tg["selector"].([]any)
			q, p := sel[0].(obj), sel[1].(obj)
			if q["type"] != "TextQuoteSelector" || p["type"] != "TextPositionSelector" {
				t.Fatalf("%s: selectors %v %v", id, q["type"], p["type"])
			}
			start, err1 := p["start"].(json.Number).Int64()
			end, err2 := p["end"].(json.Number).Int64()
			if err1 != nil || err2 != nil || start < 0 || end <= start || int(end) > len(runes) {
				t.Fatalf("%s: position %v-%v", id, p["start"], p["end"])
			}
			if int(start) < prevStart {
				t.Errorf("%s: not in document order", id)
			}
			prevStart = int(start)
			if q["exact"] != string(runes[start:end]) {
				t.Errorf("%s: exact %q is not text[%d:%d] in code points", id, q["exact"], start, end)
			}
			wantPrefix := string(runes[max(0, int(start)-32):start])
			wantSuffix := string(runes[end:min(len(runes), int(end)+32)])
			if str(q["prefix"]) != wantPrefix || str(q["suffix"]) != wantSuffix {
				t.Errorf("%s: prefix %q suffix %q, want %q and %q", id, q["prefix"], q["suffix"], wantPrefix, wantSuffix)
			}
			// Round trip: the position gives back the highlight.
			var orig *annotations.Annotation
			for i := range e.Annotations {
				ss := e.Document.Sentences
				ea := &e.Annotations[i]
				first := ss[slices.IndexFunc(ss, func(s annotations.ExportSentence) bool { return s.ID == ea.SentenceIDs[0] })]
				last := ss[slices.IndexFunc(ss, func(s annotations.ExportSentence) bool { return s.ID == ea.SentenceIDs[len(ea.SentenceIDs)-1] })]
				if first.Start == int(start) && last.End == int(end) {
					orig = ea
				}
			}
			if orig == nil {
				t.Fatalf("%s: %d-%d is no highlight of %s's export", id, start, end, e.Annotator.Name)
			}
			if base, _, _ := strings.Cut(id, "~"); !strings.HasSuffix(base, ":"+orig.ID) {
				t.Errorf("id %q does not end with the highlight id %q", id, orig.ID)
			}
			if str(a["created"]) != orig.Created.UTC().Format("2006-01-02T15:04:05.000Z") || str(a["modified"]) != orig.Modified.UTC().Format("2006-01-02T15:04:05.000Z") {
				t.Errorf("%s: times %v %v, want %v %v", id, a["created"], a["modified"], orig.Created, orig.Modified)
			}
			// §3.2.4 TextualBody: exactly one value; purpose from the
			// vocabulary. The label (its name, with the scheme and label ids
			// in its id), the claim, the note.
			label, _ := e.Scheme.Label(orig.Label)
			type body struct{ purpose, value, id, label string }
			wantBodies := []body{{"classifying", label.Name, "urn:stancemark:label:" + e.Scheme.ID + ":" + orig.Label, e.Scheme.Name + ": " + label.Name}}
			if e.Scheme.Target != "" {
				wantBodies = append(wantBodies, body{"describing", e.Scheme.Target, "", ""})
			}
			if orig.Note != "" {
				wantBodies = append(wantBodies, body{"commenting", orig.Note, "", ""})
			}
			bodies := a["body"].([]any)
			if len(bodies) != len(wantBodies) {
				t.Fatalf("%s: %d bodies, want %d", id, len(bodies), len(wantBodies))
			}
			for i, b := range bodies {
				b := b.(obj)
				w := wantBodies[i]
				if b["type"] != "TextualBody" || b["purpose"] != w.purpose || b["value"] != w.value || str(b["id"]) != w.id || str(b["label"]) != w.label ||
					b["format"] != "text/plain" || !slices.Contains(motivations, str(b["purpose"])) {
					t.Errorf("%s: body %d = %v, want a TextualBody %+v", id, i, b, w)
				}
			}
		}
	}
}

func str(v any) string { s, _ := v.(string); return s }

func itoa(n int) string { return strconv.Itoa(n) }

func TestW3CFollowsTheDataModel(t *testing.T) {
	exports := panel(t)
	t.Run("one export", func(t *testing.T) {
		checkW3C(t, decodeW3C(t, render(t, "w3c", exports[:1])), exports[:1])
	})
	t.Run("three annotators", func(t *testing.T) {
		checkW3C(t, decodeW3C(t, render(t, "w3c", exports)), exports)
	})
	t.Run("no highlight", func(t *testing.T) {
		empty := []*annotations.Export{articleExport(t, "")}
		checkW3C(t, decodeW3C(t, render(t, "w3c", empty)), empty)
	})
	t.Run("the same file twice keeps ids unique", func(t *testing.T) {
		twice := []*annotations.Export{exports[0], exports[0]}
		checkW3C(t, decodeW3C(t, render(t, "w3c", twice)), twice)
	})
}

func TestW3CCountsCodePoints(t *testing.T) {
	doc, err := annotations.NewDocument("Emoji", "Café 😀 opens. 東京 is next. Then 𝄞 music.")
	if err != nil {
		t.Fatal(err)
	}
	w := annotations.NewWorkspace(doc)
	w.Annotator = "Zoë"
	if _, err := w.Tag(1, 2, "neutral"); err != nil {
		t.Fatal(err)
	}
	e := w.Export(time.Now())
	c := decodeW3C(t, render(t, "w3c", []*annotations.Export{e}))
	checkW3C(t, c, []*annotations.Export{e})
	sel := c["first"].(obj)["items"].([]any)[0].(obj)["target"].(obj)["selector"].([]any)
	if p := sel[1].(obj); p["start"] != json.Number("14") || p["end"] != json.Number("39") {
		t.Errorf("position = %v-%v, want 14-39 (code points; UTF-16 would give 15-41)", p["start"], p["end"])
	}
	if q := sel[0].(obj); q["prefix"] != "Café 😀 opens. " || q["suffix"] != nil {
		t.Errorf("prefix %q suffix %v", q["prefix"], q["suffix"])
	}
}

func TestW3CSourceOption(t *testing.T) {
	c, err := annotations.W3C(panel(t)[:1], annotations.W3COptions{Source: "https://example.org/news/us-iran"})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.First.Items[0].Target.Source; got != "https://example.org/news/us-iran" {
		t.Errorf("source = %q", got)
	}
}

func TestW3CPages(t *testing.T) {
	// 30 annotators, every sentence its own highlight: 690 annotations in
	// pages of 100, the last one of 90.
	var exports []*annotations.Export
	for k := range 30 {
		var runs []tagRun
		for i := range 23 {
			runs = append(runs, tagRun{i, i, "neutral", ""})
		}
		exports = append(exports, articleExport(t, "annotator"+itoa(k), runs...))
	}
	c, err := annotations.W3C(exports, annotations.W3COptions{PageSize: 100})
	if err != nil {
		t.Fatal(err)
	}
	pages := c.Pages()
	if len(pages) != 7 || len(pages[6].Items) != 90 || pages[6].StartIndex != 600 || c.Last != pages[6].ID || pages[3].Prev != pages[2].ID ||
		pages[1].ID != c.ID+":page:1" || len(c.Annotations()) != 690 || c.Total != 690 {
		t.Errorf("%d pages, last %q with %d items from %d; total %d", len(pages), c.Last, len(pages[len(pages)-1].Items), pages[len(pages)-1].StartIndex, c.Total)
	}
	// The export's own page size.
	var buf strings.Builder
	if err := annotations.WriteFormat(&buf, "w3c", exports[:1]); err != nil {
		t.Fatal(err)
	}
	checkW3C(t, decodeW3C(t, []byte(buf.String())), exports[:1])
	big := slices.Repeat(exports, 2) // 1,380 annotations: two pages
	c, _ = annotations.W3C(big, annotations.W3COptions{})
	if p := c.Pages(); len(p) != 2 || len(p[0].Items) != annotations.W3CPageSize || len(p[1].Items) != 1380-annotations.W3CPageSize {
		t.Errorf("%d pages for 1,380 annotations", len(p))
	}
	checkW3C(t, decodeW3C(t, render(t, "w3c", big)), big)
}

func TestW3CAnonymousAnnotators(t *testing.T) {
	a := articleExport(t, "", tagRun{0, 0, "supports", ""})
	b := articleExport(t, "", tagRun{1, 1, "opposes", ""})
	b.Annotations[0].ID = "a0f3c9" // the app's ids are random
	c, err := annotations.W3C([]*annotations.Export{a, b}, annotations.W3COptions{})
	if err != nil {
		t.Fatal(err)
	}
	items := c.Annotations()
	if items[0].Creator.Name != annotations.AnnotatorName(a) || items[1].Creator.Name != annotations.AnnotatorName(b) || items[0].Creator.Name == items[1].Creator.Name {
		t.Errorf("creators %q and %q, want two different anonymous-… names", items[0].Creator.Name, items[1].Creator.Name)
	}
}
