// The script is written with plain Go (strings.Builder, fmt.Fprintf), one
// function per section, and NOT with text/template or html/template, nor
// anything else that calls reflect.Value.Method or MethodByName: this
// package is compiled into the web page's WebAssembly (cmd/wasm), and once
// a program can call methods by reflection, the linker keeps every
// exported method of every type. Executing a text/template here made
// web/app.wasm 19.8 MB instead of 13.8 MB.

package scene

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/expr"
)

// WritePyTorch writes a Python script that reproduces the scene with
// PyTorch (torch.optim, float64), the code a learner would write next:
//   - the surface as a torch expression of the parameter tensor, in the
//     core's order of operations (linreg's data set embedded as a list, its
//     mean squared error written out);
//   - each run's optimizer from torch.optim with the run's hyperparameters,
//     and its schedule from torch.optim.lr_scheduler (warmcos as a
//     SequentialLR of LinearLR and CosineAnnealingLR);
//   - the rules torch.optim lacks in plain tensor operations: Lion, Adam
//     without bias correction, and NAdam, whose torch.optim version in
//     PyTorch 1.13 has a bug that 2.0 fixed;
//   - the WRONG variants of lesson 8 (optimizers.Mistakes) as a learner
//     would write them by mistake, each with a comment that says it is
//     wrong and what the correct rule is: the wrong rules in plain tensor
//     operations (Adam without bias correction, Adam with a wrong
//     denominator), and the wrong gradients as functions that write into
//     p.grad what the core's oracle feeds them (the gradient of the loss of
//     the first samples, of the loss summed over the batch instead of
//     averaged, the mean residual), with the same minibatches and noise;
//   - the core's gradient noise and minibatches embedded as data, since
//     Python's random numbers are not Go's; "gd" gets the exact gradient,
//     as in the core;
//   - the core's stopping rule: a run ends where a value stops being finite
//     or once its point leaves the surface's domain grown by
//     optimizers.EscapeFactor.
//
// Run with python3, the script prints the CSV that Trace.WriteCSV writes
// for the scene's runs: the same rows, numbers formatted the same way, and
// equal up to rounding. Autograd and torch order their arithmetic
// differently from the core, which makes a difference of a few ulps per
// step: the package's tests find at most about 1e-11 relative, but a run
// whose dynamics are chaotic (gradient descent past the edge of stability
// near a minimum, say) amplifies it into visibly different numbers. Centered
// RMSprop with α = 0 differs too: ṽ = g² − g² is 0 in the core but torch's
// fused multiply-add leaves g²'s rounding error, which can be negative (a
// NaN). WritePyTorch fails for a scene that cannot run, and for an optimizer
// it has no translation for.
func WritePyTorch(w io.Writer, s Scene) error {
	surf, err := s.Surface()
	if err != nil {
		return err
	}
	if _, err := s.Configs(surf); err != nil {
		return err
	}
	d := pyScript{
		Query:   Encode(s),
		Steps:   s.Steps,
		X0:      pyFloats(s.X0[:]),
		Formula: surf.Formula,
		Seed:    s.Seed,
	}
	bound := surf.Domain.Expand(optimizers.EscapeFactor)
	d.Box = "(" + strings.Join([]string{pyFloat(bound.XMin), pyFloat(bound.XMax), pyFloat(bound.YMin), pyFloat(bound.YMax)}, ", ") + ")"
	d.Factor = fmtFloat(optimizers.EscapeFactor)
	if data, ok := surf.Objective.(optimizers.LinReg); ok {
		d.LinReg, d.Given = true, s.Data != nil
		d.X, d.Y = pyList(pyFloatItems(data.X)), pyList(pyFloatItems(data.Y))
		d.First, d.BatchSize = 1, data.Len() // the full batch
	} else if s.Fn == CustomFn { // the formula typed, as torch operations
		e, err := expr.Parse(s.Formula)
		if err != nil {
			return err
		}
		d.Expr = e.Torch("x", "y")
	} else if d.Expr, ok = pySurfaces[s.Fn]; !ok {
		return fmt.Errorf("pytorch: no torch expression for the surface %q", s.Fn)
	}
	if s.Fn == "quadratic" {
		d.Expr = strings.Replace(d.Expr, "KAPPA", pyFloat(s.Kappa), 1)
	}
	if err := d.stochastic(s, surf); err != nil {
		return err
	}
	if d.Batch != 0 { // minibatches
		d.First, d.BatchSize = d.Batch, d.Batch
	}
	for _, r := range s.Runs {
		d.Scheduled = d.Scheduled || !r.Sched.Constant()
		d.Warmcos = d.Warmcos || r.Sched.Name == "warmcos"
	}
	classes, feeds := map[string]bool{}, map[optimizers.Gradient]bool{}
	for _, r := range s.Runs {
		call, class, err := pyOptimizer(r)
		if err != nil {
			return err
		}
		if class != "" && !classes[class] {
			classes[class] = true
			d.Classes = append(d.Classes, pyClasses[class])
		}
		spec, _ := optimizers.LookupSpec(r.Opt) // Configs checked it
		run := pyRun{
			Name:  r.Opt,
			Ident: pyIdent(r.Opt),
			Make:  pyMake(r, call, s.Steps, d.Scheduled),
			Exact: spec.FullBatch && d.Stochastic,
		}
		d.Mistakes = d.Mistakes || spec.Mirrors != ""
		if g := spec.Gradient; g != optimizers.TrueGradient {
			run.Feed = pyFeedName(g)
			if !feeds[g] {
				feeds[g] = true
				feed, err := d.feed(g)
				if err != nil {
					return err
				}
				d.Feeds = append(d.Feeds, feed)
			}
		}
		d.Runs = append(d.Runs, run)
	}
	_, err = io.WriteString(w, d.script())
	return err
}

