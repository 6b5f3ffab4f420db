package annotations_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"stancemark/annotations"
	"stancemark/articles"
)

// tagRun is one highlight to make: sentence indexes first..last, a label
// and a note.
type tagRun struct {
	first, last int
	label, note string
}

var exportTime = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// bundledDoc returns the bundled article as a Document.
func bundledDoc(t testing.TB) *annotations.Document {
	t.Helper()
	doc, err := annotations.ParsePlainText(articles.Bundled)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// articleExport returns annotator's export of the bundled article with the
// given highlights, made with the domain API on a fixed clock.
func articleExport(t testing.TB, annotator string, runs ...tagRun) *annotations.Export {
	t.Helper()
	w := annotations.NewWorkspace(bundledDoc(t))
	w.Annotator = annotator
	clock := time.Date(2026, 3, 1, 9, 0, 0, 0, time.FixedZone("CET", 3600))
	w.Now = func() time.Time { clock = clock.Add(1500 * time.Millisecond); return clock }
	n := 0
	w.NewID = func() string { n++; return fmt.Sprintf("a%s%d", annotator, n) }
	w.SetTarget(articles.BundledTarget)
	for _, r := range runs {
		a, err := w.Tag(r.first, r.last, r.label)
		if err != nil {
			t.Fatal(err)
		}
		if r.note != "" {
			if err := w.SetNote(a.ID, r.note); err != nil {
				t.Fatal(err)
			}
		}
	}
	e := w.Export(exportTime)
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
	return e
}

// panel returns three annotators' exports of the bundled article that
// agree on some sentences and not on others.
func panel(t testing.TB) []*annotations.Export {
	return []*annotations.Export{
		articleExport(t, "Ada",
			tagRun{0, 1, "supports", "headline claim, \"maybe\""},
			tagRun{4, 4, "opposes", ""},
			tagRun{9, 11, "neutral", "line one\nline two, with a comma"}),
		articleExport(t, "Bob",
			tagRun{0, 0, "supports", ""},
			tagRun{1, 1, "neutral", ""},
			tagRun{4, 4, "opposes", "tab\there"},
			tagRun{20, 22, "unrelated", ""}),
		articleExport(t, "Cy",
			tagRun{0, 1, "supports", ""},
			tagRun{4, 5, "neutral", "<b>not html</b> & co"}),
	}
}

// render writes exports in format.
func render(t testing.TB, format string, exports []*annotations.Export) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := annotations.WriteFormat(&buf, format, exports); err != nil {
		t.Fatalf("WriteFormat(%s): %v", format, err)
	}
	return buf.Bytes()
}
