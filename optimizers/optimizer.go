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

// The optimizer core computes the same bits natively and in WebAssembly,
// so that a permalink opened in the browser gives exactly the numbers of
// the trace command. Go's math.Exp and math.Log use assembly on amd64 and
// differ in the last bit from their pure-Go versions used by WebAssembly;
// the core uses these portable forms instead.

// powInt returns x^n for n ≥ 0 by binary powering: plain multiplications,
// identical on every platform, and within a few ulps of x^n.
func powInt(x float64, n int) float64 {
	r := 1.0
	for ; n > 0; n >>= 1 {
		if n&1 == 1 {
			r *= x
		}
		x *= x
	}
	return r
}

// exp returns e^x as 2^(x·log2 e) with math.Exp2, which is pure Go on
// every platform. The rounding of x·log2 e makes its relative error about
// |x|·1e-16 (1e-14 at x = −100).
func exp(x float64) float64 { return math.Exp2(x * math.Log2E) }

// log returns the natural logarithm of x > 0 from x = m·2^e, m in [½, 1),
// as log1p(m − 1) + e·ln 2 with math.Log1p, which is pure Go on every
// platform; m − 1 is exact, so the result is within a few ulps.
func log(x float64) float64 {
	m, e := math.Frexp(x)
	return math.Log1p(m-1) + float64(e)*math.Ln2
}
