package annotations

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testWords name the sentences of testDoc: "Alpha is sentence one." ...
var testWords = []string{"Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett"}

// testDoc returns a document of n (<= 10) sentences, s1 "Alpha ...", in
// two paragraphs.
func testDoc(t testing.TB, n int) *Document {
	t.Helper()
	var b strings.Builder
	for i := range n {
		if i == n/2 && i > 0 {
			b.WriteString("\n\n")
		} else if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%s is a sentence.", testWords[i])
	}
	d, err := NewDocument("Test", b.String())
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sentences) != n {
		t.Fatalf("testDoc: %d sentences, want %d", len(d.Sentences), n)
	}
	return d
}

// testClock is a clock that advances by one second on each call.
type testClock struct{ t time.Time }

func (c *testClock) now() time.Time {
	c.t = c.t.Add(time.Second)
	return c.t
}

var testEpoch = time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)

// testWorkspace returns a workspace on a document of n sentences with a
// deterministic clock and ids "a1", "a2", ...
func testWorkspace(t testing.TB, n int) *Workspace {
	t.Helper()
	w := NewWorkspace(testDoc(t, n))
	w.Annotator = "Ada"
	clock := &testClock{t: testEpoch}
	w.Now = clock.now
	next := 0
	w.NewID = func() string {
		next++
		return fmt.Sprintf("a%d", next)
	}
	return w
}

// state renders the active scheme's highlights: "s1-s2 supports a1 [note]",
// joined by " | ".
func highlights(w *Workspace) string {
	var parts []string
	for _, a := range w.Annotations() {
		s := fmt.Sprintf("%s-%s %s %s", a.SentenceIDs[0], a.SentenceIDs[len(a.SentenceIDs)-1], a.Label, a.ID)
		if a.Note != "" {
			s += fmt.Sprintf(" %q", a.Note)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " | ")
}

// articleText reads the bundled article.
func articleText(t testing.TB) string {
	t.Helper()
	for _, p := range []string{"../articles/us-iran-iraq.txt", "../web/us-iran-iraq.txt"} {
		if b, err := os.ReadFile(p); err == nil {
			return string(b)
		}
	}
	t.Fatal("the bundled article us-iran-iraq.txt is in neither ../articles nor ../web")
	return ""
}

// article returns the bundled article as a Document.
func bundledArticle(t testing.TB) *Document {
	t.Helper()
	d, err := ParsePlainText(articleText(t))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// malformed is one file that a reader must refuse, with the exact message
// (want "" for a file that must be accepted).
type malformed struct {
	name string
	data []byte
	want string
}

// malformedIn returns the files of dir (testdata/malformed/<kind>): each
// NAME.json with its exact message in NAME.want (go test -update rewrites
// the .want files). Fewer than least files is an error.
func malformedIn(t *testing.T, dir string, least int) []malformed {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(names) < least {
		t.Fatalf("%d files in %s (%v)", len(names), dir, err)
	}
	var out []malformed
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(strings.TrimSuffix(n, ".json") + ".want")
		if err != nil && !*updateGolden {
			t.Fatalf("%s has no .want file (go test -update writes it): %v", n, err)
		}
		out = append(out, malformed{name: filepath.Base(n), data: data, want: strings.TrimSuffix(string(want), "\n")})
	}
	return out
}

// checkMalformed checks err, what reading m gave: an *ImportError whose
// message is exactly m.want, or nil when m.want is "". With -update it
// writes the message to m's .want file in dir instead (not for the
// "generated" cases).
func checkMalformed(t *testing.T, dir string, m malformed, err error) {
	t.Helper()
	got := ""
	if err != nil {
		got = err.Error()
		var ie *ImportError
		if !errors.As(err, &ie) {
			t.Errorf("%v (%T) is not an *ImportError", err, err)
		}
	}
	if *updateGolden && !strings.HasPrefix(m.name, "generated") {
		os.WriteFile(filepath.Join(dir, strings.TrimSuffix(m.name, ".json")+".want"), []byte(got+"\n"), 0o644)
	} else if got != m.want {
		t.Errorf("message\n got %q\nwant %q", got, m.want)
	}
}

// fuzzRoundTrip is the round trip every file format's fuzz target checks
// on data: reading never panics and its error is an *ImportError (ok is
// then false); what reads writes back, reads again and writes back
// identically (write -> read -> write is identity). It returns what was
// read first and what was read back.
func fuzzRoundTrip[T any](t *testing.T, data []byte, read func(io.Reader) (T, error), write func(io.Writer, T) error) (first, again T, ok bool) {
	t.Helper()
	first, err := read(bytes.NewReader(data))
	if err != nil {
		var ie *ImportError
		if !errors.As(err, &ie) {
			t.Fatalf("error %v is not an *ImportError", err)
		}
		return first, again, false
	}
	var out1 bytes.Buffer
	if err := write(&out1, first); err != nil {
		t.Fatal(err)
	}
	again, err = read(bytes.NewReader(out1.Bytes()))
	if err != nil {
		t.Fatalf("reading what was written: %v\n%s", err, out1.Bytes())
	}
	var out2 bytes.Buffer
	if err := write(&out2, again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out1.Bytes(), out2.Bytes()) {
		t.Fatalf("write(read(write(x))) differs:\n%s\n---\n%s", out1.Bytes(), out2.Bytes())
	}
	return first, again, true
}
