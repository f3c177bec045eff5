package optimizers

import (
	"math"
	"strings"
	"testing"
)

// relClose reports |got − want| ≤ tol·|want|: a relative tolerance, with
// equality required when want is 0.
func relClose(got, want, tol float64) bool {
	return got == want || math.Abs(got-want) <= tol*math.Abs(want)
}

// The formulas for lr_t, written out here from the issue text
// (not from schedule.go), with math.Pow, math.Floor and math.Cos.
func wantStep(lr, gamma float64, every, t int) float64 {
	return lr * math.Pow(gamma, math.Floor(float64(t)/float64(every)))
}

func wantExp(lr, gamma float64, t int) float64 { return lr * math.Pow(gamma, float64(t)) }

func wantCosine(lr, lrmin float64, tmax, t int) float64 {
	return lrmin + (lr-lrmin)*(1+math.Cos(math.Pi*float64(t)/float64(tmax)))/2
}

func wantWarmcos(lr, lrmin float64, warmup, steps, t int) float64 {
	if t < warmup {
		return lr * float64(t+1) / float64(warmup)
	}
	return lrmin + (lr-lrmin)*(1+math.Cos(math.Pi*float64(t-warmup)/float64(steps-warmup)))/2
}

// wantLR returns the formula's lr_t of one of this package's schedules.
func wantLR(t *testing.T, s Schedule, lr float64, step int) float64 {
	t.Helper()
	switch s := s.(type) {
	case ConstantLR:
		return lr
	case StepLR:
		return wantStep(lr, s.Gamma, s.Every, step)
	case ExponentialLR:
		return wantExp(lr, s.Gamma, step)
	case CosineLR:
		return wantCosine(lr, s.LRMin, s.TMax, step)
	case WarmupCosineLR:
		return wantWarmcos(lr, s.LRMin, s.Warmup, s.Steps, step)
	}
	t.Fatalf("no formula for %T", s)
	return 0
}

// TestScheduleValuesByHand checks lr_t at chosen updates against values
// worked out by hand from the formulas: step's plateaus, exp's
// powers, cosine at 0, tmax/2, tmax and past tmax (where it rises again
// to lr at 2·tmax), warmcos at t = 0, warmup−1, warmup, the cosine's
// middle and steps−1, and with warmup = 1.
func TestScheduleValuesByHand(t *testing.T) {
	for _, c := range []struct {
		name  string
		sched Schedule
		lr    float64
		at    map[int]float64 // t → lr_t
	}{
		{"const", ConstantLR{}, 0.3, map[int]float64{0: 0.3, 1: 0.3, 99: 0.3}},
		{"step every 3 halving", StepLR{Every: 3, Gamma: 0.5}, 1,
			map[int]float64{0: 1, 1: 1, 2: 1, 3: 0.5, 5: 0.5, 6: 0.25, 8: 0.25, 9: 0.125, 30: 1.0 / 1024}},
		{"step every 1 is exp", StepLR{Every: 1, Gamma: 0.5}, 2, map[int]float64{0: 2, 1: 1, 2: 0.5, 10: 2.0 / 1024}},
		{"step gamma 1 is const", StepLR{Every: 2, Gamma: 1}, 0.7, map[int]float64{0: 0.7, 5: 0.7, 1000: 0.7}},
		{"exp 0.5", ExponentialLR{Gamma: 0.5}, 4, map[int]float64{0: 4, 1: 2, 2: 1, 3: 0.5, 12: 1.0 / 1024}},
		{"exp 0.9", ExponentialLR{Gamma: 0.9}, 1, map[int]float64{0: 1, 1: 0.9, 2: 0.81, 3: 0.729}},
		{"cosine tmax 10", CosineLR{TMax: 10, LRMin: 0.1}, 1, map[int]float64{
			0: 1, 5: 0.55, 10: 0.1, // down: lrmin + 0.9·(1 + cos(π/2))/2, then lrmin at tmax
			15: 0.55, 20: 1, 25: 0.55, 30: 0.1, // past tmax it rises again, a period of 2·tmax
		}},
		// cos(π/3) = ½, cos(2π/3) = −½: lr·(1 ± ½)/2 = 1.5 and 0.5, and back up past tmax.
		{"cosine thirds", CosineLR{TMax: 3, LRMin: 0}, 2, map[int]float64{0: 2, 1: 1.5, 2: 0.5, 3: 0, 4: 0.5, 5: 1.5, 6: 2}},
		{"cosine tmax 1", CosineLR{TMax: 1, LRMin: 0.25}, 1, map[int]float64{0: 1, 1: 0.25, 2: 1, 3: 0.25}},
		{"warmcos warmup 4 of 20", WarmupCosineLR{Warmup: 4, Steps: 20, LRMin: 0.2}, 2, map[int]float64{
			0: 0.5, 1: 1, 2: 1.5, 3: 2, // lr·(t+1)/warmup, reaching lr at t = warmup − 1
			4:  2,   // t = warmup: the cosine starts at lr
			12: 1.1, // (12 − 4)/(20 − 4) = ½: lrmin + (lr − lrmin)/2
			20: 0.2, // the cosine would reach lrmin at t = steps
		}},
		{"warmcos warmup 1 of 4", WarmupCosineLR{Warmup: 1, Steps: 4, LRMin: 0}, 2, map[int]float64{
			0: 2,   // t < warmup = 1: lr·1/1, no warm-up at all
			1: 2,   // t = warmup: the cosine over steps − warmup = 3 updates starts at lr
			2: 1.5, // lr·(1 + cos(π/3))/2
			3: 0.5, // t = steps − 1: lr·(1 + cos(2π/3))/2
			4: 0,   // lrmin would come at t = steps
		}},
	} {
		for step, want := range c.at {
			if got := c.sched.LR(c.lr, step); !relClose(got, want, 1e-14) && math.Abs(got-want) > 1e-15 {
				t.Errorf("%s: lr_%d = %.17g, want %.17g", c.name, step, got, want)
			}
		}
	}
}

