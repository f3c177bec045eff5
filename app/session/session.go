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
	"image/color"
	"math"
	"net/url"
	"slices"
	"strconv"

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
	cur   float64 // the step shown; fractional while playing
	speed float64 // steps per second
	view  View    // the view keys of the link; Step and Speed are cur and speed

	surfaceKey string // what the surface figure was drawn for
	surfaceFig *plots.SurfaceFigure
	surfaceBG  string
	dataFig    *plots.DataFigure
	dataBG     string
	lossFig    *plots.LossFigure
	lossBG     string
	gen        int // counts the computations of the runs
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
	s := &Session{speed: view.Speed, view: view}
	if err := s.apply(sc); err != nil {
		return nil, notices, err
	}
	s.Seek(view.Step)
	return s, notices, nil
}

// apply makes sc the scene, recomputing the runs and whatever figures it
// changes. The step shown is kept.
func (s *Session) apply(sc scene.Scene) error {
	key := fmt.Sprint(sc.Fn, sc.Kappa, sc.N, sc.Seed)
	if sc.Fn != "linreg" {
		key = fmt.Sprint(sc.Fn, sc.Kappa)
	}
	if key != s.surfaceKey {
		f, err := surfaces.get(key, func() (*surfaceFigures, error) { return newSurfaceFigures(sc) })
		if err != nil {
			return err
		}
		s.surf, s.surfaceFig, s.surfaceBG, s.dataFig, s.dataBG = f.surf, f.surface, f.surfaceBG, f.data, f.dataBG
		s.surfaceKey = key
	}
	cfgs, err := sc.Configs(s.surf)
	if err != nil {
		return err
	}
	trajs := make([]*optimizers.Trajectory, len(cfgs))
	losses := make([][]float64, len(cfgs))
	for i, c := range cfgs {
		if trajs[i], err = optimizers.Run(c); err != nil {
			return err
		}
		losses[i] = trajs[i].Loss
	}
	fStar, hasMin := globalMin(s.surf)
	if axes := plots.NewLossAxes(losses, sc.Steps, fStar, hasMin); s.lossFig == nil || axes != s.lossFig.LossAxes {
		f, err := lossFigures.get(fmt.Sprint(axes), func() (*lossFigure, error) {
			fig, err := plots.NewLossFigure(axes)
			if err != nil {
				return nil, err
			}
			return &lossFigure{fig, dataURL(fig.Background())}, nil
		})
		if err != nil {
			return err
		}
		s.lossFig, s.lossBG = f.fig, f.bg
	}
	s.sc, s.trajs = sc, trajs
	s.gen++
	s.cur = math.Min(s.cur, float64(s.End()))
	return nil
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
		sc.Runs[i].Hyper = maps(sc.Runs[i].Hyper)
	}
	edit(&sc)
	canon, notices := scene.Parse(scene.Encode(sc))
	return notices, s.apply(canon)
}

func maps(h optimizers.Hyper) optimizers.Hyper {
	c := make(optimizers.Hyper, len(h))
	for k, v := range h {
		c[k] = v
	}
	return c
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
func (s *Session) Surface() optimizers.Surface { return s.surf }

// Trace records every point and loss of the runs, as the trace command
// prints them.
func (s *Session) Trace() scene.Trace { return scene.NewTrace(s.sc, s.trajs) }

// Trajectories returns the runs, in the order of the scene's optimizers.
func (s *Session) Trajectories() []*optimizers.Trajectory { return s.trajs }

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

// SetStart moves the start point (clamped into the domain).
func (s *Session) SetStart(p [2]float64) ([]scene.Notice, error) {
	return s.change(func(sc *scene.Scene) { sc.X0 = p })
}

// SetStartAt moves the start to a click on the surface figure, given as
// fractions of its width and height from the top-left corner, rounded to
// about a five-hundredth of the domain (a click is not more precise, and
// links stay short). It reports false, changing nothing, for a click
// outside the plotted area.
func (s *Session) SetStartAt(fx, fy float64) (bool, error) {
	p, ok := s.surfaceFig.ToData(fx, fy)
	if !ok {
		return false, nil
	}
	d := s.surf.Domain
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
	return s.change(func(sc *scene.Scene) { sc.Runs[i].Hyper[key] = v })
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
			runs = append(runs, scene.Run{Opt: name, Hyper: maps(spec.Defaults)})
		}
		sc.Runs = runs
	})
}

