package optimizers

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// linregDataStream separates the random stream that draws linreg's data from
// the streams that draw minibatches and noise from the same seed.
const linregDataStream = 0x11a7e9

// LinReg is the mean squared error of the line y = w·x + b over a data set,
// as a function of the parameters (w, b):
//
//	f(w, b) = (1/n)·Σᵢ (w·xᵢ + b − yᵢ)²
//	∂f/∂w   = (2/n)·Σᵢ xᵢ·(w·xᵢ + b − yᵢ)
//	∂f/∂b   = (2/n)·Σᵢ (w·xᵢ + b − yᵢ)
//
// Its Hessian 2·[[mean x², mean x], [mean x, 1]] is constant; with x not
// centred it is ill-conditioned, which makes a long diagonal valley.
type LinReg struct {
	X, Y []float64
}

var (
	_ Objective  = LinReg{}
	_ Dataset    = LinReg{}
	_ Regression = LinReg{}
)

// Dataset is an objective that is a mean over samples, so that a minibatch
// of them gives a stochastic gradient.
type Dataset interface {
	Objective
	// Len is the number of samples.
	Len() int
	// BatchGrad writes into grad the gradient of the mean loss over the
	// samples idx.
	BatchGrad(grad, x []float64, idx []int)
}

// NewLinRegData draws n points with x ~ U(0, 1) and y = 3·x + U(0, 1) noise
// from the seed, as the MLU-Explain linear regression article does.
func NewLinRegData(n int, seed uint64) (LinReg, error) {
	if n < 2 {
		return LinReg{}, fmt.Errorf("linreg: n = %d, need at least 2 points", n)
	}
	rng := rand.New(rand.NewPCG(seed, linregDataStream))
	d := LinReg{X: make([]float64, n), Y: make([]float64, n)}
	for i := range d.X {
		d.X[i] = rng.Float64()
		d.Y[i] = 3*d.X[i] + rng.Float64()
	}
	return d, nil
}

// Len returns the number of points.
func (d LinReg) Len() int { return len(d.X) }

// Func returns the mean squared error at (w, b) = (p[0], p[1]).
func (d LinReg) Func(p []float64) float64 {
	var sum float64
	for i, x := range d.X {
		r := p[0]*x + p[1] - d.Y[i]
		sum += r * r
	}
	return sum / float64(len(d.X))
}

// Grad writes the full-batch gradient at p into grad.
func (d LinReg) Grad(grad, p []float64) {
	var gw, gb float64
	for i, x := range d.X {
		r := p[0]*x + p[1] - d.Y[i]
		gw += x * r
		gb += r
	}
	n := float64(len(d.X))
	grad[0], grad[1] = 2*gw/n, 2*gb/n
}

// BatchGrad writes the gradient of the mean squared error over the points
// idx into grad.
func (d LinReg) BatchGrad(grad, p []float64, idx []int) {
	var gw, gb float64
	for _, i := range idx {
		r := p[0]*d.X[i] + p[1] - d.Y[i]
		gw += d.X[i] * r
		gb += r
	}
	n := float64(len(idx))
	grad[0], grad[1] = 2*gw/n, 2*gb/n
}

// Residual returns the residual ŷᵢ − yᵢ = w·xᵢ + b − yᵢ of point i at
// (w, b) = (p[0], p[1]).
func (d LinReg) Residual(p []float64, i int) float64 { return p[0]*d.X[i] + p[1] - d.Y[i] }

// LeastSquares returns the minimizer (w, b) in closed form:
// w = cov(x, y)/var(x), b = mean y − w·mean x.
func (d LinReg) LeastSquares() (w, b float64) {
	mx, my, sxx, sxy := d.moments()
	w = sxy / sxx
	return w, my - w*mx
}

// moments returns the means of x and y and the centred sums
// Σ (xᵢ − mean x)² and Σ (xᵢ − mean x)·(yᵢ − mean y).
func (d LinReg) moments() (mx, my, sxx, sxy float64) {
	n := float64(len(d.X))
	for i := range d.X {
		mx += d.X[i]
		my += d.Y[i]
	}
	mx, my = mx/n, my/n
	for i := range d.X {
		sxy += (d.X[i] - mx) * (d.Y[i] - my)
		sxx += (d.X[i] - mx) * (d.X[i] - mx)
	}
	return mx, my, sxx, sxy
}

