package plots

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"io"
	"slices"
	"strings"
	"testing"
)

// exportCase is one figure drawn whole: what the page stacks (its
// background, then its overlays, bottom first), the same exported, and a
// point in data coordinates that a line in colour ink passes through.
type exportCase struct {
	name string
	// w, h are the figure's size on the page in CSS pixels (96 to the
	// inch), which the README and the figures' comments give.
	w, h   int
	layers func(t *testing.T) [][]byte
	export func(format string) ([]byte, error)
	on     [2]float64
	ink    color.RGBA
	frac   func(x, y float64) (float64, float64)
}

// orange is the first run's colour, Okabe–Ito's orange #E69F00, and
// sky its second's, #56B4E9.
var (
	orange = color.RGBA{0xe6, 0x9f, 0x00, 0xff}
	sky    = color.RGBA{0x56, 0xb4, 0xe9, 0xff}
)

func exportCases(t *testing.T) []exportCase {
	s := mustSurface(t, "rosenbrock")
	surf, err := NewSurfaceFigure(s, s.Domain)
	if err != nil {
		t.Fatal(err)
	}
	path := [][2]float64{{-1.2, 1}, {-1, 1.2}, {-0.5, 0.3}, {0, 0}, {0.5, 0.25}, {1, 1}}
	segs := []Segment{
		{Points: path, Color: orange, FromStart: true},
		{Points: [][2]float64{{-2, -1}, {-1.8, -0.8}, {-1.5, -0.2}}, Color: sky, FromStart: true},
	}
	heads := []RunHead{
		{Label: "run0", Current: [2]float64{1, 1}, Color: orange, Grad: [2]float64{-1, -0.5}, Update: [2]float64{0.3, 0.4},
			Momentum: [2]float64{0.2, 0.1}, Scale: [2]float64{1, 0.5}},
		{Label: "run1", Current: [2]float64{-1.5, -0.2}, Color: sky},
	}

	loss, err := NewLossFigure(LossAxes{Steps: 100, Log: true, Bottom: 1e-3, Top: 10})
	if err != nil {
		t.Fatal(err)
	}
	curve := []Segment{{Points: [][2]float64{{0, 5}, {10, 1}, {20, 0.2}, {50, 0.01}, {80, 0.002}}, Color: orange}}
	points := []LossPoint{{Step: 80, Loss: 0.002, Color: orange}}

	data, err := NewDataFigure(tinyData)
	if err != nil {
		t.Fatal(err)
	}
	fits := []FitFrame{{W: 2, B: 1, Color: orange}, {W: 0.5, B: 1.2, Color: sky}}
	batch := []int32{0, 2}

	sweep, err := NewSweepFigure(testSweep(), 10, 0, true)
	if err != nil {
		t.Fatal(err)
	}
	lrs := []float64{0.05, 0.5}

	return []exportCase{
		{name: "surface", w: 540, h: 450, frac: surf.Fraction, on: [2]float64{-0.75, 0.75}, ink: orange,
			layers: func(t *testing.T) [][]byte {
				halos, lines, err := surf.Trail(segs)
				if err != nil {
					t.Fatal(err)
				}
				return [][]byte{surf.Background(), halos, lines, surf.Head(heads)}
			},
			export: func(format string) ([]byte, error) { return surf.Export(format, segs, heads) }},
		{name: "loss", w: 540, h: 227, frac: loss.Fraction, on: [2]float64{15, 0.4472136}, ink: orange,
			layers: func(t *testing.T) [][]byte {
				lines, err := loss.Trail(curve)
				if err != nil {
					t.Fatal(err)
				}
				return [][]byte{loss.Background(), lines, loss.Head(points)}
			},
			export: func(format string) ([]byte, error) { return loss.Export(format, curve, points) }},
		{name: "data", w: 540, h: 270, frac: data.Fraction, on: [2]float64{0.25, 1.5}, ink: orange,
			layers: func(t *testing.T) [][]byte {
				fitted, err := data.Overlay(fits, batch)
				if err != nil {
					t.Fatal(err)
				}
				return [][]byte{data.Background(), fitted}
			},
			export: func(format string) ([]byte, error) { return data.Export(format, fits, batch) }},
		{name: "sweep", w: 540, h: 270, frac: sweep.Fraction, on: [2]float64{0.031622777, 2.8284271}, ink: sky,
			layers: func(t *testing.T) [][]byte {
				curves, err := sweep.Curves()
				if err != nil {
					t.Fatal(err)
				}
				return [][]byte{sweep.Background(), curves, sweep.Current(lrs)}
			},
			export: func(format string) ([]byte, error) { return sweep.Export(format, lrs) }},
	}
}

