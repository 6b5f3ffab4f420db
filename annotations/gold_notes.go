package annotations

import "strings"

// UnitKey identifies the entry's unit within a gold file: two entries of
// one file have the same key exactly when they are of the same unit
// (document, claim, sentence or task). It is for maps, not for display
// (see Unit).
func (e *GoldEntry) UnitKey() string { return e.key() }

// GoldNotes is each annotator's note on each unit of a gold input: the
// note of the highlight that covers the sentence, by unit (GoldEntry.UnitKey)
// and then annotator. Units without a note are absent. An overall stance
// has no note.
type GoldNotes map[string]map[string]string

// Notes returns the notes of in's submissions or exports, keyed as the
// entries NewGold makes of them. It reads in as NewGold does but checks
// nothing: call it on an input NewGold accepted.
func (in GoldInput) Notes() GoldNotes {
	notes := GoldNotes{}
	add := func(e GoldEntry, who, note string) {
		if strings.TrimSpace(note) == "" {
			return
		}
		k := e.key()
		if notes[k] == nil {
			notes[k] = map[string]string{}
		}
		notes[k][who] = note
	}
	if p := in.Project; p != nil {
		x := p.index()
		for _, s := range in.Submissions {
			for _, w := range s.Tasks {
				ti, ok := x.tasks[w.Task]
				if !ok {
					continue
				}
				t := p.Tasks[ti]
				for _, a := range w.Annotations {
					for _, sid := range a.SentenceIDs {
						add(GoldEntry{Document: t.Document, Sentence: sid, Claim: t.Claim}, s.Annotator, a.Note)
					}
				}
			}
		}
		return notes
	}
	for _, e := range in.Exports {
		claim := ""
		if e.Scheme.Target != "" {
			claim = ClaimID(e.Scheme.Target)
		}
		for _, a := range e.Annotations {
			for _, sid := range a.SentenceIDs {
				add(GoldEntry{Document: e.Document.ID, Sentence: sid, Claim: claim}, strings.TrimSpace(e.Annotator.Name), a.Note)
			}
		}
	}
	return notes
}
