package scene

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/optimplay/optimplay/optimizers"
)

func TestDefault(t *testing.T) {
	s := Default()
	want := Scene{
		Fn: "rosenbrock", Kappa: 10, N: 100, X0: [2]float64{-1.2, 1},
		Runs:  []Run{{Opt: "adam", Hyper: optimizers.Hyper{"lr": 1e-3, "b1": 0.9, "b2": 0.999, "eps": 1e-8, "wd": 0, "amsgrad": 0, "bias": 1}}},
		Steps: 100, Noise: 0, Batch: 0, Seed: 1,
	}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("Default() = %+v, want %+v", s, want)
	}
}

// TestEncodeCanonical checks the canonical form against a query written
// out by hand from the schema.
func TestEncodeCanonical(t *testing.T) {
	s, notices := Parse("seed=7&steps=50&adam.lr=0.05&lr=0.1&opt=momentum,adam&x0=0.5,-1.5&fn=himmelblau&b1=0.8&noise=0.25")
	if len(notices) > 0 {
		t.Fatalf("notices %v", notices)
	}
	want := "fn=himmelblau&x0=0.5,-1.5&opt=momentum,adam" +
		"&b1=0.8&b2=0.999&eps=1e-08&mom=0.9&wd=0&nesterov=0&amsgrad=0&bias=1" +
		"&momentum.lr=0.1&adam.lr=0.05&steps=50&noise=0.25&seed=7"
	if got := Encode(s); got != want {
		t.Errorf("Encode =\n%s\nwant\n%s", got, want)
	}
	lin, _ := Parse("fn=linreg&n=40&batch=8&opt=sgd&lr=0.5")
	if got, want := Encode(lin), "fn=linreg&n=40&x0=-0.5,3&opt=sgd&lr=0.5&wd=0&steps=100&noise=0&batch=8&seed=1"; got != want {
		t.Errorf("Encode =\n%s\nwant\n%s", got, want)
	}
	q, _ := Parse("fn=quadratic&kappa=2.5&opt=gd")
	if got := Encode(q); !strings.HasPrefix(got, "fn=quadratic&kappa=2.5&x0=-4,1.5&opt=gd&lr=0.001&wd=0&") {
		t.Errorf("Encode = %s", got)
	}
}

// TestTraceExampleQuery decodes the query of the trace example.
func TestTraceExampleQuery(t *testing.T) {
	s, notices := Parse("fn=rosenbrock&x0=-1.2,1&opt=adam&lr=0.01&b1=0.9&b2=0.999&eps=1e-8&steps=100")
	if len(notices) > 0 || s.Runs[0].Hyper["lr"] != 0.01 || s.Steps != 100 {
		t.Errorf("%+v %v", s, notices)
	}
}

// TestPrecedence: defaults < key < name.key.
func TestPrecedence(t *testing.T) {
	s, notices := Parse("opt=gd,adam,lion&lr=0.1&adam.lr=0.3&b2=0.9&lion.b2=0.5")
	if len(notices) > 0 {
		t.Fatal(notices)
	}
	got := map[string][2]float64{}
	for _, r := range s.Runs {
		got[r.Opt] = [2]float64{r.Hyper["lr"], r.Hyper["b2"]}
	}
	want := map[string][2]float64{"gd": {0.1, 0}, "adam": {0.3, 0.9}, "lion": {0.1, 0.5}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("lr, b2 = %v, want %v", got, want)
	}
}

