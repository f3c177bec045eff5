package plots

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Size of the learning-rate schedule figure, in points: a small figure
// beside an optimizer's controls.
const (
	LRWidth  = 3.2 * vg.Inch
	LRHeight = 1.3 * vg.Inch
)

// LRFigure plots a run's learning rate lr_t against the update t, the
// schedule it follows. The page marks the update shown above it, at
// Fraction.
type LRFigure struct {
	*Layered
}

// NewLRFigure plots the learning rates lrs, lrs[t] being update t's, in
// colour c.
func NewLRFigure(lrs []float64, c color.RGBA) (*LRFigure, error) {
	p := plot.New()
	p.X.Label.Text = "t"
	p.Y.Label.Text = "γ"
	p.X.Label.TextStyle.Font.Size = vg.Points(9)
	p.Y.Label.TextStyle.Font.Size = vg.Points(9)
	p.X.Tick.Label.Font.Size = vg.Points(8)
	p.Y.Tick.Label.Font.Size = vg.Points(8)
	p.Add(plotter.NewGrid())
	xys := make(plotter.XYs, len(lrs))
	top := 0.0
	for t, lr := range lrs {
		xys[t] = plotter.XY{X: float64(t), Y: lr}
		top = math.Max(top, lr)
	}
	if len(xys) > 1 {
		line, err := plotter.NewLine(xys)
		if err != nil {
			return nil, err
		}
		line.LineStyle = draw.LineStyle{Color: c, Width: vg.Points(1.6)}
		p.Add(line)
	}
	if !(top > 0) || math.IsInf(top, 0) {
		top = 1
	}
	p.X.Min, p.X.Max = 0, float64(max(len(lrs)-1, 1))
	p.Y.Min, p.Y.Max = 0, top*1.05
	return &LRFigure{newLayered(p, LRWidth, LRHeight)}, nil
}

// Fraction maps a point in data coordinates to its place in the figure,
// as fractions of the figure's width and height from its top-left
// corner (where a page positions an element over the scaled image),
// following each axis's scale.
func (l *Layered) Fraction(x, y float64) (fx, fy float64) {
	d := l.data
	px := d.Min.X + vg.Length(l.plot.X.Norm(x))*(d.Max.X-d.Min.X)
	py := d.Min.Y + vg.Length(l.plot.Y.Norm(y))*(d.Max.Y-d.Min.Y)
	return float64(px / l.w), 1 - float64(py/l.h)
}
