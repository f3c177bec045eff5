package optimizers

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/mat"
)

// allSurfaces returns every built-in surface, quadratic with several κ and
// linreg with several data sets.
func allSurfaces(t testing.TB) []Surface {
	t.Helper()
	var out []Surface
	for _, name := range SurfaceNames() {
		s, err := NewSurface(name, DefaultSurfaceParams())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	for _, kappa := range []float64{0.1, 1, 37} {
		s, err := Quadratic(kappa)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	for _, seed := range []uint64{2, 99} {
		s, err := NewLinReg(17, seed)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// TestGradientsMatchFiniteDifferences checks every analytic gradient
// against gonum's central differences at points spread over the domain.
func TestGradientsMatchFiniteDifferences(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	settings := &fd.Settings{Formula: fd.Central, Step: 1e-6}
	for _, s := range allSurfaces(t) {
		var points [][2]float64
		for i := 0; i <= 8; i++ { // a 9×9 grid
			for j := 0; j <= 8; j++ {
				points = append(points, [2]float64{
					s.Domain.XMin + float64(i)/8*(s.Domain.XMax-s.Domain.XMin),
					s.Domain.YMin + float64(j)/8*(s.Domain.YMax-s.Domain.YMin),
				})
			}
		}
		for range 200 {
			points = append(points, [2]float64{
				s.Domain.XMin + rng.Float64()*(s.Domain.XMax-s.Domain.XMin),
				s.Domain.YMin + rng.Float64()*(s.Domain.YMax-s.Domain.YMin),
			})
		}
		points = append(points, s.Start)
		for _, l := range s.Landmarks {
			points = append(points, l.At)
		}
		for _, p := range points {
			x := p[:]
			got := make([]float64, 2)
			s.Grad(got, x)
			want := fd.Gradient(nil, s.Func, x, settings)
			scale := math.Max(1, math.Max(math.Abs(s.Func(x)), math.Hypot(want[0], want[1])))
			for k := range got {
				if math.Abs(got[k]-want[k]) > 1e-6*scale {
					t.Errorf("%s at %v: ∂f/∂%s = %v, finite differences give %v", s.Name, p, s.Axes[k], got[k], want[k])
				}
			}
		}
	}
}

// hessianEigen returns the eigenvalues of the finite-difference Hessian, in
// ascending order.
func hessianEigen(t *testing.T, f func([]float64) float64, x []float64) []float64 {
	t.Helper()
	var h mat.SymDense
	fd.Hessian(&h, f, x, nil)
	var eig mat.EigenSym
	if !eig.Factorize(&h, false) {
		t.Fatalf("eigen-decomposition failed at %v", x)
	}
	return eig.Values(nil)
}

// TestLandmarks checks that every listed stationary point is one: gradient
// zero, value as listed, and the Hessian's signature matching its kind.
func TestLandmarks(t *testing.T) {
	for _, s := range allSurfaces(t) {
		if len(s.Landmarks) == 0 {
			t.Errorf("%s: no landmarks", s.Name)
		}
		globals := 0
		for _, l := range s.Landmarks {
			x := l.At[:]
			g := make([]float64, 2)
			s.Grad(g, x)
			if n := math.Hypot(g[0], g[1]); n > 1e-9 {
				t.Errorf("%s: |∇f(%v)| = %g, want 0 at a %v", s.Name, l.At, n, l.Kind)
			}
			if f := s.Func(x); math.Abs(f-l.F) > 1e-12*math.Max(1, math.Abs(l.F)) {
				t.Errorf("%s: f(%v) = %.17g, listed as %.17g", s.Name, l.At, f, l.F)
			}
			ev := hessianEigen(t, s.Func, x)
			var ok bool
			switch l.Kind {
			case GlobalMin, LocalMin:
				ok = ev[0] > 0
			case SaddlePoint:
				ok = ev[0] < 0 && ev[1] > 0
			case LocalMax:
				ok = ev[1] < 0
			}
			if !ok {
				t.Errorf("%s: Hessian eigenvalues %v at %v do not make a %v", s.Name, ev, l.At, l.Kind)
			}
			if l.Kind == GlobalMin {
				globals++
				for _, m := range s.Landmarks {
					if m.F < l.F-1e-12 {
						t.Errorf("%s: %v at %v is below the global minimum %v", s.Name, m.Kind, m.At, l.At)
					}
				}
			}
			if !s.Domain.Contains(l.At) {
				t.Errorf("%s: landmark %v outside the domain %+v", s.Name, l.At, s.Domain)
			}
		}
		if globals == 0 && !s.UnboundedBelow {
			t.Errorf("%s: no global minimum listed", s.Name)
		}
	}
}

// TestLandmarksMatchPublishedValues compares with the values published in
// the literature (to the digits given there).
func TestLandmarksMatchPublishedValues(t *testing.T) {
	published := []struct {
		fn   string
		at   [2]float64
		f    float64
		tol  float64
		kind LandmarkKind
	}{
		{"rosenbrock", [2]float64{1, 1}, 0, 0, GlobalMin},
		{"beale", [2]float64{3, 0.5}, 0, 0, GlobalMin},
		{"booth", [2]float64{1, 3}, 0, 0, GlobalMin},
		{"matyas", [2]float64{0, 0}, 0, 0, GlobalMin},
		{"himmelblau", [2]float64{3, 2}, 0, 0, GlobalMin},
		{"himmelblau", [2]float64{-2.805118, 3.131312}, 0, 1e-6, GlobalMin},
		{"himmelblau", [2]float64{-3.779310, -3.283186}, 0, 1e-6, GlobalMin},
		{"himmelblau", [2]float64{3.584428, -1.848126}, 0, 1e-6, GlobalMin},
		{"himmelblau", [2]float64{-0.270845, -0.923039}, 181.617, 1e-3, LocalMax},
		{"sixhump", [2]float64{0.0898, -0.7126}, -1.0316, 1e-4, GlobalMin},
		{"sixhump", [2]float64{-0.0898, 0.7126}, -1.0316, 1e-4, GlobalMin},
		{"styblinski", [2]float64{-2.903534, -2.903534}, -78.33233, 1e-5, GlobalMin},
		{"rastrigin", [2]float64{0, 0}, 0, 0, GlobalMin},
		{"saddle", [2]float64{0, 0}, 0, 0, SaddlePoint},
		{"twowell", [2]float64{-0.936, 0}, -2.063, 1e-3, GlobalMin},
		{"twowell", [2]float64{0.905, 0}, -1.093, 1e-3, LocalMin},
	}
	for _, p := range published {
		s, err := NewSurface(p.fn, DefaultSurfaceParams())
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, l := range s.Landmarks {
			if l.Kind == p.kind && math.Abs(l.At[0]-p.at[0]) <= p.tol && math.Abs(l.At[1]-p.at[1]) <= p.tol &&
				math.Abs(l.F-p.f) <= p.tol {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no %v near %v with f = %v", p.fn, p.kind, p.at, p.f)
		}
	}
}

// TestCurvature compares the constant-Hessian eigenvalues with finite
// differences at several points.
func TestCurvature(t *testing.T) {
	for _, s := range allSurfaces(t) {
		if s.Curvature == nil {
			continue
		}
		for _, p := range [][2]float64{s.Start, {0, 0}, {s.Domain.XMax, s.Domain.YMin}} {
			ev := hessianEigen(t, s.Func, p[:])
			if math.Abs(ev[0]-s.Curvature.Min) > 1e-4 || math.Abs(ev[1]-s.Curvature.Max) > 1e-4 {
				t.Errorf("%s at %v: Hessian eigenvalues %v, Curvature says %+v", s.Name, p, ev, *s.Curvature)
			}
		}
	}
}

// TestStartsInsideDomain checks the suggested starts.
func TestStartsInsideDomain(t *testing.T) {
	for _, s := range allSurfaces(t) {
		if len(s.Starts) == 0 || s.Starts[0] != s.Start {
			t.Errorf("%s: Starts %v must begin with Start %v", s.Name, s.Starts, s.Start)
		}
		for _, p := range s.Starts {
			if !s.Domain.Contains(p) {
				t.Errorf("%s: start %v outside the domain", s.Name, p)
			}
		}
		if s.Formula == "" || s.Axes[0] == "" {
			t.Errorf("%s: no formula or axis names", s.Name)
		}
	}
}

// TestLinRegLeastSquares checks the closed form against gonum's QR solve
// of the normal problem [x 1]·(w, b) ≈ y.
func TestLinRegLeastSquares(t *testing.T) {
	for _, n := range []int{2, 5, 100, 1000} {
		d, err := NewLinRegData(n, 7)
		if err != nil {
			t.Fatal(err)
		}
		a := mat.NewDense(n, 2, nil)
		for i, x := range d.X {
			a.Set(i, 0, x)
			a.Set(i, 1, 1)
		}
		var sol mat.Dense
		if err := sol.Solve(a, mat.NewVecDense(n, d.Y)); err != nil {
			t.Fatal(err)
		}
		w, b := d.LeastSquares()
		if math.Abs(w-sol.At(0, 0)) > 1e-9 || math.Abs(b-sol.At(1, 0)) > 1e-9 {
			t.Errorf("n=%d: LeastSquares = (%v, %v), QR gives (%v, %v)", n, w, b, sol.At(0, 0), sol.At(1, 0))
		}
	}
}

// TestLinRegData checks the data follow y = 3x + U(0,1), x in [0, 1), and
// that the seed decides them.
func TestLinRegData(t *testing.T) {
	d, _ := NewLinRegData(1000, 1)
	var mx float64
	for i, x := range d.X {
		if x < 0 || x >= 1 {
			t.Fatalf("x[%d] = %v outside [0, 1)", i, x)
		}
		if r := d.Y[i] - 3*x; r < 0 || r >= 1 {
			t.Fatalf("y[%d] − 3x = %v outside [0, 1)", i, r)
		}
		mx += x
	}
	if mx /= 1000; math.Abs(mx-0.5) > 0.05 {
		t.Errorf("mean x = %v, want about 0.5", mx)
	}
	// With many points the fit approaches the generating line: w = 3,
	// b = E[U(0,1)] = 0.5.
	if w, b := d.LeastSquares(); math.Abs(w-3) > 0.15 || math.Abs(b-0.5) > 0.1 {
		t.Errorf("fit (%v, %v), want near (3, 0.5)", w, b)
	}
	again, _ := NewLinRegData(1000, 1)
	other, _ := NewLinRegData(1000, 2)
	if again.X[999] != d.X[999] || other.X[0] == d.X[0] {
		t.Error("the seed does not decide the data")
	}
	if _, err := NewLinRegData(1, 1); err == nil {
		t.Error("n = 1 accepted")
	}
}

// TestBatchGrad checks that the gradient over all samples is the full
// gradient and that the mean of the gradients of a partition is too.
func TestBatchGrad(t *testing.T) {
	d, _ := NewLinRegData(12, 3)
	x := []float64{1.5, -0.25}
	full := make([]float64, 2)
	d.Grad(full, x)
	all := make([]int, 12)
	for i := range all {
		all[i] = i
	}
	g := make([]float64, 2)
	d.BatchGrad(g, x, all)
	mean := make([]float64, 2)
	for k := 0; k < 12; k += 4 {
		d.BatchGrad(g, x, all[k:k+4])
		mean[0] += g[0] / 3
		mean[1] += g[1] / 3
	}
	for k := range full {
		if math.Abs(mean[k]-full[k]) > 1e-12 {
			t.Errorf("mean of batch gradients %v, full gradient %v", mean, full)
		}
	}
}

func TestNewSurfaceErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		p    SurfaceParams
	}{
		{"nosuch", DefaultSurfaceParams()},
		{"quadratic", SurfaceParams{Kappa: 0, N: 100}},
		{"quadratic", SurfaceParams{Kappa: math.Inf(1), N: 100}},
		{"quadratic", SurfaceParams{Kappa: math.NaN(), N: 100}},
		{"linreg", SurfaceParams{Kappa: 10, N: 1}},
		{"linreg", SurfaceParams{Kappa: 10, N: 100, Data: [][2]float64{{1, 2}, {1, 3}}}},
	} {
		if _, err := NewSurface(c.name, c.p); err == nil {
			t.Errorf("NewSurface(%q, %+v) did not fail", c.name, c.p)
		}
	}
}
