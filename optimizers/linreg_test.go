package optimizers

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// TestNewLinRegFrom builds surfaces from small data sets whose fit, loss,
// gradient, domain and curvature are worked out by hand.
func TestNewLinRegFrom(t *testing.T) {
	for _, c := range []struct {
		name   string
		x, y   []float64
		fit    [2]float64 // least squares (w, b)
		fStar  float64
		at     [2]float64 // a point with its loss and gradient
		f      float64
		grad   [2]float64
		domain Box
		starts [][2]float64
		trace  float64 // of the Hessian 2·[[mean x², mean x], [mean x, 1]]
		det    float64 // 4·var(x)
	}{
		{
			// On the line y = 2x + 1. Δx = 2, Δy = 4: the units are
			// nice(0.5) = 0.5 and nice(1) = 1, the half units 0.25 and 0.5.
			// At (1, 0) the residuals are −1, −2, −3: f = 14/3,
			// ∂f/∂w = (2/3)·(0·−1 + 1·−2 + 2·−3), ∂f/∂b = (2/3)·(−6).
			name: "exact", x: []float64{0, 1, 2}, y: []float64{1, 3, 5},
			fit: [2]float64{2, 1}, fStar: 0,
			at: [2]float64{1, 0}, f: 14.0 / 3, grad: [2]float64{-16.0 / 3, -4},
			domain: Box{0, 4, -2.5, 4.5},
			starts: [][2]float64{{0.25, 3.5}, {0, 0}},
			trace:  2*5.0/3 + 2, det: 4 * 2.0 / 3,
		},
		{
			// y = 0 has no spread: Δy = max(1, |y|) = 1, Δx = 2, units
			// nice(0.125) = 0.1 and nice(0.25) = 0.2. At (1, 1) the
			// residuals are 0 and 2: f = 2, ∂f/∂w = −1·0 + 1·2,
			// ∂f/∂b = 0 + 2.
			name: "flat", x: []float64{-1, 1}, y: []float64{0, 0},
			fit: [2]float64{0, 0}, fStar: 0,
			at: [2]float64{1, 1}, f: 2, grad: [2]float64{2, 2},
			domain: Box{-0.4, 0.4, -0.7, 0.7},
			starts: [][2]float64{{-0.35, 0.5}, {0, 0}},
			trace:  4, det: 4,
		},
		{
			// x far from 0: w = 2, b = 5 − 2·1000. Δx = 2, Δy = 4 as in
			// "exact"; the origin is outside the domain. At (2, −1994) the
			// residuals are all 1.
			name: "far", x: []float64{1000, 1001, 1002}, y: []float64{5, 7, 9},
			fit: [2]float64{2, -1995}, fStar: 0,
			at: [2]float64{2, -1994}, f: 1, grad: [2]float64{2 * 1001, 2},
			domain: Box{0, 4, -1998.5, -1991.5},
			starts: [][2]float64{{0.25, -1992.5}},
			trace:  2*3006005.0/3 + 2, det: 4 * 2.0 / 3,
		},
		{
			// Four points off any line: mean x = 1.5, mean y = 1.5,
			// cov = (−1.5·−1.5 − 0.5·0.5 + 0.5·−0.5 + 1.5·1.5)/4 = 1,
			// var x = 1.25: w = 0.8, b = 0.3; the residuals at the fit are
			// 0.3, −0.9, 0.9, −0.3: f* = 1.8/4. At (0, 0) they are 0, −2,
			// −1, −3: f = 14/4, ∂f/∂w = (2/4)·(−2 − 2 − 9), ∂f/∂b = (2/4)·(−6).
			// Δx = 3, Δy = 3: units nice(0.25) = 0.2 and nice(0.75) = 1.
			name: "noisy", x: []float64{0, 1, 2, 3}, y: []float64{0, 2, 1, 3},
			fit: [2]float64{0.8, 0.3}, fStar: 0.45,
			at: [2]float64{0, 0}, f: 3.5, grad: [2]float64{-6.5, -3},
			domain: Box{0, 1.6, -3, 4},
			starts: [][2]float64{{0.1, 3}, {0, 0}},
			trace:  2*14.0/4 + 2, det: 4 * 1.25,
		},
	} {
		s, err := NewLinRegFrom(c.x, c.y)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		near := func(got, want float64) bool { return math.Abs(got-want) <= 1e-12*math.Max(1, math.Abs(want)) }
		lm := s.Landmarks[0]
		if len(s.Landmarks) != 1 || lm.Kind != GlobalMin || !near(lm.At[0], c.fit[0]) || !near(lm.At[1], c.fit[1]) || !near(lm.F, c.fStar) {
			t.Errorf("%s: landmarks %v, want the global minimum f(%v) = %v", c.name, s.Landmarks, c.fit, c.fStar)
		}
		g := make([]float64, 2)
		s.Grad(g, c.at[:])
		if f := s.Func(c.at[:]); !near(f, c.f) || !near(g[0], c.grad[0]) || !near(g[1], c.grad[1]) {
			t.Errorf("%s: at %v f = %v, ∇f = %v; want %v, %v", c.name, c.at, f, g, c.f, c.grad)
		}
		if s.Domain != c.domain || s.Start != c.starts[0] || !reflect.DeepEqual(s.Starts, c.starts) {
			t.Errorf("%s: domain %v, starts %v; want %v, %v", c.name, s.Domain, s.Starts, c.domain, c.starts)
		}
		cv := s.Curvature
		if !near(cv.Min+cv.Max, c.trace) || !near(cv.Min*cv.Max, c.det) || !(cv.Min > 0) {
			t.Errorf("%s: curvature %+v: trace %v, det %v; want %v, %v", c.name, *cv, cv.Min+cv.Max, cv.Min*cv.Max, c.trace, c.det)
		}
		if s.Name != "linreg" || s.Formula != "(1/"+strconv.Itoa(len(c.x))+")·Σᵢ (w·xᵢ + b − yᵢ)²" || s.Axes != [2]string{"w", "b"} || !s.LogScale {
			t.Errorf("%s: %q %q %v", c.name, s.Name, s.Formula, s.Axes)
		}
	}
}

