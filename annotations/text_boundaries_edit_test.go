package annotations

import (
	"strings"
	"testing"
)

func sentenceTexts(d *Document) string {
	var out []string
	for _, s := range d.Sentences {
		out = append(out, s.Text)
	}
	return strings.Join(out, "|")
}

// TestJoinAndSplit: joining and splitting keep the text and its id, give
// new boundaries, and refuse what cannot be done.
func TestJoinAndSplit(t *testing.T) {
	d, err := NewDocument("T", "Rain fell. Roads flooded. Schools shut.\n\nThe rain stopped.")
	if err != nil {
		t.Fatal(err)
	}
	j, err := d.JoinSentences(0)
	if err != nil {
		t.Fatal(err)
	}
	if got := sentenceTexts(j); got != "Rain fell. Roads flooded.|Schools shut.|The rain stopped." || j.ID != d.ID || j.BoundariesID() == d.BoundariesID() {
		t.Errorf("joined: %q %s", got, j.ID)
	}
	if _, err := d.JoinSentences(2); err == nil || !strings.Contains(err.Error(), "paragraph") {
		t.Errorf("joining across a paragraph: %v", err)
	}
	at := strings.Index(d.Text, "Roads") // ASCII: bytes are code points
	back, err := j.SplitSentence(0, at)
	if err != nil {
		t.Fatal(err)
	}
	if back.BoundariesID() != d.BoundariesID() {
		t.Errorf("split back: %q", sentenceTexts(back))
	}
	if _, err := j.SplitSentence(0, 0); err == nil {
		t.Error("a split at the sentence start accepted")
	}
	if _, err := j.SplitSentence(0, at-1); err != nil { // at the space: same split
		t.Errorf("a split at the space: %v", err)
	}
	r, err := j.Resegment()
	if err != nil || r.BoundariesID() != d.BoundariesID() {
		t.Errorf("Resegment: %v %q", err, sentenceTexts(r))
	}
}

// TestMoveWork: highlights follow the text onto new boundaries; one on
// part of a joined sentence becomes an orphan, listed, not dropped.
func TestMoveWork(t *testing.T) {
	d, _ := NewDocument("T", "Rain fell hard all night long here. Roads flooded. Schools shut for the day.")
	w := NewWorkspace(d)
	w.Annotator = "Ada"
	if _, err := w.Tag(0, 0, "supports"); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Tag(2, 2, "opposes"); err != nil {
		t.Fatal(err)
	}
	j, _ := d.JoinSentences(1) // "Roads flooded. Schools shut for the day."
	moved, orphans, err := MoveWork(w, j, testEpoch)
	if err != nil {
		t.Fatal(err)
	}
	a := moved.Annotations()
	if len(a) != 2 || a[0].SentenceIDs[0] != "s1" || a[1].SentenceIDs[0] != "s2" || a[1].Label != "opposes" || len(orphans) != 0 {
		t.Errorf("moved %+v, orphans %+v", a, orphans)
	}
	if moved.Annotator != "Ada" || moved.Doc != j {
		t.Errorf("annotator %q", moved.Annotator)
	}
	// Joining the first two puts a highlight on a quarter of a sentence: an orphan.
	j2, _ := d.JoinSentences(0)
	w2 := NewWorkspace(d)
	if _, err := w2.Tag(1, 1, "supports"); err != nil {
		t.Fatal(err)
	}
	moved, orphans, err = MoveWork(w2, j2, testEpoch)
	if err != nil || len(moved.Annotations()) != 0 || len(orphans) != 1 || orphans[0].Quote != "Roads flooded." {
		t.Errorf("moved %+v, orphans %+v, %v", moved.Annotations(), orphans, err)
	}
}
