package annotations

import (
	"encoding/json"
	"errors"
	"io"
	"slices"
)

// FormatClassV1 is the "format" of a teacher's class file.
const FormatClassV1 = "stancemark-class/v1"

// A class file ("stancemark-class/v1") is the teacher's copy of a class:
// the assignment with its key, and every file loaded so far, so that the
// class survives losing the browser (the teacher file) and a reload (the
// dashboard keeps the same record in localStorage). In JSON:
//
//	{
//	  "format": "stancemark-class/v1",
//	  "assignment": {a stancemark-assignment/v2, with the key},
//	  "files": [
//	    {"name": "ada.stancemark.json", "handin": {a stancemark-handin/v1}},
//	    {"name": "broken.json", "problem": "line 1, column 28: invalid JSON"}
//	  ]
//	}
//
// To keep the file small, a handin's "work.document" is written as
// {"id": "<the assignment's document id>"}: the text and sentences are the
// assignment's. Reading puts them back, then reads the handin as
// ReadHandin does.

// classEntry is one file of a class as loaded: an accepted handin, or why
// it was refused.
type classEntry struct {
	name    string
	handin  *Handin
	problem string
}

// Remove takes the file name out of the class, as if it had never been
// added, and reports whether it was there.
func (c *Class) Remove(name string) bool {
	i := slices.IndexFunc(c.entries, func(e classEntry) bool { return e.name == name })
	if i < 0 {
		return false
	}
	rest := &Class{Assignment: c.Assignment, entries: slices.Delete(slices.Clone(c.entries), i, i+1)}
	*c = *rest.WithAssignment(c.Assignment)
	return true
}

// WriteClass writes the class file of c: indented as WriteExport does, or
// compact (for the browser's storage).
func WriteClass(w io.Writer, c *Class, compact bool) error {
	a, err := marshalNoEscape(c.Assignment)
	if err != nil {
		return err
	}
	doc, err := marshalNoEscape(map[string]string{"id": c.Assignment.Document.ID})
	if err != nil {
		return err
	}
	type entry struct {
		Name    string          `json:"name"`
		Handin  json.RawMessage `json:"handin,omitempty"`
		Problem string          `json:"problem,omitempty"`
	}
	files := make([]entry, 0, len(c.entries))
	for _, e := range c.entries {
		out := entry{Name: e.name, Problem: e.problem}
		if e.handin != nil {
			if out.Handin, err = shortHandin(e.handin, doc); err != nil {
				return err
			}
		}
		files = append(files, out)
	}
	v := struct {
		Format     string          `json:"format"`
		Assignment json.RawMessage `json:"assignment"`
		Files      []entry         `json:"files"`
	}{FormatClassV1, a, files}
	if compact {
		data, err := marshalNoEscape(v)
		if err != nil {
			return err
		}
		_, err = w.Write(append(data, '\n'))
		return err
	}
	return writeIndented(w, v)
}

// shortHandin is h's JSON with work.document replaced by doc.
func shortHandin(h *Handin, doc []byte) (json.RawMessage, error) {
	data, err := h.MarshalJSON()
	if err != nil {
		return nil, err
	}
	return replaceWorkDocument(data, func(json.RawMessage) json.RawMessage { return doc })
}

// replaceWorkDocument returns handin JSON data with "work"."document"
// replaced by what f returns for it.
func replaceWorkDocument(data []byte, f func(json.RawMessage) json.RawMessage) (json.RawMessage, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, err
	}
	var work map[string]json.RawMessage
	if err := json.Unmarshal(top["work"], &work); err != nil {
		return data, nil // not an object: left for decodeHandin to name
	}
	if d, ok := work["document"]; ok {
		work["document"] = f(d)
	}
	w, err := marshalNoEscape(work)
	if err != nil {
		return nil, err
	}
	top["work"] = w
	return marshalNoEscape(top)
}