// TestScheduleFormulas compares every schedule with the formulas,
// computed independently in this file, at every update of a long run:
// cosine well past tmax (rising again), warmcos at the boundaries
// t = warmup−1, warmup and steps−1 and with warmup = 1, step and exp over
// many decays. The two may differ by a few ulps (powers by repeated
// squaring against math.Pow).
func TestScheduleFormulas(t *testing.T) {
	for _, c := range []struct {
		sched Schedule
		lr    float64
		steps int
	}{
		{ConstantLR{}, 0.01, 50},
		{StepLR{Every: 1, Gamma: 0.9}, 0.1, 200},
		{StepLR{Every: 7, Gamma: 0.5}, 0.05, 300},
		{StepLR{Every: 25, Gamma: 1e-6}, 3, 200},
		{StepLR{Every: 1000, Gamma: 0.3}, 1, 50}, // never decays within the run
		{ExponentialLR{Gamma: 0.97}, 0.2, 500},
		{ExponentialLR{Gamma: 1}, 0.2, 50},
		{ExponentialLR{Gamma: 0.5}, 1, 1100}, // into subnormals
		{CosineLR{TMax: 100, LRMin: 0}, 0.1, 100},
		{CosineLR{TMax: 12, LRMin: 0.005}, 0.05, 100}, // four periods and more
		{CosineLR{TMax: 1, LRMin: 0.01}, 0.1, 10},
		{CosineLR{TMax: 37, LRMin: 0.3}, 0.3, 100}, // lrmin = lr: constant
		{WarmupCosineLR{Warmup: 10, Steps: 100, LRMin: 0}, 0.1, 100},
		{WarmupCosineLR{Warmup: 1, Steps: 100, LRMin: 1e-4}, 0.1, 100},
		{WarmupCosineLR{Warmup: 99, Steps: 100, LRMin: 0.01}, 0.1, 100},
		{WarmupCosineLR{Warmup: 5, Steps: 6, LRMin: 0.02}, 0.2, 6},
	} {
		for step := 0; step < c.steps; step++ {
			want := wantLR(t, c.sched, c.lr, step)
			got := c.sched.LR(c.lr, step)
			// Near a zero of 1 + cos the rounding of cos is relative to
			// lr − lrmin, not to the result.
			if !relClose(got, want, 1e-13) && math.Abs(got-want) > 1e-15*c.lr {
				t.Errorf("%T%+v lr %v: lr_%d = %.17g, formula %.17g", c.sched, c.sched, c.lr, step, got, want)
				break
			}
		}
	}
}

