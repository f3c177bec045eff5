package optimizers

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func mustSurface(t testing.TB, name string) Surface {
	t.Helper()
	s, err := NewSurface(name, DefaultSurfaceParams())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestStabilityLimits checks the closed-form learning-rate limits against
// runs: just below the limit the run converges, just above it diverges and
// the status explains it with the limit.
func TestStabilityLimits(t *testing.T) {
	surf := mustQuadratic(t, 10)
	for _, c := range []struct {
		opt   func(lr float64) Optimizer
		limit float64 // derived by hand for λmax = 10
	}{
		{func(lr float64) Optimizer { return GD{LR: lr} }, 2.0 / 10},
		{func(lr float64) Optimizer { return GD{LR: lr, WeightDecay: 1} }, 2.0 / 11},
		{func(lr float64) Optimizer { return SGD{LR: lr, Momentum: 0.9} }, 2 * 1.9 / 10},
		{func(lr float64) Optimizer { return SGD{LR: lr, Momentum: 0.5, Nesterov: true} }, 2 * 1.5 / (2 * 10)},
	} {
		below := mustRun(t, Config{Surface: surf, Optimizer: c.opt(0.95 * c.limit), Start: surf.Start, Steps: 3000})
		if below.Status.Code != Done || below.Loss[len(below.Loss)-1] > 1e-6 {
			t.Errorf("%s at 0.95×limit: %v, final loss %g", c.opt(0).Name(), below.Status, below.Loss[len(below.Loss)-1])
		}
		above := mustRun(t, Config{Surface: surf, Optimizer: c.opt(1.05 * c.limit), Start: surf.Start, Steps: 3000})
		st := above.Status
		if st.Code != Diverged || !st.StableLimitKnown() || !closeTo(st.MaxLR, c.limit, 1e-12) {
			t.Errorf("%s at 1.05×limit: %+v, want diverged with MaxLR %v", c.opt(0).Name(), st, c.limit)
		}
	}
}

// TestDivergenceMessage checks the words of the example.
func TestDivergenceMessage(t *testing.T) {
	tr := mustRun(t, Config{Surface: mustQuadratic(t, 10), Optimizer: GD{LR: 0.6}, Start: [2]float64{-4, 1.5}, Steps: 100})
	got := tr.Status.String()
	if !strings.HasPrefix(got, "diverged at step ") || !strings.Contains(got, "lr 0.6 is above 2/λmax = 0.2") {
		t.Errorf("status %q", got)
	}
	// y grows by |1 − 0.6·10| = 5 per step: 1.5·5^t > 105 first at t = 3.
	if tr.Status.Step != 3 || tr.Steps() != 3 {
		t.Errorf("stopped at step %d with %d steps, want 3", tr.Status.Step, tr.Steps())
	}
}

// TestDivergenceLeavesNoNaN drives every optimizer far past stability on
// rosenbrock and checks that the record holds only finite numbers.
func TestDivergenceLeavesNoNaN(t *testing.T) {
	surf := mustSurface(t, "rosenbrock")
	for _, spec := range Specs() {
		opt, err := spec.New(Hyper{"lr": 10})
		if err != nil {
			t.Fatal(err)
		}
		tr := mustRun(t, Config{Surface: surf, Optimizer: opt, Start: [2]float64{-2, 2}, Steps: 1000})
		for i, p := range tr.Points {
			if !finite(p[0]) || !finite(p[1]) || !finite(tr.Loss[i]) {
				t.Fatalf("%s: point %d is %v, loss %v", spec.Name, i, p, tr.Loss[i])
			}
		}
		if tr.Status.Code == Diverged && !strings.Contains(tr.Status.String(), "diverged at step") {
			t.Errorf("%s: status %q", spec.Name, tr.Status)
		}
	}
	// GD with lr 10 on rosenbrock leaves the bound or overflows at once.
	tr := mustRun(t, Config{Surface: surf, Optimizer: GD{LR: 10}, Start: [2]float64{-2, 2}, Steps: 1000})
	if tr.Status.Code != Diverged || tr.Status.Step > 3 {
		t.Errorf("GD lr 10: %+v", tr.Status)
	}
}

// TestNonFiniteStops steps f = √x + y² out of its domain: from x = 0.5,
// g = 1/(2√0.5) ≈ 0.707 and GD with lr 1 lands at x ≈ −0.207, where f is
// NaN. The run stops there and keeps only the finite start.
func TestNonFiniteStops(t *testing.T) {
	surf := Surface{
		Name: "sqrt",
		Objective: Func2{
			F: func(x, y float64) float64 { return math.Sqrt(x) + y*y },
			G: func(x, y float64) (float64, float64) { return 0.5 / math.Sqrt(x), 2 * y },
		},
		Domain: Box{0, 1, -1, 1},
	}
	tr := mustRun(t, Config{Surface: surf, Optimizer: GD{LR: 1}, Start: [2]float64{0.5, 0}, Steps: 10})
	if tr.Status.Code != Diverged || tr.Status.Cause != NonFinite || tr.Status.Step != 1 || tr.Steps() != 0 {
		t.Fatalf("status %+v after %d steps", tr.Status, tr.Steps())
	}
	if _, err := NewRunner(Config{Surface: surf, Optimizer: GD{LR: 1}, Start: [2]float64{-1, 0}, Steps: 10}); err == nil {
		t.Error("a start where f is NaN was accepted")
	}
}

// TestSaddleEscapes: x² − y² has no minimum; leaving is escape.
func TestSaddleEscapes(t *testing.T) {
	tr := mustRun(t, Config{Surface: mustSurface(t, "saddle"), Optimizer: GD{LR: 0.1}, Start: [2]float64{-1.5, 1e-3}, Steps: 1000})
	// x shrinks by 0.8 and y grows by 1.2 per step: 1e-3·1.2^t > 42 at t = 59.
	if tr.Status.Code != Escaped || tr.Status.Step != 59 || !strings.HasPrefix(tr.Status.String(), "escaped at step 59") {
		t.Errorf("status %+v %q", tr.Status, tr.Status)
	}
	// With no y offset the saddle point is a fixed point of GD.
	tr = mustRun(t, Config{Surface: mustSurface(t, "saddle"), Optimizer: GD{LR: 0.1}, Start: [2]float64{-1.5, 0}, Steps: 200})
	if tr.Status.Code != Done || math.Abs(tr.Points[200][0]) > 1e-15 {
		t.Errorf("from (−1.5, 0): %v at %v", tr.Status, tr.Points[200])
	}
}

// TestDeterminism runs stochastic scenes twice with the same seed and
// demands bit-identical records, and different records from another seed.
func TestDeterminism(t *testing.T) {
	lin, err := NewLinReg(100, 5)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		surf  Surface
		noise GradientNoise
	}{
		{mustSurface(t, "rosenbrock"), GradientNoise{Std: 2, Seed: 9}},
		{lin, GradientNoise{Batch: 10, Seed: 9}},
		{lin, GradientNoise{Batch: 7, Std: 0.5, Seed: 9}},
	} {
		cfg := Config{Surface: c.surf, Optimizer: DefaultAdam(), Start: c.surf.Start, Steps: 300, Noise: c.noise}
		a, b := mustRun(t, cfg), mustRun(t, cfg)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s %+v: two runs differ", c.surf.Name, c.noise)
		}
		cfg.Noise.Seed++
		if other := mustRun(t, cfg); reflect.DeepEqual(a.Points, other.Points) {
			t.Errorf("%s %+v: another seed gives the same run", c.surf.Name, c.noise)
		}
	}
}

