package app

import (
	"time"

	"stancemark/annotations"
)

// slicedOpenBytes is the size from which a plain-text article is
// segmented in slices (about 2,500 sentences); shorter ones take well under
// a frame budget's worth of seconds and open in one go.
const slicedOpenBytes = 256 << 10

// sliceBudget is how long one slice of segmenting may run before the page
// gets to paint (and take input) again.
var sliceBudget = 40 * time.Millisecond

// openSliced opens a long plain-text article without freezing the page:
// the text is segmented a few paragraphs at a time, each slice at most
// sliceBudget, with a frame painted between slices and a progress bar under
// the "Opening …" notice. Another open started meanwhile wins: this one
// stops at its next slice. A text that turns out to have no sentence, or
// too many, is opened with Open, which says what is wrong.
func (s *session) openSliced(name string, data []byte, p *annotations.SlicedParse) {
	seq := s.opening
	text := "Opening " + name + "…"
	var step func()
	step = func() {
		if seq != s.opening {
			return
		}
		start := time.Now()
		for !p.Step(4) {
			if time.Since(start) >= sliceBudget {
				done, total := p.Progress()
				s.msg = message{Kind: "info", Text: text, Done: done, Total: total}
				s.refresh()
				s.next(step)
				return
			}
		}
		doc, err := p.Document()
		if err != nil {
			s.openParsed(name, data)
			return
		}
		_, total := p.Progress()
		s.msg = message{Kind: "info", Text: text, Done: total, Total: total}
		s.refresh()
		s.next(func() {
			if seq == s.opening {
				s.openDocument(doc, "", name)
			}
		})
	}
	s.msg = message{Kind: "info", Text: text, Total: 1}
	s.refresh()
	s.next(step)
}
