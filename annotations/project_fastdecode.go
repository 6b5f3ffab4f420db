package annotations

import (
	"encoding/json"
	"unicode/utf8"
)

// The fast path of ReadProject. The strict reader (project_decode.go) reads
// every value through encoding/json with its own path for each message,
// which scans each byte of a document's sentences about ten times: an
// FNC-1-sized project (10 MB, 25,000 tasks) takes seconds in WebAssembly.
// fastDecodeProject reads the same file in one pass: the documents, claims
// and tasks by hand, the small rest (scheme, codebook, options…) through
// the strict reader's own functions. It accepts less than the strict
// reader: on anything unusual (a syntax error, a duplicate key, null, a
// missing or unknown field, a number that is not a plain whole number, an
// empty list) it gives up and ReadProject reads the file again strictly,
// so every message stays the strict reader's. What it does accept it reads
// exactly as the strict reader does (TestProjectFastDecodeAgrees,
// FuzzProjectFastDecode).

// fastDecodeProject reads a project, or reports that the strict reader
// must (ok false). It does not validate the project.
func fastDecodeProject(data []byte) (p *Project, ok bool) {
	if !utf8.Valid(data) {
		return nil, false
	}
	sc := &scanner{data: data}
	o := &jsonObject{fields: map[string]json.RawMessage{}}
	var lists projectLists
	ok = sc.object(func(key string) bool {
		if _, dup := o.fields[key]; dup {
			return false
		}
		o.fields[key] = json.RawMessage("[]") // the lists' names, for o.only
		switch key {
		case "documents":
			return sc.nonEmptyArray(func() bool { return sc.document(&lists.documents) })
		case "claims":
			return sc.nonEmptyArray(func() bool { return sc.claim(&lists.claims) })
		case "tasks":
			return sc.nonEmptyArray(func() bool { return sc.task(&lists.tasks) })
		}
		raw, ok := sc.skip()
		o.fields[key] = raw
		return ok
	})
	if !ok || !sc.end() {
		return nil, false
	}
	var format string
	if o.str("format", true, &format) != nil || checkProjectFormat(format) != nil || o.only("a project", projectFields...) != nil {
		return nil, false
	}
	if _, ok := o.fields["documents"]; !ok {
		return nil, false
	}
	if _, ok := o.fields["claims"]; !ok {
		return nil, false
	}
	if _, ok := o.fields["tasks"]; !ok {
		return nil, false
	}
	p, err := decodeProjectFields(o, &lists)
	return p, err == nil
}

// projectLists are the lists fastDecodeProject reads by hand.
type projectLists struct {
	documents []ProjectDocument
	claims    []Claim
	tasks     []Task
}

// scanner reads JSON from data at i; every method reports false on
// anything it does not read (the caller then gives up).
type scanner struct {
	data   []byte
	i      int
	intern map[string]string // texts that recur (a task's document and claim ids, sentence ids): one copy each
}

func (s *scanner) ws() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// end reports whether only whitespace is left.
func (s *scanner) end() bool {
	s.ws()
	return s.i == len(s.data)
}

// peek is the next byte after whitespace (0 at the end).
func (s *scanner) peek() byte {
	s.ws()
	if s.i == len(s.data) {
		return 0
	}
	return s.data[s.i]
}

func (s *scanner) expect(c byte) bool {
	if s.peek() != c {
		return false
	}
	s.i++
	return true
}

// object reads an object, calling field with each key, positioned at its
// value (which field must read).
func (s *scanner) object(field func(key string) bool) bool {
	if !s.expect('{') {
		return false
	}
	if s.peek() == '}' {
		s.i++
		return true
	}
	for {
		key, ok := s.str()
		if !ok || !s.expect(':') || !field(key) {
			return false
		}
		switch s.peek() {
		case ',':
			s.i++
		case '}':
			s.i++
			return true
		default:
			return false
		}
	}
}

// nonEmptyArray reads an array of at least one element, each read by elem.
func (s *scanner) nonEmptyArray(elem func() bool) bool {
	return s.expect('[') && s.nonEmptyArray2(elem)
}

// nonEmptyArray2 reads the elements of an array whose [ is read.
func (s *scanner) nonEmptyArray2(elem func() bool) bool {
	for {
		if !elem() {
			return false
		}
		switch s.peek() {
		case ',':
			s.i++
		case ']':
			s.i++
			return true
		default:
			return false
		}
	}
}

// str reads a string. One without escapes is its bytes (the file is valid
// UTF-8); one with escapes goes through encoding/json.
func (s *scanner) str() (string, bool) {
	if !s.expect('"') {
		return "", false
	}
	start, escaped := s.i, false
	for s.i < len(s.data) {
		switch c := s.data[s.i]; {
		case c == '"':
			s.i++
			if !escaped {
				return string(s.data[start : s.i-1]), true
			}
			var v string
			if json.Unmarshal(s.data[start-1:s.i], &v) != nil {
				return "", false
			}
			return v, true
		case c == '\\':
			escaped = true
			s.i += 2
		case c < 0x20:
			return "", false
		default:
			s.i++
		}
	}
	return "", false
}

