package optimizers

import "github.com/optimplay/optimplay/optimizers/reason"

// The kinds of refusal of a data set (CheckDataValue, CheckLinRegData), of
// a start point (Surface.CheckStart) and of a formula's surface
// (NewCustom); their codes name the messages of the page's catalogs.
var (
	errNotFinite = reason.Define("data.not-finite", "%s is not a finite number")
	errBeyond    = reason.Define("data.beyond", "%s is beyond ±%s")
	errUnpaired  = reason.Define("data.unpaired", "%d x values but %d y values")
	errTooFew    = reason.Define("data.too-few", "a line needs at least 2 points, not %d")
	errTooMany   = reason.Define("data.too-many", "%d points, more than the %d allowed")
	errPoint     = reason.Define("data.point", "point %d: %s = %s")
	errSameX     = reason.Define("data.same-x", "every x is %[1]s: every line through (%[1]s, mean y) fits equally well, so there is no unique least-squares line")
	errNarrowX   = reason.Define("data.narrow-x", "x spreads over only %s, less than %s: too little for a unique least-squares line")

	errStart = reason.Define("start.not-finite", "f or ∇f is not finite at (%s, %s)")

	errDomain    = reason.Define("custom.domain", "the plotted domain %v × %v is empty or not finite")
	errNonFinite = reason.Define("custom.not-finite", "f is not finite on %.0f%% of the plotted domain")
	errNoStart   = reason.Define("custom.no-start", "f and ∇f are finite at no point of the plotted grid: no run can start")
)
