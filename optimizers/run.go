package optimizers

import (
	"errors"
	"fmt"
	"math"
)

// EscapeFactor sets the bound a run must stay within: the surface's domain
// grown by EscapeFactor times its width and height on every side. A point
// beyond it ends the run as diverged (or escaped, on a surface without a
// minimum).
const EscapeFactor = 10

// MaxSteps bounds the steps of one run.
const MaxSteps = 100_000

// Config describes one run.
type Config struct {
	Surface   Surface
	Optimizer Optimizer
	Start     [2]float64
	// Steps is the number of updates, at most MaxSteps.
	Steps int
	// Noise makes the gradients stochastic.
	Noise GradientNoise
}

// StatusCode says how a run stands.
type StatusCode int

// The states of a run.
const (
	// Running: fewer than the configured steps so far.
	Running StatusCode = iota
	// Done: every step taken.
	Done
	// Diverged: stopped because a value became infinite or NaN or the point
	// left the bound.
	Diverged
	// Escaped: stopped because the point left the bound on a surface that
	// is unbounded below, where running off is the right behaviour.
	Escaped
)

// String returns "running", "ok", "diverged" or "escaped".
func (c StatusCode) String() string {
	switch c {
	case Running:
		return "running"
	case Done:
		return "ok"
	case Diverged:
		return "diverged"
	case Escaped:
		return "escaped"
	}
	return fmt.Sprintf("StatusCode(%d)", int(c))
}

// Cause says what stopped a run early.
type Cause int

// The causes of an early stop.
const (
	NoCause Cause = iota
	// NonFinite: the gradient, the point or the loss became ±Inf or NaN.
	NonFinite
	// OutOfBounds: the point left the domain grown by EscapeFactor.
	OutOfBounds
)

// Status is how a run stands, with what explains an early stop.
type Status struct {
	Code StatusCode
	// Step is the step that stopped the run (1-based), or 0.
	Step  int
	Cause Cause
	// Stability, when known: on a surface with constant curvature (Hessian
	// eigenvalues up to LambdaMax) the optimizer is stable exactly for
	// LR < MaxLR, the bound that MaxLRFormula writes out.
	LR, MaxLR, LambdaMax float64
	MaxLRFormula         string
}

// StableLimitKnown reports whether MaxLR was computed.
func (s Status) StableLimitKnown() bool { return s.MaxLRFormula != "" }

// String explains the status in English, such as "diverged at step 12: lr
// 0.6 is above 2/λmax = 0.2 for this surface (λmax = 10)".
func (s Status) String() string {
	switch s.Code {
	case Diverged:
		what := "a value became infinite"
		if s.Cause == OutOfBounds {
			what = "the point left the plotted region far behind"
		}
		if s.StableLimitKnown() && s.LR > s.MaxLR {
			return fmt.Sprintf("diverged at step %d: lr %.4g is above %s = %.4g for this surface (λmax = %.4g)",
				s.Step, s.LR, s.MaxLRFormula, s.MaxLR, s.LambdaMax)
		}
		return fmt.Sprintf("diverged at step %d: %s; try a smaller learning rate", s.Step, what)
	case Escaped:
		return fmt.Sprintf("escaped at step %d: this surface has no minimum, so the path runs off downhill", s.Step)
	}
	return s.Code.String()
}

// StabilityLimiter is implemented by optimizers whose stability on a
// quadratic is known in closed form.
type StabilityLimiter interface {
	// LearningRate returns the optimizer's learning rate.
	LearningRate() float64
	// MaxStableLR returns the learning rate above which the rule diverges
	// with exact gradients on a quadratic whose largest Hessian eigenvalue
	// is lambdaMax > 0, and that bound as a formula.
	MaxStableLR(lambdaMax float64) (lr float64, formula string)
}

// LearningRate returns γ.
func (o GD) LearningRate() float64 { return o.LR }

// LearningRate returns γ.
func (o SGD) LearningRate() float64 { return o.LR }

// MaxStableLR returns 2/(λmax + λ): GD's iteration x ← (1 − γ(h+λ))x is
// stable exactly when |1 − γ(h+λ)| < 1 for every eigenvalue h.
func (o GD) MaxStableLR(lambdaMax float64) (float64, string) {
	return SGD{LR: o.LR, WeightDecay: o.WeightDecay}.MaxStableLR(lambdaMax)
}