// TestMinibatches checks the sampling: epochs are permutations walked in
// batches, every step's gradient is the batch gradient of its recorded
// indices, and runs with the same seed see the same batches.
func TestMinibatches(t *testing.T) {
	lin, err := NewLinReg(10, 3)
	if err != nil {
		t.Fatal(err)
	}
	data := lin.Objective.(LinReg)
	run := func(o Optimizer) *Trajectory {
		return mustRun(t, Config{Surface: lin, Optimizer: o, Start: lin.Start, Steps: 30, Noise: GradientNoise{Batch: 3, Seed: 4}})
	}
	tr := run(DefaultSGD())
	zeroEverywhere := true
	for epoch := 0; epoch < 10; epoch++ { // 3 batches of 3 per epoch; 1 point dropped
		var seen []int32
		for s := 3*epoch + 1; s <= 3*epoch+3; s++ {
			b := tr.Batch(s)
			if len(b) != 3 {
				t.Fatalf("step %d: batch %v", s, b)
			}
			seen = append(seen, b...)
			zeroEverywhere = zeroEverywhere && slices.Contains(b, 0)
			idx := make([]int, len(b))
			for i, v := range b {
				idx[i] = int(v)
			}
			g := make([]float64, 2)
			data.BatchGrad(g, tr.Points[s-1][:], idx)
			if g[0] != tr.Grads[s-1][0] || g[1] != tr.Grads[s-1][1] {
				t.Fatalf("step %d: gradient %v, batch gradient of %v is %v", s, tr.Grads[s-1], b, g)
			}
		}
		slices.Sort(seen)
		if len(slices.Compact(seen)) != 9 {
			t.Errorf("epoch %d: batches %v repeat a point", epoch, seen)
		}
	}
	if zeroEverywhere {
		t.Error("sample 0 is in every batch")
	}
	other := run(DefaultAdam())
	for s := 1; s <= 30; s++ {
		if !slices.Equal(tr.Batch(s), other.Batch(s)) {
			t.Fatalf("step %d: two optimizers see batches %v and %v", s, tr.Batch(s), other.Batch(s))
		}
	}
	full := mustRun(t, Config{Surface: lin, Optimizer: DefaultSGD(), Start: lin.Start, Steps: 5, Noise: GradientNoise{Batch: 10}})
	if full.Batch(1) != nil || full.Grads[0] != full.TrueGrads[0] {
		t.Error("batch = n is not the full batch")
	}
}

