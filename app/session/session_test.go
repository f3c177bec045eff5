package session

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/optimplay/optimplay/app/plots"
	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/scene"
)

func mustNew(t *testing.T, query string) *Session {
	t.Helper()
	s, notices, err := New(query)
	if err != nil {
		t.Fatal(err)
	}
	if len(notices) > 0 {
		t.Fatalf("notices for %q: %v", query, notices)
	}
	return s
}

// TestNewRunsTheScene checks that the session computes the runs of its
// query, the same as the core does.
func TestNewRunsTheScene(t *testing.T) {
	q := "fn=booth&opt=gd,adam&lr=0.05&steps=30"
	s := mustNew(t, q)
	sc, _ := scene.Parse(q)
	_, want, err := sc.Run()
	if err != nil {
		t.Fatal(err)
	}
	got := s.Trajectories()
	if len(got) != 2 || !slices.Equal(got[0].Points, want[0].Points) || !slices.Equal(got[1].Loss, want[1].Loss) {
		t.Error("the session's runs differ from the scene's")
	}
	if s.Query() != scene.Encode(sc) || s.Shown() != 0 || s.End() != 30 {
		t.Errorf("query %q, shown %d, end %d", s.Query(), s.Shown(), s.End())
	}
	bg, loss, data := s.Backgrounds()
	if bg != "/web/figures/surface-booth.svg" || !strings.HasPrefix(loss, "data:image/svg+xml;base64,") || data != "" {
		t.Errorf("backgrounds %.40q %.40q %.40q", bg, loss, data)
	}
}

// TestNoticesAndFallback: a hostile query gives notices and a working
// session.
func TestNoticesAndFallback(t *testing.T) {
	s, notices, err := New("lr=1e9&fn=<b>&opt=nosuch")
	if err != nil || len(notices) != 3 {
		t.Fatalf("%v %v", notices, err)
	}
	if s.Scene().Fn != scene.DefaultFn || s.Scene().Runs[0].Hyper["lr"] != 10 {
		t.Errorf("scene %+v", s.Scene())
	}
	if _, err := s.Frame(nil); err != nil {
		t.Error(err)
	}
}

// TestChangesKeepTheShownStep: changing a hyperparameter recomputes the
// runs but keeps the step shown; the new run is the core's run with the
// new value.
func TestChangesKeepTheShownStep(t *testing.T) {
	s := mustNew(t, "fn=rosenbrock&opt=adam&lr=0.01&steps=100")
	s.Seek(40)
	before := s.Trajectories()[0].Points[40]
	notices, err := s.SetParam(0, "lr", 0.02)
	if err != nil || len(notices) > 0 {
		t.Fatal(notices, err)
	}
	if s.Shown() != 40 {
		t.Errorf("shown %d after the change", s.Shown())
	}
	sc, _ := scene.Parse("fn=rosenbrock&opt=adam&lr=0.02&steps=100")
	_, ref, _ := sc.Run()
	if got := s.Trajectories()[0].Points[40]; got != ref[0].Points[40] || got == before {
		t.Errorf("point 40: %v, want %v (was %v)", got, ref[0].Points[40], before)
	}
	// Fewer steps than shown: the shown step follows.
	if _, err := s.SetSteps(10); err != nil || s.Shown() != 10 || s.End() != 10 {
		t.Errorf("steps 10: %v, shown %d, end %d", err, s.Shown(), s.End())
	}
	// Out of range: clamped, with a notice.
	notices, err = s.SetParam(0, "lr", 50)
	if err != nil || len(notices) != 1 || notices[0].Kind != scene.Clamped || s.Scene().Runs[0].Hyper["lr"] != 10 {
		t.Errorf("lr 50: %v %v, lr %v", notices, err, s.Scene().Runs[0].Hyper["lr"])
	}
	if _, err := s.SetParam(3, "lr", 1); err == nil {
		t.Error("a run that does not exist was changed")
	}
}

