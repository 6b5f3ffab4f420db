package app

// run carries out a keyboard command. key is the key pressed (for tags).
func (s *session) run(cmd command, extend bool, key string) {
	switch cmd {
	case cmdNext, cmdPrev, cmdFirst, cmdLast:
		s.move(cmd, extend)
	case cmdTag:
		s.tagKey(key)
	case cmdClear:
		s.clear()
	case cmdNote:
		if _, ok := s.highlight(); ok {
			focus("note")
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
		s.help = !s.help
		s.refresh()
	case cmdEscape:
		if s.help {
			s.help = false
			s.refresh()
			return
		}
		s.deselect()
	}
}
