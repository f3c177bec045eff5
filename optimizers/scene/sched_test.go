package scene

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/optimplay/optimplay/optimizers"
)

// schedOf returns each run's schedule by optimizer name.
func schedOf(s Scene) map[string]Sched {
	m := map[string]Sched{}
	for _, r := range s.Runs {
		m[r.Opt] = r.Sched
	}
	return m
}

// TestSchedDecode checks what each schedule key gives, written out by
// hand from the schema: sched alone gives its defaults (step halving every
// quarter of the run, exp 0.97, cosine over the whole run down to 0,
// warmcos warming up over a tenth of it); the parameters that apply are
// set; "name.key" sets one run's only and wins over "key", whatever their
// order in the query.
func TestSchedDecode(t *testing.T) {
	for _, c := range []struct {
		query string
		want  map[string]Sched
	}{
		{"opt=gd&sched=step", map[string]Sched{"gd": {Name: "step", Gamma: 0.5, Every: 25}}},
		{"opt=gd&sched=step&steps=7", map[string]Sched{"gd": {Name: "step", Gamma: 0.5, Every: 1}}},
		{"opt=gd&sched=exp", map[string]Sched{"gd": {Name: "exp", Gamma: 0.97}}},
		{"opt=gd&sched=cosine&steps=60", map[string]Sched{"gd": {Name: "cosine", TMax: 60}}},
		{"opt=gd&sched=cosine&steps=0", map[string]Sched{"gd": {Name: "cosine", TMax: 1}}},
		{"opt=gd&sched=warmcos&steps=300", map[string]Sched{"gd": {Name: "warmcos", Warmup: 30}}},
		{"opt=gd&sched=warmcos&steps=5", map[string]Sched{"gd": {Name: "warmcos", Warmup: 1}}},
		{"opt=gd&sched=warmcos&steps=1", map[string]Sched{"gd": {Name: "warmcos", Warmup: 1}}},
		{"opt=gd&sched=const", map[string]Sched{"gd": {}}},
		{"opt=gd", map[string]Sched{"gd": {}}},
		{"opt=gd&lr=0.1&sched=step&gamma=0.8&every=10", map[string]Sched{"gd": {Name: "step", Gamma: 0.8, Every: 10}}},
		{"opt=gd&lr=0.1&sched=exp&gamma=1", map[string]Sched{"gd": {Name: "exp", Gamma: 1}}},
		{"opt=gd&lr=0.1&sched=cosine&tmax=30&lrmin=0.01", map[string]Sched{"gd": {Name: "cosine", TMax: 30, LRMin: 0.01}}},
		{"opt=gd&lr=0.1&sched=warmcos&warmup=20&lrmin=0.1", map[string]Sched{"gd": {Name: "warmcos", Warmup: 20, LRMin: 0.1}}},
		// Global keys for every run, prefixed ones for one, which win.
		{"opt=gd,adam,lion&sched=exp&gamma=0.9&adam.gamma=0.5&lion.sched=cosine&lion.tmax=30", map[string]Sched{
			"gd": {Name: "exp", Gamma: 0.9}, "adam": {Name: "exp", Gamma: 0.5}, "lion": {Name: "cosine", TMax: 30},
		}},
		{"adam.tmax=30&opt=gd,adam&tmax=20&sched=cosine", map[string]Sched{
			"gd": {Name: "cosine", TMax: 20}, "adam": {Name: "cosine", TMax: 30},
		}},
		{"adam.sched=step&sched=exp&opt=adam,gd", map[string]Sched{
			"adam": {Name: "step", Gamma: 0.5, Every: 25}, "gd": {Name: "exp", Gamma: 0.97},
		}},
		{"opt=gd,adam&sched=warmcos&adam.sched=const", map[string]Sched{"gd": {Name: "warmcos", Warmup: 10}, "adam": {}}},
		// A parameter applies to the runs whose schedule uses it.
		{"opt=gd,adam&lr=0.1&sched=step&adam.sched=cosine&gamma=0.7&lrmin=0.05", map[string]Sched{
			"gd": {Name: "step", Gamma: 0.7, Every: 25}, "adam": {Name: "cosine", TMax: 100, LRMin: 0.05},
		}},
	} {
		s, notices := Parse(c.query)
		if len(notices) > 0 {
			t.Errorf("%q: notices %v", c.query, notices)
		}
		if got := schedOf(s); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: schedules %+v, want %+v", c.query, got, c.want)
		}
	}
}