// Curvature returns the eigenvalues of the constant Hessian. The least is
// computed as det/λmax, with det = 4·var(x) from centred sums: as the
// difference of two large terms it would lose its digits when x is far
// from 0.
func (d LinReg) Curvature() Curvature {
	n := float64(len(d.X))
	var sx, sxx float64
	for _, x := range d.X {
		sx += x
		sxx += x * x
	}
	a, c, b := 2*sxx/n, 2.0, 2*sx/n // Hessian [[a, b], [b, c]]
	mid, rad := (a+c)/2, math.Hypot((a-c)/2, b)
	_, _, vxx, _ := d.moments()
	return Curvature{Min: 4 * vxx / n / (mid + rad), Max: mid + rad}
}

// NewLinReg is the "linreg" surface over (w, b) for n points drawn from
// seed (NewLinRegData). Its domain, starts, minimum and curvature follow
// from the data as NewLinRegFrom says.
func NewLinReg(n int, seed uint64) (Surface, error) {
	d, err := NewLinRegData(n, seed)
	if err != nil {
		return Surface{}, err
	}
	return d.surface(), nil
}

// Limits of a data set given to NewLinRegFrom.
const (
	// MaxDataPoints is the most points a given data set may have.
	MaxDataPoints = 200
	// MaxDataMagnitude bounds |x| and |y|: beyond it the surface's
	// curvature (about 2·mean x²) and domain (spans of about the data's
	// range) leave what can be drawn and stepped through.
	MaxDataMagnitude = 1e6
	// MinDataSpread is the least spread max x − min x of a given data set,
	// relative to max(1, |x|): closer x leave the least-squares line not
	// unique, or unique only up to rounding.
	MinDataSpread = 1e-6
)

// CheckDataValue reports why v cannot be a coordinate of a given data set:
// it must be finite and at most MaxDataMagnitude in magnitude.
func CheckDataValue(v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return errNotFinite.New(fmtNum(v))
	}
	if math.Abs(v) > MaxDataMagnitude {
		return errBeyond.New(fmtNum(v), fmtNum(MaxDataMagnitude))
	}
	return nil
}

// CheckLinRegData reports why the points (x[i], y[i]) cannot be linreg's
// data set, or returns nil: there must be 2 to MaxDataPoints of them,
// every coordinate accepted by CheckDataValue, and the x spread by at
// least MinDataSpread·max(1, |x|) — with every x equal, every line through
// (x, mean y) fits equally well, so there would be no unique minimum.
func CheckLinRegData(x, y []float64) error {
	switch n := len(x); {
	case len(y) != n:
		return errUnpaired.New(n, len(y))
	case n < 2:
		return errTooFew.New(n)
	case n > MaxDataPoints:
		return errTooMany.New(n, MaxDataPoints)
	}
	for i := range x {
		if err := CheckDataValue(x[i]); err != nil {
			return errPoint.New(i+1, "x", err)
		}
		if err := CheckDataValue(y[i]); err != nil {
			return errPoint.New(i+1, "y", err)
		}
	}
	lo, hi := slices.Min(x), slices.Max(x)
	if lo == hi {
		return errSameX.New(fmtNum(lo))
	}
	if floor := spreadFloor(lo, hi); hi-lo < floor {
		return errNarrowX.New(fmtNum(hi-lo), fmtNum(floor))
	}
	return nil
}

// spreadFloor is the least spread hi − lo that values from lo to hi must
// have to count as spread: MinDataSpread·max(1, |lo|, |hi|).
func spreadFloor(lo, hi float64) float64 {
	return MinDataSpread * max(1, math.Abs(lo), math.Abs(hi))
}