// MaxStableLR returns 2/h for plain SGD, 2(1+μ)/h for heavy-ball momentum
// and 2(1+μ)/((1+2μ)h) for Nesterov momentum, with h = λmax + λ. These
// follow from the Jury conditions on the characteristic polynomials
// z² − (1+μ−γh)z + μ and z² − (1+μ)(1−γh)z + μ(1−γh).
func (o SGD) MaxStableLR(lambdaMax float64) (float64, string) {
	h, hs := lambdaMax+o.WeightDecay, "λmax"
	if o.WeightDecay != 0 {
		hs = "(λmax + λ)"
	}
	switch {
	case o.Momentum == 0:
		return 2 / h, "2/" + hs
	case o.Nesterov:
		return 2 * (1 + o.Momentum) / ((1 + 2*o.Momentum) * h), "2(1+μ)/((1+2μ)·" + hs + ")"
	}
	return 2 * (1 + o.Momentum) / h, "2(1+μ)/" + hs
}

// Trajectory is the record of a run: every point, loss, gradient and
// optimizer state, so that any step can be shown again.
type Trajectory struct {
	// Points[0] is the start; Points[t] is the point after step t.
	Points [][2]float64
	// Loss[t] is f(Points[t]).
	Loss []float64
	// Grads[t] is the gradient the optimizer used at Points[t] (for the
	// step to Points[t+1]); TrueGrads[t] is the exact ∇f(Points[t]). They
	// are equal unless the gradients are stochastic or the optimizer is a
	// mistake fed a wrong gradient (Gradient). Grads has one entry less
	// than Points once a step has been taken and not diverged.
	Grads, TrueGrads [][2]float64
	// Gradient is what the optimizer was fed (GradientOf): TrueGradient,
	// or the WRONG stand-in of one of lesson 8's mistakes.
	Gradient Gradient
	// VarNames and VarLens describe the optimizer's Vars, in order.
	VarNames []string
	VarLens  []int
	// Status says whether the run is done or why it stopped.
	Status Status

	vars      []float64 // the Vars after each step, VarStride per step
	varStride int
	batches   []int32 // the minibatch of each step, batchSize per step
	batchSize int
}

// Steps returns the number of steps taken.
func (t *Trajectory) Steps() int { return len(t.Points) - 1 }

// Vars returns the optimizer's Vars after step s (1 ≤ s ≤ Steps()), as views
// into the trajectory.
func (t *Trajectory) Vars(s int) []Var {
	vars := make([]Var, len(t.VarNames))
	off := (s - 1) * t.varStride
	for i, name := range t.VarNames {
		vars[i] = Var{Name: name, Value: t.vars[off : off+t.VarLens[i] : off+t.VarLens[i]]}
		off += t.VarLens[i]
	}
	return vars
}

// Batch returns the sample indices of the minibatch that step s
// (1 ≤ s ≤ Steps()) used, or nil for a full-batch step.
func (t *Trajectory) Batch(s int) []int32 {
	if t.batchSize == 0 {
		return nil
	}
	off := (s - 1) * t.batchSize
	return t.batches[off : off+t.batchSize : off+t.batchSize]
}

// Runner runs an optimizer one step at a time.
type Runner struct {
	cfg         Config
	state       State
	oracle      Oracle
	useOracle   bool // the gradient is not the exact one the record holds
	bound       Box
	x, g, exact []float64
	traj        Trajectory
}

// NewRunner validates the configuration and evaluates the start point.
func NewRunner(cfg Config) (*Runner, error) {
	if cfg.Surface.Objective == nil {
		return nil, errors.New("run: no surface")
	}
	if cfg.Optimizer == nil {
		return nil, errors.New("run: no optimizer")
	}
	if err := cfg.Optimizer.Validate(); err != nil {
		return nil, err
	}
	if cfg.Steps < 0 || cfg.Steps > MaxSteps {
		return nil, fmt.Errorf("run: steps = %d is outside [0, %d]", cfg.Steps, MaxSteps)
	}
	if !finite(cfg.Start[0]) || !finite(cfg.Start[1]) {
		return nil, fmt.Errorf("run: start %v is not finite", cfg.Start)
	}
	if err := cfg.Surface.CheckStart(cfg.Start); err != nil {
		return nil, err
	}
	grad := GradientOf(cfg.Optimizer)
	oracle, err := NewOracleOf(cfg.Surface.Objective, cfg.Noise, grad)
	if err != nil {
		return nil, err
	}
	r := &Runner{
		cfg:       cfg,
		state:     cfg.Optimizer.Init(2),
		oracle:    oracle,
		useOracle: cfg.Noise.Stochastic() || grad != TrueGradient,
		bound:     cfg.Surface.Domain.Expand(EscapeFactor),
		x:         []float64{cfg.Start[0], cfg.Start[1]},
		g:         make([]float64, 2),
		exact:     make([]float64, 2),
	}
	for _, v := range r.state.Vars() {
		r.traj.VarNames = append(r.traj.VarNames, v.Name)
		r.traj.VarLens = append(r.traj.VarLens, len(v.Value))
		r.traj.varStride += len(v.Value)
	}
	r.traj.Gradient = grad
	if cfg.Noise.Batch > 0 {
		if d, ok := cfg.Surface.Objective.(Dataset); ok && cfg.Noise.Batch < d.Len() {
			r.traj.batchSize = cfg.Noise.Batch
		}
	}
	if grad == FirstSamples {
		r.traj.batchSize = firstSamplesSize(cfg.Surface.Objective.(Dataset), cfg.Noise)
	}
	r.traj.Points = make([][2]float64, 0, cfg.Steps+1)
	r.traj.Loss = make([]float64, 0, cfg.Steps+1)
	r.traj.TrueGrads = make([][2]float64, 0, cfg.Steps+1)
	r.traj.Grads = make([][2]float64, 0, cfg.Steps)
	r.traj.vars = make([]float64, 0, cfg.Steps*r.traj.varStride)
	r.traj.batches = make([]int32, 0, cfg.Steps*r.traj.batchSize)
	r.record() // finite: CheckStart said so
	if cfg.Steps == 0 {
		r.traj.Status.Code = Done
	}
	return r, nil
}