// TestSchedEncodeCanonical checks the canonical form of schedule keys
// against queries written out by hand: after the hyperparameters, sched
// (once when every run shares it, else name.sched for each run, "const"
// included), then each parameter some run uses, in the schema's order,
// once when every run using it shares its value.
func TestSchedEncodeCanonical(t *testing.T) {
	for _, c := range []struct{ query, want string }{
		{"fn=quadratic&opt=gd&lr=0.1&sched=cosine&steps=50",
			"fn=quadratic&kappa=10&x0=-4,1.5&opt=gd&lr=0.1&wd=0&sched=cosine&tmax=50&lrmin=0&steps=50&noise=0&seed=1"},
		{"fn=booth&opt=gd,sgd&lr=0.01&sched=step&gd.gamma=0.5&sgd.gamma=0.25&every=5&steps=20",
			"fn=booth&x0=-2,-2&opt=gd,sgd&lr=0.01&wd=0&sched=step&every=5&gd.gamma=0.5&sgd.gamma=0.25&steps=20&noise=0&seed=1"},
		{"fn=booth&opt=gd,sgd,adam&lr=0.01&sched=exp&gamma=0.9&sgd.sched=warmcos&sgd.warmup=4&adam.sched=const&steps=20",
			"fn=booth&x0=-2,-2&opt=gd,sgd,adam&lr=0.01&b1=0.9&b2=0.999&eps=1e-08&wd=0&amsgrad=0&bias=1" +
				"&gamma=0.9&lrmin=0&warmup=4&gd.sched=exp&sgd.sched=warmcos&adam.sched=const&steps=20&noise=0&seed=1"},
	} {
		s, notices := Parse(c.query)
		if len(notices) > 0 {
			t.Fatalf("%q: notices %v", c.query, notices)
		}
		if got := Encode(s); got != c.want {
			t.Errorf("Encode(%q) =\n%s\nwant\n%s", c.query, got, c.want)
		}
		if again, notices := Parse(c.want); len(notices) > 0 || !reflect.DeepEqual(again, s) {
			t.Errorf("%q decodes to %+v with %v, want %+v", c.want, again, notices, s)
		}
	}
}

