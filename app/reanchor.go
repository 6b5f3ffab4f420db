package app

import (
	"stancemark/annotations"
)

// minAnchored is the share of an import's highlights that must be placed on
// the open text for it to count as another version of the same article
// rather than another document.
const minAnchored = 0.5

// reanchor imports annotations made on another version of the open text
// (an edited article): each highlight is placed by its quote and context;
// those that cannot be placed are kept as orphans, listed for the reader and
// downloadable. It reports whether it imported anything.
func (s *session) reanchor(name string, e *annotations.Export) bool {
	// a few quotes first: an export of another document is told apart at
	// once, without re-anchoring thousands of highlights
	if found, tried := annotations.ProbeQuotes(e, s.doc, 16); tried > 0 && float64(found) < minAnchored*float64(tried) {
		return false
	}
	anchored, orphans, err := annotations.Reanchor(e, s.doc)
	if err != nil || len(e.Annotations) == 0 {
		return false
	}
	placed := len(anchored.Annotations)
	if float64(placed) < minAnchored*float64(len(e.Annotations)) {
		return false
	}
	if err := s.ws.Import(anchored); err != nil {
		return false
	}
	s.orphans = orphans
	if len(orphans) == 0 {
		s.setInfo("%s was made on another version of this text (%q); all %s were re-attached by their quotes.", name, e.Document.Title, plural(placed, "highlight"))
	} else {
		s.setInfo("%s was made on another version of this text (%q): %d of %d highlights were re-attached by their quotes; %d could not be placed and are listed under Highlights (download them to keep them).", name, e.Document.Title, placed, len(e.Annotations), len(orphans))
	}
	s.changed()
	return true
}
