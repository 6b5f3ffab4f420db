package app

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"stancemark/annotations"
)

// The Adjudicate view's commands: opening it and its files, deciding gold
// labels, moving between disagreements, saving and the gold file. Every
// change goes through adjudication.try, so what cannot be decided (a file
// of another project, a second file by one annotator, a gold file of
// another version) changes nothing and says why.

// showAdjudicate opens the Adjudicate view, on the adjudication open last.
func (s *session) showAdjudicate() {
	s.hide(overlayLibrary)
	s.flush()
	s.mode = modeAdjudicate
	s.clearMessage()
	if s.adj.open == nil {
		if scope, ok, _ := s.store.get(keyAdjudicating); ok && scope != "" {
			s.openAdjudication(scope, func(bool) { s.refresh() }) // says why when it cannot
		}
	}
	s.refresh()
	s.afterAdjRender("adj-heading")
}

// reopenAdjudication comes back to the Adjudicate view after a reload when
// it was open.
func (s *session) reopenAdjudication() {
	if scope, ok, _ := s.store.get(keyAdjudicating); ok && scope != "" {
		s.mode = modeAdjudicate
		s.openAdjudication(scope, func(bool) { s.refresh() })
	}
}

// leaveAdjudicate goes back to annotating; the adjudication stays kept.
func (s *session) leaveAdjudicate() {
	s.mode = modeAnnotate
	s.store.remove(keyAdjudicating)
	s.docChanged()
}

// closeAdjudication leaves the adjudication open, to choose another.
func (s *session) closeAdjudication() {
	s.adj = adjState{}
	s.store.remove(keyAdjudicating)
	s.refresh()
}

// openAdjudication opens the adjudication kept here for a project or a
// document, then calls then with whether it could (the project file is read
// from the browser's file store, which answers later).
func (s *session) openAdjudication(scope string, then func(bool)) {
	rec, err := s.storedAdjudication(scope)
	switch {
	case err != nil:
		s.fail("The adjudication kept in this browser could not be read (%v); it is left untouched.", err)
		then(false)
		return
	case rec == nil:
		s.fail("No adjudication of %s is kept in this browser.", scope)
		then(false)
		return
	}
	finish := func(p *annotations.Project) {
		a := &adjudication{rec: *rec, save: saved, project: p}
		if err := a.recompute(); err != nil {
			s.fail("Reopening the adjudication of %q failed: %v.", rec.Title, err)
			then(false)
			return
		}
		s.adj.open = a
		_ = s.store.set(keyAdjudicating, scope)
		then(true)
	}
	if rec.Project == "" {
		finish(nil)
		return
	}
	s.storedProject(rec.Project, func(p *annotations.Project, err error) {
		if err != nil {
			s.fail("Reopening the adjudication of %q failed: %v.", rec.Title, err)
			then(false)
			return
		}
		finish(p)
	})
}

// startAdjudication opens the adjudication of a project (doc nil) or of a
// document (p nil): the one kept here, or a new one; then it calls then
// with whether it could.
func (s *session) startAdjudication(p *annotations.Project, docID, title string, then func(bool)) {
	scope := docID
	if p != nil {
		scope = p.ID
	}
	if a := s.adj.open; a != nil && a.rec.scope() == scope {
		then(true)
		return
	}
	if rec, err := s.storedAdjudication(scope); err != nil && !s.backUpAdjudication(scope, title, err) {
		then(false)
		return
	} else if rec != nil {
		s.openAdjudication(scope, then)
		return
	}
	a := &adjudication{project: p, save: saved,
		rec: adjRecord{Format: adjFormat, Title: title, Policy: annotations.PolicyMajority, Adjudicator: s.annotator, SettingsAt: s.now().UTC()}}
	if p != nil {
		a.rec.Project = p.ID
		a.setLabels(p.Scheme)
	} else {
		a.rec.Document = docID
	}
	if err := a.recompute(); err != nil {
		s.fail("Starting the adjudication of %q failed: %v.", title, err)
		then(false)
		return
	}
	s.adj.open = a
	s.saveAdjudication()
	then(true)
}