// TestSetSurfaceUsesItsStart: a new surface starts from its own start and
// drops the minibatch.
func TestSetSurfaceUsesItsStart(t *testing.T) {
	s := mustNew(t, "fn=linreg&batch=10&opt=sgd&lr=0.1")
	if _, _, data := s.Backgrounds(); data == "" {
		t.Error("linreg has no data figure")
	}
	if _, err := s.SetSurface("himmelblau"); err != nil {
		t.Fatal(err)
	}
	sc := s.Scene()
	if sc.Fn != "himmelblau" || sc.X0 != [2]float64{0.5, -1.5} || sc.Batch != 0 {
		t.Errorf("scene %+v", sc)
	}
	if _, _, data := s.Backgrounds(); data != "" {
		t.Error("himmelblau has a data figure")
	}
	if _, err := s.SetSurface("nosuch"); err == nil {
		t.Error("unknown surface accepted")
	}
}

// TestSetStartAt maps a click through the figure and rounds it to a
// five-hundredth of the domain's power of ten.
func TestSetStartAt(t *testing.T) {
	s := mustNew(t, "fn=booth&opt=gd")
	if ok, err := s.SetStartAt(-0.5, 0.5); ok || err != nil {
		t.Errorf("a click outside the figure: %v %v", ok, err)
	}
	ok, err := s.SetStartAt(0.5, 0.5)
	if !ok || err != nil {
		t.Fatal(ok, err)
	}
	x0 := s.Scene().X0
	// Booth's domain is 20 wide: 20/500 = 0.04, rounded to 0.01.
	for _, v := range x0 {
		if r := math.Round(v*100) / 100; r != v || math.Abs(v) > 10 {
			t.Errorf("start %v not on the 0.01 grid inside the domain", x0)
		}
	}
	if got := roundTo(1.23456, 0.004); got != 1.235 {
		t.Errorf("roundTo(1.23456, 0.004) = %v, want 1.235", got)
	}
}

// TestSetOptimizersKeepsSettings: racing optimizers keep their values.
func TestSetOptimizersKeepsSettings(t *testing.T) {
	s := mustNew(t, "opt=adam&lr=0.05")
	if _, err := s.SetOptimizers([]string{"gd", "adam", "nosuch"}); err != nil {
		t.Fatal(err)
	}
	runs := s.Scene().Runs
	if len(runs) != 2 || runs[0].Opt != "gd" || runs[0].Hyper["lr"] != 1e-3 || runs[1].Hyper["lr"] != 0.05 {
		t.Errorf("runs %+v", runs)
	}
}

// TestPlayback checks Advance, StepOnce, Seek and Reset.
func TestPlayback(t *testing.T) {
	s := mustNew(t, "fn=quadratic&opt=gd&lr=0.1&steps=50")
	s.SetSpeed(20)
	if !s.Advance(0.5) || s.Shown() != 10 {
		t.Errorf("0.5 s at 20 steps/s: shown %d", s.Shown())
	}
	s.Advance(math.Inf(1))
	s.Advance(-1)
	if s.Shown() != 10 {
		t.Errorf("bad times moved the step to %d", s.Shown())
	}
	if s.Advance(10) || s.Shown() != 50 {
		t.Errorf("past the end: shown %d", s.Shown())
	}
	s.Reset()
	if !s.StepOnce() || s.Shown() != 1 {
		t.Errorf("step once: %d", s.Shown())
	}
	s.Seek(1000)
	if s.Shown() != 50 || s.StepOnce() {
		t.Errorf("seek past the end: %d", s.Shown())
	}
	s.SetSpeed(1e9)
	if s.Speed() != MaxSpeed {
		t.Errorf("speed %v", s.Speed())
	}
	s.SetSpeed(math.NaN())
	if s.Speed() != MaxSpeed {
		t.Errorf("NaN changed the speed to %v", s.Speed())
	}
}

