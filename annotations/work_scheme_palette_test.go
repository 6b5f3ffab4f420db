package annotations

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestPresetColoursPassTheCheck: the presets pass the check custom labels
// must pass (CheckColours): visible on both themes' paper, the text over
// their tints readable, every two told apart under simulated colour-vision
// deficiencies.
func TestPresetColoursPassTheCheck(t *testing.T) {
	for _, s := range Presets() {
		if err := s.CheckColours(); err != nil {
			t.Errorf("%s: %v", s.Name, err)
		}
	}
}

func TestCheckLabelColour(t *testing.T) {
	tests := []struct{ colour, want string }{
		{"#0072b2", ""},
		{"#777777", ""},
		{"#f0e442", `"#f0e442" is too light for the light theme: 1.32:1 against the page, want at least 2:1`},
		{"#ffffff", `"#ffffff" is too light for the light theme: 1.00:1`},
		{"#202020", `"#202020" is too dark for the dark theme: 1.09:1 against the page`},
		{"#e0e0ff", `"#e0e0ff" is too light for the light theme`},
		{"blue", `"blue" is not a colour like #0072b2`},
	}
	for _, tt := range tests {
		err := CheckLabelColour(tt.colour)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.colour, err)
		case tt.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.want)):
			t.Errorf("%s: %v, want %q", tt.colour, err, tt.want)
		}
	}
	// A colour that shows on both papers but leaves the text of a selected
	// sentence in the dark theme too faint: the second rule alone refuses it.
	c := "#a5c30f"
	if contrast(srgbOf(c), srgbOf("#ffffff")) < MinLabelContrast {
		t.Fatalf("%s fails the page contrast: pick another example", c)
	}
	if err := CheckLabelColour(c); err == nil || !strings.Contains(err.Error(), "selected tagged sentence in the dark theme") {
		t.Errorf("%s: %v", c, err)
	}
}

func TestSchemeCheckColours(t *testing.T) {
	s := Presets()[1]
	s.Labels = append(s.Labels, Label{ID: "twin", Name: "Twin", Key: "5", Color: "#009e74"})
	err := s.CheckColours()
	if err == nil || err.Error() != `labels[4].color: "#009e74" is too close to Agree (#009e73) under typical vision: ΔE 0.6, want at least 10` {
		t.Errorf("%v", err)
	}
	s.Labels[4].Color = "#f0e442"
	if err := s.CheckColours(); err == nil || !strings.HasPrefix(err.Error(), `labels[4].color: "#f0e442" is too light`) {
		t.Errorf("%v", err)
	}
}

// TestLabelThemesMatchTheStylesheet: the themes the check uses are the
// ones web/app.css draws.
func TestLabelThemesMatchTheStylesheet(t *testing.T) {
	css, err := os.ReadFile("../web/app.css")
	if err != nil {
		t.Fatal(err)
	}
	light, dark, ok := strings.Cut(string(css), "@media (prefers-color-scheme: dark)")
	if !ok {
		t.Fatal("no dark theme in web/app.css")
	}
	dark, _, _ = strings.Cut(dark, "@media print")
	for _, c := range []struct {
		th  labelTheme
		css string
	}{{labelThemes[0], light}, {labelThemes[1], dark}} {
		for _, want := range []string{
			"--paper: " + c.th.paper + ";",
			"--ink: " + c.th.ink + ";",
			"--select: " + c.th.selectn + ";",
			fmt.Sprintf("color-mix(in srgb, var(--label-color) %d%%, var(--select))", int(c.th.selectedTint*100+0.5)),
		} {
			if !strings.Contains(c.css, want) {
				t.Errorf("the %s theme of web/app.css has no %q", c.th.name, want)
			}
		}
	}
	if !strings.Contains(light, "color-mix(in srgb, var(--label-color) 18%, white)") || !strings.Contains(dark, "color-mix(in srgb, var(--label-color) 28%, var(--paper))") {
		t.Error("the tint of a tagged sentence in web/app.css is not the one the check uses")
	}
}
