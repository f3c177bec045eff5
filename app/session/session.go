// Package session is the state of one playground page, apart from the
// browser: the scene (what to run), the computed runs, the step shown and
// the figures. The user interface changes it through methods and draws the
// frames it returns; every number comes from the optimizer core, every
// figure from package plots.
package session

import (
	"encoding/base64"
	"errors"
	"fmt"
	"maps"
	"math"
	"net/url"
	"reflect"
	"slices"

	"github.com/optimplay/optimplay/app/plots"
	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// Speed limits of the animation, in steps per second.
const (
	MinSpeed     = 1
	MaxSpeed     = 500
	DefaultSpeed = 30
)

// Session is one page's playground.
type Session struct {
	sc    scene.Scene
	surf  optimizers.Surface
	trajs []*optimizers.Trajectory
	opts  []optimizers.Optimizer // the runs' update rules
	cur   float64                // the step shown; fractional while playing
	speed float64                // steps per second
	view  View                   // the view keys of the link; Step and Speed are cur and speed

	surfaceKey string          // what figs were made for
	figs       *surfaceFigures // the surface and its figures
	lossFig    *plots.LossFigure
	lossBG     string

	// curves[i] is run i's loss curve, the points (step, loss).
	curves [][][2]float64
	// gens[i] names the computation of run i's trajectory, in its place
	// and colour, and axes the loss figure's axes: trails drawn for
	// others are drawn again. Both come from gen, which counts them.
	gens []int
	axes int
	gen  int

	typesets []typeset // the runs' updates last typeset (Equations)
	lrPlots  []*lrPlot // the runs' schedule figures; nil for a constant rate

	sweepRange SweepRange
	sweep      *sweepJob // the latest learning-rate sweep
}

// ErrLocked is the error of a change to a locked session (lock=1).
var ErrLocked = errors.New("the settings of this page are locked")

// New starts a session from a permalink query: the scene, and the view
// (step shown, speed, embed options). The notices say what of the query
// could not be used as given.
func New(query string) (*Session, []scene.Notice, error) {
	sc, notices := scene.Parse(query)
	q, _ := url.ParseQuery(query) // scene.Parse reported a malformed query
	view, more := DecodeView(q)
	notices = append(notices, more...)
	s := &Session{speed: view.Speed, view: view, sweepRange: DefaultSweepRange}
	if err := s.apply(sc); err != nil {
		return nil, notices, err
	}
	s.Seek(view.Step)
	return s, notices, nil
}

// apply makes sc the scene, recomputing the runs and whatever figures it
// changes. A run whose optimizer and hyperparameters are unchanged, on an
// unchanged surface, start, number of steps, noise and batch, keeps its
// trajectory: moving one optimizer's slider recomputes that optimizer
// only. The step shown is kept.
func (s *Session) apply(sc scene.Scene) error {
	key := surfaceKey(sc)
	figs := s.figs
	if key != s.surfaceKey {
		var err error
		if figs, err = surfaces.get(key, func() (*surfaceFigures, error) { return newSurfaceFigures(sc) }); err != nil {
			return err
		}
	}
	cfgs, err := sc.Configs(figs.surf)
	if err != nil {
		return err
	}
	trajs := make([]*optimizers.Trajectory, len(cfgs))
	opts := make([]optimizers.Optimizer, len(cfgs))
	curves := make([][][2]float64, len(cfgs))
	gens := make([]int, len(cfgs))
	losses := make([][]float64, len(cfgs))
	same := key == s.surfaceKey && sameGround(s.sc, sc)
	gen := s.gen
	for i, c := range cfgs {
		switch j := s.computed(sc.Runs[i], i); {
		case same && j == i:
			trajs[i], curves[i], gens[i] = s.trajs[j], s.curves[j], s.gens[j]
		case same && j >= 0:
			gen++ // the same run in another place: drawn again in its new colour
			trajs[i], curves[i], gens[i] = s.trajs[j], s.curves[j], gen
		default:
			if trajs[i], err = optimizers.Run(c); err != nil {
				return err
			}
			curves[i] = lossCurve(trajs[i].Loss)
			gen++
			gens[i] = gen
		}
		losses[i], opts[i] = trajs[i].Loss, c.Optimizer
	}
	schedFigs, err := lrPlots(sc, s.lrPlots)
	if err != nil {
		return err
	}
	fStar, hasMin := globalMin(figs.surf)
	lossFig, lossBG, axes := s.lossFig, s.lossBG, s.axes
	if a := plots.NewLossAxes(losses, sc.Steps, fStar, hasMin); lossFig == nil || a != lossFig.LossAxes {
		f, err := lossFigures.get(fmt.Sprint(a), func() (*lossFigure, error) {
			fig, err := plots.NewLossFigure(a)
			if err != nil {
				return nil, err
			}
			return &lossFigure{fig, dataURL(fig.Background())}, nil
		})
		if err != nil {
			return err
		}
		gen++
		lossFig, lossBG, axes = f.fig, f.bg, gen
	}
	// Nothing failed: the new scene replaces the old at once.
	s.sc, s.figs, s.surfaceKey = sc, figs, key
	s.trajs, s.opts, s.curves, s.gens, s.gen = trajs, opts, curves, gens, gen
	s.lossFig, s.lossBG, s.axes = lossFig, lossBG, axes
	s.lrPlots = schedFigs
	s.cur = math.Min(s.cur, float64(s.End()))
	return nil
}

// computed returns the index of a run of the current scene with r's
// optimizer, hyperparameters and schedule, preferring index i, or -1.
func (s *Session) computed(r scene.Run, i int) int {
	same := func(j int) bool {
		return j < len(s.sc.Runs) && j < len(s.trajs) && s.sc.Runs[j].Opt == r.Opt && maps.Equal(s.sc.Runs[j].Hyper, r.Hyper) &&
			s.sc.Runs[j].Sched == r.Sched
	}
	if same(i) {
		return i
	}
	for j := range s.sc.Runs {
		if same(j) {
			return j
		}
	}
	return -1
}

// sameGround reports whether a and b agree on everything but their
// optimizers: the runs of one then hold for the other.
func sameGround(a, b scene.Scene) bool {
	a.Runs, b.Runs = nil, nil
	return reflect.DeepEqual(a, b)
}

// globalMin returns the value of the global minimum, when there is one.
func globalMin(surf optimizers.Surface) (float64, bool) {
	for _, l := range surf.Landmarks {
		if l.Kind == optimizers.GlobalMin {
			return l.F, true
		}
	}
	return 0, false
}

// dataURL makes an SVG usable as an image source.
func dataURL(svg []byte) string {
	return "data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString(svg)
}

// change applies a modified copy of the scene after passing it through the
// permalink codec, so that the session's scene is always canonical and in
// range; the notices say what was clamped.
func (s *Session) change(edit func(sc *scene.Scene)) ([]scene.Notice, error) {
	if s.view.Lock {
		return nil, ErrLocked
	}
	sc := s.sc
	sc.Runs = slices.Clone(sc.Runs)
	for i := range sc.Runs {
		sc.Runs[i].Hyper = maps.Clone(sc.Runs[i].Hyper)
	}
	edit(&sc)
	canon, notices := scene.Parse(scene.Encode(sc))
	return notices, s.apply(canon)
}

// Scene returns the scene. Its runs must not be modified.
func (s *Session) Scene() scene.Scene { return s.sc }

// Query returns the page as a canonical permalink query: the scene, then
// the view keys that differ from their defaults.
func (s *Session) Query() string { return joinQuery(scene.Encode(s.sc), s.View().Encode()) }

// View returns the view, with the step shown and the speed.
func (s *Session) View() View {
	v := s.view
	v.Step, v.Speed = s.Shown(), s.speed
	return v
}

// Locked reports whether the settings are locked (lock=1).
func (s *Session) Locked() bool { return s.view.Lock }

// FullQuery is the query of the same scene at the same step in the full,
// unlocked page: where an embed's "open" link goes.
func (s *Session) FullQuery() string {
	v := View{Step: s.Shown(), Speed: s.speed, Lang: s.view.Lang}
	return joinQuery(scene.Encode(s.sc), v.Encode())
}

func joinQuery(a, b string) string {
	if b == "" {
		return a
	}
	return a + "&" + b
}

// Surface returns the surface.
func (s *Session) Surface() optimizers.Surface { return s.figs.surf }

// Trace records every point and loss of the runs, as the trace command
// prints them.
func (s *Session) Trace() scene.Trace { return scene.NewTrace(s.sc, s.figs.surf, s.trajs) }

// Trajectories returns the runs, in the order of the scene's optimizers.
func (s *Session) Trajectories() []*optimizers.Trajectory { return s.trajs }

// Speed returns the animation speed in steps per second.
func (s *Session) Speed() float64 { return s.speed }

// SetSpeed sets the animation speed, clamped to [MinSpeed, MaxSpeed].
func (s *Session) SetSpeed(v float64) {
	if math.IsNaN(v) {
		return
	}
	s.speed = math.Min(math.Max(v, MinSpeed), MaxSpeed)
}

// Shown returns the step shown.
func (s *Session) Shown() int { return int(s.cur) }

// End returns the last step there is to show: the longest run's.
func (s *Session) End() int {
	end := 0
	for _, t := range s.trajs {
		end = max(end, t.Steps())
	}
	return end
}

// Advance moves the shown step forward by the speed times dt seconds and
// reports whether there is more to show.
func (s *Session) Advance(dt float64) bool {
	if dt > 0 && !math.IsInf(dt, 0) {
		s.cur = math.Min(s.cur+s.speed*dt, float64(s.End()))
	}
	return s.Shown() < s.End()
}

// StepOnce shows the next step and reports whether there is more.
func (s *Session) StepOnce() bool {
	s.cur = math.Min(math.Floor(s.cur)+1, float64(s.End()))
	return s.Shown() < s.End()
}

// StepBack shows the step before the shown one (the shown one's whole
// step, while playing), down to 0.
func (s *Session) StepBack() { s.cur = math.Max(math.Ceil(s.cur)-1, 0) }

// Seek shows step k, clamped to [0, End()].
func (s *Session) Seek(k int) { s.cur = float64(min(max(k, 0), s.End())) }

// Reset shows step 0.
func (s *Session) Reset() { s.cur = 0 }

// Backgrounds returns the figures' backgrounds as image sources: the
// surface, the loss axes, and the data (empty when the surface has none).
// The surface's is the path of its published figure when there is one
// (see PublishedFigures), which the page then never draws.
func (s *Session) Backgrounds() (surface, loss, data string) {
	surface, data = s.figs.sources()
	return surface, s.lossBG, data
}
