package optimizers

// GD is full-batch gradient descent with optional L2 weight decay:
//
//	g_t ← ∇f(x_{t−1}) + λ·x_{t−1}
//	x_t ← x_{t−1} − γ·g_t
//
// It is torch.optim.SGD with momentum 0. The same rule fed stochastic
// gradients is SGD; the registry always feeds "gd" the exact gradient.
// Defaults (DefaultGD): γ = 1e-3 (PyTorch's), λ = 0.
// Vars: "d", the direction g_t (so that x_t = x_{t−1} − γ·d).
//
// Reference: A. Cauchy, "Méthode générale pour la résolution des systèmes
// d'équations simultanées", 1847.
type GD struct {
	LR          float64 // γ, the learning rate
	WeightDecay float64 // λ, L2 penalty added to the gradient
}

var _ Optimizer = GD{}

// DefaultGD returns GD with PyTorch's defaults.
func DefaultGD() GD { return GD{LR: 1e-3} }

// Name returns "gd".
func (GD) Name() string { return "gd" }

// Validate reports γ < 0 or λ < 0.
func (o GD) Validate() error {
	return firstError(
		checkNonNegative("gd", "lr", o.LR),
		checkNonNegative("gd", "weight decay", o.WeightDecay),
	)
}

// Init creates the state of a run over dim parameters.
func (o GD) Init(dim int) State {
	return SGD{LR: o.LR, WeightDecay: o.WeightDecay}.Init(dim)
}

// SGD is torch.optim.SGD with dampening 0: stochastic gradient descent with
// optional heavy-ball or Nesterov momentum and L2 weight decay.
//
//	g_t ← ∇f(x_{t−1}) + λ·x_{t−1}
//	if μ ≠ 0:
//	    b_t ← g_t                 if t = 1
//	    b_t ← μ·b_{t−1} + g_t     otherwise
//	    d_t ← g_t + μ·b_t         (Nesterov)
//	    d_t ← b_t                 (heavy ball)
//	else:
//	    d_t ← g_t
//	x_t ← x_{t−1} − γ·d_t
//
// Defaults: DefaultSGD (γ = 1e-3, μ = 0), DefaultMomentum (γ = 1e-3,
// μ = 0.9) and DefaultNesterov (the same with Nesterov). Name is
// "nesterov", "momentum" or "sgd" accordingly.
// Vars: "d", and "b" when μ ≠ 0.
//
// References: H. Robbins and S. Monro, "A stochastic approximation method",
// 1951; B. T. Polyak, "Some methods of speeding up the convergence of
// iteration methods", 1964; Y. Nesterov, "A method for solving the convex
// programming problem with convergence rate O(1/k²)", 1983; I. Sutskever et
// al., "On the importance of initialization and momentum in deep learning",
// 2013 (the form PyTorch follows).
type SGD struct {
	LR          float64 // γ, the learning rate
	Momentum    float64 // μ, the momentum factor
	WeightDecay float64 // λ, L2 penalty added to the gradient
	Nesterov    bool    // Nesterov momentum instead of heavy ball
}

var _ Optimizer = SGD{}

// DefaultSGD returns SGD without momentum, with PyTorch's defaults.
func DefaultSGD() SGD { return SGD{LR: 1e-3} }

// DefaultMomentum returns heavy-ball momentum, μ = 0.9.
func DefaultMomentum() SGD { return SGD{LR: 1e-3, Momentum: 0.9} }

// DefaultNesterov returns Nesterov momentum, μ = 0.9.
func DefaultNesterov() SGD { return SGD{LR: 1e-3, Momentum: 0.9, Nesterov: true} }

// Name returns "nesterov", "momentum" or "sgd".
func (o SGD) Name() string {
	switch {
	case o.Nesterov:
		return "nesterov"
	case o.Momentum != 0:
		return "momentum"
	}
	return "sgd"
}

// Validate reports negative values and Nesterov without momentum.
func (o SGD) Validate() error {
	name := o.Name()
	if err := firstError(
		checkNonNegative(name, "lr", o.LR),
		checkNonNegative(name, "momentum", o.Momentum),
		checkNonNegative(name, "weight decay", o.WeightDecay),
	); err != nil {
		return err
	}
	if o.Nesterov && o.Momentum == 0 {
		return errRange(name, "momentum", o.Momentum, "(0, ∞): Nesterov needs momentum")
	}
	return nil
}

// Init creates the state of a run over dim parameters.
func (o SGD) Init(dim int) State {
	s := &sgdState{SGD: o, d: make([]float64, dim)}
	s.vars = []Var{{Name: "d", Value: s.d}}
	if o.Momentum != 0 {
		s.b = make([]float64, dim)
		s.vars = append(s.vars, Var{Name: "b", Value: s.b})
	}
	return s
}

type sgdState struct {
	SGD
	t    int
	d, b []float64
	vars []Var
}

func (s *sgdState) Step(x, g []float64) {
	s.t++
	for i := range x {
		gi := g[i]
		if s.WeightDecay != 0 {
			gi += s.WeightDecay * x[i]
		}
		if s.Momentum != 0 {
			if s.t == 1 {
				s.b[i] = gi
			} else {
				s.b[i] = s.Momentum*s.b[i] + gi
			}
			if s.Nesterov {
				gi += s.Momentum * s.b[i]
			} else {
				gi = s.b[i]
			}
		}
		s.d[i] = gi
		x[i] -= s.LR * gi
	}
}

func (s *sgdState) Vars() []Var { return s.vars }