// TestEndIsTheLongestRun: a diverged run stops early; the animation runs
// to the longest.
func TestEndIsTheLongestRun(t *testing.T) {
	s := mustNew(t, "fn=quadratic&opt=gd,adam&gd.lr=0.6&adam.lr=0.1&steps=40")
	trajs := s.Trajectories()
	if trajs[0].Status.Code != optimizers.Diverged || trajs[0].Steps() != 3 || s.End() != 40 {
		t.Fatalf("gd %v after %d steps, end %d", trajs[0].Status, trajs[0].Steps(), s.End())
	}
	s.Seek(2)
	f, _ := s.Frame(nil)
	if f.Runs[0].Status.Code != optimizers.Running {
		t.Errorf("gd's status shown at step 2: %v", f.Runs[0].Status)
	}
	s.Seek(20)
	f, _ = s.Frame(nil)
	if f.Runs[0].Status.Code != optimizers.Diverged || f.Runs[0].Step != 3 || f.Runs[1].Step != 20 {
		t.Errorf("at 20: %+v", f.Runs)
	}
}

// TestFrameTrails checks the trail protocol: a painter that holds nothing
// gets every run's trails whole, one that holds the previous step gets
// only the new stretches, and a step back or many appends draw them whole
// again, compacting at most one run per frame.
func TestFrameTrails(t *testing.T) {
	s := mustNew(t, "fn=rosenbrock&opt=gd,adam&lr=0.002&adam.lr=0.05&steps=200")
	s.Seek(10)
	f, err := s.Frame(nil)
	if err != nil || len(f.Changes) != 2 || len(f.Trails) != 2 {
		t.Fatalf("first frame: %d changes, %d trails, %v", len(f.Changes), len(f.Trails), err)
	}
	for i, c := range f.Changes {
		// Whole overlays, each with its line from the start.
		if !c.ResetPath || !c.ResetLoss || f.Trails[i].Step != 10 || !isOverlay(c.Halo) || !isOverlay(c.Line) || !isOverlay(c.Loss) ||
			strings.Count(string(c.Line), "<path") < 2 {
			t.Fatalf("first frame, run %d: %+v, trail %+v", i, c, f.Trails[i])
		}
	}
	s.StepOnce()
	g, _ := s.Frame(f.Trails)
	for i, c := range g.Changes {
		// Content to append: no root element, and less than the whole.
		if c.ResetPath || c.ResetLoss || g.Trails[i].Step != 11 || g.Trails[i].Appends != 1 ||
			!strings.HasPrefix(string(c.Line), "<g") || !strings.HasPrefix(string(c.Loss), "<g") || len(c.Line) >= len(f.Changes[i].Line) {
			t.Errorf("next frame, run %d: reset %v %v, trail %+v, %d bytes (whole was %d)", i, c.ResetPath, c.ResetLoss, g.Trails[i], len(c.Line), len(f.Changes[i].Line))
		}
	}
	// The same step again: nothing to add.
	h, _ := s.Frame(g.Trails)
	for i, c := range h.Changes {
		if c.ResetPath || c.ResetLoss || c.Halo != nil || c.Line != nil || c.Loss != nil || h.Trails[i] != g.Trails[i] {
			t.Errorf("same step, run %d: %+v, trail %+v", i, c, h.Trails[i])
		}
	}
	// A step back draws every trail whole.
	s.Seek(5)
	b, _ := s.Frame(g.Trails)
	for i, c := range b.Changes {
		if !c.ResetPath || !c.ResetLoss || b.Trails[i].Step != 5 {
			t.Errorf("step back, run %d: reset %v %v, trail %+v", i, c.ResetPath, c.ResetLoss, b.Trails[i])
		}
	}
	// Compaction: each run is drawn whole again after 48 appends, never
	// two in one frame.
	s.Seek(5)
	tr := b.Trails
	whole := make([]int, 2)
	for range 100 {
		s.StepOnce()
		f, _ := s.Frame(tr)
		n := 0
		for i, c := range f.Changes {
			if c.ResetPath {
				whole[i]++
				n++
			}
		}
		if n > 1 {
			t.Fatalf("step %d: %d runs drawn whole in one frame", f.Step, n)
		}
		tr = f.Trails
	}
	if whole[0] != 2 || whole[1] != 2 {
		t.Errorf("drawn whole %v times in 100 frames, want twice each", whole)
	}
}

