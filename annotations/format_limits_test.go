package annotations

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestMaxExportBytes writes the largest export MaxExportBytes is sized
// for, and reads it back: a document of MaxSentences sentences whose text
// is MaxImportBytes of quotes (each written as two bytes), a highlight on
// every sentence with a note of quotes, notes of 2×MaxImportBytes in all
// once written.
func TestMaxExportBytes(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and reads a 100 MB export")
	}
	if want := 2*MaxImportBytes + MaxSentences*(160+1200) + 2*MaxImportBytes + 4<<20; MaxExportBytes != want {
		t.Errorf("MaxExportBytes = %d, want %d", MaxExportBytes, want)
	}
	perSentence := MaxImportBytes/MaxSentences - 1 // and the space between sentences
	sentence := strings.Repeat(`"`, perSentence-1) + "."
	var text strings.Builder
	e := &Export{Format: FormatV1, Exported: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC), Scheme: Presets()[0]}
	when := e.Exported.Add(-time.Hour)
	note := strings.Repeat(`"`, MaxImportBytes/MaxSentences)
	for i := range MaxSentences {
		if i > 0 {
			text.WriteByte(' ')
		}
		start := text.Len()
		text.WriteString(sentence)
		id := sentenceID(i)
		e.Document.Sentences = append(e.Document.Sentences, ExportSentence{ID: id, Start: start, End: text.Len()})
		e.Annotations = append(e.Annotations, Annotation{
			ID: fmt.Sprintf("a%012x", i), SentenceIDs: []string{id}, Label: "unrelated", Note: note, Created: when, Modified: when,
		})
	}
	e.Document.Text, e.Document.Title = text.String(), "The largest document"
	e.Document.ID = DocumentID(e.Document.Text)
	var buf bytes.Buffer
	if err := WriteFormat(&buf, "json", []*Export{e}); err != nil {
		t.Fatal(err)
	}
	if buf.Len() <= MaxImportBytes || buf.Len() > MaxExportBytes {
		t.Errorf("the export has %d bytes; want more than MaxImportBytes (%d) and at most MaxExportBytes (%d)", buf.Len(), MaxImportBytes, MaxExportBytes)
	}
	t.Logf("the largest export: %.1f MB of %.1f MB", float64(buf.Len())/(1<<20), float64(MaxExportBytes)/(1<<20))
	back, err := ReadExport(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Annotations) != MaxSentences || back.Document.ID != e.Document.ID {
		t.Errorf("read back %d highlights", len(back.Annotations))
	}
}

func TestWriteFormatRefusesWhatReadExportRefuses(t *testing.T) {
	if err := checkExportSize(MaxExportBytes); err != nil {
		t.Errorf("MaxExportBytes: %v", err)
	}
	err := checkExportSize(MaxExportBytes + 1)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "more than the 148 MB") {
		t.Errorf("one byte more: %v", err)
	}
}
