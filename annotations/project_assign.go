package annotations

import (
	"bytes"
	"crypto/sha256"
	"slices"
)

// The overlap rule: who gets which task of a project with Annotators and
// Overlap k. Every annotator a gets the score
//
//	sha256(Project.ID + "\n" + Task.ID + "\n" + a)
//
// for every task, read as a 32-byte big-endian number, and the task goes to
// the k annotators with the highest scores (rendezvous hashing; equal
// scores, which do not happen in practice, go to the annotator id that
// sorts first). So anyone can recompute who got what from the project file
// alone, adding an annotator moves only the tasks it wins, and each
// annotator gets about k/len(Annotators) of the tasks.

// assignScore returns the score of annotator on task in project projectID.
func assignScore(projectID, taskID, annotator string) [sha256.Size]byte {
	return sha256.Sum256([]byte(projectID + "\n" + taskID + "\n" + annotator))
}

// overlap returns how many annotators get each task: Overlap clamped to 1
// to len(Annotators).
func (p *Project) overlap() int {
	return max(1, min(p.Overlap, len(p.Annotators)))
}

// beats reports whether score a of annotator x ranks above score b of
// annotator y.
func beats(a [sha256.Size]byte, x string, b [sha256.Size]byte, y string) bool {
	if c := bytes.Compare(a[:], b[:]); c != 0 {
		return c > 0
	}
	return x < y
}

// AnnotatorsOf returns the annotators who get the task with id taskID by
// the overlap rule (see README, "Research projects"), in the order of
// p.Annotators; nil when the project has no annotators (then every task
// is open to anyone). It is a function of p.ID, taskID, p.Annotators and
// p.Overlap alone and does not check that taskID is a task of p.
func (p *Project) AnnotatorsOf(taskID string) []string {
	n := len(p.Annotators)
	if n == 0 {
		return nil
	}
	type ranked struct {
		i     int
		score [sha256.Size]byte
	}
	rs := make([]ranked, n)
	for i, a := range p.Annotators {
		rs[i] = ranked{i, assignScore(p.ID, taskID, a)}
	}
	slices.SortFunc(rs, func(a, b ranked) int {
		if beats(a.score, p.Annotators[a.i], b.score, p.Annotators[b.i]) {
			return -1
		}
		return 1
	})
	idx := make([]int, p.overlap())
	for j := range idx {
		idx[j] = rs[j].i
	}
	slices.Sort(idx)
	out := make([]string, len(idx))
	for j, i := range idx {
		out[j] = p.Annotators[i]
	}
	return out
}

// TasksOf returns the tasks that annotator gets by the overlap rule, in
// project order: every task when the project has no annotators, and none
// (nil) when it has annotators and annotator is not one of them (ids are
// compared exactly, as typed).
func (p *Project) TasksOf(annotator string) []Task {
	if len(p.Annotators) == 0 {
		return slices.Clone(p.Tasks)
	}
	if !slices.Contains(p.Annotators, annotator) {
		return nil
	}
	k := p.overlap()
	var out []Task
	for _, t := range p.Tasks {
		mine := assignScore(p.ID, t.ID, annotator)
		above := 0 // annotators ranked above annotator on t
		for _, other := range p.Annotators {
			if other != annotator && beats(assignScore(p.ID, t.ID, other), other, mine, annotator) {
				if above++; above >= k {
					break
				}
			}
		}
		if above < k {
			out = append(out, t)
		}
	}
	return out
}
