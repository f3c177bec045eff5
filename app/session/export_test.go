package session

import (
	"bytes"
	"encoding/xml"
	"image/color"
	"image/png"
	"io"
	"strings"
	"testing"
)

// orangeHex and orange are the first run's colour, Okabe–Ito's orange,
// as SVG writes it and as a pixel.
const orangeHex = "#E69F00"

var orange = color.RGBA{0xe6, 0x9f, 0x00, 0xff}

// TestExportFigure exports each figure in each format from a linreg
// scene, and checks the files: a PNG of twice the figure's size on the
// page (540 CSS pixels wide) with the first run's colour in it, an SVG
// whose root is an svg element sized in points, drawing in that colour,
// with images only embedded; and the errors: the data figure off linreg,
// an unknown figure or format.
func TestExportFigure(t *testing.T) {
	const linreg = "fn=linreg&opt=sgd,adam&batch=8&steps=60&step=30"
	cases := []struct {
		query, name, format string
		w, h                int // the PNG's size
		err                 string
	}{
		{linreg, "surface", "png", 1080, 900, ""},
		{linreg, "loss", "png", 1080, 454, ""},
		{linreg, "data", "png", 1080, 540, ""},
		{linreg, "sweep", "png", 1080, 540, ""},
		{linreg, "surface", "svg", 0, 0, ""},
		{linreg, "loss", "svg", 0, 0, ""},
		{linreg, "data", "svg", 0, 0, ""},
		{linreg, "sweep", "svg", 0, 0, ""},
		{"fn=rosenbrock&opt=adam&steps=20", "surface", "png", 1080, 900, ""},
		{"fn=rosenbrock&opt=adam&steps=20", "data", "png", 0, 0, "linreg"},
		{"fn=booth&opt=gd&steps=20", "data", "svg", 0, 0, "linreg"},
		{linreg, "heatmap", "svg", 0, 0, `"heatmap"`},
		{linreg, "surface", "jpg", 0, 0, `"jpg"`},
		{linreg, "surface", "SVG", 0, 0, `"SVG"`},
		{linreg, "", "", 0, 0, "format"},
	}
	for _, c := range cases {
		t.Run(c.name+"."+c.format+" "+c.query, func(t *testing.T) {
			s := mustNew(t, c.query)
			if err := s.SetSweepRange(SweepRange{Lo: 1e-3, Hi: 1, N: 6}); err != nil {
				t.Fatal(err)
			}
			b, err := s.ExportFigure(c.name, c.format)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) || b != nil {
					t.Fatalf("%d bytes, error %v; want an error naming %s", len(b), err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.format == "png" {
				checkPNG(t, b, c.w, c.h)
			} else {
				checkSVG(t, b)
			}
		})
	}
}

// checkPNG checks a PNG's size and that the first run's colour is in it.
func checkPNG(t *testing.T, b []byte, w, h int) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds().Size(); got.X != w || got.Y != h {
		t.Fatalf("%v pixels, want %d×%d", got, w, h)
	}
	colours := map[color.RGBA]int{}
	for y := range h {
		for x := range w {
			colours[color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)]++
		}
	}
	if len(colours) < 16 || colours[orange] == 0 {
		t.Errorf("%d colours, %d pixels of the first run's %v", len(colours), colours[orange], orange)
	}
}

// checkSVG checks that an SVG is well formed, its root an svg element
// sized in points, that it draws in the first run's colour and embeds its
// images.
func checkSVG(t *testing.T, b []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	root := true
	drawn := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("parsing the SVG: %v", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		a := map[string]string{}
		for _, at := range se.Attr {
			a[at.Name.Local] = at.Value
		}
		if root {
			root = false
			if se.Name.Local != "svg" || !strings.HasSuffix(a["width"], "pt") || !strings.HasSuffix(a["height"], "pt") {
				t.Fatalf("root <%s width=%q height=%q>, want an svg element sized in points", se.Name.Local, a["width"], a["height"])
			}
		}
		if se.Name.Local == "image" && !strings.HasPrefix(a["href"], "data:image/png;base64,") {
			t.Errorf("an image refers to %.40q, not embedded", a["href"])
		}
		drawn = drawn || strings.Contains(a["style"], orangeHex)
	}
	if !drawn {
		t.Errorf("nothing drawn in the first run's colour %s", orangeHex)
	}
}

// TestExportFigureStep: the figures are drawn at the shown step, so the
// loss figure has no curve at step 0 (a dot only), and one after; the
// session's step is left as it was. The sweep computed for the sweep
// figure is the Sweep panel's.
func TestExportFigureStep(t *testing.T) {
	s := mustNew(t, "fn=booth&opt=gd&lr=0.02&steps=50")
	for _, c := range []struct {
		step   int
		curves int
	}{{0, 0}, {20, 1}, {50, 1}} {
		s.Seek(c.step)
		b, err := s.ExportFigure("loss", "svg")
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Count(string(b), "stroke:"+orangeHex); got != c.curves {
			t.Errorf("step %d: %d curves in the run's colour, want %d", c.step, got, c.curves)
		}
		if s.Shown() != c.step {
			t.Errorf("step %d: the session shows %d after the export", c.step, s.Shown())
		}
	}
	if err := s.SetSweepRange(SweepRange{Lo: 1e-3, Hi: 1, N: 4}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ExportFigure("sweep", "svg"); err != nil {
		t.Fatal(err)
	}
	if res, ok := s.Sweep(); !ok || len(res.Runs) != 1 || len(res.Runs[0].LR) != 4 {
		t.Errorf("after the export, the sweep %v, %+v", ok, res.Runs)
	}
}

// BenchmarkExportFigure exports the surface and loss figures of
// BenchmarkFrame's scene at step 150, as a download does.
func BenchmarkExportFigure(b *testing.B) {
	s, _, err := New(benchQuery)
	if err != nil {
		b.Fatal(err)
	}
	s.Seek(150)
	for _, name := range []string{"surface", "loss"} {
		for _, format := range ExportFormats {
			b.Run(name+"."+format, func(b *testing.B) {
				for b.Loop() {
					if _, err := s.ExportFigure(name, format); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
