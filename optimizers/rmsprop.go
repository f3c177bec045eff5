package optimizers

import "math"

// RMSprop is torch.optim.RMSprop: steps scaled by the root of an exponential
// moving average of squared gradients, optionally centered and with
// momentum.
//
//	g_t ← ∇f(x_{t−1}) + λ·x_{t−1}
//	v_t ← α·v_{t−1} + (1−α)·g_t²
//	ṽ_t ← v_t
//	if centered:
//	    ḡ_t ← α·ḡ_{t−1} + (1−α)·g_t
//	    ṽ_t ← v_t − ḡ_t²
//	if μ > 0:
//	    b_t ← μ·b_{t−1} + g_t/(√ṽ_t + ε)
//	    x_t ← x_{t−1} − γ·b_t
//	else:
//	    x_t ← x_{t−1} − γ·g_t/(√ṽ_t + ε)
//
// with v_0 = ḡ_0 = b_0 = 0. ṽ_t is never negative in exact arithmetic; a
// rounding error that makes it so is clamped to 0 (PyTorch would produce
// NaN there).
// Defaults (DefaultRMSprop, PyTorch's): γ = 0.01, α = 0.99, ε = 1e-8, λ = 0,
// μ = 0, not centered.
// Vars: "v", "gavg" (ḡ, when centered), "b" (when μ > 0), "lr_eff" (the
// per-coordinate scale γ/(√ṽ_t + ε)).
//
// Reference: G. Hinton, Neural Networks for Machine Learning, lecture 6e,
// 2012; A. Graves, "Generating sequences with recurrent neural networks",
// 2013 (the centered form).
type RMSprop struct {
	LR          float64 // γ
	Alpha       float64 // α, smoothing constant
	Eps         float64 // ε, outside the square root
	WeightDecay float64 // λ, L2
	Momentum    float64 // μ
	Centered    bool    // subtract the squared mean gradient
}

var _ Optimizer = RMSprop{}

// DefaultRMSprop returns RMSprop with PyTorch's defaults.
func DefaultRMSprop() RMSprop { return RMSprop{LR: 1e-2, Alpha: 0.99, Eps: 1e-8} }

// Name returns "rmsprop".
func (RMSprop) Name() string { return "rmsprop" }

// Validate reports negative values and α outside [0, 1].
func (o RMSprop) Validate() error {
	return firstError(
		checkNonNegative("rmsprop", "lr", o.LR),
		checkUnitInterval("rmsprop", "alpha", o.Alpha, true),
		checkNonNegative("rmsprop", "eps", o.Eps),
		checkNonNegative("rmsprop", "weight decay", o.WeightDecay),
		checkNonNegative("rmsprop", "momentum", o.Momentum),
	)
}

// Init creates the state of a run over dim parameters.
func (o RMSprop) Init(dim int) State {
	s := &rmspropState{RMSprop: o, v: make([]float64, dim), lrEff: make([]float64, dim)}
	s.vars = []Var{{Name: "v", Value: s.v}}
	if o.Centered {
		s.gavg = make([]float64, dim)
		s.vars = append(s.vars, Var{Name: "gavg", Value: s.gavg})
	}
	if o.Momentum > 0 {
		s.b = make([]float64, dim)
		s.vars = append(s.vars, Var{Name: "b", Value: s.b})
	}
	s.vars = append(s.vars, Var{Name: "lr_eff", Value: s.lrEff})
	return s
}

type rmspropState struct {
	RMSprop
	v, gavg, b, lrEff []float64
	vars              []Var
}

func (s *rmspropState) Step(x, g []float64) {
	for i := range x {
		gi := g[i]
		if s.WeightDecay != 0 {
			gi += s.WeightDecay * x[i]
		}
		s.v[i] = s.Alpha*s.v[i] + (1-s.Alpha)*gi*gi
		vt := s.v[i]
		if s.Centered {
			s.gavg[i] = s.Alpha*s.gavg[i] + (1-s.Alpha)*gi
			vt = math.Max(vt-s.gavg[i]*s.gavg[i], 0)
		}
		denom := math.Sqrt(vt) + s.Eps
		s.lrEff[i] = s.LR / denom
		if s.Momentum > 0 {
			s.b[i] = s.Momentum*s.b[i] + gi/denom
			x[i] -= s.LR * s.b[i]
		} else {
			x[i] -= s.LR * gi / denom
		}
	}
}

func (s *rmspropState) Vars() []Var { return s.vars }