// TestWarmcosBoundaries pins the warm-up's end and the cosine's start:
// lr_{warmup−1} = lr exactly (the warm-up's last update uses the full
// rate), lr_warmup = lr (the cosine's first), lr_{steps−1} above lrmin
// by (lr − lrmin)(1 − cos(π/(steps−warmup)))/2, and with warmup = 1 the
// cosine starts at t = 1 from lr_0 = lr.
func TestWarmcosBoundaries(t *testing.T) {
	for _, c := range []struct {
		warmup, steps int
		lr, lrmin     float64
	}{
		{10, 100, 0.1, 0}, {1, 100, 0.1, 0.001}, {1, 2, 0.5, 0.1}, {3, 4, 1, 0.5}, {50, 51, 0.01, 0},
	} {
		s := WarmupCosineLR{Warmup: c.warmup, Steps: c.steps, LRMin: c.lrmin}
		if got := s.LR(c.lr, c.warmup-1); got != c.lr {
			t.Errorf("%+v: lr_{warmup−1} = %v, want lr = %v", c, got, c.lr)
		}
		if got := s.LR(c.lr, c.warmup); got != c.lr {
			t.Errorf("%+v: lr_warmup = %v, want lr = %v", c, got, c.lr)
		}
		if c.warmup > 1 {
			if got, want := s.LR(c.lr, 0), c.lr/float64(c.warmup); !relClose(got, want, 1e-15) {
				t.Errorf("%+v: lr_0 = %v, want lr/warmup = %v", c, got, want)
			}
		}
		last := c.lrmin + (c.lr-c.lrmin)*(1-math.Cos(math.Pi/float64(c.steps-c.warmup)))/2
		if c.steps-c.warmup == 1 {
			last = c.lr // t = steps − 1 = warmup: the cosine's start
		}
		if got := s.LR(c.lr, c.steps-1); !relClose(got, last, 1e-12) {
			t.Errorf("%+v: lr_{steps−1} = %.17g, want %.17g", c, got, last)
		}
	}
}

// fakeOptimizer is an optimizer of another package, without a learning
// rate; fakeRated has one, but its state cannot take a scheduled one.
type (
	fakeOptimizer struct{}
	fakeRated     struct{ fakeOptimizer }
	fakeState     struct{}
)

func (fakeOptimizer) Name() string       { return "fake" }
func (fakeOptimizer) Validate() error    { return nil }
func (fakeOptimizer) Init(dim int) State { return fakeState{} }
func (fakeRated) LearningRate() float64  { return 1 }
func (fakeState) Step(x, g []float64)    {}
func (fakeState) Vars() []Var            { return nil }

