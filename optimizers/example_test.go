package optimizers_test

import (
	"fmt"

	"github.com/optimplay/optimplay/optimizers"
)

// steps feeds a fresh state of o the same gradient g n times and prints
// each point.
func steps(o optimizers.Optimizer, g []float64, n int, format string) {
	st := o.Init(len(g))
	x := make([]float64, len(g))
	for range n {
		st.Step(x, g)
		fmt.Printf(format+"\n", x)
	}
}

// GD with γ = 0.5 on f = ½(x² + y²) halves the point every step.
func ExampleGD() {
	surf, _ := optimizers.Quadratic(1)
	tr, _ := optimizers.Run(optimizers.Config{
		Surface: surf, Optimizer: optimizers.GD{LR: 0.5}, Start: [2]float64{4, -2}, Steps: 3,
	})
	fmt.Println(tr.Points, tr.Loss)
	// Output: [[4 -2] [2 -1] [1 -0.5] [0.5 -0.25]] [10 2.5 0.625 0.15625]
}

// Heavy-ball momentum μ = 0.5 on a constant gradient 1: b = 1, 1.5, 1.75,
// so x = −0.1, −0.25, −0.425 with γ = 0.1.
func ExampleSGD() {
	o := optimizers.SGD{LR: 0.1, Momentum: 0.5}
	fmt.Println(o.Name())
	steps(o, []float64{1}, 3, "%.4g")
	// Output:
	// momentum
	// [-0.1]
	// [-0.25]
	// [-0.425]
}

// Nesterov momentum μ = 0.5 on a constant gradient 1: b = 1, 1.5 and the
// direction g + μb = 1.5, 1.75, so x = −0.15, −0.325 with γ = 0.1.
func ExampleSGD_nesterov() {
	o := optimizers.DefaultNesterov()
	o.LR, o.Momentum = 0.1, 0.5
	fmt.Println(o.Name())
	steps(o, []float64{1}, 2, "%.4g")
	// Output:
	// nesterov
	// [-0.15]
	// [-0.325]
}

// Adagrad on g = (3, 4): s = (9, 16), so the first step is γ·(3/3, 4/4) =
// (0.01, 0.01); then s = (18, 32) and the step is 0.01·(3/√18, 4/√32) =
// (0.0070711, 0.0070711).
func ExampleAdagrad() {
	steps(optimizers.DefaultAdagrad(), []float64{3, 4}, 2, "%.6f")
	// Output:
	// [-0.010000 -0.010000]
	// [-0.017071 -0.017071]
}

// RMSprop on g = 1 with α = 0.99: v = 0.01 so the step is 0.01/√0.01 =
// 0.1; then v = 0.0199 and the step is 0.01/√0.0199 = 0.070888.
func ExampleRMSprop() {
	steps(optimizers.DefaultRMSprop(), []float64{1}, 2, "%.6f")
	// Output:
	// [-0.100000]
	// [-0.170888]
}

// Adadelta on g = 3: v = 0.1·9 = 0.9 and Δ = √1e-6/√(0.9 + 1e-6)·3 =
// 0.0031623; ε inside the roots starts the steps.
func ExampleAdadelta() {
	steps(optimizers.DefaultAdadelta(), []float64{3}, 1, "%.7f")
	// Output: [-0.0031623]
}

// Bias-corrected Adam on a constant gradient has m̂ = g and v̂ = g², so
// every coordinate moves by γ, whatever the size of its gradient.
func ExampleAdam() {
	o := optimizers.DefaultAdam()
	o.LR = 0.1
	st := o.Init(2)
	x := []float64{0, 0}
	for range 2 {
		st.Step(x, []float64{2, -0.001})
		fmt.Printf("%.4f\n", x)
	}
	for _, v := range st.Vars() {
		if v.Name == "mhat" || v.Name == "vhat" {
			fmt.Printf("%s %.4g\n", v.Name, v.Value)
		}
	}
	// Output:
	// [-0.1000 0.1000]
	// [-0.2000 0.2000]
	// mhat [2 -0.001]
	// vhat [4 1e-06]
}