// backUpAdjudication copies a kept adjudication that cannot be read to a
// backup key, never to be overwritten, before a new one is kept in its
// place; when even that fails, nothing is started.
func (s *session) backUpAdjudication(scope, title string, readErr error) bool {
	data, _, _ := s.store.get(adjudicationKey(scope))
	key := backupKey("adjudication/"+scope, s.now())
	if err := s.store.set(key, data); err != nil {
		s.fail("The adjudication of %q kept in this browser could not be read (%v), and keeping a copy of it failed (%v): it is left untouched, and no new one is started.", title, readErr, err)
		return false
	}
	s.setError("The adjudication of %q kept in this browser could not be read (%v); it is kept unchanged under %q, and a new one starts.", title, readErr, key)
	return true
}

// adjOpenFile takes one file opened or dropped in the view: a project, a
// submission, an export or a gold file.
func (s *session) adjOpenFile(name string, data []byte) {
	o, err := annotations.Open(name, data)
	if err != nil {
		s.fail("Opening %s failed, nothing was changed: %v", name, err)
		return
	}
	a := s.adj.open
	switch o.Kind {
	case annotations.OpenedProject:
		s.projectFile = data // kept as the bytes opened
		s.storeProject(o.Project, func(err error) {
			if err != nil {
				s.fail("The project could not be kept in this browser (%v): the adjudication is open in this tab only; download the gold file before closing it.", err)
			}
		})
		s.startAdjudication(o.Project, "", o.Project.Title, func(ok bool) {
			if !ok {
				return
			}
			waiting := s.adj.waiting
			s.adj.waiting = nil
			if s.msg.Kind != "error" { // a problem keeping the project or the old adjudication is said first
				s.setInfo("Adjudicating the project %q: add its annotators' submissions.", o.Project.Title)
			}
			for _, f := range waiting {
				s.adjOpenFile(f.name, f.data)
			}
			s.refresh()
		})
	case annotations.OpenedSubmission:
		sub := o.Submission
		if a != nil && a.project != nil && a.project.ID == sub.Project {
			s.adjAddInput(name, data, o)
			return
		}
		s.storedProject(sub.Project, func(p *annotations.Project, err error) {
			a := s.adj.open // as it is now: its project may have been opened meanwhile
			if a != nil && a.project != nil && a.project.ID == sub.Project {
				s.adjAddInput(name, data, o)
				return
			}
			if err != nil {
				if a != nil && a.project != nil {
					s.fail("%s is a submission of another project (%s); this adjudication is of %q (%s). Nothing was changed.", name, sub.Project, a.project.Title, a.project.ID)
					return
				}
				s.adj.waiting = append(s.adj.waiting, adjFile{name, data})
				s.setInfo("%s (%s's submission) waits for its project %s: open the project file too.", name, sub.Annotator, sub.Project)
				s.refresh()
				return
			}
			if a != nil && len(a.rec.liveInputs()) > 0 {
				s.fail("%s is a submission of another project, %q (%s); this adjudication is of %q. Nothing was changed.", name, p.Title, p.ID, a.rec.Title)
				return
			}
			s.startAdjudication(p, "", p.Title, func(ok bool) {
				if ok {
					s.adjAddInput(name, data, o)
				}
			})
		})
	case annotations.OpenedExport:
		if a != nil && a.project != nil {
			s.fail("%s is a stancemark/v1 export; this adjudication is of the project %q: give its annotators' submissions. Nothing was changed.", name, a.project.Title)
			return
		}
		if a == nil || a.rec.Document != o.Document.ID {
			if a != nil && len(a.rec.liveInputs()) > 0 {
				s.fail("%s is an export of another document, %q (%s); this adjudication is of %q (%s). Nothing was changed.", name, o.Document.Title, o.Document.ID, a.rec.Title, a.rec.Document)
				return
			}
			s.startAdjudication(nil, o.Document.ID, o.Document.Title, func(ok bool) {
				if ok {
					s.adjAddInput(name, data, o)
				}
			})
			return
		}
		s.adjAddInput(name, data, o)
	case annotations.OpenedGold:
		s.adjImportGold(name, o.Gold)
	default:
		s.fail("%s is a %s: adjudication takes a project and its submissions, or several annotators' exports of one document, and gold files.", name, o.Kind)
	}
}