// pyScript is what the script needs of a scene.
type pyScript struct {
	Query   string
	Steps   int
	X0      string // [x, y]
	Formula string
	Seed    uint64
	// Expr is f as a torch expression of x and y; LinReg is set instead on
	// linreg, with X and Y its data, Given when the link gives them.
	Expr       string
	LinReg     bool
	Given      bool
	X, Y       string
	Box        string // (xmin, xmax, ymin, ymax)
	Factor     string // optimizers.EscapeFactor
	NoiseStd   string // "" without noise
	Noise      string // the noise vectors, one per update
	Batch      int    // minibatch size, 0 for the full batch
	Batches    string // the minibatches' indices, one list per update
	Stochastic bool   // noise or minibatches
	// On linreg, First is the number of samples the FirstSamples mistake
	// takes, the first ones: the minibatch size, or 1 with the full batch;
	// BatchSize is the number of samples of a gradient: the minibatch size,
	// or the data set's with the full batch.
	First, BatchSize int
	Scheduled        bool // some run has a schedule: make returns it too
	Warmcos          bool // some run has a warmcos schedule
	Mistakes         bool // some run is a mistake of lesson 8
	// Classes are the optimizer classes the script defines (pyClasses),
	// each ending in a newline.
	Classes []string
	// Feeds are the functions that write the WRONG gradients of the
	// mistakes that are fed one into p.grad (pyScript.feed), each ending
	// in a newline.
	Feeds []string
	Runs  []pyRun
}

// pyRun is one run of the script: its name, its name as a Python
// identifier, the function that builds its optimizer (and schedule) over
// the parameter p (pyMake), whether it takes the exact gradient in a
// stochastic scene, and the function of pyScript.feed that writes its WRONG
// gradient, if it is a mistake fed one.
type pyRun struct {
	Name, Ident string
	Make        string
	Exact       bool
	Feed        string
}

// pyFeedName returns the name of the function of pyScript.feed that writes
// the WRONG gradient g (mean-residual: mean_residual_grad).
func pyFeedName(g optimizers.Gradient) string { return pyIdent(g.String()) + "_grad" }

