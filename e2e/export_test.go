package e2e

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"stancemark/annotations"
)

type annSummary struct {
	ID        string
	Sentences string
	Label     string
	Note      string
}

func summarize(as []annotations.Annotation) []annSummary {
	var out []annSummary
	for _, a := range as {
		out = append(out, annSummary{a.ID, strings.Join(a.SentenceIDs, ","), a.Label, a.Note})
	}
	sort.Slice(out, func(i, j int) bool {
		return sidNum(strings.Split(out[i].Sentences, ",")[0]) < sidNum(strings.Split(out[j].Sentences, ",")[0])
	})
	return out
}

// exportFile clicks button#export (or presses e) and returns the file.
func (p *Page) exportFile(dir string, byKey bool) []byte {
	p.t.Helper()
	_ = os.Remove(filepath.Join(dir, exportName))
	if byKey {
		p.Click("h1#doc-title")
		p.Key("e")
	} else {
		p.Click("button#export")
	}
	return p.WaitFile(dir, exportName)
}

func TestExportImportFreshProfile(t *testing.T) {
	doc := bundled(t)
	a := newPage(t)
	dir := a.AllowDownloads()

	a.TypeInto("input#annotator", "Ada Lovelace")
	a.Key(KeyTab)
	a.selectRange(1, 3)
	a.Key("1")
	a.writeNote("headline claim")
	a.ClickSentence("s5")
	a.Key("2")
	a.selectRange(12, 13)
	a.Key("3")
	a.writeNote("hedged, \"quoted\" & <odd>")
	a.ClickSentence("s23")
	a.Key("4")
	wantLabels := map[string]string{"s5": "opposes", "s23": "unrelated"}
	labelMap(wantLabels, "supports", 1, 3)
	labelMap(wantLabels, "neutral", 12, 13)
	a.WaitLabels("profile A tagged", wantLabels)
	a.waitNote("s12", "hedged, \"quoted\" & <odd>")
	a.WaitSaved()
	var listA []Highlight
	a.Eventually("profile A's side list has the four highlights", func() error {
		listA = a.Highlights()
		if len(listA) != 4 {
			return fmt.Errorf("side list %+v", listA)
		}
		return nil
	})

	// Export by the button: file name and content.
	data := a.exportFile(dir, false)
	exp, err := annotations.ReadExport(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("ReadExport rejects the app's export: %v\n%s", err, data)
	}
	if exp.Format != "stancemark/v1" {
		t.Errorf("format %q", exp.Format)
	}
	if exp.Annotator.Name != "Ada Lovelace" {
		t.Errorf("annotator %q, want Ada Lovelace", exp.Annotator.Name)
	}
	if exp.Document.ID != doc.ID || exp.Document.Title != doc.Title || exp.Document.Text != doc.Text {
		t.Errorf("exported document id=%q title=%q (text equal: %v), want %q %q", exp.Document.ID, exp.Document.Title, exp.Document.Text == doc.Text, doc.ID, doc.Title)
	}
	if len(exp.Document.Sentences) != numSentences {
		t.Errorf("%d exported sentences, want %d", len(exp.Document.Sentences), numSentences)
	} else {
		for i, s := range exp.Document.Sentences {
			w := doc.Sentences[i]
			if s.ID != w.ID || s.Paragraph != w.Paragraph || s.Start != w.Start || s.End != w.End {
				t.Errorf("exported sentence %d = %+v, want %s paragraph %d [%d,%d)", i, s, w.ID, w.Paragraph, w.Start, w.End)
			}
		}
	}
	if exp.Scheme.ID != "default" || exp.Scheme.Target != bundledClaim {
		t.Errorf("exported scheme id=%q target=%q, want default and %q", exp.Scheme.ID, exp.Scheme.Target, bundledClaim)
	}
	var labelIDs []string
	for _, l := range exp.Scheme.Labels {
		labelIDs = append(labelIDs, l.ID+"/"+l.Name+"/"+l.Key)
	}
	if got, want := strings.Join(labelIDs, " "), "supports/Supports/1 opposes/Opposes/2 neutral/Neutral/3 unrelated/Unrelated/4"; got != want {
		t.Errorf("exported labels %q, want %q", got, want)
	}
	got := summarize(exp.Annotations)
	want := []annSummary{
		{"", "s1,s2,s3", "supports", "headline claim"},
		{"", "s5", "opposes", ""},
		{"", "s12,s13", "neutral", "hedged, \"quoted\" & <odd>"},
		{"", "s23", "unrelated", ""},
	}
	if len(got) != len(want) {
		t.Fatalf("exported annotations %+v, want %+v", got, want)
	}
	for i := range want {
		want[i].ID = got[i].ID
		if got[i].ID == "" {
			t.Errorf("exported annotation %d has no id", i)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("exported annotations\n got %+v\nwant %+v", got, want)
	}
	// The side list's ids are the exported ids.
	for i, h := range listA {
		if i < len(got) && h.ID != got[i].ID {
			t.Errorf("side list entry %d has data-annotation-id %q, the export %q", i, h.ID, got[i].ID)
		}
	}

	// The e key exports too.
	data2 := a.exportFile(dir, true)
	if exp2, err := annotations.ReadExport(bytes.NewReader(data2)); err != nil {
		t.Errorf("export by the e key: %v", err)
	} else if !reflect.DeepEqual(summarize(exp2.Annotations), got) {
		t.Errorf("export by e differs: %+v", summarize(exp2.Annotations))
	}

	// Import into a fresh profile that never saw these annotations.
	file := filepath.Join(t.TempDir(), exportName)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	b := newProfile(t)
	bdir := b.AllowDownloads()
	b.Open()
	b.WaitLabels("fresh profile starts empty", nil)
	b.Upload(file)
	b.Eventually("import reports success", func() error {
		kind, _ := b.Attr("#message", "data-kind")
		if kind != "info" {
			return fmt.Errorf("#message data-kind=%q text=%q, want info", kind, b.Text("#message"))
		}
		return nil
	})
	b.WaitLabels("imported labels equal profile A's", wantLabels)
	b.Eventually("imported side list equals profile A's", func() error {
		if listB := b.Highlights(); !reflect.DeepEqual(listB, listA) {
			return fmt.Errorf("profile B side list\n %+v\nprofile A\n %+v", listB, listA)
		}
		return nil
	})
	if stA, stB := a.States(), b.States(); len(stA) == len(stB) {
		for i := range stA {
			if stA[i].Label != stB[i].Label || stA[i].LabelName != stB[i].LabelName {
				t.Errorf("%s: profile A %q/%q, profile B %q/%q", stA[i].SID, stA[i].Label, stA[i].LabelName, stB[i].Label, stB[i].LabelName)
			}
		}
	}
	for _, sel := range []string{"#progress", "ul#label-counts"} {
		if pa, pb := a.Text(sel), b.Text(sel); pa != pb {
			t.Errorf("%s: profile A %q, profile B %q", sel, pa, pb)
		}
	}
	b.WaitSaved()

	// Round trip: B's export holds the same annotations.
	data3 := b.exportFile(bdir, false)
	exp3, err := annotations.ReadExport(bytes.NewReader(data3))
	if err != nil {
		t.Fatalf("profile B's export: %v", err)
	}
	if !reflect.DeepEqual(summarize(exp3.Annotations), got) {
		t.Errorf("round trip changed the annotations:\n got %+v\nwant %+v", summarize(exp3.Annotations), got)
	}

	// And it survives a reload in B.
	b.Reload()
	b.WaitLabels("imported labels after reload", wantLabels)
}
