package scene

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/optimplay/optimplay/optimizers"
)

// The names of the learning-rate schedules, the values of the sched key.
var SchedNames = []string{"const", "step", "exp", "cosine", "warmcos"}

// SchedKey is a parameter of a learning-rate schedule, with its range.
// Integer keys take whole numbers; lrmin's upper bound is the run's
// learning rate and warmup's is the scene's steps − 1.
type SchedKey struct {
	Key      string
	Min, Max float64
	Integer  bool
}

// SchedKeys lists the schedule parameters in canonical order.
var SchedKeys = []SchedKey{
	{Key: "gamma", Min: 1e-6, Max: 1},
	{Key: "every", Min: 1, Max: MaxSteps, Integer: true},
	{Key: "tmax", Min: 1, Max: MaxSteps, Integer: true},
	{Key: "lrmin", Min: 0, Max: maxLR()},
	{Key: "warmup", Min: 1, Max: MaxSteps - 1, Integer: true},
}

// maxLR is the largest learning rate a permalink gives.
func maxLR() float64 {
	p, _ := optimizers.LookupParam("lr")
	return p.Max
}

// LookupSchedKey returns the schedule parameter with that key.
func LookupSchedKey(key string) (SchedKey, bool) {
	for _, k := range SchedKeys {
		if k.Key == key {
			return k, true
		}
	}
	return SchedKey{}, false
}

// Sched is a run's learning-rate schedule as a permalink gives it: its
// name and the parameters that apply to it (SchedKeysOf).
type Sched struct {
	Name   string  // one of SchedNames
	Gamma  float64 // step, exp
	Every  int     // step
	TMax   int     // cosine
	LRMin  float64 // cosine, warmcos; at most the run's learning rate
	Warmup int     // warmcos; below the scene's steps when it can be
}

// SchedKeysOf returns the parameters that apply to the schedule name.
func SchedKeysOf(name string) []string {
	switch name {
	case "step":
		return []string{"gamma", "every"}
	case "exp":
		return []string{"gamma"}
	case "cosine":
		return []string{"tmax", "lrmin"}
	case "warmcos":
		return []string{"lrmin", "warmup"}
	}
	return nil
}

// DefaultSched returns the schedule name with its defaults for a scene of
// steps updates: step halves the rate every quarter of the run, exp decays
// it by 0.97 per update, cosine anneals it to 0 over the whole run and
// warmcos warms up over a tenth of it.
func DefaultSched(name string, steps int) Sched {
	s := Sched{Name: name}
	switch name {
	case "step":
		s.Gamma, s.Every = 0.5, max(1, steps/4)
	case "exp":
		s.Gamma = 0.97
	case "cosine":
		s.TMax = max(1, steps)
	case "warmcos":
		s.Warmup = warmupFor(max(1, steps/10), steps)
	}
	return s
}

// warmupFor clamps a warm-up into [1, steps − 1], or to 1 when steps < 2.
func warmupFor(w, steps int) int { return max(1, min(w, steps-1)) }

// Get returns the value of a parameter key of SchedKeys.
func (s Sched) Get(key string) float64 {
	switch key {
	case "gamma":
		return s.Gamma
	case "every":
		return float64(s.Every)
	case "tmax":
		return float64(s.TMax)
	case "lrmin":
		return s.LRMin
	case "warmup":
		return float64(s.Warmup)
	}
	return math.NaN()
}

// Set sets the parameter key of SchedKeys to v, which must be in range.
func (s *Sched) Set(key string, v float64) {
	switch key {
	case "gamma":
		s.Gamma = v
	case "every":
		s.Every = int(v)
	case "tmax":
		s.TMax = int(v)
	case "lrmin":
		s.LRMin = v
	case "warmup":
		s.Warmup = int(v)
	}
}

// Constant reports whether the schedule keeps the learning rate.
func (s Sched) Constant() bool { return s.Name == "" || s.Name == "const" }

// Schedule builds the schedule of a run of steps updates.
func (s Sched) Schedule(steps int) (optimizers.Schedule, error) {
	var sched optimizers.Schedule
	switch s.Name {
	case "", "const":
		sched = optimizers.ConstantLR{}
	case "step":
		sched = optimizers.StepLR{Every: s.Every, Gamma: s.Gamma}
	case "exp":
		sched = optimizers.ExponentialLR{Gamma: s.Gamma}
	case "cosine":
		sched = optimizers.CosineLR{TMax: s.TMax, LRMin: s.LRMin}
	case "warmcos":
		sched = optimizers.WarmupCosineLR{Warmup: s.Warmup, Steps: steps, LRMin: s.LRMin}
	default:
		return nil, fmt.Errorf("unknown schedule %q", s.Name)
	}
	return sched, sched.Validate()
}

// fit keeps the parameters that depend on the run within their bounds:
// lrmin at most lr, warmup below steps. It reports the keys it changed.
func (s *Sched) fit(lr float64, steps int) []string {
	var changed []string
	if slices.Contains(SchedKeysOf(s.Name), "lrmin") && s.LRMin > lr {
		s.LRMin = lr
		changed = append(changed, "lrmin")
	}
	if s.Name == "warmcos" {
		if w := warmupFor(s.Warmup, steps); w != s.Warmup {
			s.Warmup = w
			changed = append(changed, "warmup")
		}
	}
	return changed
}