// TestNotices lists bad values with what the decoder must do.
func TestNotices(t *testing.T) {
	for _, c := range []struct {
		query string
		kind  NoticeKind
		key   string
		check func(Scene) bool
	}{
		{"lr=50", Clamped, "lr", func(s Scene) bool { return s.Runs[0].Hyper["lr"] == 10 }},
		{"lr=0", Clamped, "lr", func(s Scene) bool { return s.Runs[0].Hyper["lr"] == 1e-5 }},
		{"lr=abc", NotNumber, "lr", func(s Scene) bool { return s.Runs[0].Hyper["lr"] == 1e-3 }},
		{"lr=NaN", NotNumber, "lr", func(s Scene) bool { return s.Runs[0].Hyper["lr"] == 1e-3 }},
		{"lr=inf", Clamped, "lr", func(s Scene) bool { return s.Runs[0].Hyper["lr"] == 10 }},
		{"lr=1e999", Clamped, "lr", func(s Scene) bool { return s.Runs[0].Hyper["lr"] == 10 }},
		{"b1=1", Clamped, "b1", func(s Scene) bool { return s.Runs[0].Hyper["b1"] == 0.9999 }},
		{"b1=-0.5", Clamped, "b1", func(s Scene) bool { return s.Runs[0].Hyper["b1"] == 0 }},
		{"amsgrad=yes", NotFlag, "amsgrad", func(s Scene) bool { return s.Runs[0].Hyper["amsgrad"] == 0 }},
		{"bias=2", NotFlag, "bias", func(s Scene) bool { return s.Runs[0].Hyper["bias"] == 1 }},
		{"steps=1e9", Clamped, "steps", func(s Scene) bool { return s.Steps == MaxSteps }},
		{"steps=-3", Clamped, "steps", func(s Scene) bool { return s.Steps == 0 }},
		{"steps=12.5", NotInteger, "steps", func(s Scene) bool { return s.Steps == 100 }},
		{"seed=-1", Clamped, "seed", func(s Scene) bool { return s.Seed == 0 }},
		{"seed=99999999999", Clamped, "seed", func(s Scene) bool { return s.Seed == MaxSeed }},
		{"noise=-1", Clamped, "noise", func(s Scene) bool { return s.Noise == 0 }},
		{"fn=nosuch", UnknownSurface, "fn", func(s Scene) bool { return s.Fn == DefaultFn }},
		{"fn=<script>alert(1)</script>", UnknownSurface, "fn", func(s Scene) bool { return s.Fn == DefaultFn }},
		{"opt=adam,nosuch", UnknownOptimizer, "opt", func(s Scene) bool { return len(s.Runs) == 1 }},
		{"opt=nosuch", UnknownOptimizer, "opt", func(s Scene) bool { return s.Runs[0].Opt == "adam" }},
		{"opt=adam,adam", Duplicate, "opt", func(s Scene) bool { return len(s.Runs) == 1 }},
		{"opt=gd,sgd,momentum,nesterov,adagrad,rmsprop,adadelta,adam,adamw", TooMany, "opt",
			func(s Scene) bool { return len(s.Runs) == MaxRuns }},
		{"x0=1", NotPoint, "x0", func(s Scene) bool { return s.X0 == [2]float64{-1.2, 1} }},
		{"x0=1,NaN", NotPoint, "x0", func(s Scene) bool { return s.X0 == [2]float64{-1.2, 1} }},
		{"x0=9,-9", Clamped, "x0", func(s Scene) bool { return s.X0 == [2]float64{2, -1} }},
		{"fn=quadratic&kappa=0", Clamped, "kappa", func(s Scene) bool { return s.Kappa == MinKappa }},
		{"kappa=3", NotApplicable, "kappa", func(s Scene) bool { return s.Kappa == 10 }},
		{"fn=linreg&n=1", Clamped, "n", func(s Scene) bool { return s.N == MinN }},
		{"fn=linreg&n=20&batch=50", Clamped, "batch", func(s Scene) bool { return s.Batch == 0 }},
		{"batch=5", NotApplicable, "batch", func(s Scene) bool { return s.Batch == 0 }},
		{"opt=gd&b1=0.5", NotApplicable, "b1", func(s Scene) bool { return s.Runs[0].Hyper["b1"] == 0 }},
		{"gd.lr=0.5", NotApplicable, "gd.lr", func(s Scene) bool { return s.Runs[0].Hyper["lr"] == 1e-3 }},
		{"opt=gd&gd.mom=0.5", NotApplicable, "gd.mom", func(s Scene) bool { return len(s.Runs[0].Hyper) == 2 }},
		{"opt=nesterov&mom=0", Invalid, "nesterov", func(s Scene) bool { return s.Runs[0].Hyper["mom"] == 0.9 }},
		{"v=2", NewerVersion, "v", func(s Scene) bool { return true }},
	} {
		s, notices := Parse(c.query)
		if len(notices) != 1 || notices[0].Kind != c.kind || notices[0].Key != c.key || !c.check(s) {
			t.Errorf("%q: notices %v (%+v), scene %+v", c.query, notices, notices, s)
		}
		if len(notices) == 1 && notices[0].String() == "" {
			t.Errorf("%q: empty message", c.query)
		}
	}
}

// TestQuietQueries: unknown keys and ordinary values give no notices.
func TestQuietQueries(t *testing.T) {
	for _, q := range []string{"", "embed=1&lang=zh&show=surface", "adam.zzz=1", "v=1", "opt=gd,adam&lr=0.1", "fn=linreg&batch=100"} {
		if _, notices := Parse(q); len(notices) > 0 {
			t.Errorf("%q: %v", q, notices)
		}
	}
}

func TestMalformed(t *testing.T) {
	s, notices := Parse("lr=0.5&x=%zz&fn=booth")
	if len(notices) != 1 || notices[0].Kind != Malformed || s.Fn != "booth" || s.Runs[0].Hyper["lr"] != 0.5 {
		t.Errorf("%+v %v", s, notices)
	}
}

