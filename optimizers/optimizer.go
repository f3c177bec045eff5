package optimizers

import (
	"fmt"
	"math"
)

// Optimizer is an immutable update rule. Init creates the state of one run.
type Optimizer interface {
	// Name is the registry name of the rule, such as "adam".
	Name() string
	// Validate reports hyperparameters outside the rule's domain.
	Validate() error
	// Init creates the state of a run over dim parameters.
	Init(dim int) State
}

// State is the per-run state of an optimizer.
type State interface {
	// Step turns the gradient g, evaluated at x, into the next point,
	// writing it over x. It does not keep x or g.
	Step(x, g []float64)
	// Vars exposes the internal buffers after the latest Step, in a fixed
	// order and with fixed lengths for the whole run. The returned slices
	// are views into the state: they change on the next Step and must not
	// be modified.
	Vars() []Var
}

// Var is a named internal buffer of an optimizer state, for display.
// Value has one entry per parameter, or a single entry for a scalar.
type Var struct {
	// Name identifies the buffer: "m", "v", "mhat", "vhat", "lr_eff", …
	// The names are listed in the optimizer's doc comment.
	Name  string
	Value []float64
}

// errRange builds the error of a hyperparameter outside its domain.
func errRange(opt, param string, v float64, domain string) error {
	return fmt.Errorf("%s: %s = %v is outside %s", opt, param, v, domain)
}

// checkNonNegative reports v < 0 or a non-finite v.
func checkNonNegative(opt, param string, v float64) error {
	if !(v >= 0) || math.IsInf(v, 0) {
		return errRange(opt, param, v, "[0, ∞)")
	}
	return nil
}

// checkUnitInterval reports v outside [0, 1), or outside [0, 1] when
// closed is true.
func checkUnitInterval(opt, param string, v float64, closed bool) error {
	if closed {
		if !(v >= 0 && v <= 1) {
			return errRange(opt, param, v, "[0, 1]")
		}
		return nil
	}
	if !(v >= 0 && v < 1) {
		return errRange(opt, param, v, "[0, 1)")
	}
	return nil
}

// firstError returns the first non-nil error.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// pow returns base^t for a step count t ≥ 1 as exp(t·log base), given
// logBase = log(base). It is as accurate as math.Pow here (to a few ulps
// where 1 − base^t is not tiny) and costs one exponential per step instead
// of a square-and-multiply loop. base = 0 gives 0.
func pow(logBase float64, t int) float64 { return math.Exp(float64(t) * logBase) }
