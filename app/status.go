package app

// What the page is showing, as enums a reader can search for: which view
// fills the page, which modal dialog is open, whether the work is stored,
// and the notice for the reader.

// viewMode is what fills the page.
type viewMode int

const (
	modeAnnotate   viewMode = iota // the article
	modeDashboard                  // the teacher's class dashboard
	modeAdjudicate                 // the Adjudicate view: gold labels from several annotators' work (adjudicate_*.go)
)

// overlay is the modal dialog that is open: at most one at a time.
type overlay int

const (
	overlayNone       overlay = iota
	overlayHelp               // the keyboard shortcuts (dialog#help)
	overlayLibrary            // the documents (dialog#library)
	overlayStudent            // a student's name, asked once (dialog#student-dialog)
	overlayTeacher            // making an assignment (dialog#assignment-dialog)
	overlayNewProject         // making a research project (dialog#new-project); project_new_dialog.go
	overlayBoundaries         // fixing sentence boundaries (dialog#boundary-dialog; boundary_edit.go)
)

// dialogID is the id of the overlay's <dialog> element.
func (o overlay) dialogID() string {
	switch o {
	case overlayHelp:
		return "help"
	case overlayLibrary:
		return "library"
	case overlayStudent:
		return "student-dialog"
	case overlayTeacher:
		return "assignment-dialog"
	case overlayNewProject:
		return "new-project"
	case overlayBoundaries:
		return "boundary-dialog"
	}
	return ""
}

// saveState says whether the work on screen is safely stored.
type saveState int

const (
	saveClean   saveState = iota // nothing changed yet
	saveSaving                   // a change waits to be saved after the next paint
	saveOK                       // every change is in localStorage
	saveFailed                   // the last change is only in memory
	saveBlocked                  // saved work could not be read nor backed up: nothing is saved over it
)

// saveStatus is the always-visible line about saving.
type saveStatus struct {
	State saveState
	Text  string // what went wrong, for saveFailed and saveBlocked
}

// saved is the status of work that is stored (or has nothing to store).
var saved = saveStatus{saveOK, "Saved"}

// shown is the toolbar's view of the status: the data-state attribute
// ("saved", "saving" or "error") and the text.
func (st saveStatus) shown() (state, text string) {
	switch st.State {
	case saveSaving:
		return "saving", "Saving…"
	case saveFailed, saveBlocked:
		return "error", st.Text
	}
	return "saved", "Saved"
}

// message is a notice for the reader: an error that names what went wrong,
// or the result of an import.
type message struct {
	Kind   string // "error" or "info"; "" when there is none
	Text   string
	Action string // an action offered with the message, one of the action* constants
	// Done of Total: the progress of a long open, shown as a progress bar
	// under a text that stays the same (so the alert is read once)
	Done, Total int
}

// Actions a message can offer.
const (
	actionDownloadUnreadable = "download-unreadable" // saved data that could not be read
	actionUndoDelete         = "undo-delete"         // a document just deleted from the library
)
