// Package scene is the permalink schema, version 1: it turns URL query
// values into a complete, validated description of a set of runs (a scene)
// and back, in canonical form. Permalinks, embeds and the trace command
// share it, so links in course materials keep working.
//
// # Keys
//
//	fn        surface name (optimizers.SurfaceNames, or "custom"), default "rosenbrock"
//	f         the custom surface's formula in x and y (package expr), such as
//	          "(1-x)^2 + 100*(y-x^2)^2"; one the core refuses or cannot draw
//	          (not finite over much of the domain) gives DefaultFormula, with a
//	          notice that says why, with the column
//	xr yr     the custom surface's plotted ranges "lo,hi", lo < hi, within
//	          ±MaxRange; default DefaultRange
//	kappa     quadratic's κ, [0.01, 100], default 10
//	n         linreg's number of points, [2, 1000], default 100
//	data      linreg's data set "x1,y1,x2,y2,…" instead of generated points:
//	          2 to optimizers.MaxDataPoints pairs, every number finite and
//	          within ±optimizers.MaxDataMagnitude, the x not all equal
//	          (optimizers.CheckLinRegData); n is then its number of points
//	          and may be left out (another n is ignored, with a notice). An
//	          unusable data set is dropped, with a notice, for the generated
//	          data
//	x0        start "x,y", clamped into the surface's domain; default its start
//	opt       optimizer names, comma-separated, at most MaxRuns, default "adam"
//	lr b1 b2 eps mom alpha rho wd iav centered nesterov amsgrad bias
//	          hyperparameters (optimizers.Params gives their ranges), for every
//	          optimizer they apply to; "name.key" (adam.lr=0.05) sets one
//	          optimizer's only, and wins over "key"
//	sched     learning-rate schedule (SchedNames), default "const"; with
//	          gamma every tmax lrmin warmup, its parameters (SchedKeys gives
//	          their ranges, DefaultSched their defaults); like hyperparameters
//	          they apply to every optimizer and "name.key" to one
//	steps     number of steps, [0, MaxSteps], default 100
//	noise     std of Gaussian noise added to gradients, [0, 100], default 0
//	batch     linreg minibatch size, [0, n], 0 or n meaning the full batch
//	seed      seed of data, minibatches and noise, [0, 2³²−1], default 1;
//	          with data it draws the minibatches and noise only
//	lesson    the lesson the scene belongs to, [1, MaxLesson]; absent means none
//	v         schema version; absent means 1
//
// Keys this package does not know are ignored (the user interface adds its
// own). A value that cannot be used is clamped into range or dropped, and a
// Notice says so: decoding never fails.
//
// # Mistakes
//
// With lesson=8 (MistakesLesson, "Common mistakes"), opt may also name the
// WRONG variants of optimizers.Mistakes, to run each next to the correct
// rule it mirrors:
//
//	wrong-sgd-first      SGD stepping with the first sample(s) every time (sgd)
//	wrong-sgd-sum        SGD with the minibatch gradient summed, not averaged (sgd)
//	wrong-adam-nobias    Adam without bias correction (adam)
//	wrong-adam-denom     Adam dividing by √(1−β2^t) instead of √v̂_t (adam)
//	wrong-adam-epsin     Adam with ε inside the square root (adam)
//	wrong-adam-residual  Adam fed the mean residual instead of the gradient (adam)
//
// They take the keys of the rule they mirror (wrong-sgd-*: lr wd;
// wrong-adam-*: lr b1 b2 eps wd), shared with it or prefixed by their name
// (wrong-adam-epsin.eps=0.1). Without lesson=8 they are unknown optimizers,
// left out with a notice; wrong-sgd-first, wrong-sgd-sum and
// wrong-adam-residual need the data set of linreg and are left out, with a
// notice, on other surfaces.
package scene

import (
	"fmt"

	"github.com/optimplay/optimplay/optimizers"
)

// Version is the schema version this package reads and writes.
const Version = 1

