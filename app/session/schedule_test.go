package session

import (
	"math"
	"testing"
	"time"

	"github.com/optimplay/optimplay/optimizers/scene"
)

// TestSetSchedAndItsFigure gives GD a cosine schedule: the scene holds it
// with its defaults, the figure appears, its mark gives each shown step's
// update its learning rate from the formula, and the run follows it (the
// closed form of GD on the quadratic, x_T = x_0·∏(1 − lr_t)).
func TestSetSchedAndItsFigure(t *testing.T) {
	s := mustNew(t, "fn=quadratic&opt=gd&lr=0.1&steps=30")
	if _, ok := s.LRPlot(0); ok {
		t.Error("a constant learning rate has a schedule figure")
	}
	if n, err := s.SetSched(0, "cosine"); err != nil || len(n) > 0 {
		t.Fatal(n, err)
	}
	if got, want := s.Scene().Runs[0].Sched, (scene.Sched{Name: "cosine", TMax: 30}); got != want {
		t.Errorf("schedule %+v, want %+v", got, want)
	}
	if src, ok := s.LRPlot(0); !ok || len(src) < 100 {
		t.Error("no schedule figure")
	}
	lr := func(t int) float64 { return 0.1 * (1 + math.Cos(math.Pi*float64(t)/30)) / 2 }
	x := -4.0
	for k := 0; k <= 30; k++ {
		marks := s.lrMarks(k)
		if len(marks) != 1 {
			t.Fatalf("step %d: %d marks", k, len(marks))
		}
		update := max(k-1, 0)
		if m := marks[0]; m.T != update || math.Abs(m.LR-lr(update)) > 1e-15 || !(m.FX > 0 && m.FX < 1 && m.FY > 0 && m.FY < 1) {
			t.Errorf("step %d: mark %+v, want update %d with lr %v inside the figure", k, m, update, lr(update))
		}
		if k > 0 {
			x *= 1 - lr(k-1)
		}
	}
	if got := s.Trajectories()[0].Points[30][0]; math.Abs(got-x) > 1e-12 {
		t.Errorf("x_30 = %v, the closed form %v", got, x)
	}
}

// TestSchedFollowsTheScene checks the parameters that depend on the run:
// lrmin follows the learning rate down, silently; a cosine over the whole
// run stays over the whole run when the steps change, and one over part
// of it keeps its length; a warm-up stays shorter than the run.
func TestSchedFollowsTheScene(t *testing.T) {
	s := mustNew(t, "fn=booth&opt=gd,adam&lr=0.1&steps=100&sched=cosine&lrmin=0.05&adam.sched=warmcos&adam.warmup=50")
	if n, err := s.SetParam(0, "lr", 0.02); err != nil || len(n) > 0 {
		t.Fatal(n, err)
	}
	if got := s.Scene().Runs[0].Sched.LRMin; got != 0.02 {
		t.Errorf("lrmin %v after lr 0.02, want 0.02", got)
	}
	if _, err := s.SetSteps(40); err != nil {
		t.Fatal(err)
	}
	if got := s.Scene().Runs[0].Sched.TMax; got != 40 {
		t.Errorf("a whole-run cosine has tmax %d after 40 steps", got)
	}
	if got := s.Scene().Runs[1].Sched.Warmup; got != 39 {
		t.Errorf("a warm-up of 50 in 40 steps is %d, want 39", got)
	}
	if _, err := s.SetSchedParam(0, "tmax", 10); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetSteps(80); err != nil {
		t.Fatal(err)
	}
	if got := s.Scene().Runs[0].Sched.TMax; got != 10 {
		t.Errorf("a cosine of 10 updates has tmax %d after 80 steps", got)
	}
}

