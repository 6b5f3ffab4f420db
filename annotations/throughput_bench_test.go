package annotations_test

// Benchmarks of issue 7 at the sizes of "make bench": a 5,000-sentence
// article with 5,000 single-sentence highlights (segmentation throughput,
// save encoding, export in every format, import, and agreement over many
// annotators' exports). The smaller benchmarks live in work_bench_test.go,
// format_write_test.go and agree_coefficients_test.go.

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"stancemark/annotations"
)

// perfArticle is a news-like plain-text article of n sentences, about 5
// per paragraph, deterministic.
func perfArticle(n int) string {
	subjects := []string{"Officials in Baghdad", "The foreign ministry", "A senior diplomat", "Analysts in the region", "Lawmakers in Washington", "Security forces"}
	verbs := []string{"said on Tuesday that", "warned that", "told reporters that", "denied reports that", "confirmed that"}
	claims := []string{"the talks could resume within weeks", "cooperation on border security was still possible", "the ceasefire had largely held since the spring", "more than 40 percent of the budget goes to security", "quiet contacts had taken place in Geneva"}
	var sb strings.Builder
	fmt.Fprintf(&sb, "Generated article: %d sentences\n\n", n)
	for i := range n {
		if i > 0 {
			if i%5 == 0 {
				sb.WriteString("\n\n")
			} else {
				sb.WriteByte(' ')
			}
		}
		if i%7 == 3 {
			sb.WriteString("\"We are not there yet,\" one official said.")
			continue
		}
		fmt.Fprintf(&sb, "%s %s %s.", subjects[i%len(subjects)], verbs[(i/3)%len(verbs)], claims[(i/2)%len(claims)])
	}
	return sb.String()
}

func perfDoc(b *testing.B, n int) *annotations.Document {
	b.Helper()
	d, err := annotations.ParsePlainText(perfArticle(n))
	if err != nil {
		b.Fatal(err)
	}
	if len(d.Sentences) != n {
		b.Fatalf("%d sentences, want %d", len(d.Sentences), n)
	}
	return d
}

// perfWorkspace tags every sentence of d as its own highlight.
func perfWorkspace(b *testing.B, d *annotations.Document) *annotations.Workspace {
	b.Helper()
	w := annotations.NewWorkspace(d)
	w.Annotator = "Ada"
	w.MaxHistory = 1
	labels := []string{"supports", "opposes", "neutral", "unrelated"}
	for i := range d.Sentences {
		if _, err := w.Tag(i, i, labels[(i*7)%len(labels)]); err != nil {
			b.Fatal(err)
		}
	}
	return w
}

// BenchmarkSegmentThroughput: plain text to a segmented Document (MB/s of
// input), the work the app does when it opens a 5,000-sentence article.
func BenchmarkSegmentThroughput(b *testing.B) {
	src := perfArticle(5000)
	perfDoc(b, 5000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := annotations.ParsePlainText(src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMarshalState5000Highlights is the encoding part of saving one
// change when 5,000 highlights exist (the target: the whole save ≤ 4 ms).
func BenchmarkMarshalState5000Highlights(b *testing.B) {
	w := perfWorkspace(b, perfDoc(b, 5000))
	data, err := w.MarshalState()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := w.MarshalState(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRestoreState5000Highlights is reading that save back at start.
func BenchmarkRestoreState5000Highlights(b *testing.B) {
	w := perfWorkspace(b, perfDoc(b, 5000))
	data, err := w.MarshalState()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := annotations.RestoreWorkspace(w.Doc, data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExport5000 writes one annotator's export of a 5,000-sentence
// article with 5,000 highlights in every format.
func BenchmarkExport5000(b *testing.B) {
	e := perfWorkspace(b, perfDoc(b, 5000)).Export(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	for _, f := range annotations.Formats {
		b.Run(f, func(b *testing.B) {
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := annotations.WriteFormat(&buf, f, []*annotations.Export{e}); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}

// BenchmarkImport5000 reads that stancemark/v1 export back (validation
// included), as import and "stancemark agree" do for every file.
func BenchmarkImport5000(b *testing.B) {
	e := perfWorkspace(b, perfDoc(b, 5000)).Export(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	var buf bytes.Buffer
	if err := annotations.WriteExport(&buf, e); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := annotations.ReadExport(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAgreementFromExports is "stancemark agree" after the files are
// read: 30 annotators' exports of a 5,000-sentence article to the full
// agreement report.
func BenchmarkAgreementFromExports(b *testing.B) {
	base := perfWorkspace(b, perfDoc(b, 5000)).Export(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	labels := []string{"supports", "opposes", "neutral", "unrelated"}
	var exports []*annotations.Export
	for k := range 30 {
		e := *base
		e.Annotator.Name = fmt.Sprintf("annotator%02d", k)
		e.Annotations = append([]annotations.Annotation(nil), base.Annotations...)
		for i := range e.Annotations {
			e.Annotations[i].Label = labels[(i*7+k*(i%3))%len(labels)]
		}
		exports = append(exports, &e)
	}
	b.ReportAllocs()
	for b.Loop() {
		r, err := annotations.ReliabilityFromExports(exports, "")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := r.Report(annotations.Nominal); err != nil {
			b.Fatal(err)
		}
	}
}
