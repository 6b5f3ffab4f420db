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
