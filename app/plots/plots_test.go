package plots

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"flag"
	"fmt"
	"image/color"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/optimplay/optimplay/optimizers"
	"gonum.org/v1/plot/plotter"
)

var update = flag.Bool("update", false, "rewrite golden files")

// ---------------------------------------------------------------------------
// A small reader of the SVG that gonum.org/v1/plot/vg/vgsvg writes.
//
// vgsvg puts the whole figure in a root group
// `<g transform="scale(1, -1) translate(0, -H)">`, so that inside it the
// coordinates are vg's: points, origin at the bottom left, y up. This
// reader checks that root transform and reports every position in those
// "figure coordinates", applying every other transform it meets (such as
// the `scale(1, -1)` that vgsvg gives images and texts) as SVG defines it.

// affine is the SVG matrix [a c e; b d f].
type affine struct{ a, b, c, d, e, f float64 }

var identity = affine{a: 1, d: 1}

// then returns m·n: n applied first, then m.
func (m affine) then(n affine) affine {
	return affine{
		a: m.a*n.a + m.c*n.b, b: m.b*n.a + m.d*n.b,
		c: m.a*n.c + m.c*n.d, d: m.b*n.c + m.d*n.d,
		e: m.a*n.e + m.c*n.f + m.e, f: m.b*n.e + m.d*n.f + m.f,
	}
}

func (m affine) apply(x, y float64) (float64, float64) {
	return m.a*x + m.c*y + m.e, m.b*x + m.d*y + m.f
}

var (
	transformRE = regexp.MustCompile(`(\w+)\(([^)]*)\)`)
	numberRE    = regexp.MustCompile(`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`)
)

func parseNumbers(s string) ([]float64, error) {
	var out []float64
	for _, f := range numberRE.FindAllString(s, -1) {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// parseTransform reads an SVG transform list of scale, translate and
// rotate.
func parseTransform(s string) (affine, error) {
	m := identity
	for _, t := range transformRE.FindAllStringSubmatch(s, -1) {
		args, err := parseNumbers(t[2])
		if err != nil {
			return m, err
		}
		var n affine
		switch {
		case t[1] == "scale" && len(args) == 1:
			n = affine{a: args[0], d: args[0]}
		case t[1] == "scale" && len(args) == 2:
			n = affine{a: args[0], d: args[1]}
		case t[1] == "translate" && len(args) == 1:
			n = affine{a: 1, d: 1, e: args[0]}
		case t[1] == "translate" && len(args) == 2:
			n = affine{a: 1, d: 1, e: args[0], f: args[1]}
		case t[1] == "rotate" && len(args) == 1:
			s, c := math.Sincos(args[0] * math.Pi / 180)
			n = affine{a: c, b: s, c: -s, d: c}
		default:
			return m, fmt.Errorf("unsupported transform %q", t[0])
		}
		m = m.then(n)
	}
	return m, nil
}

// rect is an axis-aligned rectangle in figure coordinates.
type rect struct{ x0, y0, x1, y1 float64 }

// at returns the point at fractions (u, v) of the rectangle from its
// bottom-left corner.
func (r rect) at(u, v float64) [2]float64 {
	return [2]float64{r.x0 + u*(r.x1-r.x0), r.y0 + v*(r.y1-r.y0)}
}

// svgPath is a path element: the end point of each command in figure
// coordinates, the command letters and the style.
type svgPath struct {
	cmds  string
	pts   [][2]float64
	style map[string]string
}

func (p svgPath) stroke() string { return p.style["stroke"] }
func (p svgPath) fill() string {
	if f, ok := p.style["fill"]; ok {
		return f
	}
	return "#000000" // vgsvg leaves the default out
}
func (p svgPath) strokeWidth() float64 {
	w, err := strconv.ParseFloat(p.style["stroke-width"], 64)
	if err != nil {
		return 1 // vgsvg leaves the default out
	}
	return w
}

// circle returns the centre and radius of a circle glyph, which vgsvg
// writes as a move to the rightmost point and two half-circle arcs.
func (p svgPath) circle() (centre [2]float64, r float64, ok bool) {
	if p.cmds != "MAAZ" {
		return centre, 0, false
	}
	a, b := p.pts[0], p.pts[1]
	return [2]float64{(a[0] + b[0]) / 2, (a[1] + b[1]) / 2}, math.Hypot(a[0]-b[0], a[1]-b[1]) / 2, true
}

// segment returns the end points of a single straight line.
func (p svgPath) segment() (a, b [2]float64, ok bool) {
	if p.cmds != "ML" {
		return a, b, false
	}
	return p.pts[0], p.pts[1], true
}

type svgText struct {
	x, y float64
	s    string
}

type svgImage struct {
	rect rect
	attr map[string]string
}

// svgFig is what a test needs of one SVG document.
type svgFig struct {
	w, h   float64 // the viewBox
	root   string  // the root group's transform
	images []svgImage
	paths  []svgPath
	texts  []svgText
}

func attrs(se xml.StartElement) map[string]string {
	m := make(map[string]string, len(se.Attr))
	for _, a := range se.Attr {
		m[a.Name.Local] = a.Value
	}
	return m
}

func parseStyle(s string) map[string]string {
	m := map[string]string{}
	for _, kv := range strings.Split(s, ";") {
		if k, v, ok := strings.Cut(strings.TrimSpace(kv), ":"); ok {
			m[k] = v
		}
	}
	return m
}

var pathCmdRE = regexp.MustCompile(`([MLAQCZ])([^MLAQCZ]*)`)

// parsePath reads vgsvg's path data: absolute commands, each letter
// followed by its numbers.
func parsePath(d string, ctm affine) (svgPath, error) {
	p := svgPath{}
	want := map[byte]int{'M': 2, 'L': 2, 'A': 7, 'Q': 4, 'C': 6, 'Z': 0}
	for _, m := range pathCmdRE.FindAllStringSubmatch(d, -1) {
		nums, err := parseNumbers(m[2])
		if err != nil {
			return p, err
		}
		if len(nums) != want[m[1][0]] {
			return p, fmt.Errorf("path %q: %s has %d numbers", d, m[1], len(nums))
		}
		p.cmds += m[1]
		if len(nums) > 0 {
			x, y := ctm.apply(nums[len(nums)-2], nums[len(nums)-1])
			p.pts = append(p.pts, [2]float64{x, y})
		}
	}
	return p, nil
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return v
}

// readSVG parses an SVG written by the package.
func readSVG(t *testing.T, b []byte) svgFig {
	t.Helper()
	var fig svgFig
	dec := xml.NewDecoder(bytes.NewReader(b))
	stack := []affine{identity}
	var text *svgText
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("parsing SVG: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			a := attrs(tok)
			ctm := stack[len(stack)-1]
			own, err := parseTransform(a["transform"])
			if err != nil {
				t.Fatal(err)
			}
			switch tok.Name.Local {
			case "svg":
				vb, err := parseNumbers(a["viewBox"])
				if err != nil || len(vb) != 4 || vb[0] != 0 || vb[1] != 0 {
					t.Fatalf("viewBox %q", a["viewBox"])
				}
				fig.w, fig.h = vb[2], vb[3]
				if a["width"] != a["viewBox"][len("0 0 "):strings.LastIndexByte(a["viewBox"], ' ')]+"pt" {
					t.Errorf("width %q does not match the viewBox %q", a["width"], a["viewBox"])
				}
			case "g":
				if len(stack) == 2 && fig.root == "" { // in <svg>
					// The root group flips y; positions are reported
					// inside it.
					fig.root = a["transform"]
					want := affine{a: 1, d: -1, f: fig.h}
					if own != want {
						t.Fatalf("root transform %q is %+v, want the flip y ↦ %g − y", a["transform"], own, fig.h)
					}
					own = identity
				}
			case "image":
				m := ctm.then(own)
				x0, y0 := m.apply(num(t, a["x"]), num(t, a["y"]))
				x1, y1 := m.apply(num(t, a["x"])+num(t, a["width"]), num(t, a["y"])+num(t, a["height"]))
				fig.images = append(fig.images, svgImage{
					rect: rect{min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)}, attr: a})
			case "path":
				p, err := parsePath(a["d"], ctm.then(own))
				if err != nil {
					t.Fatal(err)
				}
				p.style = parseStyle(a["style"])
				fig.paths = append(fig.paths, p)
			case "text":
				x, y := ctm.then(own).apply(num(t, a["x"]), num(t, a["y"]))
				fig.texts = append(fig.texts, svgText{x: x, y: y})
				text = &fig.texts[len(fig.texts)-1]
			}
			stack = append(stack, ctm.then(own))
		case xml.CharData:
			if text != nil {
				text.s += string(tok)
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			text = nil
		}
	}
	if fig.root == "" {
		t.Fatal("no root group")
	}
	return fig
}

// circles returns the circle glyphs of the paths.
func circles(ps []svgPath) (centres [][2]float64, radii []float64) {
	for _, p := range ps {
		if c, r, ok := p.circle(); ok {
			centres, radii = append(centres, c), append(radii, r)
		}
	}
	return centres, radii
}

// hex is the colour as vgsvg writes it.
func hex(c color.RGBA) string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }

// svgTol is how far a position may be off in an SVG: vgsvg writes five
// significant digits, so at most 0.005 pt on a figure under 1000 pt.
const svgTol = 0.01

