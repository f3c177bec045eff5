package plots

import (
	"image/color"
	"math"

	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/scene"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Size of the sweep figure, in points.
const (
	SweepWidth  = SurfaceWidth
	SweepHeight = SurfaceWidth * 0.5
)

// SweepCurve is one optimizer's learning-rate sweep, drawn in Color.
type SweepCurve struct {
	Run   scene.SweepRun
	Color color.RGBA
}

// SweepFigure plots the final loss of each optimizer's runs against the
// learning rate, both on log scales (the loss as f − f* when the minimum
// is known): the axes as the background, and as overlays the curves
// through the runs that finished, a ring on each best learning rate,
// crosses along the top for the runs that diverged and a solid line at
// each divergence edge, in the optimizers' colours (Curves), and each
// optimizer's current learning rate (Current). Drawn apart, each is
// about a frame's work in the browser.
type SweepFigure struct {
	*Layered
	curves      []SweepCurve
	log         bool // the y axis is logarithmic
	fStar       float64
	bottom, top float64
}

// NewSweepFigure draws the sweep of curves for a start whose loss is f0,
// on a surface whose minimum value is fStar when hasMin.
func NewSweepFigure(curves []SweepCurve, f0, fStar float64, hasMin bool) (*SweepFigure, error) {
	f := &SweepFigure{curves: curves, fStar: fStar, top: math.Inf(-1), bottom: math.Inf(1)}
	lo, hi := math.Inf(1), math.Inf(-1)
	allPositive := true
	for _, c := range curves {
		for i, lr := range c.Run.LR {
			lo, hi = math.Min(lo, lr), math.Max(hi, lr)
			if i >= len(c.Run.Status) || c.Run.Status[i] != optimizers.Done.String() {
				continue
			}
			v := c.Run.FinalLoss[i]
			if hasMin {
				v -= fStar
			}
			allPositive = allPositive && v > 0
			f.top, f.bottom = math.Max(f.top, v), math.Min(f.bottom, v)
		}
	}
	if hasMin {
		f0 -= fStar
	}
	if finite(f0) {
		f.top = math.Max(f.top, f0)
		allPositive = allPositive && f0 > 0
	}
	f.log = hasMin || allPositive
	f.fixRange()
	if !(lo < hi) {
		lo, hi = 1e-4, 10
	}
	p := plot.New()
	p.X.Label.Text = "γ"
	p.X.Scale = plot.LogScale{}
	p.X.Tick.Marker = decades{}
	p.Y.Label.Text = "f"
	if hasMin {
		p.Y.Label.Text = "f − f*"
	}
	if f.log {
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = decades{}
	}
	p.Add(plotter.NewGrid())
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = lo, hi, f.bottom, f.top
	f.Layered = newLayered(p, SweepWidth, SweepHeight)
	return f, nil
}

// Curves draws the optimizers' curves and marks, an overlay above the
// axes (the background).
func (f *SweepFigure) Curves() ([]byte, error) {
	ps, err := f.allCurves()
	if err != nil {
		return nil, err
	}
	return f.Overlay(ps...), nil
}

// allCurves returns the plotters Curves draws.
func (f *SweepFigure) allCurves() ([]plot.Plotter, error) {
	var ps []plot.Plotter
	for _, c := range f.curves {
		cps, err := f.curve(c)
		if err != nil {
			return nil, err
		}
		ps = append(ps, cps...)
	}
	return ps, nil
}

// Export draws the figure as the page stacks its layers, into one file of
// format SVG or PNG: the axes, the curves and their marks, and the
// optimizers' current learning rates lrs, as Current marks them.
func (f *SweepFigure) Export(format string, lrs []float64) ([]byte, error) {
	ps, err := f.allCurves()
	if err != nil {
		return nil, err
	}
	return f.export(format, append(ps, f.current(lrs)...))
}

// fixRange makes the y range drawable: decades around the finished
// runs' losses on a log scale (at most 16 of them), a padded range on a
// linear one.
func (f *SweepFigure) fixRange() {
	if math.IsInf(f.top, 0) || math.IsInf(f.bottom, 0) || math.IsNaN(f.top) || math.IsNaN(f.bottom) {
		f.top, f.bottom = 1, 0
		if f.log {
			f.bottom = 1e-3
		}
	}
	f.top = math.Min(f.top, 1e300)
	if !f.log {
		pad := math.Max((f.top-f.bottom)*0.05, 1e-9)
		f.top, f.bottom = f.top+pad, f.bottom-pad
		return
	}
	f.top = math.Pow(10, math.Ceil(math.Log10(math.Max(f.top, 1e-300))))
	f.bottom = math.Max(f.bottom, f.top*1e-16)
	f.bottom = math.Pow(10, math.Floor(math.Log10(f.bottom)))
	if f.bottom >= f.top {
		f.bottom = f.top / 10
	}
}

// value maps a final loss to the y axis, within its range.
func (f *SweepFigure) value(v float64) float64 {
	if f.log {
		v -= f.fStar
	}
	return math.Min(math.Max(v, f.bottom), f.top)
}

// curve draws one optimizer's sweep: lines through runs of consecutive
// finished learning rates, the best one ringed, crosses at the top for
// the diverged runs and a line at the divergence edge.
func (f *SweepFigure) curve(c SweepCurve) ([]plot.Plotter, error) {
	var ps []plot.Plotter
	var stretch plotter.XYs
	flush := func() error {
		if len(stretch) > 1 {
			l, err := plotter.NewLine(stretch)
			if err != nil {
				return err
			}
			l.LineStyle = draw.LineStyle{Color: c.Color, Width: vg.Points(1.8)}
			ps = append(ps, l)
		}
		stretch = nil
		return nil
	}
	var diverged plotter.XYs
	for i, lr := range c.Run.LR {
		switch c.Run.Status[i] {
		case optimizers.Done.String():
			stretch = append(stretch, plotter.XY{X: lr, Y: f.value(c.Run.FinalLoss[i])})
		case optimizers.Diverged.String():
			diverged = append(diverged, plotter.XY{X: lr, Y: f.top})
			fallthrough
		default:
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	if len(diverged) > 0 {
		s, err := plotter.NewScatter(diverged)
		if err != nil {
			return nil, err
		}
		s.GlyphStyle = draw.GlyphStyle{Shape: draw.CrossGlyph{}, Color: c.Color, Radius: vg.Points(3)}
		ps = append(ps, s)
	}
	if b := c.Run.Best(); b >= 0 {
		ps = append(ps, dot([2]float64{c.Run.LR[b], f.value(c.Run.FinalLoss[b])}, draw.RingGlyph{}, c.Color, 5))
	}
	if edge, ok := c.Run.Edge(); ok {
		l, err := plotter.NewLine(plotter.XYs{{X: edge, Y: f.bottom}, {X: edge, Y: f.top}})
		if err != nil {
			return nil, err
		}
		l.LineStyle = draw.LineStyle{Color: c.Color, Width: vg.Points(1.2)}
		ps = append(ps, l)
	}
	return ps, nil
}

// Current marks each optimizer's current learning rate, lrs[i] for curve
// i, with a dashed line in its colour.
func (f *SweepFigure) Current(lrs []float64) []byte {
	return f.Overlay(f.current(lrs)...)
}

// current returns the lines Current draws.
func (f *SweepFigure) current(lrs []float64) []plot.Plotter {
	var ps []plot.Plotter
	for i, lr := range lrs {
		if i >= len(f.curves) || !(lr >= f.plot.X.Min && lr <= f.plot.X.Max) {
			continue
		}
		l, err := plotter.NewLine(plotter.XYs{{X: lr, Y: f.bottom}, {X: lr, Y: f.top}})
		if err != nil {
			continue
		}
		l.LineStyle = draw.LineStyle{Color: f.curves[i].Color, Width: vg.Points(1.4), Dashes: []vg.Length{vg.Points(4), vg.Points(3)}}
		ps = append(ps, l)
	}
	return ps
}

// Pick maps a click at fractions (fx, fy) of the figure, from its
// top-left corner, to a learning rate, and picks the curve passing
// nearest to the click at that learning rate (in the figure's height). ok
// is false outside the data area or with no curves.
func (f *SweepFigure) Pick(fx, fy float64) (curve int, lr float64, ok bool) {
	px, py := vg.Length(fx)*f.w, vg.Length(1-fy)*f.h
	d := f.data
	if len(f.curves) == 0 || px < d.Min.X || px > d.Max.X || py < d.Min.Y || py > d.Max.Y {
		return 0, 0, false
	}
	u := float64((px - d.Min.X) / (d.Max.X - d.Min.X))
	lr = math.Exp(math.Log(f.plot.X.Min) + u*(math.Log(f.plot.X.Max)-math.Log(f.plot.X.Min)))
	v := float64((py - d.Min.Y) / (d.Max.Y - d.Min.Y))
	best, bestDist := 0, math.Inf(1)
	for i, c := range f.curves {
		if y, ok := f.at(c.Run, lr); ok {
			if dist := math.Abs(f.plot.Y.Norm(y) - v); dist < bestDist {
				best, bestDist = i, dist
			}
		}
	}
	return best, lr, true
}

// at is the curve's height at learning rate lr, interpolated in log
// scale between the grid's neighbours: the top for a diverged run.
func (f *SweepFigure) at(r scene.SweepRun, lr float64) (float64, bool) {
	height := func(i int) float64 {
		if r.Status[i] != optimizers.Done.String() {
			return f.top
		}
		return f.value(r.FinalLoss[i])
	}
	for i := 1; i < len(r.LR) && i < len(r.Status); i++ {
		if lr <= r.LR[i] {
			a, b := height(i-1), height(i)
			t := math.Log(lr/r.LR[i-1]) / math.Log(r.LR[i]/r.LR[i-1])
			if f.log {
				return math.Exp(math.Log(a) + t*(math.Log(b)-math.Log(a))), true
			}
			return a + t*(b-a), true
		}
	}
	return 0, false
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
