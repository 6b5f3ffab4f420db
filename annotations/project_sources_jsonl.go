package annotations

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// jsonlLines calls fn with every non-blank line of the JSONL f and its
// 1-based number.
func jsonlLines(f ProjectFile, fn func(line int, data []byte) error) error {
	data := bytes.TrimPrefix(f.Data, []byte("\uFEFF"))
	for line := 1; len(data) > 0; line++ {
		l, rest, _ := bytes.Cut(data, []byte("\n"))
		data = rest
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		if err := fn(line, l); err != nil {
			return err
		}
	}
	return nil
}

// jsonlObject decodes one JSONL line as an object.
func jsonlObject(name string, line int, data []byte) (map[string]json.RawMessage, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			_, col := LineColumn(data, int(se.Offset)-1)
			return nil, fmt.Errorf("%s:%d:%d: invalid JSON: %v", name, line, col, se)
		}
		return nil, fmt.Errorf("%s:%d: expected one JSON object per line (%v)", name, line, err)
	}
	if fields == nil {
		return nil, fmt.Errorf("%s:%d: expected one JSON object per line, found null", name, line)
	}
	return fields, nil
}

// jsonlFields returns the fields of the JSONL f in first-seen order (over
// its lines, and in each line in the order written).
func jsonlFields(f ProjectFile) ([]string, error) {
	var cols []string
	err := jsonlLines(f, func(line int, data []byte) error {
		if _, err := jsonlObject(f.Name, line, data); err != nil {
			return err
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.Token() // {
		for dec.More() {
			t, err := dec.Token()
			if err != nil {
				return err
			}
			if k, ok := t.(string); ok && !slices.Contains(cols, k) {
				cols = append(cols, k)
			}
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return err
			}
		}
		return nil
	})
	return cols, err
}

// readJSONL reads an article JSONL: one JSON object per line, with the
// text (required), title and id fields of cols; the other fields become
// the article's metadata (text as it is, other values as JSON).
func (ps *ProjectSources) readJSONL(f ProjectFile, cols ProjectColumns) error {
	return jsonlLines(f, func(line int, data []byte) error {
		fields, err := jsonlObject(f.Name, line, data)
		if err != nil {
			return err
		}
		return ps.jsonlLine(f.Name, line, fields, cols)
	})
}

func (ps *ProjectSources) jsonlLine(name string, line int, fields map[string]json.RawMessage, cols ProjectColumns) error {
	str := func(field string, numberOK bool) (string, error) {
		raw, ok := fields[field]
		if !ok || string(raw) == "null" {
			return "", nil
		}
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s, nil
		}
		if numberOK && len(raw) > 0 && (raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9') {
			return string(raw), nil
		}
		return "", fmt.Errorf("%s:%d: %q: expected text, found %s", name, line, field, raw)
	}
	text, err := str(cols.Text, false)
	if err != nil {
		return err
	}
	if _, ok := fields[cols.Text]; !ok {
		return becausef(ErrNoTextColumn, "%s:%d: no field %q", name, line, cols.Text)
	}
	id, err := str(cols.ID, true)
	if err != nil {
		return err
	}
	title, err := str(cols.Title, false)
	if err != nil {
		return err
	}
	meta := map[string]string{}
	for k, raw := range fields {
		if k == cols.Text || k == cols.Title || string(raw) == "null" {
			continue
		}
		var s string
		if json.Unmarshal(raw, &s) != nil {
			var buf bytes.Buffer
			json.Compact(&buf, raw)
			s = buf.String()
		}
		if strings.TrimSpace(s) != "" {
			meta[k] = s
		}
	}
	source := fmt.Sprintf("%s:%d", name, line)
	id = strings.TrimSpace(id)
	return ps.addRow(source, rowKey(name, id), id, strings.TrimSpace(title), text, meta,
		func(msg string) error { return fmt.Errorf("%s:%d: %q: %s", name, line, cols.Text, msg) })
}