// ReadClass reads a class file (at most MaxExportBytes) strictly: the
// assignment as ReadAssignment reads it, each handin as ReadHandin does,
// with its document put back. Every error is an *ImportError naming the
// field ("files[2].handin.work.annotations[0].label").
func ReadClass(r io.Reader) (*Class, error) {
	data, err := readLimitedTo(r, MaxExportBytes)
	if err != nil {
		return nil, err
	}
	if err := checkSyntax(data); err != nil {
		return nil, err
	}
	o, _, err := decodeFile(data, "class file", func(got string) error { return checkFormat(got, FormatClassV1) }, "a class file", []string{"format", "assignment", "files"})
	if err != nil {
		return nil, err
	}
	raw, _, err := o.field("assignment", true)
	if err != nil {
		return nil, err
	}
	if kindOf(raw) != "an object" {
		return nil, typeErr("assignment", "an object", raw)
	}
	a, err := decodeAssignment(raw)
	if err == nil {
		err = a.Validate()
	}
	if err != nil {
		return nil, prefixed("assignment", err)
	}
	items, err := o.list("files", true)
	if err != nil {
		return nil, err
	}
	doc, err := marshalNoEscape(a.Document)
	if err != nil {
		return nil, err
	}
	c := NewClass(a)
	for i, item := range items {
		path := elemPath("files", i)
		fo, err := decodeObject(item, path)
		if err != nil {
			return nil, err
		}
		if err := fo.only("a file of the class", "name", "handin", "problem"); err != nil {
			return nil, err
		}
		var name, problem string
		if err := fo.str("name", true, &name); err != nil {
			return nil, err
		}
		if err := fo.str("problem", false, &problem); err != nil {
			return nil, err
		}
		hraw, hasHandin, _ := fo.field("handin", false)
		switch {
		case hasHandin == (problem != ""):
			return nil, fieldErrf(path, ErrBadValue, `a file of the class has either "handin" or "problem"`)
		case !hasHandin:
			c.problem(name, errors.New(problem))
			continue
		case kindOf(hraw) != "an object":
			return nil, typeErr(path+".handin", "an object", hraw)
		}
		other := ""
		full, err := replaceWorkDocument(hraw, func(d json.RawMessage) json.RawMessage {
			var short map[string]string
			if json.Unmarshal(d, &short) != nil || len(short) != 1 || short["id"] == "" {
				return d // a whole document: read as it is
			}
			if short["id"] != a.Document.ID {
				other = short["id"]
			}
			return doc
		})
		if err != nil {
			return nil, fieldErr(path+".handin", because("invalid JSON: "+err.Error(), ErrSyntax))
		}
		if other != "" {
			return nil, fieldErrf(path+".handin.work.document.id", ErrOtherDocument, "%s is not the assignment's article (%s)", other, a.Document.ID)
		}
		h, err := decodeHandin(full)
		if err != nil {
			return nil, prefixed(path+".handin", err)
		}
		if err := c.AddHandin(name, h); err != nil {
			return nil, prefixed(path+".handin", errors.Unwrap(err))
		}
	}
	return c, nil
}

// Refuse records that the file name could not be used, for err (a file
// that could not even be read), as Add records a bad file.
func (c *Class) Refuse(name string, err error) { c.problem(name, err) }

// Files is the number of files added to c: those loaded (one per student,
// plus each student's other files, Duplicates) and those refused
// (Problems).
func (c *Class) Files() int { return len(c.entries) }

// WithAssignment returns the class of every file of c read again for a,
// an assignment of the same id (the teacher's copy, with the key, of a
// class opened on the students' copy).
func (c *Class) WithAssignment(a *Assignment) *Class {
	out := NewClass(a)
	for _, e := range c.entries {
		if e.handin != nil {
			_ = out.AddHandin(e.name, e.handin)
		} else {
			out.problem(e.name, errors.New(e.problem))
		}
	}
	return out
}
