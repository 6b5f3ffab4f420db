package annotations

import (
	"fmt"
	"strings"
	"testing"
)

// benchDoc returns a generated document of 5,000 sentences in 1,000
// paragraphs.
func benchDoc(b *testing.B) *Document {
	b.Helper()
	var sb strings.Builder
	for p := range 1000 {
		if p > 0 {
			sb.WriteString("\n\n")
		}
		for s := range 5 {
			if s > 0 {
				sb.WriteString(" ")
			}
			fmt.Fprintf(&sb, "Officials in paragraph %d said sentence %d is about Iran and Iraq.", p, s)
		}
	}
	d, err := NewDocument("Bench", sb.String())
	if err != nil {
		b.Fatal(err)
	}
	if len(d.Sentences) != 5000 {
		b.Fatalf("%d sentences, want 5000", len(d.Sentences))
	}
	return d
}

// benchWorkspace returns a workspace on benchDoc with every other run of
// three sentences tagged (about 830 highlights).
func benchWorkspace(b *testing.B) *Workspace {
	w := NewWorkspace(benchDoc(b))
	labels := []string{"supports", "opposes", "neutral", "unrelated"}
	for i := 0; i+2 < len(w.Doc.Sentences); i += 6 {
		if _, err := w.Tag(i, i+2, labels[i%4]); err != nil {
			b.Fatal(err)
		}
	}
	return w
}

func BenchmarkNewDocument5000(b *testing.B) {
	benchDoc(b)
	var sb strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&sb, "Officials said sentence %d is about Iran. ", i)
		if i%5 == 4 {
			sb.WriteString("\n\n")
		}
	}
	body := sb.String()
	b.ResetTimer()
	for b.Loop() {
		if _, err := NewDocument("Bench", body); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTag tags a run in the middle of a 5,000-sentence document that
// splits a highlight, as a user does, then undoes it to start again.
func BenchmarkTag(b *testing.B) {
	w := benchWorkspace(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := w.Tag(2501, 2507, "neutral"); err != nil {
			b.Fatal(err)
		}
		w.Undo()
	}
}

func BenchmarkMarshalState(b *testing.B) {
	w := benchWorkspace(b)
	data, _ := w.MarshalState()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := w.MarshalState(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRestoreWorkspace(b *testing.B) {
	w := benchWorkspace(b)
	data, _ := w.MarshalState()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := RestoreWorkspace(w.Doc, data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLabelAt(b *testing.B) {
	w := benchWorkspace(b)
	b.ResetTimer()
	for b.Loop() {
		for i := range w.Doc.Sentences {
			_ = w.LabelAt(i)
		}
	}
}