// TestScheduleValidate checks that Validate refuses every parameter
// outside the domains (gamma in (0, 1], every ≥ 1, tmax ≥ 1,
// lrmin ≥ 0 and finite, warmup ≥ 1) and accepts the edges of them, and
// that Scheduled refuses a missing optimizer or schedule, an optimizer
// whose state cannot take a learning rate, and invalid parts.
func TestScheduleValidate(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for _, c := range []struct {
		sched Schedule
		ok    bool
	}{
		{ConstantLR{}, true},
		{StepLR{Every: 1, Gamma: 1}, true},
		{StepLR{Every: 1, Gamma: 1e-6}, true},
		{StepLR{Every: 0, Gamma: 0.5}, false},
		{StepLR{Every: -3, Gamma: 0.5}, false},
		{StepLR{Every: 2, Gamma: 0}, false},
		{StepLR{Every: 2, Gamma: -0.5}, false},
		{StepLR{Every: 2, Gamma: 1.0000001}, false},
		{StepLR{Every: 2, Gamma: nan}, false},
		{StepLR{Every: 2, Gamma: inf}, false},
		{ExponentialLR{Gamma: 1}, true},
		{ExponentialLR{Gamma: 0.97}, true},
		{ExponentialLR{Gamma: 0}, false},
		{ExponentialLR{Gamma: 2}, false},
		{ExponentialLR{Gamma: nan}, false},
		{CosineLR{TMax: 1, LRMin: 0}, true},
		{CosineLR{TMax: 100, LRMin: 0.5}, true},
		{CosineLR{TMax: 0, LRMin: 0}, false},
		{CosineLR{TMax: -1, LRMin: 0}, false},
		{CosineLR{TMax: 10, LRMin: -1e-9}, false},
		{CosineLR{TMax: 10, LRMin: nan}, false},
		{CosineLR{TMax: 10, LRMin: inf}, false},
		{WarmupCosineLR{Warmup: 1, Steps: 2, LRMin: 0}, true},
		{WarmupCosineLR{Warmup: 10, Steps: 100, LRMin: 0.01}, true},
		{WarmupCosineLR{Warmup: 0, Steps: 100, LRMin: 0}, false},
		{WarmupCosineLR{Warmup: -1, Steps: 100, LRMin: 0}, false},
		{WarmupCosineLR{Warmup: 1, Steps: -1, LRMin: 0}, false},
		{WarmupCosineLR{Warmup: 10, Steps: 100, LRMin: -0.1}, false},
		{WarmupCosineLR{Warmup: 10, Steps: 100, LRMin: nan}, false},
		{WarmupCosineLR{Warmup: 10, Steps: 100, LRMin: inf}, false},
	} {
		if err := c.sched.Validate(); (err == nil) != c.ok {
			t.Errorf("%T%+v: Validate() = %v, want ok = %v", c.sched, c.sched, err, c.ok)
		}
		err := Scheduled{Optimizer: DefaultAdam(), Schedule: c.sched}.Validate()
		if (err == nil) != c.ok {
			t.Errorf("Scheduled with %T%+v: Validate() = %v, want ok = %v", c.sched, c.sched, err, c.ok)
		}
	}
	for _, c := range []struct {
		name string
		o    Scheduled
	}{
		{"no optimizer", Scheduled{Schedule: ConstantLR{}}},
		{"no schedule", Scheduled{Optimizer: DefaultGD()}},
		{"optimizer without a learning rate", Scheduled{Optimizer: fakeOptimizer{}, Schedule: ConstantLR{}}},
		{"state without a learning rate", Scheduled{Optimizer: fakeRated{}, Schedule: ConstantLR{}}},
		{"invalid optimizer", Scheduled{Optimizer: GD{LR: -1}, Schedule: ConstantLR{}}},
		{"nesterov without momentum", Scheduled{Optimizer: SGD{LR: 0.1, Nesterov: true}, Schedule: ExponentialLR{Gamma: 0.9}}},
	} {
		if err := c.o.Validate(); err == nil {
			t.Errorf("%s: Validate() = nil, want an error", c.name)
		}
		if _, err := NewRunner(Config{Surface: mustQuadratic(t, 10), Optimizer: c.o, Start: [2]float64{1, 1}, Steps: 3}); err == nil {
			t.Errorf("%s: NewRunner accepted it", c.name)
		}
	}
}

// TestScheduledGDQuadratic runs GD with every schedule on ½(x² + κy²)
// through Run and compares every point with the closed form
// x_t = x_0·∏_{s<t}(1 − lr_s·(1+λ)), y_t = y_0·∏_{s<t}(1 − lr_s·(κ+λ)),
// lr_s from the formulas computed in this file, to 1e-12
// relative; and the trajectory's "lr" variable with lr_s. The learning
// rates keep every factor at least 0.05 away from 0, so that relative
// errors stay a few ulps per step. (Near the cosine's end, lr_s itself may
// differ by 1e-15·lr from the formula: 1 + cos(π·u) cancels, and the
// code rounds π·u differently.)
func TestScheduledGDQuadratic(t *testing.T) {
	const steps = 80
	x0 := [2]float64{-4, 1.5}
	for _, c := range []struct {
		kappa, lr, wd float64
		sched         Schedule
	}{
		{10, 0.08, 0, ConstantLR{}},
		{10, 0.08, 0, StepLR{Every: 10, Gamma: 0.5}},
		{10, 0.15, 0, StepLR{Every: 20, Gamma: 0.2}}, // factors −0.5, then 0.7
		{10, 0.095, 0, ExponentialLR{Gamma: 0.97}},
		{0.5, 0.9, 0, ExponentialLR{Gamma: 0.99}},
		{10, 0.08, 0, CosineLR{TMax: 80, LRMin: 0}},
		{10, 0.08, 0, CosineLR{TMax: 25, LRMin: 0.01}}, // past tmax, rising again
		{3, 0.25, 0.2, CosineLR{TMax: 30, LRMin: 0.05}},
		{10, 0.08, 0, WarmupCosineLR{Warmup: 8, Steps: steps, LRMin: 0.001}},
		{10, 0.08, 0, WarmupCosineLR{Warmup: 1, Steps: steps, LRMin: 0}},
		{0.5, 0.8, 0.1, WarmupCosineLR{Warmup: 20, Steps: steps, LRMin: 0.2}},
	} {
		surf := mustQuadratic(t, c.kappa)
		opt := Scheduled{Optimizer: GD{LR: c.lr, WeightDecay: c.wd}, Schedule: c.sched}
		tr := mustRun(t, Config{Surface: surf, Optimizer: opt, Start: x0, Steps: steps})
		if tr.Status.Code != Done || len(tr.Points) != steps+1 {
			t.Fatalf("%T%+v: %d points, %v", c.sched, c.sched, len(tr.Points), tr.Status)
		}
		wx, wy := x0[0], x0[1]
		for s := 0; s < steps; s++ {
			lrs := wantLR(t, c.sched, c.lr, s)
			fx, fy := 1-lrs*(1+c.wd), 1-lrs*(c.kappa+c.wd)
			if math.Abs(fx) < 0.05 || math.Abs(fy) < 0.05 {
				t.Fatalf("%T%+v: factor %v, %v at step %d too near 0 for a relative test", c.sched, c.sched, fx, fy, s)
			}
			wx, wy = wx*fx, wy*fy
			p := tr.Points[s+1]
			if !relClose(p[0], wx, 1e-12) || !relClose(p[1], wy, 1e-12) {
				t.Fatalf("%T%+v κ %v lr %v: point %d = %.17g, closed form (%.17g, %.17g)",
					c.sched, c.sched, c.kappa, c.lr, s+1, p, wx, wy)
			}
			if got := varValue(t, tr.Vars(s+1), "lr"); len(got) != 1 || !relClose(got[0], lrs, 1e-13) && math.Abs(got[0]-lrs) > 1e-15*c.lr {
				t.Fatalf("%T%+v: lr var of update %d = %v, formula %v", c.sched, c.sched, s, got, lrs)
			}
		}
	}
}

