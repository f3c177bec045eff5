package optimizers

import "math"

// NAdam is torch.optim.NAdam: Adam with Nesterov momentum and Dozat's
// momentum-decay schedule μ_t.
//
//	g_t ← ∇f(x_{t−1}) + λ·x_{t−1}
//	μ_t ← β1·(1 − ½·0.96^(t·ψ))
//	μ_{t+1} ← β1·(1 − ½·0.96^((t+1)·ψ))
//	m_t ← β1·m_{t−1} + (1−β1)·g_t
//	v_t ← β2·v_{t−1} + (1−β2)·g_t²
//	m̂_t ← μ_{t+1}·m_t / (1 − ∏_{i=1}^{t+1} μ_i) + (1−μ_t)·g_t / (1 − ∏_{i=1}^{t} μ_i)
//	v̂_t ← v_t / (1−β2^t)
//	x_t ← x_{t−1} − γ·m̂_t / (√v̂_t + ε)
//
// with m_0 = v_0 = 0 and ε outside the square root.
// Defaults (DefaultNAdam, PyTorch's): γ = 2e-3, β1 = 0.9, β2 = 0.999,
// ε = 1e-8, λ = 0, ψ = 4e-3.
// Vars: "m", "v", "mu" (μ_t), "mu_next" (μ_{t+1}), "mu_prod" (∏_{i≤t} μ_i),
// "mhat", "vhat", "lr_eff" (γ/(√v̂_t + ε)).
//
// Reference: T. Dozat, "Incorporating Nesterov momentum into Adam", ICLR
// 2016 workshop.
type NAdam struct {
	LR            float64 // γ
	Beta1, Beta2  float64 // β1, β2
	Eps           float64 // ε, outside the square root
	WeightDecay   float64 // λ, L2
	MomentumDecay float64 // ψ
}

var _ Optimizer = NAdam{}

// DefaultNAdam returns NAdam with PyTorch's defaults.
func DefaultNAdam() NAdam {
	return NAdam{LR: 2e-3, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, MomentumDecay: 4e-3}
}

// Name returns "nadam".
func (NAdam) Name() string { return "nadam" }

// Validate reports values outside PyTorch's domains.
func (o NAdam) Validate() error {
	return firstError(
		validateAdam("nadam", Adam{LR: o.LR, Beta1: o.Beta1, Beta2: o.Beta2, Eps: o.Eps, WeightDecay: o.WeightDecay}),
		checkNonNegative("nadam", "momentum decay", o.MomentumDecay),
	)
}

// Init creates the state of a run over dim parameters.
func (o NAdam) Init(dim int) State {
	s := &nadamState{NAdam: o, muProd: 1}
	buf := func() []float64 { return make([]float64, dim) }
	s.m, s.v, s.mhat, s.vhat, s.lrEff = buf(), buf(), buf(), buf(), buf()
	s.vars = []Var{
		{Name: "m", Value: s.m},
		{Name: "v", Value: s.v},
		{Name: "mu", Value: s.mu[0:1]},
		{Name: "mu_next", Value: s.mu[1:2]},
		{Name: "mu_prod", Value: s.mu[2:3]},
		{Name: "mhat", Value: s.mhat},
		{Name: "vhat", Value: s.vhat},
		{Name: "lr_eff", Value: s.lrEff},
	}
	return s
}

// log2of096 is log2(0.96): 0.96^x is computed as 2^(x·log2 0.96), the
// same on every platform (see powInt).
const log2of096 = -0.058893689053568565

type nadamState struct {
	NAdam
	t                       int
	muProd                  float64
	mu                      [3]float64 // μ_t, μ_{t+1}, ∏_{i≤t} μ_i
	m, v, mhat, vhat, lrEff []float64
	vars                    []Var
}

func (s *nadamState) Step(x, g []float64) {
	s.t++
	t := float64(s.t)
	mu := s.Beta1 * (1 - 0.5*math.Exp2(t*s.MomentumDecay*log2of096))
	muNext := s.Beta1 * (1 - 0.5*math.Exp2((t+1)*s.MomentumDecay*log2of096))
	s.muProd *= mu
	s.mu = [3]float64{mu, muNext, s.muProd}
	bc2 := 1 - powInt(s.Beta2, s.t)
	for i := range x {
		gi := g[i]
		if s.WeightDecay != 0 {
			gi += s.WeightDecay * x[i]
		}
		s.m[i] = s.Beta1*s.m[i] + (1-s.Beta1)*gi
		s.v[i] = s.Beta2*s.v[i] + (1-s.Beta2)*gi*gi
		s.mhat[i] = muNext*s.m[i]/(1-s.muProd*muNext) + (1-mu)*gi/(1-s.muProd)
		s.vhat[i] = s.v[i] / bc2
		denom := math.Sqrt(s.vhat[i]) + s.Eps
		s.lrEff[i] = s.LR / denom
		x[i] -= s.LR * s.mhat[i] / denom
	}
}

func (s *nadamState) Vars() []Var { return s.vars }