// TestSchedNotices lists bad schedule values with what the decoder must
// do: clamp lrmin to the run's learning rate, a warm-up to steps − 1, gamma
// and the integer parameters into range; ignore an unknown schedule name;
// report keys that do not apply to a run's schedule, or name an optimizer
// not in the scene, as not applicable; refuse a fractional or non-numeric
// value and keep the default.
func TestSchedNotices(t *testing.T) {
	for _, c := range []struct {
		query string
		kind  NoticeKind
		key   string
		used  string
		want  Sched // of the scene's only run, adam at lr 1e-3
	}{
		{"sched=cosine&lrmin=0.5", Clamped, "adam.lrmin", "0.001", Sched{Name: "cosine", TMax: 100, LRMin: 1e-3}},
		{"sched=warmcos&lrmin=0.01", Clamped, "adam.lrmin", "0.001", Sched{Name: "warmcos", Warmup: 10, LRMin: 1e-3}},
		{"sched=cosine&lr=0.5&lrmin=20", Clamped, "lrmin", "10", Sched{}}, // checked below: then to lr
		{"sched=warmcos&warmup=100", Clamped, "adam.warmup", "99", Sched{Name: "warmcos", Warmup: 99}},
		{"sched=warmcos&warmup=500&steps=100", Clamped, "adam.warmup", "99", Sched{Name: "warmcos", Warmup: 99}},
		{"sched=warmcos&warmup=2&steps=2", Clamped, "adam.warmup", "1", Sched{Name: "warmcos", Warmup: 1}},
		{"sched=warmcos&warmup=0", Clamped, "warmup", "1", Sched{Name: "warmcos", Warmup: 1}},
		{"sched=step&gamma=0", Clamped, "gamma", "1e-06", Sched{Name: "step", Gamma: 1e-6, Every: 25}},
		{"sched=exp&gamma=-1", Clamped, "gamma", "1e-06", Sched{Name: "exp", Gamma: 1e-6}},
		{"sched=exp&gamma=1.5", Clamped, "gamma", "1", Sched{Name: "exp", Gamma: 1}},
		{"sched=step&every=0", Clamped, "every", "1", Sched{Name: "step", Gamma: 0.5, Every: 1}},
		{"sched=cosine&tmax=-5", Clamped, "tmax", "1", Sched{Name: "cosine", TMax: 1}},
		{"sched=cosine&tmax=1e9", Clamped, "tmax", "10000", Sched{Name: "cosine", TMax: MaxSteps}},
		{"sched=step&every=2.5", NotInteger, "every", UsedDefault, Sched{Name: "step", Gamma: 0.5, Every: 25}},
		{"sched=cosine&tmax=abc", NotNumber, "tmax", UsedDefault, Sched{Name: "cosine", TMax: 100}},
		{"sched=exp&gamma=NaN", NotNumber, "gamma", UsedDefault, Sched{Name: "exp", Gamma: 0.97}},
		{"sched=nosuch", UnknownValue, "sched", "", Sched{}},
		{"sched=Cosine", UnknownValue, "sched", "", Sched{}},
		{"adam.sched=nosuch&sched=exp", UnknownValue, "adam.sched", "", Sched{Name: "exp", Gamma: 0.97}},
		{"gamma=0.5", NotApplicable, "gamma", "", Sched{}},
		{"sched=const&gamma=0.5", NotApplicable, "gamma", "", Sched{}},
		{"sched=cosine&gamma=0.5", NotApplicable, "gamma", "", Sched{Name: "cosine", TMax: 100}},
		{"sched=step&tmax=10", NotApplicable, "tmax", "", Sched{Name: "step", Gamma: 0.5, Every: 25}},
		{"sched=exp&every=3", NotApplicable, "every", "", Sched{Name: "exp", Gamma: 0.97}},
		{"sched=step&warmup=3", NotApplicable, "warmup", "", Sched{Name: "step", Gamma: 0.5, Every: 25}},
		{"sched=exp&adam.lrmin=0", NotApplicable, "adam.lrmin", "", Sched{Name: "exp", Gamma: 0.97}},
		{"gd.sched=cosine", NotApplicable, "gd.sched", "", Sched{}},
		{"sched=exp&gd.gamma=0.5", NotApplicable, "gd.gamma", "", Sched{Name: "exp", Gamma: 0.97}},
		{"sched=nosuch&gamma=0.5", UnknownValue, "sched", "", Sched{}}, // and gamma: checked below
	} {
		s, notices := Parse(c.query)
		if len(notices) < 1 || notices[0].Kind != c.kind || notices[0].Key != c.key || notices[0].Used != c.used {
			t.Errorf("%q: notices %+v, want %v on %s using %q", c.query, notices, c.kind, c.key, c.used)
			continue
		}
		if notices[0].String() == "" {
			t.Errorf("%q: empty message", c.query)
		}
		switch c.query {
		case "sched=cosine&lr=0.5&lrmin=20":
			if len(notices) != 2 || notices[1].Kind != Clamped || notices[1].Key != "adam.lrmin" || s.Runs[0].Sched.LRMin != 0.5 {
				t.Errorf("%q: notices %+v, lrmin %v", c.query, notices, s.Runs[0].Sched.LRMin)
			}
			continue
		case "sched=nosuch&gamma=0.5":
			if len(notices) != 2 || notices[1].Kind != NotApplicable || notices[1].Key != "gamma" {
				t.Errorf("%q: notices %+v", c.query, notices)
			}
		default:
			if len(notices) != 1 {
				t.Errorf("%q: notices %+v, want one", c.query, notices)
			}
		}
		if got := s.Runs[0].Sched; got != c.want {
			t.Errorf("%q: schedule %+v, want %+v", c.query, got, c.want)
		}
	}
}

// TestSchedNoticesInOrder: notices about several prefixed keys come in
// the same order at every decoding (the query is a map).
func TestSchedNoticesInOrder(t *testing.T) {
	q := "opt=adam&gd.sched=cosine&lion.gamma=0.5&nosuch.tmax=3&momentum.warmup=2&adagrad.lrmin=1&rmsprop.every=4"
	_, first := Parse(q)
	var keys []string
	for _, n := range first {
		keys = append(keys, n.Key)
	}
	if want := []string{"adagrad.lrmin", "gd.sched", "lion.gamma", "momentum.warmup", "nosuch.tmax", "rmsprop.every"}; !slices.Equal(keys, want) {
		t.Fatalf("notices on %v, want %v", keys, want)
	}
	for range 50 {
		if _, again := Parse(q); !reflect.DeepEqual(again, first) {
			t.Fatalf("notices %v, then %v", first, again)
		}
	}
}

