package annotations

import (
	"fmt"
	"math"
	"strconv"
)

// The colour check every label set passes: the presets (a test), and the
// labels made in the app's "New project" before a project is written with
// them. A label's colour is drawn by web/app.css as a bar under its
// sentences, a tint behind their text and a border on its palette button,
// in a light and a dark theme; its name is always shown as text too, so
// colour is never the only signal.

// labelTheme is how one theme of web/app.css draws a label (a test checks
// these against the stylesheet).
type labelTheme struct {
	name                string
	paper, ink, selectn string  // --paper, --ink, --select
	tint, selectedTint  float64 // the share of the label colour in the color-mix() behind a tagged, and a selected tagged, sentence
	tintOver            string  // what the tint of a tagged sentence is mixed with
}

var labelThemes = []labelTheme{
	{name: "light", paper: "#ffffff", ink: "#1b1b1b", selectn: "#fff3b0", tint: 0.18, selectedTint: 0.30, tintOver: "#ffffff"},
	{name: "dark", paper: "#15181d", ink: "#e8e8e8", selectn: "#4a3f00", tint: 0.28, selectedTint: 0.35, tintOver: "#15181d"},
}

const (
	// MinLabelContrast is the least contrast (WCAG ratio) a label colour
	// must have against the page in each theme, so that its bar and border
	// stay visible. The presets' lowest is Okabe-Ito orange on white,
	// 2.25:1; WCAG's 3:1 for non-text contrast is for colour that carries
	// the meaning alone, which a label colour never does. Okabe-Ito yellow
	// (#f0e442, 1.3:1 on white) is refused, which is why no preset uses it.
	MinLabelContrast = 2.0
	// MinTextContrast is the least contrast of the text over a label's tint
	// (plain and selected, both themes): WCAG AA for body text, what the
	// browser tests' axe audit checks.
	MinTextContrast = 4.5
	// MinLabelDeltaE is the smallest CIE76 colour difference two labels of
	// one set may have under typical vision and simulated protanopia,
	// deuteranopia and tritanopia: around 10 is "clearly different at a
	// glance" for patches side by side.
	MinLabelDeltaE = 10
)

// colourVisions are the visions two labels must be told apart under:
// Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for
// Simulation of Color Vision Deficiency", IEEE TVCG 15(6), the matrices
// for severity 1.0, applied to linear RGB.
var colourVisions = []struct {
	name string
	m    [3][3]float64
}{
	{"typical vision", [3][3]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}},
	{"protanopia", [3][3]float64{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}},
	{"deuteranopia", [3][3]float64{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}},
	{"tritanopia", [3][3]float64{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}},
}

// CheckLabelColour checks one label colour ("#rrggbb") in both themes: at
// least MinLabelContrast against the page, and the text over its tint at
// least MinTextContrast. The error says which theme and by how much, such
// as `"#f0e442" is too light for the light theme: 1.32:1 against the page,
// want at least 2:1`.
func CheckLabelColour(c string) error {
	if !isColor(c) {
		return becausef(ErrBadValue, "%q is not a colour like #0072b2", c)
	}
	col := srgbOf(c)
	for _, th := range labelThemes {
		paper := srgbOf(th.paper)
		if r := contrast(col, paper); r < MinLabelContrast {
			how := "light" // too close to a light page
			if luminance(paper) < 0.5 {
				how = "dark"
			}
			return becausef(ErrBadValue, "%q is too %s for the %s theme: %.2f:1 against the page, want at least %g:1", c, how, th.name, r, MinLabelContrast)
		}
		ink := srgbOf(th.ink)
		for _, bg := range []struct {
			what string
			c    [3]float64
		}{
			{"a tagged sentence", mixSRGB(col, srgbOf(th.tintOver), th.tint)},
			{"a selected tagged sentence", mixSRGB(col, srgbOf(th.selectn), th.selectedTint)},
		} {
			if r := contrast(ink, bg.c); r < MinTextContrast {
				return becausef(ErrBadValue, "%q leaves the text of %s in the %s theme at %.2f:1, want at least %g:1", c, bg.what, th.name, r, MinTextContrast)
			}
		}
	}
	return nil
}