// TestNoticeCutsHostileValues keeps messages short.
func TestNoticeCutsHostileValues(t *testing.T) {
	_, notices := Parse("lr=" + strings.Repeat("9<b>", 1000))
	if len(notices) != 1 || len([]rune(notices[0].Given)) > maxGiven+1 {
		t.Errorf("%v", notices)
	}
}

// randomScene draws a valid scene.
func randomScene(rng *rand.Rand) Scene {
	fns := optimizers.SurfaceNames()
	s := Scene{Fn: fns[rng.IntN(len(fns))], Kappa: 10, N: 100, Seed: uint64(rng.IntN(MaxSeed + 1))}
	if s.Fn == "quadratic" {
		s.Kappa = MinKappa + rng.Float64()*(MaxKappa-MinKappa)
	}
	if s.Fn == "linreg" {
		s.N = MinN + rng.IntN(MaxN-MinN+1)
		if rng.IntN(3) == 0 {
			s.Data = randomData(rng)
			s.N = len(s.Data)
		}
		if rng.IntN(2) == 0 {
			s.Batch = 1 + rng.IntN(s.N-1)
		}
	}
	surf, _ := s.Surface()
	d := surf.Domain
	s.X0 = [2]float64{d.XMin + rng.Float64()*(d.XMax-d.XMin), d.YMin + rng.Float64()*(d.YMax-d.YMin)}
	specs := optimizers.Specs()
	rng.Shuffle(len(specs), func(i, j int) { specs[i], specs[j] = specs[j], specs[i] })
	for _, spec := range specs[:1+rng.IntN(MaxRuns)] {
		h := optimizers.Hyper{}
		for _, k := range spec.Keys {
			p, _ := optimizers.LookupParam(k)
			switch {
			case p.Scale == optimizers.Flag:
				h[k] = float64(rng.IntN(2))
			case rng.IntN(3) == 0:
				h[k] = spec.Defaults[k] // shared values make global keys
			default:
				h[k] = p.Min + rng.Float64()*(p.Max-p.Min)
			}
		}
		if spec.Name == "nesterov" || (spec.Name == "momentum" && h["nesterov"] == 1) {
			h["mom"] = max(h["mom"], 0.5)
		}
		s.Runs = append(s.Runs, Run{Opt: spec.Name, Hyper: h})
	}
	s.Steps = rng.IntN(MaxSteps + 1)
	s.Noise = rng.Float64() * MaxNoise
	return s
}

// TestRoundTrip: Decode(Encode(s)) = s without notices for random valid
// scenes.
func TestRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for range 2000 {
		s := randomScene(rng)
		q := Encode(s)
		got, notices := Parse(q)
		if len(notices) > 0 || !reflect.DeepEqual(got, s) {
			t.Fatalf("%s\ndecodes to %+v with %v\nwant %+v", q, got, notices, s)
		}
	}
}

// checkScene verifies the invariants of a decoded scene.
func checkScene(t *testing.T, s Scene) {
	t.Helper()
	surf, err := s.Surface()
	if err != nil {
		t.Fatalf("surface: %v", err)
	}
	if !surf.Domain.Contains(s.X0) {
		t.Fatalf("x0 %v outside %+v", s.X0, surf.Domain)
	}
	if len(s.Runs) < 1 || len(s.Runs) > MaxRuns || s.Steps < 0 || s.Steps > MaxSteps ||
		!(s.Noise >= 0 && s.Noise <= MaxNoise) || s.Batch < 0 || s.Batch >= s.N || s.Seed > MaxSeed {
		t.Fatalf("out of range: %+v", s)
	}
	if _, err := s.Configs(surf); err != nil {
		t.Fatalf("configs: %v", err)
	}
	if s.Data != nil {
		d, ok := surf.Objective.(optimizers.LinReg)
		if s.Fn != "linreg" || !ok || s.N != len(s.Data) || d.Len() != s.N {
			t.Fatalf("data %v on %s, n = %d", s.Data, s.Fn, s.N)
		}
		for i, p := range s.Data {
			if p != [2]float64{d.X[i], d.Y[i]} {
				t.Fatalf("point %d: %v, the surface has (%v, %v)", i, p, d.X[i], d.Y[i])
			}
		}
	}
	if s.Lesson < 0 || s.Lesson > MaxLesson {
		t.Fatalf("lesson %d", s.Lesson)
	}
	for _, r := range s.Runs {
		spec, _ := optimizers.LookupSpec(r.Opt)
		if spec.Mirrors != "" && s.Lesson != MistakesLesson || !spec.Gradient.Supports(surf.Objective) {
			t.Fatalf("%s in lesson %d on %s", r.Opt, s.Lesson, s.Fn)
		}
	}
	var names []string
	for _, r := range s.Runs {
		names = append(names, r.Opt)
		for k, v := range r.Hyper {
			p, _ := optimizers.LookupParam(k)
			if !(v >= p.Min && v <= p.Max) {
				t.Fatalf("%s.%s = %v outside [%v, %v]", r.Opt, k, v, p.Min, p.Max)
			}
		}
	}
	if len(slices.Compact(slices.Sorted(slices.Values(names)))) != len(names) {
		t.Fatalf("duplicate runs %v", names)
	}
	for _, r := range s.Runs {
		checkSched(t, s, r)
	}
}

