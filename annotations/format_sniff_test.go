package annotations

import "testing"

func TestHasFormat(t *testing.T) {
	for _, c := range []struct {
		data string
		want bool
	}{
		{`{"format": "stancemark-handin/v1", "work": {}}`, true},
		{"\uFEFF \n{\"format\":\"stancemark-handin/v2\"}", true},
		{`{"format": "stancemark/v1", "document": {"text": "cut off`, false},
		{`{"format": "stancemark-handin/v1", "work": {"cut off`, false},   // a broken file is not taken for its format
		{`{"work": {}, "format": "stancemark-handin/v1"}`, true},          // format not first: the whole object is read
		{`{"work": {}, "format": "stancemark-handin/v1", "x": [}`, false}, // …and must parse
		{`{"format": "stancemark-submission/v1"}`, false},
		{`["stancemark-handin/v1"]`, false},
		{``, false},
		{`{"format": 1}`, false},
	} {
		if got := HasFormat([]byte(c.data), "stancemark-handin/"); got != c.want {
			t.Errorf("HasFormat(%q) = %v, want %v", c.data, got, c.want)
		}
	}
}
