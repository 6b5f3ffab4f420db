package annotations

import (
	"strings"
	"testing"
	"time"
)

// An export of an edited version of a text finds its quotes there; an
// export of another document finds none.
func TestProbeQuotes(t *testing.T) {
	doc := bundledArticle(t)
	w := NewWorkspace(doc)
	for i := 0; i < 20; i += 2 {
		if _, err := w.Tag(i, i, "supports"); err != nil {
			t.Fatal(err)
		}
	}
	e := w.Export(time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC))
	edited, err := NewDocument(doc.Title, strings.Replace(doc.Text, doc.Sentences[1].Text, "A sentence rewritten by the editor.", 1))
	if err != nil {
		t.Fatal(err)
	}
	if found, tried := ProbeQuotes(e, edited, 16); tried != 10 || found != 10 {
		t.Errorf("on an edited version: found %d of %d, want 10 of 10", found, tried)
	}
	other, err := NewDocument("Other", "Some other text entirely. Nothing in common here.")
	if err != nil {
		t.Fatal(err)
	}
	if found, tried := ProbeQuotes(e, other, 16); found != 0 || tried != 10 {
		t.Errorf("on another document: found %d of %d, want 0 of 10", found, tried)
	}
	if found, tried := ProbeQuotes(e, edited, 4); tried != 4 || found != 4 {
		t.Errorf("sampling 4: %d of %d", found, tried)
	}
}