func near(a, b [2]float64, tol float64) bool {
	return math.Abs(a[0]-b[0]) <= tol && math.Abs(a[1]-b[1]) <= tol
}

// sameFrame checks that an overlay is a figure of the background's size
// with the same root transform, so that figure coordinates agree.
func sameFrame(t *testing.T, bg, ov svgFig) {
	t.Helper()
	if bg.w != ov.w || bg.h != ov.h || bg.root != ov.root {
		t.Errorf("overlay frame %gx%g %q, background %gx%g %q", ov.w, ov.h, ov.root, bg.w, bg.h, bg.root)
	}
}

// onlyImage returns the one image of a surface background.
func onlyImage(t *testing.T, fig svgFig) rect {
	t.Helper()
	if len(fig.images) != 1 {
		t.Fatalf("%d images in the background, want the heat map only", len(fig.images))
	}
	return fig.images[0].rect
}

// ---------------------------------------------------------------------------
// Surface figure.

func mustSurface(t *testing.T, name string) optimizers.Surface {
	t.Helper()
	s, err := optimizers.NewSurface(name, optimizers.DefaultSurfaceParams())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// probe is a point at fractions (u, v) of a view, from its bottom-left
// corner.
type probe struct{ u, v float64 }

var cornersAndCentre = []probe{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0.5, 0.5}}

func (p probe) in(b optimizers.Box) [2]float64 {
	return [2]float64{b.XMin + p.u*(b.XMax-b.XMin), b.YMin + p.v*(b.YMax-b.YMin)}
}

type surfaceCase struct {
	name string
	view func(optimizers.Surface) optimizers.Box
}

// forSurfaceFigures runs check on the figure of each of surfaceCases, in
// a subtest.
func forSurfaceFigures(t *testing.T, check func(t *testing.T, s optimizers.Surface, view optimizers.Box, f *SurfaceFigure)) {
	for _, c := range surfaceCases {
		s := mustSurface(t, c.name)
		view := c.view(s)
		t.Run(fmt.Sprintf("%s%v", c.name, view), func(t *testing.T) {
			f, err := NewSurfaceFigure(s, view)
			if err != nil {
				t.Fatal(err)
			}
			check(t, s, view, f)
		})
	}
}

var surfaceCases = []surfaceCase{
	{"rosenbrock", func(s optimizers.Surface) optimizers.Box { return s.Domain }},
	{"linreg", func(s optimizers.Surface) optimizers.Box { return s.Domain }},
	{"quadratic", func(s optimizers.Surface) optimizers.Box { return s.Domain }},
	{"himmelblau", func(s optimizers.Surface) optimizers.Box { return s.Domain }},
	// A zoomed view, not the domain, with unequal width and height.
	{"rosenbrock", func(optimizers.Surface) optimizers.Box {
		return optimizers.Box{XMin: 0.5, XMax: 1.25, YMin: 0.2, YMax: 1.7}
	}},
}

// TestSurfaceHeatMapSpansView checks the background itself: the heat map
// image spans exactly the view, as the axes label it: every major tick
// mark, read with its label, lies where the image's edges put that value.
func TestSurfaceHeatMapSpansView(t *testing.T) {
	forSurfaceFigures(t, func(t *testing.T, s optimizers.Surface, view optimizers.Box, f *SurfaceFigure) {
		bg := readSVG(t, f.Background())
		img := onlyImage(t, bg)
		if bg.images[0].attr["preserveAspectRatio"] != "none" {
			t.Errorf("heat map image without preserveAspectRatio=\"none\": a browser would letterbox it")
		}
		// Major tick marks are 8 pt black lines; their labels are the
		// numeric texts, the x labels in the lowest row.
		var xTicks, yTicks []float64
		for _, p := range bg.paths {
			a, b, ok := p.segment()
			if !ok || p.stroke() != "#000000" {
				continue
			}
			switch {
			case a[0] == b[0] && math.Abs(math.Abs(a[1]-b[1])-8) < svgTol:
				xTicks = append(xTicks, a[0])
			case a[1] == b[1] && math.Abs(math.Abs(a[0]-b[0])-8) < svgTol:
				yTicks = append(yTicks, a[1])
			}
		}
		type label struct{ x, y, v float64 }
		var labels []label
		lowest := math.Inf(1)
		for _, tx := range bg.texts {
			if v, err := strconv.ParseFloat(tx.s, 64); err == nil {
				labels = append(labels, label{tx.x, tx.y, v})
				lowest = math.Min(lowest, tx.y)
			}
		}
		var xVals, yVals []float64
		slices.SortFunc(labels, func(a, b label) int { return cmp.Compare(a.x, b.x) })
		for _, l := range labels {
			if l.y-lowest < 0.5 {
				xVals = append(xVals, l.v)
			}
		}
		slices.SortFunc(labels, func(a, b label) int { return cmp.Compare(a.y, b.y) })
		for _, l := range labels {
			if l.y-lowest >= 0.5 {
				yVals = append(yVals, l.v)
			}
		}
		slices.Sort(xTicks)
		slices.Sort(yTicks)
		if len(xTicks) < 2 || len(xTicks) != len(xVals) || len(yTicks) < 2 || len(yTicks) != len(yVals) {
			t.Fatalf("ticks x %v labelled %v, y %v labelled %v", xTicks, xVals, yTicks, yVals)
		}
		for i, v := range xVals {
			want := img.x0 + (v-view.XMin)/(view.XMax-view.XMin)*(img.x1-img.x0)
			if math.Abs(xTicks[i]-want) > svgTol {
				t.Errorf("x tick %g at %.4f pt, the image puts it at %.4f", v, xTicks[i], want)
			}
		}
		for i, v := range yVals {
			want := img.y0 + (v-view.YMin)/(view.YMax-view.YMin)*(img.y1-img.y0)
			if math.Abs(yTicks[i]-want) > svgTol {
				t.Errorf("y tick %g at %.4f pt, the image puts it at %.4f", v, yTicks[i], want)
			}
		}
	})
}

// TestSurfaceOverlayAlignment checks the overlays against the
// background: a Head's discs and a Trail's vertices put at the view's
// corners and centre land on the heat map image's corners and centre, in
// a figure of the same size, within 0.01 pt.
func TestSurfaceOverlayAlignment(t *testing.T) {
	forSurfaceFigures(t, func(t *testing.T, s optimizers.Surface, view optimizers.Box, f *SurfaceFigure) {
		bg := readSVG(t, f.Background())
		img := onlyImage(t, bg)
		var heads []RunHead
		var trail [][2]float64
		for i, p := range cornersAndCentre {
			heads = append(heads, RunHead{Current: p.in(view), Color: RunColor(i)})
			trail = append(trail, p.in(view))
		}

		head := f.Head(heads)
		ov := readSVG(t, head)
		sameFrame(t, bg, ov)
		centres, radii := circles(ov.paths)
		if len(ov.paths) != 2*len(heads) || len(centres) != len(ov.paths) {
			t.Fatalf("%d paths (%d discs) for %d heads without vectors, want 2 discs each", len(ov.paths), len(centres), len(heads))
		}
		for i, p := range cornersAndCentre {
			want := img.at(p.u, p.v)
			for k, style := range []struct {
				fill string
				r    float64
			}{{"#FFFFFF", 5}, {hex(RunColor(i)), 3.8}} {
				j := 2*i + k
				if !near(centres[j], want, svgTol) {
					t.Errorf("head %v: disc %d at %v, image point %v", heads[i].Current, k, centres[j], want)
				}
				if ov.paths[j].fill() != style.fill || math.Abs(radii[j]-style.r) > svgTol {
					t.Errorf("head %v: disc %d %s r=%g, want %s r=%g", heads[i].Current, k, ov.paths[j].fill(), radii[j], style.fill, style.r)
				}
			}
		}

		halos, lines, err := f.Trail([]Segment{{Points: trail, Color: RunColor(2)}})
		if err != nil {
			t.Fatal(err)
		}
		for _, out := range [][]byte{halos, lines} {
			ov := readSVG(t, out)
			sameFrame(t, bg, ov)
			if len(ov.paths) != 1 || ov.paths[0].cmds != "MLLLL" {
				t.Fatalf("trail of 5 far-apart points: paths %+v, want one polyline of 5 points", ov.paths)
			}
			for i, p := range cornersAndCentre {
				if want := img.at(p.u, p.v); !near(ov.paths[0].pts[i], want, svgTol) {
					t.Errorf("trail vertex %v at %v, image point %v", trail[i], ov.paths[0].pts[i], want)
				}
			}
		}
	})
}

