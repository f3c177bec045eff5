package optimizers

import (
	"fmt"
	"math"
	"strconv"
)

// Func2 is a function of two variables with its analytic gradient: an
// Objective over (x, y).
type Func2 struct {
	F func(x, y float64) float64
	G func(x, y float64) (dx, dy float64)
}

// Func returns F(x[0], x[1]).
func (f Func2) Func(x []float64) float64 { return f.F(x[0], x[1]) }

// Grad writes the gradient at (x[0], x[1]) into grad.
func (f Func2) Grad(grad, x []float64) { grad[0], grad[1] = f.G(x[0], x[1]) }

// SurfaceParams are the constants of the parameterized surfaces.
type SurfaceParams struct {
	// Kappa is the y curvature of "quadratic" (its condition number when
	// ≥ 1). Default 10.
	Kappa float64
	// N is the number of data points of "linreg". Default 100.
	N int
	// Seed draws the data of "linreg". Default 1.
	Seed uint64
	// Data, when not nil, is the data set of "linreg", the points (x, y),
	// instead of N points drawn from Seed (NewLinRegFrom).
	Data [][2]float64
	// Formula is the surface "custom"'s f(x, y) (NewCustom), plotted over
	// XR × YR.
	Formula string
	XR, YR  [2]float64
}

// DefaultSurfaceParams returns κ = 10, n = 100 and seed 1.
func DefaultSurfaceParams() SurfaceParams { return SurfaceParams{Kappa: 10, N: 100, Seed: 1} }

// SurfaceNames lists the built-in surfaces in display order.
func SurfaceNames() []string {
	return []string{"quadratic", "rosenbrock", "himmelblau", "beale", "booth", "matyas",
		"saddle", "rastrigin", "sixhump", "styblinski", "twowell", "linreg"}
}

// NewSurface builds the built-in surface of that name.
func NewSurface(name string, p SurfaceParams) (Surface, error) {
	switch name {
	case "quadratic":
		return Quadratic(p.Kappa)
	case "linreg":
		if p.Data != nil {
			x, y := make([]float64, len(p.Data)), make([]float64, len(p.Data))
			for i, pt := range p.Data {
				x[i], y[i] = pt[0], pt[1]
			}
			return NewLinRegFrom(x, y)
		}
		return NewLinReg(p.N, p.Seed)
	case "custom":
		return NewCustom(p.Formula, p.XR, p.YR)
	}
	if build, ok := fixedSurfaces[name]; ok {
		return build(), nil
	}
	return Surface{}, fmt.Errorf("unknown surface %q", name)
}