// adjAddInput adds one annotator's submission or export.
func (s *session) adjAddInput(name string, data []byte, o *annotations.Opened) {
	a := s.adj.open
	who := annotatorOf(name, o)
	if prev := a.rec.input(who); prev != nil && prev.Data != "" {
		if prev.Data == string(data) {
			s.setInfo("%s is already loaded.", name)
			s.refresh()
			return
		}
		s.fail("%s is by %s, whose work is already loaded (from %s): remove it first to load another. Nothing was changed.", name, who, prev.Name)
		return
	}
	if o.Submission != nil {
		if err := a.project.CheckSubmission(o.Submission); err != nil {
			s.fail("%s: %v. Nothing was changed.", name, err)
			return
		}
	}
	b, err := a.try(func(r *adjRecord) {
		r.putInput(adjInput{Annotator: who, Name: name, Data: string(data), At: s.now().UTC()})
	})
	if err != nil {
		s.fail("Adding %s failed, nothing was changed: %v", name, err)
		return
	}
	s.adjCommit(b)
	s.setInfo("Added %s's work (%s): %s.", who, name, pendingText(b.gold))
	s.refresh()
}

// pendingText says how many labels still need a decision.
func pendingText(g *annotations.Gold) string {
	if n := len(g.Pending()); n > 0 {
		return pendingOf(n)
	}
	return "nothing needs a decision"
}

// adjRemove removes an annotator's file; decisions stay (stale when the
// votes under them change).
func (s *session) adjRemove(who string) {
	a := s.adj.open
	if a == nil || a.rec.input(who) == nil {
		return
	}
	prev := *a.rec.input(who)
	b, err := a.try(func(r *adjRecord) { r.putInput(adjInput{Annotator: who, Name: prev.Name, At: s.now().UTC()}) })
	if err != nil {
		s.fail("Removing %s's work failed, nothing was changed: %v", who, err)
		return
	}
	s.adjCommit(b)
	s.setInfo("Removed %s's work. Decisions stay; those whose votes changed are marked stale.", who)
	s.refresh()
}

// adjImportGold takes the decisions of a gold file (its adjudicated
// entries) into the adjudication of its project or document.
func (s *session) adjImportGold(name string, g *annotations.Gold) {
	s.mode = modeAdjudicate
	if s.adj.open != nil && len(s.adj.open.rec.liveInputs()) > 0 {
		s.adjTakeGold(name, g)
		return
	}
	scope := g.Project
	if g.Document != nil {
		scope = g.Document.ID
	}
	then := func(ok bool) {
		if ok {
			s.adjTakeGold(name, g)
		}
	}
	noAdjudication := func() {
		if s.adj.open == nil {
			s.fail("%s is a gold file of %s, which has no adjudication in this browser: open its project file (or the annotators' exports) first. Nothing was changed.", name, scope)
			return
		}
		s.adjTakeGold(name, g)
	}
	switch rec, _ := s.storedAdjudication(scope); {
	case rec != nil:
		s.openAdjudication(scope, then)
	case g.Project != "":
		s.storedProject(g.Project, func(p *annotations.Project, err error) {
			if err != nil {
				noAdjudication()
				return
			}
			s.startAdjudication(p, "", p.Title, then)
		})
	default:
		noAdjudication()
	}
}

// adjTakeGold takes the gold file's decisions into the adjudication open.
func (s *session) adjTakeGold(name string, g *annotations.Gold) {
	a := s.adj.open
	check := a.in
	check.Adjudication = g
	if _, err := annotations.NewGold(check); err != nil {
		s.fail("Opening the gold file %s failed, nothing was changed: %v", name, err)
		return
	}
	n := 0
	b, err := a.try(func(r *adjRecord) {
		for _, e := range g.Entries {
			if e.Source != annotations.SourceAdjudicated {
				continue
			}
			decided := e.DecidedVotes
			if decided == nil {
				decided = e.Votes
			}
			r.putDecision(adjDecision{Unit: e.UnitKey(), Document: e.Document, Sentence: e.Sentence, Task: e.Task, Claim: e.Claim,
				Label: e.Label, Adjudicator: e.Adjudicator, Reason: e.Reason, DecidedVotes: decided, At: s.now().UTC()})
			n++
		}
	})
	if err != nil {
		s.fail("Opening the gold file %s failed, nothing was changed: %v", name, err)
		return
	}
	s.adjCommit(b)
	s.setInfo("Took %s from %s: %s.", plural(n, "decision"), name, pendingText(b.gold))
	s.refresh()
}