// TestSurfaceLandmarks checks the landmark glyphs in the background: the
// global minimum of rosenbrock, (1, 1), is a cross centred on that point
// of the heat map, drawn as a dark outline 2.6 pt wide under a white
// cross 1.2 pt wide.
func TestSurfaceLandmarks(t *testing.T) {
	s := mustSurface(t, "rosenbrock")
	f, err := NewSurfaceFigure(s, s.Domain)
	if err != nil {
		t.Fatal(err)
	}
	bg := readSVG(t, f.Background())
	img := onlyImage(t, bg)
	d := s.Domain
	want := img.at((1-d.XMin)/(d.XMax-d.XMin), (1-d.YMin)/(d.YMax-d.YMin))
	var dark, light []svgPath
	for _, p := range bg.paths {
		switch p.stroke() {
		case hex(ink):
			dark = append(dark, p)
		case "#FFFFFF":
			if _, ok := p.style["stroke-opacity"]; !ok { // contours are translucent
				light = append(light, p)
			}
		}
	}
	for _, c := range []struct {
		name  string
		paths []svgPath
		width float64
	}{{"outline", dark, 2.6}, {"cross", light, 1.2}} {
		if len(c.paths) != 2 {
			t.Errorf("%s: %d strokes, want the two bars of a cross", c.name, len(c.paths))
			continue
		}
		for _, p := range c.paths {
			a, b, ok := p.segment()
			mid := [2]float64{(a[0] + b[0]) / 2, (a[1] + b[1]) / 2}
			if !ok || !near(mid, want, svgTol) {
				t.Errorf("%s: bar %v centred at %v, want the minimum at %v", c.name, p.pts, mid, want)
			}
			if math.Abs(p.strokeWidth()-c.width) > 1e-9 {
				t.Errorf("%s: stroke width %g, want %g", c.name, p.strokeWidth(), c.width)
			}
		}
	}
}

// TestLandmarkOutlines checks every surface's landmarks (crosses, rings,
// triangles, squares): each is drawn twice, dark 2.6 pt wide, then white
// 1.2 pt wide on top, so the white glyph has a dark outline.
func TestLandmarkOutlines(t *testing.T) {
	for _, name := range optimizers.SurfaceNames() {
		s := mustSurface(t, name)
		f, err := NewSurfaceFigure(s, s.Domain)
		if err != nil {
			t.Fatal(err)
		}
		var dark, light int
		for _, p := range readSVG(t, f.Background()).paths {
			switch {
			case p.stroke() == hex(ink):
				dark++
				if p.strokeWidth() != 2.6 {
					t.Errorf("%s: dark landmark stroke %g pt wide, want 2.6", name, p.strokeWidth())
				}
			case p.stroke() == "#FFFFFF" && p.style["stroke-opacity"] == "":
				light++
				if p.strokeWidth() != 1.2 {
					t.Errorf("%s: white landmark stroke %g pt wide, want 1.2", name, p.strokeWidth())
				}
			}
		}
		inView := 0
		for _, l := range s.Landmarks {
			if s.Domain.Contains(l.At) {
				inView++
			}
		}
		if dark != light || inView > 0 && dark < inView {
			t.Errorf("%s: %d landmarks, %d dark and %d white strokes", name, inView, dark, light)
		}
	}
}

// TestSurfaceToData checks that a click, given as fractions of the figure
// from its top-left corner, is mapped back to the data: fractions computed
// from the heat map image's rectangle and the figure's size give the
// view's corners and centre, and clicks off the image report ok = false.
func TestSurfaceToData(t *testing.T) {
	forSurfaceFigures(t, func(t *testing.T, s optimizers.Surface, view optimizers.Box, f *SurfaceFigure) {
		w, h := f.Size()
		if w != SurfaceWidth || h != SurfaceHeight {
			t.Errorf("Size() = %v×%v, want %v×%v", w, h, SurfaceWidth, SurfaceHeight)
		}
		bg := readSVG(t, f.Background())
		if math.Abs(bg.w-w.Points()) > 0.005 || math.Abs(bg.h-h.Points()) > 0.005 {
			t.Errorf("SVG is %g×%g pt, Size() %v×%v", bg.w, bg.h, w, h)
		}
		img := onlyImage(t, bg)
		frac := func(p [2]float64) (fx, fy float64) { // from the top left
			return p[0] / w.Points(), 1 - p[1]/h.Points()
		}
		// The corners are taken a ten-millionth of the image inside, so
		// that rounding cannot put them outside.
		tol := 1e-6 * math.Max(view.XMax-view.XMin, view.YMax-view.YMin)
		inset := func(u float64) float64 { return 1e-7 + u*(1-2e-7) }
		for _, p := range cornersAndCentre {
			fx, fy := frac(img.at(inset(p.u), inset(p.v)))
			got, ok := f.ToData(fx, fy)
			if want := p.in(view); !ok || !near(got, want, tol) {
				t.Errorf("ToData(%g, %g) = %v, %v; want %v, true", fx, fy, got, ok, want)
			}
		}
		// Half a point off each edge of the image, and the corners of
		// the figure.
		off := [][2]float64{
			shift(img.at(0.5, 0), 0, -0.5), shift(img.at(0.5, 1), 0, 0.5),
			shift(img.at(0, 0.5), -0.5, 0), shift(img.at(1, 0.5), 0.5, 0),
			{0, 0}, {w.Points(), h.Points()},
		}
		for _, p := range off {
			fx, fy := frac(p)
			if got, ok := f.ToData(fx, fy); ok {
				t.Errorf("ToData(%g, %g) = %v, true outside the data area", fx, fy, got)
			}
		}
	})
}

// TestSurfaceToFigure checks the map decimate uses for the surface: it
// takes the view's width and height to the heat map image's, in points.
func TestSurfaceToFigure(t *testing.T) {
	s := mustSurface(t, "linreg")
	f, err := NewSurfaceFigure(s, s.Domain)
	if err != nil {
		t.Fatal(err)
	}
	img := onlyImage(t, readSVG(t, f.Background()))
	d := s.Domain
	x0, y0 := f.toFigure([2]float64{d.XMin, d.YMin})
	x1, y1 := f.toFigure([2]float64{d.XMax, d.YMax})
	if got, want := [2]float64{x1 - x0, y1 - y0}, [2]float64{img.x1 - img.x0, img.y1 - img.y0}; !near(got, want, svgTol) {
		t.Errorf("toFigure spans %v pt, the image %v", got, want)
	}
}

// TestTrailContent checks what Trail draws: nothing for segments of fewer
// than two points, apart from the two start rings of a FromStart segment
// (in the lines); the white halos, 3.2 pt wide, in the first output and
// the run-coloured lines, 1.6 pt wide, along the same vertices in the
// second.
func TestTrailContent(t *testing.T) {
	s := mustSurface(t, "quadratic")
	f, err := NewSurfaceFigure(s, s.Domain)
	if err != nil {
		t.Fatal(err)
	}
	img := onlyImage(t, readSVG(t, f.Background()))
	d := s.Domain
	toImg := func(p [2]float64) [2]float64 {
		return img.at((p[0]-d.XMin)/(d.XMax-d.XMin), (p[1]-d.YMin)/(d.YMax-d.YMin))
	}
	start := [2]float64{-4, 1.5}
	cases := []struct {
		name         string
		segs         []Segment
		halos, lines int // number of paths
		rings        bool
	}{
		{"none", nil, 0, 0, false},
		{"empty", []Segment{{Color: RunColor(0)}}, 0, 0, false},
		{"one point", []Segment{{Points: [][2]float64{start}, Color: RunColor(0)}}, 0, 0, false},
		{"empty from start", []Segment{{Color: RunColor(0), FromStart: true}}, 0, 0, false},
		{"one point from start", []Segment{{Points: [][2]float64{start}, Color: RunColor(0), FromStart: true}}, 0, 2, true},
		{"two points", []Segment{{Points: [][2]float64{start, {0, 0}}, Color: RunColor(0)}}, 1, 1, false},
		{"two points from start", []Segment{{Points: [][2]float64{start, {0, 0}}, Color: RunColor(0), FromStart: true}}, 1, 3, true},
		{"two segments", []Segment{
			{Points: [][2]float64{start, {0, 0}}, Color: RunColor(0)},
			{Points: [][2]float64{{4, -4}, {1, 1}, {0, 0}}, Color: RunColor(1)},
		}, 2, 2, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hb, lb, err := f.Trail(c.segs)
			if err != nil {
				t.Fatal(err)
			}
			halos, lines := readSVG(t, hb), readSVG(t, lb)
			if len(halos.paths) != c.halos || len(lines.paths) != c.lines || len(halos.texts)+len(lines.texts)+len(halos.images)+len(lines.images) > 0 {
				t.Fatalf("%d halo paths and %d line paths, want %d and %d and nothing else", len(halos.paths), len(lines.paths), c.halos, c.lines)
			}
			var drawn []Segment
			for _, s := range c.segs {
				if len(s.Points) >= 2 {
					drawn = append(drawn, s)
				}
			}
			for i, s := range drawn {
				h, l := halos.paths[i], lines.paths[i]
				if h.stroke() != "#FFFFFF" || h.strokeWidth() != 3.2 || h.fill() != "none" {
					t.Errorf("halo %d style %v, want white, 3.2 pt, unfilled", i, h.style)
				}
				if l.stroke() != hex(s.Color) || l.strokeWidth() != 1.6 || l.fill() != "none" {
					t.Errorf("line %d style %v, want %s, 1.6 pt, unfilled", i, l.style, hex(s.Color))
				}
				for k, p := range s.Points {
					want := toImg(p)
					if len(h.pts) != len(s.Points) || len(l.pts) != len(s.Points) || !near(h.pts[k], want, svgTol) || !near(l.pts[k], want, svgTol) {
						t.Fatalf("segment %d: halo %v, line %v, want vertices at %v…", i, h.pts, l.pts, want)
					}
				}
			}
			if c.rings {
				rings := lines.paths[len(lines.paths)-2:]
				centres, radii := circles(rings)
				want := toImg(start)
				if len(centres) != 2 || !near(centres[0], want, svgTol) || !near(centres[1], want, svgTol) ||
					math.Abs(radii[0]-4.5) > svgTol || math.Abs(radii[1]-4.5) > svgTol {
					t.Fatalf("start rings %v r %v, want two at %v, r 4.5", centres, radii, want)
				}
				if rings[0].strokeWidth() != 3 || rings[1].strokeWidth() != 1.5 {
					t.Errorf("start rings %v, %v: want a 3 pt halo under a 1.5 pt ring", rings[0].style, rings[1].style)
				}
				if rings[0].stroke() != "#FFFFFF" || rings[1].stroke() != hex(RunColor(0)) || rings[0].fill() != "none" || rings[1].fill() != "none" {
					t.Errorf("start rings %v, %v: want a white ring under one in the run's colour", rings[0].style, rings[1].style)
				}
			}
		})
	}
}

