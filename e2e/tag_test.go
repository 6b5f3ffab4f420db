package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// defaultLabels are the default scheme's labels as the contract gives them.
var defaultLabels = []struct{ ID, Name, Key string }{
	{"supports", "Supports", "1"},
	{"opposes", "Opposes", "2"},
	{"neutral", "Neutral", "3"},
	{"unrelated", "Unrelated", "4"},
}

func stateOf(states []SentState, sid string) SentState {
	for _, s := range states {
		if s.SID == sid {
			return s
		}
	}
	return SentState{SID: sid + " (missing)"}
}

// checkVisibleLabel checks that the first sentence of a highlight shows the
// label's name (data-label-name, drawn by CSS ::before) and a colour.
func checkVisibleLabel(t *testing.T, states []SentState, sid, name, untaggedSID string) {
	t.Helper()
	s := stateOf(states, sid)
	if s.LabelName != name {
		t.Errorf("%s data-label-name = %q, want %q", sid, s.LabelName, name)
	}
	if !strings.Contains(s.Before, name) {
		t.Errorf("%s ::before content = %s, want it to show %q (the label name must be visible, not colour alone)", sid, s.Before, name)
	}
	if s.Color == "" {
		t.Errorf("%s has no --label-color", sid)
	}
	if u := stateOf(states, untaggedSID); u.BG == s.BG {
		t.Errorf("%s (tagged %s) has the same background-color %s as untagged %s", sid, name, s.BG, untaggedSID)
	}
}

func TestTagByKeyAndPalette(t *testing.T) {
	p := newPage(t)

	// The palette shows each label with its key and name.
	type btn struct {
		ID   string `json:"id"`
		Text string `json:"text"`
	}
	btns := Eval[[]btn](p, `Array.from(document.querySelectorAll('#palette button.label-btn[data-label-id]')).map(b => ({id: b.dataset.labelId || "", text: b.textContent}))`)
	if len(btns) != len(defaultLabels) {
		t.Errorf("palette has %d label buttons, want %d: %+v", len(btns), len(defaultLabels), btns)
	}
	for i, l := range defaultLabels {
		if i >= len(btns) {
			break
		}
		if btns[i].ID != l.ID || !strings.Contains(btns[i].Text, l.Key) || !strings.Contains(btns[i].Text, l.Name) {
			t.Errorf("palette button %d = %+v, want data-label-id=%s with %q and %q", i, btns[i], l.ID, l.Key, l.Name)
		}
	}

	want := map[string]string{}

	// 1 tags the selected sentence.
	p.ClickSentence("s2")
	p.Key("1")
	want["s2"] = "supports"
	p.WaitLabels("key 1 on s2", want)

	// 2 tags a multi-sentence selection as one highlight; the name shows on
	// its first sentence.
	p.selectRange(4, 6)
	p.Key("2")
	labelMap(want, "opposes", 4, 6)
	p.WaitLabels("key 2 on s4..s6", want)

	p.ClickSentence("s9")
	p.Key("3")
	want["s9"] = "neutral"
	p.ClickSentence("s11")
	p.Key("4")
	want["s11"] = "unrelated"
	p.WaitLabels("keys 3 and 4", want)

	// The palette buttons tag too.
	p.ClickSentence("s13")
	p.Click(`#palette button.label-btn[data-label-id="neutral"]`)
	want["s13"] = "neutral"
	p.WaitLabels("palette Neutral on s13", want)
	p.selectRange(15, 16)
	p.Click(`#palette button.label-btn[data-label-id="supports"]`)
	labelMap(want, "supports", 15, 16)
	p.WaitLabels("palette Supports on s15..s16", want)

	st := p.States()
	checkVisibleLabel(t, st, "s2", "Supports", "s1")
	checkVisibleLabel(t, st, "s4", "Opposes", "s1")
	checkVisibleLabel(t, st, "s9", "Neutral", "s1")
	checkVisibleLabel(t, st, "s11", "Unrelated", "s1")
	checkVisibleLabel(t, st, "s13", "Neutral", "s1")
	checkVisibleLabel(t, st, "s15", "Supports", "s1")
	for _, sid := range []string{"s5", "s6"} {
		if s := stateOf(st, sid); s.BG != stateOf(st, "s4").BG {
			t.Errorf("%s background %s differs from s4 %s in the same highlight", sid, s.BG, stateOf(st, "s4").BG)
		}
	}
	if a, b := stateOf(st, "s2").BG, stateOf(st, "s4").BG; a == b {
		t.Errorf("Supports and Opposes have the same background-color %s", a)
	}

	// 0 clears the selection's label.
	p.ClickSentence("s2")
	p.Key("0")
	delete(want, "s2")
	p.WaitLabels("key 0 on s2", want)
	if s := stateOf(p.States(), "s2"); s.LabelName != "" || strings.Contains(s.Before, "Supports") {
		t.Errorf("cleared s2 still shows a label name: data-label-name=%q ::before=%s", s.LabelName, s.Before)
	}

	// Backspace clears; clearing the middle of a highlight leaves the rest.
	p.ClickSentence("s5")
	p.Key(KeyBack)
	delete(want, "s5")
	p.WaitLabels("Backspace on s5 inside s4..s6", want)

	// The clear button clears.
	p.ClickSentence("s9")
	p.Click("button#clear-label")
	delete(want, "s9")
	p.WaitLabels("button#clear-label on s9", want)

	// A multi-sentence clear across two highlights.
	p.selectRange(11, 16)
	p.Key("0")
	for _, s := range sids(11, 16) {
		delete(want, s)
	}
	p.WaitLabels("0 on s11..s16", want)
	p.WaitSaved()
}

