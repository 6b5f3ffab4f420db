package app

import (
	"fmt"

	"stancemark/annotations"
)

// docFormatV1 is the stored document of builds before segmenter version 2:
// a title and a text, split again on every load.
const docFormatV1 = "stancemark-doc/v1"

// newDocRecord is how doc is stored: with its sentence boundaries, so that
// a later segmenter never moves the work made on them. A document split by
// a segmenter version records that version (versions never change) and the
// boundaries' id, which keeps the record about the size of the text; one
// whose boundaries were given or fixed records them.
func newDocRecord(doc *annotations.Document) docRecord {
	rec := docRecord{Format: docFormat, Title: doc.Title, Text: doc.Text, Boundaries: doc.BoundariesID()}
	if doc.Segmenter != 0 {
		rec.Segmenter = doc.Segmenter
	} else {
		rec.Sentences = doc.ExportDocument().Sentences
	}
	return rec
}

// document rebuilds the stored document id: a v2 record on its own
// boundaries, a v1 record split as the build that stored it split it
// (segmenter version 1), so saved work stays on its sentences.
func (rec *docRecord) document(id string) (*annotations.Document, error) {
	var doc *annotations.Document
	var err error
	switch rec.Format {
	case docFormatV1:
		doc, err = annotations.NewDocumentSegmented(rec.Title, rec.Text, annotations.SegmenterV1)
	case docFormat:
		if len(rec.Sentences) == 0 && rec.Segmenter != 0 {
			doc, err = annotations.NewDocumentSegmented(rec.Title, rec.Text, rec.Segmenter)
			if err == nil && doc.BoundariesID() != rec.Boundaries {
				return nil, fmt.Errorf("the stored document %s has boundaries %q, but segmenter version %d splits it into %s", id, rec.Boundaries, rec.Segmenter, doc.BoundariesID())
			}
			break
		}
		if got := annotations.BoundariesID(rec.Sentences); got != rec.Boundaries {
			return nil, fmt.Errorf("the stored document %s has boundaries %q, but its sentences are %s", id, rec.Boundaries, got)
		}
		doc, err = annotations.DocumentFromSentences(rec.Title, rec.Text, rec.Sentences)
	default:
		return nil, fmt.Errorf("the stored document %s has the unknown format %q", id, rec.Format)
	}
	if err != nil {
		return nil, fmt.Errorf("the stored document %s could not be read: %w", id, err)
	}
	return doc, nil
}
