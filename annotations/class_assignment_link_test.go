package annotations

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"stancemark/articles"
)

func TestAssignmentLinkRoundTrip(t *testing.T) {
	for _, withKey := range []bool{true, false} {
		a := testAssignment(t, withKey)
		data, err := EncodeAssignmentLink(a)
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`^[A-Za-z0-9_-]+$`).MatchString(data) {
			t.Fatalf("DATA is not base64url without padding: %q", data)
		}
		t.Logf("bundled article, key %v: DATA is %d characters", withKey, len(data))
		got, err := DecodeAssignmentLink(data)
		if err != nil {
			t.Fatal(err)
		}
		assertSameAssignment(t, a, got)
		// As pasted from a mail: with the "#a=", padding and line breaks.
		link, _ := AssignmentLink("https://example.org/stancemark/#old", a)
		if !strings.HasPrefix(link, "https://example.org/stancemark/#a=") {
			t.Errorf("link %q", link)
		}
		wrapped := "#a=" + data[:40] + "\r\n" + data[40:] + "=="
		if got, err := DecodeAssignmentLink(wrapped); err != nil {
			t.Errorf("wrapped link: %v", err)
		} else {
			assertSameAssignment(t, a, got)
		}
	}
}

// assertSameAssignment checks that a and b write the same JSON.
func assertSameAssignment(t *testing.T, a, b *Assignment) {
	t.Helper()
	x, _ := a.MarshalJSON()
	y, _ := b.MarshalJSON()
	if !bytes.Equal(x, y) {
		t.Fatalf("the assignments differ:\n%s\n%s", x, y)
	}
}

