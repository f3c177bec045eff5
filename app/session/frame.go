package session

import (
	"image/color"
	"math"
	"math/rand/v2"
	"strconv"

	"github.com/optimplay/optimplay/app/equations"
	"github.com/optimplay/optimplay/app/plots"
	"github.com/optimplay/optimplay/optimizers"
)

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
	// Moved is the length of the run's latest step, from the point
	// before to Point; 0 at the start.
	Moved float64
	// Status is the run's status once its last step is shown, and
	// Running before.
	Status optimizers.Status
}

// Trail is what a painter holds of one run's path and loss curve: drawn
// for computation Gen of the run and Axes of the loss axes, up to the
// shown step Step, with Appends stretches appended since they were last
// drawn whole. The zero Trail holds nothing.
type Trail struct {
	Gen, Axes, Step, Appends int
}

// compactAfter bounds the stretches appended to a run's trail before it
// is drawn whole again, which keeps the number of elements in the page
// small. At most one run is drawn whole for this in a frame, so that the
// runs of a race do not all pay for it in the same frame.
const compactAfter = 48

// RunTrail is what a frame changes of one run's trails, as SVG: with
// ResetPath, Halo and Line are whole overlays that replace the run's path
// (its white halo and its line); without, the content to append to them,
// nil when nothing is added. Loss is the loss curve, likewise.
type RunTrail struct {
	ResetPath  bool
	Halo, Line []byte
	ResetLoss  bool
	Loss       []byte
}

// Frame is what the page draws for the shown step. The paths and loss
// curves are trails, one per run: a frame carries what was added since
// the painter's Trails, and draws a run's trails whole only when that run
// changed (a hyperparameter moved), the shown step went back, the loss
// axes changed, or its stretches need compacting. Per frame the page thus
// draws a few segments, not whole paths, and a change to one optimizer
// redraws that optimizer's trails only.
type Frame struct {
	Step int
	// Trails is what the painter holds, per run, once it has painted
	// this frame.
	Trails []Trail
	// Changes are the trails' changes, per run.
	Changes []RunTrail
	// The per-frame layers, SVG: current points, vectors, the fitted
	// lines (Data is nil without data).
	SurfaceHead, LossHead, Data []byte
	Runs                        []RunState
	// LRMarks mark the update shown on the runs' schedule figures.
	LRMarks []LRMark
}

// Frame draws the shown step for a painter that holds have (nil for
// nothing).
func (s *Session) Frame(have []Trail) (Frame, error) {
	k := s.Shown()
	n := len(s.trajs)
	f := Frame{Step: k, Runs: make([]RunState, n), Trails: make([]Trail, n), Changes: make([]RunTrail, n)}
	held := make([]Trail, n)
	copy(held, have)
	compact := -1
	for i, h := range held {
		if h.Appends >= compactAfter && (compact < 0 || h.Appends > held[compact].Appends) {
			compact = i
		}
	}
	at := newShown(n)
	for i, t := range s.trajs {
		ki := min(k, t.Steps())
		c := plots.RunColor(i)
		p := t.Points[ki]
		g := t.TrueGrads[ki]
		st := RunState{Opt: s.sc.Runs[i].Opt, Color: c, Step: ki, Loss: t.Loss[ki],
			GradNorm: math.Hypot(g[0], g[1]), Point: p}
		if ki > 0 {
			before := t.Points[ki-1]
			st.Moved = math.Hypot(p[0]-before[0], p[1]-before[1])
		}
		if ki == t.Steps() && t.Status.Code != optimizers.Running {
			st.Status = t.Status
		}
		f.Runs[i] = st
		var err error
		if f.Changes[i], f.Trails[i], err = s.runTrail(i, held[i], k, i == compact); err != nil {
			return f, err
		}
		s.showRun(&at, i, ki)
	}
	f.LRMarks = s.lrMarks(k)
	f.SurfaceHead = s.figs.surface.Head(at.heads)
	f.LossHead = s.lossFig.Head(at.points)
	if s.figs.data != nil {
		var err error
		if f.Data, err = s.figs.data.Overlay(at.fits, at.batch); err != nil {
			return f, err
		}
	}
	return f, nil
}

