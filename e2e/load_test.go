package e2e

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// The bundled article is there on first start, exactly as the annotations
// package segments it: its id, headline, 20 paragraphs and 23 sentences with
// their texts, in the listbox/option structure the contract gives.
func TestLoadShowsBundledArticle(t *testing.T) {
	doc := bundled(t)
	if len(doc.Paragraphs) != numParas || len(doc.Sentences) != numSentences {
		t.Fatalf("annotations segments the bundled article into %d paragraphs and %d sentences, want %d and %d",
			len(doc.Paragraphs), len(doc.Sentences), numParas, numSentences)
	}

	// The server's prerendered HTML must not claim to be interactive.
	resp, err := http.Get(baseURL)
	if err != nil {
		t.Fatal(err)
	}
	html, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if strings.Contains(string(html), `data-ready="true"`) {
		t.Errorf("the server's prerendered HTML already has data-ready=\"true\"")
	}

	p := newPage(t)

	if id, _ := p.Attr("article#document", "data-doc-id"); id != doc.ID {
		t.Errorf("article data-doc-id = %q, want %q", id, doc.ID)
	}
	if got := p.Text("article#document h1#doc-title"); got != doc.Title {
		t.Errorf("h1#doc-title = %q, want %q", got, doc.Title)
	}
	if role, _ := p.Attr("div#sentences", "role"); role != "listbox" {
		t.Errorf("div#sentences role = %q, want listbox", role)
	}
	if ms, _ := p.Attr("div#sentences", "aria-multiselectable"); ms != "true" {
		t.Errorf("div#sentences aria-multiselectable = %q, want true", ms)
	}

	type para struct {
		Index string `json:"index"`
		Role  string `json:"role"`
		SIDs  string `json:"sids"`
	}
	paras := Eval[[]para](p, `Array.from(document.querySelectorAll('#sentences > p.para')).map(p => ({
		index: p.dataset.paragraph || "", role: p.getAttribute('role') || "",
		sids: Array.from(p.querySelectorAll('span.sentence')).map(s => s.dataset.sid).join(' ')}))`)
	if len(paras) != numParas {
		t.Errorf("%d p.para elements, want %d", len(paras), numParas)
	}
	wantSIDs := map[string][]string{}
	for _, s := range doc.Sentences {
		k := strconv.Itoa(s.Paragraph)
		wantSIDs[k] = append(wantSIDs[k], s.ID)
	}
	for i, pa := range paras {
		if pa.Index != strconv.Itoa(i) {
			t.Errorf("paragraph %d: data-paragraph = %q, want %d", i, pa.Index, i)
		}
		if pa.Role != "presentation" {
			t.Errorf("paragraph %d: role = %q, want presentation", i, pa.Role)
		}
		if want := strings.Join(wantSIDs[pa.Index], " "); pa.SIDs != want {
			t.Errorf("paragraph %s holds sentences %q, want %q", pa.Index, pa.SIDs, want)
		}
	}

	states := p.States()
	if len(states) != numSentences {
		t.Fatalf("%d span.sentence elements, want %d", len(states), numSentences)
	}
	for i, s := range states {
		want := doc.Sentences[i]
		if s.SID != want.ID || s.ID != "sent-"+want.ID {
			t.Errorf("sentence %d: data-sid=%q id=%q, want %q and sent-%s", i, s.SID, s.ID, want.ID, want.ID)
		}
		if s.Text != want.Text {
			t.Errorf("sentence %s text:\n got %q\nwant %q", want.ID, s.Text, want.Text)
		}
		if s.Para != strconv.Itoa(want.Paragraph) {
			t.Errorf("sentence %s is in paragraph %q, want %d", want.ID, s.Para, want.Paragraph)
		}
		if s.Role != "option" {
			t.Errorf("sentence %s role = %q, want option", want.ID, s.Role)
		}
		if s.Selected != "false" {
			t.Errorf("sentence %s aria-selected = %q on first start, want \"false\"", want.ID, s.Selected)
		}
		if s.HasLabel {
			t.Errorf("sentence %s has data-label=%q on first start", want.ID, s.Label)
		}
	}

	if got := p.Value("input#target"); got != bundledClaim {
		t.Errorf("input#target = %q, want %q", got, bundledClaim)
	}
	if got := p.Value("select#scheme"); got != "default" {
		t.Errorf("select#scheme = %q, want default", got)
	}
	p.Eventually("progress on first start", func() error {
		if got := p.Text("#progress"); !strings.Contains(got, fmt.Sprintf("0 of %d sentences tagged", numSentences)) {
			return fmt.Errorf("#progress = %q", got)
		}
		return nil
	})
	if n := Eval[int](p, `document.querySelectorAll('ol#highlights > li.highlight').length`); n != 0 {
		t.Errorf("%d highlights in the side list on first start, want 0", n)
	}
	if dis := Eval[bool](p, `!!document.querySelector('button#undo')?.disabled && !!document.querySelector('button#redo')?.disabled`); !dis {
		t.Errorf("button#undo and button#redo must exist and be disabled on first start")
	}
}
