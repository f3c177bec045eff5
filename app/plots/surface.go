package plots

import (
	"fmt"
	"image/color"
	"math"
	"sync"

	"github.com/optimplay/optimplay/optimizers"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Figure sizes, in points; the page scales them to fit.
const (
	SurfaceWidth  = 400 * vg.Millimeter / 2.8 // ≈ 143 mm, 540 px at 96 dpi
	SurfaceHeight = SurfaceWidth * 5 / 6
	gridCells     = 150
	contourLevels = 14
)

// SurfaceFigure is a surface's colour map with contours and landmarks as
// the background, and the runs' paths as overlays.
type SurfaceFigure struct {
	*Layered
	view optimizers.Box
}

// surfaceGrid samples a surface at cell centres, on a colour scale.
type surfaceGrid struct {
	view     optimizers.Box
	n        int
	z        []float64 // colour values, column-major: z[c*n+r]
	min, max float64
}

func (g *surfaceGrid) Dims() (c, r int)   { return g.n, g.n }
func (g *surfaceGrid) Z(c, r int) float64 { return g.z[c*g.n+r] }
func (g *surfaceGrid) X(c int) float64 {
	return g.view.XMin + (float64(c)+0.5)/float64(g.n)*(g.view.XMax-g.view.XMin)
}
func (g *surfaceGrid) Y(r int) float64 {
	return g.view.YMin + (float64(r)+0.5)/float64(g.n)*(g.view.YMax-g.view.YMin)
}
func (g *surfaceGrid) Min() float64 { return g.min }
func (g *surfaceGrid) Max() float64 { return g.max }

// ColourScale maps loss values to the colour axis: f itself, or
// log10(f − Offset) on surfaces whose values span orders of magnitude.
type ColourScale struct {
	Log    bool
	Offset float64
}

// Value returns the colour-axis value of f.
func (s ColourScale) Value(f float64) float64 {
	if s.Log {
		return math.Log10(math.Max(f-s.Offset, math.SmallestNonzeroFloat64))
	}
	return f
}

// sampleSurface evaluates the surface over the view and picks the colour
// scale: logarithmic for LogScale surfaces, offset below the least value
// (the known minimum when it lies below the samples) by a millionth of
// the range, so that six decades show.
func sampleSurface(surf optimizers.Surface, view optimizers.Box, n int) (*surfaceGrid, ColourScale, error) {
	g := &surfaceGrid{view: view, n: n, z: make([]float64, n*n)}
	lo, hi := math.Inf(1), math.Inf(-1)
	x := make([]float64, 2)
	for c := range n {
		for r := range n {
			x[0], x[1] = g.X(c), g.Y(r)
			f := surf.Func(x)
			if math.IsNaN(f) || math.IsInf(f, 0) {
				return nil, ColourScale{}, fmt.Errorf("plots: %s is not finite at %v", surf.Name, x)
			}
			g.z[c*n+r] = f
			lo, hi = math.Min(lo, f), math.Max(hi, f)
		}
	}
	for _, m := range surf.Minima() {
		lo = math.Min(lo, m.F)
	}
	scale := ColourScale{Log: surf.LogScale}
	if scale.Log {
		scale.Offset = lo - math.Max((hi-lo)*1e-6, 1e-12)
	}
	g.min, g.max = math.Inf(1), math.Inf(-1)
	for i, f := range g.z {
		g.z[i] = scale.Value(f)
		g.min, g.max = math.Min(g.min, g.z[i]), math.Max(g.max, g.z[i])
	}
	if g.max == g.min {
		g.max = g.min + 1
	}
	return g, scale, nil
}

// NewSurfaceFigure draws the surface over view: a viridis colour map,
// contour lines evenly spaced on the colour scale (so log-spaced in f on
// LogScale surfaces) and markers on the landmarks inside the view.
func NewSurfaceFigure(surf optimizers.Surface, view optimizers.Box) (*SurfaceFigure, error) {
	g, _, err := sampleSurface(surf, view, gridCells)
	if err != nil {
		return nil, err
	}
	p := plot.New()
	p.X.Label.Text, p.Y.Label.Text = surf.Axes[0], surf.Axes[1]
	heat := plotter.NewHeatMap(g, Viridis(256))
	heat.Rasterized = true
	levels := make([]float64, contourLevels)
	for i := range levels {
		levels[i] = g.min + float64(i+1)/float64(contourLevels+1)*(g.max-g.min)
	}
	contours := plotter.NewContour(g, levels, nil)
	contours.LineStyles = []draw.LineStyle{{Color: contourFg, Width: vg.Points(0.6)}}
	p.Add(&edgeBoxes{Plotter: heat}, &edgeBoxes{Plotter: contours})
	p.Add(landmarks(surf, view)...)
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = view.XMin, view.XMax, view.YMin, view.YMax
	l := newLayered(p, SurfaceWidth, SurfaceHeight)
	return &SurfaceFigure{Layered: l, view: view}, nil
}

// edgeBoxes draws like its plotter but reports, of the plotter's glyph
// boxes, only the extreme ones in each direction, once: the heat map and
// the contours report a box per grid cell (22,500 each), which gonum/plot
// scans five times while laying out a plot, whereas the layout depends
// only on the extremes. The plotter's boxes must all have the same size,
// as the heat map's and the contours' have.
type edgeBoxes struct {
	plot.Plotter
	once  sync.Once
	boxes []plot.GlyphBox
}

// GlyphBoxes returns the leftmost, rightmost, lowest and highest boxes.
func (e *edgeBoxes) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	e.once.Do(func() {
		all := e.Plotter.(plot.GlyphBoxer).GlyphBoxes(p)
		if len(all) == 0 {
			return
		}
		extreme := [4]plot.GlyphBox{all[0], all[0], all[0], all[0]}
		for _, b := range all[1:] {
			if b.X < extreme[0].X {
				extreme[0] = b
			}
			if b.X > extreme[1].X {
				extreme[1] = b
			}
			if b.Y < extreme[2].Y {
				extreme[2] = b
			}
			if b.Y > extreme[3].Y {
				extreme[3] = b
			}
		}
		e.boxes = extreme[:]
	})
	return e.boxes
}