// shown is what the figures show of the runs at a step, apart from their
// paths and loss curves: the heads on the surface, the dots on the loss
// curves, the fitted lines, and the minibatch of the step (nil for none).
type shown struct {
	heads  []plots.RunHead
	points []plots.LossPoint
	fits   []plots.FitFrame
	batch  []int32
}

// newShown makes room for what the figures show of n runs.
func newShown(n int) shown {
	return shown{heads: make([]plots.RunHead, n), points: make([]plots.LossPoint, n), fits: make([]plots.FitFrame, n)}
}

// showRun sets what the figures show of run i at its step ki.
func (s *Session) showRun(at *shown, i, ki int) {
	t := s.trajs[i]
	c := plots.RunColor(i)
	p := t.Points[ki]
	var update [2]float64
	switch {
	case ki < t.Steps():
		update = [2]float64{t.Points[ki+1][0] - p[0], t.Points[ki+1][1] - p[1]}
	case ki > 0:
		update = [2]float64{p[0] - t.Points[ki-1][0], p[1] - t.Points[ki-1][1]}
	}
	at.heads[i] = s.head(i, ki)
	at.heads[i].Grad, at.heads[i].Update = t.TrueGrads[ki], update
	at.points[i] = plots.LossPoint{Step: ki, Loss: t.Loss[ki], Color: c}
	at.fits[i] = plots.FitFrame{W: p[0], B: p[1], Color: c}
	if at.batch == nil && ki > 0 {
		at.batch = t.Batch(ki)
	}
}

// cloudSize is the number of other minibatch gradients the surface
// shows around a minibatch run's current point.
const cloudSize = 24

// head is what the surface draws of run i at its step k: the point, its
// momentum and step sizes, the gradient and step of the update that led
// there, and on a minibatch scene the next minibatch gradient among
// others.
func (s *Session) head(i, k int) plots.RunHead {
	t := s.trajs[i]
	h := plots.RunHead{Label: "run" + strconv.Itoa(i), Current: t.Points[k], Color: plots.RunColor(i)}
	if k > 0 {
		momentum, scale := equations.Drawn(s.opts[i])
		for _, v := range t.Vars(k) {
			switch v.Name {
			case momentum:
				h.Momentum = [2]float64{v.Value[0], v.Value[1]}
			case scale:
				h.Scale = [2]float64{v.Value[0], v.Value[1]}
			}
		}
		h.From, h.HasLast = t.Points[k-1], true
		h.G = equations.G(equations.Update{Opt: s.opts[i], Traj: t, T: k})
	}
	data, ok := s.figs.surf.Objective.(optimizers.LinReg)
	spec, _ := optimizers.LookupSpec(s.sc.Runs[i].Opt)
	if !ok || spec.FullBatch || s.sc.Batch == 0 || s.sc.Batch >= data.Len() || k >= t.Steps() {
		return h
	}
	h.Batch = t.Grads[k]
	if optimizers.GradientOf(s.opts[i]) != optimizers.TrueGradient {
		return h // a WRONG gradient of lesson 8: other minibatches would not tell it
	}
	rng := rand.New(rand.NewPCG(s.sc.Seed, cloudStream+uint64(k)))
	x := []float64{h.Current[0], h.Current[1]}
	grad := make([]float64, 2)
	for range cloudSize {
		data.BatchGrad(grad, x, rng.Perm(data.Len())[:s.sc.Batch])
		h.Cloud = append(h.Cloud, [2]float64{grad[0], grad[1]})
	}
	return h
}

// cloudStream separates the random stream of the cloud of minibatches
// from the core's streams of the same seed.
const cloudStream = 0xc10d << 32

