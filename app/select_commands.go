package app

// The commands that move or change the selection: they never change the
// work, so they only repaint.

// clickSentence selects sentence i, or extends the selection to it (shift).
func (s *session) clickSentence(i int, extend bool) {
	if i < 0 || i >= len(s.doc.Sentences) {
		return
	}
	if extend || s.extend {
		s.sel = s.sel.extendTo(i)
	} else {
		s.sel = at(i)
	}
	s.refresh()
}

// selectRun selects sentences a to b, as a mouse text selection does.
func (s *session) selectRun(a, b int) {
	n := len(s.doc.Sentences)
	if a < 0 || b < 0 || a >= n || b >= n {
		return
	}
	s.sel = selection{a, b}
	s.refresh()
}

// move moves the cursor; extend keeps the anchor.
func (s *session) move(cmd command, extend bool) {
	n := len(s.doc.Sentences)
	switch cmd {
	case cmdNext:
		s.sel = s.sel.moved(1, n, extend)
	case cmdPrev:
		s.sel = s.sel.moved(-1, n, extend)
	case cmdFirst:
		s.sel = s.sel.moved(-n, n, extend)
	case cmdLast:
		s.sel = s.sel.moved(n, n, extend)
	}
	s.refresh()
}

// deselect clears the selection.
func (s *session) deselect() {
	s.sel = noSelection
	s.refresh()
}

// selectHighlight selects the sentences of a highlight and returns the id
// of its first sentence.
func (s *session) selectHighlight(id string) (firstSentence string, ok bool) {
	a, ok := s.ws.Annotation(id)
	if !ok || len(a.SentenceIDs) == 0 {
		return "", false
	}
	first := s.doc.SentenceIndex(a.SentenceIDs[0])
	last := s.doc.SentenceIndex(a.SentenceIDs[len(a.SentenceIDs)-1])
	s.sel = selection{last, first}
	s.refresh()
	return a.SentenceIDs[0], true
}

// toggleExtend turns the touch "extend" mode on or off.
// skipToArticle is the skip link: the keyboard focus goes to the article.
func (s *session) skipToArticle() { focus("sentences") }

// toggleMenu opens or closes the toolbar's menu (narrow screens).
func (s *session) toggleMenu() {
	s.menuOpen = !s.menuOpen
	s.refresh()
}

func (s *session) toggleExtend() {
	s.extend = !s.extend
	s.refresh()
}
