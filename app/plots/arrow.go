package plots

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// vec is a direction in data coordinates.
type vec [2]float64

func (v vec) norm() float64 { return math.Hypot(v[0], v[1]) }

// Arrow is a plotter that draws a direction from a point as an arrow of
// fixed length in data units, with its head in figure units.
type Arrow struct {
	From  [2]float64
	Dir   vec
	Len   float64
	Style draw.LineStyle
}

var _ plot.Plotter = (*Arrow)(nil)

// Plot draws the arrow, clipped to the data area.
func (a *Arrow) Plot(c draw.Canvas, p *plot.Plot) {
	n := a.Dir.norm()
	if n == 0 || math.IsNaN(n) || math.IsInf(n, 0) {
		return
	}
	trX, trY := p.Transforms(&c)
	tip := [2]float64{a.From[0] + a.Len*a.Dir[0]/n, a.From[1] + a.Len*a.Dir[1]/n}
	from := vg.Point{X: trX(a.From[0]), Y: trY(a.From[1])}
	to := vg.Point{X: trX(tip[0]), Y: trY(tip[1])}
	d := to.Sub(from)
	l := vg.Length(math.Hypot(float64(d.X), float64(d.Y)))
	if l == 0 {
		return
	}
	ux, uy := d.X/l, d.Y/l
	head := vg.Points(6)
	left := vg.Point{X: to.X - head*(ux*0.87-uy*0.5), Y: to.Y - head*(uy*0.87+ux*0.5)}
	right := vg.Point{X: to.X - head*(ux*0.87+uy*0.5), Y: to.Y - head*(uy*0.87-ux*0.5)}
	c.StrokeLines(a.Style, c.ClipLinesXY([]vg.Point{from, to})...)
	solid := a.Style
	solid.Dashes = nil
	c.StrokeLines(solid, c.ClipLinesXY([]vg.Point{left, to, right})...)
}
