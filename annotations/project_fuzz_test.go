package annotations

import (
	"bytes"
	"testing"
)

// FuzzProjectRoundTrip checks that ReadProject never panics, that its
// errors are *ImportError values, and that a project that reads writes
// back identically after a second read (write -> read -> write is
// identity). The seeds are the golden project and the malformed ones.
func FuzzProjectRoundTrip(f *testing.F) {
	addProjectSeeds(f)
	f.Add([]byte(`{"format":"stancemark-project/v1"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, _, ok := fuzzRoundTrip(t, data, ReadProject, WriteProject)
		if !ok {
			return
		}
		for i := range p.Documents {
			if _, err := p.Documents[i].Document(); err != nil {
				t.Fatalf("documents[%d] of a valid project: %v", i, err)
			}
		}
	})
}

// FuzzNewProject checks that any text NewDocument splits makes a valid
// project: its sentences cover the text as Project.Validate requires.
func FuzzNewProject(f *testing.F) {
	for _, s := range []string{
		"Rear Adm. John Kirby spoke. \"Why?\" he asked.\n\nNext.",
		"日本語。二つ。\r\n\u00a0\r\nEmoji 👨\u200d👩\u200d👧 here. 3. Fine!",
		"\xff\xfe. . .. ... ?! \"\" ''",
	} {
		f.Add(s, "A claim.")
	}
	f.Fuzz(func(t *testing.T, body, claim string) {
		d, err := NewDocument("t", body)
		if err != nil || trimSpace(claim) == "" || len(claim) > MaxTargetRunes {
			return
		}
		p, err := NewProject(ProjectInput{Articles: []ArticleInput{{Document: d}}, Claims: []string{claim}})
		if err != nil {
			t.Fatalf("NewProject(%q, %q): %v", body, claim, err)
		}
		var buf bytes.Buffer
		WriteProject(&buf, p)
		if _, err := ReadProject(&buf); err != nil {
			t.Fatalf("ReadProject of NewProject(%q): %v", body, err)
		}
	})
}
