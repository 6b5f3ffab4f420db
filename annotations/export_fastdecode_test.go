package annotations

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

const exportGolden = "testdata/export.golden.json"

// exportFastAgrees checks the fast path's contract on data: when it reads
// the file, the strict reader reads it too, to the same export.
func exportFastAgrees(t *testing.T, name string, data []byte) (fast bool) {
	t.Helper()
	fe, ok := fastDecodeExport(data)
	if !ok {
		return false
	}
	if err := checkSyntax(data); err != nil {
		t.Fatalf("%s: the fast path read a file the strict reader refuses: %v", name, err)
	}
	se, err := decodeExport(data)
	if err != nil {
		t.Fatalf("%s: the fast path read a file the strict reader refuses: %v", name, err)
	}
	if !reflect.DeepEqual(fe, se) {
		t.Fatalf("%s: the fast path read\n%+v\nthe strict reader\n%+v", name, fe, se)
	}
	return true
}

// bigExportBytes writes an export of n sentences, every other one in a
// highlight, with notes and texts full of what JSON escapes.
func bigExportBytes(t *testing.T, n int) []byte {
	t.Helper()
	var text strings.Builder
	text.WriteString("Big \"one\"\n\n")
	for i := range n {
		if i > 0 {
			if i%7 == 0 {
				text.WriteString("\n\n")
			} else {
				text.WriteString(" ")
			}
		}
		fmt.Fprintf(&text, "Sentence %d says \"é\" & <b>ünïcode</b> 🙂.", i+1)
	}
	d, err := ParsePlainText(text.String())
	if err != nil {
		t.Fatal(err)
	}
	w := NewWorkspace(d)
	w.Annotator = "Zoë \"Z\""
	at := time.Date(2026, 1, 2, 3, 4, 5, 6_000_000, time.UTC)
	e := w.Export(at)
	labels := []string{"supports", "opposes", "neutral", "unrelated"}
	for i := 0; i+1 < len(d.Sentences); i += 2 {
		a := Annotation{ID: fmt.Sprintf("a%d", i+1), SentenceIDs: []string{d.Sentences[i].ID, d.Sentences[i+1].ID},
			Label: labels[i%4], Created: at, Modified: at.Add(time.Duration(i) * time.Second)}
		if i%4 == 0 {
			a.Note = fmt.Sprintf("note %d: \"q\" \\ \t tab\nline <script>", i)
		}
		e.Annotations = append(e.Annotations, a)
	}
	var buf bytes.Buffer
	if err := WriteExport(&buf, e); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadExport(bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatalf("the generated export does not read: %v", err)
	}
	return buf.Bytes()
}

