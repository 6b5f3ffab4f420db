package annotations_test

import (
	"strings"
	"testing"

	"stancemark/annotations"
	"stancemark/articles"
)

// edited returns the bundled article with old replaced by new (once).
func edited(t *testing.T, old, new string) *annotations.Document {
	t.Helper()
	src := strings.Replace(articles.Bundled, old, new, 1)
	if src == articles.Bundled {
		t.Fatalf("the edit %q does not apply to the bundled article", old)
	}
	doc, err := annotations.ParsePlainText(src)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// placed maps each highlight id of e to "first-last label note".
func placed(e *annotations.Export) map[string]string {
	out := map[string]string{}
	for _, a := range e.Annotations {
		out[a.ID] = a.SentenceIDs[0] + "-" + a.SentenceIDs[len(a.SentenceIDs)-1] + " " + a.Label + " " + a.Note
	}
	return out
}

func TestReanchorRealisticEdits(t *testing.T) {
	// Ada's highlights on the bundled article: s1-s2, s5 (the sentence
	// with the typo "that the he"), s10-s12 and s23.
	e := articleExport(t, "Ada",
		tagRun{0, 1, "supports", "headline"},
		tagRun{4, 4, "opposes", "typo here"},
		tagRun{9, 11, "neutral", ""},
		tagRun{22, 22, "unrelated", ""})
	tests := []struct {
		name    string
		doc     *annotations.Document
		want    map[string]string
		orphans []string
	}{
		{
			name: "a sentence inserted",
			doc: edited(t, "In his interview with Yahoo!News, Kerry",
				"Officials in Baghdad welcomed the remark. In his interview with Yahoo!News, Kerry"),
			want: map[string]string{
				"aAda1": "s1-s2 supports headline",
				"aAda2": "s6-s6 opposes typo here",
				"aAda3": "s11-s13 neutral ",
				"aAda4": "s24-s24 unrelated ",
			},
		},
		{
			name: "a sentence inserted inside a highlight",
			doc: edited(t, "But a Pentagon spokesman denied Monday",
				"Officials in Baghdad welcomed the remark. But a Pentagon spokesman denied Monday"),
			want: map[string]string{
				"aAda1": "s1-s3 supports headline", // one run still: it covers the new sentence
				"aAda2": "s6-s6 opposes typo here",
				"aAda3": "s11-s13 neutral ",
				"aAda4": "s24-s24 unrelated ",
			},
		},
		{
			name: "a typo fixed",
			doc:  edited(t, "to say that the he", "to say that he"),
			want: map[string]string{
				"aAda1": "s1-s2 supports headline",
				"aAda2": "s5-s5 opposes typo here",
				"aAda3": "s10-s12 neutral ",
				"aAda4": "s23-s23 unrelated ",
			},
		},
		{
			name: "a paragraph removed",
			doc:  edited(t, "\"Let's see what Iran might or might not be willing to do before we start making any pronouncements,\" he said.\n", ""),
			want: map[string]string{
				"aAda1": "s1-s2 supports headline",
				"aAda2": "s4-s4 opposes typo here",
				"aAda3": "s9-s11 neutral ",
				"aAda4": "s22-s22 unrelated ",
			},
		},
		{
			name: "the highlighted paragraph removed",
			doc:  edited(t, "But he went on to say that the he \"wouldn't rule out anything that would be constructive to providing real stability.\"\n", ""),
			want: map[string]string{
				"aAda1": "s1-s2 supports headline",
				"aAda3": "s9-s11 neutral ",
				"aAda4": "s22-s22 unrelated ",
			},
			orphans: []string{"aAda2"},
		},
		{
			name: "the highlighted sentence rewritten",
			doc:  edited(t, "But he went on to say that the he \"wouldn't rule out anything that would be constructive to providing real stability.\"", "Kerry then added that nothing was off the table."),
			want: map[string]string{
				"aAda1": "s1-s2 supports headline",
				"aAda3": "s10-s12 neutral ",
				"aAda4": "s23-s23 unrelated ",
			},
			orphans: []string{"aAda2"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, orphans, err := annotations.Reanchor(e, tt.doc)
			if err != nil {
				t.Fatal(err)
			}
			if got.Document.ID != tt.doc.ID || got.Annotator != e.Annotator || !got.Exported.Equal(e.Exported) {
				t.Errorf("the re-anchored export is not on the new document, or lost its annotator or time")
			}
			if err := got.Validate(); err != nil {
				t.Errorf("the re-anchored export is invalid: %v", err)
			}
			g := placed(got)
			for id, want := range tt.want {
				if g[id] != want {
					t.Errorf("%s = %q, want %q", id, g[id], want)
				}
			}
			if len(g) != len(tt.want) {
				t.Errorf("placed %v, want %v", g, tt.want)
			}
			var ids []string
			for _, o := range orphans {
				ids = append(ids, o.Annotation.ID)
				if o.Reason == "" || o.Quote == "" || o.Annotation.Label == "" {
					t.Errorf("orphan %+v lacks its reason, quote or label", o)
				}
			}
			if strings.Join(ids, " ") != strings.Join(tt.orphans, " ") {
				t.Errorf("orphans %v, want %v", ids, tt.orphans)
			}
			if len(got.Annotations)+len(orphans) != len(e.Annotations) {
				t.Errorf("%d placed + %d orphans != %d highlights: one was dropped", len(got.Annotations), len(orphans), len(e.Annotations))
			}
		})
	}
}

func TestReanchorUsesContextForRepeatedQuotes(t *testing.T) {
	old, err := annotations.NewDocument("Repeat", "Intro one. No comment.\n\nMiddle part. No comment.\n\nEnd part. No comment.")
	if err != nil {
		t.Fatal(err)
	}
	w := annotations.NewWorkspace(old)
	a, _ := w.Tag(3, 3, "neutral") // the second "No comment."
	e := w.Export(exportTime)
	// A paragraph inserted at the top moves every "No comment." along.
	doc, err := annotations.NewDocument("Repeat", "New start. Fresh.\n\nIntro one. No comment.\n\nMiddle part. No comment.\n\nEnd part. No comment.")
	if err != nil {
		t.Fatal(err)
	}
	got, orphans, err := annotations.Reanchor(e, doc)
	if err != nil || len(orphans) != 0 {
		t.Fatalf("err %v, orphans %v", err, orphans)
	}
	if s := got.Annotations[0].SentenceIDs; len(s) != 1 || s[0] != "s6" || got.Annotations[0].ID != a.ID {
		t.Errorf("placed on %v, want s6 (the \"No comment.\" after \"Middle part.\")", s)
	}
}

func TestReanchorSameDocumentIsIdentity(t *testing.T) {
	e := panel(t)[0]
	got, orphans, err := annotations.Reanchor(e, bundledDoc(t))
	if err != nil || len(orphans) != 0 || len(got.Annotations) != len(e.Annotations) {
		t.Fatalf("err %v, %d orphans, %d highlights", err, len(orphans), len(got.Annotations))
	}
	if placed(got)["aAda3"] != placed(e)["aAda3"] {
		t.Errorf("moved on the same document")
	}
}

func BenchmarkReanchor(b *testing.B) {
	var runs []tagRun
	for i := 0; i < 22; i += 3 {
		runs = append(runs, tagRun{i, i + 1, "supports", ""})
	}
	e := articleExport(b, "Ada", runs...)
	src := strings.Replace(articles.Bundled, "to say that the he", "to say that he", 1)
	src = strings.Replace(src, "Iran", "Tehran", 3)
	doc, _ := annotations.ParsePlainText(src)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := annotations.Reanchor(e, doc); err != nil {
			b.Fatal(err)
		}
	}
}