// TestNewLinRegFromCopies: the surface keeps its own copy of the data.
func TestNewLinRegFromCopies(t *testing.T) {
	x, y := []float64{0, 1, 2}, []float64{1, 3, 5}
	s, err := NewLinRegFrom(x, y)
	if err != nil {
		t.Fatal(err)
	}
	x[0], y[0] = 7, 7
	if d := s.Objective.(LinReg); d.X[0] != 0 || d.Y[0] != 1 {
		t.Errorf("the surface shares the caller's slices: %v", d)
	}
}

// TestLinRegGeneratedDomain: the rule of NewLinRegFrom gives the generated
// data set of the default scene the domain and starts it always had.
func TestLinRegGeneratedDomain(t *testing.T) {
	s, err := NewSurface("linreg", DefaultSurfaceParams())
	if err != nil {
		t.Fatal(err)
	}
	if s.Domain != (Box{-1, 7, -3, 4}) || s.Start != [2]float64{-0.5, 3} ||
		!reflect.DeepEqual(s.Starts, [][2]float64{{-0.5, 3}, {0, 0}}) {
		t.Errorf("domain %v, starts %v", s.Domain, s.Starts)
	}
	d := s.Objective.(LinReg)
	x := make([][2]float64, d.Len())
	for i := range x {
		x[i] = [2]float64{d.X[i], d.Y[i]}
	}
	given, err := NewSurface("linreg", SurfaceParams{Data: x})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(given, s) {
		t.Errorf("the same points given:\n%+v\ngenerated:\n%+v", given, s)
	}
}

