package annotations

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// Names, notes and rates of GenerateSubmissions.
var (
	generatedFirstNames = []string{
		"Ada", "Ben", "Chloé", "Dev", "Emma", "Farid", "Grace", "Hiro", "Ines", "Jonas",
		"Kemi", "Liam", "Mei", "Noor", "Oscar", "Priya", "Quinn", "Rosa", "Sami", "Tess",
		"Umar", "Vera", "Wen", "Xavi", "Yara", "Zoë",
	}
	generatedLastInitials = "ABCDEFGHJKLMNOPRSTVWZ"
	generatedNotes        = []string{
		"The official is quoted, so this is their view, not the reporter's.",
		"Hedged: \"maybe\" and \"could\".",
		"This gives background only.",
		"I think this argues against cooperation.",
		"Strong claim, no source.",
		"Not sure about this one.",
		"The headline's claim, restated.",
	}
)

const (
	generatedUntaggedShare = 0.5  // of a student's mistakes on the key's sentences, the share left untagged
	generatedExtraRate     = 0.08 // chance to tag a sentence the key leaves untagged
	generatedNoteRate      = 0.3  // chance that a highlight has a note
	generatedMinSkill      = 0.55 // lowest chance to give the key's label
	generatedMaxSkill      = 0.95 // highest chance to give the key's label
)

// GenerateSubmissions returns n plausible, valid submissions for a (which
// must be valid), the same for the same seed: students with distinct names
// ("Ada K.", ...), each with a skill between 0.55 and 0.95 (the chance to
// give the key's label to a sentence of the key; otherwise the sentence is
// left untagged or given another label, half and half), a few extra
// sentences the key leaves untagged, runs of equal labels as one highlight,
// notes on about a third of the highlights, and export times on 2 March 2026.
// Without a key the students follow a reference labelling drawn from the
// seed (about 60% of the sentences tagged), so they still agree with one
// another. Demo and test data, for the dashboard and its tests.
func GenerateSubmissions(a *Assignment, n int, seed int64) []*Export {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x5eed_c1a5))
	ss := a.Document.Sentences
	labels := a.Scheme.Labels
	ref, _ := labelsBySentence(ss, a.Key)
	if !a.HasKey() {
		for i := range ref {
			if rng.Float64() < 0.6 && len(labels) > 0 {
				ref[i] = labels[rng.IntN(len(labels))].ID
			}
		}
	}
	other := func(not string) string {
		if len(labels) < 2 {
			return ""
		}
		for {
			if l := labels[rng.IntN(len(labels))].ID; l != not {
				return l
			}
		}
	}
	base := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	used := map[string]bool{}
	out := make([]*Export, 0, n)
	for k := range n {
		name := ""
		for tries := 0; name == "" || used[name]; tries++ {
			name = fmt.Sprintf("%s %c.", generatedFirstNames[rng.IntN(len(generatedFirstNames))], generatedLastInitials[rng.IntN(len(generatedLastInitials))])
			if tries > 50 {
				name = fmt.Sprintf("Student %d", k+1)
			}
		}
		used[name] = true
		skill := generatedMinSkill + rng.Float64()*(generatedMaxSkill-generatedMinSkill)
		got := make([]string, len(ss))
		for i, want := range ref {
			switch {
			case want != "" && rng.Float64() < skill:
				got[i] = want
			case want != "" && rng.Float64() < generatedUntaggedShare:
			case want != "":
				got[i] = other(want)
			case rng.Float64() < generatedExtraRate && len(labels) > 0:
				got[i] = labels[rng.IntN(len(labels))].ID
			}
		}
		exported := base.Add(time.Duration(rng.IntN(8*3600)) * time.Second)
		start := exported.Add(-time.Duration(10+rng.IntN(40)) * time.Minute)
		e := &Export{
			Format: FormatV1, Exported: exported, Assignment: a.ID,
			Annotator: ExportAnnotator{Name: name}, Document: a.Document, Scheme: a.Scheme.clone(),
			Annotations: []Annotation{},
		}
		for i := 0; i < len(got); {
			j := i + 1
			for j < len(got) && got[j] == got[i] && rng.Float64() < 0.8 {
				j++
			}
			if got[i] != "" {
				h := Annotation{
					ID: fmt.Sprintf("a%08x%04x", rng.Uint32(), len(e.Annotations)), Label: got[i], Annotator: name,
					Created: start.Add(time.Duration(i) * 20 * time.Second),
				}
				h.Modified = h.Created
				for _, s := range ss[i:j] {
					h.SentenceIDs = append(h.SentenceIDs, s.ID)
				}
				if rng.Float64() < generatedNoteRate {
					h.Note = generatedNotes[rng.IntN(len(generatedNotes))]
				}
				e.Annotations = append(e.Annotations, h)
			}
			i = j
		}
		out = append(out, e)
	}
	return out
}
