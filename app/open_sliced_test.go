package app

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"stancemark/annotations"
)

// frames is a session's "after the next paint" queue, run by hand.
type frames struct{ queue []func() }

func (f *frames) later(g func()) { f.queue = append(f.queue, g) }

// run runs queued functions until none is left, calling each(i) after
// every one; it returns how many ran.
func (f *frames) run(each func(i int)) int {
	n := 0
	for len(f.queue) > 0 {
		g := f.queue[0]
		f.queue = f.queue[1:]
		g()
		n++
		if each != nil {
			each(n)
		}
	}
	return n
}

func longText(paragraphs int) string {
	var b strings.Builder
	b.WriteString("A long report\n\n")
	for i := range paragraphs {
		fmt.Fprintf(&b, "Paragraph %d opens here. The U.S. envoy spoke at length on the matter of the day. Then the meeting went on for hours without a result.\n\n", i+1)
	}
	return b.String()
}

func TestOpenLongTextInSlices(t *testing.T) {
	s, _ := newTestSession(t, newMemoryStore())
	f := &frames{}
	s.later = f.later
	old := sliceBudget
	sliceBudget = 0 // a slice per step: every slice yields
	defer func() { sliceBudget = old }()

	text := longText(2500)
	if len(text) < slicedOpenBytes {
		t.Fatalf("the text is %d bytes, under the sliced size", len(text))
	}
	want, err := annotations.ParseFile("long.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	s.openData("long.txt", []byte(text))
	if s.msg.Text != "Opening long.txt…" || s.msg.Total == 0 {
		t.Fatalf("no progress shown at the start: %+v", s.msg)
	}
	lastDone, bars := -1, 0
	f.run(func(int) {
		if s.msg.Total > 1 {
			bars++
			if s.msg.Done < lastDone || s.msg.Done > s.msg.Total || s.msg.Text != "Opening long.txt…" {
				t.Fatalf("progress went %d → %+v", lastDone, s.msg)
			}
			lastDone = s.msg.Done
		}
	})
	if bars < 100 {
		t.Errorf("the progress bar showed %d times for 2,500 paragraphs in slices of 4", bars)
	}
	if s.doc.ID != want.ID || !reflect.DeepEqual(s.doc.Sentences, want.Sentences) {
		t.Fatalf("the open document is %q with %d sentences, want %d", s.doc.Title, len(s.doc.Sentences), len(want.Sentences))
	}
	if s.msg.Total != 0 || !strings.Contains(s.msg.Text, "Opened") {
		t.Errorf("after the open the notice is %+v", s.msg)
	}
}

func TestOpenLongTextOvertaken(t *testing.T) {
	s, _ := newTestSession(t, newMemoryStore())
	f := &frames{}
	s.later = f.later
	old := sliceBudget
	sliceBudget = 0
	defer func() { sliceBudget = old }()
	bundledID := s.doc.ID

	s.openData("long.txt", []byte(longText(2500)))
	for range 5 { // a few slices, then another file is opened
		g := f.queue[0]
		f.queue = f.queue[1:]
		g()
	}
	s.openData("short.txt", []byte("Short one\n\nOnly this. And that."))
	f.run(nil)
	if s.doc.Title != "Short one" || s.doc.ID == bundledID {
		t.Fatalf("the later open lost: %q is open", s.doc.Title)
	}
	if s.msg.Total != 0 {
		t.Errorf("a progress bar is left: %+v", s.msg)
	}
}
