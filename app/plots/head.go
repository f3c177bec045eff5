package plots

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// RunHead is what the surface shows of a run at the shown step, apart
// from its path. Directions are drawn with a fixed length; zero vectors
// are not drawn.
type RunHead struct {
	// Label names the run's vectors for the page, such as "run0": its
	// groups are labelled "run0-grad", "run0-momentum", and so on.
	Label   string
	Current [2]float64
	Color   color.RGBA
	// Grad is ∇f at the current point and Update the step that leaves it
	// (or, at the end of a run, the one that reached it): −∇f is drawn
	// dashed white, the update in the run's colour.
	Grad, Update [2]float64
	// Momentum is the optimizer's momentum or first moment after the
	// update that led here; its descent direction −Momentum is drawn
	// dotted in the run's colour.
	Momentum [2]float64
	// Scale are the per-coordinate step sizes of an adaptive method
	// (γ/(√v̂ + ε)), drawn as an axis-aligned ellipse whose semi-axes are
	// in their ratio: wider along the flatter direction.
	Scale [2]float64
	// From and G are the point and the gradient of the update that led
	// here: the step from From to Current and −G from From are drawn
	// hidden (class "ghost"), for the page to show when their terms are
	// pointed at. HasLast is false at the start.
	From, G [2]float64
	HasLast bool
	// Batch is, on a minibatch scene, the gradient of the next step's
	// minibatch at the current point, and Cloud those of other minibatches:
	// drawn to the scale that makes Grad the length of the −∇f arrow, so
	// that their spread around −∇f is the noise of the minibatch.
	Batch [2]float64
	Cloud [][2]float64
}

// Head draws each run's current point (a disc) and vectors, each vector
// an SVG group labelled for the page; the trail marks the start.
func (f *SurfaceFigure) Head(runs []RunHead) []byte {
	return f.Layered.OverlayGroups(f.headGroups(runs))
}

// ghost is the class of the groups that the page shows only while their
// terms are pointed at.
const ghost = "ghost"

// headGroups are the groups Head draws.
func (f *SurfaceFigure) headGroups(runs []RunHead) []Group {
	arrowLen := 0.07 * math.Hypot(f.view.XMax-f.view.XMin, f.view.YMax-f.view.YMin)
	var groups []Group
	add := func(label, kind, class string, ps ...plot.Plotter) {
		if len(ps) == 0 {
			return
		}
		if label != "" {
			label += "-" + kind
		}
		groups = append(groups, Group{Label: label, Class: class, Plotters: ps})
	}
	for _, r := range runs {
		add(r.Label, "scale", "", ellipse(r.Current, r.Scale, r.Color)...)
		add(r.Label, "batch", "", f.minibatch(r, arrowLen)...)
		if g := (vec{-r.Grad[0], -r.Grad[1]}); g.norm() > 0 {
			add(r.Label, "grad", "", &Arrow{From: r.Current, Dir: g, Len: arrowLen, Style: draw.LineStyle{
				Color: white, Width: vg.Points(1.3), Dashes: []vg.Length{vg.Points(3), vg.Points(2)}}})
		}
		if m := (vec{-r.Momentum[0], -r.Momentum[1]}); m.norm() > 0 {
			add(r.Label, "momentum", "",
				&Arrow{From: r.Current, Dir: m, Len: arrowLen, Style: draw.LineStyle{Color: halo, Width: vg.Points(3)}},
				&Arrow{From: r.Current, Dir: m, Len: arrowLen, Style: draw.LineStyle{Color: r.Color, Width: vg.Points(1.4),
					Dashes: []vg.Length{vg.Points(1), vg.Points(1.6)}}})
		}
		if u := (vec{r.Update[0], r.Update[1]}); u.norm() > 0 {
			add(r.Label, "next", "",
				&Arrow{From: r.Current, Dir: u, Len: arrowLen, Style: draw.LineStyle{Color: halo, Width: vg.Points(3.2)}},
				&Arrow{From: r.Current, Dir: u, Len: arrowLen, Style: draw.LineStyle{Color: r.Color, Width: vg.Points(1.6)}})
		}
		if r.HasLast {
			if g := (vec{-r.G[0], -r.G[1]}); g.norm() > 0 {
				add(r.Label, "g", ghost, &Arrow{From: r.From, Dir: g, Len: arrowLen, Style: draw.LineStyle{
					Color: r.Color, Width: vg.Points(1.6), Dashes: []vg.Length{vg.Points(3), vg.Points(2)}}})
			}
			if s := (vec{r.Current[0] - r.From[0], r.Current[1] - r.From[1]}); s.norm() > 0 {
				add(r.Label, "step", ghost,
					&Arrow{From: r.From, Dir: s, Len: s.norm(), Style: draw.LineStyle{Color: ink, Width: vg.Points(3.4)}},
					&Arrow{From: r.From, Dir: s, Len: s.norm(), Style: draw.LineStyle{Color: r.Color, Width: vg.Points(2)}})
			}
		}
		groups = append(groups, Group{Plotters: []plot.Plotter{
			dot(r.Current, draw.CircleGlyph{}, white, 5), dot(r.Current, draw.CircleGlyph{}, r.Color, 3.8)}})
	}
	return groups
}

