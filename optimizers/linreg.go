package optimizers

import (
	"fmt"
	"math"
	"math/rand/v2"
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
	n := float64(len(d.X))
	var mx, my float64
	for i := range d.X {
		mx += d.X[i]
		my += d.Y[i]
	}
	mx, my = mx/n, my/n
	var sxy, sxx float64
	for i := range d.X {
		sxy += (d.X[i] - mx) * (d.Y[i] - my)
		sxx += (d.X[i] - mx) * (d.X[i] - mx)
	}
	w = sxy / sxx
	return w, my - w*mx
}

// Curvature returns the eigenvalues of the constant Hessian.
func (d LinReg) Curvature() Curvature {
	n := float64(len(d.X))
	var sx, sxx float64
	for _, x := range d.X {
		sx += x
		sxx += x * x
	}
	a, c, b := 2*sxx/n, 2.0, 2*sx/n // Hessian [[a, b], [b, c]]
	mid, rad := (a+c)/2, math.Hypot((a-c)/2, b)
	return Curvature{Min: mid - rad, Max: mid + rad}
}

// NewLinReg is the "linreg" surface over (w, b) for n points drawn from
// seed.
func NewLinReg(n int, seed uint64) (Surface, error) {
	d, err := NewLinRegData(n, seed)
	if err != nil {
		return Surface{}, err
	}
	w, b := d.LeastSquares()
	curv := d.Curvature()
	return Surface{
		Objective: d,
		Name:      "linreg",
		Formula:   fmt.Sprintf("(1/%d)·Σᵢ (w·xᵢ + b − yᵢ)²", n),
		Axes:      [2]string{"w", "b"},
		Domain:    Box{-1, 7, -3, 4},
		Start:     [2]float64{-0.5, 3},
		Starts:    [][2]float64{{-0.5, 3}, {0, 0}},
		Landmarks: []Landmark{{At: [2]float64{w, b}, F: d.Func([]float64{w, b}), Kind: GlobalMin}},
		LogScale:  true,
		Curvature: &curv,
	}, nil
}