// record appends the current point with its loss and exact gradient, and
// reports whether they are finite.
func (r *Runner) record() bool {
	f := r.cfg.Surface.Func(r.x)
	r.cfg.Surface.Grad(r.exact, r.x)
	if !finite(f) || !finite(r.exact[0]) || !finite(r.exact[1]) {
		return false
	}
	r.traj.Points = append(r.traj.Points, [2]float64{r.x[0], r.x[1]})
	r.traj.Loss = append(r.traj.Loss, f)
	r.traj.TrueGrads = append(r.traj.TrueGrads, [2]float64{r.exact[0], r.exact[1]})
	return true
}

// Step takes one step and reports whether the run goes on: false once every
// step is taken or the run has stopped.
func (r *Runner) Step() bool {
	if r.traj.Status.Code != Running {
		return false
	}
	step := len(r.traj.Points)
	if r.useOracle {
		r.oracle.Grad(r.g, r.x)
	} else {
		copy(r.g, r.exact)
	}
	if !finite(r.g[0]) || !finite(r.g[1]) {
		r.stop(step, NonFinite)
		return false
	}
	r.traj.Grads = append(r.traj.Grads, [2]float64{r.g[0], r.g[1]})
	r.state.Step(r.x, r.g)
	for _, v := range r.state.Vars() {
		r.traj.vars = append(r.traj.vars, v.Value...)
	}
	if r.traj.batchSize > 0 {
		for _, i := range r.oracle.Batch() {
			r.traj.batches = append(r.traj.batches, int32(i))
		}
	}
	if !finite(r.x[0]) || !finite(r.x[1]) || !r.record() {
		r.stop(step, NonFinite)
		return false
	}
	if !r.bound.Contains([2]float64{r.x[0], r.x[1]}) {
		r.stop(step, OutOfBounds)
		return false
	}
	if step == r.cfg.Steps {
		r.traj.Status.Code = Done
		return false
	}
	return true
}

// stop ends the run at step with cause. A step whose point is not finite
// leaves no point, so Points ends at the last finite one; the gradient and
// the state of that step are kept for display.
func (r *Runner) stop(step int, cause Cause) {
	st := Status{Code: Diverged, Step: step, Cause: cause}
	surf := r.cfg.Surface
	if cause == OutOfBounds && surf.UnboundedBelow {
		st.Code = Escaped
	}
	if lim, ok := stabilityLimiter(r.cfg.Optimizer); ok && surf.Curvature != nil && surf.Curvature.Max > 0 {
		st.LambdaMax = surf.Curvature.Max
		st.MaxLR, st.MaxLRFormula = lim.MaxStableLR(surf.Curvature.Max)
		st.LR = lim.LearningRate()
	}
	r.traj.Status = st
}

// stabilityLimiter returns o's stability limit, that of its rule when o
// follows a schedule: every schedule's lr_t peaks at the base learning
// rate, which the limit is compared with.
func stabilityLimiter(o Optimizer) (StabilityLimiter, bool) {
	if s, ok := o.(Scheduled); ok {
		o = s.Optimizer
	}
	lim, ok := o.(StabilityLimiter)
	return lim, ok
}

// Trajectory returns the record so far. It changes as the runner steps.
func (r *Runner) Trajectory() *Trajectory { return &r.traj }

// Run takes every step of the configuration at once.
func Run(cfg Config) (*Trajectory, error) {
	r, err := NewRunner(cfg)
	if err != nil {
		return nil, err
	}
	for r.Step() {
	}
	return r.Trajectory(), nil
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
