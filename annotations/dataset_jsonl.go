package annotations

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
	"strings"
)

// WriteDatasetRows writes rows as JSON Lines: one compact JSON object per
// line, its keys in the row struct's order (the JSON Schema's), text
// exactly as it is (no HTML escaping), each line ending in "\n".
func WriteDatasetRows[T any](w io.Writer, rows []T) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range rows {
		if err := enc.Encode(&rows[i]); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// ReadDatasetRows reads a table of the dataset written by WriteDatasetRows
// (T is AnnotationRow, GoldRow, DocumentRow or ClaimRow). It is strict: each
// line is one JSON object with exactly T's keys, a null only where the
// schema allows one, and values of the column's type; the first problem is
// an *ImportError naming the line and the key (`line 3: "label": missing`).
// An empty line is refused; the last line may lack its "\n".
func ReadDatasetRows[T any](r io.Reader) ([]T, error) {
	cols := datasetColumns(reflect.TypeFor[T]())
	order := DatasetColumnNames(reflect.TypeFor[T]())
	var rows []T
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), MaxExportBytes)
	for n := 1; sc.Scan(); n++ {
		at := fmt.Sprintf("line %d", n)
		line := sc.Bytes()
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(line, &obj); err != nil || obj == nil {
			switch raw := json.RawMessage(line); {
			case len(bytes.TrimSpace(line)) == 0:
				return nil, fieldErrf(at, ErrSyntax, "an empty line; each line is one row")
			case !json.Valid(line):
				return nil, fieldErrf(at, ErrSyntax, "invalid JSON (each line is one JSON object)")
			default:
				return nil, fieldErrf(at, ErrSyntax, "the line holds %s, not a JSON object", kindOf(raw))
			}
		}
		for _, k := range slices.Sorted(maps.Keys(obj)) {
			if _, ok := cols[k]; !ok {
				return nil, fieldErrf(at, ErrUnknownField, "%q: unknown column (the table has %s)", k, columnList(reflect.TypeFor[T]()))
			}
		}
		for _, k := range order {
			nullable := cols[k]
			raw, ok := obj[k]
			switch {
			case !ok:
				return nil, fieldErrf(at, ErrMissingField, "%q: missing", k)
			case !nullable && string(raw) == "null":
				return nil, fieldErrf(at, ErrBadValue, "%q: null, but this column always has a value", k)
			}
		}
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		var row T
		if err := dec.Decode(&row); err != nil {
			var te *json.UnmarshalTypeError
			if errors.As(err, &te) {
				return nil, fieldErrf(at, ErrBadValue, "%q: %s where the column holds %s", te.Field, te.Value, jsonKind(te.Type))
			}
			return nil, fieldErrf(at, ErrBadValue, "%s", strings.TrimPrefix(err.Error(), "json: "))
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, becausef(ErrTooLarge, "a line is longer than %d bytes", MaxExportBytes)
		}
		return nil, err
	}
	return rows, nil
}

// datasetColumns returns the JSON keys of a row struct and whether each
// may be null (a pointer field).
func datasetColumns(t reflect.Type) map[string]bool {
	cols := make(map[string]bool, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		cols[strings.Split(f.Tag.Get("json"), ",")[0]] = f.Type.Kind() == reflect.Pointer
	}
	return cols
}

// DatasetColumnNames returns the columns of a row struct, in order.
func DatasetColumnNames(t reflect.Type) []string {
	names := make([]string, t.NumField())
	for i := range t.NumField() {
		names[i] = strings.Split(t.Field(i).Tag.Get("json"), ",")[0]
	}
	return names
}

func columnList(t reflect.Type) string { return strings.Join(DatasetColumnNames(t), ", ") }

// jsonKind names the JSON type of a Go type for a message.
func jsonKind(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int64:
		return "an integer"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return "an array"
	case reflect.Struct:
		return "an object"
	}
	return t.String()
}