// TestHeadVectors checks the arrows of a Head: −∇f dashed white and the
// update in the run's colour over a white halo, each starting at the
// current point and pointing along its vector, with a length of 7% of the
// view's diagonal; zero vectors draw no arrow.
func TestHeadVectors(t *testing.T) {
	s := mustSurface(t, "quadratic") // a square view: data units scale alike
	f, err := NewSurfaceFigure(s, s.Domain)
	if err != nil {
		t.Fatal(err)
	}
	img := onlyImage(t, readSVG(t, f.Background()))
	d := s.Domain
	toImg := func(p [2]float64) [2]float64 {
		return img.at((p[0]-d.XMin)/(d.XMax-d.XMin), (p[1]-d.YMin)/(d.YMax-d.YMin))
	}
	length := 0.07 * math.Hypot(10, 10) // data units
	cur := [2]float64{1, -2}
	b := f.Head([]RunHead{{Current: cur, Color: RunColor(3), Grad: [2]float64{0, -5}, Update: [2]float64{3, 4}}})
	ov := readSVG(t, b)
	// −∇f: shaft and head; update: halo shaft and head, shaft and head;
	// then the two discs.
	if len(ov.paths) != 8 {
		t.Fatalf("%d paths, want 2 for −∇f, 4 for the update and 2 discs", len(ov.paths))
	}
	shafts := []struct {
		p      svgPath
		dir    [2]float64
		stroke string
		width  float64
		dashed bool
	}{
		{ov.paths[0], [2]float64{0, 1}, "#FFFFFF", 1.3, true},
		{ov.paths[2], [2]float64{0.6, 0.8}, "#FFFFFF", 3.2, false},
		{ov.paths[4], [2]float64{0.6, 0.8}, hex(RunColor(3)), 1.6, false},
	}
	for i, sh := range shafts {
		a, b, ok := sh.p.segment()
		tip := toImg([2]float64{cur[0] + length*sh.dir[0], cur[1] + length*sh.dir[1]})
		if !ok || !near(a, toImg(cur), svgTol) || !near(b, tip, svgTol) {
			t.Errorf("arrow %d: shaft %v, want from %v to %v", i, sh.p.pts, toImg(cur), tip)
		}
		if sh.p.stroke() != sh.stroke || sh.p.strokeWidth() != sh.width || (sh.p.style["stroke-dasharray"] != "") != sh.dashed {
			t.Errorf("arrow %d: style %v, want %s %g pt, dashed %v", i, sh.p.style, sh.stroke, sh.width, sh.dashed)
		}
		// The head is a solid V whose vertex is the tip.
		head := ov.paths[2*i+1]
		if head.cmds != "MLL" || !near(head.pts[1], tip, svgTol) || head.style["stroke-dasharray"] != "" {
			t.Errorf("arrow %d: head %v %v, want a solid V at %v", i, head.pts, head.style, tip)
		}
	}
	b = f.Head([]RunHead{{Current: cur, Color: RunColor(3)}})
	if n := len(readSVG(t, b).paths); n != 2 {
		t.Errorf("zero vectors: %d paths, want the 2 discs only", n)
	}
}

// TestHeadGlyphs checks the vectors of a run's state: each in an SVG
// group labelled for the page; the momentum's descent direction dotted;
// the step sizes as an ellipse whose semi-axes are in their ratio; the
// gradient and step of the last update hidden (class ghost); the
// minibatch gradient and the cloud to the scale of −∇f.
func TestHeadGlyphs(t *testing.T) {
	surf := mustSurface(t, "quadratic") // a square view: data units scale alike
	f, err := NewSurfaceFigure(surf, surf.Domain)
	if err != nil {
		t.Fatal(err)
	}
	cur, from := [2]float64{1, -2}, [2]float64{0, -3}
	head := RunHead{Label: "run3", Current: cur, Color: RunColor(3), Grad: [2]float64{0, -5},
		Momentum: [2]float64{2, 0}, Scale: [2]float64{0.4, 0.1}, From: from, G: [2]float64{1, 1}, HasLast: true,
		Batch: [2]float64{0, -4}, Cloud: [][2]float64{{0, -6}, {0.5, -5}, {-1, -4}}}
	svg := string(f.Head([]RunHead{head}))
	groups := regexp.MustCompile(`<g data-vec="([a-z0-9-]+)"( class="ghost")?>`).FindAllStringSubmatch(svg, -1)
	var got []string
	for _, g := range groups {
		got = append(got, g[1]+g[2])
	}
	want := []string{"run3-scale", "run3-batch", "run3-grad", "run3-momentum", `run3-g class="ghost"`, `run3-step class="ghost"`}
	if !slices.Equal(got, want) {
		t.Fatalf("groups %q, want %q", got, want)
	}
	// A group alone, in the figure's root and flip.
	flip := strings.Index(svg, `<g transform="scale(1, -1)`)
	root := svg[:flip+strings.Index(svg[flip:], ">")+1]
	group := func(label string) svgFig {
		i := strings.Index(svg, `<g data-vec="`+label+`"`)
		j := strings.Index(svg[i:], "</g>")
		return readSVG(t, []byte(root+svg[i:i+j]+"</g></g></svg>"))
	}
	// The ellipse: a polygon, four times as wide as high (0.4 : 0.1), 12 pt
	// across the wider semi-axis, filled and outlined.
	ell := group("run3-scale").paths
	if len(ell) != 2 || len(ell[0].pts) < ellipseSides {
		t.Fatalf("ellipse: %d paths", len(ell))
	}
	lo, hi := ell[0].pts[0], ell[0].pts[0]
	for _, p := range ell[0].pts {
		lo = [2]float64{math.Min(lo[0], p[0]), math.Min(lo[1], p[1])}
		hi = [2]float64{math.Max(hi[0], p[0]), math.Max(hi[1], p[1])}
	}
	if w, h := hi[0]-lo[0], hi[1]-lo[1]; math.Abs(w-24) > 0.1 || math.Abs(h-6) > 0.1 {
		t.Errorf("ellipse %g × %g pt, want 24 × 6", w, h)
	}
	// The momentum: halo and dotted line along −m, (−1, 0).
	mom := group("run3-momentum").paths
	if len(mom) != 4 || mom[2].style["stroke-dasharray"] == "" {
		t.Fatalf("momentum: %d paths, style %v", len(mom), mom[2].style)
	}
	if a, b, _ := mom[2].segment(); !(b[0] < a[0]) || math.Abs(b[1]-a[1]) > svgTol {
		t.Errorf("momentum shaft from %v to %v, want leftwards", a, b)
	}
	// The minibatch: three cloud dots and the batch gradient, whose length
	// is |g_B|/|∇f| times the −∇f arrow's (both along y: the figure's
	// scales do not come in).
	batch := group("run3-batch").paths
	if len(batch) != 3+4 {
		t.Fatalf("minibatch: %d paths, want 3 dots and 2 arrows", len(batch))
	}
	grad := group("run3-grad").paths
	ga, gb, _ := grad[0].segment()
	ba, bb, _ := batch[5].segment()
	if ratio := math.Hypot(bb[0]-ba[0], bb[1]-ba[1]) / math.Hypot(gb[0]-ga[0], gb[1]-ga[1]); math.Abs(ratio-0.8) > 0.005 {
		t.Errorf("minibatch arrow %g times the −∇f arrow, want 0.8", ratio)
	}
	// The last step runs from From to the current point, to scale.
	step := group("run3-step").paths
	if a, b, ok := step[2].segment(); !ok || math.Hypot(b[0]-a[0], b[1]-a[1]) < 10 {
		t.Errorf("the last step %v → %v", a, b)
	}
}

// shift returns p moved by (dx, dy).
func shift(p [2]float64, dx, dy float64) [2]float64 { return [2]float64{p[0] + dx, p[1] + dy} }

// ---------------------------------------------------------------------------
// Colour scale.