// stochastic embeds the scene's noise and minibatches: the core's oracle
// draws them from the seed in streams of their own, the same for every
// run, so they are drawn here once for the whole run.
func (d *pyScript) stochastic(s Scene, surf optimizers.Surface) error {
	if s.Noise != 0 {
		o, err := optimizers.NewOracle(zeroObjective{}, optimizers.GradientNoise{Std: s.Noise, Seed: s.Seed})
		if err != nil {
			return err
		}
		rows := make([]string, s.Steps)
		g, x := make([]float64, 2), make([]float64, 2)
		for t := range rows {
			o.Grad(g, x) // 0 plus the noise: the noise itself
			rows[t] = pyFloats(g)
		}
		d.NoiseStd, d.Noise, d.Stochastic = fmtFloat(s.Noise), pyRows(rows), true
	}
	if s.Batch == 0 {
		return nil
	}
	o, err := optimizers.NewOracle(surf.Objective, optimizers.GradientNoise{Batch: s.Batch, Seed: s.Seed})
	if err != nil {
		return err
	}
	if s.Batch >= surf.Objective.(optimizers.Dataset).Len() { // NewOracle checked it is one
		return nil // the full batch
	}
	rows := make([]string, s.Steps)
	g, x := make([]float64, 2), []float64{s.X0[0], s.X0[1]}
	for t := range rows {
		o.Grad(g, x)
		idx := o.Batch()
		items := make([]string, len(idx))
		for i, j := range idx {
			items[i] = strconv.Itoa(j)
		}
		rows[t] = "[" + strings.Join(items, ", ") + "]"
	}
	d.Batch, d.Batches, d.Stochastic = s.Batch, pyRows(rows), true
	return nil
}

// zeroObjective is f = 0: its noisy oracle's gradients are the noise.
type zeroObjective struct{}

func (zeroObjective) Func([]float64) float64 { return 0 }
func (zeroObjective) Grad(g, _ []float64)    { clear(g) }

// pyOptimizer returns the Python call that builds run r's optimizer over
// the parameter p, and the name of the class of pyClasses it needs, if any.
func pyOptimizer(r Run) (call pyCall, class string, err error) {
	h := r.Hyper
	num := func(arg, key string) string { return arg + "=" + pyFloat(h[key]) }
	lr, wd, eps := num("lr", "lr"), num("weight_decay", "wd"), num("eps", "eps")
	betas := "betas=(" + pyFloat(h["b1"]) + ", " + pyFloat(h["b2"]) + ")"
	switch r.Opt {
	case "gd", "sgd", "wrong-sgd-first", "wrong-sgd-sum": // the mistakes are fed a wrong gradient
		return newPyCall("torch.optim.SGD", "[p]", lr, wd), "", nil
	case "momentum", "nesterov":
		nesterov := r.Opt == "nesterov" || h["nesterov"] == 1
		return newPyCall("torch.optim.SGD", "[p]", lr, num("momentum", "mom"), "nesterov="+pyBool(nesterov), wd), "", nil
	case "adagrad":
		return newPyCall("torch.optim.Adagrad", "[p]", lr, num("initial_accumulator_value", "iav"), eps, wd), "", nil
	case "rmsprop":
		return newPyCall("torch.optim.RMSprop", "[p]", lr, num("alpha", "alpha"), eps, wd, num("momentum", "mom"),
			"centered="+pyBool(h["centered"] == 1)), "", nil
	case "adadelta":
		return newPyCall("torch.optim.Adadelta", "[p]", lr, num("rho", "rho"), eps, wd), "", nil
	case "adam", "amsgrad", "adamw":
		amsgrad := "amsgrad=" + pyBool(r.Opt == "amsgrad" || h["amsgrad"] == 1)
		if h["bias"] == 0 {
			return newPyCall("AdamWithoutBiasCorrection", "[p]", lr, betas, eps, wd, amsgrad,
				"decoupled_weight_decay="+pyBool(r.Opt == "adamw")), "AdamWithoutBiasCorrection", nil
		}
		name := "torch.optim.Adam"
		if r.Opt == "adamw" {
			name = "torch.optim.AdamW"
		}
		return newPyCall(name, "[p]", lr, betas, eps, wd, amsgrad), "", nil
	case "adamax":
		return newPyCall("torch.optim.Adamax", "[p]", lr, betas, eps, wd), "", nil
	case "nadam":
		psi := "momentum_decay=" + pyFloat(optimizers.DefaultNAdam().MomentumDecay)
		return newPyCall("NAdam", "[p]", lr, betas, eps, wd, psi), "NAdam", nil
	case "lion":
		return newPyCall("Lion", "[p]", lr, betas, wd), "Lion", nil
	case "wrong-adam-nobias":
		return newPyCall("AdamWithoutBiasCorrection", "[p]", lr, betas, eps, wd), "AdamWithoutBiasCorrection", nil
	case "wrong-adam-denom", "wrong-adam-epsin":
		mistake := `mistake="` + strings.TrimPrefix(r.Opt, "wrong-adam-") + `"`
		return newPyCall("WrongAdam", "[p]", lr, betas, eps, wd, mistake), "WrongAdam", nil
	case "wrong-adam-residual": // fed a wrong gradient
		return newPyCall("torch.optim.Adam", "[p]", lr, betas, eps, wd), "", nil
	}
	return pyCall{}, "", fmt.Errorf("pytorch: no translation for the optimizer %q", r.Opt)
}

