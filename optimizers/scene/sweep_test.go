package scene

import (
	"math"
	"reflect"
	"testing"

	"github.com/optimplay/optimplay/optimizers"
)

// TestSweepGrid: n learning rates from lo to hi inclusive, lo and hi
// exact, a constant ratio (hi/lo)^(1/(n−1)) between neighbours (to
// 1e-13), each within 1e-14 of lo·(hi/lo)^(i/(n−1)), and powers of ten
// exact, so that a sweep over decades prints round numbers.
func TestSweepGrid(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		n      int
	}{
		{1e-4, 10, 40}, {1e-3, 1, 46}, {1e-8, 1e3, 200}, {0.3, 0.7, 9}, {1e-5, 3, 2}, {2e-6, 700, 199},
	} {
		g, err := SweepGrid(c.lo, c.hi, c.n)
		if err != nil {
			t.Fatalf("%+v: %v", c, err)
		}
		if len(g) != c.n || g[0] != c.lo || g[c.n-1] != c.hi {
			t.Fatalf("%+v: %d values from %v to %v", c, len(g), g[0], g[len(g)-1])
		}
		ratio := math.Pow(c.hi/c.lo, 1/float64(c.n-1))
		for i := range g {
			want := c.lo * math.Pow(c.hi/c.lo, float64(i)/float64(c.n-1))
			if math.Abs(g[i]-want) > 1e-14*want {
				t.Errorf("%+v: grid[%d] = %v, want %v", c, i, g[i], want)
			}
			if i > 0 && math.Abs(g[i]/g[i-1]-ratio) > 1e-13*ratio {
				t.Errorf("%+v: grid[%d]/grid[%d] = %v, want %v", c, i, i-1, g[i]/g[i-1], ratio)
			}
		}
	}
	for _, c := range []struct {
		lo, hi float64
		n      int
		want   []float64
	}{
		{1e-3, 1, 4, []float64{0.001, 0.01, 0.1, 1}},
		{1e-4, 10, 6, []float64{1e-4, 1e-3, 0.01, 0.1, 1, 10}},
		{1e-8, 1e3, 12, []float64{1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.1, 1, 10, 100, 1000}},
		{1e-2, 1, 5, []float64{0.01, math.Sqrt(0.001), 0.1, math.Sqrt(0.1), 1}},
	} {
		g, _ := SweepGrid(c.lo, c.hi, c.n)
		for i := range c.want {
			if g[i] != c.want[i] && math.Abs(g[i]-c.want[i]) > 1e-15*c.want[i] {
				t.Errorf("SweepGrid(%v, %v, %d)[%d] = %v, want %v", c.lo, c.hi, c.n, i, g[i], c.want[i])
			}
			if math.Mod(math.Log10(c.want[i]), 1) == 0 && g[i] != c.want[i] {
				t.Errorf("SweepGrid(%v, %v, %d)[%d] = %v, want the power of ten %v exactly", c.lo, c.hi, c.n, i, g[i], c.want[i])
			}
		}
	}
}

// TestSweepGridRefuses: ranges outside [MinSweepLR, MaxSweepLR], lo ≥ hi,
// n outside [2, MaxSweepCount], non-numbers and malformed LO,HI,N.
func TestSweepGridRefuses(t *testing.T) {
	for _, raw := range []string{
		"1,1,5", "2,1,5", "1e-3,1,1", "1e-3,1,0", "1e-3,1,-1", "1e-3,1,201", "-1,1,5", "0,1,5",
		"1e-9,1,5", "1e-3,1e4,5", "NaN,1,5", "1e-3,NaN,5", "1e-3,Inf,5", "a,1,5", "1e-3,1,2.5",
		"1e-3,1", "1e-3,1,5,6", "", ",,",
	} {
		if g, err := ParseSweepRange(raw); err == nil {
			t.Errorf("ParseSweepRange(%q) = %v, want an error", raw, g)
		}
	}
	for _, raw := range []string{"1e-3,1,5", " 1e-8 , 1e3 , 200 ", "0.1,0.2,2"} {
		if _, err := ParseSweepRange(raw); err != nil {
			t.Errorf("ParseSweepRange(%q): %v", raw, err)
		}
	}
}

// TestSweepRunEdgeBest: Edge is the smallest learning rate whose run
// diverged (an "escaped" run is no divergence), Best the finished run with
// the lowest final loss.
func TestSweepRunEdgeBest(t *testing.T) {
	for _, c := range []struct {
		r    SweepRun
		edge float64
		has  bool
		best int
	}{
		{SweepRun{LR: []float64{0.1, 0.2, 0.4, 0.8}, FinalLoss: []float64{3, 1, 2, 9}, Status: []string{"ok", "ok", "diverged", "ok"}}, 0.4, true, 1},
		{SweepRun{LR: []float64{0.1, 0.2}, FinalLoss: []float64{3, 1}, Status: []string{"ok", "ok"}}, 0, false, 1},
		{SweepRun{LR: []float64{0.1, 0.2}, FinalLoss: []float64{0.5, 0.1}, Status: []string{"escaped", "diverged"}}, 0.2, true, -1},
		{SweepRun{LR: []float64{0.1, 0.2, 0.3}, FinalLoss: []float64{1e-9, 5, 1e-12}, Status: []string{"ok", "ok", "diverged"}}, 0.3, true, 0},
	} {
		edge, has := c.r.Edge()
		if edge != c.edge || has != c.has || c.r.Best() != c.best {
			t.Errorf("%+v: Edge() = %v, %v, Best() = %d; want %v, %v, %d", c.r, edge, has, c.r.Best(), c.edge, c.has, c.best)
		}
	}
}

// TestSweepIsTheScene: each run of a sweep is the scene's run of that
// optimizer with only the learning rate changed (noise, schedule and all,
// lrmin kept at most the rate): the same final loss and status as running
// that scene, for every optimizer and learning rate; and the Sweeper
// counts its runs.
func TestSweepIsTheScene(t *testing.T) {
	s, notices := Parse("fn=linreg&n=30&batch=5&noise=0.2&seed=4&opt=gd,adam,lion&lr=0.05&sched=cosine&lrmin=0.01&adam.sched=warmcos&adam.warmup=3&steps=25")
	if len(notices) > 0 {
		t.Fatal(notices)
	}
	grid, _ := SweepGrid(1e-3, 1, 5)
	surf, _ := s.Surface()
	w := NewSweeper(s, surf, grid)
	if w.Total() != 15 || w.Done() != 0 {
		t.Fatalf("total %d, done %d", w.Total(), w.Done())
	}
	runs, err := Sweep(s, grid)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range s.Runs {
		if runs[i].Opt != r.Opt || !reflect.DeepEqual(runs[i].LR, grid) {
			t.Fatalf("run %d: %+v", i, runs[i])
		}
		for j, lr := range grid {
			one := s
			run := r
			run.Hyper = optimizers.Hyper{}
			for k, v := range r.Hyper {
				run.Hyper[k] = v
			}
			run.Hyper["lr"] = lr
			run.Sched.LRMin = math.Min(run.Sched.LRMin, lr)
			one.Runs = []Run{run}
			_, trajs, err := one.Run()
			if err != nil {
				t.Fatal(err)
			}
			tr := trajs[0]
			if got, want := runs[i].FinalLoss[j], tr.Loss[len(tr.Loss)-1]; got != want || runs[i].Status[j] != tr.Status.Code.String() {
				t.Errorf("%s lr %v: %v %s, the scene's run %v %s", r.Opt, lr, got, runs[i].Status[j], want, tr.Status.Code)
			}
		}
	}
}
