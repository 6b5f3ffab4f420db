package e2e

// Waits on sentence state and the save status.

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"
)

// wantLabels is sid → label id for the tagged sentences; every other
// sentence must be untagged.
func labelsMatch(got []SentState, want map[string]string) error {
	var diffs []string
	for _, s := range got {
		if w := want[s.SID]; s.Label != w || (w == "" && s.HasLabel) {
			diffs = append(diffs, fmt.Sprintf("%s: data-label=%q (present=%v), want %q", s.SID, s.Label, s.HasLabel, w))
		}
	}
	if len(got) != numSentences {
		diffs = append(diffs, fmt.Sprintf("%d sentences in the DOM, want %d", len(got), numSentences))
	}
	if len(diffs) > 0 {
		return errors.New(strings.Join(diffs, "; "))
	}
	return nil
}

// WaitLabels waits until the sentences carry exactly want.
func (p *Page) WaitLabels(what string, want map[string]string) {
	p.t.Helper()
	p.Eventually(what, func() error { return labelsMatch(p.States(), want) })
}

// WaitSelected waits until exactly the sids in want are aria-selected="true"
// and all others "false".
func (p *Page) WaitSelected(what string, want ...string) {
	p.t.Helper()
	p.Eventually(what, func() error {
		w := map[string]bool{}
		for _, s := range want {
			w[s] = true
		}
		var diffs []string
		for _, s := range p.States() {
			exp := "false"
			if w[s.SID] {
				exp = "true"
			}
			if s.Selected != exp {
				diffs = append(diffs, fmt.Sprintf("%s aria-selected=%q want %q", s.SID, s.Selected, exp))
			}
		}
		if len(diffs) > 0 {
			return errors.New(strings.Join(diffs, "; "))
		}
		return nil
	})
}

// WaitSaved waits for the save status to say Saved.
func (p *Page) WaitSaved() {
	p.t.Helper()
	p.Eventually("save status shows Saved", func() error {
		st, _ := p.Attr("#save-status", "data-state")
		txt := p.Text("#save-status")
		if st != "saved" || !strings.Contains(txt, "Saved") {
			return fmt.Errorf("#save-status data-state=%q text=%q", st, txt)
		}
		return nil
	})
}

// keepOneHighlight tags s4 "supports" with the note "keep", waits until it
// is saved and shown (what names that wait), and returns the labels the
// sentences then carry: the work a test of a refused change checks stays.
func (p *Page) keepOneHighlight(what string) map[string]string {
	p.t.Helper()
	p.ClickSentence("s4")
	p.Key("1")
	p.writeNote("keep")
	p.waitNote("s4", "keep")
	p.Click("h1#doc-title")
	p.WaitSaved()
	want := map[string]string{"s4": "supports"}
	p.WaitLabels(what, want)
	return want
}

// highlightsStay checks for 300 ms that the sentences carry exactly labels
// and the side list stays list.
func (p *Page) highlightsStay(what string, labels map[string]string, list []Highlight) {
	p.t.Helper()
	p.Never(what, 300*time.Millisecond, func() error {
		if err := labelsMatch(p.States(), labels); err != nil {
			return err
		}
		if got := p.Highlights(); !reflect.DeepEqual(got, list) {
			return fmt.Errorf("side list changed: %+v, was %+v", got, list)
		}
		return nil
	})
}
