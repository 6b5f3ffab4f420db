package annotations

import (
	"errors"
	"strings"
)

// SlicedParse segments a long plain-text article a few paragraphs at a
// time, so that a caller on a UI thread can let the page paint (and show
// its progress) between slices. The Document it ends with is the one
// ParseFile returns for the same file. Build one with OpenSliced.
type SlicedParse struct {
	d        *Document
	parts    []string // the paragraphs' texts
	next     int      // the next paragraph to segment
	byteBase int      // byte offset of paragraph next in d.Text
}

// OpenSliced returns a SlicedParse when Open would read data as a
// plain-text article (by its name, or sniffed) that it accepts; otherwise
// false, and the caller uses Open, which says what is wrong.
func OpenSliced(name string, data []byte) (*SlicedParse, bool) {
	if len(data) > MaxImportBytes || openedKindOf(data) != OpenedDocument {
		return nil, false
	}
	src, err := decodeArticleBytes(data)
	if err != nil || strings.TrimFunc(src, isSpace) == "" {
		return nil, false
	}
	kind, ok := fileKindByName(name)
	if !ok {
		if t := strings.TrimFunc(src, isSpace); t[0] == '{' || t[0] == '[' {
			return nil, false // perhaps JSON: Open says so
		}
		kind = SniffFileKind(src)
	}
	if kind != PlainTextFile {
		return nil, false
	}
	// the title as ParsePlainText takes it: the first non-blank line
	rest := normalizeNewlines(src)
	for rest != "" {
		line, after, _ := strings.Cut(rest, "\n")
		rest = after
		if title := trimSpace(line); title != "" {
			text, paras, parts := canonicalize(rest)
			d := &Document{ID: DocumentID(text), Title: title, Text: text, Paragraphs: paras, Segmenter: CurrentSegmenter, index: map[string]int{}}
			return &SlicedParse{d: d, parts: parts}, true
		}
	}
	return nil, false
}

// Step segments up to n more paragraphs and reports whether every
// paragraph is done.
func (p *SlicedParse) Step(n int) bool {
	end := min(p.next+n, len(p.parts))
	if p.next < end {
		// segmentDocument on this slice alone, then moved into place
		part := &Document{Paragraphs: p.d.Paragraphs[p.next:end]}
		segmentDocument(part, p.parts[p.next:end], p.d.Segmenter)
		base := len(p.d.Sentences)
		if p.next > 0 {
			p.byteBase += 2 // "\n\n" before this slice's first paragraph
		}
		for i, s := range part.Sentences {
			s.ID = sentenceID(base + i)
			s.Paragraph += p.next
			p.d.Sentences = append(p.d.Sentences, s)
			p.d.index[s.ID] = base + i
			p.d.byteStart = append(p.d.byteStart, p.byteBase+part.byteStart[i])
			p.d.byteEnd = append(p.d.byteEnd, p.byteBase+part.byteEnd[i])
		}
		for _, t := range p.parts[p.next:end] {
			p.byteBase += len(t)
		}
		p.byteBase += 2 * (end - p.next - 1)
		p.next = end
	}
	return p.next >= len(p.parts)
}

// Progress is how many paragraphs are segmented, of how many.
func (p *SlicedParse) Progress() (done, total int) { return p.next, len(p.parts) }

// Sentences is how many sentences are found so far.
func (p *SlicedParse) Sentences() int { return len(p.d.Sentences) }

// Document is the segmented article once Step has reported done. Its
// errors are NewDocument's (ErrEmptyDocument, ErrTooManySentences); a
// caller that wants Open's message for them opens the file with Open.
func (p *SlicedParse) Document() (*Document, error) {
	if p.next < len(p.parts) {
		return nil, errors.New("the article is not segmented yet")
	}
	if len(p.d.Sentences) == 0 {
		return nil, ErrEmptyDocument
	}
	if err := checkSentenceCount(len(p.d.Sentences)); err != nil {
		return nil, err
	}
	return p.d, nil
}