// Limits of the scene-level keys.
const (
	MaxRuns   = 8
	MaxSteps  = 10_000
	MinN      = 2
	MaxN      = 1000
	MaxNoise  = 100
	MinKappa  = 0.01
	MaxKappa  = 100
	MaxSeed   = 1<<32 - 1
	DefaultFn = "rosenbrock"
	MaxLesson = 8
	// MistakesLesson is the lesson ("Common mistakes") whose scenes may
	// run the WRONG variants of optimizers.Mistakes.
	MistakesLesson = 8
)

// Run is one optimizer of a scene with every hyperparameter that applies to
// it.
type Run struct {
	Opt   string
	Hyper optimizers.Hyper
	// Sched is the learning-rate schedule; the zero Sched is constant.
	Sched Sched
}

// Scene is a complete description of the runs to show: one surface, one
// start, several optimizers raced with the same gradients.
type Scene struct {
	Fn    string
	Kappa float64 // quadratic only
	N     int     // linreg only; with Data, len(Data)
	// Data is linreg's data set when the link gives one, the points
	// (x, y); nil means N points drawn from Seed.
	Data [][2]float64
	// Formula is the custom surface's f(x, y), canonical (package expr),
	// plotted over XR × YR: fn=custom only.
	Formula string
	XR, YR  [2]float64
	X0      [2]float64
	Runs    []Run
	Steps   int
	Noise   float64
	Batch   int // linreg only; 0 is the full batch
	Seed    uint64
	// Lesson is the lesson the scene belongs to, 1 to MaxLesson, or 0 for
	// none. Only a scene of MistakesLesson may run mistakes.
	Lesson int
}

// Default returns the scene of an empty query.
func Default() Scene {
	s, _ := Decode(nil)
	return s
}

// SurfaceParams returns the surface constants of the scene.
func (s Scene) SurfaceParams() optimizers.SurfaceParams {
	return optimizers.SurfaceParams{Kappa: s.Kappa, N: s.N, Seed: s.Seed, Data: s.Data, Formula: s.Formula, XR: s.XR, YR: s.YR}
}

// Surface builds the scene's surface.
func (s Scene) Surface() (optimizers.Surface, error) {
	return optimizers.NewSurface(s.Fn, s.SurfaceParams())
}

// Configs builds one run configuration per optimizer on surf, which must be
// the scene's surface. Every run sees the same minibatches and noise
// (common random numbers), except rules that are full-batch by definition
// ("gd"), which see the exact gradient.
func (s Scene) Configs(surf optimizers.Surface) ([]optimizers.Config, error) {
	cfgs := make([]optimizers.Config, len(s.Runs))
	for i, r := range s.Runs {
		spec, ok := optimizers.LookupSpec(r.Opt)
		if !ok {
			return nil, fmt.Errorf("unknown optimizer %q", r.Opt)
		}
		opt, err := spec.New(r.Hyper)
		if err != nil {
			return nil, err
		}
		if !r.Sched.Constant() {
			sched, err := r.Sched.Schedule(s.Steps)
			if err != nil {
				return nil, err
			}
			opt = optimizers.Scheduled{Optimizer: opt, Schedule: sched}
		}
		cfgs[i] = optimizers.Config{Surface: surf, Optimizer: opt, Start: s.X0, Steps: s.Steps}
		if !spec.FullBatch {
			cfgs[i].Noise = optimizers.GradientNoise{Batch: s.Batch, Std: s.Noise, Seed: s.Seed}
		}
	}
	return cfgs, nil
}

// Run computes every run of the scene.
func (s Scene) Run() (optimizers.Surface, []*optimizers.Trajectory, error) {
	surf, err := s.Surface()
	if err != nil {
		return surf, nil, err
	}
	cfgs, err := s.Configs(surf)
	if err != nil {
		return surf, nil, err
	}
	trajs := make([]*optimizers.Trajectory, len(cfgs))
	for i, c := range cfgs {
		if trajs[i], err = optimizers.Run(c); err != nil {
			return surf, nil, err
		}
	}
	return surf, trajs, nil
}
