package optimizers

import (
	"math"
	"math/cmplx"
	"testing"
)

// closeTo reports |got − want| ≤ tol·max(1, |want|).
func closeTo(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

func mustQuadratic(t *testing.T, kappa float64) Surface {
	t.Helper()
	s, err := Quadratic(kappa)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func mustRun(t *testing.T, cfg Config) *Trajectory {
	t.Helper()
	tr, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// TestGDQuadraticClosedForm: on ½(x² + κy²) with L2 decay λ, GD gives
// x_t = (1 − γ(1+λ))^t·x_0 and y_t = (1 − γ(κ+λ))^t·y_0.
func TestGDQuadraticClosedForm(t *testing.T) {
	for _, c := range []struct{ kappa, lr, wd float64 }{
		{10, 0.1, 0}, {10, 0.19, 0}, {3, 0.5, 0.2}, {0.5, 1.2, 0}, {10, 0.05, 1},
	} {
		surf := mustQuadratic(t, c.kappa)
		x0 := [2]float64{-4, 1.5}
		tr := mustRun(t, Config{Surface: surf, Optimizer: GD{LR: c.lr, WeightDecay: c.wd}, Start: x0, Steps: 60})
		for step, p := range tr.Points {
			wx := math.Pow(1-c.lr*(1+c.wd), float64(step)) * x0[0]
			wy := math.Pow(1-c.lr*(c.kappa+c.wd), float64(step)) * x0[1]
			if !closeTo(p[0], wx, 1e-12) || !closeTo(p[1], wy, 1e-12) {
				t.Fatalf("%+v step %d: %v, closed form (%v, %v)", c, step, p, wx, wy)
			}
		}
	}
}

// secondOrder returns θ_t of the recurrence θ_{t+1} = a·θ_t − b·θ_{t−1}
// from θ_0 and θ_1, by its closed form A·r1^t + B·r2^t over the roots of
// z² − a·z + b (distinct roots assumed).
func secondOrder(a, b, theta0, theta1 float64, t int) float64 {
	disc := cmplx.Sqrt(complex(a*a-4*b, 0))
	r1, r2 := (complex(a, 0)+disc)/2, (complex(a, 0)-disc)/2
	bb := (complex(theta1, 0) - r1*complex(theta0, 0)) / (r2 - r1)
	aa := complex(theta0, 0) - bb
	return real(aa*cmplx.Pow(r1, complex(float64(t), 0)) + bb*cmplx.Pow(r2, complex(float64(t), 0)))
}

// TestMomentumQuadraticClosedForm: on f = ½h·θ² (h = 1 along x, κ along
// y), PyTorch's heavy ball obeys θ_{t+1} = (1+μ−γh)θ_t − μθ_{t−1} with
// θ_1 = (1−γh)θ_0 (b_1 = g_1), and Nesterov obeys
// θ_{t+1} = (1+μ)(1−γh)θ_t − μ(1−γh)θ_{t−1} with θ_1 = (1 − γh(1+μ))θ_0.
func TestMomentumQuadraticClosedForm(t *testing.T) {
	for _, c := range []struct {
		kappa, lr, mom float64
		nesterov       bool
	}{
		{10, 0.02, 0.9, false}, {10, 0.1, 0.5, false}, {4, 0.3, 0.3, false},
		{10, 0.02, 0.9, true}, {10, 0.08, 0.5, true}, {4, 0.2, 0.7, true},
	} {
		surf := mustQuadratic(t, c.kappa)
		x0 := [2]float64{-4, 1.5}
		opt := SGD{LR: c.lr, Momentum: c.mom, Nesterov: c.nesterov}
		tr := mustRun(t, Config{Surface: surf, Optimizer: opt, Start: x0, Steps: 80})
		for k, h := range []float64{1, c.kappa} {
			gh := c.lr * h
			a, b, theta1 := 1+c.mom-gh, c.mom, (1-gh)*x0[k]
			if c.nesterov {
				a, b, theta1 = (1+c.mom)*(1-gh), c.mom*(1-gh), (1-gh*(1+c.mom))*x0[k]
			}
			for step, p := range tr.Points {
				want := secondOrder(a, b, x0[k], theta1, step)
				if !closeTo(p[k], want, 1e-10) {
					t.Fatalf("%+v coordinate %d step %d: %v, closed form %v", c, k, step, p[k], want)
				}
			}
		}
	}
}

// stepConstant feeds a state the same gradient g for steps steps from x0
// and returns every point, the start included.
func stepConstant(o Optimizer, x0, g []float64, steps int) [][]float64 {
	st := o.Init(len(x0))
	x := append([]float64(nil), x0...)
	out := [][]float64{append([]float64(nil), x...)}
	for range steps {
		st.Step(x, g)
		out = append(out, append([]float64(nil), x...))
	}
	return out
}

// TestConstantGradientClosedForms: fed the same gradient g every step, the
// moving averages are geometric sums and each rule has a closed form:
//
//	Adam:     m_t = (1−β1^t)g, v_t = (1−β2^t)g², so m̂ = g, v̂ = g² and every
//	          step is γ·g/(|g| + ε); without bias correction it is
//	          γ(1−β1^t)g/(√(1−β2^t)|g| + ε)
//	AMSGrad:  v is increasing, so v^max = v and the steps equal Adam's
//	Adamax:   u_t = |g| + ε, the step γ(1−β1^t)g/((1−β1^t)(|g|+ε))
//	RMSprop:  v_t = (1−α^t)g², the step γ·g/(√(1−α^t)|g| + ε); centered,
//	          ṽ_t = (1−α^t)g² − (1−α^t)²g² = (1−α^t)α^t·g²
//	Adagrad:  s_t = τ + t·g², the step γ/(1+(t−1)η)·g/(√s_t + ε)
//	Lion:     sign(c_t) = sign(g), so x_t = x_{t−1}(1−γλ) − γ·sign(g)
//
// The gradients include one far below ε, which tells ε outside the root
// (step ≈ γ·g/ε) from ε inside it (step ≈ γ·g/√ε).
func TestConstantGradientClosedForms(t *testing.T) {
	g := []float64{2.5, -1e-10}
	x0 := []float64{0.3, -0.7}
	const steps = 30
	type stepFunc func(t int, g float64) float64 // the decrease of x at step t
	cases := []struct {
		name string
		opt  Optimizer
		step stepFunc
		wd   float64 // decoupled decay factor (1 − γλ) per step, or 0
	}{
		{"adam", Adam{LR: 0.05, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, BiasCorrection: true},
			func(_ int, g float64) float64 { return 0.05 * g / (math.Abs(g) + 1e-8) }, 0},
		{"adam beta1=0", Adam{LR: 0.05, Beta1: 0, Beta2: 0.9, Eps: 1e-8, BiasCorrection: true},
			func(_ int, g float64) float64 { return 0.05 * g / (math.Abs(g) + 1e-8) }, 0},
		{"amsgrad", Adam{LR: 0.05, Beta1: 0.8, Beta2: 0.99, Eps: 1e-6, AMSGrad: true, BiasCorrection: true},
			func(_ int, g float64) float64 { return 0.05 * g / (math.Abs(g) + 1e-6) }, 0},
		{"adam without bias correction", Adam{LR: 0.05, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8},
			func(t int, g float64) float64 {
				b1t, b2t := math.Pow(0.9, float64(t)), math.Pow(0.999, float64(t))
				return 0.05 * (1 - b1t) * g / (math.Sqrt(1-b2t)*math.Abs(g) + 1e-8)
			}, 0},
		{"adamax", Adamax{LR: 0.02, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8},
			func(_ int, g float64) float64 { return 0.02 * g / (math.Abs(g) + 1e-8) }, 0},
		{"rmsprop", RMSprop{LR: 0.01, Alpha: 0.99, Eps: 1e-8},
			func(t int, g float64) float64 {
				return 0.01 * g / (math.Sqrt(1-math.Pow(0.99, float64(t)))*math.Abs(g) + 1e-8)
			}, 0},
		{"rmsprop centered", RMSprop{LR: 0.01, Alpha: 0.9, Eps: 1e-8, Centered: true},
			func(t int, g float64) float64 {
				at := math.Pow(0.9, float64(t))
				return 0.01 * g / (math.Sqrt((1-at)*at)*math.Abs(g) + 1e-8)
			}, 0},
		{"adagrad", Adagrad{LR: 0.1, LRDecay: 0.05, InitialAccumulatorValue: 0.3, Eps: 1e-10},
			func(t int, g float64) float64 {
				return 0.1 / (1 + float64(t-1)*0.05) * g / (math.Sqrt(0.3+float64(t)*g*g) + 1e-10)
			}, 0},
		{"lion", Lion{LR: 0.01, Beta1: 0.9, Beta2: 0.99, WeightDecay: 0.5},
			func(_ int, g float64) float64 { return 0.01 * math.Copysign(1, g) }, 1 - 0.01*0.5},
	}
	for _, c := range cases {
		pts := stepConstant(c.opt, x0, g, steps)
		for k := range x0 {
			want := x0[k]
			for step := 1; step <= steps; step++ {
				if c.wd != 0 {
					want *= c.wd
				}
				want -= c.step(step, g[k])
				if !closeTo(pts[step][k], want, 1e-12) {
					t.Fatalf("%s: coordinate %d step %d: %.17g, closed form %.17g", c.name, k, step, pts[step][k], want)
				}
			}
		}
	}
}

// TestAdamWDecayAlone: with a zero gradient m = v = 0, the Adam step is
// 0/(0 + ε) = 0, and AdamW's decoupled decay alone gives
// x_t = (1 − γλ)^t·x_0. Adam's L2 decay instead feeds λx to the moments.
func TestAdamWDecayAlone(t *testing.T) {
	o := AdamW{LR: 0.1, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, WeightDecay: 0.5, BiasCorrection: true}
	pts := stepConstant(o, []float64{2, -3}, []float64{0, 0}, 20)
	for step, p := range pts {
		f := math.Pow(1-0.1*0.5, float64(step))
		if !closeTo(p[0], 2*f, 1e-13) || !closeTo(p[1], -3*f, 1e-13) {
			t.Fatalf("step %d: %v, want %v", step, p, []float64{2 * f, -3 * f})
		}
	}
	l2 := stepConstant(Adam{LR: 0.1, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, WeightDecay: 0.5, BiasCorrection: true},
		[]float64{2, -3}, []float64{0, 0}, 1)
	// First Adam step on g = λx: m̂ = g, v̂ = g², so x moves by γ·sign(x).
	if !closeTo(l2[1][0], 2-0.1, 1e-9) || !closeTo(l2[1][1], -3+0.1, 1e-9) {
		t.Errorf("Adam with L2 decay, first step: %v, want [1.9 -2.9]", l2[1])
	}
}

// TestFirstStepsByHand checks first steps computed by hand.
func TestFirstStepsByHand(t *testing.T) {
	// Adadelta, g = 3, ρ = 0.9, ε = 1e-6, γ = 1:
	//   v_1 = 0.1·9 = 0.9, Δ_1 = √(0 + 1e-6)/√(0.9 + 1e-6)·3 = 1e-3·3/√0.900001
	//   u_1 = 0.1·Δ_1²; then g = 3 again: v_2 = 0.9·0.9 + 0.9 = 1.71,
	//   Δ_2 = √(u_1 + 1e-6)/√(1.71 + 1e-6)·3.
	d1 := 1e-3 * 3 / math.Sqrt(0.900001)
	u1 := 0.1 * d1 * d1
	d2 := math.Sqrt(u1+1e-6) / math.Sqrt(1.710001) * 3
	pts := stepConstant(Adadelta{LR: 1, Rho: 0.9, Eps: 1e-6}, []float64{1}, []float64{3}, 2)
	if !closeTo(pts[1][0], 1-d1, 1e-14) || !closeTo(pts[2][0], 1-d1-d2, 1e-14) {
		t.Errorf("adadelta: %v, want [1 %v %v]", pts, 1-d1, 1-d1-d2)
	}
	// NAdam, g = 2, β1 = 0.9, β2 = 0.999, ψ = 0.004, γ = 0.01:
	//   μ_1 = 0.9(1 − ½·0.96^0.004), μ_2 = 0.9(1 − ½·0.96^0.008)
	//   m_1 = 0.2, v̂_1 = 4
	//   m̂_1 = μ_2·0.2/(1 − μ_1μ_2) + (1 − μ_1)·2/(1 − μ_1)
	mu1 := 0.9 * (1 - 0.5*math.Pow(0.96, 0.004))
	mu2 := 0.9 * (1 - 0.5*math.Pow(0.96, 0.008))
	mhat := mu2*0.2/(1-mu1*mu2) + 2
	pts = stepConstant(DefaultNAdam(), []float64{1}, []float64{2}, 1)
	if want := 1 - 2e-3*mhat/(2+1e-8); !closeTo(pts[1][0], want, 1e-14) {
		t.Errorf("nadam: %v, want %v", pts[1][0], want)
	}
	// Adagrad with PyTorch's defaults, g = (3, −4): s = (9, 16), steps
	// 0.01·3/3 and 0.01·(−4)/4 up to ε = 1e-10.
	pts = stepConstant(DefaultAdagrad(), []float64{0, 0}, []float64{3, -4}, 1)
	if !closeTo(pts[1][0], -0.01, 1e-10) || !closeTo(pts[1][1], 0.01, 1e-10) {
		t.Errorf("adagrad: %v, want [-0.01 0.01]", pts[1])
	}
	// RMSprop with momentum 0.5, α = 0.99, g = 1: v_1 = 0.01, b_1 = 1/(0.1 + ε),
	// v_2 = 0.0199, b_2 = 0.5·b_1 + 1/(√0.0199 + ε).
	b1 := 1 / (0.1 + 1e-8)
	b2 := 0.5*b1 + 1/(math.Sqrt(0.0199)+1e-8)
	pts = stepConstant(RMSprop{LR: 0.01, Alpha: 0.99, Eps: 1e-8, Momentum: 0.5}, []float64{0}, []float64{1}, 2)
	if !closeTo(pts[1][0], -0.01*b1, 1e-13) || !closeTo(pts[2][0], -0.01*(b1+b2), 1e-13) {
		t.Errorf("rmsprop with momentum: %v, want [0 %v %v]", pts, -0.01*b1, -0.01*(b1+b2))
	}
}

// TestAMSGradKeepsTheMaximum: after a large gradient, a small one leaves
// v^max at the large value, so the step is smaller than Adam's.
func TestAMSGradKeepsTheMaximum(t *testing.T) {
	adam := Adam{LR: 0.1, Beta1: 0, Beta2: 0.5, Eps: 1e-8, BiasCorrection: false}
	ams := adam
	ams.AMSGrad = true
	sa, sm := adam.Init(1), ams.Init(1)
	xa, xm := []float64{0}, []float64{0}
	// Step 1, g = 10: v = 50 for both. Step 2, g = 1: v = 25.5, v^max = 50.
	for _, g := range []float64{10, 1} {
		sa.Step(xa, []float64{g})
		sm.Step(xm, []float64{g})
	}
	// β1 = 0 and no bias correction: step 2 is 0.1·1/(√v + ε).
	step1 := 0.1 * 10 / (math.Sqrt(50) + 1e-8)
	if want := -step1 - 0.1/(math.Sqrt(25.5)+1e-8); !closeTo(xa[0], want, 1e-14) {
		t.Errorf("adam: %v, want %v", xa[0], want)
	}
	if want := -step1 - 0.1/(math.Sqrt(50)+1e-8); !closeTo(xm[0], want, 1e-14) {
		t.Errorf("amsgrad: %v, want %v", xm[0], want)
	}
	if v := varValue(t, sm.Vars(), "vmax"); v[0] != 50 {
		t.Errorf("vmax = %v, want 50", v)
	}
}

func varValue(t *testing.T, vars []Var, name string) []float64 {
	t.Helper()
	for _, v := range vars {
		if v.Name == name {
			return v.Value
		}
	}
	t.Fatalf("no var %q in %v", name, vars)
	return nil
}

// TestL2DecayIsGradientShift: with L2 weight decay, every coupled rule
// behaves as without it on the gradient g + λx.
func TestL2DecayIsGradientShift(t *testing.T) {
	const wd = 0.3
	pairs := []struct{ with, without Optimizer }{
		{GD{LR: 0.005, WeightDecay: wd}, GD{LR: 0.005}},
		{SGD{LR: 0.002, Momentum: 0.9, WeightDecay: wd}, SGD{LR: 0.002, Momentum: 0.9}},
		{SGD{LR: 0.002, Momentum: 0.9, Nesterov: true, WeightDecay: wd}, SGD{LR: 0.002, Momentum: 0.9, Nesterov: true}},
		{Adagrad{LR: 0.1, Eps: 1e-10, WeightDecay: wd}, Adagrad{LR: 0.1, Eps: 1e-10}},
		{RMSprop{LR: 0.01, Alpha: 0.9, Eps: 1e-8, Momentum: 0.5, Centered: true, WeightDecay: wd}, RMSprop{LR: 0.01, Alpha: 0.9, Eps: 1e-8, Momentum: 0.5, Centered: true}},
		{Adadelta{LR: 1, Rho: 0.9, Eps: 1e-6, WeightDecay: wd}, Adadelta{LR: 1, Rho: 0.9, Eps: 1e-6}},
		{Adam{LR: 0.05, Beta1: 0.9, Beta2: 0.99, Eps: 1e-8, WeightDecay: wd, BiasCorrection: true}, Adam{LR: 0.05, Beta1: 0.9, Beta2: 0.99, Eps: 1e-8, BiasCorrection: true}},
		{Adamax{LR: 0.05, Beta1: 0.9, Beta2: 0.99, Eps: 1e-8, WeightDecay: wd}, Adamax{LR: 0.05, Beta1: 0.9, Beta2: 0.99, Eps: 1e-8}},
		{NAdam{LR: 0.05, Beta1: 0.9, Beta2: 0.99, Eps: 1e-8, MomentumDecay: 4e-3, WeightDecay: wd}, NAdam{LR: 0.05, Beta1: 0.9, Beta2: 0.99, Eps: 1e-8, MomentumDecay: 4e-3}},
	}
	surf, _ := NewSurface("himmelblau", DefaultSurfaceParams())
	for _, p := range pairs {
		sw, so := p.with.Init(2), p.without.Init(2)
		xw, xo := []float64{0.5, -1.5}, []float64{0.5, -1.5}
		g, shifted := make([]float64, 2), make([]float64, 2)
		for step := 1; step <= 20; step++ {
			surf.Grad(g, xw)
			for i := range g {
				shifted[i] = g[i] + wd*xo[i]
			}
			sw.Step(xw, g)
			so.Step(xo, shifted)
			if xw[0] != xo[0] || xw[1] != xo[1] || !finite(xw[0]) || !finite(xw[1]) {
				t.Fatalf("%s step %d: with decay %v, on g + λx %v", p.with.Name(), step, xw, xo)
			}
		}
	}
}

// TestPortableMath checks the core's portable exp, log and integer power
// against the math package: a few ulps for log and powers, and the
// documented relative error for exp.
func TestPortableMath(t *testing.T) {
	ulps := func(a, b float64) float64 {
		return math.Abs(a-b) / (math.Nextafter(math.Abs(b), math.Inf(1)) - math.Abs(b))
	}
	for x := -330.0; x <= 30; x += 0.37 {
		if d := math.Abs(exp(x)-math.Exp(x)) / math.Exp(x); d > (1+math.Abs(x))*1.5e-16 {
			t.Errorf("exp(%v) = %v, math.Exp %v: relative error %v", x, exp(x), math.Exp(x), d)
		}
	}
	for x := 1e-300; x <= 1; x *= 1.37 {
		if u := ulps(log(x), math.Log(x)); u > 4 {
			t.Errorf("log(%v) = %v, math.Log %v: %v ulps", x, log(x), math.Log(x), u)
		}
	}
	for _, b := range []float64{0, 0.5, 0.9, 0.99, 0.999, 0.99999} {
		for _, n := range []int{0, 1, 2, 7, 100, 1000, 10000} {
			if got, want := powInt(b, n), math.Pow(b, float64(n)); ulps(got, want) > 16 && math.Abs(got-want) > 1e-300 {
				t.Errorf("powInt(%v, %d) = %v, math.Pow %v", b, n, got, want)
			}
		}
	}
	if got := math.Exp2(1e4 * 0.004 * log2of096); math.Abs(got-math.Pow(0.96, 40)) > 1e-15 {
		t.Errorf("0.96^40 = %v via Exp2, %v via Pow", got, math.Pow(0.96, 40))
	}
}
