package annotations

import (
	"bytes"
	"encoding/json"
	"strings"
)

// HasFormat reports whether data (with or without a byte order mark) is a
// JSON object whose "format" starts with family ("stancemark-handin/").
// Files Stancemark writes name their format first: a file whose first key
// names another format is told apart without reading the rest (a 20 MB
// export is not parsed just to learn it is not a hand-in). Otherwise the
// whole file must parse, as json.Unmarshal reads it.
func HasFormat(data []byte, family string) bool {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\uFEFF")))
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return false
	}
	sc := &scanner{data: trimmed}
	if sc.expect('{') {
		if key, ok := sc.str(); ok && key == "format" && sc.expect(':') {
			if f, ok := sc.str(); ok && !strings.HasPrefix(f, family) {
				return false
			}
		}
	}
	var head struct {
		Format string `json:"format"`
	}
	_ = json.Unmarshal(trimmed, &head) // not JSON: not of the family
	return strings.HasPrefix(head.Format, family)
}
