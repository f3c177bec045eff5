package session

import (
	"fmt"

	"github.com/optimplay/optimplay/app/plots"
	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// SetSched gives run i the learning-rate schedule name, with its defaults
// for the scene's steps.
func (s *Session) SetSched(i int, name string) ([]scene.Notice, error) {
	if i < 0 || i >= len(s.sc.Runs) {
		return nil, fmt.Errorf("no run %d", i)
	}
	return s.change(func(sc *scene.Scene) {
		sc.Runs[i].Sched = scene.DefaultSched(name, sc.Steps)
		sc.FitScheds()
	})
}

// SetSchedParam sets the parameter key (scene.SchedKeys) of run i's
// schedule.
func (s *Session) SetSchedParam(i int, key string, v float64) ([]scene.Notice, error) {
	if i < 0 || i >= len(s.sc.Runs) {
		return nil, fmt.Errorf("no run %d", i)
	}
	return s.change(func(sc *scene.Scene) { sc.Runs[i].Sched.Set(key, v) })
}

// lrPlot is a run's learning-rate schedule figure, drawn for key.
type lrPlot struct {
	key string
	fig *plots.LRFigure
	src string    // the figure as an image source
	lrs []float64 // lrs[t] is update t's learning rate
}

// lrPlots makes the schedule figures of sc's runs, keeping those of prev
// that still hold; nil for a run whose learning rate is constant.
func lrPlots(sc scene.Scene, prev []*lrPlot) ([]*lrPlot, error) {
	out := make([]*lrPlot, len(sc.Runs))
	for i, r := range sc.Runs {
		if r.Sched.Constant() {
			continue
		}
		key := fmt.Sprint(r.Sched, r.Hyper["lr"], sc.Steps, i)
		if i < len(prev) && prev[i] != nil && prev[i].key == key {
			out[i] = prev[i]
			continue
		}
		sched, err := r.Sched.Schedule(sc.Steps)
		if err != nil {
			return nil, err
		}
		lrs := make([]float64, max(sc.Steps, 1))
		for t := range lrs {
			lrs[t] = sched.LR(r.Hyper["lr"], t)
		}
		fig, err := plots.NewLRFigure(lrs, plots.RunColor(i))
		if err != nil {
			return nil, err
		}
		out[i] = &lrPlot{key: key, fig: fig, src: dataURL(fig.Background()), lrs: lrs}
	}
	return out, nil
}

// LRPlot returns the image source of run i's learning-rate schedule
// figure, and false when its learning rate is constant.
func (s *Session) LRPlot(i int) (string, bool) {
	if i < 0 || i >= len(s.lrPlots) || s.lrPlots[i] == nil {
		return "", false
	}
	return s.lrPlots[i].src, true
}

// LRMark is where a run's schedule figure marks the update shown: as
// fractions of the figure from its top-left corner, with that update's
// learning rate.
type LRMark struct {
	Run    int
	T      int
	LR     float64
	FX, FY float64
}

// lrMarks returns the marks of the schedule figures at shown step k: the
// update that led to it (t = k − 1), or the first before any.
func (s *Session) lrMarks(k int) []LRMark {
	var marks []LRMark
	for i, p := range s.lrPlots {
		if p == nil {
			continue
		}
		t := min(max(k-1, 0), len(p.lrs)-1)
		fx, fy := p.fig.Fraction(float64(t), p.lrs[t])
		marks = append(marks, LRMark{Run: i, T: t, LR: p.lrs[t], FX: fx, FY: fy})
	}
	return marks
}

// CriticalLR returns run i's critical learning rate on the surface, above
// which it diverges with exact gradients: from the surface's constant
// Hessian, or estimated at the start. ok is false for rules whose
// stability has no closed form.
func (s *Session) CriticalLR(i int) (optimizers.CriticalLR, bool) {
	if i < 0 || i >= len(s.sc.Runs) {
		return optimizers.CriticalLR{}, false
	}
	spec, _ := optimizers.LookupSpec(s.sc.Runs[i].Opt)
	o, err := spec.New(s.sc.Runs[i].Hyper)
	if err != nil {
		return optimizers.CriticalLR{}, false
	}
	return optimizers.StableLimit(o, s.figs.surf, s.sc.X0)
}