// landmarks marks the stationary points inside the view: a cross for
// global minima, a ring for local minima, a triangle for saddle points
// and a square for maxima, each white on a dark outline.
func landmarks(surf optimizers.Surface, view optimizers.Box) []plot.Plotter {
	var out []plot.Plotter
	for _, l := range surf.Landmarks {
		if !view.Contains(l.At) {
			continue
		}
		var shape draw.GlyphDrawer
		switch l.Kind {
		case optimizers.GlobalMin:
			shape = draw.CrossGlyph{}
		case optimizers.LocalMin:
			shape = draw.RingGlyph{}
		case optimizers.SaddlePoint:
			shape = draw.TriangleGlyph{}
		case optimizers.LocalMax:
			shape = draw.SquareGlyph{}
		}
		for _, style := range []draw.GlyphStyle{
			{Shape: outlined{shape, 2.6}, Color: ink, Radius: vg.Points(5)},
			{Shape: outlined{shape, 1.2}, Color: white, Radius: vg.Points(5)},
		} {
			s, _ := plotter.NewScatter(plotter.XYs{{X: l.At[0], Y: l.At[1]}})
			s.GlyphStyle = style
			out = append(out, s)
		}
	}
	return out
}

// outlined draws a glyph with a given line width. gonum/plot's stroked
// glyphs (ring, cross, triangle, square…) set a 0.5 pt line width
// themselves, so the glyph draws on a canvas that keeps this width.
type outlined struct {
	draw.GlyphDrawer
	width vg.Length
}

func (o outlined) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	fixed := *c
	fixed.Canvas = fixedWidth{Canvas: c.Canvas, width: o.width}
	o.GlyphDrawer.DrawGlyph(&fixed, sty, pt)
}

// fixedWidth is a canvas whose line width stays width whatever is set.
type fixedWidth struct {
	vg.Canvas
	width vg.Length
}

func (f fixedWidth) SetLineWidth(vg.Length) { f.Canvas.SetLineWidth(f.width) }

// Segment is a stretch of one run's path (or curve), from one step to a
// later one, in the run's colour.
type Segment struct {
	Points [][2]float64
	Color  color.RGBA
	// FromStart is set when Points begin at the run's start, which the
	// surface marks with a ring.
	FromStart bool
}

