package app

// selection is the reader's current run of sentences: the anchor is where it
// started (click, first key press), the focus is the keyboard cursor. Both are
// sentence indexes; -1 means nothing is selected.
type selection struct {
	anchor, focus int
}

// noSelection is the empty selection.
var noSelection = selection{-1, -1}

// empty reports whether nothing is selected.
func (s selection) empty() bool { return s.focus < 0 }

// bounds returns the first and last selected sentence indexes.
func (s selection) bounds() (first, last int) {
	if s.anchor < s.focus {
		return s.anchor, s.focus
	}
	return s.focus, s.anchor
}

// contains reports whether sentence i is selected.
func (s selection) contains(i int) bool {
	if s.empty() {
		return false
	}
	a, b := s.bounds()
	return i >= a && i <= b
}

// at selects only sentence i.
func at(i int) selection { return selection{i, i} }

// extendTo keeps the anchor and moves the focus to i; with nothing selected
// it selects i alone.
func (s selection) extendTo(i int) selection {
	if s.empty() {
		return at(i)
	}
	return selection{s.anchor, i}
}

// moved moves the cursor by delta within n sentences; extend keeps the
// anchor (shift), otherwise the selection collapses to the new cursor. With
// nothing selected, moving forward starts at the first sentence and moving
// back at the last.
func (s selection) moved(delta, n int, extend bool) selection {
	if n == 0 {
		return noSelection
	}
	if s.empty() {
		if delta >= 0 {
			return at(0)
		}
		return at(n - 1)
	}
	f := min(max(s.focus+delta, 0), n-1)
	if extend {
		return selection{s.anchor, f}
	}
	return at(f)
}
