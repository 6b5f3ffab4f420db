package annotations

import (
	"bytes"
	"testing"
)

// TestBoundariesID checks the id against the bytes the doc gives, hashed
// outside Go (python3 hashlib.sha256 of
// "stancemark-boundaries/v1\n2\n0 0 5\n1 7 12\n").
func TestBoundariesID(t *testing.T) {
	d, err := NewDocument("", "Hello\n\nWorld")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := d.BoundariesID(), "b242f40999b2e6f83"; got != want {
		t.Errorf("BoundariesID = %s, want %s", got, want)
	}
	other := d.ExportDocument().Sentences
	other[1].End = 11
	if BoundariesID(other) == d.BoundariesID() {
		t.Error("other offsets give the same id")
	}
}

// TestExportKeepsItsBoundaries: an export made on version 1's boundaries
// (an earlier Stancemark) opens on those boundaries, not split again, and
// its highlights stay on their sentences.
func TestExportKeepsItsBoundaries(t *testing.T) {
	body := "The firm moved to the E.U. Officials agreed.\n\nThat is King Jr.'s speech."
	old, err := NewDocumentSegmented("Old", body, SegmenterV1)
	if err != nil {
		t.Fatal(err)
	}
	w := NewWorkspace(old)
	if _, err := w.Tag(2, 2, "supports"); err != nil { // "speech."
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteExport(&buf, w.Export(testEpoch)); err != nil {
		t.Fatal(err)
	}
	o, err := Open("old.stancemark.json", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if o.Document.BoundariesID() != old.BoundariesID() || len(o.Document.Sentences) != 3 {
		t.Fatalf("opened with %d sentences (%s), want version 1's 3 (%s)", len(o.Document.Sentences), o.Document.BoundariesID(), old.BoundariesID())
	}
	if got := o.Document.Sentences[2].Text; got != "speech." {
		t.Errorf("s3 is %q", got)
	}
	cur, _ := NewDocument("Old", body)
	if cur.BoundariesID() == old.BoundariesID() {
		t.Fatal("the test needs a text the versions split differently")
	}
	// Importing it onto the current split of the same text is refused.
	if err := NewWorkspace(cur).Import(o.Export); err == nil {
		t.Error("Import onto other boundaries accepted")
	}
}