// isOverlay reports whether svg is a whole overlay.
func isOverlay(svg []byte) bool {
	return strings.HasPrefix(string(svg), "<svg") && strings.HasSuffix(strings.TrimSpace(string(svg)), "</svg>")
}

// TestChangeRecomputesOneRun: a change to one optimizer's hyperparameter
// recomputes that run only and redraws that run's trails only; the other
// runs keep their trajectories, which are still the scene's. Reordering
// the optimizers reuses every trajectory but redraws each moved run, in
// its new colour.
func TestChangeRecomputesOneRun(t *testing.T) {
	s := mustNew(t, "fn=rosenbrock&opt=gd,momentum,adam&lr=0.002&adam.lr=0.05&steps=200")
	s.Seek(200)
	f, _ := s.Frame(nil)
	before := slices.Clone(s.Trajectories())
	axes := s.axes
	if _, err := s.SetParam(1, "lr", 0.0021); err != nil {
		t.Fatal(err)
	}
	after := s.Trajectories()
	if after[0] != before[0] || after[2] != before[2] || after[1] == before[1] {
		t.Fatal("the change did not recompute exactly the changed run")
	}
	_, want, err := s.Scene().Run()
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if !slices.Equal(after[i].Points, want[i].Points) || !slices.Equal(after[i].Loss, want[i].Loss) {
			t.Errorf("run %d differs from the scene's run", i)
		}
	}
	g, _ := s.Frame(f.Trails)
	for i, c := range g.Changes {
		axesChanged := s.axes != axes
		if c.ResetPath != (i == 1) || c.ResetLoss != (i == 1 || axesChanged) {
			t.Errorf("run %d: reset path %v, loss %v (axes changed: %v)", i, c.ResetPath, c.ResetLoss, axesChanged)
		}
	}
	// Reorder: adam, gd, momentum.
	trajs := s.Trajectories()
	if _, err := s.SetOptimizers([]string{"adam", "gd", "momentum"}); err != nil {
		t.Fatal(err)
	}
	moved := s.Trajectories()
	if moved[0] != trajs[2] || moved[1] != trajs[0] || moved[2] != trajs[1] {
		t.Error("reordering recomputed runs")
	}
	h, _ := s.Frame(g.Trails)
	for i, c := range h.Changes {
		if !c.ResetPath {
			t.Errorf("run %d moved but was not redrawn", i)
		}
	}
	// A scene-level change (the start) recomputes every run.
	if _, err := s.SetStart([2]float64{-1, 1.5}); err != nil {
		t.Fatal(err)
	}
	for i, tr := range s.Trajectories() {
		if tr == moved[i] {
			t.Errorf("run %d kept after the start moved", i)
		}
	}
}

// TestFrameValues checks the readout against the runs.
func TestFrameValues(t *testing.T) {
	s := mustNew(t, "fn=quadratic&kappa=10&x0=-4,1.5&opt=gd&lr=0.1&steps=20")
	s.Seek(3)
	f, err := s.Frame(nil)
	if err != nil {
		t.Fatal(err)
	}
	// GD on ½(x² + 10y²): x_t = 0.9^t·(−4), y_t = 0^t·1.5 for lr 0.1.
	r := f.Runs[0]
	wx := -4 * math.Pow(0.9, 3)
	if r.Step != 3 || math.Abs(r.Point[0]-wx) > 1e-12 || r.Point[1] != 0 {
		t.Errorf("run %+v, want x %v, y 0", r, wx)
	}
	if want := 0.5 * wx * wx; math.Abs(r.Loss-want) > 1e-12 || math.Abs(r.GradNorm-math.Abs(wx)) > 1e-12 {
		t.Errorf("loss %v (want %v), ‖∇f‖ %v (want %v)", r.Loss, want, r.GradNorm, math.Abs(wx))
	}
	// Step 3 moved from x_2 = 0.81·(−4) to x_3 = 0.729·(−4): 0.324; y
	// was 0 already.
	if math.Abs(r.Moved-0.324) > 1e-12 {
		t.Errorf("moved %v, want 0.324", r.Moved)
	}
	if f.Data != nil {
		t.Error("a quadratic has data")
	}
	s.Seek(0)
	if f, err = s.Frame(nil); err != nil || f.Runs[0].Moved != 0 {
		t.Errorf("at the start: moved %v, %v", f.Runs[0].Moved, err)
	}
}