// TestExportPNG decodes each exported PNG: it is twice the figure's size
// on the page, a picture (many colours, a white page around the axes),
// and the run's colour is where the figure maps a point its line passes
// through.
func TestExportPNG(t *testing.T) {
	for _, c := range exportCases(t) {
		t.Run(c.name, func(t *testing.T) {
			b, err := c.export(PNG)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			w, h := img.Bounds().Dx(), img.Bounds().Dy()
			if w != 2*c.w || h != 2*c.h {
				t.Fatalf("%d×%d pixels, want %d×%d, twice the page's %d×%d", w, h, 2*c.w, 2*c.h, c.w, c.h)
			}
			colours := map[color.RGBA]bool{}
			for y := range h {
				for x := range w {
					colours[rgba(img, x, y)] = true
				}
			}
			if len(colours) < 16 {
				t.Errorf("%d colours: blank?", len(colours))
			}
			if got := rgba(img, 0, 0); got != (color.RGBA{0xff, 0xff, 0xff, 0xff}) {
				t.Errorf("corner %v, want the white page", got)
			}
			fx, fy := c.frac(c.on[0], c.on[1])
			px, py := int(fx*float64(w)), int(fy*float64(h))
			if !colourNear(img, px, py, 3, c.ink) {
				t.Errorf("no %v within 3 pixels of (%d, %d), where the line passes through %v", c.ink, px, py, c.on)
			}
		})
	}
}

// rgba is the colour of a pixel.
func rgba(img image.Image, x, y int) color.RGBA {
	return color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
}

// colourNear reports whether a pixel within r of (x, y) is c.
func colourNear(img image.Image, x, y, r int, c color.RGBA) bool {
	for dy := -r; dy <= r; dy++ {
		for dx := -r; dx <= r; dx++ {
			if rgba(img, x+dx, y+dy) == c {
				return true
			}
		}
	}
	return false
}

// TestExportSVG parses each exported SVG: a standalone file whose root is
// an svg element of the figure's size, holding exactly the elements of the
// layers the page stacks, layer above layer (within a layer in any order:
// gonum/plot's contours come out in varying order), with no hidden
// elements and no image but the embedded heat map.
func TestExportSVG(t *testing.T) {
	for _, c := range exportCases(t) {
		t.Run(c.name, func(t *testing.T) {
			b, err := c.export(SVG)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(b, []byte("<?xml")) {
				t.Errorf("starts %.20q, want an XML prolog", b)
			}
			root := rootElement(t, b)
			w, h := attr(root, "width"), attr(root, "height")
			if root.Name.Local != "svg" || !strings.HasSuffix(w, "pt") || !strings.HasSuffix(h, "pt") {
				t.Fatalf("root <%s width=%q height=%q>, want an svg element sized in points", root.Name.Local, w, h)
			}
			// 72 points to 96 pixels, written to five digits.
			if got, want := num(t, strings.TrimSuffix(w, "pt")), float64(c.w)*0.75; got < want-0.1 || got > want+0.1 {
				t.Errorf("width %s, want about %gpt", w, want)
			}
			if got, want := num(t, strings.TrimSuffix(h, "pt")), float64(c.h)*0.75; got < want-0.5 || got > want+0.5 {
				t.Errorf("height %s, want about %gpt", h, want)
			}
			fig := readSVG(t, b)
			for _, im := range fig.images {
				if !strings.HasPrefix(im.attr["href"], "data:image/png;base64,") || im.attr["preserveAspectRatio"] != "none" {
					t.Errorf("image %.60q preserveAspectRatio %q, want an embedded PNG stretched to its place",
						im.attr["href"], im.attr["preserveAspectRatio"])
				}
			}
			if want := map[bool]int{true: 1, false: 0}[c.name == "surface"]; len(fig.images) != want {
				t.Errorf("%d images, want %d", len(fig.images), want)
			}
			if !slices.ContainsFunc(fig.paths, func(p svgPath) bool { return p.stroke() == hex(c.ink) }) {
				t.Errorf("no path in %s", hex(c.ink))
			}
			got := elements(t, b)
			for i, layer := range c.layers(t) {
				want := elements(t, layer)
				n := min(len(want), len(got))
				chunk := got[:n]
				got = got[n:]
				slices.Sort(chunk)
				slices.Sort(want)
				if !slices.Equal(chunk, want) {
					t.Errorf("layer %d: %d elements, the page's %d: %s", i, len(chunk), len(want), firstDifference(chunk, want))
				}
			}
			if len(got) > 0 {
				t.Errorf("%d elements above the page's layers, such as %s", len(got), shorten(got[0]))
			}
		})
	}
}