// TestGaussianNoise checks the mean and standard deviation of the noise.
func TestGaussianNoise(t *testing.T) {
	surf := mustQuadratic(t, 10)
	o, err := NewOracle(surf.Objective, GradientNoise{Std: 0.7, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	const n = 40000
	x := []float64{1, -2}
	exact := make([]float64, 2)
	surf.Grad(exact, x)
	g := make([]float64, 2)
	var sum, sumsq [2]float64
	for range n {
		o.Grad(g, x)
		for k := range g {
			d := g[k] - exact[k]
			sum[k] += d
			sumsq[k] += d * d
		}
	}
	for k := range sum {
		mean, std := sum[k]/n, math.Sqrt(sumsq[k]/n)
		if math.Abs(mean) > 4*0.7/math.Sqrt(n) || math.Abs(std-0.7) > 0.02 {
			t.Errorf("coordinate %d: noise mean %v, std %v; want 0 and 0.7", k, mean, std)
		}
	}
	if _, err := NewOracle(surf.Objective, GradientNoise{Batch: 5}); err == nil {
		t.Error("a minibatch on a surface without data was accepted")
	}
	if _, err := NewOracle(surf.Objective, GradientNoise{Std: math.NaN()}); err == nil {
		t.Error("NaN noise accepted")
	}
}

// TestTrajectoryRecordsState checks the record against a state stepped by
// hand with the same gradients.
func TestTrajectoryRecordsState(t *testing.T) {
	surf := mustSurface(t, "beale")
	for _, spec := range Specs() {
		opt, err := spec.New(Hyper{"lr": 1e-3})
		if err != nil {
			t.Fatal(err)
		}
		tr := mustRun(t, Config{Surface: surf, Optimizer: opt, Start: surf.Start, Steps: 25})
		if tr.Steps() != 25 || len(tr.Loss) != 26 || len(tr.Grads) != 25 || len(tr.TrueGrads) != 26 || tr.Status.Code != Done {
			t.Fatalf("%s: %d steps, %d losses, %d grads, %v", spec.Name, tr.Steps(), len(tr.Loss), len(tr.Grads), tr.Status)
		}
		st := opt.Init(2)
		x := []float64{surf.Start[0], surf.Start[1]}
		for s := 1; s <= 25; s++ {
			g := []float64{tr.Grads[s-1][0], tr.Grads[s-1][1]}
			st.Step(x, g)
			if !reflect.DeepEqual(st.Vars(), tr.Vars(s)) {
				t.Fatalf("%s step %d: vars %v, recorded %v", spec.Name, s, st.Vars(), tr.Vars(s))
			}
			if x[0] != tr.Points[s][0] || x[1] != tr.Points[s][1] || surf.Func(x) != tr.Loss[s] {
				t.Fatalf("%s step %d: point %v, recorded %v", spec.Name, s, x, tr.Points[s])
			}
		}
	}
}

// TestRunnerSteps checks stepping one at a time matches Run.
func TestRunnerSteps(t *testing.T) {
	surf := mustSurface(t, "himmelblau")
	cfg := Config{Surface: surf, Optimizer: DefaultRMSprop(), Start: surf.Start, Steps: 40}
	r, err := NewRunner(cfg)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for r.Step() {
		n++
		if r.Trajectory().Steps() != n || r.Trajectory().Status.Code != Running {
			t.Fatalf("after %d steps: %d recorded, %v", n, r.Trajectory().Steps(), r.Trajectory().Status)
		}
	}
	if n != 39 || r.Step() || r.Trajectory().Status.Code != Done {
		t.Errorf("Step returned true %d times, then status %v", n, r.Trajectory().Status)
	}
	if !reflect.DeepEqual(r.Trajectory(), mustRun(t, cfg)) {
		t.Error("stepping differs from Run")
	}
	zero := mustRun(t, Config{Surface: surf, Optimizer: DefaultRMSprop(), Start: surf.Start, Steps: 0})
	if zero.Steps() != 0 || zero.Status.Code != Done {
		t.Errorf("0 steps: %d, %v", zero.Steps(), zero.Status)
	}
}

func TestNewRunnerErrors(t *testing.T) {
	surf := mustSurface(t, "booth")
	for _, cfg := range []Config{
		{Optimizer: GD{LR: 1}, Steps: 1},
		{Surface: surf, Steps: 1},
		{Surface: surf, Optimizer: GD{LR: -1}, Steps: 1},
		{Surface: surf, Optimizer: GD{LR: 1}, Steps: -1},
		{Surface: surf, Optimizer: GD{LR: 1}, Steps: MaxSteps + 1},
		{Surface: surf, Optimizer: GD{LR: 1}, Steps: 1, Start: [2]float64{math.NaN(), 0}},
		{Surface: surf, Optimizer: GD{LR: 1}, Steps: 1, Noise: GradientNoise{Batch: 3}},
	} {
		if _, err := NewRunner(cfg); err == nil {
			t.Errorf("NewRunner(%+v) did not fail", cfg)
		}
	}
}
