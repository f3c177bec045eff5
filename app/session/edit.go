package session

// The changes a page makes to the scene: each builds the changed scene,
// reads it back as a link is read (scene.Parse, so that every value is
// clamped and reported the same way), and recomputes what changed.

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// SetLang sets the interface language the link keeps, a Languages entry.
func (s *Session) SetLang(lang string) error {
	if !slices.Contains(Languages, lang) {
		return fmt.Errorf("language %q: want one of %s", lang, strings.Join(Languages, ", "))
	}
	s.view.Lang = lang
	return nil
}

// SetSurface switches to the surface fn, starting from its default start.
func (s *Session) SetSurface(fn string) ([]scene.Notice, error) {
	surf, err := optimizers.NewSurface(fn, s.sc.SurfaceParams())
	if err != nil {
		return nil, err
	}
	return s.change(func(sc *scene.Scene) {
		sc.Fn, sc.X0, sc.Batch = fn, surf.Start, 0
	})
}

// SetFormula switches to the surface typed as formula f, plotted over the
// ranges xr and yr ("lo,hi"), read as a link's f, xr and yr are, from the
// surface's start. A formula or range that a link would not keep as given
// is an error that says why (with the formula's column), and the scene
// stays as it was.
func (s *Session) SetFormula(f, xr, yr string) ([]scene.Notice, error) {
	sc, notices := scene.Decode(url.Values{"fn": {scene.CustomFn}, "f": {f}, "xr": {xr}, "yr": {yr}})
	if len(notices) > 0 { // the scene stays: its Reason says why, without "using …"
		n := notices[0]
		if n.Reason != nil {
			if within := n.Reason.Unwrap(); n.Key == "f" && len(within) == 1 {
				return nil, within[0] // under the formula's field, without the link's "f: "
			}
			return nil, n.Reason
		}
		return nil, errors.New(notices[0].String())
	}
	surf, err := sc.Surface()
	if err != nil {
		return nil, err
	}
	return s.change(func(c *scene.Scene) {
		c.Fn, c.Formula, c.XR, c.YR, c.X0, c.Batch = scene.CustomFn, sc.Formula, sc.XR, sc.YR, surf.Start, 0
	})
}

// SetStart moves the start point (clamped into the domain). A point where
// no run can start, such as the pole of a formula, is refused with the
// core's reason, and the start stays.
func (s *Session) SetStart(p [2]float64) ([]scene.Notice, error) {
	surf := s.figs.surf
	if err := surf.CheckStart(surf.Domain.Clamp(p)); err != nil {
		return nil, err
	}
	return s.change(func(sc *scene.Scene) { sc.X0 = p })
}

// SetStartAt moves the start to a click on the surface figure, given as
// fractions of its width and height from the top-left corner, rounded to
// about a five-hundredth of the domain (a click is not more precise, and
// links stay short). It reports false, changing nothing, for a click
// outside the plotted area.
func (s *Session) SetStartAt(fx, fy float64) (bool, error) {
	p, ok := s.figs.surface.ToData(fx, fy)
	if !ok {
		return false, nil
	}
	d := s.figs.surf.Domain
	p[0] = roundTo(p[0], (d.XMax-d.XMin)/500)
	p[1] = roundTo(p[1], (d.YMax-d.YMin)/500)
	_, err := s.SetStart(p)
	return true, err
}

// roundTo rounds v to a multiple of the power of ten at or below step.
func roundTo(v, step float64) float64 {
	unit := math.Pow(10, math.Floor(math.Log10(step)))
	r, _ := strconv.ParseFloat(strconv.FormatFloat(math.Round(v/unit)*unit, 'f', max(0, int(-math.Log10(unit)+0.5)), 64), 64)
	return r
}

// SetParam sets hyperparameter key of run i.
func (s *Session) SetParam(i int, key string, v float64) ([]scene.Notice, error) {
	if i < 0 || i >= len(s.sc.Runs) {
		return nil, fmt.Errorf("no run %d", i)
	}
	return s.change(func(sc *scene.Scene) {
		sc.Runs[i].Hyper[key] = v
		sc.FitScheds() // a schedule's lrmin follows the learning rate down
	})
}

// SetOptimizers races the named optimizers; those already racing keep
// their settings, new ones start from their defaults.
func (s *Session) SetOptimizers(names []string) ([]scene.Notice, error) {
	return s.change(func(sc *scene.Scene) {
		runs := make([]scene.Run, 0, len(names))
		for _, name := range names {
			i := slices.IndexFunc(sc.Runs, func(r scene.Run) bool { return r.Opt == name })
			if i >= 0 {
				runs = append(runs, sc.Runs[i])
				continue
			}
			spec, ok := optimizers.LookupSpec(name)
			if !ok {
				continue
			}
			runs = append(runs, scene.Run{Opt: name, Hyper: maps.Clone(spec.Defaults)})
		}
		sc.Runs = runs
	})
}

// SetSteps, SetNoise, SetBatch, SetN, SetKappa and SetSeed change the
// scene's other settings.
func (s *Session) SetSteps(n int) ([]scene.Notice, error) {
	return s.change(func(sc *scene.Scene) { sc.SetSteps(n) })
}

// SetNoise sets the standard deviation of the gradient noise.
func (s *Session) SetNoise(std float64) ([]scene.Notice, error) {
	return s.change(func(sc *scene.Scene) { sc.Noise = std })
}

// SetBatch sets linreg's minibatch size; 0 is the full batch.
func (s *Session) SetBatch(n int) ([]scene.Notice, error) {
	return s.change(func(sc *scene.Scene) { sc.Batch = n })
}

// SetN sets linreg's number of data points.
func (s *Session) SetN(n int) ([]scene.Notice, error) {
	return s.change(func(sc *scene.Scene) { sc.N = n })
}

// SetData gives linreg its own data set, the points (x, y), or with nil
// the article's generated data again (n = DefaultSurfaceParams' n). The
// runs restart from the new surface's start.
func (s *Session) SetData(points [][2]float64) ([]scene.Notice, error) {
	n := optimizers.DefaultSurfaceParams().N
	if points != nil {
		n = len(points)
	}
	surf, err := optimizers.NewSurface("linreg", optimizers.SurfaceParams{N: n, Seed: s.sc.Seed, Data: points})
	if err != nil {
		return nil, err
	}
	return s.change(func(sc *scene.Scene) {
		sc.Data, sc.N, sc.X0, sc.Batch = points, n, surf.Start, min(sc.Batch, n)
	})
}

// SetKappa sets the quadratic's κ.
func (s *Session) SetKappa(k float64) ([]scene.Notice, error) {
	return s.change(func(sc *scene.Scene) { sc.Kappa = k })
}

// SetSeed sets the seed of data, minibatches and noise.
func (s *Session) SetSeed(seed uint64) ([]scene.Notice, error) {
	return s.change(func(sc *scene.Scene) { sc.Seed = seed })
}