// rootElement returns the document's first element.
func rootElement(t *testing.T, b []byte) xml.StartElement {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := dec.Token()
		if err != nil {
			t.Fatalf("no root element: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se
		}
	}
}

func attr(se xml.StartElement, name string) string { return attrs(se)[name] }

// elements lists what an SVG draws: its path, text and image elements,
// each as its name, attributes and text.
func elements(t *testing.T, b []byte) []string {
	t.Helper()
	var out []string
	dec := xml.NewDecoder(bytes.NewReader(b))
	open := -1 // the element whose text is read
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("parsing SVG: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if n := tok.Name.Local; n == "path" || n == "text" || n == "image" {
				var s strings.Builder
				s.WriteString(n)
				for _, a := range tok.Attr {
					s.WriteString(" " + a.Name.Local + "=" + a.Value)
				}
				out = append(out, s.String())
				open = len(out) - 1
			}
		case xml.CharData:
			if open >= 0 {
				out[open] += "|" + string(tok)
			}
		case xml.EndElement:
			open = -1
		}
	}
}

// firstDifference describes the first element of one sorted list that
// the other lacks.
func firstDifference(got, want []string) string {
	for _, g := range got {
		if _, ok := slices.BinarySearch(want, g); !ok {
			return "extra " + shorten(g)
		}
	}
	for _, w := range want {
		if _, ok := slices.BinarySearch(got, w); !ok {
			return "missing " + shorten(w)
		}
	}
	return "repeated elements"
}

func shorten(s string) string {
	if len(s) > 160 {
		return s[:160] + "…"
	}
	return s
}

// TestExportLeavesOutGhosts: the page hides the step and the gradient
// that led to the current point until their terms are pointed at, so an
// exported surface has neither; the head's disc is drawn.
func TestExportLeavesOutGhosts(t *testing.T) {
	s := mustSurface(t, "booth")
	f, err := NewSurfaceFigure(s, s.Domain)
	if err != nil {
		t.Fatal(err)
	}
	heads := []RunHead{{Label: "run0", Current: [2]float64{1, 2}, Color: orange,
		From: [2]float64{0, 0}, G: [2]float64{-1, -2}, HasLast: true}}
	page := readSVG(t, f.Head(heads))
	if !bytes.Contains(f.Head(heads), []byte(`class="ghost"`)) || len(page.paths) <= 2 {
		t.Fatalf("the page's head has no ghosts: %d paths", len(page.paths))
	}
	b, err := f.Export(SVG, nil, heads)
	if err != nil {
		t.Fatal(err)
	}
	var inOrange []svgPath
	for _, p := range readSVG(t, b).paths {
		if p.stroke() == hex(orange) || p.fill() == hex(orange) {
			inOrange = append(inOrange, p)
		}
	}
	if len(inOrange) != 1 {
		t.Fatalf("%d paths in the run's colour, want its disc only", len(inOrange))
	}
	if _, _, ok := inOrange[0].circle(); !ok {
		t.Errorf("the path in the run's colour is %q, not the disc", inOrange[0].cmds)
	}
}

// TestExportFormat refuses a format other than svg and png.
func TestExportFormat(t *testing.T) {
	f, err := NewDataFigure(tinyData)
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"", "pdf", "SVG", ".png"} {
		if b, err := f.Export(format, nil, nil); err == nil || b != nil {
			t.Errorf("Export(%q) = %d bytes, %v; want an error", format, len(b), err)
		}
	}
}