// TestSampleSurfaceLinear checks the sampling of a surface without
// LogScale: the grid holds f itself at the cell centres, here of
// quadratic (κ = 10, f = ½(x² + 10y²)) on [-5, 5]² in 4×4 cells, whose
// centres are ±1.25 and ±3.75.
func TestSampleSurfaceLinear(t *testing.T) {
	s := mustSurface(t, "quadratic")
	g, scale, err := sampleSurface(s, optimizers.Box{XMin: -5, XMax: 5, YMin: -5, YMax: 5}, 4)
	if err != nil {
		t.Fatal(err)
	}
	if scale != (ColourScale{}) {
		t.Errorf("scale %+v, want linear without offset", scale)
	}
	if c, r := g.Dims(); c != 4 || r != 4 {
		t.Errorf("Dims() = %d, %d", c, r)
	}
	centres := []float64{-3.75, -1.25, 1.25, 3.75}
	for i, want := range centres {
		if g.X(i) != want || g.Y(i) != want {
			t.Errorf("X(%d), Y(%d) = %g, %g; want %g", i, i, g.X(i), g.Y(i), want)
		}
	}
	for _, c := range []struct {
		c, r int
		want float64
	}{
		{0, 0, 0.5 * (14.0625 + 140.625)}, // (−3.75, −3.75)
		{1, 2, 0.5 * (1.5625 + 15.625)},   // (−1.25, 1.25)
		{3, 1, 0.5 * (14.0625 + 15.625)},  // (3.75, −1.25)
		{2, 3, 0.5 * (1.5625 + 140.625)},  // (1.25, 3.75)
	} {
		if got := g.Z(c.c, c.r); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("Z(%d, %d) = %g, want %g", c.c, c.r, got, c.want)
		}
	}
	if g.Min() != 8.59375 || g.Max() != 77.34375 {
		t.Errorf("range [%g, %g], want [8.59375, 77.34375]", g.Min(), g.Max())
	}

	// 2×2 cells: the four centres (±2.5, ±2.5) have the same value, and
	// the colour range is widened to a unit.
	g, _, err = sampleSurface(s, optimizers.Box{XMin: -5, XMax: 5, YMin: -5, YMax: 5}, 2)
	if err != nil {
		t.Fatal(err)
	}
	if flat := 0.5 * (6.25 + 62.5); g.Min() != flat || g.Max() != flat+1 {
		t.Errorf("flat grid: range [%g, %g], want [%g, %g]", g.Min(), g.Max(), flat, flat+1)
	}
}

// TestSampleSurfaceLog checks the log colour scale of rosenbrock,
// f = (1 − x)² + 100(y − x²)², on [−2, 2]×[−1, 3] in 2×2 cells: the
// centres (±1, 0) and (±1, 2) give f = 100 at x = 1 and 104 at x = −1.
// The least value is the known minimum 0, so the offset is −104·10⁻⁶ and
// the colour values are log10(f + 104·10⁻⁶).
func TestSampleSurfaceLog(t *testing.T) {
	s := mustSurface(t, "rosenbrock")
	g, scale, err := sampleSurface(s, optimizers.Box{XMin: -2, XMax: 2, YMin: -1, YMax: 3}, 2)
	if err != nil {
		t.Fatal(err)
	}
	const offset = -104e-6
	if !scale.Log || math.Abs(scale.Offset-offset) > 1e-18 {
		t.Fatalf("scale %+v, want log with offset %g", scale, offset)
	}
	for _, c := range []struct {
		c, r int
		f    float64
	}{{0, 0, 104}, {0, 1, 104}, {1, 0, 100}, {1, 1, 100}} {
		if got, want := g.Z(c.c, c.r), math.Log10(c.f-offset); math.Abs(got-want) > 1e-12 {
			t.Errorf("Z(%d, %d) = %.15g, want log10(%g + 104e-6) = %.15g", c.c, c.r, got, c.f, want)
		}
	}
	if lo, hi := math.Log10(100+104e-6), math.Log10(104+104e-6); math.Abs(g.Min()-lo) > 1e-12 || math.Abs(g.Max()-hi) > 1e-12 {
		t.Errorf("range [%g, %g], want [%g, %g]", g.Min(), g.Max(), lo, hi)
	}

	// On the default grid the minimum (1, 1) lies between samples; the
	// offset stays below it, so every colour value is finite. The offset
	// is a millionth of the range below the minimum 0, so the colour
	// values span at most log10(range·(1 + 10⁻⁶)) − log10(range·10⁻⁶),
	// six decades; the valley floor comes within a few of that.
	g, scale, err = sampleSurface(s, s.Domain, gridCells)
	if err != nil {
		t.Fatal(err)
	}
	if !(scale.Offset < 0) {
		t.Errorf("offset %g is not below the minimum 0", scale.Offset)
	}
	for i, z := range g.z {
		if math.IsInf(z, 0) || math.IsNaN(z) {
			t.Fatalf("z[%d] = %g", i, z)
		}
	}
	if span := g.Max() - g.Min(); span < 3 || span > 6+1e-6 {
		t.Errorf("colour range spans %g decades, want 3 to 6", span)
	}
}

// TestSampleSurfaceNotFinite checks that a surface that is not finite on
// the view is an error, not a broken image.
func TestSampleSurfaceNotFinite(t *testing.T) {
	s := optimizers.Surface{Name: "hole", Objective: optimizers.Func2{
		F: func(x, y float64) float64 { return 1 / (x * y) }, // ±Inf on the axes
		G: func(x, y float64) (float64, float64) { return 0, 0 },
	}}
	if _, _, err := sampleSurface(s, optimizers.Box{XMin: -1, XMax: 1, YMin: -1, YMax: 1}, 3); err == nil {
		t.Error("no error for f = ±Inf at the centre cell")
	}
	s.Objective = optimizers.Func2{
		F: func(x, y float64) float64 { return math.Sqrt(x) }, // NaN for x < 0
		G: func(x, y float64) (float64, float64) { return 0, 0 },
	}
	if _, err := NewSurfaceFigure(s, optimizers.Box{XMin: -1, XMax: 1, YMin: -1, YMax: 1}); err == nil {
		t.Error("NewSurfaceFigure: no error")
	}
}

// TestColourScaleValue checks ColourScale.Value by hand: identity when
// linear, log10(f − Offset) when logarithmic, and a finite, very low
// value rather than −Inf or NaN at or below the offset.
func TestColourScaleValue(t *testing.T) {
	for _, c := range []struct {
		s    ColourScale
		f    float64
		want float64
	}{
		{ColourScale{}, -3.5, -3.5},
		{ColourScale{}, 1e6, 1e6},
		{ColourScale{Offset: 7}, 2, 2}, // the offset is for log scales only
		{ColourScale{Log: true}, 1000, 3},
		{ColourScale{Log: true, Offset: -1}, 9, 1},
		{ColourScale{Log: true, Offset: 2}, 2.01, -2},
	} {
		if got := c.s.Value(c.f); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("%+v.Value(%g) = %g, want %g", c.s, c.f, got, c.want)
		}
	}
	for _, f := range []float64{2, 1, -100} {
		got := ColourScale{Log: true, Offset: 2}.Value(f)
		if math.IsInf(got, 0) || math.IsNaN(got) || got > -300 {
			t.Errorf("Value(%g) at or below the offset 2 = %g, want a finite value below −300", f, got)
		}
	}
}

// relativeLuminance is the WCAG relative luminance of an sRGB colour.
func relativeLuminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// TestViridis checks the colour map: n opaque colours, from viridis'
// first colour #440154 to its last #fde725, with the luminance rising
// from each colour to the next (viridis is designed so) — strictly up to
// 64 colours; with 256, rounding to 8 bits makes a few neighbours equal —
// and with n = 9 exactly the nine anchors.
func TestViridis(t *testing.T) {
	first := color.RGBA{0x44, 0x01, 0x54, 0xff}
	last := color.RGBA{0xfd, 0xe7, 0x25, 0xff}
	for _, n := range []int{2, 3, 9, 10, 64, 100, 256} {
		cs := Viridis(n).Colors()
		if len(cs) != n {
			t.Errorf("Viridis(%d) has %d colours", n, len(cs))
			continue
		}
		if cs[0] != first || cs[n-1] != last {
			t.Errorf("Viridis(%d) runs from %v to %v, want %v to %v", n, cs[0], cs[n-1], first, last)
		}
		for i := 1; i < n; i++ {
			if _, _, _, a := cs[i].RGBA(); a != 0xffff {
				t.Errorf("Viridis(%d)[%d] = %v is not opaque", n, i, cs[i])
			}
			if l0, l1 := relativeLuminance(cs[i-1]), relativeLuminance(cs[i]); l1 < l0 || n <= 64 && l1 == l0 {
				t.Errorf("Viridis(%d): luminance %.5f of %v at %d does not exceed %.5f of %v", n, l1, cs[i], i, l0, cs[i-1])
			}
		}
	}
	anchors := []string{"440154", "472c7a", "3b518b", "2c718e", "21908d", "27ad81", "5cc863", "aadc32", "fde725"}
	for i, c := range Viridis(9).Colors() {
		if got := strings.ToLower(hex(c.(color.RGBA)))[1:]; got != anchors[i] {
			t.Errorf("Viridis(9)[%d] = #%s, want #%s", i, got, anchors[i])
		}
	}
	if cs := Viridis(1).Colors(); len(cs) != 1 || cs[0] != first {
		t.Errorf("Viridis(1) = %v, want [%v]", cs, first)
	}
}

// ---------------------------------------------------------------------------
// decimate.

// sameXYs reports whether got holds the points want, in order.
func sameXYs(got plotter.XYs, want [][2]float64) bool {
	if len(got) != len(want) {
		return false
	}
	for i, p := range got {
		if p.X != want[i][0] || p.Y != want[i][1] {
			return false
		}
	}
	return true
}

// scaleX maps data to a figure's x by scaling.
func scaleX(sx float64) func([2]float64) float64 {
	return func(p [2]float64) float64 { return sx * p[0] }
}

