package annotations_test

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"stancemark/annotations"
)

func TestCSVOneRowPerSentencePerAnnotator(t *testing.T) {
	exports := panel(t)
	data := render(t, "csv", exports)
	if bytes.HasPrefix(data, []byte("\uFEFF")) || bytes.Contains(data, []byte("\r\n")) {
		t.Errorf("the CSV has a byte order mark or CRLF records")
	}
	r := csv.NewReader(bytes.NewReader(data))
	rows, err := r.ReadAll() // RFC 4180: fails on bad quoting or ragged rows
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "document_id,sentence_id,index,paragraph,start,end,text,label,note,annotator" {
		t.Errorf("header = %q", rows[0])
	}
	doc := bundledDoc(t)
	if got, want := len(rows)-1, len(exports)*len(doc.Sentences); got != want {
		t.Fatalf("%d rows, want %d (one per sentence per annotator)", got, want)
	}
	runes := []rune(doc.Text)
	// Round trip: the rows of each annotator give back which label and
	// note every sentence has.
	for k, e := range exports {
		byID := map[string]annotations.Annotation{}
		for _, a := range e.Annotations {
			for _, sid := range a.SentenceIDs {
				byID[sid] = a
			}
		}
		for i, s := range doc.Sentences {
			row := rows[1+k*len(doc.Sentences)+i]
			a := byID[s.ID]
			start, _ := strconv.Atoi(row[4])
			end, _ := strconv.Atoi(row[5])
			want := []string{doc.ID, s.ID, strconv.Itoa(i), strconv.Itoa(s.Paragraph), strconv.Itoa(s.Start), strconv.Itoa(s.End),
				annotations.NeutralizeCell(s.Text), a.Label, annotations.NeutralizeCell(a.Note), e.Annotator.Name}
			if strings.Join(row, "\x00") != strings.Join(want, "\x00") || string(runes[start:end]) != annotations.RestoreCell(row[6]) {
				t.Errorf("row %d = %q, want %q", 1+k*len(doc.Sentences)+i, row, want)
			}
		}
	}
}

func TestJSONLRoundTrip(t *testing.T) {
	exports := panel(t)
	data := render(t, "jsonl", exports)
	var recs []annotations.JSONLRecord
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		var r annotations.JSONLRecord
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("line %d: %v", len(recs)+1, err)
		}
		recs = append(recs, r)
	}
	k := 0
	for _, e := range exports {
		runes := []rune(e.Document.Text)
		for _, a := range e.Annotations {
			r := recs[k]
			k++
			if r.Format != "stancemark-annotation/v1" || r.DocumentID != e.Document.ID || r.ID != a.ID || r.Label != a.Label || r.Note != a.Note ||
				r.Annotator != e.Annotator.Name || strings.Join(r.Sentences, " ") != strings.Join(a.SentenceIDs, " ") ||
				r.Quote != string(runes[r.Start:r.End]) || r.Target != e.Scheme.Target {
				t.Errorf("record %d = %+v, highlight %+v", k, r, a)
			}
			if r.Created != a.Created.UTC().Format("2006-01-02T15:04:05.000Z") || r.Modified != a.Modified.UTC().Format("2006-01-02T15:04:05.000Z") {
				t.Errorf("record %d times %s %s", k, r.Created, r.Modified)
			}
		}
	}
	if k != len(recs) {
		t.Errorf("%d records, want %d", len(recs), k)
	}
}

