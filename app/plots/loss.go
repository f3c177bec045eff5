package plots

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Loss figure size, in points.
const (
	LossWidth  = SurfaceWidth
	LossHeight = SurfaceWidth * 0.42
)

// LossAxes are the ranges of a loss figure.
type LossAxes struct {
	Steps int
	// Log is set when the y axis is f − FStar on a log scale; otherwise
	// it is f on a linear scale.
	Log         bool
	FStar       float64
	Bottom, Top float64
}

// NewLossAxes chooses the axes for runs of at most steps steps whose
// losses are losses (each run's whole record). With a known minimum value
// fStar (hasMin), the y axis is f − f* on a log scale, from the decade
// above the largest start down to at most twelve decades below it;
// otherwise f on a linear scale over every value. Values beyond ±1e150
// (1e300 on the log scale) are cut there: gonum/plot's ticks need a
// finite span.
func NewLossAxes(losses [][]float64, steps int, fStar float64, hasMin bool) LossAxes {
	const limit = 1e150
	a := LossAxes{Steps: max(steps, 1), Log: hasMin, FStar: fStar, Top: math.Inf(-1), Bottom: math.Inf(1)}
	if !a.Log {
		for _, l := range losses {
			for _, v := range l {
				// Comparisons, not math.Min and Max: this runs over every
				// step of every run whenever a slider moves.
				if v > a.Top {
					a.Top = v
				}
				if v < a.Bottom {
					a.Bottom = v
				}
			}
		}
		a.Top, a.Bottom = math.Min(a.Top, limit), math.Max(a.Bottom, -limit)
		switch {
		case math.IsInf(a.Top, 0) || math.IsInf(a.Bottom, 0):
			a.Top, a.Bottom = 1, -1
		case a.Top == a.Bottom:
			a.Top, a.Bottom = a.Top+1, a.Bottom-1
		}
		return a
	}
	for _, l := range losses {
		if len(l) == 0 {
			continue
		}
		a.Top = math.Max(a.Top, l[0]-fStar)
		for _, v := range l {
			if d := v - fStar; d > 0 && d < a.Bottom {
				a.Bottom = d
			}
		}
	}
	if math.IsInf(a.Top, 0) || !(a.Top > 0) {
		a.Top = 1
	}
	a.Top = math.Min(a.Top, limit*limit)
	a.Top = math.Pow(10, math.Ceil(math.Log10(a.Top)))
	a.Bottom = math.Pow(10, math.Floor(math.Log10(math.Max(a.Bottom, a.Top*1e-12))))
	if a.Bottom >= a.Top {
		a.Bottom = a.Top / 10
	}
	return a
}

// LossFigure plots loss against step for every run: the axes as the
// background, and the curves up to the shown step as overlays.
type LossFigure struct {
	*Layered
	LossAxes
}

// NewLossFigure draws the axes.
func NewLossFigure(a LossAxes) (*LossFigure, error) {
	p := plot.New()
	p.X.Label.Text = "t"
	p.Y.Label.Text = "f"
	if a.Log {
		p.Y.Label.Text = "f − f*"
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = decades{}
	}
	p.Add(plotter.NewGrid())
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, float64(a.Steps), a.Bottom, a.Top
	l := newLayered(p, LossWidth, LossHeight)
	return &LossFigure{Layered: l, LossAxes: a}, nil
}

// value maps a loss to the y axis, clamped into the axis range. It does
// not decrease as the loss grows.
func (f *LossFigure) value(v float64) float64 {
	if f.Log {
		v -= f.FStar
	}
	return math.Min(math.Max(v, f.Bottom), f.Top)
}

// column maps a step to its x in figure points.
func (f *LossFigure) column(p [2]float64) float64 {
	return p[0] / float64(f.Steps) * float64(f.data.Max.X-f.data.Min.X)
}

// toFigure maps (step, y value) to figure points.
func (f *LossFigure) toFigure(p [2]float64) (x, y float64) {
	h := float64(f.data.Max.Y - f.data.Min.Y)
	x = f.column(p)
	if f.Log {
		return x, math.Log(p[1]/f.Bottom) / math.Log(f.Top/f.Bottom) * h
	}
	return x, (p[1] - f.Bottom) / (f.Top - f.Bottom) * h
}

// Trail draws stretches of loss curves; a Segment's points are (step,
// loss). The columns keep their lowest and highest losses, which are
// their lowest and highest points (value keeps the order), so that only
// the points kept are mapped to the axis.
func (f *LossFigure) Trail(segs []Segment) ([]byte, error) {
	ps, err := f.trail(segs)
	if err != nil {
		return nil, err
	}
	return f.Layered.Overlay(ps...), nil
}

// trail returns the lines Trail draws.
func (f *LossFigure) trail(segs []Segment) ([]plot.Plotter, error) {
	var ps []plot.Plotter
	for _, s := range segs {
		if len(s.Points) < 2 {
			continue
		}
		kept := decimateColumns(s.Points, f.column)
		for i := range kept {
			kept[i].Y = f.value(kept[i].Y)
		}
		line, err := plotter.NewLine(simplify(kept, f.toFigure))
		if err != nil {
			return nil, err
		}
		line.LineStyle = draw.LineStyle{Color: s.Color, Width: vg.Points(1.6)}
		ps = append(ps, line)
	}
	return ps, nil
}

// LossPoint is a run's loss at the shown step.
type LossPoint struct {
	Step  int
	Loss  float64
	Color color.RGBA
}

// Head marks each run's current loss with a dot.
func (f *LossFigure) Head(points []LossPoint) []byte {
	return f.Layered.Overlay(f.head(points)...)
}

// head returns the dots Head draws.
func (f *LossFigure) head(points []LossPoint) []plot.Plotter {
	ps := make([]plot.Plotter, len(points))
	for i, p := range points {
		ps[i] = dot([2]float64{float64(p.Step), f.value(p.Loss)}, draw.CircleGlyph{}, p.Color, 3)
	}
	return ps
}

// Export draws the figure as the page stacks its layers, into one file of
// format SVG or PNG: the axes, the loss curves and the dots on the
// current losses.
func (f *LossFigure) Export(format string, segs []Segment, points []LossPoint) ([]byte, error) {
	ps, err := f.trail(segs)
	if err != nil {
		return nil, err
	}
	return f.export(format, append(ps, f.head(points)...))
}