// scale maps data to figure points by scaling each axis.
func scale(sx, sy float64) func([2]float64) (float64, float64) {
	return func(p [2]float64) (float64, float64) { return sx * p[0], sy * p[1] }
}

// TestDecimate checks decimate on hand-made paths: the first and last
// points are always kept; a point is kept when it is at least 1 pt, in
// figure units, from the last point kept, and dropped when closer.
func TestDecimate(t *testing.T) {
	cases := []struct {
		name     string
		pts      [][2]float64
		toFigure func([2]float64) (float64, float64)
		want     [][2]float64
	}{
		{"one point", [][2]float64{{3, 4}}, scale(1, 1), [][2]float64{{3, 4}}},
		{"two close points", [][2]float64{{0, 0}, {0.1, 0}}, scale(1, 1), [][2]float64{{0, 0}, {0.1, 0}}},
		{"two equal points", [][2]float64{{2, 2}, {2, 2}}, scale(1, 1), [][2]float64{{2, 2}, {2, 2}}},
		{"far apart", [][2]float64{{0, 0}, {2, 0}, {2, 2}, {0, 2}}, scale(1, 1), [][2]float64{{0, 0}, {2, 0}, {2, 2}, {0, 2}}},
		{"exactly 1 pt", [][2]float64{{0, 0}, {1, 0}, {1, 1}}, scale(1, 1), [][2]float64{{0, 0}, {1, 0}, {1, 1}}},
		// 10 pt per unit: 0.5 pt and 0.5 pt from the kept ones are
		// dropped, 2 pt kept, the last kept however close.
		{"scaled", [][2]float64{{0, 0}, {0.05, 0}, {0.2, 0}, {0.25, 0}, {1, 0}, {1.02, 0}}, scale(10, 10),
			[][2]float64{{0, 0}, {0.2, 0}, {1, 0}, {1.02, 0}}},
		// Steps of 0.6 pt: distances count from the last point kept,
		// so every other point is kept.
		{"creeping", [][2]float64{{0, 0}, {0.6, 0}, {1.2, 0}, {1.8, 0}, {2.4, 0}, {3, 0}, {3.6, 0}}, scale(1, 1),
			[][2]float64{{0, 0}, {1.2, 0}, {2.4, 0}, {3.6, 0}}},
		// Diagonal: (0.6, 0.6) is 0.85 pt away, (0.8, 0.8) 1.13 pt.
		{"diagonal", [][2]float64{{0, 0}, {0.6, 0.6}, {0.8, 0.8}, {1, 1}, {5, 5}}, scale(1, 1),
			[][2]float64{{0, 0}, {0.8, 0.8}, {5, 5}}},
		// Figure units, not data units: x is stretched 100 times, so
		// 0.02 in x is 2 pt and kept while 0.5 in y is 0.5 pt and dropped.
		{"anisotropic", [][2]float64{{0, 0}, {0, 0.5}, {0.02, 0.5}, {0.02, 1}, {0.02, 3}}, scale(100, 1),
			[][2]float64{{0, 0}, {0.02, 0.5}, {0.02, 3}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := decimate(c.pts, c.toFigure); !sameXYs(got, c.want) {
				t.Fatalf("decimate(%v) = %v, want %v", c.pts, got, c.want)
			}
		})
	}
}

// segmentDistance2 is the square of the distance from p to the segment
// from a to b.
func segmentDistance2(p, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	px, py := p[0]-a[0], p[1]-a[1]
	t := 0.0
	if l2 := dx*dx + dy*dy; l2 > 0 {
		t = (px*dx + py*dy) / l2
		switch {
		case t < 0:
			t = 0
		case t > 1:
			t = 1
		}
	}
	ex, ey := px-t*dx, py-t*dy
	return ex*ex + ey*ey
}

// TestSimplify checks the simplification of long lines: collinear points
// go, corners stay, and on random walks every point dropped lies within
// tolerance of the line through the points kept, which keeps the first
// and the last.
func TestSimplify(t *testing.T) {
	line := make(plotter.XYs, 2000)
	for i := range line {
		line[i] = plotter.XY{X: float64(i), Y: 0.5 * float64(i)}
	}
	// It keeps the ends of its stretches of simplifyChunk points:
	// 0, 512, 1024, 1536 and 1999.
	if got := simplify(line, scale(1, 1)); len(got) != 5 || got[0] != line[0] || got[4] != line[len(line)-1] {
		t.Errorf("a straight line of %d points kept %v", len(line), got)
	}
	zigzag := plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}, {X: 2, Y: 0}, {X: 3, Y: 1}, {X: 4, Y: 0}}
	if got := simplify(zigzag, scale(1, 1)); len(got) != len(zigzag) {
		t.Errorf("a zigzag of 1-point teeth kept %d of %d points", len(got), len(zigzag))
	}
	// Teeth of 0.2 point are below the tolerance.
	if got := simplify(zigzag, scale(1, 0.2)); len(got) != 2 {
		t.Errorf("a zigzag of 0.2-point teeth kept %d points", len(got))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		walk := make(plotter.XYs, 3000)
		for i := 1; i < len(walk); i++ {
			walk[i] = plotter.XY{X: walk[i-1].X + rng.Float64(), Y: walk[i-1].Y + rng.NormFloat64()*0.3}
		}
		got := simplify(walk, scale(1, 1))
		if got[0] != walk[0] || got[len(got)-1] != walk[len(walk)-1] || len(got) >= len(walk) {
			t.Fatalf("%d of %d points kept, ends %v %v", len(got), len(walk), got[0], got[len(got)-1])
		}
		// Each point lies within tolerance of the kept polyline.
		for _, p := range walk {
			best := math.Inf(1)
			for j := 1; j < len(got); j++ {
				best = math.Min(best, math.Sqrt(segmentDistance2([2]float64{p.X, p.Y}, [2]float64{got[j-1].X, got[j-1].Y}, [2]float64{got[j].X, got[j].Y})))
			}
			if best > tolerance+1e-9 {
				t.Fatalf("point %v is %g from the simplified walk", p, best)
			}
		}
	}
}

// TestDecimateColumns checks the loss curves' decimation: per column one
// point wide, the first, lowest, highest and last points, in order, each
// once.
func TestDecimateColumns(t *testing.T) {
	cases := []struct {
		name string
		pts  [][2]float64
		toX  func([2]float64) float64
		want [][2]float64
	}{
		{"one point", [][2]float64{{3, 4}}, scaleX(1), [][2]float64{{3, 4}}},
		{"one per column", [][2]float64{{0, 5}, {1, 3}, {2, 4}}, scaleX(1), [][2]float64{{0, 5}, {1, 3}, {2, 4}}},
		// Ten steps per column (0.1 pt per step): of the first column
		// its first, its minimum (step 3), its maximum (step 7) and its
		// last (step 9); of the second, steps 10 and 11.
		{"oscillating", [][2]float64{{0, 5}, {1, 4}, {2, 6}, {3, 1}, {4, 5}, {5, 5}, {6, 2}, {7, 9}, {8, 5}, {9, 3}, {10, 4}, {11, 2}},
			scaleX(0.1), [][2]float64{{0, 5}, {3, 1}, {7, 9}, {9, 3}, {10, 4}, {11, 2}}},
		// The maximum before the minimum keeps their order.
		{"max first", [][2]float64{{0, 1}, {1, 9}, {2, 0}, {3, 1}}, scaleX(0.1), [][2]float64{{0, 1}, {1, 9}, {2, 0}, {3, 1}}},
		// A flat stretch is its first and last point.
		{"flat", [][2]float64{{0, 2}, {1, 2}, {2, 2}, {3, 2}}, scaleX(0.1), [][2]float64{{0, 2}, {3, 2}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := decimateColumns(c.pts, c.toX); !sameXYs(got, c.want) {
				t.Fatalf("decimateColumns(%v) = %v, want %v", c.pts, got, c.want)
			}
		})
	}
	// Ten thousand steps of noise on a 400-point-wide figure: at most
	// four points per column.
	noisy := make([][2]float64, 10000)
	for i := range noisy {
		noisy[i] = [2]float64{float64(i), float64(i % 7)}
	}
	if n := len(decimateColumns(noisy, scaleX(400.0/10000))); n > 4*400 {
		t.Errorf("%d points kept of a 400-column curve", n)
	}
}

// ---------------------------------------------------------------------------
// Loss figure.

