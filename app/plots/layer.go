package plots

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strings"
	"sync"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Layered is a figure split into a background, drawn once when it is
// first asked for, and overlays drawn onto exactly the same data area. Its
// layout (the data area) is known at once, without drawing: a page whose
// background image is at hand, such as a file the server publishes, never
// pays for drawing it. It is safe for concurrent use.
type Layered struct {
	plot *plot.Plot
	w, h vg.Length
	data vg.Rectangle

	once       sync.Once
	background []byte
}

// newLayered lays out p as a w×h figure.
func newLayered(p *plot.Plot, w, h vg.Length) *Layered {
	l := &Layered{plot: p, w: w, h: h}
	l.data = p.DataCanvas(figureCanvas(vgsvg.New(w, h))).Rectangle
	return l
}

// figureCanvas is a figure's drawing area on c: a margin on the top and
// the right keeps glyphs at the data area's edges inside the figure.
func figureCanvas(c vg.CanvasSizer) draw.Canvas {
	return draw.Crop(draw.New(c), 0, -vg.Points(4), 0, -vg.Points(4))
}

// svgBytes returns the canvas as an SVG element, without the XML prolog, so
// it can be inlined in HTML or used as an image.
func svgBytes(c *vgsvg.Canvas) []byte {
	b := svgFile(c)
	if i := bytes.Index(b, []byte("<svg")); i > 0 {
		b = b[i:]
	}
	return b
}

// svgFile returns the canvas as an SVG file.
func svgFile(c *vgsvg.Canvas) []byte {
	var buf bytes.Buffer
	c.WriteTo(&buf) // writing to a bytes.Buffer does not fail
	if !bytes.Contains(buf.Bytes(), []byte("<image ")) {
		return buf.Bytes()
	}
	// vgsvg sizes images without preserveAspectRatio, so browsers keep a
	// raster's own aspect ratio and letterbox a heat map; stretch it to the
	// rectangle gonum/plot laid out. It also labels its PNG images JPEG,
	// which browsers forgive and other readers of a file need not.
	return []byte(imageFix.Replace(buf.String()))
}

// imageFix corrects the images vgsvg writes.
var imageFix = strings.NewReplacer("<image ", `<image preserveAspectRatio="none" `,
	`xlink:href="data:image/jpg;base64,`, `xlink:href="data:image/png;base64,`)

// Background returns the background as SVG, drawing it on the first call.
func (l *Layered) Background() []byte {
	l.once.Do(func() {
		c := vgsvg.New(l.w, l.h)
		l.drawWhole(c, nil)
		l.background = svgBytes(c)
	})
	return l.background
}

// drawWhole draws the background and above it the plotters, as Overlay
// draws them, on c, a canvas of the figure's size.
func (l *Layered) drawWhole(c vg.CanvasSizer, ps []plot.Plotter) {
	// Drawing sets the axes' ranges in place (to the same values): draw a
	// copy, so that overlays drawn meanwhile read the figure's plot
	// undisturbed.
	p := *l.plot
	p.Draw(figureCanvas(c))
	l.drawOver(c, ps)
}

// Size returns the figure's width and height.
func (l *Layered) Size() (w, h vg.Length) { return l.w, l.h }

// Pixels returns a length in CSS pixels (96 to the inch), rounded: the
// size a page gives a figure before scaling it.
func Pixels(l vg.Length) int { return int(math.Round(l.Dots(96))) }

// Overlay draws the plotters onto the background's data area of a new,
// transparent figure of the same size and returns it as SVG.
func (l *Layered) Overlay(ps ...plot.Plotter) []byte {
	c := vgsvg.New(l.w, l.h)
	l.drawOver(c, ps)
	return svgBytes(c)
}

// drawOver draws the plotters, bottom first, onto the background's data
// area on c, a canvas of the figure's size.
func (l *Layered) drawOver(c vg.Canvas, ps []plot.Plotter) {
	dc := draw.Canvas{Canvas: c, Rectangle: l.data}
	for _, p := range ps {
		p.Plot(dc, l.plot)
	}
}

