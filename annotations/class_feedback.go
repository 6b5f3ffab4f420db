package annotations

import (
	"errors"
	"strconv"
)

// Verdict is how a student's label for one sentence compares with the
// answer key's.
type Verdict int

// The verdicts.
const (
	Untouched Verdict = iota // neither the key nor the student tagged the sentence
	Agrees                   // both tagged it with the same label
	Differs                  // both tagged it, with different labels
	Missed                   // the key tagged it, the student did not
	Extra                    // the student tagged it, the key did not
)

var verdictNames = []string{"untouched", "agrees", "differs", "missed", "extra"}

// String returns "untouched", "agrees", "differs", "missed" or "extra".
func (v Verdict) String() string {
	if v < 0 || int(v) >= len(verdictNames) {
		return "Verdict(" + strconv.Itoa(int(v)) + ")"
	}
	return verdictNames[v]
}

// SentenceFeedback is the verdict on one sentence.
type SentenceFeedback struct {
	SentenceID string
	Verdict    Verdict
	Label      string // the student's label id; "" when the student left it untagged
	KeyLabel   string // the key's label id; "" when the key leaves it untagged
	KeyNote    string // the note of the key's highlight covering the sentence
}

// Feedback compares one student's submission with the answer key.
//
// Score is the number of the key's tagged sentences (KeyTagged) that the
// student gave the key's label, and Accuracy is Score / KeyTagged, from 0
// to 1: a sentence the student left untagged counts as wrong. Sentences
// the key leaves untagged do not count (they are Extra when the student
// tagged them).
//
// Kappa is Cohen's kappa between the student and the key over the key's
// tagged sentences, "untagged" being one more category for the student. It
// corrects Accuracy for the agreement expected by chance given how often
// each of them uses each label.
//
// Degenerate cases:
//   - no key (or a key with no highlight): Accuracy and Kappa are nil;
//   - the key gives every tagged sentence the same label: Kappa is 0 for a
//     student who is not perfect (chance alone explains the agreement) and
//     nil for a perfect one (0/0), whose Accuracy is 1;
//   - more generally Kappa is nil whenever the key and the student use one
//     and the same category everywhere; KappaNote then says why.
type Feedback struct {
	Sentences []SentenceFeedback // one per sentence of the document, in order
	Agrees    int
	Differs   int
	Missed    int
	Extra     int
	KeyTagged int      // sentences the key tags
	Score     int      // = Agrees
	Accuracy  *float64 // Score / KeyTagged; nil without a key
	Kappa     *float64 // Cohen's kappa vs the key; nil when undefined
	KappaNote string   // why Kappa is nil; "" otherwise
}

// untaggedValue is the value of an untagged sentence in the reliability
// data of feedback and Fleiss' kappa: not a valid label id in practice, and
// never shown.
const untaggedValue = "\x00untagged"

// Compare returns the feedback on submission e against a's key. e must be
// valid and of a's document (see CheckSubmission); its labels are compared
// with the key's by id.
func (a *Assignment) Compare(e *Export) (*Feedback, error) {
	key, err := labelsBySentence(a.Document.Sentences, a.Key)
	if err != nil {
		return nil, err
	}
	keyNotes := notesBySentence(a.Document.Sentences, a.Key)
	if e.Document.ID != a.Document.ID {
		return nil, becausef(ErrOtherDocument, "the submission is for %s, not the assignment's %s",
			describe(e.Document.Title, e.Document.ID), describe(a.Document.Title, a.Document.ID))
	}
	got, err := labelsBySentence(a.Document.Sentences, e.Annotations)
	if err != nil {
		return nil, err
	}
	f := &Feedback{Sentences: make([]SentenceFeedback, len(key))}
	rel := &Reliability{Coders: []string{"key", "student"}}
	for i, s := range a.Document.Sentences {
		sf := SentenceFeedback{SentenceID: s.ID, Label: got[i], KeyLabel: key[i], KeyNote: keyNotes[i]}
		switch {
		case key[i] == "" && got[i] == "":
			sf.Verdict = Untouched
		case key[i] == "":
			sf.Verdict = Extra
			f.Extra++
		case got[i] == "":
			sf.Verdict = Missed
			f.Missed++
		case key[i] == got[i]:
			sf.Verdict = Agrees
			f.Agrees++
		default:
			sf.Verdict = Differs
			f.Differs++
		}
		if key[i] != "" {
			f.KeyTagged++
			v := got[i]
			if v == "" {
				v = untaggedValue
			}
			rel.Units = append(rel.Units, s.ID)
			rel.Values = append(rel.Values, []string{key[i], v})
		}
		f.Sentences[i] = sf
	}
	f.Score = f.Agrees
	if f.KeyTagged == 0 {
		f.KappaNote = "undefined: the assignment has no answer key"
		return f, nil
	}
	acc := float64(f.Score) / float64(f.KeyTagged)
	f.Accuracy = &acc
	k, err := rel.CohenKappa()
	switch {
	case err == nil:
		f.Kappa = &k
	case errors.Is(err, ErrNoVariation):
		f.KappaNote = "undefined: the key and the student give every sentence of the key the same label, so chance alone would agree"
	default:
		f.KappaNote = noteFor(err)
	}
	return f, nil
}

// labelsBySentence returns, for every sentence, the label of the highlight
// of as covering it, or "". The highlights must be valid for the sentences.
func labelsBySentence(ss []ExportSentence, as []Annotation) ([]string, error) {
	index := make(map[string]int, len(ss))
	for i, s := range ss {
		index[s.ID] = i
	}
	out := make([]string, len(ss))
	for _, h := range as {
		for _, id := range h.SentenceIDs {
			i, ok := index[id]
			if !ok {
				return nil, becausef(ErrUnknownSentence, "highlight %q: unknown sentence %q", h.ID, id)
			}
			out[i] = h.Label
		}
	}
	return out, nil
}

// notesBySentence returns, for every sentence, the note of the highlight of
// as covering it, or "". Unknown sentences are skipped.
func notesBySentence(ss []ExportSentence, as []Annotation) []string {
	index := make(map[string]int, len(ss))
	for i, s := range ss {
		index[s.ID] = i
	}
	out := make([]string, len(ss))
	for _, h := range as {
		for _, id := range h.SentenceIDs {
			if i, ok := index[id]; ok {
				out[i] = h.Note
			}
		}
	}
	return out
}
