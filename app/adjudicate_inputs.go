package app

import (
	"stancemark/annotations"
)

// The Adjudicate view's files: a project, submissions, exports and gold
// files opened or dropped in it, each through adjudication.try, so a file
// that cannot join (another project's, a second one by one annotator, a
// gold file of another version) changes nothing and says why.

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