// SetSteps changes the scene's number of steps, and with it the schedule
// parameters that follow it: a cosine's tmax that was the whole run stays
// the whole run, a warm-up stays shorter than the run.
func (s *Scene) SetSteps(n int) {
	for i := range s.Runs {
		sc := &s.Runs[i].Sched
		if sc.Name == "cosine" && sc.TMax == max(1, s.Steps) {
			sc.TMax = max(1, n)
		}
	}
	s.Steps = n
	s.FitScheds()
}

// FitScheds keeps every run's schedule within the bounds its learning
// rate and the scene's steps set (lrmin ≤ lr, warmup < steps).
func (s *Scene) FitScheds() {
	for i := range s.Runs {
		s.Runs[i].Sched.fit(s.Runs[i].Hyper["lr"], s.Steps)
	}
}

// scheds reads the runs' learning-rate schedules: sched and its parameters
// for every run, then "name.key" for one run, which wins. Parameters a
// run's schedule does not use are reported as not applicable; lrmin above
// the run's learning rate and a warm-up as long as the run are clamped.
func (d *decoder) scheds(s *Scene) {
	names := make([]string, len(s.Runs))
	for i, r := range s.Runs {
		names[i] = r.Opt
	}
	// The names first, so that the parameters know which apply.
	read := func(key string, runs []int) {
		raw, ok := d.get(key)
		if !ok {
			return
		}
		if !slices.Contains(SchedNames, raw) {
			d.note(NewNotice(UnknownValue, key, raw, ""))
			return
		}
		for _, i := range runs {
			s.Runs[i].Sched = DefaultSched(raw, s.Steps)
		}
	}
	all := make([]int, len(s.Runs))
	for i := range all {
		all[i] = i
	}
	read("sched", all)
	for i, name := range names {
		read(name+".sched", []int{i})
	}
	for _, k := range SchedKeys {
		d.schedKey(s, k, k.Key, all)
		for i, name := range names {
			d.schedKey(s, k, name+"."+k.Key, []int{i})
		}
	}
	// Prefixed keys of optimizers that are not in the scene, in sorted
	// order so that the notices come in the same order every time.
	keys := make([]string, 0, len(d.q))
	for key := range d.q {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	for _, key := range keys {
		name, skey, ok := strings.Cut(key, ".")
		if _, isSched := LookupSchedKey(skey); ok && (isSched || skey == "sched") && !slices.Contains(names, name) {
			raw, _ := d.get(key)
			d.note(NewNotice(NotApplicable, key, raw, ""))
		}
	}
	for i := range s.Runs {
		r := &s.Runs[i]
		given := r.Sched
		for _, key := range r.Sched.fit(r.Hyper["lr"], s.Steps) {
			d.note(NewNotice(Clamped, r.Opt+"."+key, fmtFloat(given.Get(key)), fmtFloat(r.Sched.Get(key))))
		}
		if r.Sched.Name == "const" {
			r.Sched = Sched{}
		}
	}
}

// schedKey reads the schedule parameter k under key for runs, for those
// whose schedule uses it.
func (d *decoder) schedKey(s *Scene, k SchedKey, key string, runs []int) {
	raw, ok := d.get(key)
	if !ok {
		return
	}
	var users []int
	for _, i := range runs {
		if slices.Contains(SchedKeysOf(s.Runs[i].Sched.Name), k.Key) {
			users = append(users, i)
		}
	}
	if len(users) == 0 {
		d.note(NewNotice(NotApplicable, key, raw, ""))
		return
	}
	if v, ok := d.parseNumber(key, raw, UsedDefault, k.Min, k.Max, k.Integer); ok {
		for _, i := range users {
			s.Runs[i].Sched.Set(k.Key, v)
		}
	}
}

// encodeScheds returns the schedule keys of runs as "key=value" pairs in
// canonical order: none when every run keeps its learning rate; else sched,
// then each parameter some run uses, each written once when every run
// using it shares its value and as "name.key" for each run otherwise.
func encodeScheds(runs []Run) []string {
	if !slices.ContainsFunc(runs, func(r Run) bool { return !r.Sched.Constant() }) {
		return nil
	}
	var shared, own []string
	name := func(r Run) string {
		if r.Sched.Constant() {
			return "const"
		}
		return r.Sched.Name
	}
	emit := func(key string, users []Run, value func(Run) string) {
		if len(users) == 0 {
			return
		}
		same := true
		for _, r := range users[1:] {
			same = same && value(r) == value(users[0])
		}
		if same {
			shared = append(shared, key+"="+value(users[0]))
			return
		}
		for _, r := range users {
			own = append(own, r.Opt+"."+key+"="+value(r))
		}
	}
	emit("sched", runs, name)
	for _, k := range SchedKeys {
		var users []Run
		for _, r := range runs {
			if slices.Contains(SchedKeysOf(r.Sched.Name), k.Key) {
				users = append(users, r)
			}
		}
		emit(k.Key, users, func(r Run) string { return fmtFloat(r.Sched.Get(k.Key)) })
	}
	order := make([]string, len(runs))
	for i, r := range runs {
		order[i] = r.Opt
	}
	slices.SortStableFunc(own, func(a, b string) int {
		return slices.Index(order, a[:strings.IndexByte(a, '.')]) - slices.Index(order, b[:strings.IndexByte(b, '.')])
	})
	return append(shared, own...)
}
