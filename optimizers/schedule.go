package optimizers

import (
	"errors"
	"fmt"
	"math"
)

// Schedule gives the learning rate of each update, as PyTorch's
// torch.optim.lr_scheduler does when stepped once per update.
type Schedule interface {
	// LR returns lr_t, the learning rate of update t (t = 0 for the first
	// update) for the base learning rate lr.
	LR(lr float64, t int) float64
	// Validate reports parameters outside the schedule's domain.
	Validate() error
}

// ConstantLR keeps the learning rate: lr_t = lr.
type ConstantLR struct{}

// LR returns lr.
func (ConstantLR) LR(lr float64, _ int) float64 { return lr }

// Validate reports nothing: the constant schedule has no parameters.
func (ConstantLR) Validate() error { return nil }

// StepLR multiplies the learning rate by Gamma every Every updates:
//
//	lr_t = lr · γ^⌊t / every⌋
//
// as torch.optim.lr_scheduler.StepLR(step_size=every, gamma=γ).
type StepLR struct {
	Every int     // updates between decays, ≥ 1
	Gamma float64 // γ, the decay factor, in (0, 1]
}

// LR returns lr·γ^⌊t/every⌋.
func (s StepLR) LR(lr float64, t int) float64 { return lr * powInt(s.Gamma, t/s.Every) }

// Validate reports every < 1 or γ outside (0, 1].
func (s StepLR) Validate() error {
	if s.Every < 1 {
		return fmt.Errorf("step schedule: every = %d is below 1", s.Every)
	}
	return checkGamma("step", s.Gamma)
}

// ExponentialLR multiplies the learning rate by Gamma every update:
//
//	lr_t = lr · γ^t
//
// as torch.optim.lr_scheduler.ExponentialLR(gamma=γ).
type ExponentialLR struct {
	Gamma float64 // γ, the decay factor, in (0, 1]
}

// LR returns lr·γ^t.
func (s ExponentialLR) LR(lr float64, t int) float64 { return lr * powInt(s.Gamma, t) }

// Validate reports γ outside (0, 1].
func (s ExponentialLR) Validate() error { return checkGamma("exp", s.Gamma) }

func checkGamma(sched string, gamma float64) error {
	if !(gamma > 0 && gamma <= 1) {
		return fmt.Errorf("%s schedule: gamma = %v is outside (0, 1]", sched, gamma)
	}
	return nil
}

// CosineLR anneals the learning rate along half a cosine from lr down to
// LRMin over TMax updates:
//
//	lr_t = lrmin + (lr − lrmin)·(1 + cos(π·t/tmax))/2
//
// as torch.optim.lr_scheduler.CosineAnnealingLR(T_max=tmax,
// eta_min=lrmin); past tmax it rises again, as PyTorch's does.
type CosineLR struct {
	TMax  int     // updates from lr down to lrmin, ≥ 1
	LRMin float64 // the learning rate reached at t = tmax, ≥ 0
}

// LR returns lrmin + (lr − lrmin)·(1 + cos(π·t/tmax))/2.
func (s CosineLR) LR(lr float64, t int) float64 {
	return cosineAnneal(lr, s.LRMin, float64(t)/float64(s.TMax))
}

// Validate reports tmax < 1 or a negative or non-finite lrmin.
func (s CosineLR) Validate() error {
	if s.TMax < 1 {
		return fmt.Errorf("cosine schedule: tmax = %d is below 1", s.TMax)
	}
	return checkNonNegative("cosine schedule", "lrmin", s.LRMin)
}

// cosineAnneal returns lrmin + (lr − lrmin)·(1 + cos(π·u))/2.
func cosineAnneal(lr, lrmin, u float64) float64 {
	return lrmin + (lr-lrmin)*(1+math.Cos(math.Pi*u))/2
}

// WarmupCosineLR warms the learning rate up linearly over Warmup updates,
// then anneals it along half a cosine down to LRMin at update Steps:
//
//	lr_t = lr·(t+1)/warmup                                             if t < warmup
//	lr_t = lrmin + (lr − lrmin)·(1 + cos(π·(t − warmup)/(steps − warmup)))/2  otherwise
//
// as torch.optim.lr_scheduler.SequentialLR of LinearLR(start_factor =
// 1/warmup, total_iters = warmup − 1) and CosineAnnealingLR(T_max =
// steps − warmup, eta_min = lrmin) with the milestone warmup.
type WarmupCosineLR struct {
	Warmup int     // updates of the linear warm-up, ≥ 1
	Steps  int     // the run's number of updates, > warmup for the cosine part to start
	LRMin  float64 // the learning rate reached at t = steps, ≥ 0
}

