package optimizers

import (
	"fmt"
	"math"
	"sort"
)

// Scale says how a control should map a hyperparameter.
type Scale int

// The scales of hyperparameters.
const (
	// Linear: evenly spaced values.
	Linear Scale = iota
	// Log: evenly spaced logarithms.
	Log
	// LogOneMinus: evenly spaced logarithms of 1 − value, for decay rates
	// such as β2 whose interesting values crowd towards 1.
	LogOneMinus
	// Flag: 0 (off) or 1 (on).
	Flag
)

// Param is a hyperparameter as permalinks, the command line and the
// controls know it.
type Param struct {
	// Key is the short name used in URLs, such as "lr" or "b1".
	Key string
	// Min and Max bound the values that permalinks and controls accept.
	// They are within every optimizer's domain (but Nesterov needs
	// momentum above 0), and narrower where the domain is wide, to keep
	// the plots meaningful.
	Min, Max float64
	Scale    Scale
}

// Params lists every hyperparameter key in canonical order.
var Params = []Param{
	{Key: "lr", Min: 1e-5, Max: 10, Scale: Log},
	{Key: "b1", Min: 0, Max: 0.9999, Scale: Linear},
	{Key: "b2", Min: 0, Max: 0.99999, Scale: LogOneMinus},
	{Key: "eps", Min: 1e-12, Max: 1, Scale: Log},
	{Key: "mom", Min: 0, Max: 0.999, Scale: Linear},
	{Key: "alpha", Min: 0, Max: 0.9999, Scale: LogOneMinus},
	{Key: "rho", Min: 0, Max: 0.9999, Scale: LogOneMinus},
	{Key: "wd", Min: 0, Max: 1, Scale: Linear},
	{Key: "iav", Min: 0, Max: 10, Scale: Linear},
	{Key: "centered", Min: 0, Max: 1, Scale: Flag},
	{Key: "nesterov", Min: 0, Max: 1, Scale: Flag},
	{Key: "amsgrad", Min: 0, Max: 1, Scale: Flag},
	{Key: "bias", Min: 0, Max: 1, Scale: Flag},
}

// LookupParam returns the hyperparameter with that key.
func LookupParam(key string) (Param, bool) {
	for _, p := range Params {
		if p.Key == key {
			return p, true
		}
	}
	return Param{}, false
}

// Hyper holds hyperparameter values by key; flags are 0 or 1.
type Hyper map[string]float64

// Spec describes a registered optimizer.
type Spec struct {
	// Name is the registry name, such as "adam".
	Name string
	// FullBatch is set for rules that by definition use the exact gradient
	// ("gd"): a run gives them no minibatches and no noise.
	FullBatch bool
	// Keys lists the hyperparameters that apply, in canonical order.
	Keys []string
	// Defaults holds the default of each key.
	Defaults Hyper
	// Mirrors is set on the WRONG variants of lesson 8 (Mistakes) to the
	// name of the correct rule each mirrors, such as "adam"; it is empty
	// for the optimizers Specs lists.
	Mirrors string
	// Gradient is what the rule is fed (GradientOf): TrueGradient except
	// for the mistakes that concern the gradient, which need a data set.
	Gradient Gradient

	bind binder
}

// binder returns a fresh optimizer at its defaults, a function that
// returns it as it stands, and the addresses of its hyperparameters.
type binder func() (build func() Optimizer, fields []field)

// field is the address of one hyperparameter, a number or a flag.
type field struct {
	key  string
	num  *float64
	flag *bool
}

func num(key string, p *float64) field { return field{key: key, num: p} }
func flag(key string, p *bool) field   { return field{key: key, flag: p} }

// New builds the optimizer with h over the defaults. Keys that do not
// apply, and values outside the optimizer's domain, are errors.
func (s Spec) New(h Hyper) (Optimizer, error) {
	build, fields := s.bind()
	byKey := make(map[string]field, len(fields))
	for _, f := range fields {
		byKey[f.key] = f
	}
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := h[k]
		f, ok := byKey[k]
		switch {
		case !ok:
			return nil, fmt.Errorf("%s has no hyperparameter %q", s.Name, k)
		case math.IsNaN(v) || math.IsInf(v, 0):
			return nil, fmt.Errorf("%s: %s = %v is not a finite number", s.Name, k, v)
		case f.flag != nil && v != 0 && v != 1:
			return nil, fmt.Errorf("%s: %s = %v must be 0 or 1", s.Name, k, v)
		case f.flag != nil:
			*f.flag = v == 1
		default:
			*f.num = v
		}
	}
	o := build()
	if err := o.Validate(); err != nil {
		return nil, err
	}
	return o, nil
}

func newSpec(name string, fullBatch bool, bind binder) Spec {
	s := Spec{Name: name, FullBatch: fullBatch, Defaults: Hyper{}, bind: bind}
	_, fields := bind()
	for _, p := range Params { // canonical order
		for _, f := range fields {
			if f.key != p.Key {
				continue
			}
			s.Keys = append(s.Keys, f.key)
			if f.flag != nil {
				s.Defaults[f.key] = boolValue(*f.flag)
			} else {
				s.Defaults[f.key] = *f.num
			}
		}
	}
	return s
}

