package main

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFigureFile writes each figure in each format: exit code 0, nothing
// printed, and in the file a PNG of twice the figure's size on the page
// (540 CSS pixels wide) or an SVG document whose root is an svg element.
func TestFigureFile(t *testing.T) {
	const linreg = "fn=linreg&opt=sgd,adam&batch=8&steps=40"
	cases := []struct {
		file, figure, query string
		w, h                int // the PNG's size
	}{
		{"surface.png", "", "fn=rosenbrock&opt=gd,adam&lr=0.002&steps=50", 1080, 900},
		{"surface.svg", "surface", "fn=rosenbrock&opt=gd,adam&lr=0.002&steps=50", 0, 0},
		{"loss.png", "loss", linreg, 1080, 454},
		{"loss.svg", "loss", linreg, 0, 0},
		{"data.png", "data", linreg, 1080, 540},
		{"data.svg", "data", linreg + "&step=10", 0, 0},
		{"given.svg", "surface", "fn=linreg&data=1000,5,1001,7,1002,9.5&opt=gd,adam&lr=0.1&steps=20", 0, 0},
		{"given-data.svg", "data", "fn=linreg&data=-3,1e6,2,-1e6&opt=adam&steps=20", 0, 0},
		{"sweep.png", "sweep", "fn=quadratic&opt=gd,momentum&steps=30", 1080, 540},
		{"sweep.svg", "sweep", "fn=quadratic&opt=gd,momentum&steps=30", 0, 0},
		{"upper.PNG", "loss", linreg, 1080, 454},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), c.file)
			args := []string{"-o", path}
			if c.figure != "" {
				args = append(args, "-figure", c.figure)
			}
			if strings.HasPrefix(c.figure, "sweep") {
				args = append(args, "-sweep", "1e-3,1,5")
			}
			code, stdout, stderr := trace(append(args, c.query)...)
			if code != 0 || stdout != "" || stderr != "" {
				t.Fatalf("exit %d, stdout %.80q, stderr %q", code, stdout, stderr)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if c.w > 0 {
				img, err := png.Decode(bytes.NewReader(b))
				if err != nil {
					t.Fatal(err)
				}
				if got := img.Bounds().Size(); got.X != c.w || got.Y != c.h {
					t.Errorf("%v pixels, want %d×%d", got, c.w, c.h)
				}
				return
			}
			if root := svgRoot(t, b); root != "svg" {
				t.Errorf("root element %q, want svg", root)
			}
		})
	}
}

// svgRoot returns the name of a well-formed XML document's root element.
func svgRoot(t *testing.T, b []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	root := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF && root != "" {
			return root
		}
		if err != nil {
			t.Fatalf("parsing the SVG: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && root == "" {
			root = se.Name.Local
		}
	}
}

// TestFigureStepAndGrid: without step= the figure shows the scene's last
// step, with it that step (the loss figure has no curve at step 0, only
// the run's dot); -sweep sets the sweep figure's grid, whose axis then
// runs over its decades.
func TestFigureStepAndGrid(t *testing.T) {
	dir := t.TempDir()
	write := func(args ...string) string {
		t.Helper()
		path := filepath.Join(dir, "f.svg")
		if code, _, stderr := trace(append([]string{"-o", path}, args...)...); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, stderr)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	const run = "fn=booth&opt=gd&lr=0.02&steps=30"
	const curve = "stroke:#E69F00" // the first run's colour
	if svg := write("-figure", "loss", run); !strings.Contains(svg, curve) {
		t.Error("no loss curve at the last step")
	}
	if svg := write("-figure", "loss", run+"&step=0"); strings.Contains(svg, curve) {
		t.Error("a loss curve at step=0")
	}
	svg := write("-figure", "sweep", "-sweep", "0.01,0.1,5", run)
	if !strings.Contains(svg, ">0.01</text>") || !strings.Contains(svg, ">0.1</text>") || strings.Contains(svg, ">0.001</text>") {
		t.Error("the sweep figure's axis is not 0.01 to 0.1")
	}
}

// TestFigureBadInput: one line on stderr, exit code 2, nothing on stdout
// and no file.
func TestFigureBadInput(t *testing.T) {
	cases := []struct {
		name string
		args []string // between the output file and the query
		file string   // in a new directory; "" for no -o
		more string   // added to the query
		want string   // in the message
	}{
		{"unknown extension", nil, "f.jpg", "", ".svg or .png"},
		{"no extension", nil, "figure", "", ".svg or .png"},
		{"unknown figure", []string{"-figure", "heatmap"}, "f.svg", "", "heatmap"},
		{"data off linreg", []string{"-figure", "data"}, "f.png", "", "linreg"},
		{"sweep grid of another figure", []string{"-sweep", "1e-3,1,5"}, "f.svg", "", "-figure sweep"},
		{"bad sweep grid", []string{"-figure", "sweep", "-sweep", "1,0.1,5"}, "f.svg", "", "sweep"},
		{"format", []string{"-format", "csv"}, "f.svg", "", "-format"},
		{"bad step", nil, "f.svg", "&step=abc", "step"},
		{"bad scene", nil, "f.svg", "&lr=abc", "lr"},
		{"figure without a file", []string{"-figure", "loss"}, "", "", "-o"},
		{"no directory", nil, "nosuchdir/f.svg", "", "nosuchdir"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			args := c.args
			if c.file != "" {
				args = append([]string{"-o", filepath.Join(dir, c.file)}, args...)
			}
			code, stdout, stderr := trace(append(args, "fn=booth&opt=gd&steps=10"+c.more)...)
			if code != 2 || stdout != "" || !strings.HasPrefix(stderr, "trace: ") || strings.Count(stderr, "\n") != 1 ||
				!strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and one line naming %q", code, stdout, stderr, c.want)
			}
			if entries, _ := os.ReadDir(dir); len(entries) > 0 {
				t.Errorf("wrote %s", entries[0].Name())
			}
		})
	}
}
