package annotations

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

func TestCanonicalText(t *testing.T) {
	tests := []struct {
		name, body, text string
		paragraphs       [][2]int
	}{
		{"empty", "", "", nil},
		{"blank lines only", " \n\u00a0\n\t", "", nil},
		{"one line", "  One.  ", "One.", [][2]int{{0, 4}}},
		{"no blank line: one paragraph per line", "A.\nB.\r\nC.", "A.\n\nB.\n\nC.", [][2]int{{0, 2}, {4, 6}, {8, 10}}},
		{"blank lines separate paragraphs", "A\nb.\n\nC.", "A b.\n\nC.", [][2]int{{0, 4}, {6, 8}}},
		{"CR line endings", "A\rb.\r\rC.", "A b.\n\nC.", [][2]int{{0, 4}, {6, 8}}},
		{"CRLF line endings", "A\r\nb.\r\n\r\nC.", "A b.\n\nC.", [][2]int{{0, 4}, {6, 8}}},
		{"NBSP-only line is blank", "A.\n\u00a0\u2007\u202f\ufeff\nB.", "A.\n\nB.", [][2]int{{0, 2}, {4, 6}}},
		{"several blank lines", "A.\n\n\n \n\nB.", "A.\n\nB.", [][2]int{{0, 2}, {4, 6}}},
		{"leading and trailing blank lines do not count", "\n\nA.\nB.\n\n", "A.\n\nB.", [][2]int{{0, 2}, {4, 6}}},
		{"lines trimmed, inner spaces kept", " A  b. \n c. \n\nD.", "A  b. c.\n\nD.", [][2]int{{0, 8}, {10, 12}}},
		{"code points, not bytes", "Ça\nva.\n\n😀 ok.", "Ça va.\n\n😀 ok.", [][2]int{{0, 6}, {8, 13}}},
		{"invalid UTF-8", "A\xff.", "A\ufffd.", [][2]int{{0, 3}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, paras := CanonicalText(tt.body)
			if text != tt.text {
				t.Errorf("text = %q, want %q", text, tt.text)
			}
			var got [][2]int
			for i, p := range paras {
				if p.Index != i {
					t.Errorf("paragraph %d has Index %d", i, p.Index)
				}
				got = append(got, [2]int{p.Start, p.End})
			}
			if len(got) != len(tt.paragraphs) {
				t.Fatalf("paragraphs = %v, want %v", got, tt.paragraphs)
			}
			for i := range got {
				if got[i] != tt.paragraphs[i] {
					t.Errorf("paragraphs = %v, want %v", got, tt.paragraphs)
				}
			}
			if again, _ := CanonicalText(text); again != text {
				t.Errorf("not idempotent: %q -> %q", text, again)
			}
		})
	}
}

func TestParsePlainText(t *testing.T) {
	tests := []struct {
		name, src, title, text string
		err                    error
	}{
		{"title then body", "Title\n\nOne. Two.", "Title", "One. Two.", nil},
		{"blank lines and spaces before title", "\n \n  Title  \nBody.", "Title", "Body.", nil},
		{"BOM and CRLF", "\ufeffTitle\r\n\r\nBody.\r\n", "Title", "Body.", nil},
		{"title only", "Title\n\n", "", "", ErrEmptyDocument},
		{"empty", "", "", "", ErrEmptyDocument},
		{"blank", " \n\u00a0\n", "", "", ErrEmptyDocument},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParsePlainText(tt.src)
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if err != nil {
				return
			}
			if d.Title != tt.title || d.Text != tt.text {
				t.Errorf("got title %q text %q, want %q %q", d.Title, d.Text, tt.title, tt.text)
			}
			if d.ID != DocumentID(d.Text) {
				t.Errorf("ID = %q, want DocumentID(text)", d.ID)
			}
		})
	}
}

func TestDocumentID(t *testing.T) {
	// sha256 of "" and of "abc".
	if got := DocumentID(""); got != "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" {
		t.Errorf("DocumentID(\"\") = %s", got)
	}
	if got := DocumentID("abc"); got != "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Errorf("DocumentID(\"abc\") = %s", got)
	}
}

