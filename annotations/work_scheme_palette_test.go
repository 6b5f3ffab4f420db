package annotations

import (
	"math"
	"strconv"
	"testing"
)

// Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for
// Simulation of Color Vision Deficiency", IEEE TVCG 15(6): the matrices for
// severity 1.0, applied to linear RGB.
var colourVision = map[string][3][3]float64{
	"typical": {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
	"protanopia": {
		{0.152286, 1.052583, -0.204868},
		{0.114503, 0.786281, 0.099216},
		{-0.003882, -0.048116, 1.051998},
	},
	"deuteranopia": {
		{0.367322, 0.860646, -0.227968},
		{0.280085, 0.672501, 0.047413},
		{-0.011820, 0.042940, 0.968881},
	},
	"tritanopia": {
		{1.255528, -0.076749, -0.178779},
		{-0.078411, 0.930809, 0.147602},
		{0.004733, 0.691367, 0.303900},
	},
}

// minDeltaE is the smallest CIE76 colour difference two labels of one set
// may have under any of the simulated visions: around 10 is "clearly
// different at a glance" for patches side by side.
const minDeltaE = 10

func TestPresetColoursStayDistinguishable(t *testing.T) {
	for _, s := range Presets() {
		for vision, m := range colourVision {
			for i := range s.Labels {
				for j := i + 1; j < len(s.Labels); j++ {
					a, b := s.Labels[i], s.Labels[j]
					d := deltaE(lab(simulate(m, rgb(t, a.Color))), lab(simulate(m, rgb(t, b.Color))))
					if d < minDeltaE {
						t.Errorf("%s: %s (%s) and %s (%s) differ by ΔE %.1f under %s, want ≥ %d",
							s.Name, a.Name, a.Color, b.Name, b.Color, d, vision, minDeltaE)
					}
				}
			}
		}
	}
}

func rgb(t *testing.T, hex string) [3]float64 {
	t.Helper()
	var c [3]float64
	for i := range c {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			t.Fatalf("bad colour %q", hex)
		}
		s := float64(v) / 255
		if s <= 0.04045 { // sRGB to linear
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return c
}

func simulate(m [3][3]float64, c [3]float64) [3]float64 {
	var out [3]float64
	for i := range out {
		out[i] = math.Min(1, math.Max(0, m[i][0]*c[0]+m[i][1]*c[1]+m[i][2]*c[2]))
	}
	return out
}

// lab converts linear sRGB to CIELAB (D65).
func lab(c [3]float64) [3]float64 {
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

func deltaE(a, b [3]float64) float64 {
	return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
}
