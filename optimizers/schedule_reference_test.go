package optimizers

import (
	"encoding/json"
	"os"
	"testing"
)

// scheduleCase is one trajectory of testdata/reference/schedules.json, run
// by real PyTorch (torch.optim with a torch.optim.lr_scheduler stepped
// after every update, float64; see testdata/reference/README.md).
type scheduleCase struct {
	referenceCase
	Sched struct {
		Name   string  `json:"name"`
		Gamma  float64 `json:"gamma"`
		Every  int     `json:"every"`
		TMax   int     `json:"tmax"`
		LRMin  float64 `json:"lrmin"`
		Warmup int     `json:"warmup"`
	} `json:"sched"`
	// LRs[t] is the learning rate torch's optimizer used for update t.
	LRs []float64 `json:"lrs"`
}

// schedule builds the case's schedule from the parameters torch's
// scheduler was given.
func (c scheduleCase) schedule(t *testing.T) Schedule {
	t.Helper()
	s := c.Sched
	switch s.Name {
	case "step":
		return StepLR{Every: s.Every, Gamma: s.Gamma}
	case "exp":
		return ExponentialLR{Gamma: s.Gamma}
	case "cosine":
		return CosineLR{TMax: s.TMax, LRMin: s.LRMin}
	case "warmcos":
		return WarmupCosineLR{Warmup: s.Warmup, Steps: c.Steps, LRMin: s.LRMin}
	}
	t.Fatalf("%s: unknown schedule %q", c.Name, s.Name)
	return nil
}

// TestScheduleTorchReference runs every registered optimizer that PyTorch
// has, with each schedule, as PyTorch 1.13.1 ran it (NAdam with the fix of
// PR #92699), and checks:
//   - the schedule's lr_t against the learning rate torch's scheduler set
//     for update t, and the run's "lr" variable against lr_t;
//   - every point against torch's, so that each rule uses lr_t wherever it
//     uses its learning rate (AdamW's decoupled decay and Adagrad's
//     lr_decay included).
//
// PyTorch's schedulers are chainable: they compute lr_t from lr_{t−1}, so
// their rates differ from the closed forms in the last bits, and torch
// orders the arithmetic of each rule differently; hence a relative
// tolerance of 1e-10 (per coordinate) rather than a few ulps; the two
// agree to about 1e-12.
func TestScheduleTorchReference(t *testing.T) {
	data, err := os.ReadFile("testdata/reference/schedules.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []scheduleCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 90 {
		t.Fatalf("only %d cases", len(cases))
	}
	const tol = 1e-10
	covered := map[string]map[string]bool{} // optimizer → schedules
	for _, c := range cases {
		surf, err := NewSurface(c.Fn, DefaultSurfaceParams())
		if err != nil {
			t.Fatal(err)
		}
		sched := c.schedule(t)
		opt := Scheduled{Optimizer: referenceOptimizer(t, c.referenceCase), Schedule: sched}
		if covered[c.Opt] == nil {
			covered[c.Opt] = map[string]bool{}
		}
		covered[c.Opt][c.Sched.Name] = true
		base := c.Hyper["lr"]
		if len(c.LRs) != c.Steps || len(c.Points) != c.Steps+1 {
			t.Fatalf("%s: %d rates and %d points for %d steps", c.Name, len(c.LRs), len(c.Points), c.Steps)
		}
		for step, want := range c.LRs {
			if got := sched.LR(base, step); !relClose(got, want, tol) {
				t.Errorf("%s: lr_%d = %.17g, torch's scheduler %.17g", c.Name, step, got, want)
				break
			}
		}
		tr := mustRun(t, Config{Surface: surf, Optimizer: opt, Start: c.X0, Steps: c.Steps})
		if len(tr.Points) != len(c.Points) {
			t.Errorf("%s: %d points, torch %d (%v)", c.Name, len(tr.Points), len(c.Points), tr.Status)
			continue
		}
		for step, want := range c.Points {
			if got := tr.Points[step]; !relClose(got[0], want[0], tol) || !relClose(got[1], want[1], tol) {
				t.Errorf("%s step %d: %.17g, torch %.17g", c.Name, step, got, want)
				break
			}
		}
		for step := 1; step <= tr.Steps(); step++ {
			if got := varValue(t, tr.Vars(step), "lr"); got[0] != sched.LR(base, step-1) {
				t.Errorf("%s: lr var after step %d = %v, lr_%d = %v", c.Name, step, got[0], step-1, sched.LR(base, step-1))
				break
			}
		}
	}
	for _, s := range Specs() {
		if s.Name == "lion" { // not in PyTorch: TestScheduledLionReference
			continue
		}
		for _, name := range []string{"step", "exp", "cosine", "warmcos"} {
			if !covered[s.Name][name] {
				t.Errorf("no torch reference for %s with the %s schedule", s.Name, name)
			}
		}
	}
}
