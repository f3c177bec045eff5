package equations

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// runs computes the runs of a permalink query, with their optimizers.
func runs(t *testing.T, query string) (scene.Scene, []optimizers.Optimizer, []*optimizers.Trajectory) {
	t.Helper()
	sc, notices := scene.Parse(query)
	if len(notices) > 0 {
		t.Fatalf("%s: %v", query, notices)
	}
	surf, trajs, err := sc.Run()
	if err != nil {
		t.Fatal(err)
	}
	cfgs, err := sc.Configs(surf) // the optimizers, under their schedules
	if err != nil {
		t.Fatal(err)
	}
	opts := make([]optimizers.Optimizer, len(sc.Runs))
	for i, c := range cfgs {
		opts[i] = c.Optimizer
	}
	return sc, opts, trajs
}

// scenes race every optimizer and variant, with weight decay, on a
// surface, with minibatches and with noise.
var scenes = []string{
	"fn=rosenbrock&opt=gd,sgd,momentum,nesterov,adagrad,rmsprop,adadelta,adam&lr=0.001&wd=0.01&steps=12",
	"fn=rosenbrock&opt=amsgrad,adamax,adamw,nadam,lion&lr=0.01&wd=0.05&steps=12",
	"fn=beale&opt=rmsprop,momentum,adam&rmsprop.centered=1&rmsprop.mom=0.5&momentum.nesterov=1&adam.bias=0&lr=0.003&steps=12",
	"fn=linreg&n=40&batch=5&seed=3&opt=sgd,adam,nadam,adagrad&lr=0.05&steps=12",
	"fn=twowell&noise=0.5&seed=9&opt=adadelta,lion,adamw&lr=0.02&steps=12",
	// Under schedules, every γ of the rule is the update's γ_t.
	"fn=rosenbrock&opt=gd,sgd,momentum,nesterov,adagrad,rmsprop,adadelta,adam&lr=0.001&wd=0.01&steps=12&sched=cosine&tmax=8&lrmin=0.0002",
	"fn=rosenbrock&opt=amsgrad,adamax,adamw,nadam,lion&lr=0.01&wd=0.05&steps=12&sched=warmcos&warmup=4",
	"fn=beale&opt=rmsprop,momentum,adam&rmsprop.centered=1&rmsprop.mom=0.5&lr=0.003&steps=12&sched=step&gamma=0.5&every=3",
	// The WRONG rules of lesson 8, with minibatches and noise, and under a
	// schedule.
	"fn=linreg&lesson=8&n=40&batch=5&seed=3&noise=0.2&opt=wrong-sgd-first,wrong-sgd-sum,wrong-adam-nobias,wrong-adam-denom," +
		"wrong-adam-epsin,wrong-adam-residual&lr=0.05&wd=0.01&eps=0.01&steps=12",
	"fn=linreg&lesson=8&opt=wrong-sgd-first,wrong-sgd-sum,wrong-adam-nobias,wrong-adam-denom,wrong-adam-epsin," +
		"wrong-adam-residual&lr=0.05&steps=12&sched=exp&gamma=0.9",
}

// TestScheduledRuleShowsLRt checks that a rule under a schedule writes
// its learning rate γ_t, with update t's value: the schedule's, computed
// here (exponential decay, lr·γ^(t−1) for update t counted from 1).
func TestScheduledRuleShowsLRt(t *testing.T) {
	_, opts, trajs := runs(t, "fn=booth&opt=gd&lr=0.04&steps=10&sched=exp&gamma=0.8")
	ts := New(Update{Opt: opts[0], Traj: trajs[0], T: 4})
	if !strings.Contains(ts.Rule, `<msub><mi>γ</mi>`) {
		t.Errorf("the rule does not write γ_t: %s", ts.Rule)
	}
	want := 0.04 * 0.8 * 0.8 * 0.8
	re := regexp.MustCompile(`data-q="lr_t" title="([^"]*)"`)
	for c, coord := range ts.Coords {
		m := re.FindStringSubmatch(coord)
		if m == nil {
			t.Fatalf("coordinate %d: no γ_t: %s", c, coord)
		}
		if got, _ := strconv.ParseFloat(m[1], 64); math.Abs(got-want) > 1e-15 {
			t.Errorf("coordinate %d: γ_4 = %v, want %v", c, got, want)
		}
	}
}

