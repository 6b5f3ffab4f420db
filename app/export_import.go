package app

import (
	"bytes"
	"errors"

	"stancemark/annotations"
)

// exportFile is the export of the active label set in a format of
// annotations.Formats ("json" is stancemark/v1), named after the document.
func (s *session) exportFile(format string) (annotations.File, error) {
	e := s.ws.Export(s.now())
	e.Annotator.Name = s.annotator
	return annotations.ExportFile(format, []*annotations.Export{e})
}

// exportDownload downloads the export in the chosen format, or says why it failed.
func (s *session) exportDownload() {
	format := s.format
	if format == "" {
		format = "json"
	}
	f, err := s.exportFile(format)
	if err != nil {
		s.fail("Export failed: %v.", err)
		return
	}
	download(f.Name, f.MediaType, f.Data)
}

// importFile imports the annotations of a stancemark/v1 file (Import…);
// on any problem it changes nothing and says what is wrong.
func (s *session) importFile(name string, data []byte) {
	e, err := annotations.ReadExport(bytes.NewReader(data))
	if err != nil {
		s.fail("Import of %s failed, nothing was changed: %v", name, err)
		return
	}
	s.importExport(name, e)
}

// importExport imports the annotations of a read export onto the open
// document; an export of another version of its text is re-anchored.
func (s *session) importExport(name string, e *annotations.Export) {
	err := s.ws.Import(e)
	if (errors.Is(err, annotations.ErrOtherDocument) || onOtherBoundaries(e, s.doc)) && s.reanchor(name, e) {
		return
	}
	if err != nil {
		s.fail("Import of %s failed, nothing was changed: %v", name, err)
		return
	}
	if s.annotator == "" && e.Annotator.Name != "" {
		s.setAnnotator(e.Annotator.Name) // a fresh browser takes the file's annotator
	}
	s.setInfo("Imported %d highlights (%s) from %s.", len(e.Annotations), e.Scheme.Name, name)
	s.changed()
}