// fmtNum formats a constant for a formula: shortest form, no exponent for
// ordinary sizes.
func fmtNum(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// Quadratic is f = ½(x² + κ·y²), a bowl whose Hessian diag(1, κ) makes
// the condition number max(κ, 1/κ) visible. κ must be positive.
func Quadratic(kappa float64) (Surface, error) {
	if !(kappa > 0) || math.IsInf(kappa, 0) {
		return Surface{}, fmt.Errorf("quadratic: kappa = %v must be positive and finite", kappa)
	}
	return Surface{
		Axes:    xy,
		Name:    "quadratic",
		Formula: "½·(x² + " + fmtNum(kappa) + "·y²)",
		Objective: Func2{
			F: func(x, y float64) float64 { return 0.5 * (x*x + kappa*y*y) },
			G: func(x, y float64) (float64, float64) { return x, kappa * y },
		},
		Domain:    Box{-5, 5, -5, 5},
		Start:     [2]float64{-4, 1.5},
		Starts:    [][2]float64{{-4, 1.5}, {4, -4}},
		Landmarks: []Landmark{{At: [2]float64{0, 0}, F: 0, Kind: GlobalMin}},
		Curvature: &Curvature{Min: min(1, kappa), Max: max(1, kappa)},
	}, nil
}

// xy names the axes of the analytic surfaces.
var xy = [2]string{"x", "y"}

// fixedSurfaces builds the surfaces without parameters.
var fixedSurfaces = map[string]func() Surface{
	"rosenbrock": func() Surface {
		return Surface{
			Axes:    xy,
			Name:    "rosenbrock",
			Formula: "(1 − x)² + 100·(y − x²)²",
			Objective: Func2{
				F: func(x, y float64) float64 { return (1-x)*(1-x) + 100*(y-x*x)*(y-x*x) },
				G: func(x, y float64) (float64, float64) {
					return 400*x*x*x - 400*x*y + 2*x - 2, 200 * (y - x*x)
				},
			},
			Domain:    Box{-2, 2, -1, 3},
			Start:     [2]float64{-1.2, 1},
			Starts:    [][2]float64{{-1.2, 1}, {-2, 2}, {-2, -1}},
			Landmarks: []Landmark{{At: [2]float64{1, 1}, F: 0, Kind: GlobalMin}},
			LogScale:  true,
		}
	},
	"himmelblau": func() Surface {
		return Surface{
			Axes:    xy,
			Name:    "himmelblau",
			Formula: "(x² + y − 11)² + (x + y² − 7)²",
			Objective: Func2{
				F: func(x, y float64) float64 {
					a, b := x*x+y-11, x+y*y-7
					return a*a + b*b
				},
				G: func(x, y float64) (float64, float64) {
					return 4*x*x*x + 4*x*y - 42*x + 2*y*y - 14, 2*x*x + 4*x*y + 4*y*y*y - 26*y - 22
				},
			},
			Domain: Box{-6, 6, -6, 6},
			Start:  [2]float64{0.5, -1.5},
			Starts: [][2]float64{{0.5, -1.5}, {-0.15, 0.67}},
			Landmarks: []Landmark{
				{At: [2]float64{3, 2}, F: 0, Kind: GlobalMin},
				{At: [2]float64{-2.805118086952745, 3.131312518250573}, F: 0, Kind: GlobalMin},
				{At: [2]float64{-3.779310253377747, -3.2831859912861696}, F: 0, Kind: GlobalMin},
				{At: [2]float64{3.5844283403304917, -1.8481265269644036}, F: 0, Kind: GlobalMin},
				{At: [2]float64{-0.2708445906673476, -0.9230385564799815}, F: 181.6165215225827, Kind: LocalMax},
			},
			LogScale: true,
		}
	},
	"beale": func() Surface {
		return Surface{
			Axes:    xy,
			Name:    "beale",
			Formula: "(1.5 − x + x·y)² + (2.25 − x + x·y²)² + (2.625 − x + x·y³)²",
			Objective: Func2{
				F: func(x, y float64) float64 {
					a, b, c := 1.5-x+x*y, 2.25-x+x*y*y, 2.625-x+x*y*y*y
					return a*a + b*b + c*c
				},
				G: func(x, y float64) (float64, float64) {
					a, b, c := 1.5-x+x*y, 2.25-x+x*y*y, 2.625-x+x*y*y*y
					return 2*a*(y-1) + 2*b*(y*y-1) + 2*c*(y*y*y-1),
						2*a*x + 2*b*2*x*y + 2*c*3*x*y*y
				},
			},
			Domain:    Box{-4.5, 4.5, -4.5, 4.5},
			Start:     [2]float64{1, 1.5},
			Starts:    [][2]float64{{1, 1.5}, {3, 4}},
			Landmarks: []Landmark{{At: [2]float64{3, 0.5}, F: 0, Kind: GlobalMin}},
			LogScale:  true,
		}
	},
	"booth": func() Surface {
		return Surface{
			Axes:    xy,
			Name:    "booth",
			Formula: "(x + 2·y − 7)² + (2·x + y − 5)²",
			Objective: Func2{
				F: func(x, y float64) float64 {
					a, b := x+2*y-7, 2*x+y-5
					return a*a + b*b
				},
				G: func(x, y float64) (float64, float64) { return 10*x + 8*y - 34, 8*x + 10*y - 38 },
			},
			Domain:    Box{-10, 10, -10, 10},
			Start:     [2]float64{-2, -2},
			Starts:    [][2]float64{{-2, -2}, {8, -8}},
			Landmarks: []Landmark{{At: [2]float64{1, 3}, F: 0, Kind: GlobalMin}},
			LogScale:  true,
			Curvature: &Curvature{Min: 2, Max: 18},
		}
	},
	"matyas": func() Surface {
		return Surface{
			Axes:    xy,
			Name:    "matyas",
			Formula: "0.26·(x² + y²) − 0.48·x·y",
			Objective: Func2{
				F: func(x, y float64) float64 { return 0.26*(x*x+y*y) - 0.48*x*y },
				G: func(x, y float64) (float64, float64) { return 0.52*x - 0.48*y, 0.52*y - 0.48*x },
			},
			Domain:    Box{-10, 10, -10, 10},
			Start:     [2]float64{-9, -7.8},
			Starts:    [][2]float64{{-9, -7.8}, {8, -6}},
			Landmarks: []Landmark{{At: [2]float64{0, 0}, F: 0, Kind: GlobalMin}},
			Curvature: &Curvature{Min: 0.04, Max: 1},
		}
	},
	"saddle": func() Surface {
		return Surface{
			Axes:    xy,
			Name:    "saddle",
			Formula: "x² − y²",
			Objective: Func2{
				F: func(x, y float64) float64 { return x*x - y*y },
				G: func(x, y float64) (float64, float64) { return 2 * x, -2 * y },
			},
			Domain:         Box{-2, 2, -2, 2},
			Start:          [2]float64{-1.5, 1e-3},
			Starts:         [][2]float64{{-1.5, 1e-3}, {-1.5, 0}},
			Landmarks:      []Landmark{{At: [2]float64{0, 0}, F: 0, Kind: SaddlePoint}},
			Curvature:      &Curvature{Min: -2, Max: 2},
			UnboundedBelow: true,
		}
	},
	"rastrigin": func() Surface {
		const a = 10
		return Surface{
			Axes:    xy,
			Name:    "rastrigin",
			Formula: "20 + x² − 10·cos(2πx) + y² − 10·cos(2πy)",
			Objective: Func2{
				F: func(x, y float64) float64 {
					return 2*a + x*x - a*math.Cos(2*math.Pi*x) + y*y - a*math.Cos(2*math.Pi*y)
				},
				G: func(x, y float64) (float64, float64) {
					return 2*x + 2*math.Pi*a*math.Sin(2*math.Pi*x), 2*y + 2*math.Pi*a*math.Sin(2*math.Pi*y)
				},
			},
			Domain:    Box{-4.5, 4.5, -4.5, 4.5},
			Start:     [2]float64{-2, 3.5},
			Starts:    [][2]float64{{-2, 3.5}, {0.6, -0.4}},
			Landmarks: []Landmark{{At: [2]float64{0, 0}, F: 0, Kind: GlobalMin}},
		}
	},
	"sixhump": func() Surface {
		return Surface{
			Axes:    xy,
			Name:    "sixhump",
			Formula: "(4 − 2.1·x² + x⁴/3)·x² + x·y + (−4 + 4·y²)·y²",
			Objective: Func2{
				F: func(x, y float64) float64 {
					return (4-2.1*x*x+x*x*x*x/3)*x*x + x*y + (-4+4*y*y)*y*y
				},
				G: func(x, y float64) (float64, float64) {
					return 2*x*x*x*x*x - 8.4*x*x*x + 8*x + y, x + 16*y*y*y - 8*y
				},
			},
			Domain: Box{-3, 3, -2, 2},
			Start:  [2]float64{-1.5, 1},
			Starts: [][2]float64{{-1.5, 1}, {2, -1.5}},
			Landmarks: []Landmark{
				{At: [2]float64{0.08984201310031806, -0.7126564030207396}, F: -1.0316284534898774, Kind: GlobalMin},
				{At: [2]float64{-0.08984201310031806, 0.7126564030207396}, F: -1.0316284534898774, Kind: GlobalMin},
				{At: [2]float64{1.7036067149699812, -0.7960835686726251}, F: -0.21546382438371525, Kind: LocalMin},
				{At: [2]float64{-1.7036067149699812, 0.7960835686726251}, F: -0.21546382438371525, Kind: LocalMin},
				{At: [2]float64{1.6071047529201976, 0.5686514548841313}, F: 2.1042503103112593, Kind: LocalMin},
				{At: [2]float64{-1.6071047529201976, -0.5686514548841313}, F: 2.1042503103112593, Kind: LocalMin},
			},
		}
	},
	"styblinski": func() Surface {
		const xs, xl = -2.903534027771177, 2.746802770990837
		return Surface{
			Axes:    xy,
			Name:    "styblinski",
			Formula: "½·(x⁴ − 16·x² + 5·x + y⁴ − 16·y² + 5·y)",
			Objective: Func2{
				F: func(x, y float64) float64 {
					return 0.5 * (x*x*x*x - 16*x*x + 5*x + y*y*y*y - 16*y*y + 5*y)
				},
				G: func(x, y float64) (float64, float64) {
					return 2*x*x*x - 16*x + 2.5, 2*y*y*y - 16*y + 2.5
				},
			},
			Domain: Box{-5, 5, -5, 5},
			Start:  [2]float64{4, 4},
			Starts: [][2]float64{{4, 4}, {0.5, 4.5}},
			Landmarks: []Landmark{
				{At: [2]float64{xs, xs}, F: -78.33233140754282, Kind: GlobalMin},
				{At: [2]float64{xl, xs}, F: -64.19561235905536, Kind: LocalMin},
				{At: [2]float64{xs, xl}, F: -64.19561235905536, Kind: LocalMin},
				{At: [2]float64{xl, xl}, F: -50.05889331056788, Kind: LocalMin},
			},
		}
	},
	"twowell": func() Surface {
		well := func(x, y, cx float64) float64 { return exp(-((x-cx)*(x-cx) + y*y) / 0.2) }
		return Surface{
			Axes:    xy,
			Name:    "twowell",
			Formula: "x² + y² − 2·exp(−((x − 1)² + y²)/0.2) − 3·exp(−((x + 1)² + y²)/0.2)",
			Objective: Func2{
				F: func(x, y float64) float64 {
					return x*x + y*y - 2*well(x, y, 1) - 3*well(x, y, -1)
				},
				G: func(x, y float64) (float64, float64) {
					r, l := well(x, y, 1), well(x, y, -1)
					return 2*x + 20*(x-1)*r + 30*(x+1)*l, 2*y + 20*y*r + 30*y*l
				},
			},
			Domain: Box{-2, 2, -2, 2},
			Start:  [2]float64{1.5, 1.5},
			Starts: [][2]float64{{1.5, 1.5}, {0.5, 1.2}},
			Landmarks: []Landmark{
				{At: [2]float64{-0.9363006340109187, 0}, F: -2.0630902517681946, Kind: GlobalMin},
				{At: [2]float64{0.905317899160115, 0}, F: -1.0927319992017408, Kind: LocalMin},
				{At: [2]float64{0.06860243670809668, 0}, F: -0.03137427327004572, Kind: SaddlePoint},
			},
		}
	},
}
