package annotations_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"stancemark/annotations"
)

// TestWriteW3CStreamsTheCollection: WriteW3C, which streams, writes JSON
// that decodes to W3C's whole collection, with each annotation on a line
// of its own, for no annotation, one page, a page boundary and many pages.
func TestWriteW3CStreamsTheCollection(t *testing.T) {
	var exports []*annotations.Export
	for k := range 3 {
		var runs []tagRun
		for i := range 23 {
			runs = append(runs, tagRun{i, i, "neutral", "<b>note</b> & more"})
		}
		exports = append(exports, articleExport(t, "annotator"+itoa(k), runs...))
	}
	for _, c := range []struct {
		name    string
		exports []*annotations.Export
		size    int
	}{
		{"no annotation", []*annotations.Export{articleExport(t, "")}, 0},
		{"one page", exports[:1], 0},
		{"pages of one", exports[:1], 1},
		{"exactly two pages", exports[:2], 23},
		{"pages of ten", exports, 10},
	} {
		t.Run(c.name, func(t *testing.T) {
			opt := annotations.W3COptions{PageSize: c.size}
			col, err := annotations.W3C(c.exports, opt)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := json.Marshal(col)
			var got bytes.Buffer
			if err := annotations.WriteW3C(&got, c.exports, opt); err != nil {
				t.Fatal(err)
			}
			var g, w any
			if err := json.Unmarshal(got.Bytes(), &g); err != nil {
				t.Fatalf("WriteW3C wrote no JSON: %v\n%s", err, got.Bytes())
			}
			json.Unmarshal(want, &w)
			if !reflect.DeepEqual(g, w) {
				t.Errorf("WriteW3C differs from the collection:\n%s\n---\n%s", got.Bytes(), want)
			}
			lines := strings.Split(strings.TrimSuffix(got.String(), "\n"), "\n")
			if items := len(col.Annotations()); len(lines) != 1+items+min(items, 1) {
				t.Errorf("%d lines for %d annotations, want one per annotation, a first and a last", len(lines), items)
			}
			if strings.Contains(got.String(), `\u003c`) {
				t.Error("HTML-escaped text")
			}
		})
	}
}
