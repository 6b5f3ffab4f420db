package app

import (
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

// importFile is Import…: the same door as Documents → Open a file…, by
// the same rules (openData): an export's highlights come onto the open
// document (re-anchored when it was made on another version of its text),
// an export of another document opens that document with them, and any
// other kind of file opens as it would there.
func (s *session) importFile(name string, data []byte) { s.openData(name, data) }

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
