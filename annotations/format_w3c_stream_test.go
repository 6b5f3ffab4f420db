package annotations_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"stancemark/annotations"
)

// TestWriteW3CStreamsTheCollection: WriteW3C, which streams, writes the
// same bytes as encoding/json writes W3C's whole collection (indented by
// two spaces, no HTML escaping), for no annotation, one page, a page
// boundary and many pages.
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
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(col); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := annotations.WriteW3C(&got, c.exports, opt); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("WriteW3C differs from the collection's JSON:\n%s\n---\n%s", got.Bytes(), want.Bytes())
			}
		})
	}
}
