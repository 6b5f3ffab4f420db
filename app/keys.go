package app

import "strings"

// The keyboard: which key press is which command (commandFor), and
// carrying a command out (session.run).

// command is what a key press asks the annotator to do.
type command int

const (
	cmdNone command = iota
	cmdNext
	cmdPrev
	cmdFirst
	cmdLast
	cmdTag   // tag the selection with the label whose key was pressed
	cmdClear // remove the labels of the selection
	cmdNote  // move focus to the note field
	cmdUndo
	cmdRedo
	cmdExport
	cmdHelp
	cmdEscape
	cmdNextTask // a project's next task
	cmdPrevTask // a project's previous task
	cmdTaskDone // a project's task marked done, or not done again
	cmdCodebook // open or close a project's codebook
	cmdAccept   // the Adjudicate view: accept the majority label (adjudicate_commands.go)
	cmdReason   // the Adjudicate view: write the reason of a decision
)

// keyPress is a keydown event as the browser reports it.
type keyPress struct {
	Key                    string // KeyboardEvent.key
	Shift, Ctrl, Alt, Meta bool
}

// commandFor maps a key press to a command. extend reports that a movement
// keeps the anchor (shift held). Keys with Alt, and Ctrl/Meta combinations
// other than undo and redo, are left to the browser.
func commandFor(k keyPress) (cmd command, extend bool) {
	if k.Alt {
		return cmdNone, false
	}
	if k.Ctrl || k.Meta {
		switch strings.ToLower(k.Key) {
		case "z":
			if k.Shift {
				return cmdRedo, false
			}
			return cmdUndo, false
		case "y":
			return cmdRedo, false
		}
		return cmdNone, false
	}
	switch k.Key {
	case "j", "J", "ArrowDown", "ArrowRight":
		return cmdNext, k.Shift
	case "k", "K", "ArrowUp", "ArrowLeft":
		return cmdPrev, k.Shift
	case "Home":
		return cmdFirst, k.Shift
	case "End":
		return cmdLast, k.Shift
	case "1", "2", "3", "4", "5", "6", "7", "8", "9":
		return cmdTag, false
	case "0", "Backspace", "Delete":
		return cmdClear, false
	case "n", "N":
		return cmdNote, false
	case "u", "U":
		return cmdUndo, false
	case "e", "E":
		return cmdExport, false
	case "?":
		return cmdHelp, false
	case "Escape":
		return cmdEscape, false
	case "]":
		return cmdNextTask, false
	case "[":
		return cmdPrevTask, false
	case "g", "G":
		return cmdCodebook, false
	case "d", "D":
		return cmdTaskDone, false
	case "a", "A":
		return cmdAccept, false
	case "r", "R":
		return cmdReason, false
	}
	return cmdNone, false
}

// run carries out a keyboard command. key is the key pressed (for tags).
func (s *session) run(cmd command, extend bool, key string) {
	if s.overlay == overlayNewProject { // keys are the dialog's, not the article's behind it (project_new_commands.go)
		s.newProjectKey(cmd)
		return
	}
	if s.overlay == overlayTeacher { // the same for "make an assignment": a digit or u pressed on its sentence editor's buttons changes nothing behind it
		if cmd == cmdEscape {
			s.showTeacher(false)
		}
		return
	}
	if s.mode == modeAdjudicate {
		s.adjRun(cmd, key) // the Adjudicate view has its own meaning for the keys
		return
	}
	switch cmd {
	case cmdNext, cmdPrev, cmdFirst, cmdLast:
		s.move(cmd, extend)
		focusArticle() // screen readers follow aria-activedescendant from there
	case cmdTag:
		s.tagKey(key)
	case cmdClear:
		s.clear()
	case cmdNote:
		if hl, ok := s.highlight(); ok {
			// the field is enabled by the render that follows a tag: focus it after that
			s.refresh()
			if s.afterRender != nil {
				s.afterRender(func() { focusNote(hl.Note) })
			} else {
				focusNote(hl.Note)
			}
		} else {
			dropNoteTyping()
			s.fail("Select a highlighted sentence first: the note belongs to a highlight.")
		}
	case cmdUndo:
		s.undo()
	case cmdRedo:
		s.redo()
	case cmdExport:
		s.exportDownload()
	case cmdHelp:
		s.toggleHelp()
	case cmdEscape:
		if s.overlay == overlayHelp {
			s.showHelp(false)
			return
		}
		if s.menuOpen {
			s.toggleMenu()
			focus("menu-button")
			return
		}
		s.deselect()
	case cmdNextTask:
		s.moveTask(1)
	case cmdPrevTask:
		s.moveTask(-1)
	case cmdTaskDone:
		s.toggleDone()
	case cmdCodebook:
		if s.project != nil {
			toggleDetails("codebook")
		}
	}
}