func boolValue(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// specs lists the registered optimizers in display order.
var specs = []Spec{
	newSpec("gd", true, func() (func() Optimizer, []field) {
		o := DefaultGD()
		return func() Optimizer { return o }, []field{num("lr", &o.LR), num("wd", &o.WeightDecay)}
	}),
	newSpec("sgd", false, func() (func() Optimizer, []field) {
		o := DefaultSGD()
		return func() Optimizer { return o }, []field{num("lr", &o.LR), num("wd", &o.WeightDecay)}
	}),
	newSpec("momentum", false, func() (func() Optimizer, []field) {
		o := DefaultMomentum()
		return func() Optimizer { return o }, []field{num("lr", &o.LR), num("mom", &o.Momentum),
			flag("nesterov", &o.Nesterov), num("wd", &o.WeightDecay)}
	}),
	newSpec("nesterov", false, func() (func() Optimizer, []field) {
		o := DefaultNesterov()
		return func() Optimizer { return o }, []field{num("lr", &o.LR), num("mom", &o.Momentum), num("wd", &o.WeightDecay)}
	}),
	newSpec("adagrad", false, func() (func() Optimizer, []field) {
		o := DefaultAdagrad()
		return func() Optimizer { return o }, []field{num("lr", &o.LR), num("iav", &o.InitialAccumulatorValue),
			num("eps", &o.Eps), num("wd", &o.WeightDecay)}
	}),
	newSpec("rmsprop", false, func() (func() Optimizer, []field) {
		o := DefaultRMSprop()
		return func() Optimizer { return o }, []field{num("lr", &o.LR), num("alpha", &o.Alpha), num("eps", &o.Eps),
			num("mom", &o.Momentum), flag("centered", &o.Centered), num("wd", &o.WeightDecay)}
	}),
	newSpec("adadelta", false, func() (func() Optimizer, []field) {
		o := DefaultAdadelta()
		return func() Optimizer { return o }, []field{num("lr", &o.LR), num("rho", &o.Rho), num("eps", &o.Eps),
			num("wd", &o.WeightDecay)}
	}),
	newSpec("adam", false, adamBinder(DefaultAdam(), true)),
	newSpec("amsgrad", false, adamBinder(DefaultAMSGrad(), false)),
	newSpec("adamax", false, func() (func() Optimizer, []field) {
		o := DefaultAdamax()
		return func() Optimizer { return o }, []field{num("lr", &o.LR), num("b1", &o.Beta1), num("b2", &o.Beta2),
			num("eps", &o.Eps), num("wd", &o.WeightDecay)}
	}),
	newSpec("adamw", false, func() (func() Optimizer, []field) {
		o := DefaultAdamW()
		return func() Optimizer { return o }, adamFields((*Adam)(&o), true)
	}),
	newSpec("nadam", false, func() (func() Optimizer, []field) {
		o := DefaultNAdam()
		return func() Optimizer { return o }, []field{num("lr", &o.LR), num("b1", &o.Beta1), num("b2", &o.Beta2),
			num("eps", &o.Eps), num("wd", &o.WeightDecay)}
	}),
	newSpec("lion", false, func() (func() Optimizer, []field) {
		o := DefaultLion()
		return func() Optimizer { return o }, []field{num("lr", &o.LR), num("b1", &o.Beta1), num("b2", &o.Beta2),
			num("wd", &o.WeightDecay)}
	}),
}

// adamBinder binds Adam from def; the amsgrad key applies when
// amsgradKey is set (the "amsgrad" name fixes it on).
func adamBinder(def Adam, amsgradKey bool) binder {
	return func() (func() Optimizer, []field) {
		o := def
		return func() Optimizer { return o }, adamFields(&o, amsgradKey)
	}
}

func adamFields(o *Adam, amsgradKey bool) []field {
	fields := []field{num("lr", &o.LR), num("b1", &o.Beta1), num("b2", &o.Beta2), num("eps", &o.Eps),
		num("wd", &o.WeightDecay), flag("bias", &o.BiasCorrection)}
	if amsgradKey {
		fields = append(fields, flag("amsgrad", &o.AMSGrad))
	}
	return fields
}

// Specs returns the registered optimizers in display order. It leaves out
// the WRONG variants of lesson 8, which Mistakes lists.
func Specs() []Spec { return append([]Spec(nil), specs...) }

// LookupSpec returns the registered optimizer of that name, one of Specs
// or one of Mistakes (whose Mirrors is set).
func LookupSpec(name string) (Spec, bool) {
	for _, s := range specs {
		if s.Name == name {
			return s, true
		}
	}
	for _, s := range mistakes {
		if s.Name == name {
			return s, true
		}
	}
	return Spec{}, false
}

// New builds the registered optimizer name (one of Specs or Mistakes)
// with h over its defaults.
func New(name string, h Hyper) (Optimizer, error) {
	s, ok := LookupSpec(name)
	if !ok {
		return nil, fmt.Errorf("unknown optimizer %q", name)
	}
	return s.New(h)
}
