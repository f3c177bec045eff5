package optimizers

// Lion is the sign-momentum optimizer found by program search (PyTorch has
// none; this follows the paper's Algorithm 2):
//
//	g_t ← ∇f(x_{t−1})
//	c_t ← β1·m_{t−1} + (1−β1)·g_t
//	x_t ← x_{t−1} − γ·(sign(c_t) + λ·x_{t−1})
//	m_t ← β2·m_{t−1} + (1−β2)·g_t
//
// with m_0 = 0 and sign(0) = 0. Weight decay is decoupled, as in AdamW.
// Every coordinate moves by exactly γ (plus decay) whatever the gradient's
// size.
// Defaults (DefaultLion, the paper's): γ = 1e-4, β1 = 0.9, β2 = 0.99, λ = 0.
// Vars: "c" (the interpolation c_t), "m".
//
// Reference: X. Chen et al., "Symbolic discovery of optimization
// algorithms", NeurIPS 2023.
type Lion struct {
	LR           float64 // γ
	Beta1, Beta2 float64 // β1 (for the update), β2 (for the momentum)
	WeightDecay  float64 // λ, decoupled
}

var _ Optimizer = Lion{}

// DefaultLion returns Lion with the paper's defaults.
func DefaultLion() Lion { return Lion{LR: 1e-4, Beta1: 0.9, Beta2: 0.99} }

// Name returns "lion".
func (Lion) Name() string { return "lion" }

// Validate reports negative values and betas outside [0, 1].
func (o Lion) Validate() error {
	return firstError(
		checkNonNegative("lion", "lr", o.LR),
		checkUnitInterval("lion", "beta1", o.Beta1, true),
		checkUnitInterval("lion", "beta2", o.Beta2, true),
		checkNonNegative("lion", "weight decay", o.WeightDecay),
	)
}

// Init creates the state of a run over dim parameters.
func (o Lion) Init(dim int) State {
	s := &lionState{Lion: o, c: make([]float64, dim), m: make([]float64, dim)}
	s.vars = []Var{{Name: "c", Value: s.c}, {Name: "m", Value: s.m}}
	return s
}

type lionState struct {
	Lion
	c, m []float64
	vars []Var
}

func (s *lionState) Step(x, g []float64) {
	for i := range x {
		s.c[i] = s.Beta1*s.m[i] + (1-s.Beta1)*g[i]
		sign := 0.0
		if s.c[i] > 0 {
			sign = 1
		} else if s.c[i] < 0 {
			sign = -1
		}
		x[i] -= s.LR * (sign + s.WeightDecay*x[i])
		s.m[i] = s.Beta2*s.m[i] + (1-s.Beta2)*g[i]
	}
}

func (s *lionState) Vars() []Var { return s.vars }