// adjCurrent is the open adjudication and the unit under its cursor; with
// none, the reader is told to choose one.
func (s *session) adjCurrent() (*adjudication, *annotations.GoldEntry, bool) {
	a := s.adj.open
	if a == nil {
		return nil, nil, false
	}
	e, ok := a.current()
	if !ok {
		s.fail("Choose a sentence first: j moves to the next disagreement.")
	}
	return a, e, ok
}

// adjDecide sets the gold label of the unit under the cursor.
func (s *session) adjDecide(label string) {
	a, e, ok := s.adjCurrent()
	if !ok {
		return
	}
	if strings.TrimSpace(a.rec.Adjudicator) == "" {
		s.fail("Type your name as the adjudicator first: the gold file says who decided.")
		s.afterAdjRender("adj-name")
		return
	}
	reason, auto := a.draft, false
	if reason == "" {
		if d := a.rec.decision(e.UnitKey()); d != nil && d.Label != "" && !d.AutoReason {
			reason = d.Reason
		} else {
			reason, auto = defaultReason(e, label, a.labelName(label)), true
		}
	}
	d := adjDecision{Unit: e.UnitKey(), Document: e.Document, Sentence: e.Sentence, Task: e.Task, Claim: e.Claim, Label: label,
		Adjudicator: strings.TrimSpace(a.rec.Adjudicator), Reason: reason, AutoReason: auto, DecidedVotes: e.Votes, At: s.now().UTC()}
	b, err := a.try(func(r *adjRecord) { r.putDecision(d) })
	if err != nil {
		s.fail("Deciding failed, nothing was changed: %v", err)
		return
	}
	b.draft = ""
	s.adjCommit(b)
	s.clearMessage()
	s.announce("Gold label %s, adjudicated. %s.", a.labelName(label), pendingText(b.gold))
	s.refresh()
}

// defaultReason is the reason the app writes when the adjudicator gives none.
func defaultReason(e *annotations.GoldEntry, label, name string) string {
	if l, src := e.Votes.Decide(annotations.PolicyMajority); l == label && src != annotations.SourceUnresolved {
		return "Accepted the " + string(src) + " label " + name + " (votes: " + e.Votes.String() + ")."
	}
	return "Chose " + name + " (votes: " + e.Votes.String() + ")."
}

// adjAccept accepts the majority label of the unit under the cursor.
func (s *session) adjAccept() {
	_, e, ok := s.adjCurrent()
	if !ok {
		return
	}
	label, src := e.Votes.Decide(annotations.PolicyMajority)
	if src == annotations.SourceUnresolved {
		s.fail("No majority to accept (%s): choose the label with its key.", e.Votes)
		return
	}
	s.adjDecide(label)
}

// adjWithdraw takes back the decision on the unit under the cursor: its
// label is the policy's again.
func (s *session) adjWithdraw() {
	a := s.adj.open
	if a == nil {
		return
	}
	e, ok := a.current()
	var d *adjDecision
	if ok {
		d = a.rec.decision(e.UnitKey())
	}
	if d == nil || d.Label == "" {
		s.announce("Nothing was decided here.")
		s.refresh()
		return
	}
	w := adjDecision{Unit: d.Unit, Document: d.Document, Sentence: d.Sentence, Task: d.Task, Claim: d.Claim, At: s.now().UTC()}
	b, err := a.try(func(r *adjRecord) { r.putDecision(w) })
	if err != nil {
		s.fail("Withdrawing the decision failed, nothing was changed: %v", err)
		return
	}
	s.adjCommit(b)
	if e, ok := b.current(); ok {
		s.announce("Decision withdrawn: %s.", e.Source)
	}
	s.refresh()
}