// TestOldLinksKeepTheirMeaning: links without schedule keys give constant
// schedules, plain optimizers (no Scheduled wrapper) and the canonical
// form they had before schedules existed (copied from
// TestEncodeCanonical's hand-written queries); sched=const is the same
// scene as no sched at all.
func TestOldLinksKeepTheirMeaning(t *testing.T) {
	for _, c := range []struct{ query, want, opt string }{
		{"seed=7&steps=50&adam.lr=0.05&lr=0.1&opt=momentum,adam&x0=0.5,-1.5&fn=himmelblau&b1=0.8&noise=0.25",
			"fn=himmelblau&x0=0.5,-1.5&opt=momentum,adam" +
				"&b1=0.8&b2=0.999&eps=1e-08&mom=0.9&wd=0&nesterov=0&amsgrad=0&bias=1" +
				"&momentum.lr=0.1&adam.lr=0.05&steps=50&noise=0.25&seed=7", "momentum"},
		{"fn=linreg&n=40&batch=8&opt=sgd&lr=0.5", "fn=linreg&n=40&x0=-0.5,3&opt=sgd&lr=0.5&wd=0&steps=100&noise=0&batch=8&seed=1", "sgd"},
	} {
		for _, q := range []string{c.query, c.query + "&sched=const", c.query + "&" + c.opt + ".sched=const"} {
			s, notices := Parse(q)
			if len(notices) > 0 {
				t.Fatalf("%q: %v", q, notices)
			}
			if got := Encode(s); got != c.want {
				t.Errorf("Encode(%q) =\n%s\nwant\n%s", q, got, c.want)
			}
			surf, _ := s.Surface()
			cfgs, err := s.Configs(surf)
			if err != nil {
				t.Fatal(err)
			}
			for i, r := range s.Runs {
				if r.Sched != (Sched{}) {
					t.Errorf("%q: %s has schedule %+v", q, r.Opt, r.Sched)
				}
				if _, wrapped := cfgs[i].Optimizer.(optimizers.Scheduled); wrapped {
					t.Errorf("%q: %s is wrapped in a schedule", q, r.Opt)
				}
			}
		}
	}
}

// TestSchedConfigs: Configs wraps each run with a schedule in
// optimizers.Scheduled with the schedule's parameters (warmcos's steps
// those of the scene) and leaves constant runs plain; the scene's runs
// then match optimizers.Run of the same scheduled optimizers bit for bit.
func TestSchedConfigs(t *testing.T) {
	s, notices := Parse("fn=quadratic&opt=gd,momentum,adam,lion&lr=0.05&sched=warmcos&warmup=6&lrmin=0.001" +
		"&momentum.sched=step&gamma=0.5&every=7&adam.sched=const&lion.sched=cosine&lion.tmax=9&steps=40")
	if len(notices) > 0 {
		t.Fatal(notices)
	}
	surf, _ := s.Surface()
	cfgs, err := s.Configs(surf)
	if err != nil {
		t.Fatal(err)
	}
	want := []optimizers.Optimizer{
		optimizers.Scheduled{Optimizer: optimizers.GD{LR: 0.05}, Schedule: optimizers.WarmupCosineLR{Warmup: 6, Steps: 40, LRMin: 0.001}},
		optimizers.Scheduled{Optimizer: optimizers.SGD{LR: 0.05, Momentum: 0.9}, Schedule: optimizers.StepLR{Every: 7, Gamma: 0.5}},
		optimizers.Adam{LR: 0.05, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, BiasCorrection: true},
		optimizers.Scheduled{Optimizer: optimizers.Lion{LR: 0.05, Beta1: 0.9, Beta2: 0.99}, Schedule: optimizers.CosineLR{TMax: 9, LRMin: 0.001}},
	}
	_, trajs, err := s.Run()
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range want {
		if !reflect.DeepEqual(cfgs[i].Optimizer, w) {
			t.Errorf("run %d: %#v, want %#v", i, cfgs[i].Optimizer, w)
			continue
		}
		tr, err := optimizers.Run(optimizers.Config{Surface: surf, Optimizer: w, Start: s.X0, Steps: 40})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(tr.Points, trajs[i].Points) {
			t.Errorf("run %d: the scene's points differ from optimizers.Run's", i)
		}
	}
}

