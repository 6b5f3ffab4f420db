package annotations

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"stancemark/articles"
)

func TestSlicedParseIsParseFile(t *testing.T) {
	var long strings.Builder
	long.WriteString("A long one\n\n")
	for i := range 400 {
		fmt.Fprintf(&long, "The U.S. envoy met Dr. Smith on day %d. \"Nothing,\" he said. Is that é or ü? ", i)
		if i%3 == 2 {
			long.WriteString("\r\n\r\n")
		}
	}
	texts := map[string]string{
		"bundled":       articles.Bundled,
		"long":          long.String(),
		"lines":         "Title\nFirst line. Second sentence.\nAnother line.\n  \nAfter a blank.",
		"one paragraph": "\uFEFF  Heading  \n\nOnly one sentence",
		"markup-like":   "<b>not html</b>\n\n<img src=x onerror=alert(1)> text. More \u00a0 text.",
	}
	for name, src := range texts {
		want, err := ParseFile(name+".txt", []byte(src))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, n := range []int{1, 2, 7, 1000} {
			p, ok := OpenSliced(name+".txt", []byte(src))
			if !ok {
				t.Fatalf("%s: OpenSliced refused a plain-text article", name)
			}
			steps := 0
			for !p.Step(n) {
				steps++
				if done, total := p.Progress(); done >= total || done == 0 {
					t.Fatalf("%s: progress %d of %d before the end", name, done, total)
				}
			}
			got, err := p.Document()
			if err != nil {
				t.Fatalf("%s by %d: %v", name, n, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s segmented %d paragraphs at a time differs from ParseFile (%d vs %d sentences)", name, n, len(got.Sentences), len(want.Sentences))
			}
			if p.Sentences() != len(want.Sentences) {
				t.Errorf("%s: Sentences() = %d, want %d", name, p.Sentences(), len(want.Sentences))
			}
			if n == 1 && steps != len(want.Paragraphs)-1 {
				t.Errorf("%s: %d steps of one paragraph for %d paragraphs", name, steps+1, len(want.Paragraphs))
			}
			// the quote of the last sentence uses the byte offsets
			last := len(got.Sentences) - 1
			if got.Quote(0, last) != want.Quote(0, last) {
				t.Errorf("%s: quotes differ", name)
			}
		}
	}
}

func TestOpenSlicedLeavesTheRestToOpen(t *testing.T) {
	for _, c := range []struct{ name, data string }{
		{"a.md", "# Title\n\nSome *Markdown*."},
		{"a.html", "<html><body><h1>T</h1><p>Text.</p></body></html>"},
		{"a", "<!doctype html><html><body><p>Sniffed HTML.</p></body></html>"},
		{"export.json", `{"format": "stancemark/v1"}`},
		{"data", `[1, 2, 3]`},
		{"empty.txt", " \n\t "},
		{"binary.txt", "\x00\x01\x02\xff\xfe"},
	} {
		if _, ok := OpenSliced(c.name, []byte(c.data)); ok {
			t.Errorf("OpenSliced took %s (%q) for plain text", c.name, c.data)
		}
	}
	p, ok := OpenSliced("blank.txt", []byte("Only a title\n\n"))
	if ok {
		p.Step(10)
		if _, err := p.Document(); !errors.Is(err, ErrEmptyDocument) {
			t.Errorf("a title without a body: %v, want ErrEmptyDocument", err)
		}
	}
	if p, ok := OpenSliced("x.txt", []byte("T\n\nA. B.\n\nC.")); !ok {
		t.Fatal("refused")
	} else if _, err := p.Document(); err == nil {
		t.Error("Document before the last Step returned no error")
	}
}
