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
	p.TypeInto("input#annotator", "Ada")
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

// waitStored waits until some localStorage value contains substr.
func (p *Page) waitStored(substr string) {
	p.t.Helper()
	p.Eventually(fmt.Sprintf("localStorage holds %q", substr), func() error {
		st := p.Storage()
		for _, v := range st {
			if strings.Contains(v, substr) {
				return nil
			}
		}
		return fmt.Errorf("not in any of the keys %v", keysOf(st))
	})
}

func keysOf(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

// When localStorage refuses to save (storage full), the save status says so
// and the work goes on in memory.
func TestSaveErrorIsShown(t *testing.T) {
	p := newPage(t)
	p.ClickSentence("s1")
	p.Key("1")
	p.WaitSaved()
	p.Do("make localStorage full", chromedp.Evaluate[chromedp.Void](`Storage.prototype.setItem = function () {
		throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
	}`))
	p.ClickSentence("s3")
	p.Key("2")
	p.WaitLabels("tagging goes on in memory", map[string]string{"s1": "supports", "s3": "opposes"})
	p.Eventually("save status reports the error", func() error {
		st, _ := p.Attr("#save-status", "data-state")
		txt := p.Text("#save-status")
		if st != "error" || txt == "" || txt == "Saved" {
			return fmt.Errorf("#save-status data-state=%q text=%q, want data-state=error and the reason", st, txt)
		}
		return nil
	})
}