// CheckColours checks the colours of s as the presets pass them: each
// with CheckLabelColour, and every two at least MinLabelDeltaE apart under
// each simulated vision. The error names the label, such as
// `labels[2].color: "#009e74" is too close to Agree (#009e73) under typical
// vision: ΔE 0.6, want at least 10`.
func (s Scheme) CheckColours() error {
	for i, l := range s.Labels {
		if err := CheckLabelColour(l.Color); err != nil {
			return fieldErr(fmt.Sprintf("labels[%d].color", i), err)
		}
	}
	for j, b := range s.Labels {
		for _, a := range s.Labels[:j] {
			for _, v := range colourVisions {
				if d := LabelDeltaE(v.m, a.Color, b.Color); d < MinLabelDeltaE {
					return fieldErrf(fmt.Sprintf("labels[%d].color", j), ErrBadValue, "%q is too close to %s (%s) under %s: ΔE %.1f, want at least %d",
						b.Color, a.Name, a.Color, v.name, d, MinLabelDeltaE)
				}
			}
		}
	}
	return nil
}

// LabelDeltaE is the CIE76 difference of the colours a and b
// ("#rrggbb") as seen through the vision matrix m (on linear RGB).
func LabelDeltaE(m [3][3]float64, a, b string) float64 {
	la, lb := cieLab(simulateVision(m, linearOf(a))), cieLab(simulateVision(m, linearOf(b)))
	return math.Sqrt((la[0]-lb[0])*(la[0]-lb[0]) + (la[1]-lb[1])*(la[1]-lb[1]) + (la[2]-lb[2])*(la[2]-lb[2]))
}

// srgbOf returns the channels of "#rrggbb", 0 to 1 (c must be a colour).
func srgbOf(c string) [3]float64 {
	var out [3]float64
	for i := range out {
		v, _ := strconv.ParseUint(c[1+2*i:3+2*i], 16, 8)
		out[i] = float64(v) / 255
	}
	return out
}

// mixSRGB is CSS color-mix(in srgb, a p, b).
func mixSRGB(a, b [3]float64, p float64) [3]float64 {
	var out [3]float64
	for i := range out {
		out[i] = a[i]*p + b[i]*(1-p)
	}
	return out
}

func toLinear(s float64) float64 {
	if s <= 0.04045 {
		return s / 12.92
	}
	return math.Pow((s+0.055)/1.055, 2.4)
}

func linearOf(c string) [3]float64 {
	s := srgbOf(c)
	return [3]float64{toLinear(s[0]), toLinear(s[1]), toLinear(s[2])}
}

// luminance is WCAG's relative luminance of an sRGB colour.
func luminance(c [3]float64) float64 {
	return 0.2126*toLinear(c[0]) + 0.7152*toLinear(c[1]) + 0.0722*toLinear(c[2])
}

// contrast is WCAG's contrast ratio of two sRGB colours, 1 to 21.
func contrast(a, b [3]float64) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func simulateVision(m [3][3]float64, c [3]float64) [3]float64 {
	var out [3]float64
	for i := range out {
		out[i] = math.Min(1, math.Max(0, m[i][0]*c[0]+m[i][1]*c[1]+m[i][2]*c[2]))
	}
	return out
}

// cieLab converts linear sRGB to CIELAB (D65).
func cieLab(c [3]float64) [3]float64 {
	x := (0.4124*c[0] + 0.3576*c[1] + 0.1805*c[2]) / 0.95047
	y := 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
	z := (0.0193*c[0] + 0.1192*c[1] + 0.9505*c[2]) / 1.08883
	f := func(v float64) float64 {
		if v > 0.008856 {
			return math.Cbrt(v)
		}
		return 7.787*v + 16.0/116
	}
	return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
}
