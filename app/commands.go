package app

// run carries out a keyboard command. key is the key pressed (for tags).
func (s *session) run(cmd command, extend bool, key string) {
	switch cmd {
	case cmdNext, cmdPrev, cmdFirst, cmdLast:
		s.move(cmd, extend)
		focusArticle() // screen readers follow aria-activedescendant from there
	case cmdTag:
		s.tagKey(key)
	case cmdClear:
		s.clear()
	case cmdNote:
		if _, ok := s.highlight(); ok {
			// the field is enabled by the render that follows a tag: focus it after that
			s.refresh()
			if s.afterRender != nil {
				s.afterRender(func() { focus("note") })
			} else {
				focus("note")
			}
		} else {
			s.setError("Select a highlighted sentence first: the note belongs to a highlight.")
			s.refresh()
		}
	case cmdUndo:
		s.undo()
	case cmdRedo:
		s.redo()
	case cmdExport:
		exportDownload(s)
	case cmdHelp:
		s.showHelp(!s.help)
	case cmdEscape:
		if s.help {
			s.showHelp(false)
			return
		}
		s.deselect()
	}
}

// showHelp opens or closes the keyboard help as a modal dialog.
func (s *session) showHelp(open bool) {
	if s.help == open {
		return
	}
	s.help = open
	if open {
		openModal("help")
	} else {
		closeModal("help")
	}
	s.refresh()
}