// checkSched verifies the invariants of a decoded run's schedule: the
// constant one is the zero Sched; otherwise a known name, every parameter
// that applies within its range (a whole number where it must be), lrmin
// at most the run's learning rate, a warm-up shorter than the run when the
// run has two steps or more, the parameters that do not apply zero (so
// that equal schedules are equal values), and a valid schedule.
func checkSched(t *testing.T, s Scene, r Run) {
	t.Helper()
	sc := r.Sched
	if sc.Constant() {
		if sc != (Sched{}) {
			t.Fatalf("%s: constant schedule %+v is not the zero Sched", r.Opt, sc)
		}
		return
	}
	if !slices.Contains(SchedNames, sc.Name) {
		t.Fatalf("%s: unknown schedule %q", r.Opt, sc.Name)
	}
	uses := SchedKeysOf(sc.Name)
	for _, k := range SchedKeys {
		v := sc.Get(k.Key)
		if !slices.Contains(uses, k.Key) {
			if v != 0 {
				t.Fatalf("%s: %s = %v does not apply to %s", r.Opt, k.Key, v, sc.Name)
			}
			continue
		}
		if !(v >= k.Min && v <= k.Max) || k.Integer && v != float64(int(v)) {
			t.Fatalf("%s: %s = %v outside [%v, %v]", r.Opt, k.Key, v, k.Min, k.Max)
		}
	}
	if sc.LRMin > r.Hyper["lr"] {
		t.Fatalf("%s: lrmin %v above lr %v", r.Opt, sc.LRMin, r.Hyper["lr"])
	}
	if sc.Name == "warmcos" && sc.Warmup != 1 && sc.Warmup >= s.Steps {
		t.Fatalf("%s: warm-up %d of %d steps", r.Opt, sc.Warmup, s.Steps)
	}
	if _, err := sc.Schedule(s.Steps); err != nil {
		t.Fatalf("%s: %v", r.Opt, err)
	}
}

// TestHostileQueries feeds queries from strangers.
func TestHostileQueries(t *testing.T) {
	for _, q := range []string{
		"fn=rosenbrock&lr=-1e308&b1=NaN&b2=Infinity&eps=-0&steps=99999999999999999999&seed=1e30",
		"opt=" + strings.Repeat("adam,", 10000),
		"x0=1e308,-1e308&fn=saddle&noise=1e308",
		"x0=,&opt=,,,&lr=&steps=",
		"fn=linreg&n=1e9&batch=-5",
		"opt=%3Cscript%3E&fn=%00",
		"lr=0x1p-3&steps=0x10",
		"adam.=1&.lr=2&..=3&adam.lr.lr=4",
		"steps=10000&fn=linreg&n=1000&batch=999&opt=gd,sgd,momentum,nesterov,adagrad,rmsprop,adadelta,adam",
	} {
		s, _ := Parse(q)
		checkScene(t, s)
		if s.Steps <= 2000 {
			if _, trajs, err := s.Run(); err != nil || len(trajs) != len(s.Runs) {
				t.Errorf("%q: run: %v", q, err)
			}
		}
	}
}

// TestConfigs: every run gets the scene's noise, except gd, which is
// full-batch by definition.
func TestConfigs(t *testing.T) {
	s, _ := Parse("fn=linreg&opt=gd,sgd,adam&batch=10&noise=0.5&seed=3")
	surf, _ := s.Surface()
	cfgs, err := s.Configs(surf)
	if err != nil {
		t.Fatal(err)
	}
	want := optimizers.GradientNoise{Batch: 10, Std: 0.5, Seed: 3}
	if cfgs[0].Noise != (optimizers.GradientNoise{}) || cfgs[1].Noise != want || cfgs[2].Noise != want {
		t.Errorf("noise %+v %+v %+v", cfgs[0].Noise, cfgs[1].Noise, cfgs[2].Noise)
	}
	if cfgs[2].Optimizer.Name() != "adam" || cfgs[0].Start != s.X0 || cfgs[1].Steps != 100 {
		t.Errorf("%+v", cfgs)
	}
}

// TestNoNegativeZero keeps "-0" out of canonical links.
func TestNoNegativeZero(t *testing.T) {
	s, _ := Parse("wd=-0&noise=-0")
	if q := Encode(s); strings.Contains(q, "=-0&") || math.Signbit(s.Noise) {
		t.Errorf("%s", q)
	}
}