// runTrail draws what run i's trails need at the shown step k for a
// painter that holds h, drawing them whole when whole is set, and returns
// what the painter holds then.
func (s *Session) runTrail(i int, h Trail, k int, whole bool) (RunTrail, Trail, error) {
	t := s.trajs[i]
	c := plots.RunColor(i)
	ki := min(k, t.Steps())
	var ch RunTrail
	ch.ResetPath = whole || h.Gen != s.gens[i] || h.Step > k
	ch.ResetLoss = ch.ResetPath || h.Axes != s.axes
	next := Trail{Gen: s.gens[i], Axes: s.axes, Step: k, Appends: h.Appends}
	if ch.ResetPath {
		next.Appends = 0
	}
	from := min(h.Step, t.Steps())
	appended := false
	var err error
	switch {
	case ch.ResetPath:
		ch.Halo, ch.Line, err = s.figs.surface.Trail([]plots.Segment{s.wholePath(i, ki)})
	case ki > from:
		ch.Halo, ch.Line, err = s.figs.surface.Trail([]plots.Segment{{Points: t.Points[from : ki+1], Color: c}})
		ch.Halo, ch.Line, appended = plots.Content(ch.Halo), plots.Content(ch.Line), true
	}
	if err != nil {
		return ch, next, err
	}
	switch {
	case ch.ResetLoss:
		ch.Loss, err = s.lossFig.Trail([]plots.Segment{s.wholeLoss(i, ki)})
	case ki > from:
		ch.Loss, err = s.lossFig.Trail([]plots.Segment{{Points: s.curves[i][from : ki+1], Color: c}})
		ch.Loss, appended = plots.Content(ch.Loss), true
	}
	if appended {
		next.Appends++
	}
	return ch, next, err
}

// wholePath is run i's path from its start up to its step ki: a path
// drawn whole starts from the start, even at step 0.
func (s *Session) wholePath(i, ki int) plots.Segment {
	return plots.Segment{Points: s.trajs[i].Points[:ki+1], Color: plots.RunColor(i), FromStart: true}
}

// wholeLoss is run i's loss curve up to its step ki.
func (s *Session) wholeLoss(i, ki int) plots.Segment {
	return plots.Segment{Points: s.curves[i][:ki+1], Color: plots.RunColor(i)}
}

// lossCurve returns the points (step, loss) of a run.
func lossCurve(loss []float64) [][2]float64 {
	pts := make([][2]float64, len(loss))
	for j, v := range loss {
		pts[j] = [2]float64{float64(j), v}
	}
	return pts
}

// typeset is a run's update typeset: for computation gen of the run, at
// update t.
type typeset struct {
	gen, t int
	equations.Typeset
}

// Equations typesets, for each run, the update that moved it to the shown
// step (its last one, when it stopped earlier), or its start at step 0.
// A run whose computation and update are those of the last call keeps
// its typeset: moving one optimizer's slider typesets that one only.
func (s *Session) Equations() []equations.Typeset {
	k := s.Shown()
	out := make([]equations.Typeset, len(s.trajs))
	minibatch := s.sc.Batch > 0 && s.sc.Batch < s.sc.N
	kept := s.typesets
	s.typesets = make([]typeset, len(s.trajs))
	for i, t := range s.trajs {
		ti := min(k, t.Steps())
		if i < len(kept) && kept[i].gen == s.gens[i] && kept[i].t == ti {
			s.typesets[i] = kept[i]
		} else {
			spec, _ := optimizers.LookupSpec(s.sc.Runs[i].Opt)
			s.typesets[i] = typeset{s.gens[i], ti, equations.New(equations.Update{Opt: s.opts[i], Traj: t, T: ti, Run: i,
				Minibatch: minibatch && !spec.FullBatch, Noisy: s.sc.Noise > 0 && !spec.FullBatch})}
		}
		out[i] = s.typesets[i].Typeset
	}
	return out
}
