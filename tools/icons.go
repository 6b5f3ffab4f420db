//go:build ignore

// Icons writes Stancemark's icons into web/: icon.svg and PNG renderings at
// 192 and 512 pixels. Run: go run tools/icons.go
package main

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"log"
	"os"
)

// Three bars in the palette's colours on a dark blue square: highlighted lines.
var (
	background = color.RGBA{0x1f, 0x4e, 0x79, 0xff}
	bars       = []struct {
		c          color.RGBA
		x0, x1, y0 float64 // fractions of the side
	}{
		{color.RGBA{0x00, 0x9e, 0x73, 0xff}, 0.20, 0.80, 0.24},
		{color.RGBA{0xff, 0xff, 0xff, 0xff}, 0.20, 0.66, 0.44},
		{color.RGBA{0xd5, 0x5e, 0x00, 0xff}, 0.20, 0.74, 0.64},
	}
)

const barHeight = 0.12

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
<rect width="100" height="100" rx="18" fill="#1f4e79"/>
<rect x="20" y="24" width="60" height="12" rx="3" fill="#009e73"/>
<rect x="20" y="44" width="46" height="12" rx="3" fill="#ffffff"/>
<rect x="20" y="64" width="54" height="12" rx="3" fill="#d55e00"/>
</svg>
`

func main() {
	if err := os.WriteFile("web/icon.svg", []byte(svg), 0o644); err != nil {
		log.Fatal(err)
	}
	for _, size := range []int{192, 512} {
		img := image.NewRGBA(image.Rect(0, 0, size, size))
		for y := 0; y < size; y++ {
			for x := 0; x < size; x++ {
				img.Set(x, y, background)
				fx, fy := float64(x)/float64(size), float64(y)/float64(size)
				for _, b := range bars {
					if fx >= b.x0 && fx < b.x1 && fy >= b.y0 && fy < b.y0+barHeight {
						img.Set(x, y, b.c)
					}
				}
			}
		}
		f, err := os.Create(fmt.Sprintf("web/icon-%d.png", size))
		if err != nil {
			log.Fatal(err)
		}
		if err := png.Encode(f, img); err != nil {
			log.Fatal(err)
		}
		f.Close()
	}
}
