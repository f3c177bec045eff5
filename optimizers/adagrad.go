package optimizers

import "math"

// Adagrad is torch.optim.Adagrad: per-coordinate steps scaled by the root of
// the sum of all squared gradients so far.
//
//	s_0 ← τ (initial accumulator value)
//	g_t ← ∇f(x_{t−1}) + λ·x_{t−1}
//	γ̃_t ← γ / (1 + (t−1)·η)
//	s_t ← s_{t−1} + g_t²
//	x_t ← x_{t−1} − γ̃_t · g_t / (√s_t + ε)
//
// Defaults (DefaultAdagrad, PyTorch's): γ = 0.01, η = 0, λ = 0, τ = 0,
// ε = 1e-10.
// Vars: "sum" (s_t), "lr_eff" (the per-coordinate step γ̃_t/(√s_t + ε)).
//
// Reference: J. Duchi, E. Hazan and Y. Singer, "Adaptive subgradient methods
// for online learning and stochastic optimization", JMLR 2011.
type Adagrad struct {
	LR                      float64 // γ
	LRDecay                 float64 // η
	WeightDecay             float64 // λ, L2
	InitialAccumulatorValue float64 // τ
	Eps                     float64 // ε, outside the square root
}

var _ Optimizer = Adagrad{}

// DefaultAdagrad returns Adagrad with PyTorch's defaults.
func DefaultAdagrad() Adagrad { return Adagrad{LR: 1e-2, Eps: 1e-10} }

// Name returns "adagrad".
func (Adagrad) Name() string { return "adagrad" }

// Validate reports negative values.
func (o Adagrad) Validate() error {
	return firstError(
		checkNonNegative("adagrad", "lr", o.LR),
		checkNonNegative("adagrad", "lr decay", o.LRDecay),
		checkNonNegative("adagrad", "weight decay", o.WeightDecay),
		checkNonNegative("adagrad", "initial accumulator value", o.InitialAccumulatorValue),
		checkNonNegative("adagrad", "eps", o.Eps),
	)
}

// Init creates the state of a run over dim parameters.
func (o Adagrad) Init(dim int) State {
	s := &adagradState{Adagrad: o, sum: make([]float64, dim), lrEff: make([]float64, dim)}
	for i := range s.sum {
		s.sum[i] = o.InitialAccumulatorValue
	}
	s.vars = []Var{{Name: "sum", Value: s.sum}, {Name: "lr_eff", Value: s.lrEff}}
	return s
}

type adagradState struct {
	Adagrad
	t          int
	sum, lrEff []float64
	vars       []Var
}

func (s *adagradState) Step(x, g []float64) {
	s.t++
	lr := s.LR / (1 + float64(s.t-1)*s.LRDecay)
	for i := range x {
		gi := g[i]
		if s.WeightDecay != 0 {
			gi += s.WeightDecay * x[i]
		}
		s.sum[i] += gi * gi
		denom := math.Sqrt(s.sum[i]) + s.Eps
		s.lrEff[i] = lr / denom
		x[i] -= lr * gi / denom
	}
}

func (s *adagradState) Vars() []Var { return s.vars }