// TestLinRegFrameShowsTheBatch: the data figure rings the step's batch.
func TestLinRegFrameShowsTheBatch(t *testing.T) {
	s := mustNew(t, "fn=linreg&n=50&batch=5&opt=sgd&lr=0.1&steps=10")
	s.Seek(2)
	f, err := s.Frame(nil)
	if err != nil || f.Data == nil {
		t.Fatal(err)
	}
	if got := s.Trajectories()[0].Batch(2); len(got) != 5 {
		t.Fatalf("batch %v", got)
	}
	// Each point of the batch is ringed in ink (#1A1A1A).
	if n := strings.Count(string(f.Data), "stroke:#1A1A1A"); n != 5 {
		t.Errorf("%d rings for a batch of 5", n)
	}
}

// TestFrameState checks what the surface draws of each run's state: the
// momentum and step sizes after the update that led to the shown step,
// the point and gradient of that update, and on a minibatch scene the
// next minibatch's gradient among two dozen others; nothing at the start.
func TestFrameState(t *testing.T) {
	s := mustNew(t, "fn=linreg&n=40&batch=4&seed=5&opt=gd,momentum,adam&lr=0.05&steps=20")
	s.Seek(7)
	f, err := s.Frame(nil)
	if err != nil {
		t.Fatal(err)
	}
	heads := headsOf(t, s)
	trajs := s.Trajectories()
	vars := func(run int, name string) [2]float64 {
		for _, v := range trajs[run].Vars(7) {
			if v.Name == name {
				return [2]float64{v.Value[0], v.Value[1]}
			}
		}
		t.Fatalf("run %d has no %s", run, name)
		return [2]float64{}
	}
	if h := heads[0]; h.Momentum != ([2]float64{}) || h.Scale != ([2]float64{}) || h.Batch != ([2]float64{}) || h.Cloud != nil {
		t.Errorf("gd (full batch, no momentum): %+v", h)
	}
	if h := heads[1]; h.Momentum != vars(1, "b") || h.Scale != ([2]float64{}) {
		t.Errorf("momentum: momentum %v, want b %v", h.Momentum, vars(1, "b"))
	}
	if h := heads[2]; h.Momentum != vars(2, "m") || h.Scale != vars(2, "lr_eff") {
		t.Errorf("adam: momentum %v scale %v, want m %v lr_eff %v", h.Momentum, h.Scale, vars(2, "m"), vars(2, "lr_eff"))
	}
	for i, h := range heads {
		if !h.HasLast || h.From != trajs[i].Points[6] || h.G != trajs[i].Grads[6] || h.Label != fmt.Sprintf("run%d", i) {
			t.Errorf("run %d: last update from %v with %v (has %v), want %v with %v", i, h.From, h.G, h.HasLast, trajs[i].Points[6], trajs[i].Grads[6])
		}
	}
	// The next step's minibatch gradient at the current point, among 24
	// others, each a gradient of 4 of the 40 points' mean squared error.
	if h := heads[1]; h.Batch != trajs[1].Grads[7] || len(h.Cloud) != 24 {
		t.Errorf("momentum's minibatch: %v among %d, want %v among 24", h.Batch, len(h.Cloud), trajs[1].Grads[7])
	}
	if f.Runs[1].Step != 7 {
		t.Fatal("frame at another step")
	}
	s.Seek(0)
	for i, h := range headsOf(t, s) {
		if h.HasLast || h.Momentum != ([2]float64{}) {
			t.Errorf("run %d at the start: %+v", i, h)
		}
	}
	// StepBack goes back one step, down to the start.
	s.Seek(2)
	s.StepBack()
	s.StepBack()
	s.StepBack()
	if s.Shown() != 0 {
		t.Errorf("three steps back from 2: step %d", s.Shown())
	}
}

