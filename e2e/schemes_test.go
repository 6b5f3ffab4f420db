package e2e

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"stancemark/annotations"
)

// chooseScheme picks a scheme in select#scheme as a user does (the value
// changes and input/change fire).
func (p *Page) chooseScheme(id string) {
	p.t.Helper()
	choose := fmt.Sprintf(`(() => {
		const s = document.querySelector('select#scheme');
		s.focus(); s.value = %q;
		s.dispatchEvent(new Event('input', {bubbles: true}));
		s.dispatchEvent(new Event('change', {bubbles: true}));
		s.blur();
	})()`, id)
	p.Do("choose scheme "+id, chromedp.Evaluate[chromedp.Void](choose))
	p.Eventually("scheme "+id+" active", func() error {
		if v := p.Value("select#scheme"); v != id {
			// a render of the choice before this one put that one back
			// (the app had not run it yet): choose again, as a person would
			p.Do("choose scheme "+id+" again", chromedp.Evaluate[chromedp.Void](choose))
			return fmt.Errorf("select#scheme = %q", v)
		}
		return nil
	})
}

type paletteBtn struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

func (p *Page) palette() []paletteBtn {
	p.t.Helper()
	return Eval[[]paletteBtn](p, `Array.from(document.querySelectorAll('#palette button.label-btn[data-label-id]')).map(b => ({id: b.dataset.labelId || "", text: b.textContent}))`)
}

// waitPalette waits until the palette shows exactly the scheme's labels,
// with key and name.
func (p *Page) waitPalette(s annotations.Scheme) {
	p.t.Helper()
	p.Eventually("palette shows the "+s.Name+" labels", func() error {
		got := p.palette()
		if len(got) != len(s.Labels) {
			return fmt.Errorf("palette %+v, want %d labels of %s", got, len(s.Labels), s.ID)
		}
		for i, l := range s.Labels {
			if got[i].ID != l.ID || !strings.Contains(got[i].Text, l.Key) || !strings.Contains(got[i].Text, l.Name) {
				return fmt.Errorf("palette button %d = %+v, want %s with %q and %q", i, got[i], l.ID, l.Key, l.Name)
			}
		}
		return nil
	})
}

// setTarget replaces the target claim by typing; commit is "enter" or "blur".
func (p *Page) setTarget(text, commit string) {
	p.t.Helper()
	p.TypeInto("input#target", text)
	if commit == "enter" {
		p.Key(KeyEnter)
	} else {
		p.Key(KeyTab)
	}
	p.Click("h1#doc-title")
}

func TestSchemesAndTarget(t *testing.T) {
	presets := map[string]annotations.Scheme{}
	for _, s := range annotations.Presets() {
		presets[s.ID] = s
	}
	// The contract's label sets.
	for id, want := range map[string]string{
		"default": "supports opposes neutral unrelated", "fnc1": "agree disagree discuss unrelated",
		"semeval2016": "favor against none", "rumoureval": "support deny query comment", "fever": "supports refutes nei",
	} {
		var ids []string
		for _, l := range presets[id].Labels {
			ids = append(ids, l.ID)
		}
		if strings.Join(ids, " ") != want {
			t.Fatalf("annotations preset %s has labels %v, the contract %q", id, ids, want)
		}
	}

	p := newPage(t)
	downloads := p.AllowDownloads()
	opts := Eval[[]string](p, `Array.from(document.querySelectorAll('select#scheme option')).map(o => o.value)`)
	if got := strings.Join(opts, " "); got != "default fnc1 semeval2016 rumoureval fever" {
		t.Errorf("select#scheme options %q, want %q", got, "default fnc1 semeval2016 rumoureval fever")
	}
	p.waitPalette(presets["default"])

	// Every preset's palette.
	for _, id := range []string{"semeval2016", "rumoureval", "fever", "default"} {
		p.chooseScheme(id)
		p.waitPalette(presets[id])
	}
	if fever := presets["fever"]; len(fever.Labels) == 3 && fever.Labels[2].Name != "Not enough info" {
		t.Errorf("FEVER's third label is named %q, want \"Not enough info\"", fever.Labels[2].Name)
	}

	// Tag in the default scheme, then in FNC-1; each keeps its highlights.
	p.ClickSentence("s2")
	p.Key("1")
	defaults := map[string]string{"s2": "supports"}
	p.WaitLabels("default: s2 Supports", defaults)

	p.chooseScheme("fnc1")
	p.waitPalette(presets["fnc1"])
	p.WaitLabels("FNC-1 starts without the default scheme's highlights", nil)
	p.ClickSentence("s2")
	p.Key("2")
	p.ClickSentence("s4")
	p.Click(`#palette button.label-btn[data-label-id="discuss"]`)
	fnc := map[string]string{"s2": "disagree", "s4": "discuss"}
	p.WaitLabels("FNC-1 tags", fnc)
	if s := stateOf(p.States(), "s2"); s.LabelName != "Disagree" || !strings.Contains(s.Before, "Disagree") {
		t.Errorf("s2 in FNC-1 shows %q / %s, want Disagree", s.LabelName, s.Before)
	}

	p.chooseScheme("default")
	p.waitPalette(presets["default"])
	p.WaitLabels("back in default: its highlights are kept", defaults)
	p.chooseScheme("fnc1")
	p.WaitLabels("back in FNC-1: its highlights are kept", fnc)
	p.chooseScheme("default")
	p.WaitLabels("default again", defaults)

	// The target claim: Enter commits, undo/redo, leaving the field commits.
	if v := p.Value("input#target"); v != bundledClaim {
		t.Errorf("input#target = %q, want %q", v, bundledClaim)
	}
	first := "Iran and the United States will fight together in Iraq."
	p.setTarget(first, "enter")
	p.waitStored(first)
	p.WaitSaved()
	p.Key("u")
	if !p.poll(waitTimeout, func() bool { return p.Value("input#target") == bundledClaim }) {
		// Tell a field that shows a stale claim from an undo that undid
		// something else: the export has the workspace's target.
		u, r := p.buttonsEnabled()
		stored := "?"
		if exp, err := annotations.ReadExport(bytes.NewReader(p.exportFile(downloads, true))); err == nil {
			stored = exp.Scheme.Target
		}
		t.Fatalf("u does not undo the target edit: input#target = %q, the exported target %q (undo enabled %v, redo enabled %v, focus on %s)",
			p.Value("input#target"), stored, u, r, p.ActiveElement())
	}
	p.Key("Z", chromedp.ModifierCtrl)
	p.Eventually("Ctrl+Shift+Z redoes the target edit", func() error {
		if v := p.Value("input#target"); v != first {
			return fmt.Errorf("input#target = %q", v)
		}
		return nil
	})
	second := "The U.S. and Iran may cooperate against militants in Iraq."
	p.setTarget(second, "blur")
	p.waitStored(second)
	p.WaitSaved()
	p.WaitLabels("a target edit does not touch labels", defaults)

	// Reload restores the target, the active scheme and both schemes'
	// highlights.
	p.chooseScheme("fnc1")
	p.WaitSaved()
	p.Reload()
	if v := p.Value("select#scheme"); v != "fnc1" {
		t.Errorf("active scheme after reload %q, want fnc1", v)
	}
	p.waitPalette(presets["fnc1"])
	p.WaitLabels("FNC-1 highlights after reload", fnc)
	p.chooseScheme("default")
	p.WaitLabels("default highlights after reload", defaults)
	p.Eventually("target after reload", func() error {
		if v := p.Value("input#target"); v != second {
			return fmt.Errorf("input#target = %q, want %q", v, second)
		}
		return nil
	})
}
