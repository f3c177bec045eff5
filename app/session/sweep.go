package session

import (
	"maps"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/optimplay/optimplay/app/plots"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// SweepRange is the grid of a learning-rate sweep: N learning rates
// spaced evenly in log scale from Lo to Hi.
type SweepRange struct {
	Lo, Hi float64
	N      int
}

// DefaultSweepRange is 40 learning rates from 1e-4 to 10.
var DefaultSweepRange = SweepRange{Lo: 1e-4, Hi: 10, N: 40}

// sweepJob is a sweep of the scene whose key it holds, under way or done.
type sweepJob struct {
	key     string
	w       *scene.Sweeper
	elapsed time.Duration // computing time so far
	fig     *plots.SweepFigure
	src     string // the figure's background, its axes, as an image source
	curves  []byte // the figure's curves, an overlay
}

// SetSweepRange sets the sweep's grid; a range scene.SweepGrid refuses is
// an error and leaves the grid as it was.
func (s *Session) SetSweepRange(r SweepRange) error {
	if _, err := scene.SweepGrid(r.Lo, r.Hi, r.N); err != nil {
		return err
	}
	s.sweepRange = r
	return nil
}

// SweepRange returns the sweep's grid.
func (s *Session) SweepRange() SweepRange { return s.sweepRange }

// sweepKey names what a sweep depends on: the scene without the runs'
// learning rates (the sweep sets them), and the grid.
func (s *Session) sweepKey() string {
	sc := s.sc
	sc.Runs = slices.Clone(sc.Runs)
	for i := range sc.Runs {
		sc.Runs[i].Hyper = maps.Clone(sc.Runs[i].Hyper)
		sc.Runs[i].Hyper["lr"] = 1
	}
	r := s.sweepRange
	return scene.Encode(sc) + "|" + strconv.FormatFloat(r.Lo, 'g', -1, 64) + "," +
		strconv.FormatFloat(r.Hi, 'g', -1, 64) + "," + strconv.Itoa(r.N)
}

// SweepWork computes the learning-rate sweep of the scene for about
// budget, or once every run is computed draws a part of its figure, and
// reports whether it is done. A sweep of another scene or grid is dropped
// and started again; a done one costs nothing.
func (s *Session) SweepWork(budget time.Duration) (done bool, err error) {
	key := s.sweepKey()
	if s.sweep == nil || s.sweep.key != key {
		grid, err := scene.SweepGrid(s.sweepRange.Lo, s.sweepRange.Hi, s.sweepRange.N)
		if err != nil {
			return false, err
		}
		s.sweep = &sweepJob{key: key, w: scene.NewSweeper(s.sc, s.figs.surf, grid)}
	}
	j := s.sweep
	start := time.Now()
	defer func() { j.elapsed += time.Since(start) }()
	switch {
	case j.w.Done() < j.w.Total():
		// The runs, then the figure's axes, then its curves, each in a
		// call of its own.
		for time.Since(start) < budget {
			more, err := j.w.Next()
			if err != nil {
				s.sweep = nil
				return false, err
			}
			if !more {
				break
			}
		}
		return false, nil
	case j.fig == nil:
		fStar, hasMin := globalMin(s.figs.surf)
		fig, err := plots.NewSweepFigure(s.sweepCurves(), f0(s), fStar, hasMin)
		if err != nil {
			s.sweep = nil
			return false, err
		}
		j.fig, j.src = fig, dataURL(fig.Background())
		return false, nil
	case j.curves == nil:
		if j.curves, err = j.fig.Curves(); err != nil {
			s.sweep = nil
			return false, err
		}
	}
	return true, nil
}

// f0 is the loss at the start.
func f0(s *Session) float64 { return s.figs.surf.Func([]float64{s.sc.X0[0], s.sc.X0[1]}) }

// sweepCurves are the sweep's runs as the figure draws them.
func (s *Session) sweepCurves() []plots.SweepCurve {
	runs := s.sweep.w.Runs()
	curves := make([]plots.SweepCurve, len(runs))
	for i, r := range runs {
		curves[i] = plots.SweepCurve{Run: r, Color: plots.RunColor(i)}
	}
	return curves
}

// SweepProgress returns the runs of the sweep computed and in all, and
// the computing time so far; total is 0 before any sweep.
func (s *Session) SweepProgress() (done, total int, elapsed time.Duration) {
	if s.sweep == nil || s.sweep.key != s.sweepKey() {
		return 0, 0, 0
	}
	return s.sweep.w.Done(), s.sweep.w.Total(), s.sweep.elapsed
}

// SweepResult is a finished sweep of the current scene: the figure's
// background (its axes) as an image source, its overlays (the curves, and
// each run's current learning rate), and each optimizer's runs.
type SweepResult struct {
	Src             string
	Curves, Current []byte
	Runs            []scene.SweepRun
}

// Sweep returns the finished sweep of the current scene, and false while
// there is none.
func (s *Session) Sweep() (SweepResult, bool) {
	if s.sweep == nil || s.sweep.curves == nil || s.sweep.key != s.sweepKey() {
		return SweepResult{}, false
	}
	return SweepResult{Src: s.sweep.src, Curves: s.sweep.curves, Current: s.sweep.fig.Current(s.learningRates()),
		Runs: s.sweep.w.Runs()}, true
}

// learningRates returns the runs' learning rates, which the sweep figure
// marks.
func (s *Session) learningRates() []float64 {
	lrs := make([]float64, len(s.sc.Runs))
	for i, r := range s.sc.Runs {
		lrs[i] = r.Hyper["lr"]
	}
	return lrs
}

// SweepPick gives the learning rate at a click on the sweep figure, at
// fractions (fx, fy) of its size, to the optimizer whose curve passes
// nearest the click there. It reports the run and the learning rate,
// rounded to three significant digits; ok is false outside the plot or
// without a finished sweep.
func (s *Session) SweepPick(fx, fy float64) (run int, lr float64, ok bool) {
	res, done := s.Sweep()
	if !done {
		return 0, 0, false
	}
	run, lr, ok = s.sweep.fig.Pick(fx, fy)
	if !ok || run >= len(res.Runs) {
		return 0, 0, false
	}
	lr, _ = strconv.ParseFloat(strconv.FormatFloat(lr, 'g', 3, 64), 64)
	return run, math.Max(lr, 0), true
}
