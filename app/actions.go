package app

import "github.com/optimplay/optimplay/app/session"

// Actions that controls send to the Playground, with their values.
const (
	actionNumber       = "number"        // numberChange
	actionOptimizers   = "optimizers"    // []string
	actionSurface      = "surface"       // string
	actionSched        = "sched"         // schedChange
	actionSweepPick    = "sweep-pick"    // [2]float64: fractions of the sweep figure
	actionSweepToggled = "sweep-toggled" // bool: the Sweep panel is open
	actionSweepShown   = "sweep-shown"   // sweepShown: to the Sweep panel
	actionStart        = "start"         // [2]float64: a point of the surface
	actionStartAt      = "start-at"      // [2]float64: fractions of the surface figure
	actionPlay         = "play"          // nil: toggles
	actionStep         = "step"          // nil
	actionReset        = "reset"         // nil
	actionSeek         = "seek"          // int: the step to show
	actionMathToggled  = "math-toggled"  // nil: the Math panel was opened or folded
	actionDismiss      = "dismiss"       // nil
	actionExport       = "export"        // string: "json" or "csv"
	actionReload       = "reload"        // nil: onto a new version
	actionLang         = "lang"          // string: a session.Languages entry
	actionLossTable    = "loss-table"    // bool: the loss table is open
	actionFormula      = "formula"       // formulaChange
	actionData         = "data"          // [][2]float64: linreg's points; nil for the article's
	actionDataEdit     = "data-edit"     // [2][2]float64: a press and a release on the data figure
)

// Targets of a numberChange that are not a run's hyperparameter.
const (
	targetScene = -1 // a scene setting, named by Key
	targetStart = -2 // the start point, coordinate Key "x" or "y"
	targetSweep = -3 // the sweep's grid: Key "lo", "hi" or "n"
)

// sweepShown is a finished sweep, with its time from its start to the
// end of its last chunk in milliseconds, the breaks between chunks
// included.
type sweepShown struct {
	Result session.SweepResult
	MS     float64
}

// numberChange is a value entered in a NumberControl or FlagControl.
type numberChange struct {
	Target int // a run index, targetScene or targetStart
	Key    string
	Value  float64
}
