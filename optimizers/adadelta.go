package optimizers

import "math"

// Adadelta is torch.optim.Adadelta: steps whose units match the parameters,
// the ratio of two running root-mean-squares.
//
//	g_t ← ∇f(x_{t−1}) + λ·x_{t−1}
//	v_t ← ρ·v_{t−1} + (1−ρ)·g_t²
//	Δ_t ← √(u_{t−1} + ε) / √(v_t + ε) · g_t
//	u_t ← ρ·u_{t−1} + (1−ρ)·Δ_t²
//	x_t ← x_{t−1} − γ·Δ_t
//
// with v_0 = u_0 = 0. Here ε sits inside the roots, as in the paper and in
// PyTorch: it is what starts the steps when u is still 0.
// Defaults (DefaultAdadelta, PyTorch's): γ = 1, ρ = 0.9, ε = 1e-6, λ = 0.
// Vars: "v", "u", "delta" (Δ_t).
//
// Reference: M. D. Zeiler, "ADADELTA: an adaptive learning rate method",
// 2012.
type Adadelta struct {
	LR          float64 // γ, a factor on Δ (1 in the paper)
	Rho         float64 // ρ, decay of both averages
	Eps         float64 // ε, inside the roots
	WeightDecay float64 // λ, L2
}

var _ Optimizer = Adadelta{}

// DefaultAdadelta returns Adadelta with PyTorch's defaults.
func DefaultAdadelta() Adadelta { return Adadelta{LR: 1, Rho: 0.9, Eps: 1e-6} }

// Name returns "adadelta".
func (Adadelta) Name() string { return "adadelta" }

// Validate reports negative values and ρ outside [0, 1].
func (o Adadelta) Validate() error {
	return firstError(
		checkNonNegative("adadelta", "lr", o.LR),
		checkUnitInterval("adadelta", "rho", o.Rho, true),
		checkNonNegative("adadelta", "eps", o.Eps),
		checkNonNegative("adadelta", "weight decay", o.WeightDecay),
	)
}

// Init creates the state of a run over dim parameters.
func (o Adadelta) Init(dim int) State {
	s := &adadeltaState{Adadelta: o, v: make([]float64, dim), u: make([]float64, dim), delta: make([]float64, dim)}
	s.vars = []Var{{Name: "v", Value: s.v}, {Name: "u", Value: s.u}, {Name: "delta", Value: s.delta}}
	return s
}

type adadeltaState struct {
	Adadelta
	v, u, delta []float64
	vars        []Var
}

func (s *adadeltaState) Step(x, g []float64) {
	for i := range x {
		gi := g[i]
		if s.WeightDecay != 0 {
			gi += s.WeightDecay * x[i]
		}
		s.v[i] = s.Rho*s.v[i] + (1-s.Rho)*gi*gi
		s.delta[i] = math.Sqrt(s.u[i]+s.Eps) / math.Sqrt(s.v[i]+s.Eps) * gi
		s.u[i] = s.Rho*s.u[i] + (1-s.Rho)*s.delta[i]*s.delta[i]
		x[i] -= s.LR * s.delta[i]
	}
}

func (s *adadeltaState) Vars() []Var { return s.vars }