// TestNewLossAxes checks the axes on hand-computed cases. With a known
// minimum f* the y axis is f − f* on a log scale: the top is the power of
// ten at or above the largest start value minus f*, the bottom the power
// of ten at or below the least positive f − f*, but at most twelve decades
// below the top. Without one it is f on a linear scale over every value.
// Degenerate inputs still give finite ranges with Bottom < Top.
func TestNewLossAxes(t *testing.T) {
	cases := []struct {
		name        string
		losses      [][]float64
		steps       int
		fStar       float64
		hasMin      bool
		bottom, top float64
	}{
		// 3 lies in the decade (1, 10]; 0.02 in [0.01, 0.1).
		{"log", [][]float64{{3, 1, 0.02}}, 100, 0, true, 0.01, 10},
		// f − f*: starts 250 and 39; least 1.0003 − 1 = 3·10⁻⁴.
		{"log f*=1", [][]float64{{251, 2, 1.5}, {40, 1.0003}}, 50, 1, true, 1e-4, 1000},
		// The largest start is 7 (second run), the least value 0.3.
		{"log two runs", [][]float64{{0.3}, {7, 0.5}}, 10, 0, true, 0.1, 10},
		// Values at or below f* are not on a log axis: the least
		// positive one is 5.
		{"log reaches f*", [][]float64{{5, 0, -1e-3}}, 10, 0, true, 1, 10},
		// Twelve decades below the top 100 at most: 10⁻¹⁰, not 10⁻²⁰.
		{"log twelve decades", [][]float64{{50, 1e-20}}, 10, 0, true, 1e-10, 100},
		// An empty record is skipped.
		{"log empty run", [][]float64{{}, {0.5, 0.003}}, 10, 0, true, 1e-3, 1},
		// Every value is f*: no positive value; one decade below 1.
		{"log all at f*", [][]float64{{1, 1, 1}}, 10, 1, true, 0.1, 1},
		// A start below f*: the top falls back to 1; the least positive
		// value 2 is above it, so the bottom is a decade below.
		{"log start below f*", [][]float64{{-1, 2}}, 10, 0, true, 0.1, 1},
		{"log no runs", nil, 10, 0, true, 0.1, 1},
		// Beyond 1e300 the log axis is cut there (then 1e300 = 10^300
		// rounded by math.Pow).
		{"log huge", [][]float64{{2e300, 3e299}}, 10, 0, true, math.Pow(10, 299), 1e150 * 1e150},
		{"log tiny", [][]float64{{3e-200}}, 10, 0, true, 1e-200, 1e-199},
		{"linear", [][]float64{{3, 1, 2}, {5, -1}}, 20, 0, false, -1, 5},
		// f* is ignored without a minimum.
		{"linear f*", [][]float64{{3, 1}}, 20, 7, false, 1, 3},
		{"linear all equal", [][]float64{{2, 2}, {2}}, 20, 0, false, 1, 3},
		{"linear no runs", nil, 20, 0, false, -1, 1},
		{"linear empty runs", [][]float64{{}, {}}, 20, 0, false, -1, 1},
		// Beyond ±1e150 the linear axis is cut, so that its span is finite.
		{"linear huge", [][]float64{{1e300, -1e300}}, 20, 0, false, -1e150, 1e150},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := NewLossAxes(c.losses, c.steps, c.fStar, c.hasMin)
			if a.Steps != c.steps || a.Log != c.hasMin || a.FStar != c.fStar {
				t.Errorf("axes %+v: want Steps %d, Log %v, FStar %g", a, c.steps, c.hasMin, c.fStar)
			}
			// Powers of ten computed by math.Pow may be off in the last
			// bit.
			if math.Abs(a.Bottom-c.bottom) > 1e-12*math.Abs(c.bottom) || math.Abs(a.Top-c.top) > 1e-12*math.Abs(c.top) {
				t.Errorf("y from %g to %g, want %g to %g", a.Bottom, a.Top, c.bottom, c.top)
			}
			checkLossAxes(t, a)
		})
	}
	if a := NewLossAxes(nil, 0, 0, true); a.Steps != 1 {
		t.Errorf("0 steps: Steps = %d, want 1 so the x axis has a width", a.Steps)
	}
}

// checkLossAxes checks that axes are usable: finite, Bottom < Top, a log
// axis positive and spanning one to twelve whole decades, and that a
// figure can be drawn on them.
func checkLossAxes(t *testing.T, a LossAxes) {
	t.Helper()
	if math.IsInf(a.Bottom, 0) || math.IsInf(a.Top, 0) || !(a.Bottom < a.Top) || a.Steps < 1 {
		t.Fatalf("invalid axes %+v", a)
	}
	if a.Log {
		decades := math.Log10(a.Top / a.Bottom)
		if !(a.Bottom > 0) || decades < 1-1e-9 || decades > 12+1e-9 || math.Abs(decades-math.Round(decades)) > 1e-9 {
			t.Errorf("log axis %g to %g: want positive, 1 to 12 whole decades", a.Bottom, a.Top)
		}
	}
	if _, err := NewLossFigure(a); err != nil {
		t.Errorf("NewLossFigure(%+v): %v", a, err)
	}
}

// TestNewLossAxesProperties checks, on many generated records, that the
// axes are usable and that a log axis covers every start value: the top
// is at least the largest start minus f*, and at most ten times it.
func TestNewLossAxesProperties(t *testing.T) {
	for i := range 200 {
		// A deterministic spread of magnitudes and signs.
		v := func(k int) float64 {
			return math.Pow(10, float64((i*7+k*13)%41-20)/2.3) * float64(1-2*((i+k)%3/2))
		}
		losses := [][]float64{{v(0), v(1), v(2)}, {v(3), v(4)}}
		fStar := float64(i%5) - 2
		for _, hasMin := range []bool{true, false} {
			a := NewLossAxes(losses, i, fStar, hasMin)
			checkLossAxes(t, a)
			if !hasMin {
				continue
			}
			top := math.Max(losses[0][0], losses[1][0]) - fStar
			if top > 0 && (a.Top < top || a.Top > 10*top*(1+1e-12)) {
				t.Errorf("largest start − f* = %g, top %g", top, a.Top)
			}
		}
	}
}

// gridRect returns the data area of a background with a grid: vertical
// grid lines span its height and horizontal ones its width.
func gridRect(t *testing.T, fig svgFig) rect {
	t.Helper()
	r := rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	var vertical, horizontal int
	for _, p := range fig.paths {
		a, b, ok := p.segment()
		if !ok || p.stroke() != "#808080" || p.strokeWidth() != 0.25 {
			continue
		}
		switch {
		case a[0] == b[0]:
			vertical++
			r.y0, r.y1 = math.Min(r.y0, math.Min(a[1], b[1])), math.Max(r.y1, math.Max(a[1], b[1]))
		case a[1] == b[1]:
			horizontal++
			r.x0, r.x1 = math.Min(r.x0, math.Min(a[0], b[0])), math.Max(r.x1, math.Max(a[0], b[0]))
		}
	}
	if vertical == 0 || horizontal == 0 {
		t.Fatalf("%d vertical and %d horizontal grid lines", vertical, horizontal)
	}
	return r
}

// TestLossOverlayAlignment checks that the loss overlays land on the
// background's data area, as its grid lines delimit it: a Head at
// (step, loss) is at the step's fraction of the width and, on a log axis,
// at log(y/Bottom)/log(Top/Bottom) of the height (linear axes likewise);
// losses beyond the axis are drawn at its edge; a Trail's vertices lie at
// the same places.
func TestLossOverlayAlignment(t *testing.T) {
	for _, a := range []LossAxes{
		{Steps: 100, Log: true, FStar: 0, Bottom: 0.1, Top: 10},
		{Steps: 40, Log: true, FStar: -3, Bottom: 1e-6, Top: 1e2},
		{Steps: 7, Log: false, Bottom: -2, Top: 6},
	} {
		t.Run(fmt.Sprintf("%+v", a), func(t *testing.T) {
			f, err := NewLossFigure(a)
			if err != nil {
				t.Fatal(err)
			}
			bg := readSVG(t, f.Background())
			r := gridRect(t, bg)
			// where is the expected position of y = f − f* (or f).
			where := func(step, y float64) [2]float64 {
				v := (y - a.Bottom) / (a.Top - a.Bottom)
				if a.Log {
					v = math.Log(y/a.Bottom) / math.Log(a.Top/a.Bottom)
				}
				return r.at(step/float64(a.Steps), v)
			}
			off := 0.0
			if a.Log {
				off = a.FStar
			}
			mid := (a.Bottom + a.Top) / 2
			if a.Log {
				mid = math.Sqrt(a.Bottom * a.Top)
			}
			type point struct {
				step int
				loss float64
				want [2]float64
			}
			points := []point{
				{0, off + a.Top, r.at(0, 1)},
				{a.Steps, off + a.Bottom, r.at(1, 0)},
				{a.Steps / 2, off + mid, where(float64(a.Steps/2), mid)},
				{1, off + a.Top*100, r.at(1/float64(a.Steps), 1)},              // above: at the top
				{2, off + a.Bottom - 5*math.Abs(a.Bottom), where(2, a.Bottom)}, // below: at the bottom
			}
			if a.Log {
				points = append(points, point{3, off, where(3, a.Bottom)}) // f*: at the bottom
			}
			var heads []LossPoint
			var seg [][2]float64
			for i, p := range points {
				heads = append(heads, LossPoint{Step: p.step, Loss: p.loss, Color: RunColor(i)})
				seg = append(seg, [2]float64{float64(p.step), p.loss})
			}
			b := f.Head(heads)
			ov := readSVG(t, b)
			sameFrame(t, bg, ov)
			centres, radii := circles(ov.paths)
			if len(centres) != len(points) || len(ov.paths) != len(points) {
				t.Fatalf("%d paths, %d dots for %d points", len(ov.paths), len(centres), len(points))
			}
			for i, p := range points {
				if !near(centres[i], p.want, svgTol) || math.Abs(radii[i]-3) > svgTol || ov.paths[i].fill() != hex(RunColor(i)) {
					t.Errorf("Head(step %d, loss %g): dot at %v r %g %s, want %v r 3 %s", p.step, p.loss, centres[i], radii[i], ov.paths[i].fill(), p.want, hex(RunColor(i)))
				}
			}
			b, err = f.Trail([]Segment{{Points: seg, Color: RunColor(4)}})
			if err != nil {
				t.Fatal(err)
			}
			ov = readSVG(t, b)
			if len(ov.paths) != 1 || ov.paths[0].stroke() != hex(RunColor(4)) || ov.paths[0].strokeWidth() != 1.6 {
				t.Fatalf("Trail: paths %+v, want one 1.6 pt line in %s", ov.paths, hex(RunColor(4)))
			}
			// decimate may drop points within 1 pt of the previous
			// one; every vertex drawn is one of the points, in order.
			k := 0
			for _, v := range ov.paths[0].pts {
				for k < len(points) && !near(v, points[k].want, svgTol) {
					k++
				}
				if k == len(points) {
					t.Fatalf("Trail: vertices %v, want a subsequence of %v", ov.paths[0].pts, points)
				}
			}
			if n := len(ov.paths[0].pts); n < 4 {
				t.Errorf("Trail kept %d of %d far-apart points", n, len(points))
			}
			for _, segs := range [][]Segment{nil, {{Color: RunColor(0)}}, {{Points: [][2]float64{{0, 1}}, Color: RunColor(0), FromStart: true}}} {
				b, err := f.Trail(segs)
				if err != nil {
					t.Fatal(err)
				}
				if ov := readSVG(t, b); len(ov.paths) != 0 {
					t.Errorf("Trail(%v) drew %d paths, want none", segs, len(ov.paths))
				}
			}
		})
	}
}

