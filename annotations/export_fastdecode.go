package annotations

import (
	"bytes"
	"encoding/json"
	"time"
	"unicode/utf8"
)

// The fast path of ReadExport, built like the project reader's
// (project_fastdecode.go): the strict reader (decodeExport) decodes every
// object into a map and every value again, which at 50,000 sentences is
// most of the time `convert` takes. fastDecodeExport reads the document's
// sentences and the highlights by hand in one pass and the small rest
// (when, who, the assignment, the scheme) through the strict reader's own
// functions. On anything unusual (a syntax error, a duplicate key, null, a
// missing or unknown field, a number that is not a plain whole number, an
// empty list, a bad time) it gives up and ReadExport reads the file again
// strictly, so every message stays the strict reader's. What it does
// accept it reads exactly as the strict reader does
// (TestExportFastDecodeAgrees, FuzzExportFastDecode).

// fastDecodeExport reads an export, or reports that the strict reader must
// (ok false). It does not validate the export.
func fastDecodeExport(data []byte) (e *Export, ok bool) {
	if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return nil, false
	}
	sc := &scanner{data: data}
	o := &jsonObject{fields: map[string]json.RawMessage{}}
	e = &Export{}
	var haveDoc, haveAnnotations bool
	ok = sc.object(func(key string) bool {
		if _, dup := o.fields[key]; dup {
			return false
		}
		o.fields[key] = nil // the key's name, for o.only
		switch key {
		case "document":
			haveDoc = true
			return sc.exportDocument(&e.Document)
		case "annotations":
			haveAnnotations = true
			return sc.nonEmptyArray(func() bool { return sc.annotation(&e.Annotations) })
		}
		raw, ok := sc.skip()
		o.fields[key] = raw
		return ok
	})
	if !ok || !sc.end() || !haveDoc || !haveAnnotations {
		return nil, false
	}
	if o.str("format", false, &e.Format) != nil || checkFormat(e.Format, FormatV1) != nil || o.only("an export", exportFields...) != nil {
		return nil, false
	}
	if decodeExportHead(o, e) != nil {
		return nil, false
	}
	var err error
	if e.Scheme, err = decodeExportScheme(o); err != nil {
		return nil, false
	}
	return e, true
}

var (
	exportDocumentKeys = []string{"id", "title", "text", "sentences"}
	annotationKeys     = []string{"id", "sentences", "label", "note", "created", "modified"}
)

func (s *scanner) exportDocument(d *ExportDocument) bool {
	return s.fields(exportDocumentKeys, 1<<4-1, func(k int) bool {
		switch k {
		case 0:
			return s.strTo(&d.ID)
		case 1:
			return s.strTo(&d.Title)
		case 2:
			return s.strTo(&d.Text)
		}
		return s.nonEmptyArray(func() bool { return s.sentence(&d.Sentences) })
	})
}

// annotation reads a highlight; its sentence ids share the document's
// copies.
func (s *scanner) annotation(out *[]Annotation) bool {
	var a Annotation
	ok := s.fields(annotationKeys, 1<<0|1<<1|1<<2|1<<4|1<<5, func(k int) bool {
		switch k {
		case 0:
			return s.strTo(&a.ID)
		case 1:
			return s.nonEmptyArray(func() bool {
				var id string
				ok := s.internTo(&id)
				a.SentenceIDs = append(a.SentenceIDs, id)
				return ok
			})
		case 2:
			return s.internTo(&a.Label)
		case 3:
			return s.strTo(&a.Note)
		case 4:
			return s.timeTo(&a.Created)
		}
		return s.timeTo(&a.Modified)
	})
	*out = append(*out, a)
	return ok
}

// timeTo reads an RFC 3339 time into dst as the strict reader does.
func (s *scanner) timeTo(dst *time.Time) bool {
	v, ok := s.str()
	if !ok {
		return false
	}
	t, err := parseTime(v)
	*dst = t
	return err == nil
}
