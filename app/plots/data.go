package plots

import (
	"image/color"
	"math"

	"github.com/optimplay/optimplay/optimizers"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Data figure size, in points.
const (
	DataWidth  = SurfaceWidth
	DataHeight = SurfaceWidth * 0.5
)

// DataFigure plots a linear-regression data set as the background and,
// as overlays, the line each run fits at the shown step with the
// minibatch of that step highlighted.
type DataFigure struct {
	*Layered
	data optimizers.LinReg
}

// NewDataFigure draws the data points.
func NewDataFigure(data optimizers.LinReg) (*DataFigure, error) {
	p := plot.New()
	p.X.Label.Text, p.Y.Label.Text = "x", "y"
	xys := make(plotter.XYs, data.Len())
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := range xys {
		xys[i] = plotter.XY{X: data.X[i], Y: data.Y[i]}
		lo, hi = math.Min(lo, data.Y[i]), math.Max(hi, data.Y[i])
	}
	s, err := plotter.NewScatter(xys)
	if err != nil {
		return nil, err
	}
	s.GlyphStyle = draw.GlyphStyle{Shape: draw.CircleGlyph{}, Color: dataGrey, Radius: vg.Points(2)}
	p.Add(plotter.NewGrid(), s)
	pad := 0.1 * (hi - lo)
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, lo-pad, hi+pad
	l := newLayered(p, DataWidth, DataHeight)
	return &DataFigure{Layered: l, data: data}, nil
}

// FitFrame is one run's fitted line y = W·x + B.
type FitFrame struct {
	W, B  float64
	Color color.RGBA
}

// Overlay draws the fitted lines and rings around the points of batch
// (nil for none).
func (f *DataFigure) Overlay(fits []FitFrame, batch []int32) ([]byte, error) {
	ps, err := f.overlay(fits, batch)
	if err != nil {
		return nil, err
	}
	return f.Layered.Overlay(ps...), nil
}

// Export draws the figure as the page stacks its layers, into one file of
// format SVG or PNG: the data points, and above them the rings around the
// points of batch and the fitted lines.
func (f *DataFigure) Export(format string, fits []FitFrame, batch []int32) ([]byte, error) {
	ps, err := f.overlay(fits, batch)
	if err != nil {
		return nil, err
	}
	return f.export(format, ps)
}

// overlay returns the plotters Overlay draws.
func (f *DataFigure) overlay(fits []FitFrame, batch []int32) ([]plot.Plotter, error) {
	var ps []plot.Plotter
	if len(batch) > 0 {
		xys := make(plotter.XYs, len(batch))
		for i, k := range batch {
			xys[i] = plotter.XY{X: f.data.X[k], Y: f.data.Y[k]}
		}
		s, err := plotter.NewScatter(xys)
		if err != nil {
			return nil, err
		}
		s.GlyphStyle = draw.GlyphStyle{Shape: outlined{draw.RingGlyph{}, 1.4}, Color: ink, Radius: vg.Points(3.6)}
		ps = append(ps, s)
	}
	for _, fit := range fits {
		line, err := plotter.NewLine(plotter.XYs{{X: 0, Y: fit.B}, {X: 1, Y: fit.W + fit.B}})
		if err != nil {
			return nil, err
		}
		line.LineStyle = draw.LineStyle{Color: fit.Color, Width: vg.Points(1.8)}
		ps = append(ps, line)
	}
	return ps, nil
}