// TestSentenceOffsetsCodePoints checks that offsets count code points on
// text with NBSP, curly quotes, emoji (also multi-code-point ones) and CJK,
// and that every sentence's Text is the text between its offsets.
func TestSentenceOffsetsCodePoints(t *testing.T) {
	body := "Caf\u00e9\u00a0time is here. \u201cWhy now?\u201d he asked. Family 👨\u200d👩\u200d👧 and flag 🇫🇷 came. Done.\n\n" +
		"日本語の文です。二つ目の文です。\n\nNBSP\u00a0\u00a0between.\u00a0Next one."
	d, err := NewDocument("T", body)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		text       string
		paragraph  int
		start, end int
	}{
		{"Caf\u00e9\u00a0time is here.", 0, 0, 18},
		{"\u201cWhy now?\u201d he asked.", 0, 19, 39},
		// 7 + 5 (man ZWJ woman ZWJ girl) + 10 + 2 (regional indicators) + 6 code points.
		{"Family 👨\u200d👩\u200d👧 and flag 🇫🇷 came.", 0, 40, 70},
		{"Done.", 0, 71, 76},
		{"日本語の文です。", 1, 78, 86},
		{"二つ目の文です。", 1, 86, 94},
		{"NBSP\u00a0\u00a0between.", 2, 96, 110},
		{"Next one.", 2, 111, 120},
	}
	if len(d.Sentences) != len(want) {
		for _, s := range d.Sentences {
			t.Logf("%+v", s)
		}
		t.Fatalf("%d sentences, want %d", len(d.Sentences), len(want))
	}
	runes := []rune(d.Text)
	for i, w := range want {
		s := d.Sentences[i]
		if s.ID != sentenceID(i) || s.Text != w.text || s.Paragraph != w.paragraph || s.Start != w.start || s.End != w.end {
			t.Errorf("sentence %d = %+v, want %+v", i, s, w)
		}
		if got := string(runes[s.Start:s.End]); got != s.Text {
			t.Errorf("%s: text at offsets is %q, Text is %q", s.ID, got, s.Text)
		}
		if q := d.Quote(i, i); q != s.Text {
			t.Errorf("Quote(%d, %d) = %q", i, i, q)
		}
	}
	if got, want := d.Quote(3, 4), "Done.\n\n日本語の文です。"; got != want {
		t.Errorf("Quote(3, 4) = %q, want %q", got, want)
	}
	if got := d.Quote(4, 3); got != "Done.\n\n日本語の文です。" {
		t.Errorf("Quote(4, 3) = %q", got)
	}
	if utf8.RuneCountInString(d.Text) != d.Paragraphs[2].End {
		t.Errorf("last paragraph ends at %d, text has %d code points", d.Paragraphs[2].End, utf8.RuneCountInString(d.Text))
	}
}

func TestDocumentSentenceIndexAndQuote(t *testing.T) {
	d := testDoc(t, 6)
	for i, s := range d.Sentences {
		if got := d.SentenceIndex(s.ID); got != i {
			t.Errorf("SentenceIndex(%q) = %d, want %d", s.ID, got, i)
		}
	}
	for _, id := range []string{"", "s0", "s7", "x"} {
		if got := d.SentenceIndex(id); got != -1 {
			t.Errorf("SentenceIndex(%q) = %d, want -1", id, got)
		}
	}
	tests := []struct {
		name        string
		first, last int
		want        string
	}{
		{"one", 0, 0, "Alpha is a sentence."},
		{"two", 0, 1, "Alpha is a sentence. Bravo is a sentence."},
		{"across paragraphs", 2, 3, "Charlie is a sentence.\n\nDelta is a sentence."},
		{"reversed", 1, 0, "Alpha is a sentence. Bravo is a sentence."},
		{"out of range", 0, 6, ""},
		{"negative", -1, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := d.Quote(tt.first, tt.last); got != tt.want {
				t.Errorf("Quote(%d, %d) = %q, want %q", tt.first, tt.last, got, tt.want)
			}
			// A Document built as a literal has no lookup tables: same answers.
			lit := &Document{Text: d.Text, Sentences: d.Sentences}
			if got := lit.Quote(tt.first, tt.last); got != tt.want {
				t.Errorf("literal Quote(%d, %d) = %q, want %q", tt.first, tt.last, got, tt.want)
			}
		})
	}
	lit := &Document{Sentences: d.Sentences}
	if lit.SentenceIndex("s3") != 2 || lit.SentenceIndex("s9") != -1 {
		t.Error("SentenceIndex on a literal Document")
	}
}

func TestNewDocumentConcurrent(t *testing.T) {
	text := articleText(t)
	var wg sync.WaitGroup
	ids := make([]string, 8)
	for i := range ids {
		wg.Go(func() {
			d, err := ParsePlainText(text)
			if err != nil {
				t.Error(err)
				return
			}
			ids[i] = d.ID + "/" + strings.Repeat("x", len(d.Sentences))
		})
	}
	wg.Wait()
	for _, id := range ids[1:] {
		if id != ids[0] {
			t.Fatal("concurrent segmentation differs")
		}
	}
}
