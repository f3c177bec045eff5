package plots

import (
	"bytes"
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Layered is a figure split into a background, drawn once, and overlays
// drawn onto exactly the same data area.
type Layered struct {
	plot       *plot.Plot
	w, h       vg.Length
	data       vg.Rectangle
	background []byte
}

// newLayered draws p as the background of a w×h figure.
func newLayered(p *plot.Plot, w, h vg.Length) (*Layered, error) {
	c := vgsvg.New(w, h)
	// A margin on the top and the right keeps glyphs at the data area's
	// edges inside the figure.
	dc := draw.Crop(draw.New(c), 0, -vg.Points(4), 0, -vg.Points(4))
	p.Draw(dc)
	l := &Layered{plot: p, w: w, h: h, data: p.DataCanvas(dc).Rectangle}
	var err error
	l.background, err = svgBytes(c)
	return l, err
}

// svgBytes returns the canvas as an SVG element, without the XML prolog, so
// it can be inlined in HTML or used as an image.
func svgBytes(c *vgsvg.Canvas) ([]byte, error) {
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("plots: writing SVG: %w", err)
	}
	b := buf.Bytes()
	if i := bytes.Index(b, []byte("<svg")); i > 0 {
		b = b[i:]
	}
	// vgsvg sizes images without preserveAspectRatio, so browsers keep a
	// raster's own aspect ratio and letterbox a heat map; stretch it to the
	// rectangle gonum/plot laid out.
	return bytes.ReplaceAll(b, []byte("<image "), []byte(`<image preserveAspectRatio="none" `)), nil
}

// Background returns the background as SVG.
func (l *Layered) Background() []byte { return l.background }

// Size returns the figure's width and height.
func (l *Layered) Size() (w, h vg.Length) { return l.w, l.h }

// Overlay draws the plotters onto the background's data area of a new,
// transparent figure of the same size and returns it as SVG.
func (l *Layered) Overlay(ps ...plot.Plotter) ([]byte, error) {
	c := vgsvg.New(l.w, l.h)
	dc := draw.Canvas{Canvas: c, Rectangle: l.data}
	for _, p := range ps {
		p.Plot(dc, l.plot)
	}
	return svgBytes(c)
}

// ToData maps a position in a figure with linear axes, given as fractions
// of its width and height from its top-left corner (as a click on the
// scaled image gives), to data coordinates; ok is false outside the data
// area.
func (l *Layered) ToData(fx, fy float64) (x, y float64, ok bool) {
	px, py := vg.Length(fx)*l.w, vg.Length(1-fy)*l.h // y up, as vg's
	d := l.data
	if px < d.Min.X || px > d.Max.X || py < d.Min.Y || py > d.Max.Y {
		return 0, 0, false
	}
	ax, ay := l.plot.X, l.plot.Y
	x = ax.Min + float64((px-d.Min.X)/(d.Max.X-d.Min.X))*(ax.Max-ax.Min)
	y = ay.Min + float64((py-d.Min.Y)/(d.Max.Y-d.Min.Y))*(ay.Max-ay.Min)
	return x, y, true
}