// minibatch draws the next step's minibatch gradient and the cloud of
// other minibatch gradients at the current point, to the scale of −∇f.
func (f *SurfaceFigure) minibatch(r RunHead, arrowLen float64) []plot.Plotter {
	full := vec{r.Grad[0], r.Grad[1]}
	if full.norm() == 0 || (r.Batch == [2]float64{} && len(r.Cloud) == 0) {
		return nil
	}
	k := arrowLen / full.norm()
	tip := func(g [2]float64) [2]float64 { return [2]float64{r.Current[0] - k*g[0], r.Current[1] - k*g[1]} }
	var ps []plot.Plotter
	faint := r.Color
	faint.A = 0x60
	for _, g := range r.Cloud {
		ps = append(ps, dot(tip(g), draw.CircleGlyph{}, faint, 1.4))
	}
	if b := (vec{-r.Batch[0], -r.Batch[1]}); b.norm() > 0 {
		ps = append(ps,
			&Arrow{From: r.Current, Dir: b, Len: k * b.norm(), Style: draw.LineStyle{Color: halo, Width: vg.Points(2.6)}},
			&Arrow{From: r.Current, Dir: b, Len: k * b.norm(), Style: draw.LineStyle{Color: r.Color, Width: vg.Points(1.2)}})
	}
	return ps
}

// ellipse draws the per-coordinate step sizes scale at p as an ellipse
// whose larger semi-axis is 12 points.
func ellipse(p, scale [2]float64, c color.RGBA) []plot.Plotter {
	m := math.Max(scale[0], scale[1])
	if !(m > 0) || math.IsInf(m, 0) {
		return nil
	}
	fill := c
	fill.A = 0x30
	return []plot.Plotter{&Ellipse{Center: p, Semi: [2]vg.Length{vg.Points(12 * scale[0] / m), vg.Points(12 * scale[1] / m)},
		Fill: fill, Line: draw.LineStyle{Color: c, Width: vg.Points(1.2)}}}
}

// Ellipse is a plotter of an axis-aligned ellipse around a point, its
// semi-axes in figure units.
type Ellipse struct {
	Center [2]float64
	Semi   [2]vg.Length
	Fill   color.Color
	Line   draw.LineStyle
}

var _ plot.Plotter = (*Ellipse)(nil)

// ellipseSides is the number of sides of the polygon an Ellipse is drawn
// as: at 12 points across, smooth to the eye.
const ellipseSides = 32

// Plot draws the ellipse as a polygon.
func (e *Ellipse) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	cx, cy := trX(e.Center[0]), trY(e.Center[1])
	var path vg.Path
	for i := range ellipseSides + 1 {
		a := 2 * math.Pi * float64(i) / ellipseSides
		pt := vg.Point{X: cx + e.Semi[0]*vg.Length(math.Cos(a)), Y: cy + e.Semi[1]*vg.Length(math.Sin(a))}
		if i == 0 {
			path.Move(pt)
		} else {
			path.Line(pt)
		}
	}
	path.Close()
	c.SetColor(e.Fill)
	c.Fill(path)
	c.SetLineStyle(e.Line)
	c.Stroke(path)
}