func TestJSONRoundTripIsIdentity(t *testing.T) {
	e := panel(t)[0]
	data := render(t, "json", []*annotations.Export{e})
	back, err := annotations.ReadExport(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if again := render(t, "json", []*annotations.Export{back}); !bytes.Equal(again, data) {
		t.Errorf("json → read → json changed the bytes")
	}
}

func TestSemEvalTSV(t *testing.T) {
	exports := panel(t)
	data := render(t, "semeval", exports)
	rows := readTSV(t, data)
	if got := strings.Join(rows[0], "\t"); got != "ID\tTarget\tTweet\tStance\tAnnotator\tDocument\tHighlight" {
		t.Errorf("header = %q", got)
	}
	if got, want := len(rows)-1, 3+4+2; got != want {
		t.Fatalf("%d rows, want %d (one per highlight)", got, want)
	}
	if lines := strings.Count(string(data), "\n"); lines != len(rows) {
		t.Errorf("%d lines for %d rows: a row spans lines", lines, len(rows))
	}
	doc := bundledDoc(t)
	for i, f := range rows[1:] {
		if f[0] != strconv.Itoa(i+1) || f[1] != "The United States and Iran could cooperate in Iraq." || f[5] != doc.ID {
			t.Errorf("row %q", f)
		}
	}
	// Ada's third highlight spans s10..s12, across a paragraph break,
	// which the TSV flattens to spaces; it holds quotes, so it is quoted.
	want := []string{"3", "The United States and Iran could cooperate in Iraq.", strings.ReplaceAll(doc.Quote(9, 11), "\n", " "), "neutral", "Ada", doc.ID, "aAda3"}
	if strings.Join(rows[3], "\x00") != strings.Join(want, "\x00") {
		t.Errorf("row 3 = %q\nwant    %q", rows[3], want)
	}
	if !strings.Contains(string(data), "\t\"In fact, the United States and Iran held \"\"very brief discussions\"\"") {
		t.Errorf("a Tweet with quotes is not quoted as RFC 4180 says")
	}
}

func TestPairsAndMajority(t *testing.T) {
	exports := panel(t)
	var pairs []annotations.PairRecord
	for _, l := range strings.Split(strings.TrimSpace(string(render(t, "pairs", exports))), "\n") {
		var p annotations.PairRecord
		if err := json.Unmarshal([]byte(l), &p); err != nil {
			t.Fatal(err)
		}
		pairs = append(pairs, p)
	}
	if len(pairs) != 6+6+4 || pairs[0].Annotator != "Ada" || pairs[0].SentenceID != "s1" || pairs[0].Label != "supports" || pairs[0].Agreement != nil {
		t.Errorf("%d pairs, first %+v", len(pairs), pairs[0])
	}
	maj, err := annotations.Pairs(exports, annotations.DatasetOptions{Majority: true})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]annotations.PairRecord{}
	for _, p := range maj {
		got[p.SentenceID] = p
	}
	tests := []struct {
		sid, label string
		agreement  float64
		annotators int
	}{
		{"s1", "supports", 1, 3},
		{"s2", "supports", 2.0 / 3, 3},
		{"s5", "opposes", 2.0 / 3, 3},
		{"s6", "neutral", 1, 1},
		{"s10", "neutral", 1, 1},
		{"s21", "unrelated", 1, 1},
	}
	for _, tt := range tests {
		p := got[tt.sid]
		if p.Label != tt.label || p.Agreement == nil || *p.Agreement != tt.agreement || p.Annotators != tt.annotators || p.Annotator != "" {
			t.Errorf("%s = %+v, want %s %.3f of %d", tt.sid, p, tt.label, tt.agreement, tt.annotators)
		}
	}
	if len(maj) != 2+2+3+3 {
		t.Errorf("%d majority rows, want one per sentence anyone tagged (10)", len(maj))
	}
	// A tie has no majority label.
	tie := []*annotations.Export{articleExport(t, "A", tagRun{0, 0, "supports", ""}), articleExport(t, "B", tagRun{0, 0, "opposes", ""})}
	rows, err := annotations.Pairs(tie, annotations.DatasetOptions{Majority: true})
	if err != nil || len(rows) != 1 || rows[0].Label != "" || *rows[0].Agreement != 0.5 {
		t.Errorf("tie = %+v, %v; want label \"\" and agreement 0.5", rows, err)
	}
	var buf bytes.Buffer
	if err := annotations.WriteSemEval(&buf, exports, annotations.DatasetOptions{Majority: true}); err != nil {
		t.Fatal(err)
	}
	tsv := readTSV(t, buf.Bytes())
	if got := strings.Join(tsv[0], "\t"); got != "ID\tTarget\tTweet\tStance\tAgreement\tDocument\tSentence" || len(tsv) != 1+10 {
		t.Errorf("majority TSV header %q, %d rows", got, len(tsv)-1)
	}
	if r := tsv[1]; r[0] != "1" || r[3] != "supports" || r[4] != "1.0000" || r[5] != exports[0].Document.ID || r[6] != "s1" {
		t.Errorf("majority TSV row 1 = %q", r)
	}
}

func TestMajorityRefusesOtherDocuments(t *testing.T) {
	doc, _ := annotations.NewDocument("Other", "Another text. Quite short.")
	other := annotations.NewWorkspace(doc).Export(exportTime)
	_, err := annotations.Pairs([]*annotations.Export{panel(t)[0], other}, annotations.DatasetOptions{Majority: true})
	if !errors.Is(err, annotations.ErrOtherDocument) || !strings.Contains(err.Error(), `"Other"`) {
		t.Errorf("err = %v, want ErrOtherDocument naming the other document", err)
	}
}

func TestWriteFormat(t *testing.T) {
	exports := panel(t)
	for _, f := range annotations.Formats {
		if annotations.FormatExtension(f) == "" || annotations.FormatMediaType(f) == "" || annotations.FormatName(f) == "" {
			t.Errorf("format %s has no extension, media type or name", f)
		}
		if len(render(t, f, exports)) == 0 {
			t.Errorf("format %s wrote nothing", f)
		}
	}
	if got := annotations.FormatExtension("csv"); got != ".csv" {
		t.Errorf("FormatExtension(csv) = %q", got)
	}
	var buf bytes.Buffer
	if err := annotations.WriteFormat(&buf, "xml", exports); err == nil || buf.Len() > 0 {
		t.Errorf("unknown format: err %v, wrote %d bytes", err, buf.Len())
	}
	bad := *exports[1]
	bad.Annotations = append([]annotations.Annotation{}, bad.Annotations...)
	bad.Annotations[0].Label = "agree"
	err := annotations.WriteFormat(&buf, "csv", []*annotations.Export{exports[0], &bad})
	if !errors.Is(err, annotations.ErrUnknownLabel) || !strings.Contains(err.Error(), "export 2: annotations[0].label") || buf.Len() > 0 {
		t.Errorf("invalid export: err %v, wrote %d bytes", err, buf.Len())
	}
}

func BenchmarkWriteFormat(b *testing.B) {
	// 30 annotators' exports of the bundled article, every sentence tagged.
	var exports []*annotations.Export
	labels := []string{"supports", "opposes", "neutral", "unrelated"}
	for k := range 30 {
		var runs []tagRun
		for i := 0; i < 23; i += 2 {
			runs = append(runs, tagRun{i, min(i+1, 22), labels[(i+k)%4], "note " + strconv.Itoa(i)})
		}
		exports = append(exports, articleExport(b, "annotator"+strconv.Itoa(k), runs...))
	}
	for _, f := range annotations.Formats {
		b.Run(f, func(b *testing.B) {
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := annotations.WriteFormat(&buf, f, exports); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}
