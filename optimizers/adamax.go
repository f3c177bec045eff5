package optimizers

import "math"

// Adamax is torch.optim.Adamax: Adam with the infinity norm in place of the
// root mean square.
//
//	g_t ← ∇f(x_{t−1}) + λ·x_{t−1}
//	m_t ← β1·m_{t−1} + (1−β1)·g_t
//	u_t ← max(β2·u_{t−1}, |g_t| + ε)
//	x_t ← x_{t−1} − γ·m_t / ((1−β1^t)·u_t)
//
// with m_0 = u_0 = 0.
// Defaults (DefaultAdamax, PyTorch's): γ = 2e-3, β1 = 0.9, β2 = 0.999,
// ε = 1e-8, λ = 0.
// Vars: "m", "u", "bc1" (1−β1^t), "lr_eff" (γ/((1−β1^t)·u_t)).
//
// Reference: D. P. Kingma and J. Ba, "Adam: a method for stochastic
// optimization", ICLR 2015, section 7.
type Adamax struct {
	LR           float64 // γ
	Beta1, Beta2 float64 // β1, β2
	Eps          float64 // ε
	WeightDecay  float64 // λ, L2
}

var _ Optimizer = Adamax{}

// DefaultAdamax returns Adamax with PyTorch's defaults.
func DefaultAdamax() Adamax { return Adamax{LR: 2e-3, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8} }

// Name returns "adamax".
func (Adamax) Name() string { return "adamax" }

// Validate reports values outside PyTorch's domains.
func (o Adamax) Validate() error {
	return validateAdam("adamax", Adam{LR: o.LR, Beta1: o.Beta1, Beta2: o.Beta2, Eps: o.Eps, WeightDecay: o.WeightDecay})
}

// Init creates the state of a run over dim parameters.
func (o Adamax) Init(dim int) State {
	s := &adamaxState{Adamax: o, m: make([]float64, dim), u: make([]float64, dim), lrEff: make([]float64, dim)}
	s.vars = []Var{{Name: "m", Value: s.m}, {Name: "u", Value: s.u}, {Name: "bc1", Value: s.bc1[:]}, {Name: "lr_eff", Value: s.lrEff}}
	return s
}

type adamaxState struct {
	Adamax
	t           int
	m, u, lrEff []float64
	bc1         [1]float64
	vars        []Var
}

func (s *adamaxState) Step(x, g []float64) {
	s.t++
	s.bc1[0] = 1 - powInt(s.Beta1, s.t)
	for i := range x {
		gi := g[i]
		if s.WeightDecay != 0 {
			gi += s.WeightDecay * x[i]
		}
		s.m[i] = s.Beta1*s.m[i] + (1-s.Beta1)*gi
		s.u[i] = math.Max(s.Beta2*s.u[i], math.Abs(gi)+s.Eps)
		s.lrEff[i] = s.LR / (s.bc1[0] * s.u[i])
		x[i] -= s.LR * s.m[i] / (s.bc1[0] * s.u[i])
	}
}

func (s *adamaxState) Vars() []Var { return s.vars }
