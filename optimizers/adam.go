package optimizers

import "math"

// Adam is torch.optim.Adam: momentum on the gradient (m) divided by the root
// of a moving average of its square (v), both bias-corrected.
//
//	g_t ← ∇f(x_{t−1}) + λ·x_{t−1}
//	m_t ← β1·m_{t−1} + (1−β1)·g_t
//	v_t ← β2·v_{t−1} + (1−β2)·g_t²
//	m̂_t ← m_t / (1−β1^t)
//	if amsgrad:
//	    v^max_t ← max(v^max_{t−1}, v_t)
//	    v̂_t ← v^max_t / (1−β2^t)
//	else:
//	    v̂_t ← v_t / (1−β2^t)
//	x_t ← x_{t−1} − γ·m̂_t / (√v̂_t + ε)
//
// with m_0 = v_0 = v^max_0 = 0 and ε outside the square root. With
// BiasCorrection false, m̂_t = m_t and v̂_t = v_t (respectively v^max_t): the
// form without the correction that the paper's section 3 explains, kept for
// teaching why the correction exists. Name is "amsgrad" when AMSGrad is set.
// Defaults (DefaultAdam, PyTorch's): γ = 1e-3, β1 = 0.9, β2 = 0.999,
// ε = 1e-8, λ = 0, no AMSGrad, bias correction on.
// Vars: "m", "v", "vmax" (with AMSGrad), "bc1" (1−β1^t), "bc2" (1−β2^t),
// "mhat", "vhat", "lr_eff" (the per-coordinate scale γ/(√v̂_t + ε)).
//
// References: D. P. Kingma and J. Ba, "Adam: a method for stochastic
// optimization", ICLR 2015; S. J. Reddi, S. Kale and S. Kumar, "On the
// convergence of Adam and beyond", ICLR 2018 (AMSGrad).
type Adam struct {
	LR             float64 // γ
	Beta1, Beta2   float64 // β1, β2
	Eps            float64 // ε, outside the square root
	WeightDecay    float64 // λ, L2 (coupled; see AdamW)
	AMSGrad        bool    // use the running maximum of v
	BiasCorrection bool    // divide by 1−β^t
}

var _ Optimizer = Adam{}

// DefaultAdam returns Adam with PyTorch's defaults.
func DefaultAdam() Adam {
	return Adam{LR: 1e-3, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, BiasCorrection: true}
}

// DefaultAMSGrad returns Adam with AMSGrad and otherwise PyTorch's defaults.
func DefaultAMSGrad() Adam {
	a := DefaultAdam()
	a.AMSGrad = true
	return a
}

// Name returns "amsgrad" or "adam".
func (o Adam) Name() string {
	if o.AMSGrad {
		return "amsgrad"
	}
	return "adam"
}

// Validate reports values outside PyTorch's domains.
func (o Adam) Validate() error { return validateAdam(o.Name(), o) }

// Init creates the state of a run over dim parameters.
func (o Adam) Init(dim int) State { return newAdamState(o, false, dim) }

// AdamW is torch.optim.AdamW: Adam with decoupled weight decay, applied to
// the parameters before the Adam step instead of being added to the
// gradient.
//
//	g_t ← ∇f(x_{t−1})
//	x'_t ← x_{t−1} − γλ·x_{t−1}
//	m_t, v_t, m̂_t, v̂_t as in Adam (with AMSGrad and BiasCorrection likewise)
//	x_t ← x'_t − γ·m̂_t / (√v̂_t + ε)
//
// Defaults (DefaultAdamW, PyTorch's): γ = 1e-3, β1 = 0.9, β2 = 0.999,
// ε = 1e-8, λ = 0.01, no AMSGrad, bias correction on.
// Vars: as Adam's.
//
// Reference: I. Loshchilov and F. Hutter, "Decoupled weight decay
// regularization", ICLR 2019.
type AdamW Adam

var _ Optimizer = AdamW{}

// DefaultAdamW returns AdamW with PyTorch's defaults.
func DefaultAdamW() AdamW {
	a := AdamW(DefaultAdam())
	a.WeightDecay = 1e-2
	return a
}

// Name returns "adamw".
func (AdamW) Name() string { return "adamw" }

// Validate reports values outside PyTorch's domains.
func (o AdamW) Validate() error { return validateAdam("adamw", Adam(o)) }

// Init creates the state of a run over dim parameters.
func (o AdamW) Init(dim int) State { return newAdamState(Adam(o), true, dim) }

func validateAdam(name string, o Adam) error {
	return firstError(
		checkNonNegative(name, "lr", o.LR),
		checkUnitInterval(name, "beta1", o.Beta1, false),
		checkUnitInterval(name, "beta2", o.Beta2, false),
		checkNonNegative(name, "eps", o.Eps),
		checkNonNegative(name, "weight decay", o.WeightDecay),
	)
}

type adamState struct {
	Adam
	decoupled                     bool
	t                             int
	m, v, vmax, mhat, vhat, lrEff []float64
	bc                            [2]float64
	vars                          []Var
}

func newAdamState(o Adam, decoupled bool, dim int) *adamState {
	s := &adamState{Adam: o, decoupled: decoupled}
	buf := func() []float64 { return make([]float64, dim) }
	s.m, s.v, s.mhat, s.vhat, s.lrEff = buf(), buf(), buf(), buf(), buf()
	s.vars = []Var{{Name: "m", Value: s.m}, {Name: "v", Value: s.v}}
	if o.AMSGrad {
		s.vmax = buf()
		s.vars = append(s.vars, Var{Name: "vmax", Value: s.vmax})
	}
	s.vars = append(s.vars,
		Var{Name: "bc1", Value: s.bc[0:1]},
		Var{Name: "bc2", Value: s.bc[1:2]},
		Var{Name: "mhat", Value: s.mhat},
		Var{Name: "vhat", Value: s.vhat},
		Var{Name: "lr_eff", Value: s.lrEff},
	)
	return s
}

func (s *adamState) Step(x, g []float64) {
	s.t++
	s.bc = [2]float64{1, 1}
	if s.BiasCorrection {
		s.bc[0] = 1 - powInt(s.Beta1, s.t)
		s.bc[1] = 1 - powInt(s.Beta2, s.t)
	}
	for i := range x {
		gi := g[i]
		if s.WeightDecay != 0 {
			if s.decoupled {
				x[i] -= s.LR * s.WeightDecay * x[i]
			} else {
				gi += s.WeightDecay * x[i]
			}
		}
		s.m[i] = s.Beta1*s.m[i] + (1-s.Beta1)*gi
		s.v[i] = s.Beta2*s.v[i] + (1-s.Beta2)*gi*gi
		vt := s.v[i]
		if s.AMSGrad {
			s.vmax[i] = math.Max(s.vmax[i], s.v[i])
			vt = s.vmax[i]
		}
		s.mhat[i] = s.m[i] / s.bc[0]
		s.vhat[i] = vt / s.bc[1]
		denom := math.Sqrt(s.vhat[i]) + s.Eps
		s.lrEff[i] = s.LR / denom
		x[i] -= s.LR * s.mhat[i] / denom
	}
}

func (s *adamState) Vars() []Var { return s.vars }
