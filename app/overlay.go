package app

// The modal dialogs: session.overlay says which one is open, and these are
// the only methods that change it (and open or close the <dialog>).

// show opens the dialog o, closing any other.
func (s *session) show(o overlay) {
	if s.overlay == o {
		return
	}
	if s.overlay != overlayNone {
		closeModal(s.overlay.dialogID())
	}
	s.overlay = o
	openModal(o.dialogID())
}

// hide closes the dialog o if it is the one open (a dialog's own "close"
// event calls it too, after Escape).
func (s *session) hide(o overlay) {
	if s.overlay != o {
		return
	}
	s.overlay = overlayNone
	closeModal(o.dialogID())
}

// showHelp opens or closes the keyboard help.
func (s *session) showHelp(open bool) {
	if open == (s.overlay == overlayHelp) {
		return
	}
	if open {
		s.show(overlayHelp)
	} else {
		s.hide(overlayHelp)
	}
	s.refresh()
}

// toggleHelp opens the keyboard help, or closes it when it is open.
func (s *session) toggleHelp() { s.showHelp(s.overlay != overlayHelp) }

// askStudentName opens the dialog that asks a student's name.
func (s *session) askStudentName() {
	s.show(overlayStudent)
	s.refresh()
}

// studentDialogClosed is the student dialog's "close" event.
func (s *session) studentDialogClosed() {
	s.hide(overlayStudent)
	s.refresh()
}