// whole reads a whole number of 0 or more without sign, fraction or
// exponent, of at most 15 digits.
func (s *scanner) whole() (int, bool) {
	s.ws()
	start, n := s.i, 0
	for s.i < len(s.data) && s.data[s.i] >= '0' && s.data[s.i] <= '9' {
		n = n*10 + int(s.data[s.i]-'0')
		s.i++
	}
	digits := s.i - start
	if digits == 0 || digits > 15 || (digits > 1 && s.data[start] == '0') {
		return 0, false
	}
	if s.i < len(s.data) {
		switch s.data[s.i] {
		case '.', 'e', 'E':
			return 0, false
		}
	}
	return n, true
}

// skip reads any value and returns its bytes; encoding/json checks them
// when they are decoded.
func (s *scanner) skip() (json.RawMessage, bool) {
	s.ws()
	start := s.i
	if !s.skipValue(0) {
		return nil, false
	}
	return json.RawMessage(s.data[start:s.i]), true
}

func (s *scanner) skipValue(depth int) bool {
	if depth > 64 {
		return false
	}
	switch s.peek() {
	case '"':
		_, ok := s.str()
		return ok
	case '{':
		return s.object(func(string) bool { return s.skipValue(depth + 1) })
	case '[':
		s.i++
		if s.peek() == ']' {
			s.i++
			return true
		}
		return s.nonEmptyArray2(func() bool { return s.skipValue(depth + 1) })
	}
	start := s.i // a number or a literal: up to the next delimiter
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r', ':', '"', '{', '[':
			return s.i > start
		}
		s.i++
	}
	return s.i > start
}

// fields reads an object whose keys are among names (each at most once,
// all of the required mask present): each value by read(index of the key).
func (s *scanner) fields(names []string, required uint, read func(int) bool) bool {
	var seen uint
	ok := s.object(func(key string) bool {
		for i, n := range names {
			if n == key {
				if seen&(1<<i) != 0 {
					return false
				}
				seen |= 1 << i
				return read(i)
			}
		}
		return false
	})
	return ok && seen&required == required
}

// internTo reads a string that recurs into dst, sharing one copy (looked
// up before a copy is made).
func (s *scanner) internTo(dst *string) bool {
	if s.peek() != '"' {
		return false
	}
	start, end := s.i+1, s.i+1
	for end < len(s.data) && s.data[end] != '"' && s.data[end] != '\\' && s.data[end] >= 0x20 {
		end++
	}
	if end == len(s.data) || s.data[end] != '"' {
		return s.strTo(dst) // escapes: read as any string
	}
	v, ok := s.intern[string(s.data[start:end])]
	if !ok {
		v = string(s.data[start:end])
		if s.intern == nil {
			s.intern = map[string]string{}
		}
		s.intern[v] = v
	}
	*dst, s.i = v, end+1
	return true
}

// strTo reads a string into dst.
func (s *scanner) strTo(dst *string) bool {
	v, ok := s.str()
	*dst = v
	return ok
}

var (
	documentKeys = []string{"id", "title", "text", "sentences", "source", "meta"}
	sentenceKeys = []string{"id", "paragraph", "start", "end"}
	claimKeys    = []string{"id", "text"}
	taskKeys     = []string{"id", "document", "claim", "reference"}
)

func (s *scanner) document(docs *[]ProjectDocument) bool {
	var d ProjectDocument
	ok := s.fields(documentKeys, 1<<0|1<<2|1<<3, func(k int) bool {
		switch k {
		case 0:
			return s.strTo(&d.ID)
		case 1:
			return s.strTo(&d.Title)
		case 2:
			return s.strTo(&d.Text)
		case 3:
			return s.nonEmptyArray(func() bool { return s.sentence(&d.Sentences) })
		case 4:
			return s.strTo(&d.Source)
		}
		return s.meta(&d.Meta)
	})
	*docs = append(*docs, d)
	return ok
}

func (s *scanner) sentence(out *[]ExportSentence) bool {
	var e ExportSentence
	ok := s.fields(sentenceKeys, 1<<4-1, func(k int) bool {
		if k == 0 {
			return s.internTo(&e.ID)
		}
		n, ok := s.whole()
		switch k {
		case 1:
			e.Paragraph = n
		case 2:
			e.Start = n
		default:
			e.End = n
		}
		return ok
	})
	*out = append(*out, e)
	return ok
}

// meta reads a non-empty object of texts (an empty one is left to the
// strict reader, which reads it as none).
func (s *scanner) meta(dst *map[string]string) bool {
	m := map[string]string{}
	ok := s.object(func(key string) bool {
		if _, dup := m[key]; dup {
			return false
		}
		v, ok := s.str()
		m[key] = v
		return ok
	})
	*dst = m
	return ok && len(m) > 0
}

func (s *scanner) claim(out *[]Claim) bool {
	var c Claim
	ok := s.fields(claimKeys, 1<<2-1, func(k int) bool {
		if k == 0 {
			return s.strTo(&c.ID)
		}
		return s.strTo(&c.Text)
	})
	*out = append(*out, c)
	return ok
}

func (s *scanner) task(out *[]Task) bool {
	var t Task
	ok := s.fields(taskKeys, 1<<3-1, func(k int) bool {
		switch k {
		case 0:
			return s.strTo(&t.ID)
		case 1:
			return s.internTo(&t.Document)
		case 2:
			return s.internTo(&t.Claim)
		}
		return s.internTo(&t.Reference)
	})
	*out = append(*out, t)
	return ok
}