// LR returns the warmed-up, then annealed, learning rate.
func (s WarmupCosineLR) LR(lr float64, t int) float64 {
	if t < s.Warmup || s.Steps <= s.Warmup {
		return lr * float64(min(t+1, s.Warmup)) / float64(s.Warmup)
	}
	return cosineAnneal(lr, s.LRMin, float64(t-s.Warmup)/float64(s.Steps-s.Warmup))
}

// Validate reports warmup < 1, steps < 0 or a negative or non-finite
// lrmin.
func (s WarmupCosineLR) Validate() error {
	if s.Warmup < 1 {
		return fmt.Errorf("warmcos schedule: warmup = %d is below 1", s.Warmup)
	}
	if s.Steps < 0 {
		return fmt.Errorf("warmcos schedule: steps = %d is negative", s.Steps)
	}
	return checkNonNegative("warmcos schedule", "lrmin", s.LRMin)
}

// LearningRater is implemented by every optimizer of this package.
type LearningRater interface {
	// LearningRate returns the optimizer's learning rate γ.
	LearningRate() float64
}

// lrSetter is implemented by the state of every optimizer of this package:
// the state reads its learning rate from the field setLR writes, at every
// Step.
type lrSetter interface{ setLR(lr float64) }

// Scheduled is an optimizer whose learning rate follows a schedule: update
// t uses lr_t = Schedule.LR(γ, t) wherever the optimizer's rule uses γ (for
// AdamW also in the decoupled decay γ_t·λ·x, for Adagrad before its own
// decay, as PyTorch's schedulers do by writing the group's lr).
// Vars: the optimizer's, then "lr", the learning rate lr_t of the latest
// update.
type Scheduled struct {
	Optimizer Optimizer
	Schedule  Schedule
}

var _ Optimizer = Scheduled{}

// Name returns the optimizer's name.
func (o Scheduled) Name() string { return o.Optimizer.Name() }

// LearningRate returns the base learning rate γ.
func (o Scheduled) LearningRate() float64 { return o.Optimizer.(LearningRater).LearningRate() }

// Validate reports an optimizer of another package, or invalid
// hyperparameters or schedule parameters.
func (o Scheduled) Validate() error {
	if o.Optimizer == nil || o.Schedule == nil {
		return errors.New("scheduled: no optimizer or no schedule")
	}
	if _, ok := o.Optimizer.(LearningRater); !ok {
		return fmt.Errorf("scheduled: %s has no learning rate to schedule", o.Optimizer.Name())
	}
	if _, ok := o.Optimizer.Init(0).(lrSetter); !ok {
		return fmt.Errorf("scheduled: the state of %s cannot take a learning rate", o.Optimizer.Name())
	}
	return firstError(o.Optimizer.Validate(), o.Schedule.Validate())
}

// Init creates the state of a run over dim parameters.
func (o Scheduled) Init(dim int) State {
	inner := o.Optimizer.Init(dim)
	s := &scheduledState{inner: inner, set: inner.(lrSetter), sched: o.Schedule, base: o.LearningRate()}
	s.vars = append(append([]Var(nil), inner.Vars()...), Var{Name: "lr", Value: s.lr[:]})
	return s
}

type scheduledState struct {
	inner State
	set   lrSetter
	sched Schedule
	base  float64
	t     int
	lr    [1]float64
	vars  []Var
}

func (s *scheduledState) Step(x, g []float64) {
	s.lr[0] = s.sched.LR(s.base, s.t)
	s.set.setLR(s.lr[0])
	s.inner.Step(x, g)
	s.t++
}

func (s *scheduledState) Vars() []Var { return s.vars }

// The learning rate each state reads at every Step.

func (o *SGD) setLR(lr float64)      { o.LR = lr }
func (o *Adagrad) setLR(lr float64)  { o.LR = lr }
func (o *RMSprop) setLR(lr float64)  { o.LR = lr }
func (o *Adadelta) setLR(lr float64) { o.LR = lr }
func (o *Adam) setLR(lr float64)     { o.LR = lr }
func (o *Adamax) setLR(lr float64)   { o.LR = lr }
func (o *NAdam) setLR(lr float64)    { o.LR = lr }
func (o *Lion) setLR(lr float64)     { o.LR = lr }

// LearningRate returns γ.
func (o Adagrad) LearningRate() float64 { return o.LR }

// LearningRate returns γ.
func (o RMSprop) LearningRate() float64 { return o.LR }

// LearningRate returns γ.
func (o Adadelta) LearningRate() float64 { return o.LR }

// LearningRate returns γ.
func (o Adam) LearningRate() float64 { return o.LR }

// LearningRate returns γ.
func (o AdamW) LearningRate() float64 { return o.LR }

// LearningRate returns γ.
func (o Adamax) LearningRate() float64 { return o.LR }

// LearningRate returns γ.
func (o NAdam) LearningRate() float64 { return o.LR }

// LearningRate returns γ.
func (o Lion) LearningRate() float64 { return o.LR }
