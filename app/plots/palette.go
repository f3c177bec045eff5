package plots

import (
	"image/color"

	"gonum.org/v1/plot/palette"
)

// viridisAnchors are nine evenly spaced samples of matplotlib's viridis, a
// perceptually uniform colour map readable with the common colour-vision
// deficiencies and in greyscale.
var viridisAnchors = []color.RGBA{
	{0x44, 0x01, 0x54, 0xff}, {0x47, 0x2c, 0x7a, 0xff}, {0x3b, 0x51, 0x8b, 0xff},
	{0x2c, 0x71, 0x8e, 0xff}, {0x21, 0x90, 0x8d, 0xff}, {0x27, 0xad, 0x81, 0xff},
	{0x5c, 0xc8, 0x63, 0xff}, {0xaa, 0xdc, 0x32, 0xff}, {0xfd, 0xe7, 0x25, 0xff},
}

// Viridis returns the viridis colour map with n colours, interpolated
// linearly between its anchors.
func Viridis(n int) palette.Palette {
	colors := make([]color.Color, n)
	last := len(viridisAnchors) - 1
	for i := range colors {
		t := float64(i) / float64(max(n-1, 1)) * float64(last)
		k := min(int(t), last-1)
		f := t - float64(k)
		a, b := viridisAnchors[k], viridisAnchors[k+1]
		mix := func(x, y uint8) uint8 { return uint8(float64(x) + f*(float64(y)-float64(x)) + 0.5) }
		colors[i] = color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
	}
	return colorList(colors)
}

type colorList []color.Color

func (c colorList) Colors() []color.Color { return c }

// RunColors is the Okabe–Ito palette, distinguishable with the common
// colour-vision deficiencies; run i of a race is drawn in RunColors[i].
var RunColors = []color.RGBA{
	{0xe6, 0x9f, 0x00, 0xff}, // orange
	{0x56, 0xb4, 0xe9, 0xff}, // sky blue
	{0x00, 0x9e, 0x73, 0xff}, // bluish green
	{0xd5, 0x5e, 0x00, 0xff}, // vermillion
	{0xcc, 0x79, 0xa7, 0xff}, // reddish purple
	{0x00, 0x72, 0xb2, 0xff}, // blue
	{0xf0, 0xe4, 0x42, 0xff}, // yellow
	{0x00, 0x00, 0x00, 0xff}, // black
}

// RunColor returns the colour of run i.
func RunColor(i int) color.RGBA { return RunColors[i%len(RunColors)] }

var (
	white     = color.RGBA{0xff, 0xff, 0xff, 0xff}
	halo      = color.NRGBA{0xff, 0xff, 0xff, 0xd0}
	ink       = color.RGBA{0x1a, 0x1a, 0x1a, 0xff}
	contourFg = color.NRGBA{0xff, 0xff, 0xff, 0x70}
	dataGrey  = color.RGBA{0x80, 0x80, 0x80, 0xff}
)