// AMSGrad divides by the largest v so far: after g = 10 (v = 50 with
// β2 = 0.5), a gradient of 1 gives v = 25.5 but v^max stays 50, so with
// β1 = 0 and no bias correction the second step is 0.1/√50 = 0.014142,
// where Adam's would be 0.1/√25.5 = 0.019803.
func ExampleAdam_amsgrad() {
	o := optimizers.DefaultAMSGrad()
	o.LR, o.Beta1, o.Beta2, o.BiasCorrection = 0.1, 0, 0.5, false
	st := o.Init(1)
	x := []float64{0}
	st.Step(x, []float64{10})
	before := x[0]
	st.Step(x, []float64{1})
	fmt.Printf("%s: second step %.6f\n", o.Name(), before-x[0])
	// Output: amsgrad: second step 0.014142
}

// Without bias correction the first step is γ·(1−β1)g/(√(1−β2)|g| + ε) =
// 0.1·0.1/√0.001 = 0.31623: more than three times γ.
func ExampleAdam_noBiasCorrection() {
	o := optimizers.DefaultAdam()
	o.LR, o.BiasCorrection = 0.1, false
	steps(o, []float64{2}, 1, "%.5f")
	// Output: [-0.31623]
}

// AdamW decays the parameters apart from the gradient: with g = 0 and
// γλ = 0.05, x shrinks by 0.95 per step.
func ExampleAdamW() {
	o := optimizers.DefaultAdamW()
	o.LR, o.WeightDecay = 0.1, 0.5
	st := o.Init(1)
	x := []float64{2}
	for range 2 {
		st.Step(x, []float64{0})
		fmt.Printf("%.4f\n", x)
	}
	// Output:
	// [1.9000]
	// [1.8050]
}

// Adamax on a constant gradient moves by γ = 0.002 per step, as m_t and
// its correction 1 − β1^t cancel and u = |g| + ε.
func ExampleAdamax() {
	steps(optimizers.DefaultAdamax(), []float64{2}, 2, "%.6f")
	// Output:
	// [-0.002000]
	// [-0.004000]
}

// NAdam's first step on g = 2: μ_1 = 0.9(1 − ½·0.96^0.004) = 0.450073,
// μ_2 = 0.9(1 − ½·0.96^0.008) = 0.450147, m̂ = μ_2·0.2/(1 − μ_1μ_2) +
// (1 − μ_1)·2/(1 − μ_1) = 2.1129036, and the step is 0.002·m̂/2 = 0.002113.
func ExampleNAdam() {
	st := optimizers.DefaultNAdam().Init(1)
	x := []float64{0}
	st.Step(x, []float64{2})
	for _, v := range st.Vars() {
		if v.Name == "mu" || v.Name == "mu_next" || v.Name == "mhat" {
			fmt.Printf("%s %.6f\n", v.Name, v.Value)
		}
	}
	fmt.Printf("%.6f\n", x)
	// Output:
	// mu [0.450073]
	// mu_next [0.450147]
	// mhat [2.112904]
	// [-0.002113]
}

// Lion moves every coordinate by exactly γ, the sign of the interpolated
// momentum deciding the direction.
func ExampleLion() {
	o := optimizers.DefaultLion()
	o.LR = 0.01
	steps(o, []float64{300, -0.002}, 2, "%.4f")
	// Output:
	// [-0.0100 0.0100]
	// [-0.0200 0.0200]
}