// NewLinRegFrom is the "linreg" surface over (w, b) for the given points
// (x[i], y[i]), which CheckLinRegData must accept; the surface keeps a
// copy of them.
//
// Its domain, for given and generated data alike, is centred on the
// least-squares fit (w*, b*) in units of the data's scale. With Δx and Δy
// the spreads max − min of x and y (Δy taken as max(1, |y|) when the y
// spread less than MinDataSpread·max(1, |y|), as when they are all
// equal), the unit of w is nice(Δy/(4·Δx)), about the change of slope
// that turns the line by a quarter of Δy across the data, and the unit of
// b is nice(Δy/4), where nice rounds to the nearest 1, 2 or 5 times a
// power of ten in log scale. In half units hw and hb, the centre is
// (cw, cb) = (w*, b*) rounded to whole half units, the domain is
// cw ± 8·hw by cb ± 7·hb and the start (cw − 7·hw, cb + 5·hb), a line too
// flat and too high; every bound is the float64 nearest to its decimal
// value. Starts adds the origin, the untrained model w = b = 0, when the
// domain holds it. For the generated data both units are 1 (Δx ≈ 1,
// Δy ≈ 3.6), which gives the domain [−1, 7] × [−3, 4] and the start
// (−0.5, 3).
func NewLinRegFrom(x, y []float64) (Surface, error) {
	if err := CheckLinRegData(x, y); err != nil {
		return Surface{}, fmt.Errorf("linreg: %w", err)
	}
	return LinReg{X: slices.Clone(x), Y: slices.Clone(y)}.surface(), nil
}

// surface is the "linreg" surface over the data set d, with the domain and
// starts NewLinRegFrom describes.
func (d LinReg) surface() Surface {
	w, b := d.LeastSquares()
	curv := d.Curvature()
	dx := slices.Max(d.X) - slices.Min(d.X)
	ylo, yhi := slices.Min(d.Y), slices.Max(d.Y)
	dy := yhi - ylo
	if dy < spreadFloor(ylo, yhi) {
		dy = max(1, math.Abs(ylo), math.Abs(yhi))
	}
	hw, hb := niceHalfUnit(dy/(4*dx)), niceHalfUnit(dy/4)
	cw, cb := math.Round(w/hw.times(1)), math.Round(b/hb.times(1))
	box := Box{hw.times(cw - 8), hw.times(cw + 8), hb.times(cb - 7), hb.times(cb + 7)}
	start := [2]float64{hw.times(cw - 7), hb.times(cb + 5)}
	starts := [][2]float64{start}
	if box.Contains([2]float64{0, 0}) {
		starts = append(starts, [2]float64{0, 0})
	}
	return Surface{
		Objective: d,
		Name:      "linreg",
		Formula:   fmt.Sprintf("(1/%d)·Σᵢ (w·xᵢ + b − yᵢ)²", d.Len()),
		Axes:      [2]string{"w", "b"},
		Domain:    box,
		Start:     start,
		Starts:    starts,
		Landmarks: []Landmark{{At: [2]float64{w, b}, F: d.Func([]float64{w, b}), Kind: GlobalMin}},
		LogScale:  true,
		Curvature: &curv,
	}
}

// decimal is the number m·10^e, m whole.
type decimal struct {
	m float64
	e int
}

// times returns j·m·10^e for a whole j: the float64 nearest to it, as
// long as j·m is below 2⁵³.
func (d decimal) times(j float64) float64 {
	if d.e < 0 {
		return j * d.m / math.Pow10(-d.e)
	}
	return j * d.m * math.Pow10(d.e)
}

// niceHalfUnit returns half of the number 1, 2 or 5 times a power of ten
// nearest to v > 0 in log scale.
func niceHalfUnit(v float64) decimal {
	k := int(math.Floor(math.Log10(v)))
	best, dist := decimal{}, math.Inf(1)
	for e := k - 1; e <= k+1; e++ {
		for _, m := range [...]float64{1, 2, 5} {
			if d := math.Abs(math.Log(decimal{m, e}.times(1) / v)); d < dist {
				best, dist = decimal{5 * m, e - 1}, d
			}
		}
	}
	return best
}
