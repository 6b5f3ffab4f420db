package annotations

import (
	"encoding/json"
	"time"
)

// Annotation is a highlight: one contiguous run of sentences tagged with a
// label of a scheme, with an optional note. In JSON its times are UTC RFC
// 3339 with milliseconds, and Annotator is not written (an export names its
// annotator once).
type Annotation struct {
	ID          string    `json:"id"`
	SentenceIDs []string  `json:"sentences"` // one contiguous run, document order
	Label       string    `json:"label"`
	Note        string    `json:"note"`
	Annotator   string    `json:"-"`
	Created     time.Time `json:"created"`
	Modified    time.Time `json:"modified"`
}

// annotationWire is the JSON form of an Annotation.
type annotationWire struct {
	ID        string   `json:"id"`
	Sentences []string `json:"sentences"`
	Label     string   `json:"label"`
	Note      string   `json:"note"`
	Created   string   `json:"created"`
	Modified  string   `json:"modified"`
}

func (a Annotation) wire() annotationWire {
	ids := a.SentenceIDs
	if ids == nil {
		ids = []string{}
	}
	return annotationWire{
		ID: a.ID, Sentences: ids, Label: a.Label, Note: a.Note,
		Created: formatTime(a.Created), Modified: formatTime(a.Modified),
	}
}

func wireAnnotations(as []Annotation) []annotationWire {
	out := make([]annotationWire, len(as))
	for i, a := range as {
		out[i] = a.wire()
	}
	return out
}

// MarshalJSON writes a as {"id", "sentences", "label", "note", "created",
// "modified"} with times in UTC and exactly millisecond precision.
func (a Annotation) MarshalJSON() ([]byte, error) { return marshalNoEscape(a.wire()) }

// UnmarshalJSON reads a strictly: unknown fields, missing fields and times
// that are not RFC 3339 are errors (*ImportError) naming the field.
func (a *Annotation) UnmarshalJSON(data []byte) error {
	got, err := decodeAnnotation(data, "")
	if err != nil {
		return err
	}
	*a = got
	return nil
}

// annotationFields are the fields of an annotation in JSON.
var annotationFields = []string{"id", "sentences", "label", "note", "created", "modified"}

// decodeAnnotation reads one annotation at path.
func decodeAnnotation(raw json.RawMessage, path string) (Annotation, error) {
	var a Annotation
	o, err := decodeObject(raw, path)
	if err != nil {
		return a, err
	}
	if err := o.only("a highlight", annotationFields...); err != nil {
		return a, err
	}
	if err := o.str("id", true, &a.ID); err != nil {
		return a, err
	}
	items, err := o.list("sentences", true)
	if err != nil {
		return a, err
	}
	a.SentenceIDs = make([]string, len(items))
	for i, item := range items {
		if kindOf(item) != "text" {
			return a, typeErr(elemPath(fieldPath(path, "sentences"), i), "a sentence id like \"s1\"", item)
		}
		if err := json.Unmarshal(item, &a.SentenceIDs[i]); err != nil {
			return a, err
		}
	}
	if err := o.str("label", true, &a.Label); err != nil {
		return a, err
	}
	if err := o.str("note", false, &a.Note); err != nil {
		return a, err
	}
	if err := o.time("created", true, &a.Created); err != nil {
		return a, err
	}
	if err := o.time("modified", true, &a.Modified); err != nil {
		return a, err
	}
	return a, nil
}

// decodeAnnotations reads a list of annotations at path.
func decodeAnnotations(items []json.RawMessage, path string) ([]Annotation, error) {
	out := make([]Annotation, len(items))
	for i, item := range items {
		a, err := decodeAnnotation(item, elemPath(path, i))
		if err != nil {
			return nil, err
		}
		out[i] = a
	}
	return out, nil
}

// clone returns a copy of a that shares no memory with it.
func (a Annotation) clone() Annotation {
	a.SentenceIDs = append([]string(nil), a.SentenceIDs...)
	return a
}