// ---------------------------------------------------------------------------
// Data figure.

// tinyData is three points on the line y = 2x + 1; the y axis runs from
// the least y minus a tenth of the range to the largest plus a tenth:
// 1 − 0.2 to 3 + 0.2.
var (
	tinyData           = optimizers.LinReg{X: []float64{0, 0.5, 1}, Y: []float64{1, 2, 3}}
	tinyYMin, tinyYMax = 0.8, 3.2
)

// TestDataFigure checks the data figure: the background has the data as
// grey dots of radius 2 at their places in the grid's data area; an
// overlay's fitted line y = W·x + B runs from (0, B) to (1, W + B), so the
// exact fit passes through the dots' centres; a ring of radius 3.6 circles
// each batch point, one per entry of the batch.
func TestDataFigure(t *testing.T) {
	f, err := NewDataFigure(tinyData)
	if err != nil {
		t.Fatal(err)
	}
	if w, h := f.Size(); w != DataWidth || h != DataHeight {
		t.Errorf("Size() = %v×%v", w, h)
	}
	bg := readSVG(t, f.Background())
	r := gridRect(t, bg)
	at := func(x, y float64) [2]float64 { return r.at(x, (y-tinyYMin)/(tinyYMax-tinyYMin)) }
	dots, radii := circles(bg.paths)
	if len(dots) != tinyData.Len() {
		t.Fatalf("%d dots, want %d", len(dots), tinyData.Len())
	}
	for i := range dots {
		if want := at(tinyData.X[i], tinyData.Y[i]); !near(dots[i], want, svgTol) || math.Abs(radii[i]-2) > svgTol {
			t.Errorf("data point %d at %v r %g, want %v r 2", i, dots[i], radii[i], want)
		}
	}

	cases := []struct {
		name  string
		fits  []FitFrame
		batch []int32
	}{
		{"nothing", nil, nil},
		{"exact fit", []FitFrame{{W: 2, B: 1, Color: RunColor(0)}}, nil},
		{"two fits and a batch", []FitFrame{{W: 2, B: 1, Color: RunColor(0)}, {W: -1, B: 3, Color: RunColor(1)}}, []int32{2, 0}},
		{"repeated batch", []FitFrame{{W: 0.5, B: 1.5, Color: RunColor(2)}}, []int32{1, 1, 2}},
		{"batch only", nil, []int32{0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := f.Overlay(c.fits, c.batch)
			if err != nil {
				t.Fatal(err)
			}
			ov := readSVG(t, b)
			sameFrame(t, bg, ov)
			if len(ov.paths) != len(c.batch)+len(c.fits) {
				t.Fatalf("%d paths, want %d rings and %d lines", len(ov.paths), len(c.batch), len(c.fits))
			}
			for i, k := range c.batch {
				p := ov.paths[i]
				centre, radius, ok := p.circle()
				if !ok || !near(centre, dots[k], svgTol) || math.Abs(radius-3.6) > svgTol {
					t.Errorf("batch ring %d at %v r %g, want on data point %d at %v, r 3.6", i, centre, radius, k, dots[k])
				}
				if p.fill() != "none" || p.stroke() != hex(ink) || p.strokeWidth() != 1.4 {
					t.Errorf("batch ring %d style %v, want an unfilled %s ring 1.4 pt wide", i, p.style, hex(ink))
				}
			}
			for i, fit := range c.fits {
				p := ov.paths[len(c.batch)+i]
				a, b, ok := p.segment()
				if !ok || !near(a, at(0, fit.B), svgTol) || !near(b, at(1, fit.W+fit.B), svgTol) {
					t.Errorf("fit %+v: line %v, want from %v to %v", fit, p.pts, at(0, fit.B), at(1, fit.W+fit.B))
				}
				if p.stroke() != hex(fit.Color) || p.strokeWidth() != 1.8 {
					t.Errorf("fit %d style %v", i, p.style)
				}
				if fit.W == 2 && fit.B == 1 && (!near(a, dots[0], svgTol) || !near(b, dots[2], svgTol) ||
					!near([2]float64{(a[0] + b[0]) / 2, (a[1] + b[1]) / 2}, dots[1], svgTol)) {
					t.Errorf("the exact fit %v misses the data points %v", p.pts, dots)
				}
			}
		})
	}
}

// ---------------------------------------------------------------------------
// Golden files.

// diffHint describes the first difference between two texts.
func diffHint(want, got []byte) string {
	wl, gl := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	short := func(b []byte) string {
		if len(b) > 100 {
			return string(b[:100]) + "…"
		}
		return string(b)
	}
	for i := 0; i < len(wl) || i < len(gl); i++ {
		switch {
		case i >= len(wl):
			return fmt.Sprintf("line %d: extra %q", i+1, short(gl[i]))
		case i >= len(gl):
			return fmt.Sprintf("line %d: missing %q", i+1, short(wl[i]))
		case !bytes.Equal(wl[i], gl[i]):
			return fmt.Sprintf("line %d:\n\twant %q\n\tgot  %q", i+1, short(wl[i]), short(gl[i]))
		}
	}
	return "no difference"
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file, %s\n(if the change is intended, check the figure and run go test ./app/plots -update)", path, diffHint(want, got))
	}
}

// TestGolden compares the byte-stable figures with golden files, which
// were checked by eye when rendered (the surface background is left out:
// its contour paths come out in varying order): the axes of a log and a
// linear loss figure, the tiny data set's background and an overlay, and
// surface and loss overlays for fixed inputs.
func TestGolden(t *testing.T) {
	logLoss, err := NewLossFigure(LossAxes{Steps: 100, Log: true, FStar: 0, Bottom: 1e-3, Top: 10})
	if err != nil {
		t.Fatal(err)
	}
	linLoss, err := NewLossFigure(LossAxes{Steps: 50, Bottom: -2, Top: 6})
	if err != nil {
		t.Fatal(err)
	}
	data, err := NewDataFigure(tinyData)
	if err != nil {
		t.Fatal(err)
	}
	s := mustSurface(t, "rosenbrock")
	surf, err := NewSurfaceFigure(s, s.Domain)
	if err != nil {
		t.Fatal(err)
	}
	path := [][2]float64{{-1.2, 1}, {-1, 1.2}, {-0.5, 0.3}, {0, 0}, {0.5, 0.25}, {1, 1}}
	head := surf.Head([]RunHead{
		{Current: [2]float64{0.5, 0.25}, Color: RunColor(0), Grad: [2]float64{-1, -0.5}, Update: [2]float64{0.3, 0.4}},
		{Current: [2]float64{-1.5, 2}, Color: RunColor(1)},
	})
	halos, lines, err := surf.Trail([]Segment{
		{Points: path, Color: RunColor(0), FromStart: true},
		{Points: [][2]float64{{-2, -1}, {-1.8, -0.8}}, Color: RunColor(1)},
	})
	if err != nil {
		t.Fatal(err)
	}
	curve, err := logLoss.Trail([]Segment{{Points: [][2]float64{{0, 5}, {10, 1}, {20, 0.2}, {50, 0.01}, {100, 0.002}}, Color: RunColor(0)}})
	if err != nil {
		t.Fatal(err)
	}
	fit, err := data.Overlay([]FitFrame{{W: 2, B: 1, Color: RunColor(0)}, {W: 0.5, B: 1.2, Color: RunColor(1)}}, []int32{0, 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range []struct {
		name string
		svg  []byte
	}{
		{"loss_log_background.svg", logLoss.Background()},
		{"loss_linear_background.svg", linLoss.Background()},
		{"loss_trail.svg", curve},
		{"data_background.svg", data.Background()},
		{"data_overlay.svg", fit},
		{"surface_head.svg", head},
		{"surface_trail_halos.svg", halos},
		{"surface_trail_lines.svg", lines},
	} {
		t.Run(g.name, func(t *testing.T) { golden(t, g.name, g.svg) })
	}
}