// headsOf returns what the surface draws of each run at the shown step.
func headsOf(t *testing.T, s *Session) []plots.RunHead {
	t.Helper()
	heads := make([]plots.RunHead, len(s.trajs))
	for i, tr := range s.trajs {
		heads[i] = s.head(i, min(s.Shown(), tr.Steps()))
	}
	return heads
}

// TestSetData gives linreg the reader's points, and takes them back.
func TestSetData(t *testing.T) {
	s := mustNew(t, "fn=linreg&opt=gd&lr=0.1&steps=300&batch=10")
	points := [][2]float64{{0, 1}, {1, 3}, {2, 5}}
	if _, err := s.SetData(points); err != nil {
		t.Fatal(err)
	}
	sc := s.Scene()
	if sc.N != 3 || len(sc.Data) != 3 || sc.Batch > 3 || !strings.Contains(s.Query(), "data=0,1,1,3,2,5") {
		t.Fatalf("scene %+v, query %s", sc, s.Query())
	}
	// GD on the three points of y = 2x + 1 ends at (w, b) = (2, 1).
	tr := s.Trajectories()[0]
	if end := tr.Points[len(tr.Points)-1]; math.Abs(end[0]-2) > 1e-6 || math.Abs(end[1]-1) > 1e-6 {
		t.Errorf("GD ends at %v, want (2, 1)", end)
	}
	if _, err := s.SetData([][2]float64{{1, 1}, {1, 2}}); err == nil || s.Scene().N != 3 {
		t.Errorf("points with one x: %v, n %d", err, s.Scene().N)
	}
	if _, err := s.SetData(nil); err != nil || s.Scene().Data != nil || s.Scene().N != 100 {
		t.Errorf("back to the article's data: %v, %+v", err, s.Scene())
	}
}

// TestEditDataAt adds, moves and removes points of linreg's data with
// gestures on the data figure.
func TestEditDataAt(t *testing.T) {
	s := mustNew(t, "fn=linreg&n=20&opt=gd")
	fig := s.figs.data
	count := func() int { return len(s.Scene().Data) }
	// A click in the middle of the plot adds a point there.
	x, y, _ := fig.ToData(0.5, 0.5)
	if ok, _, err := s.EditDataAt([2]float64{0.5, 0.5}, [2]float64{0.5, 0.5}); !ok || err != nil || count() != 21 {
		t.Fatalf("add: %v %v, %d points", ok, err, count())
	}
	added := s.Scene().Data[20]
	if math.Abs(added[0]-x) > 0.01 || math.Abs(added[1]-y) > 0.02 {
		t.Errorf("added %v, want about (%v, %v)", added, x, y)
	}
	// A drag from it moves it.
	fig = s.figs.data // the figure of the new data set
	fx, fy := fig.Fraction(added[0], added[1])
	if ok, _, err := s.EditDataAt([2]float64{fx, fy}, [2]float64{0.8, 0.2}); !ok || err != nil || count() != 21 {
		t.Fatalf("move: %v %v, %d points", ok, err, count())
	}
	moved := s.Scene().Data[20]
	if wx, wy, _ := fig.ToData(0.8, 0.2); math.Abs(moved[0]-wx) > 0.01 || math.Abs(moved[1]-wy) > 0.02 {
		t.Errorf("moved to %v, want about (%v, %v)", moved, wx, wy)
	}
	// A click on it removes it.
	fig = s.figs.data
	fx, fy = fig.Fraction(moved[0], moved[1])
	if ok, _, err := s.EditDataAt([2]float64{fx, fy}, [2]float64{fx, fy}); !ok || err != nil || count() != 20 {
		t.Fatalf("remove: %v %v, %d points", ok, err, count())
	}
	// Off the plot, nothing.
	if ok, _, _ := s.EditDataAt([2]float64{0.001, 0.999}, [2]float64{0.001, 0.999}); ok {
		t.Error("a click on the axes edited the data")
	}
}
