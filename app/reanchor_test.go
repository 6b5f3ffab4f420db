package app

import (
	"strings"
	"testing"

	"stancemark/annotations"
	"stancemark/articles"
)

func TestSessionImportOntoAnEditedTextReanchors(t *testing.T) {
	old, _ := newTestSession(t, newMemoryStore())
	old.selectRun(0, 0)
	old.run(cmdTag, false, "1")
	old.selectRun(9, 9)
	old.run(cmdTag, false, "2")
	old.selectRun(22, 22) // the last sentence, whose paragraph the edit removes
	old.run(cmdTag, false, "3")
	file, err := old.exportFile("json")
	if err != nil {
		t.Fatal(err)
	}
	data := file.Data

	// The edited article: a sentence inserted at the top, the last paragraph removed.
	edited := strings.Replace(articles.Bundled, "The United States could end up", "Officials spoke on Monday. The United States could end up", 1)
	edited = edited[:strings.LastIndex(edited, "ISIS, an al Qaeda")]
	doc, err := annotations.ParsePlainText(edited)
	if err != nil {
		t.Fatal(err)
	}
	s, p := newTestSession(t, newMemoryStore())
	s.loadLibrary()
	s.openDocument(doc, "", "edited.txt")
	s.importFile("old.stancemark.json", data)
	if s.msg.Kind != "info" || !strings.Contains(s.msg.Text, "another version") {
		t.Fatalf("message = %+v", s.msg)
	}
	if p.cells[1].Label != "supports" || p.cells[0].Label != "" {
		t.Errorf("the first highlight was not moved to s2: %q %q", p.cells[0].Label, p.cells[1].Label)
	}
	if len(s.orphans) != 1 || s.orphans[0].Annotation.Label != "neutral" {
		t.Fatalf("orphans = %+v, want the highlight of the removed paragraph", s.orphans)
	}
	if items := orphanItems(s); len(items) != 1 || !strings.Contains(items[0].Quote, "substantial success") {
		t.Errorf("orphan list = %+v", items)
	}
}

func TestSessionExportsEveryFormat(t *testing.T) {
	s, _ := newTestSession(t, newMemoryStore())
	s.selectRun(1, 2)
	s.run(cmdTag, false, "2")
	for _, f := range annotations.Formats {
		file, err := s.exportFile(f)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		name, data := file.Name, file.Data
		if !strings.HasSuffix(name, annotations.FormatExtension(f)) || !strings.HasPrefix(name, "could-u-s-iran") {
			t.Errorf("%s: file name %q", f, name)
		}
		if !strings.Contains(string(data), "opposes") {
			t.Errorf("%s: the label is not in the export", f)
		}
	}
}
