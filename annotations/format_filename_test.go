package annotations_test

import (
	"bytes"
	"testing"

	"stancemark/annotations"
)

func TestExportFile(t *testing.T) {
	exports := []*annotations.Export{articleExport(t, "ada", tagRun{first: 0, last: 1, label: "supports"})}
	for _, format := range annotations.Formats {
		t.Run(format, func(t *testing.T) {
			f, err := annotations.ExportFile(format, exports)
			if err != nil {
				t.Fatal(err)
			}
			var want bytes.Buffer
			if err := annotations.WriteFormat(&want, format, exports); err != nil {
				t.Fatal(err)
			}
			if name := "could-u-s-iran-work-together-in-iraq-maybe-officials-say" + annotations.FormatExtension(format); f.Name != name {
				t.Errorf("name %q, want %q", f.Name, name)
			}
			if f.MediaType == "" || f.MediaType != annotations.FormatMediaType(format) {
				t.Errorf("media type %q", f.MediaType)
			}
			if !bytes.Equal(f.Data, want.Bytes()) {
				t.Error("the file's bytes differ from WriteFormat's")
			}
		})
	}
	if _, err := annotations.ExportFile("xlsx", exports); err == nil {
		t.Error("an unknown format gave a file")
	}
}
