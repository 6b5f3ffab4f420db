package annotations

import (
	"fmt"
	"os"
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
