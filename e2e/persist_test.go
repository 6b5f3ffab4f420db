package e2e

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// checkKeys checks that every localStorage key starts with "stancemark/".
func checkKeys(t *testing.T, st map[string]string) {
	t.Helper()
	if len(st) == 0 {
		t.Errorf("nothing in localStorage after changes")
	}
	for k := range st {
		if !strings.HasPrefix(k, "stancemark/") {
			t.Errorf("localStorage key %q does not start with stancemark/", k)
		}
	}
}

func TestPersistAcrossReload(t *testing.T) {
	p := newPage(t)

	p.selectRange(1, 2)
	p.Key("2")
	p.WaitSaved()
	p.ClickSentence("s10")
	p.Key("3")
	p.WaitSaved()
	p.ClickSentence("s1")
	p.writeNote("persist me")
	p.waitNote("s1", "persist me")
	p.WaitSaved()
	p.Click("input#annotator")
	p.Do("name", chromedp.KeyEvent("Ada"))
	p.Key(KeyTab)
	p.Click("h1#doc-title")

	want := map[string]string{"s1": "opposes", "s2": "opposes", "s10": "neutral"}
	p.WaitLabels("before reload", want)
	before := p.Highlights()

	var st map[string]string
	p.Eventually("localStorage holds the note and the annotator", func() error {
		st = p.Storage()
		all := ""
		for _, v := range st {
			all += v
		}
		if !strings.Contains(all, "persist me") || !strings.Contains(all, "Ada") {
			return fmt.Errorf("localStorage keys %v do not hold the note and the annotator name yet", keysOf(st))
		}
		return nil
	})
	checkKeys(t, st)

	p.Reload()
	p.WaitLabels("labels restored after reload", want)
	p.Eventually("side list restored after reload", func() error {
		if after := p.Highlights(); !reflect.DeepEqual(after, before) {
			return fmt.Errorf("side list after reload %+v, before %+v", after, before)
		}
		return nil
	})
	if v := p.Value("input#annotator"); v != "Ada" {
		t.Errorf("input#annotator = %q after reload, want Ada", v)
	}
	st2 := p.Storage()
	checkKeys(t, st2)
	p.WaitSelected("no selection after reload")
	// Undo history is not part of the contract across reloads; a change
	// after reload is saved again.
	p.ClickSentence("s23")
	p.Key("4")
	p.WaitSaved()
	want["s23"] = "unrelated"
	p.Reload()
	p.WaitLabels("second reload", want)
	p.waitNote("s1", "persist me")
}

func keysOf(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}