// adjSetReason sets the reason of the decision under the cursor, or keeps
// it for the label chosen next.
func (s *session) adjSetReason(text string) {
	a := s.adj.open
	if a == nil {
		return
	}
	text = strings.TrimSpace(text)
	e, ok := a.current()
	if !ok {
		return
	}
	d := a.rec.decision(e.UnitKey())
	if d == nil || d.Label == "" {
		a.draft = text
		s.refresh()
		return
	}
	nd := *d
	if text == "" {
		nd.Reason, nd.AutoReason = defaultReason(e, d.Label, a.labelName(d.Label)), true
	} else {
		nd.Reason, nd.AutoReason = text, false
	}
	nd.At = s.now().UTC()
	b, err := a.try(func(r *adjRecord) { r.putDecision(nd) })
	if err != nil {
		s.fail("Saving the reason failed: %v", err)
		return
	}
	s.adjCommit(b)
	s.announce("Reason saved.")
	s.refresh()
}

// adjSettings changes the adjudicator's name, the policy or whether an
// untagged sentence is a vote for "none".
func (s *session) adjSettings(edit func(r *adjRecord)) {
	a := s.adj.open
	if a == nil {
		return
	}
	b, err := a.try(func(r *adjRecord) {
		edit(r)
		r.SettingsAt = s.now().UTC()
	})
	if err != nil {
		s.fail("That change was not made: %v", err)
		return
	}
	s.adjCommit(b)
	s.refresh()
}

// adjCommit makes b the open adjudication and keeps it.
func (s *session) adjCommit(b *adjudication) {
	s.adj.open = b
	s.saveAdjudication()
}

// saveAdjudication keeps the open adjudication; when the storage is full
// it stays in the tab and the view says so.
func (s *session) saveAdjudication() {
	a := s.adj.open
	err := s.storeAdjudication(&a.rec)
	if err == nil {
		err = s.store.set(keyAdjudicating, a.rec.scope())
	}
	switch {
	case err == nil:
		a.save = saved
	case errors.Is(err, errQuota):
		s.announce("Not saved: the browser's storage is full.")
		a.save = saveStatus{saveFailed, "Not saved: the browser's storage is full. Your decisions are kept in this tab; download the gold file (e) to keep them."}
	default:
		a.save = saveStatus{saveFailed, fmt.Sprintf("Not saved: %v. Your decisions are kept in this tab; download the gold file (e) to keep them.", err)}
	}
}

// adjMove moves to the next (+1) or previous (-1) disagreement, across
// tasks. From an agreed unit (or no unit) of a task it goes to the first
// disagreement of a later task, or the last of this task or an earlier one.
func (s *session) adjMove(by int) {
	a := s.adj.open
	if a == nil {
		return
	}
	type place struct {
		group int
		unit  string
	}
	var all []place
	for gi, g := range a.groups {
		for _, i := range g.entries[:g.split] {
			all = append(all, place{gi, a.gold.Entries[i].UnitKey()})
		}
	}
	next := -1
	for i, p := range all {
		if p.unit == a.unit {
			next = i + by
		}
	}
	if next == -1 {
		_, pos, onAgreed := a.find(a.unit)
		onAgreed = onAgreed && pos >= a.groups[a.group].split
		next = len(all)
		for i, p := range all {
			if by > 0 && (p.group > a.group || p.group == a.group && !onAgreed) {
				next = i
				break
			}
			if by < 0 && (p.group < a.group || p.group == a.group && onAgreed) {
				next = i
			}
		}
		if by < 0 && next == len(all) {
			next = -1
		}
	}
	if next < 0 || next >= len(all) {
		s.announce("No %s disagreement.", map[bool]string{true: "next", false: "previous"}[by > 0])
		s.refresh()
		return
	}
	a.group, a.unit, a.draft = all[next].group, all[next].unit, ""
	s.announceUnit()
	s.refresh()
	s.afterAdjRender("adj-current")
}

// adjMoveGroup moves to the next (+1) or previous (-1) task.
func (s *session) adjMoveGroup(by int) {
	a := s.adj.open
	if a == nil {
		return
	}
	gi := a.group + by
	if gi < 0 || gi >= len(a.groups) {
		s.announce("No %s task.", map[bool]string{true: "next", false: "previous"}[by > 0])
		s.refresh()
		return
	}
	a.group, a.unit, a.draft = gi, "", ""
	if g := a.groups[gi]; g.split > 0 {
		a.unit = a.gold.Entries[g.entries[0]].UnitKey()
	}
	s.announce("Task %d of %d.", gi+1, len(a.groups))
	s.refresh()
	s.afterAdjRender("adj-task")
}