// File formats of an exported figure, as their file name extensions.
const (
	SVG = "svg"
	PNG = "png"
)

// ExportDPI is the resolution of an exported PNG figure: twice the 96
// pixels to the inch at which the page shows figures, for print and for
// high-density screens.
const ExportDPI = 192

// export draws the whole figure on one canvas, the background and above
// it the plotters as the overlays draw them, bottom first, and returns it
// as a file of format SVG or PNG (at ExportDPI): one standalone image,
// with no layers to stack.
func (l *Layered) export(format string, ps []plot.Plotter) ([]byte, error) {
	switch format {
	case SVG:
		c := vgsvg.New(l.w, l.h)
		l.drawWhole(c, ps)
		return svgFile(c), nil
	case PNG:
		return l.png(ps)
	}
	return nil, fmt.Errorf("plots: no figure format %q: want %s or %s", format, SVG, PNG)
}

// Group is plotters drawn as one SVG group, labelled for the page: its
// Label (data-vec) links it to the terms of the Math panel, and Class
// styles it.
type Group struct {
	Label, Class string
	Plotters     []plot.Plotter
}

// groupStart is how vgsvg opens the group of a translation by nothing,
// which OverlayGroups turns into a labelled group.
const groupStart = `<g transform="translate(0, 0)">`

// OverlayGroups draws the groups like Overlay, each an SVG group of its
// own when it has a label or a class.
func (l *Layered) OverlayGroups(groups []Group) []byte {
	c := vgsvg.New(l.w, l.h)
	var tags []string
	for _, g := range groups {
		wrap := g.Label != "" || g.Class != ""
		if wrap {
			c.Push()
			c.Translate(vg.Point{})
			tag := "<g"
			if g.Label != "" {
				tag += ` data-vec="` + g.Label + `"`
			}
			if g.Class != "" {
				tag += ` class="` + g.Class + `"`
			}
			tags = append(tags, tag+">")
		}
		l.drawOver(c, g.Plotters)
		if wrap {
			c.Pop()
		}
	}
	// One pass, each group start in turn given its tag.
	svg := svgBytes(c)
	out := make([]byte, 0, len(svg)+len(tags)*24)
	for _, tag := range tags {
		i := bytes.Index(svg, []byte(groupStart))
		out = append(append(out, svg[:i]...), tag...)
		svg = svg[i+len(groupStart):]
	}
	return append(out, svg...)
}

// styleAttr matches the style attribute of an SVG element.
var styleAttr = regexp.MustCompile(`style="[^"]*"`)

// restyled returns an overlay with every element's style attribute
// replaced by style.
func restyled(overlay, style []byte) []byte {
	return styleAttr.ReplaceAllLiteral(overlay, style)
}

// appendOverlay returns overlay a with what overlay b draws drawn above
// it, as one drawing of both would be.
func appendOverlay(a, b []byte) []byte {
	drawn := Content(b)
	start := bytes.IndexByte(drawn, '>')
	end := bytes.LastIndex(drawn, []byte("</g>"))
	at := bytes.LastIndex(a, []byte("</g>"))
	if start < 0 || end < start || at < 0 {
		return a
	}
	inner := bytes.TrimLeft(drawn[start+1:end], "\n")
	out := make([]byte, 0, len(a)+len(inner))
	return append(append(append(out, a[:at]...), inner...), a[at:]...)
}

// Content returns what an overlay draws, without its root svg element:
// the elements to add to an overlay of the same figure, which extend it.
func Content(overlay []byte) []byte {
	start := bytes.IndexByte(overlay, '>')
	end := bytes.LastIndex(overlay, []byte("</svg>"))
	if !bytes.HasPrefix(overlay, []byte("<svg")) || start < 0 || end < start {
		return nil
	}
	return bytes.TrimSpace(overlay[start+1 : end])
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

// ErrPNGInBrowser is the error of a PNG export in the browser, which draws
// the figure's SVG on a canvas instead.
var ErrPNGInBrowser = errors.New("plots: in the browser, PNG figures are rasterized from their SVG")