func TestExportFastDecodeAgrees(t *testing.T) {
	golden, err := os.ReadFile(exportGolden)
	if err != nil {
		t.Fatal(err)
	}
	// What Stancemark writes takes the fast path (or it would not help).
	if !exportFastAgrees(t, "golden", golden) {
		t.Fatal("the golden export does not take the fast path")
	}
	if !exportFastAgrees(t, "generated", bigExportBytes(t, 400)) {
		t.Fatal("a generated export with escapes in every text does not take the fast path")
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, golden); err != nil {
		t.Fatal(err)
	}
	if !exportFastAgrees(t, "compact", compact.Bytes()) {
		t.Error("the golden export without whitespace does not take the fast path")
	}
	g := string(golden)
	variants := map[string]string{
		"escaped title":     strings.Replace(g, `"title": "`, `"title": "\"Q\" \u00e9 \\ `, 1),
		"no note":           strings.Replace(g, `"note": "",`, ``, 1),
		"no annotator":      strings.Replace(g, "\"annotator\": {\n    \"name\": \"Ada\"\n  },", "", 1),
		"null title":        strings.Replace(g, `"title": "Test"`, `"title": null`, 1),
		"null note":         strings.Replace(g, `"note": ""`, `"note": null`, 1),
		"duplicate key":     strings.Replace(g, `"title": "`, `"title": "x", "title": "`, 1),
		"duplicate top key": strings.Replace(g, `"exported": "`, `"format": "stancemark/v1", "exported": "`, 1),
		"unknown key":       strings.Replace(g, `"label": "`, `"extra": 1, "label": "`, 1),
		"unknown doc key":   strings.Replace(g, `"title": "`, `"extra": 1, "title": "`, 1),
		"float paragraph":   strings.Replace(g, `"paragraph": 0`, `"paragraph": 0.0`, 1),
		"negative start":    strings.Replace(g, `"start": 0`, `"start": -0`, 1),
		"exponent end":      strings.Replace(g, `"end": 20`, `"end": 2e1`, 1),
		"bad time":          strings.Replace(g, `"created": "2024-05-01T10:00:01.000Z"`, `"created": "yesterday"`, 1),
		"offset time":       strings.Replace(g, `"created": "2024-05-01T10:00:01.000Z"`, `"created": "2024-05-01T12:00:01.123456+02:00"`, 1),
		"empty highlight":   strings.Replace(g, "[\n        \"s4\"\n      ]", "[]", 1),
		"number sentence":   strings.Replace(g, "[\n        \"s4\"\n      ]", "[4]", 1),
		"empty annotations": g[:strings.Index(g, `"annotations": [`)] + "\"annotations\": []\n}\n",
		"no annotations":    strings.Replace(g, `"annotations"`, `"annotationz"`, 1),
		"no format":         strings.Replace(g, `"format": "stancemark/v1",`, ``, 1),
		"future format":     strings.Replace(g, `"stancemark/v1"`, `"stancemark/v9"`, 1),
		"trailing text":     g + " x",
		"cut off":           g[:len(g)/2],
		"control char":      strings.Replace(g, `"title": "`, "\"title\": \"\x01", 1),
		"nul byte":          strings.Replace(g, `"note": "`, "\"note\": \"\\u0000", 1),
		"raw nul":           strings.Replace(g, `"note": "`, "\"note\": \"\x00", 1),
		"invalid utf8":      strings.Replace(g, `"title": "`, "\"title\": \"\xff", 1),
		"bad escape":        strings.Replace(g, `"title": "`, `"title": "\x`, 1),
		"lone surrogate":    strings.Replace(g, `"note": "`, `"note": "\ud800`, 1),
		"deep scheme":       strings.Replace(g, `"name": "Default"`, `"name": [[[[1]]]]`, 1),
		"scheme is list":    strings.Replace(g, `"scheme": {`, `"scheme": [{`, 1),
		"bom":               "\uFEFF" + g,
	}
	for name, v := range variants {
		exportFastAgrees(t, name, []byte(v))
	}
	for _, name := range []string{"escaped title", "no note", "no annotator", "offset time", "nul byte", "lone surrogate"} {
		if !exportFastAgrees(t, name, []byte(variants[name])) {
			t.Errorf("%s left the fast path", name)
		}
	}
	names, _ := filepath.Glob("testdata/malformed/*.json")
	if len(names) == 0 {
		t.Fatal("no malformed exports")
	}
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		exportFastAgrees(t, filepath.Base(n), data)
	}
}

// The fast path changes nothing ReadExport returns, for a large export
// with escapes everywhere.
func TestReadExportFastMatchesStrict(t *testing.T) {
	data := bigExportBytes(t, 3000)
	got, err := ReadExport(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	want, err := decodeExport(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("ReadExport's fast path read the export differently from the strict reader")
	}
	var again bytes.Buffer
	if err := WriteExport(&again, got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), data) {
		t.Fatal("an export read by the fast path does not write back to the same bytes")
	}
}

// FuzzExportFastDecode: whatever the fast path reads, the strict reader
// reads to the same export.
func FuzzExportFastDecode(f *testing.F) {
	if golden, err := os.ReadFile(exportGolden); err == nil {
		f.Add(golden)
	}
	names, _ := filepath.Glob("testdata/malformed/*.json")
	for _, n := range names {
		if data, err := os.ReadFile(n); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) { exportFastAgrees(t, "fuzzed", data) })
}