// Rule (the app's, documented here): tagging sentences inside an existing
// highlight with another label splits that highlight; the new label covers
// exactly the selection and the remaining parts before and after keep their
// old label as separate highlights. Tagging over a whole highlight with
// another label replaces it.
func TestTagInsideHighlightSplits(t *testing.T) {
	p := newPage(t)
	p.selectRange(1, 3)
	p.Key("1")
	want := labelMap(nil, "supports", 1, 3)
	p.WaitLabels("s1..s3 Supports", want)
	p.Eventually("one highlight", func() error {
		if h := p.Highlights(); len(h) != 1 {
			return fmt.Errorf("side list %+v, want one highlight", h)
		}
		return nil
	})

	p.ClickSentence("s2")
	p.Key("2")
	want["s2"] = "opposes"
	p.WaitLabels("s2 tagged Opposes inside s1..s3", want)

	st := p.States()
	for sid, name := range map[string]string{"s1": "Supports", "s2": "Opposes", "s3": "Supports"} {
		if s := stateOf(st, sid); s.LabelName != name {
			t.Errorf("after the split %s starts a highlight and must show %q, got data-label-name=%q", sid, name, s.LabelName)
		}
	}
	doc := bundled(t)
	p.Eventually("side list shows s1 | s2 | s3", func() error {
		h := p.Highlights()
		if len(h) != 3 {
			return fmt.Errorf("side list has %d highlights, want 3: %+v", len(h), h)
		}
		for i, w := range []struct{ label, quote string }{
			{"Supports", doc.Sentences[0].Text}, {"Opposes", doc.Sentences[1].Text}, {"Supports", doc.Sentences[2].Text},
		} {
			if h[i].Label != w.label || !quoteMatches(h[i].Quote, w.quote) {
				return fmt.Errorf("highlight %d = %+v, want %s %q", i, h[i], w.label, w.quote)
			}
		}
		return nil
	})

	// Tagging the whole run again replaces the three parts with one.
	p.selectRange(1, 3)
	p.Key("3")
	p.WaitLabels("s1..s3 re-tagged Neutral", labelMap(nil, "neutral", 1, 3))
	p.Eventually("one highlight again", func() error {
		h := p.Highlights()
		if len(h) != 1 || h[0].Label != "Neutral" || !quoteMatches(h[0].Quote, quote(doc, 1, 3)) {
			return fmt.Errorf("side list %+v, want one Neutral highlight of s1..s3", h)
		}
		return nil
	})
	if s := stateOf(p.States(), "s2"); s.LabelName != "" {
		t.Errorf("s2 is inside the s1..s3 highlight and still has data-label-name=%q", s.LabelName)
	}
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// quoteMatches reports whether a side-list quote shows text: the whole text,
// or (for a long one) a prefix of at least 40 characters ending in "…".
func quoteMatches(got, text string) bool {
	g, w := norm(got), norm(text)
	if g == w {
		return true
	}
	cut, ok := strings.CutSuffix(g, "…")
	cut = strings.TrimSpace(cut)
	return ok && len([]rune(cut)) >= 40 && strings.HasPrefix(w, cut)
}