// Every analytic surface at (1, 1), by hand:
//
//	quadratic  ½(1 + 10) = 5.5
//	rosenbrock 0 + 100·0 = 0
//	himmelblau (1+1−11)² + (1+1−7)² = 81 + 25 = 106
//	beale      1.5² + 2.25² + 2.625² = 14.203125
//	booth      (1+2−7)² + (2+1−5)² = 16 + 4 = 20
//	matyas     0.26·2 − 0.48 = 0.04
//	saddle     1 − 1 = 0
//	rastrigin  20 + 1 − 10 + 1 − 10 = 2
//	sixhump    (4 − 2.1 + 1/3) + 1 + 0 = 3.233333
//	styblinski ½(1 − 16 + 5)·2 = −10
//	twowell    2 − 2e^−5 − 3e^−25 = 1.986524
func ExampleSurface() {
	for _, name := range optimizers.SurfaceNames() {
		if name == "linreg" {
			continue
		}
		s, _ := optimizers.NewSurface(name, optimizers.DefaultSurfaceParams())
		fmt.Printf("%-10s %.7g\n", name, s.Func([]float64{1, 1}))
	}
	// Output:
	// quadratic  5.5
	// rosenbrock 0
	// himmelblau 106
	// beale      14.20312
	// booth      20
	// matyas     0.04
	// saddle     0
	// rastrigin  2
	// sixhump    3.233333
	// styblinski -10
	// twowell    1.986524
}

// Rosenbrock at its classic start (−1.2, 1): f = 2.2² + 100·0.44² = 24.2 and
// ∇f = (400·(−1.728) + 480 − 2.4 − 2, 200·(1 − 1.44)) = (−215.6, −88).
func ExampleNewSurface() {
	s, _ := optimizers.NewSurface("rosenbrock", optimizers.DefaultSurfaceParams())
	g := make([]float64, 2)
	s.Grad(g, s.Start[:])
	fmt.Println(s.Formula)
	fmt.Printf("f = %.4g, ∇f = %.4g, minimum at %v\n", s.Func(s.Start[:]), g, s.Minima()[0].At)
	// Output:
	// (1 − x)² + 100·(y − x²)²
	// f = 24.2, ∇f = [-215.6 -88], minimum at [1 1]
}

// The quadratic's Hessian is diag(1, κ): GD diverges above 2/κ.
func ExampleQuadratic() {
	s, _ := optimizers.Quadratic(10)
	fmt.Println(s.Formula, *s.Curvature)
	// Output: ½·(x² + 10·y²) {1 10}
}

// Three points on the line y = 2x + 1: the fit is exact, and at (0, 0) the
// loss is (1 + 9 + 25)/3 and the gradient (2/3)·(−0·1 − 1·3 − 2·5, −9).
func ExampleLinReg() {
	d := optimizers.LinReg{X: []float64{0, 1, 2}, Y: []float64{1, 3, 5}}
	w, b := d.LeastSquares()
	g := make([]float64, 2)
	d.Grad(g, []float64{0, 0})
	fmt.Printf("fit w = %.4g, b = %.4g; f(0, 0) = %.4f, ∇f = %.4f\n", w, b, d.Func([]float64{0, 0}), g)
	// Output: fit w = 2, b = 1; f(0, 0) = 11.6667, ∇f = [-8.6667 -6.0000]
}

// A run that diverges stops and says why: y grows fivefold per step.
func ExampleRun() {
	surf, _ := optimizers.Quadratic(10)
	tr, _ := optimizers.Run(optimizers.Config{
		Surface: surf, Optimizer: optimizers.GD{LR: 0.6}, Start: [2]float64{-4, 1.5}, Steps: 100,
	})
	fmt.Println(tr.Steps(), tr.Status)
	// Output: 3 diverged at step 3: lr 0.6 is above 2/λmax = 0.2 for this surface (λmax = 10)
}

// The registry builds optimizers by name from URL-style keys.
func ExampleNew() {
	o, _ := optimizers.New("adam", optimizers.Hyper{"lr": 0.05, "b1": 0})
	fmt.Printf("%s %+v\n", o.Name(), o)
	// Output: adam {LR:0.05 Beta1:0 Beta2:0.999 Eps:1e-08 WeightDecay:0 AMSGrad:false BiasCorrection:true}
}
