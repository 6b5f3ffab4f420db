package annotations

import (
	"fmt"
	"unicode/utf8"
)

// Validate checks e as a whole and returns the first problem as an
// *ImportError naming the field:
//   - format is FormatV1 (another "stancemark/vN" is ErrUnsupportedVersion);
//   - document.id is DocumentID(document.text);
//   - document.sentences are s1..sN in order, with offsets inside the text,
//     ascending and not overlapping, and non-decreasing paragraph indexes;
//   - the scheme is valid (Scheme.Validate);
//   - every annotation has a unique non-empty id, a label of the scheme,
//     known sentences forming one contiguous ascending run, no sentence
//     shared with another annotation, non-zero times with modified not
//     before created, and a note of at most MaxNoteRunes characters.
func (e *Export) Validate() error {
	if err := checkFormat(e.Format, FormatV1); err != nil {
		return err
	}
	if err := validateExportDocument(&e.Document); err != nil {
		return err
	}
	if err := e.Scheme.Validate(); err != nil {
		return prefixed("scheme", err)
	}
	ids := make(map[string]int, len(e.Document.Sentences))
	for i, s := range e.Document.Sentences {
		ids[s.ID] = i
	}
	lookup := func(id string) int {
		if i, ok := ids[id]; ok {
			return i
		}
		return -1
	}
	return validateAnnotations(e.Annotations, e.Scheme, lookup, len(ids), "annotations")
}

func validateExportDocument(d *ExportDocument) error {
	if want := DocumentID(d.Text); d.ID != want {
		if d.ID == "" {
			return fieldErrf("document.id", ErrMissingField, "missing")
		}
		return fieldErrf("document.id", ErrHashMismatch,
			"%q does not match the document text (was the text changed after the export?)", d.ID)
	}
	if len(d.Sentences) == 0 {
		return fieldErrf("document.sentences", ErrMissingField, "empty; the document has no sentences")
	}
	n := utf8.RuneCountInString(d.Text)
	for i, s := range d.Sentences {
		at := elemPath("document.sentences", i)
		if want := sentenceID(i); s.ID != want {
			return fieldErrf(at+".id", ErrBadValue, "expected %q, found %q (sentences are numbered s1, s2, … in order)", want, s.ID)
		}
		if s.Start < 0 || s.End > n || s.Start >= s.End {
			return fieldErrf(at, ErrBadOffset, "start %d and end %d are not a range inside the text (%d characters)", s.Start, s.End, n)
		}
		if i > 0 {
			prev := d.Sentences[i-1]
			if s.Start < prev.End {
				return fieldErrf(at+".start", ErrBadOffset, "%d is before the end of %s (%d)", s.Start, prev.ID, prev.End)
			}
			if s.Paragraph < prev.Paragraph {
				return fieldErrf(at+".paragraph", ErrBadValue, "%d is before the paragraph of %s (%d)", s.Paragraph, prev.ID, prev.Paragraph)
			}
		}
	}
	return nil
}

// validateAnnotations checks annotations as, at path, against scheme s and
// a document of n sentences whose ids lookup maps to indexes (-1 unknown).
func validateAnnotations(as []Annotation, s Scheme, lookup func(string) int, n int, path string) error {
	owner := make([]int, n) // sentence index -> 1 + index into as
	ids := make(map[string]int, len(as))
	for i, a := range as {
		at := elemPath(path, i)
		if a.ID == "" {
			return fieldErrf(at+".id", ErrMissingField, "missing")
		}
		if j, ok := ids[a.ID]; ok {
			return fieldErrf(at+".id", ErrDuplicateID, "duplicate id %q (also %s)", a.ID, elemPath(path, j))
		}
		ids[a.ID] = i
		if len(a.SentenceIDs) == 0 {
			return fieldErrf(at+".sentences", ErrMissingField, "empty; a highlight needs at least one sentence")
		}
		prev := -1
		for j, sid := range a.SentenceIDs {
			k := lookup(sid)
			sat := elemPath(at+".sentences", j)
			switch {
			case k < 0 || k >= n:
				return fieldErrf(sat, ErrUnknownSentence, "unknown sentence %q (the document has s1 to s%d)", sid, n)
			case j > 0 && k != prev+1:
				return fieldErrf(sat, ErrNotContiguous, "%q does not follow %q; a highlight is one run of consecutive sentences", sid, a.SentenceIDs[j-1])
			case owner[k] != 0:
				o := owner[k] - 1
				return fieldErrf(sat, ErrOverlap, "sentence %q is also in %s (%q); a sentence can be in only one highlight", sid, elemPath(path, o), as[o].ID)
			}
			owner[k] = i + 1
			prev = k
		}
		if _, ok := s.Label(a.Label); !ok {
			return fieldErrf(at+".label", ErrUnknownLabel, "unknown label %q (the scheme has %s)", a.Label, s.labelIDs())
		}
		if a.Created.IsZero() {
			return fieldErrf(at+".created", ErrMissingField, "missing")
		}
		if a.Modified.IsZero() {
			return fieldErrf(at+".modified", ErrMissingField, "missing")
		}
		if a.Modified.Before(a.Created) {
			return fieldErrf(at+".modified", ErrBadTime, "%s is before created (%s)", formatTime(a.Modified), formatTime(a.Created))
		}
		if err := tooLong(a.Note, "a note", MaxNoteRunes); err != nil {
			return fieldErr(at+".note", err)
		}
	}
	return nil
}

// describe names a document for a message: "Title" (sha256:…).
func describe(title, id string) string {
	if title == "" {
		return fmt.Sprintf("an untitled document (%s)", id)
	}
	return fmt.Sprintf("%q (%s)", title, id)
}