// TestScheduledConstantIsPlain: for every registered optimizer at its
// defaults, the constant schedule gives the unscheduled run bit for bit,
// and the scheduled state's Vars are the optimizer's followed by "lr".
func TestScheduledConstantIsPlain(t *testing.T) {
	surf := mustSurface(t, "rosenbrock")
	for _, spec := range Specs() {
		h := Hyper{"lr": 0.01}
		if spec.Name == "adadelta" {
			h["lr"] = 1
		}
		opt, err := spec.New(h)
		if err != nil {
			t.Fatal(err)
		}
		cfg := Config{Surface: surf, Optimizer: opt, Start: surf.Start, Steps: 40}
		plain := mustRun(t, cfg)
		cfg.Optimizer = Scheduled{Optimizer: opt, Schedule: ConstantLR{}}
		sched := mustRun(t, cfg)
		if len(plain.Points) != len(sched.Points) {
			t.Fatalf("%s: %d points scheduled, %d plain", spec.Name, len(sched.Points), len(plain.Points))
		}
		for i := range plain.Points {
			if plain.Points[i] != sched.Points[i] {
				t.Fatalf("%s: point %d %v scheduled, %v plain", spec.Name, i, sched.Points[i], plain.Points[i])
			}
		}
		n := len(plain.VarNames)
		if len(sched.VarNames) != n+1 || sched.VarNames[n] != "lr" || sched.VarLens[n] != 1 {
			t.Errorf("%s: vars %v %v, plain %v", spec.Name, sched.VarNames, sched.VarLens, plain.VarNames)
		}
		for i := 0; i < n; i++ {
			if sched.VarNames[i] != plain.VarNames[i] || sched.VarLens[i] != plain.VarLens[i] {
				t.Errorf("%s: vars %v, plain %v", spec.Name, sched.VarNames, plain.VarNames)
				break
			}
		}
		if cfg.Optimizer.Name() != spec.Name {
			t.Errorf("scheduled %s is named %q", spec.Name, cfg.Optimizer.Name())
		}
		if lr := cfg.Optimizer.(Scheduled).LearningRate(); lr != h["lr"] {
			t.Errorf("scheduled %s: LearningRate() = %v, want the base %v", spec.Name, lr, h["lr"])
		}
	}
}

// lionRef is Lion's update as the paper's Algorithm 2 gives it, with the
// learning rate of each update passed in (as lucidrains/lion-pytorch reads
// the group's lr, scheduled, for both the sign step and the decoupled
// decay):
//
//	c_t = β1·m_{t−1} + (1−β1)·g_t
//	x_t = x_{t−1} − η_t·(sign(c_t) + λ·x_{t−1})
//	m_t = β2·m_{t−1} + (1−β2)·g_t
type lionRef struct {
	b1, b2, wd float64
	m          [2]float64
}

