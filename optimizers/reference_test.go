package optimizers

import (
	"encoding/json"
	"os"
	"testing"
)

// referenceCase is one trajectory of testdata/reference/reference.json,
// computed by an independent Python implementation of PyTorch's algorithm
// boxes (see testdata/reference/README.md).
type referenceCase struct {
	Name   string             `json:"name"`
	Opt    string             `json:"opt"`
	Hyper  map[string]float64 `json:"hyper"`
	Fn     string             `json:"fn"`
	X0     [2]float64         `json:"x0"`
	Steps  int                `json:"steps"`
	Points [][2]float64       `json:"points"`
}

// referenceOptimizer builds the case's optimizer through the registry; the
// two keys the registry does not expose (Adagrad's lr_decay, NAdam's psi)
// are set on the struct.
func referenceOptimizer(t *testing.T, c referenceCase) Optimizer {
	t.Helper()
	h := Hyper{}
	for k, v := range c.Hyper {
		if k != "lr_decay" && k != "psi" {
			h[k] = v
		}
	}
	o, err := New(c.Opt, h)
	if err != nil {
		t.Fatalf("%s: %v", c.Name, err)
	}
	if v, ok := c.Hyper["lr_decay"]; ok {
		a := o.(Adagrad)
		a.LRDecay = v
		o = a
	}
	if v, ok := c.Hyper["psi"]; ok {
		n := o.(NAdam)
		n.MomentumDecay = v
		o = n
	}
	return o
}

// TestReferenceTrajectories compares whole runs with the independent
// reference, to 1e-12 relative (the two differ by rounding only).
func TestReferenceTrajectories(t *testing.T) {
	data, err := os.ReadFile("testdata/reference/reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []referenceCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 26 {
		t.Fatalf("only %d reference cases", len(cases))
	}
	covered := map[string]bool{}
	for _, c := range cases {
		surf, err := NewSurface(c.Fn, DefaultSurfaceParams())
		if err != nil {
			t.Fatal(err)
		}
		opt := referenceOptimizer(t, c)
		covered[opt.Name()] = true
		tr := mustRun(t, Config{Surface: surf, Optimizer: opt, Start: c.X0, Steps: c.Steps})
		if len(tr.Points) != len(c.Points) {
			t.Errorf("%s: %d points, reference has %d (%v)", c.Name, len(tr.Points), len(c.Points), tr.Status)
			continue
		}
		for step, want := range c.Points {
			got := tr.Points[step]
			if !closeTo(got[0], want[0], 1e-12) || !closeTo(got[1], want[1], 1e-12) {
				t.Errorf("%s step %d: %.17g, reference %.17g", c.Name, step, got, want)
				break
			}
		}
	}
	for _, s := range Specs() {
		if s.Name != "sgd" && !covered[s.Name] { // sgd is gd's rule
			t.Errorf("no reference trajectory for %s", s.Name)
		}
	}
}
