package optimizers

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/optimplay/optimplay/optimizers/expr"
)

// CustomGrid is the number of grid points per side on which a custom
// surface is sampled to find its lowest point and to check that it is
// finite.
const CustomGrid = 101

// MaxNonFinite is the largest share of a custom surface's sampled domain
// where f may be non-finite (a pole, the log of a negative): beyond it the
// surface is refused rather than drawn as garbage.
const MaxNonFinite = 0.25

// Custom is what the search found on a custom surface: whether it found a
// minimum (then the surface's first landmark), and the share of the
// sampled domain where f is not finite. The surface's Formula is the
// formula as typed, trimmed.
type Custom struct {
	// Source is the formula in canonical form (expr's String).
	Source       string
	MinimumFound bool
	NonFinite    float64
}

// NewCustom builds the surface of a formula in x and y typed by a user
// (package expr: exact gradients by automatic differentiation), plotted
// over xr × yr; Surface.Custom says what the search found. It samples f on a CustomGrid × CustomGrid grid: a formula
// not finite on more than MaxNonFinite of it is refused; the lowest sample,
// refined by damped Newton steps on the exact gradient, becomes the global
// minimum's landmark when the gradient vanishes there inside the domain
// (Custom.MinimumFound says whether it did). The start is the point at a
// fifth of the domain from its top-left corner or, where a run cannot
// start there (Surface.CheckStart), the nearest sample where one can; a
// formula without any is refused.
func NewCustom(src string, xr, yr [2]float64) (Surface, error) {
	e, err := expr.Parse(src)
	if err != nil {
		return Surface{}, err
	}
	if !(xr[0] < xr[1]) || !(yr[0] < yr[1]) || !finite(xr[0]) || !finite(xr[1]) || !finite(yr[0]) || !finite(yr[1]) {
		return Surface{}, errDomain.New(xr, yr)
	}
	box := Box{xr[0], xr[1], yr[0], yr[1]}
	info := &Custom{Source: e.String()}
	src = strings.TrimSpace(src)
	s := Surface{
		Objective: e,
		Name:      "custom",
		Formula:   src,
		Axes:      xy,
		Domain:    box,
		Start:     [2]float64{box.XMin + 0.2*(box.XMax-box.XMin), box.YMax - 0.2*(box.YMax-box.YMin)},
		Custom:    info,
	}
	var values []float64
	var samples [][2]float64 // where f is finite
	best, bestF := [2]float64{}, math.Inf(1)
	bad := 0
	for i := range CustomGrid {
		for j := range CustomGrid {
			p := [2]float64{
				box.XMin + (box.XMax-box.XMin)*float64(i)/(CustomGrid-1),
				box.YMin + (box.YMax-box.YMin)*float64(j)/(CustomGrid-1),
			}
			f := e.Func(p[:])
			if !finite(f) {
				bad++
				continue
			}
			values = append(values, f)
			samples = append(samples, p)
			if f < bestF {
				best, bestF = p, f
			}
		}
	}
	info.NonFinite = float64(bad) / (CustomGrid * CustomGrid)
	if info.NonFinite > MaxNonFinite {
		return Surface{}, errNonFinite.New(100 * info.NonFinite)
	}
	start, ok := finiteStart(s, samples)
	if !ok {
		return Surface{}, errNoStart.New()
	}
	s.Start, s.Starts = start, [][2]float64{start}
	slices.Sort(values)
	// Log colours where f ≥ 0 rises from a quarter of the domain to more
	// than 50 times that at its rim, as on Rosenbrock's valley (68) and
	// not on Matyas's bowl (31).
	if lo, q25, hi := values[0], values[len(values)/4], values[len(values)-1]; lo >= 0 && hi-lo > 50*(q25-lo) && q25 > lo {
		s.LogScale = true
	}
	if p, f, ok := refineMinimum(e, best, box); ok {
		info.MinimumFound = true
		s.Landmarks = []Landmark{{At: p, F: f, Kind: GlobalMin}}
	}
	return s, nil
}

// finiteStart returns s.Start if a run can start there, else the nearest
// of the samples (where f is finite) at which one can: the start of a
// formula such as 1/(x+3) would otherwise be its pole. It reports false
// when a run can start at none of them.
func finiteStart(s Surface, samples [][2]float64) ([2]float64, bool) {
	if s.CheckStart(s.Start) == nil {
		return s.Start, true
	}
	dist := func(p [2]float64) float64 { return math.Hypot(p[0]-s.Start[0], p[1]-s.Start[1]) }
	slices.SortStableFunc(samples, func(a, b [2]float64) int { return cmp.Compare(dist(a), dist(b)) })
	for _, p := range samples {
		if s.CheckStart(p) == nil {
			return p, true
		}
	}
	return [2]float64{}, false
}

// refineMinimum takes damped Newton steps from p, the Hessian estimated
// from the exact gradient, falling back to a gradient step where it is
// not positive definite, and reports the point where the gradient
// vanishes, if it finds one inside box.
func refineMinimum(f Objective, p [2]float64, box Box) ([2]float64, float64, bool) {
	g := make([]float64, 2)
	fp := f.Func(p[:])
	for range 100 {
		f.Grad(g, p[:])
		if !finite(g[0]) || !finite(g[1]) {
			return p, fp, false
		}
		scale := 1 + math.Abs(fp)
		if math.Hypot(g[0], g[1]) < 1e-9*scale {
			return p, fp, box.Contains(p)
		}
		h := hessian(f, p)
		a, b, c := h[0][0], h[0][1], h[1][1]
		det := a*c - b*b
		d := [2]float64{g[0], g[1]} // the gradient step, unless Newton's is a descent
		if a > 0 && det > 0 {
			d = [2]float64{(c*g[0] - b*g[1]) / det, (a*g[1] - b*g[0]) / det}
		}
		// Backtrack until f decreases.
		t := 1.0
		for ; t > 1e-12; t /= 2 {
			q := [2]float64{p[0] - t*d[0], p[1] - t*d[1]}
			if fq := f.Func(q[:]); finite(fq) && fq < fp {
				p, fp = q, fq
				break
			}
		}
		if t <= 1e-12 {
			f.Grad(g, p[:])
			return p, fp, box.Contains(p) && math.Hypot(g[0], g[1]) < 1e-6*scale
		}
	}
	return p, fp, false
}
