package annotations

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStoredStateVersions restores every stored state of testdata/state
// (one per shipped version of the stored format) and checks exactly what
// it holds. See testdata/state/README.md.
func TestStoredStateVersions(t *testing.T) {
	doc := bundledArticle(t)
	tests := map[string]string{
		"v1-2025-01.json": `active fnc1, annotator "Zoë Ñúñez"
default "The U.S. and Iran should cooperate in Iraq."
  a000000000001 s3-s4 supports "Kirby’s words — « naïve » 日本語 🙂 <b>not HTML</b>" 2025-01-10T09:00:01.500Z 2025-01-10T09:00:04.500Z stamp 2025-01-10T09:00:04.500Z
  a000000000003 s5-s5 opposes "" 2025-01-10T09:00:04.500Z 2025-01-10T09:00:04.500Z stamp 2025-01-10T09:00:04.500Z
  a000000000002 s6-s7 supports "Kirby’s words — « naïve » 日本語 🙂 <b>not HTML</b>" 2025-01-10T09:00:04.500Z 2025-01-10T09:00:04.500Z stamp 2025-01-10T09:00:04.500Z
  a000000000004 s11-s12 neutral "" 2025-01-10T09:00:06.000Z 2025-01-10T09:00:06.000Z stamp 2025-01-10T09:00:06.000Z
fnc1 "Iran and the U.S. talk about Iraq"
  a000000000005 s1-s2 discuss "Ελληνικά\nsecond line" 2025-01-10T09:00:07.500Z 2025-01-10T09:00:09.000Z stamp 2025-01-10T09:00:09.000Z
  a000000000006 s21-s23 disagree "" 2025-01-10T09:00:10.500Z 2025-01-10T09:00:10.500Z stamp 2025-01-10T09:00:10.500Z
semeval2016 ""
rumoureval ""
fever ""
class-7b "Talks will help" labels yes, no
  a000000000007 s8-s10 no "" 2025-01-10T09:00:12.000Z 2025-01-10T09:00:12.000Z stamp 2025-01-10T09:00:12.000Z
`,
		"v1-stamps-2026-03.json": `active default, annotator "Zoë"
default "The U.S. and Iran should cooperate in Iraq." changed 2026-03-02T14:00:01.501Z removed a00000000002 2026-03-02T14:00:13.500Z, a00000000004 2026-03-02T14:00:07.500Z
  a00000000001 s3-s4 supports "Kirby’s words — « naïve » 日本語 🙂" 2026-03-02T14:00:01.500Z 2026-03-02T14:00:04.500Z stamp 2026-03-02T14:00:04.500Z
  a00000000003 s5-s5 opposes "" 2026-03-02T14:00:04.500Z 2026-03-02T14:00:04.500Z stamp 2026-03-02T14:00:04.500Z
  b00000000002 s6-s8 unrelated "Kirby’s words — « naïve » 日本語 🙂" 2026-03-02T14:00:13.500Z 2026-03-02T14:00:13.500Z stamp 2026-03-02T14:00:13.500Z
  a00000000005 s11-s12 neutral "" 2026-03-02T14:00:15.000Z 2026-03-02T14:00:15.000Z stamp 2026-03-02T14:00:18.000Z
fnc1 ""
  b00000000001 s1-s2 discuss "Ελληνικά\nsecond line" 2026-03-02T14:00:10.500Z 2026-03-02T14:00:12.000Z stamp 2026-03-02T14:00:12.000Z
semeval2016 ""
rumoureval ""
fever ""
removed schemes tmp 2026-03-02T14:00:09.000Z
`,
	}
	files, _ := filepath.Glob("testdata/state/*.json")
	if len(files) != len(tests) {
		t.Errorf("%d files in testdata/state, %d cases: every stored version needs a case", len(files), len(tests))
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata/state", name))
			if err != nil {
				t.Fatal(err)
			}
			w, err := RestoreWorkspace(doc, data)
			if err != nil {
				t.Fatal(err)
			}
			if got := describeState(w); got != want {
				t.Errorf("restored:\n%s\nwant:\n%s", got, want)
			}
			// What it restores saves again and restores the same.
			again, err := RestoreWorkspace(doc, must(w.MarshalState()))
			if err != nil || describeState(again) != want {
				t.Errorf("save and restore again: %v\n%s", err, describeState(again))
			}
			if changed, err := w.MergeState(data); changed || err != nil {
				t.Errorf("merging the file into itself: %v, %v", changed, err)
			}
		})
	}
}

// describeState renders everything w would save, one highlight a line.
func describeState(w *Workspace) string {
	var b strings.Builder
	fmt.Fprintf(&b, "active %s, annotator %q\n", w.Scheme().ID, w.Annotator)
	presets := make(map[string]Scheme)
	for _, p := range Presets() {
		presets[p.ID] = p
	}
	for _, s := range w.Schemes() {
		fmt.Fprintf(&b, "%s %q", s.ID, s.Target)
		if p, ok := presets[s.ID]; !ok || !p.equal(Scheme{ID: s.ID, Name: s.Name, Target: p.Target, Labels: s.Labels}) {
			fmt.Fprintf(&b, " labels %s", s.labelIDs())
		}
		if st := w.stamps[s.ID]; st != nil {
			if !st.changed.IsZero() {
				fmt.Fprintf(&b, " changed %s", formatTime(st.changed))
			}
			if len(st.removed) > 0 {
				var rs []string
				for _, r := range sortedTombstones(st.removed) {
					rs = append(rs, r.id+" "+formatTime(r.at))
				}
				fmt.Fprintf(&b, " removed %s", strings.Join(rs, ", "))
			}
		}
		b.WriteString("\n")
		for _, a := range w.AnnotationsFor(s.ID) {
			fmt.Fprintf(&b, "  %s %s-%s %s %q %s %s stamp %s\n", a.ID, a.SentenceIDs[0], a.SentenceIDs[len(a.SentenceIDs)-1],
				a.Label, a.Note, formatTime(a.Created), formatTime(a.Modified), formatTime(w.stampOf(s.ID, a)))
		}
	}
	if len(w.removedSchemes) > 0 {
		var rs []string
		for _, r := range sortedTombstones(w.removedSchemes) {
			rs = append(rs, r.id+" "+formatTime(r.at))
		}
		fmt.Fprintf(&b, "removed schemes %s\n", strings.Join(rs, ", "))
	}
	return b.String()
}