// SetSteps, SetNoise, SetBatch, SetN, SetKappa and SetSeed change the
// scene's other settings.
func (s *Session) SetSteps(n int) ([]scene.Notice, error) {
	return s.change(func(sc *scene.Scene) { sc.Steps = n })
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

// SetKappa sets the quadratic's κ.
func (s *Session) SetKappa(k float64) ([]scene.Notice, error) {
	return s.change(func(sc *scene.Scene) { sc.Kappa = k })
}

// SetSeed sets the seed of data, minibatches and noise.
func (s *Session) SetSeed(seed uint64) ([]scene.Notice, error) {
	return s.change(func(sc *scene.Scene) { sc.Seed = seed })
}

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

// Seek shows step k, clamped to [0, End()].
func (s *Session) Seek(k int) { s.cur = float64(min(max(k, 0), s.End())) }

// Reset shows step 0.
func (s *Session) Reset() { s.cur = 0 }

// Backgrounds returns the figures' backgrounds as image sources: the
// surface, the loss axes, and the data (empty when the surface has none).
func (s *Session) Backgrounds() (surface, loss, data string) {
	return s.surfaceBG, s.lossBG, s.dataBG
}

// RunState is one run at the shown step.
type RunState struct {
	Opt   string
	Color color.RGBA
	// Step is the run's own step: the shown one, or its last when it
	// stopped earlier.
	Step     int
	Loss     float64
	GradNorm float64
	Point    [2]float64
	// Status is the run's status once its last step is shown, and
	// Running before.
	Status optimizers.Status
}

// Trail is what a painter holds of the paths and loss curves: drawn for
// generation Gen of the runs, up to step Step, with Appends segments
// appended since they were last drawn whole. The zero Trail holds nothing.
type Trail struct {
	Gen, Step, Appends int
}

// compactAfter bounds the appended segments before a trail is drawn whole
// again, which keeps the number of elements in the page small.
const compactAfter = 48

// Frame is what the page draws for the shown step. The paths and loss
// curves are trails: a frame carries only what was added since the
// painter's Trail, unless Reset says to replace them. Per frame the page
// thus draws a few segments, not whole paths.
type Frame struct {
	Step  int
	Trail Trail // what the painter holds once it has painted this frame
	Reset bool  // replace the trail layers rather than extend them
	// The trail layers, SVG; nil when unchanged.
	SurfaceHalos, SurfaceLines, LossLines []byte
	// The per-frame layers, SVG: current points, vectors, the fitted
	// lines (Data is nil without data).
	SurfaceHead, LossHead, Data []byte
	Runs                        []RunState
}

// Frame draws the shown step for a painter that holds have.
func (s *Session) Frame(have Trail) (Frame, error) {
	k := s.Shown()
	f := Frame{Step: k, Runs: make([]RunState, len(s.trajs))}
	from := have.Step
	f.Reset = have.Gen != s.gen || from > k || have.Appends >= compactAfter
	f.Trail = Trail{Gen: s.gen, Step: k, Appends: have.Appends + 1}
	if f.Reset {
		from, f.Trail.Appends = 0, 0
	}
	var paths, curves []plots.Segment
	heads := make([]plots.RunHead, len(s.trajs))
	points := make([]plots.LossPoint, len(s.trajs))
	fits := make([]plots.FitFrame, len(s.trajs))
	var batch []int32
	for i, t := range s.trajs {
		ki := min(k, t.Steps())
		c := plots.RunColor(i)
		p := t.Points[ki]
		g := t.TrueGrads[ki]
		st := RunState{Opt: s.sc.Runs[i].Opt, Color: c, Step: ki, Loss: t.Loss[ki],
			GradNorm: math.Hypot(g[0], g[1]), Point: p}
		if ki == t.Steps() && t.Status.Code != optimizers.Running {
			st.Status = t.Status
		}
		f.Runs[i] = st
		if f.Reset {
			// A reset trail starts from the start, even at step 0.
			paths = append(paths, plots.Segment{Points: t.Points[:ki+1], Color: c, FromStart: true})
		} else if a := min(from, t.Steps()); ki > a {
			paths = append(paths, plots.Segment{Points: t.Points[a : ki+1], Color: c})
		}
		if a := min(from, t.Steps()); ki > a {
			loss := make([][2]float64, 0, ki+1-a)
			for j := a; j <= ki; j++ {
				loss = append(loss, [2]float64{float64(j), t.Loss[j]})
			}
			curves = append(curves, plots.Segment{Points: loss, Color: c})
		}
		var update [2]float64
		switch {
		case ki < t.Steps():
			update = [2]float64{t.Points[ki+1][0] - p[0], t.Points[ki+1][1] - p[1]}
		case ki > 0:
			update = [2]float64{p[0] - t.Points[ki-1][0], p[1] - t.Points[ki-1][1]}
		}
		heads[i] = plots.RunHead{Current: p, Color: c, Grad: g, Update: update}
		points[i] = plots.LossPoint{Step: ki, Loss: t.Loss[ki], Color: c}
		fits[i] = plots.FitFrame{W: p[0], B: p[1], Color: c}
		if batch == nil && ki > 0 {
			batch = t.Batch(ki)
		}
	}
	var err error
	if f.Reset || len(paths) > 0 {
		if f.SurfaceHalos, f.SurfaceLines, err = s.surfaceFig.Trail(paths); err != nil {
			return f, err
		}
		if f.LossLines, err = s.lossFig.Trail(curves); err != nil {
			return f, err
		}
	} else {
		f.Trail.Appends = have.Appends
	}
	if f.SurfaceHead, err = s.surfaceFig.Head(heads); err != nil {
		return f, err
	}
	if f.LossHead, err = s.lossFig.Head(points); err != nil {
		return f, err
	}
	if s.dataFig != nil {
		if f.Data, err = s.dataFig.Overlay(fits, batch); err != nil {
			return f, err
		}
	}
	return f, nil
}