// TestSetSteps: changing the scene's steps keeps a cosine's whole-run
// tmax whole-run (and any other tmax as it is), keeps a warm-up shorter
// than the run, leaves the other parameters alone, and the scene stays
// canonical (it round-trips without notices).
func TestSetSteps(t *testing.T) {
	for _, c := range []struct {
		query string
		steps int
		want  map[string]Sched
	}{
		{"opt=gd,adam&lr=0.1&sched=cosine&lrmin=0.01&steps=100", 250,
			map[string]Sched{"gd": {Name: "cosine", TMax: 250, LRMin: 0.01}, "adam": {Name: "cosine", TMax: 250, LRMin: 0.01}}},
		{"opt=gd,adam&lr=0.1&sched=cosine&adam.tmax=30&steps=100", 20,
			map[string]Sched{"gd": {Name: "cosine", TMax: 20}, "adam": {Name: "cosine", TMax: 30}}},
		{"opt=gd&sched=cosine&tmax=100&steps=100", 0, map[string]Sched{"gd": {Name: "cosine", TMax: 1}}},
		{"opt=gd&sched=cosine&steps=0", 80, map[string]Sched{"gd": {Name: "cosine", TMax: 80}}},
		{"opt=gd,adam&sched=warmcos&warmup=50&adam.warmup=5&steps=100", 40,
			map[string]Sched{"gd": {Name: "warmcos", Warmup: 39}, "adam": {Name: "warmcos", Warmup: 5}}},
		{"opt=gd&sched=warmcos&warmup=50&steps=100", 1, map[string]Sched{"gd": {Name: "warmcos", Warmup: 1}}},
		{"opt=gd&sched=warmcos&warmup=50&steps=100", 500, map[string]Sched{"gd": {Name: "warmcos", Warmup: 50}}},
		{"opt=gd,adam&sched=step&gamma=0.3&every=10&adam.sched=exp&steps=100", 7,
			map[string]Sched{"gd": {Name: "step", Gamma: 0.3, Every: 10}, "adam": {Name: "exp", Gamma: 0.3}}},
	} {
		s, notices := Parse(c.query)
		if len(notices) > 0 {
			t.Fatalf("%q: %v", c.query, notices)
		}
		s.SetSteps(c.steps)
		if s.Steps != c.steps {
			t.Errorf("%q: steps %d, want %d", c.query, s.Steps, c.steps)
		}
		if got := schedOf(s); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q then SetSteps(%d): %+v, want %+v", c.query, c.steps, got, c.want)
		}
		if again, notices := Parse(Encode(s)); len(notices) > 0 || !reflect.DeepEqual(again, s) {
			t.Errorf("%q then SetSteps(%d): %s decodes to %+v with %v", c.query, c.steps, Encode(s), again, notices)
		}
	}
}

// randomSched draws a valid schedule for a run of steps updates at
// learning rate lr, over the schema's ranges.
func randomSched(rng *rand.Rand, steps int, lr float64) Sched {
	name := SchedNames[rng.IntN(len(SchedNames))]
	if name == "const" {
		return Sched{}
	}
	s := Sched{Name: name}
	for _, key := range SchedKeysOf(name) {
		k, _ := LookupSchedKey(key)
		hi := k.Max
		switch key {
		case "lrmin":
			hi = lr
		case "warmup":
			hi = float64(max(1, steps-1))
		}
		v := k.Min + rng.Float64()*(hi-k.Min)
		if k.Integer {
			v = float64(int(k.Min) + rng.IntN(int(hi-k.Min)+1))
		}
		if rng.IntN(4) == 0 { // shared values make global keys
			v = DefaultSched(name, steps).Get(key)
		}
		s.Set(key, v)
	}
	return s
}

// TestSchedRoundTrip: Decode(Encode(s)) = s without notices for random
// valid scenes with random schedules on their runs.
func TestSchedRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 3))
	for range 2000 {
		s := randomScene(rng)
		same := rng.IntN(3) == 0
		first := randomSched(rng, s.Steps, 1e-5) // lrmin ≤ every learning rate
		for i := range s.Runs {
			if same {
				s.Runs[i].Sched = first
			} else {
				s.Runs[i].Sched = randomSched(rng, s.Steps, s.Runs[i].Hyper["lr"])
			}
		}
		q := Encode(s)
		got, notices := Parse(q)
		if len(notices) > 0 || !reflect.DeepEqual(got, s) {
			t.Fatalf("%s\ndecodes to %+v with %v\nwant %+v", q, got, notices, s)
		}
		if strings.Contains(q, "sched=") != slices.ContainsFunc(s.Runs, func(r Run) bool { return !r.Sched.Constant() }) {
			t.Fatalf("%s: sched key and schedules disagree", q)
		}
		checkScene(t, got)
	}
}