// TestRulesGiveTheCoreNumbers evaluates every rule as written, with the
// step's numbers, and checks that each line gives the core's value: the
// formula on the page is the rule the core runs. (g_t is checked through
// the lines that use it: weight decay added where the rule does not add
// it would change the buffers.)
func TestRulesGiveTheCoreNumbers(t *testing.T) {
	for _, q := range scenes {
		sc, opts, trajs := runs(t, q)
		for i, o := range opts {
			if len(newRule(Update{Opt: o, Traj: trajs[i], T: 1}).lines()) == 0 {
				t.Fatalf("%s: no rule", sc.Runs[i].Opt)
			}
			for step := 1; step <= trajs[i].Steps(); step++ {
				u := Update{Opt: o, Traj: trajs[i], T: step, Minibatch: sc.Batch > 0, Noisy: sc.Noise > 0}
				r := newRule(u)
				for _, l := range r.lines() {
					for c := range 2 {
						got, want := l.rhs.eval(c), l.lhs.value(c)
						if math.Abs(got-want) > 1e-9*math.Max(1, math.Abs(want)) {
							sym := &writer{coord: -1}
							l.lhs.write(sym)
							t.Fatalf("%s, %s step %d coordinate %d: the rule gives %v, the core %v (%s)",
								q, sc.Runs[i].Opt, step, c, got, want, sym.String())
						}
					}
				}
			}
		}
	}
}

// TestTypeset checks what is written: the rule with symbols, the numbers
// of each coordinate with the core's values to four digits, the vectors
// named, and the start.
func TestTypeset(t *testing.T) {
	_, opts, trajs := runs(t, "fn=rosenbrock&opt=adam&lr=0.05&steps=10")
	ts := New(Update{Opt: opts[0], Traj: trajs[0], T: 3, Run: 2})
	for _, want := range []string{`<msub><mi>β</mi><mn>1</mn></msub>`, `<msqrt>`, `data-vec="run2-momentum"`, `data-vec="run2-g"`} {
		if !strings.Contains(ts.Rule, want) {
			t.Errorf("the rule lacks %s", want)
		}
	}
	if strings.Contains(ts.Rule, `class="n"`) || ts.Scalars != "" {
		t.Errorf("numbers in the rule, or scalars for Adam: %q", ts.Scalars)
	}
	m := trajs[0].Vars(3)[0].Value // "m"
	for c, coord := range ts.Coords {
		// The result of m_t's line is the core's m after update 3.
		re := regexp.MustCompile(`<mtd class="result"><mrow class="n" data-q="m"[^>]* title="([^"]*)">`)
		got := re.FindStringSubmatch(coord)
		if got == nil || got[1] != exact(m[c]) {
			t.Errorf("coordinate %d: m_t's result %v, want %s", c, got, exact(m[c]))
		}
		if !strings.Contains(coord, `data-q="b1"`) || !strings.Contains(coord, "<mn>0.9</mn>") {
			t.Errorf("coordinate %d: β1 not substituted", c)
		}
	}
	start := New(Update{Opt: opts[0], Traj: trajs[0], T: 0})
	for c, coord := range start.Coords {
		if !strings.Contains(coord, `data-q="m"`) || !strings.Contains(coord, `title="`+exact(trajs[0].Points[0][c])+`"`) {
			t.Errorf("the start, coordinate %d: %s", c, coord)
		}
	}
}

// TestShown checks the four-digit forms of numbers.
func TestShown(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{-1.2043, "−1.204"}, {0.1, "0.1"}, {3.51749, "3.517"}, {1e-8, "1×10^−8"}, {-0.000012345, "−1.234×10^−5"},
		{123456, "1.235×10^5"}, {0, "0"}, {1000, "1000"},
	} {
		if got := Shown(c.v); got != c.want {
			t.Errorf("Shown(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}