// TestCriticalLR checks the critical learning rates: exact on the
// quadratic (2/κ for GD, 2(1+μ)/κ for heavy ball), a local estimate on
// Rosenbrock from its Hessian at the start, computed here from its
// formula, and none for Adam.
func TestCriticalLR(t *testing.T) {
	s := mustNew(t, "fn=quadratic&kappa=25&opt=gd,momentum,adam&mom=0.5")
	for i, want := range []float64{2.0 / 25, 2 * 1.5 / 25} {
		c, ok := s.CriticalLR(i)
		if !ok || c.Local || math.Abs(c.LR-want) > 1e-15 || c.LambdaMax != 25 {
			t.Errorf("run %d: %+v, want %v exact", i, c, want)
		}
	}
	if c, ok := s.CriticalLR(2); ok {
		t.Errorf("Adam has a critical learning rate %+v", c)
	}
	s = mustNew(t, "fn=rosenbrock&x0=-1.2,1&opt=gd")
	// f = (1 − x)² + 100(y − x²)²: H = [[2 − 400(y − x²) + 800x², −400x], [−400x, 200]].
	x, y := -1.2, 1.0
	a, b, c := 2-400*(y-x*x)+800*x*x, -400*x, 200.0
	lambda := (a+c)/2 + math.Sqrt((a-c)*(a-c)/4+b*b)
	got, ok := s.CriticalLR(0)
	if !ok || !got.Local || math.Abs(got.LambdaMax-lambda) > 1e-5*lambda || math.Abs(got.LR-2/lambda) > 1e-5*2/lambda {
		t.Errorf("rosenbrock at the start: %+v, want a local 2/%v", got, lambda)
	}
}

// sweepDone computes the whole sweep.
func sweepDone(t *testing.T, s *Session) SweepResult {
	t.Helper()
	for range 10_000 {
		done, err := s.SweepWork(time.Millisecond)
		if err != nil {
			t.Fatal(err)
		}
		if done {
			res, ok := s.Sweep()
			if !ok {
				t.Fatal("done, but no sweep")
			}
			return res
		}
	}
	t.Fatal("the sweep does not end")
	return SweepResult{}
}

// TestSweep computes the sweep of GD on the quadratic in chunks: its edge
// is within a grid cell above 2/κ, a change of the learning rate keeps it
// and a change of the scene starts it again, a click maps to a learning
// rate within the grid and outside the plot to none, and a bad range is
// refused.
func TestSweep(t *testing.T) {
	s := mustNew(t, "fn=quadratic&opt=gd&lr=0.01&steps=100")
	if _, ok := s.Sweep(); ok {
		t.Fatal("a sweep before any work")
	}
	res := sweepDone(t, s)
	edge, ok := res.Runs[0].Edge()
	if cell := math.Pow(10, 5.0/39); !ok || edge < 0.2 || edge > 0.2*cell*1.0001 {
		t.Errorf("edge %v, want within a cell above 0.2", edge)
	}
	if _, err := s.SetParam(0, "lr", 0.05); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Sweep(); !ok {
		t.Error("a new learning rate dropped the sweep")
	}
	if run, lr, ok := s.SweepPick(0.5, 0.5); !ok || run != 0 || !(lr > 1e-4 && lr < 10) {
		t.Errorf("a click in the middle: run %d lr %v ok %v", run, lr, ok)
	}
	if _, _, ok := s.SweepPick(0.001, 0.5); ok {
		t.Error("a click on the axis labels picked a learning rate")
	}
	if _, err := s.SetSteps(50); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Sweep(); ok {
		t.Error("the sweep of 100 steps holds for 50")
	}
	if done, total, _ := s.SweepProgress(); done != 0 || total != 0 {
		t.Errorf("progress %d/%d before the new sweep starts", done, total)
	}
	for _, r := range []SweepRange{{Lo: 1, Hi: 0.1, N: 40}, {Lo: 1e-4, Hi: 10, N: 1}, {Lo: 0, Hi: 1, N: 10}} {
		if err := s.SetSweepRange(r); err == nil {
			t.Errorf("range %+v accepted", r)
		}
	}
	if s.SweepRange() != DefaultSweepRange {
		t.Errorf("a refused range changed the grid to %+v", s.SweepRange())
	}
}