// adjChoose puts the cursor on a unit (a click on its row).
func (s *session) adjChoose(unit string) {
	a := s.adj.open
	if a == nil || unit == a.unit {
		return
	}
	if gi, _, ok := a.find(unit); ok {
		a.group, a.unit, a.draft = gi, unit, ""
		s.refresh()
	}
}

// announceUnit tells a screen reader which unit the cursor is on.
func (s *session) announceUnit() {
	a := s.adj.open
	if e, ok := a.current(); ok {
		s.announce("%s: %s, %s.", unitName(e), e.Votes, e.Source)
	}
}

// unitName is "Sentence s3" or "The overall stance".
func unitName(e *annotations.GoldEntry) string {
	if e.Task != "" {
		return "The overall stance"
	}
	return "Sentence " + e.Sentence
}

// adjExport downloads the gold file.
func (s *session) adjExport() {
	a := s.adj.open
	if a == nil || len(a.rec.liveInputs()) == 0 {
		s.fail("There is nothing to export yet: add the annotators' work first.")
		return
	}
	var buf bytes.Buffer
	if err := annotations.WriteGold(&buf, a.gold); err != nil {
		s.fail("Making the gold file failed: %v.", err)
		return
	}
	download(a.goldFileName(), "application/json", buf.Bytes())
	s.setInfo("Downloaded %s: %s, %s.", a.goldFileName(), plural(len(a.gold.Entries), "label"), pendingText(a.gold))
	s.refresh()
}

// adjRun carries out a keyboard command in the Adjudicate view.
func (s *session) adjRun(cmd command, key string) {
	switch cmd {
	case cmdNext:
		s.adjMove(1)
	case cmdPrev:
		s.adjMove(-1)
	case cmdNextTask:
		s.adjMoveGroup(1)
	case cmdPrevTask:
		s.adjMoveGroup(-1)
	case cmdTag:
		if a := s.adj.open; a != nil {
			if l, ok := a.labelForKey(key); ok {
				s.adjDecide(l.ID)
			}
		}
	case cmdClear:
		s.adjWithdraw()
	case cmdAccept:
		s.adjAccept()
	case cmdReason, cmdNote:
		if a := s.adj.open; a != nil {
			if _, ok := a.current(); ok {
				s.afterAdjRender("adj-reason")
				s.refresh()
			}
		}
	case cmdExport:
		s.adjExport()
	case cmdHelp:
		s.toggleHelp()
	case cmdEscape:
		if s.overlay == overlayHelp {
			s.showHelp(false)
		}
	}
}

// afterAdjRender focuses the element once go-app has rendered.
func (s *session) afterAdjRender(id string) {
	if s.afterRender != nil {
		s.afterRender(func() { focus(id) })
		return
	}
	focus(id)
}

// adjOtherTabSaved merges what another tab kept for the open adjudication
// (the storage event); it reports whether key was the adjudication's.
func (s *session) adjOtherTabSaved(key, value string) bool {
	a := s.adj.open
	if a == nil || key != adjudicationKey(a.rec.scope()) {
		return false
	}
	if value == "" {
		return true // removed in the other tab; this tab keeps its copy
	}
	other, err := readAdjRecord(value)
	if err != nil {
		s.fail("Another tab kept an adjudication that could not be read (%v); this tab's is kept.", err)
		return true
	}
	changed := false
	b, err := a.try(func(r *adjRecord) { changed = r.merge(other) })
	if err != nil {
		s.fail("Another tab's adjudication could not be merged (%v); this tab's is kept.", err)
		return true
	}
	if changed {
		s.adj.open = b
		s.announce("Merged decisions made in another tab.")
	}
	if !b.rec.equal(other) {
		s.saveAdjudication()
	}
	s.refresh()
	return true
}

// adjDropped takes a file dropped on the page or chosen in the view.
func (s *session) adjDropped(name string, data []byte, err error) {
	if err != nil {
		s.fail("Opening failed: %v", err)
		return
	}
	s.adjOpenFile(name, data)
}
