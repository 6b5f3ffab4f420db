package annotations

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// This file is the strict JSON reader behind ReadExport, Export.UnmarshalJSON,
// Annotation.UnmarshalJSON and RestoreWorkspace. It walks the JSON value by
// hand so that every error names its field by its JSON path.

// checkSyntax checks that data is one JSON value and returns an
// *ImportError with the line and column of the first syntax error.
func checkSyntax(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return &ImportError{Err: ErrEmptyFile}
	}
	if err := checkUTF8(data); err != nil {
		return err
	}
	var raw json.RawMessage
	err := json.Unmarshal(data, &raw)
	if err == nil {
		return nil
	}
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return &ImportError{Err: because("invalid JSON: "+err.Error(), ErrSyntax)}
	}
	pos := int(se.Offset) - 1
	msg := se.Error()
	switch {
	case strings.Contains(msg, "unexpected end of JSON input"):
		pos = len(data)
		msg = "the file ends too early; it may be cut off"
	case strings.Contains(msg, "after top-level value"):
		msg = "there is more text after the end of the JSON data"
	case pos <= len(data)-len(bytes.TrimLeft(data, " \t\r\n")):
		msg = "this file is not JSON; a Stancemark file starts with {"
	case strings.Contains(msg, "exceeded max depth"):
		msg = "the data is nested too deeply (more than 10,000 levels)"
	default:
		msg = wholeCharacter(msg, data, pos)
		for _, word := range []string{"NaN", "Infinity", "-Infinity"} {
			if pos >= 0 && pos < len(data) && bytes.HasPrefix(data[pos:], []byte(word)) {
				msg = word + " is not a number JSON allows; write a number in digits"
			}
		}
	}
	line, col := LineColumn(data, pos)
	return &ImportError{Line: line, Column: col, Err: because("invalid JSON: "+msg, ErrSyntax)}
}

