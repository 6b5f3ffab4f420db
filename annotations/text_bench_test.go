package annotations

import (
	"strings"
	"testing"
)

func BenchmarkParseHTML(b *testing.B) {
	src := strings.Repeat(readTestdata(b, "news.html"), 20)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := ParseHTML(src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseMarkdown(b *testing.B) {
	src := strings.Repeat(readTestdata(b, "news.md")+"\n\n", 20)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := ParseMarkdown(src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseMarkdownUnmatched is input full of openers that never
// close: it must stay linear-ish, not quadratic.
func BenchmarkParseMarkdownUnmatched(b *testing.B) {
	src := "# T\n\n" + strings.Repeat("[a](` <!-- <a x=\" *b &", 10000)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		ParseMarkdown(src)
	}
}

// BenchmarkSegmenterVersions splits the 50,000-sentence text of
// BenchmarkNewDocument50000 with segmenter version 1 (the splitting before
// issue 18, kept unchanged) and version 2 (the current one) in the same
// process, so that the two can be compared on a loaded machine:
//
//	go test -run '^$' -bench SegmenterVersions -count 10 ./annotations/
func BenchmarkSegmenterVersions(b *testing.B) {
	var sb strings.Builder
	for i := range MaxSentences {
		sb.WriteString("Officials said sentence ")
		sb.WriteString(thousands(i))
		sb.WriteString(" is about Iran. ")
		if i%5 == 4 {
			sb.WriteString("\n\n")
		}
	}
	body := sb.String()
	for _, v := range []Segmenter{SegmenterV1, SegmenterV2} {
		b.Run("v"+string(rune('0'+v)), func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				d, err := NewDocumentSegmented("Bench", body, v)
				if err != nil || len(d.Sentences) != MaxSentences {
					b.Fatal(err)
				}
			}
		})
	}
}
