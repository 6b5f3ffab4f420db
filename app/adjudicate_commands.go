package app

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"stancemark/annotations"
)

// The Adjudicate view's commands: deciding gold labels, moving between
// disagreements, the keys, saving and the gold file. Every change goes
// through adjudication.try, so what cannot be decided changes nothing and
// says why. Opening the view is adjudicate_session.go, its files
// adjudicate_inputs.go.

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