// Trail draws path segments as two layers, the white halos under the
// lines and the lines, so that a trail extended segment by segment keeps
// every line above every halo. The halos are the lines restyled: a long
// path is written once.
func (f *SurfaceFigure) Trail(segs []Segment) (halos, lines []byte, err error) {
	ls, rings, err := f.trail(segs)
	if err != nil {
		return nil, nil, err
	}
	ps := make([]plot.Plotter, len(ls))
	for i, l := range ls {
		ps[i] = l
	}
	lines = f.Layered.Overlay(ps...)
	halos = restyled(lines, haloStyle())
	if len(rings) > 0 {
		lines = appendOverlay(lines, f.Layered.Overlay(rings...))
	}
	return halos, lines, nil
}

// trail returns the lines of path segments, and the rings that mark the
// start of those that begin at the run's start.
func (f *SurfaceFigure) trail(segs []Segment) (lines []*plotter.Line, rings []plot.Plotter, err error) {
	for _, s := range segs {
		if len(s.Points) < 2 {
			continue
		}
		line, err := plotter.NewLine(simplify(decimate(s.Points, f.toFigure), f.toFigure))
		if err != nil {
			return nil, nil, err
		}
		line.LineStyle = draw.LineStyle{Color: s.Color, Width: vg.Points(1.6)}
		lines = append(lines, line)
	}
	for _, s := range segs {
		if s.FromStart && len(s.Points) > 0 {
			rings = append(rings, dot(s.Points[0], outlined{draw.RingGlyph{}, 3}, halo, 4.5),
				dot(s.Points[0], outlined{draw.RingGlyph{}, 1.5}, s.Color, 4.5))
		}
	}
	return lines, rings, nil
}

// haloLine is the style of a path's halo.
var haloLine = draw.LineStyle{Color: halo, Width: vg.Points(3.2)}

// haloStyle is the style attribute gonum/plot's SVG gives a halo line.
var haloStyle = sync.OnceValue(func() []byte {
	c := vgsvg.New(10, 10)
	dc := draw.New(c)
	dc.StrokeLines(haloLine, []vg.Point{{X: 1, Y: 1}, {X: 2, Y: 2}})
	return styleAttr.Find(svgBytes(c))
})

// Export draws the figure as the page stacks its layers, into one file of
// format SVG or PNG: the background, the halos of the paths, the paths
// with rings on their starts, and the heads without the vectors the page
// shows only while their terms are pointed at.
func (f *SurfaceFigure) Export(format string, segs []Segment, heads []RunHead) ([]byte, error) {
	lines, rings, err := f.trail(segs)
	if err != nil {
		return nil, err
	}
	ps := make([]plot.Plotter, 0, 2*len(lines)+len(rings)+8*len(heads))
	for _, l := range lines {
		h := *l
		h.LineStyle = haloLine
		ps = append(ps, &h)
	}
	for _, l := range lines {
		ps = append(ps, l)
	}
	ps = append(ps, rings...)
	for _, g := range f.headGroups(heads) {
		if g.Class != ghost {
			ps = append(ps, g.Plotters...)
		}
	}
	return f.export(format, ps)
}

// toFigure maps data coordinates to figure points.
func (f *SurfaceFigure) toFigure(p [2]float64) (x, y float64) {
	return (p[0] - f.view.XMin) / (f.view.XMax - f.view.XMin) * float64(f.data.Max.X-f.data.Min.X),
		(p[1] - f.view.YMin) / (f.view.YMax - f.view.YMin) * float64(f.data.Max.Y-f.data.Min.Y)
}

// ToData maps a click to the surface's coordinates.
func (f *SurfaceFigure) ToData(fx, fy float64) ([2]float64, bool) {
	x, y, ok := f.Layered.ToData(fx, fy)
	return [2]float64{x, y}, ok
}

// dot is a single glyph at p.
func dot(p [2]float64, shape draw.GlyphDrawer, c color.Color, radius float64) plot.Plotter {
	s, _ := plotter.NewScatter(plotter.XYs{{X: p[0], Y: p[1]}})
	s.GlyphStyle = draw.GlyphStyle{Shape: shape, Color: c, Radius: vg.Points(radius)}
	return s
}