// checkUTF8 returns an *ImportError wrapping ErrEncoding when data is not
// UTF-8 text: JSON text is UTF-8, and decoding anything else would replace
// characters silently.
func checkUTF8(data []byte) error {
	if utf8.Valid(data) && bytes.IndexByte(data, 0) < 0 {
		return nil
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return &ImportError{Err: because("the file is UTF-16 text; save it as UTF-8 and try again", ErrEncoding)}
	}
	if r, n := utf8.DecodeRune(data); r == utf8.RuneError && n <= 1 || bytes.IndexByte(data, 0) >= 0 {
		return &ImportError{Err: because("this is not a text file; a Stancemark file is JSON text", ErrEncoding, ErrFormat)}
	}
	pos := 0
	for pos < len(data) {
		r, n := utf8.DecodeRune(data[pos:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		pos += n
	}
	line, col := LineColumn(data, pos)
	return &ImportError{Line: line, Column: col, Err: because("the file is not UTF-8 text (was it saved in another encoding, such as Windows-1252?)", ErrEncoding)}
}

// LineColumn returns the 1-based line and column (in characters) of byte
// offset pos in data, as an ImportError counts them; pos is clamped to
// data. The CLI uses it to place the errors of encoding/json.
func LineColumn(data []byte, pos int) (line, col int) {
	pos = max(0, min(pos, len(data)))
	line, col = 1, 1
	for _, r := range string(data[:pos]) {
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

// object is a JSON object being read field by field.
type jsonObject struct {
	path   string
	fields map[string]json.RawMessage
}

// kindOf names the kind of a JSON value for a message.
func kindOf(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case '"':
		return "text"
	case 't', 'f':
		return "true or false"
	case 'n':
		return "null"
	}
	return "a number"
}

func typeErr(path, want string, raw json.RawMessage) error {
	return fieldErrf(path, ErrBadValue, "expected %s, found %s", want, kindOf(raw))
}

func fieldPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func elemPath(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// decodeObject reads raw as a JSON object.
func decodeObject(raw json.RawMessage, path string) (*jsonObject, error) {
	if kindOf(raw) != "an object" {
		return nil, typeErr(path, "an object", raw)
	}
	o := &jsonObject{path: path}
	if err := json.Unmarshal(raw, &o.fields); err != nil {
		return nil, fieldErr(path, because("invalid JSON: "+err.Error(), ErrSyntax))
	}
	return o, nil
}

// only returns an error naming the first field (in sorted order) that is not
// in allowed. what names the object in the message ("a highlight").
func (o *jsonObject) only(what string, allowed ...string) error {
	var unknown []string
	for k := range o.fields {
		if !slices.Contains(allowed, k) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	slices.Sort(unknown)
	return fieldErrf(fieldPath(o.path, unknown[0]), ErrUnknownField,
		"unknown field (%s has %s)", what, strings.Join(allowed, ", "))
}

// field returns the raw value of name; a missing required field is an error.
func (o *jsonObject) field(name string, required bool) (json.RawMessage, bool, error) {
	raw, ok := o.fields[name]
	if !ok && required {
		return nil, false, fieldErrf(fieldPath(o.path, name), ErrMissingField, "missing")
	}
	return raw, ok, nil
}

func (o *jsonObject) str(name string, required bool, dst *string) error {
	raw, ok, err := o.field(name, required)
	if !ok {
		return err
	}
	if kindOf(raw) != "text" {
		return typeErr(fieldPath(o.path, name), "text", raw)
	}
	return json.Unmarshal(raw, dst)
}

func (o *jsonObject) int(name string, required bool, dst *int) error {
	raw, ok, err := o.field(name, required)
	if !ok {
		return err
	}
	if kindOf(raw) != "a number" {
		return typeErr(fieldPath(o.path, name), "a whole number", raw)
	}
	var n int
	if err := json.Unmarshal(raw, &n); err != nil || n < 0 {
		return fieldErrf(fieldPath(o.path, name), ErrBadValue, "expected a whole number of 0 or more, found %s", bytes.TrimSpace(raw))
	}
	*dst = n
	return nil
}

func (o *jsonObject) time(name string, required bool, dst *time.Time) error {
	var s string
	if err := o.str(name, required, &s); err != nil {
		return err
	}
	if _, ok := o.fields[name]; !ok {
		return nil
	}
	t, err := parseTime(s)
	if err != nil {
		return fieldErr(fieldPath(o.path, name), err)
	}
	*dst = t
	return nil
}

func (o *jsonObject) list(name string, required bool) ([]json.RawMessage, error) {
	raw, ok, err := o.field(name, required)
	if !ok {
		return nil, err
	}
	if kindOf(raw) != "a list" {
		return nil, typeErr(fieldPath(o.path, name), "a list", raw)
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, fieldErr(fieldPath(o.path, name), because("invalid JSON: "+err.Error(), ErrSyntax))
	}
	return items, nil
}

func (o *jsonObject) object(name string, required bool) (*jsonObject, error) {
	raw, ok, err := o.field(name, required)
	if !ok {
		return nil, err
	}
	return decodeObject(raw, fieldPath(o.path, name))
}

// timeLayout is how times are written: UTC, exactly millisecond precision.
const timeLayout = "2006-01-02T15:04:05.000Z"

// formatTime formats t as UTC RFC 3339 with milliseconds.
func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

// parseTime parses any RFC 3339 time, returned in UTC and truncated to
// milliseconds.
func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, becausef(ErrBadTime, "%q is not an RFC 3339 time", s)
	}
	t = t.UTC().Truncate(time.Millisecond)
	if t.Year() < 1 || t.Year() > 9999 {
		return time.Time{}, becausef(ErrBadTime, "%q is outside the years 1 to 9999", s)
	}
	return t, nil
}

// checkFormat checks a "format" value against want ("stancemark/v1").
func checkFormat(got, want string) error { return checkFormatNamed(got, want, formatNoun(want)) }

// checkFormatNamed checks a "format" value against want
// ("stancemark-gold/v1"); noun names the file in messages ("gold file").
func checkFormatNamed(got, want, noun string) error {
	family := want[:strings.LastIndex(want, "/v")+2]
	switch {
	case got == want:
		return nil
	case got == "":
		return fieldErr("format", because("missing; this is not a Stancemark "+noun, ErrMissingField, ErrFormat))
	case strings.HasPrefix(got, family):
		return fieldErr("format", because(fmt.Sprintf("%q is not supported; this version of Stancemark reads %s (was the file made by a newer Stancemark?)", got, want), ErrUnsupportedVersion))
	case strings.HasPrefix(got, "stancemark"):
		return fieldErr("format", because(fmt.Sprintf("this is a %q file, not a Stancemark %s (%s)", got, noun, want), ErrFormat))
	}
	return fieldErr("format", because(fmt.Sprintf("%q: this is not a Stancemark %s", got, noun), ErrFormat))
}

// decodeFile reads data (valid JSON) as the top-level object of a
// Stancemark file, the first steps of every strict reader: data must be an
// object (noun names the file when it is not: "gold file"), its optional
// "format" must pass check, and its fields must be among allowed (what
// names the object: "a gold file"). It returns the object and its format.
func decodeFile(data []byte, noun string, check func(string) error, what string, allowed []string) (*jsonObject, string, error) {
	raw := json.RawMessage(data)
	if kindOf(raw) != "an object" {
		return nil, "", &ImportError{Err: because(fmt.Sprintf("this is not a Stancemark %s (the file holds %s, not an object)", noun, kindOf(raw)), ErrFormat)}
	}
	o, err := decodeObject(raw, "")
	if err != nil {
		return nil, "", err
	}
	var format string
	if err := o.str("format", false, &format); err != nil {
		return nil, "", err
	}
	if err := check(format); err != nil {
		return nil, "", err
	}
	if err := o.only(what, allowed...); err != nil {
		return nil, "", err
	}
	return o, format, nil
}

// decodeSentences reads the required list "sentences" of o: objects with
// an id, a paragraph, a start and an end. On an error it returns the
// sentences read before it.
func decodeSentences(o *jsonObject) ([]ExportSentence, error) {
	var sentences []ExportSentence
	_, err := objects(o, "sentences", true, "a sentence", []string{"id", "paragraph", "start", "end"}, func(_ int, so *jsonObject) error {
		var s ExportSentence
		if err := so.str("id", true, &s.ID); err != nil {
			return err
		}
		for _, f := range []struct {
			name string
			dst  *int
		}{{"paragraph", &s.Paragraph}, {"start", &s.Start}, {"end", &s.End}} {
			if err := so.int(f.name, true, f.dst); err != nil {
				return err
			}
		}
		sentences = append(sentences, s)
		return nil
	})
	return sentences, err
}

func formatNoun(format string) string {
	if format == StateFormatV1 {
		return "saved state"
	}
	return "export"
}

// wholeCharacter rewrites encoding/json's "invalid character 'Ã' ..." (it
// names one byte) to name the whole character found at pos ('é').
func wholeCharacter(msg string, data []byte, pos int) string {
	const prefix = "invalid character '"
	if !strings.HasPrefix(msg, prefix) || pos < 0 || pos >= len(data) || data[pos] < utf8.RuneSelf {
		return msg
	}
	i := strings.Index(msg[len(prefix):], "' ")
	if i < 0 {
		return msg
	}
	r, _ := utf8.DecodeRune(data[pos:])
	return prefix + string(r) + msg[len(prefix)+i:]
}