// pyMake returns the function make_NAME(p) that builds run r's optimizer
// with the call opt and returns it, with its schedule for a run of steps
// updates (None when constant) when scheduled, ending in a newline; a
// mistake's begins with a comment that says what it does WRONG.
func pyMake(r Run, opt pyCall, steps int, scheduled bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "def make_%s(p):\n", pyIdent(r.Opt))
	if what, ok := pyMistakes[r.Opt]; ok {
		b.WriteString("    # " + strings.ReplaceAll(what, "\n", "\n    # ") + "\n")
	}
	b.WriteString(opt.line("    opt = "))
	if !scheduled {
		return b.String() + "    return opt\n"
	}
	sc, lrs := r.Sched, "torch.optim.lr_scheduler."
	var sched pyCall
	switch sc.Name {
	case "step":
		sched = newPyCall(lrs+"StepLR", "opt", "step_size="+strconv.Itoa(sc.Every), "gamma="+pyFloat(sc.Gamma))
	case "exp":
		sched = newPyCall(lrs+"ExponentialLR", "opt", "gamma="+pyFloat(sc.Gamma))
	case "cosine":
		sched = newPyCall(lrs+"CosineAnnealingLR", "opt", "T_max="+strconv.Itoa(sc.TMax), "eta_min="+pyFloat(sc.LRMin))
	case "warmcos":
		// T_max matters only to updates after the warm-up; at least 1, so
		// that in a run no longer than its warm-up the scheduler's step
		// after the last update does not divide by 0.
		fmt.Fprintf(&b, "    # %d updates of linear warm-up, then half a cosine down to %s at update %d.\n",
			sc.Warmup, fmtFloat(sc.LRMin), steps)
		b.WriteString(newPyCall(lrs+"LinearLR", "opt", "start_factor=1 / "+strconv.Itoa(sc.Warmup),
			"total_iters="+strconv.Itoa(sc.Warmup-1)).line("    warmup = "))
		b.WriteString(newPyCall(lrs+"CosineAnnealingLR", "opt", "T_max="+strconv.Itoa(max(1, steps-sc.Warmup)),
			"eta_min="+pyFloat(sc.LRMin)).line("    cosine = "))
		sched = newPyCall(lrs+"SequentialLR", "opt", "[warmup, cosine]", "milestones=["+strconv.Itoa(sc.Warmup)+"]")
	default:
		return b.String() + "    return opt, None\n"
	}
	return b.String() + sched.line("    return opt, ")
}
