package optimizers

import (
	"math"
	"strings"
	"testing"
)

// TestCustomRosenbrock: Rosenbrock's function typed as a formula is the
// built-in surface: the same values and gradients everywhere (automatic
// differentiation against the hand-derived gradient), and the search
// finds its minimum at (1, 1).
func TestCustomRosenbrock(t *testing.T) {
	s, err := NewCustom("(1-x)^2 + 100*(y-x^2)^2", [2]float64{-2, 2}, [2]float64{-1, 3})
	if err != nil {
		t.Fatal(err)
	}
	info := s.Custom
	builtin := mustSurface(t, "rosenbrock")
	got, want := make([]float64, 2), make([]float64, 2)
	for _, p := range [][2]float64{{-1.2, 1}, {0, 0}, {0.5, -0.3}, {1.7, 2.9}, {-2, 3}} {
		if a, b := s.Func(p[:]), builtin.Func(p[:]); math.Abs(a-b) > 1e-12*math.Max(1, math.Abs(b)) {
			t.Errorf("f%v = %v, built-in %v", p, a, b)
		}
		s.Grad(got, p[:])
		builtin.Grad(want, p[:])
		for i := range 2 {
			if math.Abs(got[i]-want[i]) > 1e-10*math.Max(1, math.Abs(want[i])) {
				t.Errorf("∇f%v = %v, built-in %v", p, got, want)
			}
		}
	}
	if !info.MinimumFound || len(s.Landmarks) != 1 {
		t.Fatalf("no minimum found: %+v %v", info, s.Landmarks)
	}
	if m := s.Landmarks[0]; math.Hypot(m.At[0]-1, m.At[1]-1) > 1e-6 || math.Abs(m.F) > 1e-12 || m.Kind != GlobalMin {
		t.Errorf("minimum %+v, want (1, 1) with f = 0", m)
	}
	if !s.LogScale {
		t.Error("Rosenbrock's valley wants log colours")
	}
	if info.NonFinite != 0 {
		t.Errorf("non-finite share %v", info.NonFinite)
	}
}

// TestCustomSurfaces: what the search says of other formulas.
func TestCustomSurfaces(t *testing.T) {
	box := [2]float64{-5, 5}
	for _, c := range []struct {
		src      string
		min      [2]float64 // the minimum, when found
		found    bool
		errMatch string
	}{
		// ½(x² + 10y²) shifted to (1, −2).
		{src: "0.5*((x-1)^2 + 10*(y+2)^2)", min: [2]float64{1, -2}, found: true},
		// sin(x)·cos(y) + 0.1(x² + y²): f is lowest near (−1.3, 0) and its
		// mirror (1.3, ±π)... the search must land on a point where ∇f = 0.
		{src: "sin(x)*cos(y) + 0.1*(x^2+y^2)", found: true},
		{src: "x + y", found: false},        // a plane: its lowest point is a corner
		{src: "-(x^2 + y^2)", found: false}, // a maximum
		{src: "log(x)", errMatch: "not finite on 50%"},
		{src: "sqrt(x) + sqrt(y)", errMatch: "not finite on"},
		{src: "sin(x))", errMatch: "column 7"},
	} {
		s, err := NewCustom(c.src, box, box)
		if c.errMatch != "" {
			if err == nil || !strings.Contains(err.Error(), c.errMatch) {
				t.Errorf("%s: error %v, want one with %q", c.src, err, c.errMatch)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.src, err)
			continue
		}
		if s.Custom.MinimumFound != c.found {
			t.Errorf("%s: minimum found %v, want %v (%v)", c.src, s.Custom.MinimumFound, c.found, s.Landmarks)
			continue
		}
		if !c.found {
			continue
		}
		m := s.Landmarks[0]
		g := make([]float64, 2)
		s.Grad(g, m.At[:])
		if math.Hypot(g[0], g[1]) > 1e-6 || !s.Domain.Contains(m.At) {
			t.Errorf("%s: minimum %v with gradient %v", c.src, m.At, g)
		}
		if c.min != ([2]float64{}) && math.Hypot(m.At[0]-c.min[0], m.At[1]-c.min[1]) > 1e-6 {
			t.Errorf("%s: minimum %v, want %v", c.src, m.At, c.min)
		}
	}
	if _, err := NewCustom("x^2", [2]float64{1, -1}, box); err == nil {
		t.Error("an empty domain was accepted")
	}
}

// TestCustomStartAvoidsPoles: where the default start (a fifth of the
// domain from its top-left corner) is a pole, the start is the nearest
// grid sample where a run can start; a run cannot start at the pole; a
// formula whose gradient overflows wherever it is finite is refused.
func TestCustomStartAvoidsPoles(t *testing.T) {
	s, err := NewCustom("1/(x+3) + y^2", [2]float64{-5, 5}, [2]float64{-5, 5})
	if err != nil {
		t.Fatal(err)
	}
	// The default start (-3, 3) is on the pole x = -3; the grid's step is
	// 0.1, and the first nearest sample off the pole is (-3.1, 3).
	if want := [2]float64{-3.1, 3}; math.Abs(s.Start[0]-want[0]) > 1e-12 || s.Start[1] != want[1] || len(s.Starts) != 1 || s.Starts[0] != s.Start {
		t.Errorf("start %v (starts %v), want %v", s.Start, s.Starts, want)
	}
	if err := s.CheckStart(s.Start); err != nil {
		t.Errorf("CheckStart(%v) = %v", s.Start, err)
	}
	if err := s.CheckStart([2]float64{-3, 1}); err == nil || err.Error() != "f or ∇f is not finite at (-3, 1)" {
		t.Errorf("CheckStart at the pole = %v", err)
	}
	if _, err := NewRunner(Config{Surface: s, Optimizer: DefaultGD(), Start: [2]float64{-3, 1}, Steps: 10}); err == nil {
		t.Error("a run started at the pole")
	}
	if _, err := NewCustom("1/x + y", [2]float64{-1e-300, 1e-300}, [2]float64{-5, 5}); err == nil ||
		err.Error() != "f and ∇f are finite at no point of the plotted grid: no run can start" {
		t.Errorf("1/x on [-1e-300, 1e-300]: %v", err)
	}
	// A start that is fine stays where it is.
	if s, err := NewCustom("x^2 + y^2", [2]float64{-5, 5}, [2]float64{-5, 5}); err != nil || s.Start != [2]float64{-3, 3} {
		t.Errorf("start %v, %v; want (-3, 3)", s.Start, err)
	}
}