func (l *lionRef) step(x, g [2]float64, lr float64) [2]float64 {
	var out [2]float64
	for i := range x {
		c := l.b1*l.m[i] + (1-l.b1)*g[i]
		sign := 0.0
		switch {
		case c > 0:
			sign = 1
		case c < 0:
			sign = -1
		}
		out[i] = x[i] - lr*(sign+l.wd*x[i])
		l.m[i] = l.b2*l.m[i] + (1-l.b2)*g[i]
	}
	return out
}

// TestScheduledLionReference: PyTorch has no Lion, so Lion with every
// schedule is checked against lionRef, an implementation of its rule in
// this file, with lr_t from the formulas, on two surfaces, to
// 1e-12 relative (the gradient at each reference point comes from the
// surface, the only code shared).
func TestScheduledLionReference(t *testing.T) {
	const steps = 40
	for _, c := range []struct {
		fn             string
		lr, b1, b2, wd float64
		sched          Schedule
	}{
		{"rosenbrock", 0.01, 0.9, 0.99, 0, StepLR{Every: 7, Gamma: 0.5}},
		{"rosenbrock", 0.01, 0.9, 0.99, 0.1, ExponentialLR{Gamma: 0.95}},
		{"quadratic", 0.05, 0.9, 0.99, 0.2, CosineLR{TMax: 15, LRMin: 0.005}},
		{"beale", 0.02, 0.8, 0.95, 0.05, WarmupCosineLR{Warmup: 6, Steps: steps, LRMin: 0.001}},
		{"quadratic", 0.05, 0.9, 0.99, 0, WarmupCosineLR{Warmup: 1, Steps: steps, LRMin: 0}},
		{"himmelblau", 0.1, 0.9, 0.99, 0.01, CosineLR{TMax: 40, LRMin: 0}},
	} {
		surf := mustSurface(t, c.fn)
		opt := Scheduled{Optimizer: Lion{LR: c.lr, Beta1: c.b1, Beta2: c.b2, WeightDecay: c.wd}, Schedule: c.sched}
		tr := mustRun(t, Config{Surface: surf, Optimizer: opt, Start: surf.Start, Steps: steps})
		if len(tr.Points) != steps+1 {
			t.Fatalf("%s %T: %v", c.fn, c.sched, tr.Status)
		}
		ref := lionRef{b1: c.b1, b2: c.b2, wd: c.wd}
		x := surf.Start
		for s := 0; s < steps; s++ {
			g := make([]float64, 2)
			surf.Grad(g, x[:])
			x = ref.step(x, [2]float64{g[0], g[1]}, wantLR(t, c.sched, c.lr, s))
			p := tr.Points[s+1]
			if !relClose(p[0], x[0], 1e-12) || !relClose(p[1], x[1], 1e-12) {
				t.Fatalf("%s %T%+v: point %d = %.17g, reference %.17g", c.fn, c.sched, c.sched, s+1, p, x)
			}
		}
	}
}

// TestScheduledDivergenceNamesTheLimit: a scheduled GD that diverges on
// the quadratic (λmax = κ = 10, so 2/λmax = 0.2) is told, as an
// unscheduled one is, that its learning rate (the schedule's peak, the
// base rate) is above 2/λmax; an adaptive rule under a schedule has no
// such limit.
func TestScheduledDivergenceNamesTheLimit(t *testing.T) {
	surf := mustQuadratic(t, 10)
	opt := Scheduled{Optimizer: GD{LR: 0.5}, Schedule: ExponentialLR{Gamma: 0.99}}
	tr := mustRun(t, Config{Surface: surf, Optimizer: opt, Start: [2]float64{-4, 1.5}, Steps: 100})
	st := tr.Status
	if st.Code != Diverged || !st.StableLimitKnown() || st.LR != 0.5 || st.MaxLR != 0.2 || st.LambdaMax != 10 {
		t.Fatalf("status %+v, want diverged with lr 0.5 above 2/λmax = 0.2", st)
	}
	if want := "lr 0.5 is above 2/λmax = 0.2"; !strings.Contains(st.String(), want) {
		t.Errorf("%q does not say %q", st.String(), want)
	}
	adam := Scheduled{Optimizer: Adam{LR: 50, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}, Schedule: ExponentialLR{Gamma: 0.99}}
	tr = mustRun(t, Config{Surface: surf, Optimizer: adam, Start: [2]float64{-4, 1.5}, Steps: 100})
	if tr.Status.StableLimitKnown() {
		t.Errorf("scheduled Adam: status %+v claims a stability limit", tr.Status)
	}
}
