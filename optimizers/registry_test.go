package optimizers

import (
	"math"
	"slices"
	"testing"
)

// TestDefaultsArePyTorchs compares the defaults with the signatures in
// PyTorch's documentation (torch.optim, 2.x) and the Lion paper.
func TestDefaultsArePyTorchs(t *testing.T) {
	want := map[string]Hyper{
		"gd":       {"lr": 1e-3, "wd": 0},
		"sgd":      {"lr": 1e-3, "wd": 0},
		"momentum": {"lr": 1e-3, "mom": 0.9, "nesterov": 0, "wd": 0},
		"nesterov": {"lr": 1e-3, "mom": 0.9, "wd": 0},
		"adagrad":  {"lr": 1e-2, "iav": 0, "eps": 1e-10, "wd": 0},
		"rmsprop":  {"lr": 1e-2, "alpha": 0.99, "eps": 1e-8, "mom": 0, "centered": 0, "wd": 0},
		"adadelta": {"lr": 1, "rho": 0.9, "eps": 1e-6, "wd": 0},
		"adam":     {"lr": 1e-3, "b1": 0.9, "b2": 0.999, "eps": 1e-8, "wd": 0, "amsgrad": 0, "bias": 1},
		"amsgrad":  {"lr": 1e-3, "b1": 0.9, "b2": 0.999, "eps": 1e-8, "wd": 0, "bias": 1},
		"adamax":   {"lr": 2e-3, "b1": 0.9, "b2": 0.999, "eps": 1e-8, "wd": 0},
		"adamw":    {"lr": 1e-3, "b1": 0.9, "b2": 0.999, "eps": 1e-8, "wd": 1e-2, "amsgrad": 0, "bias": 1},
		"nadam":    {"lr": 2e-3, "b1": 0.9, "b2": 0.999, "eps": 1e-8, "wd": 0},
		"lion":     {"lr": 1e-4, "b1": 0.9, "b2": 0.99, "wd": 0},
	}
	var names []string
	for _, s := range Specs() {
		names = append(names, s.Name)
		if w, ok := want[s.Name]; !ok || !mapsEqual(s.Defaults, w) {
			t.Errorf("%s defaults %v, want %v", s.Name, s.Defaults, w)
		}
		if len(s.Keys) != len(s.Defaults) {
			t.Errorf("%s: keys %v, defaults %v", s.Name, s.Keys, s.Defaults)
		}
	}
	if len(names) != len(want) {
		t.Errorf("registered %v", names)
	}
	if n := DefaultNAdam().MomentumDecay; n != 4e-3 {
		t.Errorf("NAdam momentum decay %v, PyTorch's is 4e-3", n)
	}
}

func mapsEqual(a, b Hyper) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestSpecNewSetsFields checks that keys reach the right fields, that zero
// is a value and not "the default", and that flags switch variants.
func TestSpecNewSetsFields(t *testing.T) {
	o, err := New("adam", Hyper{"lr": 0.5, "b1": 0, "b2": 0.25, "eps": 0, "wd": 0.125, "amsgrad": 1, "bias": 0})
	if err != nil {
		t.Fatal(err)
	}
	if want := (Adam{LR: 0.5, Beta1: 0, Beta2: 0.25, Eps: 0, WeightDecay: 0.125, AMSGrad: true}); o != want {
		t.Errorf("got %+v, want %+v", o, want)
	}
	if o.Name() != "amsgrad" {
		t.Errorf("name %q", o.Name())
	}
	o, _ = New("momentum", Hyper{"nesterov": 1})
	if o.Name() != "nesterov" {
		t.Errorf("momentum with nesterov=1 is %q", o.Name())
	}
	o, _ = New("adamw", nil)
	if _, ok := o.(AdamW); !ok || o.(AdamW).WeightDecay != 0.01 {
		t.Errorf("adamw: %#v", o)
	}
	o, _ = New("rmsprop", Hyper{"centered": 1, "mom": 0.5, "alpha": 0.9})
	if want := (RMSprop{LR: 0.01, Alpha: 0.9, Eps: 1e-8, Momentum: 0.5, Centered: true}); o != want {
		t.Errorf("got %+v, want %+v", o, want)
	}
	o, _ = New("adagrad", Hyper{"iav": 0.1})
	if o.(Adagrad).InitialAccumulatorValue != 0.1 {
		t.Errorf("adagrad: %+v", o)
	}
	o, _ = New("adadelta", Hyper{"rho": 0.5})
	if o.(Adadelta).Rho != 0.5 {
		t.Errorf("adadelta: %+v", o)
	}
	o, _ = New("lion", Hyper{"b1": 0.5, "b2": 0.75})
	if want := (Lion{LR: 1e-4, Beta1: 0.5, Beta2: 0.75}); o != want {
		t.Errorf("got %+v, want %+v", o, want)
	}
}

func TestSpecNewErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		h    Hyper
	}{
		{"nosuch", nil},
		{"gd", Hyper{"b1": 0.9}},
		{"adam", Hyper{"amsgrad": 0.5}},
		{"adam", Hyper{"lr": math.NaN()}},
		{"adam", Hyper{"lr": math.Inf(1)}},
		{"adam", Hyper{"b1": 1}},
		{"nesterov", Hyper{"mom": 0}},
		{"momentum", Hyper{"mom": 0, "nesterov": 1}},
	} {
		if _, err := New(c.name, c.h); err == nil {
			t.Errorf("New(%q, %v) did not fail", c.name, c.h)
		}
	}
}

// TestParamRangesAreValid builds every optimizer with each of its keys at
// both ends of the accepted range.
func TestParamRangesAreValid(t *testing.T) {
	for _, s := range Specs() {
		for _, key := range s.Keys {
			p, ok := LookupParam(key)
			if !ok {
				t.Fatalf("%s: key %q not in Params", s.Name, key)
			}
			for _, v := range []float64{p.Min, p.Max} {
				if s.Name == "nesterov" && key == "mom" && v == 0 {
					continue // Nesterov needs momentum
				}
				if _, err := s.New(Hyper{key: v}); err != nil {
					t.Errorf("%s: %s = %v: %v", s.Name, key, v, err)
				}
			}
		}
	}
	var keys []string
	for _, p := range Params {
		keys = append(keys, p.Key)
		if p.Min > p.Max || (p.Scale == Log && p.Min <= 0) || (p.Scale == LogOneMinus && p.Max >= 1) {
			t.Errorf("param %+v cannot be scaled", p)
		}
	}
	if unique := slices.Compact(slices.Sorted(slices.Values(keys))); len(unique) != len(Params) {
		t.Errorf("duplicate keys in %v", keys)
	}
}

// TestValidate lists values outside each rule's domain, and the edges that
// are allowed.
func TestValidate(t *testing.T) {
	nan := math.NaN()
	bad := []Optimizer{
		GD{LR: -1}, GD{LR: nan}, GD{LR: 0.1, WeightDecay: -1},
		SGD{LR: 0.1, Momentum: -0.5}, SGD{LR: 0.1, Nesterov: true},
		Adagrad{LR: 0.1, Eps: -1}, Adagrad{LR: 0.1, InitialAccumulatorValue: -1}, Adagrad{LR: 0.1, LRDecay: -1},
		RMSprop{LR: 0.1, Alpha: 1.5}, RMSprop{LR: 0.1, Alpha: 0.9, Momentum: -1},
		Adadelta{LR: 1, Rho: 1.1}, Adadelta{LR: 1, Rho: 0.9, Eps: -1},
		Adam{LR: 0.1, Beta1: 1, Beta2: 0.9}, Adam{LR: 0.1, Beta1: 0.9, Beta2: 1}, Adam{LR: 0.1, Beta1: -0.1, Beta2: 0.9},
		Adam{LR: 0.1, Beta1: 0.9, Beta2: 0.9, Eps: -1e-8}, Adam{LR: math.Inf(1), Beta1: 0.9, Beta2: 0.9},
		AdamW{LR: 0.1, Beta1: 0.9, Beta2: 0.9, WeightDecay: -1},
		Adamax{LR: 0.1, Beta1: 0.9, Beta2: 1.5},
		NAdam{LR: 0.1, Beta1: 0.9, Beta2: 0.9, MomentumDecay: -1},
		Lion{LR: 0.1, Beta1: 1.5, Beta2: 0.9}, Lion{LR: -0.1, Beta1: 0.9, Beta2: 0.9},
	}
	for _, o := range bad {
		if o.Validate() == nil {
			t.Errorf("%#v is valid", o)
		}
	}
	good := []Optimizer{
		GD{}, SGD{LR: 1, Momentum: 0.99, Nesterov: true}, Adagrad{},
		RMSprop{Alpha: 1}, Adadelta{Rho: 1}, Adam{}, AdamW{Beta1: 0.999}, Adamax{}, NAdam{},
		Lion{Beta1: 1, Beta2: 1},
	}
	for _, o := range good {
		if err := o.Validate(); err != nil {
			t.Errorf("%#v: %v", o, err)
		}
	}
}