// longArticle returns a plain-text article of about words words made of
// the bundled article's vocabulary in random order (so it compresses like
// real prose, not like repeated text), in paragraphs of 2 to 5 sentences.
func longArticle(words int, seed uint64) string {
	var vocab []string
	for _, w := range strings.Fields(articles.Bundled) {
		if regexp.MustCompile(`^[A-Za-z]+$`).MatchString(w) {
			vocab = append(vocab, strings.ToLower(w))
		}
	}
	rng := rand.New(rand.NewPCG(seed, 1))
	var b strings.Builder
	b.WriteString("A long article for the link test\n\n")
	n := 0
	for n < words {
		for range 2 + rng.IntN(4) {
			k := 8 + rng.IntN(18)
			for i := range k {
				w := vocab[rng.IntN(len(vocab))]
				if i == 0 {
					w = strings.ToUpper(w[:1]) + w[1:]
				} else {
					b.WriteByte(' ')
				}
				b.WriteString(w)
			}
			b.WriteString(". ")
			n += k
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

func TestAssignmentLinkLongArticle(t *testing.T) {
	doc, err := ParsePlainText(longArticle(2000, 7))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(strings.Fields(doc.Text)); n < 2000 || n > 2100 {
		t.Fatalf("the article has %d words", n)
	}
	w := NewWorkspace(doc)
	w.SetTarget("The United States and Iran could cooperate in Iraq.")
	labels := []string{"supports", "opposes", "neutral", "unrelated"}
	for i := 0; i < len(doc.Sentences); i += 3 { // a key on a third of the sentences, with notes
		h, err := w.Tag(i, i, labels[i%4])
		if err != nil {
			t.Fatal(err)
		}
		if i%9 == 0 {
			w.SetNote(h.ID, "Because the official says so.")
		}
	}
	a := AssignmentFromWorkspace(w, "Long read", "Tag what takes a side.", AssignmentOptions{})
	data, err := EncodeAssignmentLink(a)
	if err != nil {
		t.Fatal(err)
	}
	js, _ := a.MarshalJSON()
	t.Logf("2,000-word article (%d sentences, %d key highlights): JSON %d bytes, link DATA %d characters",
		len(doc.Sentences), len(a.Key), len(js), len(data))
	if len(data) > 32000 {
		t.Errorf("the link DATA is %d characters; it should stay well under browsers' URL limits", len(data))
	}
	got, err := DecodeAssignmentLink(data)
	if err != nil {
		t.Fatal(err)
	}
	assertSameAssignment(t, a, got)
}

// deflate returns base64url of the raw DEFLATE of data (fast, not best,
// compression: the zip bomb is 20 MB).
func deflate(data []byte) string {
	var buf bytes.Buffer
	zw, _ := flate.NewWriter(&buf, flate.BestSpeed)
	zw.Write(data)
	zw.Close()
	return base64.RawURLEncoding.EncodeToString(buf.Bytes())
}

func TestDecodeAssignmentLinkErrors(t *testing.T) {
	good, err := EncodeAssignmentLink(testAssignment(t, true))
	if err != nil {
		t.Fatal(err)
	}
	bomb := deflate(append([]byte(`{"format":"stancemark-assignment/v1","id":"`), bytes.Repeat([]byte("x"), MaxImportBytes)...))
	if len(bomb) > 100_000 {
		t.Fatalf("the bomb is %d characters", len(bomb))
	}
	for _, tc := range []struct {
		name, data, want string
		sentinel         error
	}{
		{"empty", "#a=", "the link has no assignment data", ErrBadLink},
		{"bad character", good[:10] + "!" + good[11:], `a character that does not belong in it ("!" at position 11)`, ErrBadLink},
		{"cut off", good[:len(good)/2], "the link is incomplete; it was probably cut off", ErrBadLink},
		{"not deflate", base64.RawURLEncoding.EncodeToString([]byte{0xff, 0xff, 0xff, 0xff}), "the link's data is damaged", ErrBadLink},
		{"not JSON", deflate([]byte("hello")), "invalid JSON", ErrSyntax},
		{"an export", deflate([]byte(`{"format":"stancemark/v1"}`)), "not an assignment", ErrFormat},
		{"zip bomb", bomb, "larger than 20 MB", ErrTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeAssignmentLink(tc.data)
			var ie *ImportError
			if !errors.As(err, &ie) || !errors.Is(err, tc.sentinel) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want an *ImportError wrapping %v with %q", err, tc.sentinel, tc.want)
			}
		})
	}
}

// FuzzDecodeAssignmentLink checks that any DATA decodes without panicking,
// to an *ImportError or to an assignment whose link decodes to the same
// assignment. Seeds are in testdata/fuzz/FuzzDecodeAssignmentLink.
func FuzzDecodeAssignmentLink(f *testing.F) {
	a := testAssignment(f, true)
	if data, err := EncodeAssignmentLink(a); err == nil {
		f.Add(data)
		f.Add(data[:len(data)/2])
	}
	f.Add("")
	f.Add("#a=AAAA")
	f.Fuzz(func(t *testing.T, data string) {
		got, err := DecodeAssignmentLink(data)
		if err != nil {
			var ie *ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an *ImportError", err)
			}
			return
		}
		again, err := EncodeAssignmentLink(got)
		if err != nil {
			t.Fatal(err)
		}
		back, err := DecodeAssignmentLink(again)
		if err != nil {
			t.Fatalf("decoding an encoded assignment: %v", err)
		}
		assertSameAssignment(t, got, back)
	})
}

// FuzzReadAssignment checks that reading any file never panics, that
// errors are *ImportError values, and that an assignment that reads writes
// back identically after a second read, and through a link. Seeds are in
// testdata/fuzz/FuzzReadAssignment.
func FuzzReadAssignment(f *testing.F) {
	var buf bytes.Buffer
	WriteAssignment(&buf, testAssignment(f, true))
	f.Add(buf.Bytes())
	f.Add([]byte(`{"format":"stancemark-assignment/v1"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ReadAssignment(bytes.NewReader(data))
		if err != nil {
			var ie *ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an *ImportError", err)
			}
			return
		}
		var first, second bytes.Buffer
		if err := WriteAssignment(&first, a); err != nil {
			t.Fatal(err)
		}
		again, err := ReadAssignment(bytes.NewReader(first.Bytes()))
		if err != nil {
			t.Fatalf("reading what was written: %v\n%s", err, first.Bytes())
		}
		WriteAssignment(&second, again)
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("write(read(write(x))) differs:\n%s\n---\n%s", first.Bytes(), second.Bytes())
		}
		link, err := EncodeAssignmentLink(a)
		if err != nil {
			t.Fatal(err)
		}
		back, err := DecodeAssignmentLink(link)
		if err != nil {
			t.Fatalf("decoding the link of a valid assignment: %v", err)
		}
		assertSameAssignment(t, a, back)
	})
}