// TestCheckLinRegData lists data sets the surface refuses, and the limits
// it accepts.
func TestCheckLinRegData(t *testing.T) {
	many := func(n int) ([]float64, []float64) {
		x, y := make([]float64, n), make([]float64, n)
		for i := range x {
			x[i], y[i] = float64(i), float64(i%7)
		}
		return x, y
	}
	x200, y200 := many(MaxDataPoints)
	x201, y201 := many(MaxDataPoints + 1)
	for _, c := range []struct {
		x, y []float64
		want string // in the error; "" for none
	}{
		{[]float64{0, 1}, []float64{5, 5}, ""},
		{x200, y200, ""},
		{[]float64{-1e6, 1e6}, []float64{1e6, -1e6}, ""},
		{[]float64{1e6 - 1, 1e6}, []float64{0, 1}, ""}, // spread 1 = 1e-6·1e6
		{[]float64{0, 1e-6}, []float64{0, 1}, ""},
		{x201, y201, "201 points, more than the 200 allowed"},
		{[]float64{1}, []float64{2}, "at least 2 points, not 1"},
		{nil, nil, "at least 2 points, not 0"},
		{[]float64{0, 1}, []float64{0}, "2 x values but 1 y values"},
		{[]float64{0, math.NaN()}, []float64{0, 1}, "point 2: x = NaN is not a finite number"},
		{[]float64{0, 1}, []float64{math.Inf(-1), 1}, "point 1: y = -Inf is not a finite number"},
		{[]float64{0, 1, 2}, []float64{0, 1, 1e6 + 1}, "point 3: y = 1.000001e+06 is beyond ±1e+06"},
		{[]float64{-2e6, 1}, []float64{0, 1}, "point 1: x = -2e+06 is beyond ±1e+06"},
		{[]float64{3, 3, 3}, []float64{0, 1, 2}, "every x is 3: every line through (3, mean y) fits equally well"},
		{[]float64{0, 1e-7}, []float64{0, 1}, "x spreads over only 1e-07, less than 1e-06"},
		{[]float64{1e5, 1e5 + 0.05}, []float64{0, 1}, "less than 0.1"},
	} {
		err := CheckLinRegData(c.x, c.y)
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("CheckLinRegData(%v, %v) = %v, want %q", c.x, c.y, err, c.want)
		}
		if _, serr := NewLinRegFrom(c.x, c.y); (serr == nil) != (err == nil) {
			t.Errorf("NewLinRegFrom(%v, %v) = %v, CheckLinRegData %v", c.x, c.y, serr, err)
		}
	}
}

// TestLinRegFromDrawable builds surfaces from data sets at the limits and
// checks what a plot needs: a finite domain around the minimum with the
// starts in it, and positive finite curvatures.
func TestLinRegFromDrawable(t *testing.T) {
	for _, c := range []struct{ x, y []float64 }{
		{[]float64{0, 1e-6}, []float64{0, 1e6}},
		{[]float64{-1e6, 1e6}, []float64{1e6, 1e6}},
		{[]float64{1e6 - 1, 1e6}, []float64{-1e6, 1e6}},
		{[]float64{0, 1}, []float64{0, 1e-300}},
		{[]float64{0, 1, 2}, []float64{5e-324, 0, 0}},
		{[]float64{1e-300, 1}, []float64{7, 7}},
	} {
		s, err := NewLinRegFrom(c.x, c.y)
		if err != nil {
			t.Fatalf("%v %v: %v", c.x, c.y, err)
		}
		b := s.Domain
		for _, v := range []float64{b.XMin, b.XMax, b.YMin, b.YMax, s.Curvature.Min, s.Curvature.Max} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("%v %v: domain %v, curvature %+v", c.x, c.y, b, *s.Curvature)
			}
		}
		if !(b.XMin < b.XMax && b.YMin < b.YMax) || !b.Contains(s.Landmarks[0].At) || !(s.Curvature.Min > 0) {
			t.Errorf("%v %v: domain %v, minimum %v, curvature %+v", c.x, c.y, b, s.Landmarks[0].At, *s.Curvature)
		}
		for _, p := range s.Starts {
			if !b.Contains(p) {
				t.Errorf("%v %v: start %v outside %v", c.x, c.y, p, b)
			}
		}
	}
}
