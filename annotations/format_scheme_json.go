package annotations

import "encoding/json"

// schemeFields and labelFields are the fields of a scheme and a label in JSON.
var (
	schemeFields = []string{"id", "name", "target", "labels"}
	labelFields  = []string{"id", "name", "key", "color", "description"}
)

// decodeScheme reads a scheme at path strictly (it does not Validate it).
func decodeScheme(o *jsonObject) (Scheme, error) {
	var s Scheme
	if err := o.only("a scheme", schemeFields...); err != nil {
		return s, err
	}
	if err := o.str("id", true, &s.ID); err != nil {
		return s, err
	}
	if err := o.str("name", true, &s.Name); err != nil {
		return s, err
	}
	if err := o.str("target", false, &s.Target); err != nil {
		return s, err
	}
	items, err := o.list("labels", true)
	if err != nil {
		return s, err
	}
	s.Labels = make([]Label, len(items))
	for i, item := range items {
		lo, err := decodeObject(item, elemPath(fieldPath(o.path, "labels"), i))
		if err != nil {
			return s, err
		}
		if err := decodeLabel(lo, &s.Labels[i]); err != nil {
			return s, err
		}
	}
	return s, nil
}

func decodeLabel(o *jsonObject, l *Label) error {
	if err := o.only("a label", labelFields...); err != nil {
		return err
	}
	for _, f := range []struct {
		name     string
		required bool
		dst      *string
	}{
		{"id", true, &l.ID}, {"name", true, &l.Name}, {"key", true, &l.Key},
		{"color", true, &l.Color}, {"description", false, &l.Description},
	} {
		if err := o.str(f.name, f.required, f.dst); err != nil {
			return err
		}
	}
	return nil
}

// UnmarshalJSON reads s strictly: unknown and missing fields are errors
// naming the field. It does not Validate s.
func (s *Scheme) UnmarshalJSON(data []byte) error {
	o, err := decodeObject(json.RawMessage(data), "")
	if err != nil {
		return err
	}
	got, err := decodeScheme(o)
	if err != nil {
		return err
	}
	*s = got
	return nil
}
