//go:build !wasm

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"stancemark/annotations"
)

// readJSONL reads an article JSONL: one JSON object per line, with the
// text (required), title and id fields of cols; the other fields become
// the article's metadata (text as it is, other values as JSON).
func (in *projectInputs) readJSONL(name string, cols columns) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("%s: %w", name, unwrapPath(err))
	}
	defer f.Close()
	br := bufio.NewReader(f)
	for line := 1; ; line++ {
		data, err := br.ReadBytes('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if line == 1 {
			data = bytes.TrimPrefix(data, []byte("\uFEFF"))
		}
		if len(bytes.TrimSpace(data)) > 0 {
			if err := in.jsonlLine(name, line, data, cols); err != nil {
				return err
			}
		}
		if err != nil { // io.EOF
			return nil
		}
	}
}

func (in *projectInputs) jsonlLine(name string, line int, data []byte, cols columns) error {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			_, col := annotations.LineColumn(data, int(se.Offset)-1)
			return fmt.Errorf("%s:%d:%d: invalid JSON: %v", name, line, col, se)
		}
		return fmt.Errorf("%s:%d: expected one JSON object per line (%v)", name, line, err)
	}
	if fields == nil {
		return fmt.Errorf("%s:%d: expected one JSON object per line, found null", name, line)
	}
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
	text, err := str(cols.text, false)
	if err != nil {
		return err
	}
	if _, ok := fields[cols.text]; !ok {
		return fmt.Errorf("%s:%d: no field %q; name the text field with -text-column", name, line, cols.text)
	}
	id, err := str(cols.id, true)
	if err != nil {
		return err
	}
	title, err := str(cols.title, false)
	if err != nil {
		return err
	}
	meta := map[string]string{}
	for k, raw := range fields {
		if k == cols.text || k == cols.title || string(raw) == "null" {
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
	return in.addRow(source, rowKey(name, id), id, strings.TrimSpace(title), text, meta,
		func(msg string) error { return fmt.Errorf("%s:%d: %q: %s", name, line, cols.text, msg) })
}
