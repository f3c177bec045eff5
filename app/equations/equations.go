// Package equations typesets the update rule of every optimizer as
// MathML, and the same rule with the numbers of one step substituted and
// evaluated, per coordinate. The numbers are the optimizer core's own:
// the trajectory's points, gradients and buffers (Trajectory.Vars), and
// the optimizer's hyperparameters; a term the core does not keep (such as
// 1 − β1, or the gradient with weight decay added) is computed as the
// core computes it.
package equations

import (
	"strconv"

	"github.com/optimplay/optimplay/optimizers"
)

// Update is an update of a run to typeset.
type Update struct {
	Opt  optimizers.Optimizer
	Traj *optimizers.Trajectory
	// T is the update shown, the one that moved the point from x_{t−1}
	// to x_t (1 ≤ T ≤ Traj.Steps()); 0 shows the rule and the start.
	T int
	// Run is the run's index in the race: the terms drawn as vectors on
	// the surface are named after it (data-vec="run0-g").
	Run int
	// Minibatch is set when g_t is the gradient of a minibatch, Noisy
	// when it carries Gaussian noise.
	Minibatch, Noisy bool
}

// Typeset is an update typeset as MathML (each a <math> element).
type Typeset struct {
	T    int    // the update: 0 for the start
	Rule string // the rule, with symbols
	// Scalars are this step's numbers that have one value for both
	// coordinates, such as an adapted learning rate; "" when none.
	Scalars string
	// Coords are this step's numbers, per coordinate.
	Coords [2]string
}

// line is a line of a rule: lhs = rhs. In the step's numbers, lhs keeps
// its symbol and the line ends with lhs's value, unless rhs is a single
// quantity.
type line struct {
	lhs    quantity
	rhs    expr
	scalar bool // the same for both coordinates
}

// New typesets the update.
func New(u Update) Typeset {
	r := newRule(u)
	var lines []line
	if u.T == 0 {
		lines = r.start()
	} else {
		lines = r.lines()
	}
	ts := Typeset{T: u.T}
	ts.Rule = table(r.lines(), -1, func(line) bool { return true })
	ts.Scalars = table(lines, 0, func(l line) bool { return l.scalar })
	for c := range ts.Coords {
		ts.Coords[c] = table(lines, c, func(l line) bool { return !l.scalar })
	}
	return ts
}

// table writes the lines that keep is true of as a <math> table: with
// symbols (coord −1), or with coordinate coord's numbers; "" when none.
func table(lines []line, coord int, keep func(line) bool) string {
	w := &writer{coord: coord}
	n := 0
	for _, l := range lines {
		if !keep(l) {
			continue
		}
		n++
		w.WriteString("<mtr><mtd>")
		sym := &writer{coord: -1}
		l.lhs.write(sym)
		w.WriteString(sym.String())
		w.WriteString("</mtd><mtd><mo>=</mo></mtd><mtd>")
		l.rhs.write(w)
		w.WriteString("</mtd>")
		if _, single := l.rhs.(quantity); !w.symbolic() && !single {
			w.WriteString(`<mtd><mo>=</mo></mtd><mtd class="result">`)
			w.bare = true
			l.lhs.write(w)
			w.bare = false
			w.WriteString("</mtd>")
		}
		w.WriteString("</mtr>")
	}
	if n == 0 {
		return ""
	}
	return `<math display="block"><mtable>` + w.String() + `</mtable></math>`
}

// rule holds the quantities of an update.
type rule struct {
	Update
	now, prev map[string][]float64 // the buffers after update t and t−1
	scheduled bool                 // the learning rate follows a schedule; Opt is the rule under it
}

func newRule(u Update) *rule {
	r := &rule{Update: u, now: map[string][]float64{}, prev: map[string][]float64{}}
	if _, ok := u.Opt.(optimizers.Scheduled); ok {
		r.Opt, r.scheduled = unscheduled(u.Opt), true
	}
	if u.T > 0 {
		for _, v := range u.Traj.Vars(u.T) {
			r.now[v.Name] = v.Value
		}
	}
	if u.T > 1 {
		for _, v := range u.Traj.Vars(u.T - 1) {
			r.prev[v.Name] = v.Value
		}
	}
	return r
}

// vector names the run's vector kind on the surface.
func (r *rule) vector(kind string) string { return "run" + strconv.Itoa(r.Run) + "-" + kind }

// buffer is the optimizer's buffer name (a Var) after update t, or t−1
// when prev is set, with its value start before the first update; base
// is its symbol without the index, such as "<mi>m</mi>".
func (r *rule) buffer(name, base string, prev bool, start float64) quantity {
	vals, idx, tag, vector := r.now, idxT, name, r.drawn(name)
	if prev {
		vals, idx, tag, vector = r.prev, idxPrev, name+"_prev", ""
	}
	return quantity{symbol: "<msub>" + base + idx + "</msub>", name: tag, vector: vector, value: func(c int) float64 {
		v, ok := vals[name]
		switch {
		case !ok:
			return start
		case len(v) == 1:
			return v[0] // a scalar buffer
		}
		return v[c]
	}}
}

// hyper is a hyperparameter.
func hyper(symbol, name string, v float64) quantity {
	return quantity{symbol: symbol, name: name, value: func(int) float64 { return v }}
}

// point is x_{t−1} (prev) or x_t.
func (r *rule) point(prev bool) quantity {
	t, idx, name, vector := r.T, idxT, "x", r.vector("step")
	if prev {
		t, idx, name, vector = r.T-1, idxPrev, "x_prev", ""
	}
	p := r.Traj.Points[max(t, 0)]
	return quantity{symbol: subscript("x", idx), name: name, vector: vector, value: func(c int) float64 { return p[c] }}
}

// gradient is ∇f at x_{t−1} as the optimizer got it (minibatch, noise);
// with noise, the exact gradient plus the noise.
func (r *rule) gradient() expr {
	at := "<mo>(</mo>" + subscript("x", idxPrev) + "<mo>)</mo>"
	// The values are read when written: a run of no steps has none.
	used := func(c int) float64 { return r.Traj.Grads[r.T-1][c] }
	exact := func(c int) float64 { return r.Traj.TrueGrads[r.T-1][c] }
	switch {
	case r.Minibatch:
		return quantity{symbol: "<msub><mi>∇f</mi><msub><mi>B</mi><mi>t</mi></msub></msub>" + at, name: "grad", value: used}
	case r.Noisy:
		return add(
			quantity{symbol: "<mi>∇f</mi>" + at, name: "grad", value: exact},
			quantity{symbol: subscript("ξ", idxT), name: "noise", value: func(c int) float64 { return used(c) - exact(c) }})
	}
	return quantity{symbol: "<mi>∇f</mi>" + at, name: "grad", value: used}
}

// g is g_t, the gradient the rule uses: with coupled weight decay λ,
// ∇f + λ·x_{t−1}, as G computes it.
func (r *rule) g() quantity {
	return quantity{symbol: subscript("g", idxT), name: "g", vector: r.vector("g"), value: func(c int) float64 {
		return G(r.Update)[c]
	}}
}

// gLine is the line of g_t.
func (r *rule) gLine() line {
	rhs := r.gradient()
	if wd := coupledDecay(r.Opt); wd != 0 {
		rhs = add(rhs, mul(hyper("<mi>λ</mi>", "wd", wd), r.point(true)))
	}
	return line{lhs: r.g(), rhs: rhs}
}

// Drawn names the buffers (Vars) of o that the surface draws at the
// current point: its momentum or first moment, and its per-coordinate
// step sizes; "" when it has none. Their terms in the rule are linked to
// them.
func Drawn(o optimizers.Optimizer) (momentum, scale string) {
	switch o := unscheduled(o).(type) {
	case optimizers.SGD:
		if o.Momentum != 0 {
			return "b", ""
		}
	case optimizers.Adagrad:
		return "", "lr_eff"
	case optimizers.RMSprop:
		switch {
		case o.Momentum > 0:
			return "b", "lr_eff"
		case o.Centered:
			return "gavg", "lr_eff"
		}
		return "", "lr_eff"
	case optimizers.Adam, optimizers.AdamW, optimizers.Adamax, optimizers.NAdam:
		return "m", "lr_eff"
	case optimizers.Lion:
		return "m", ""
	}
	return "", ""
}

// G returns g_t, the gradient the rule of update u.T uses: the one the
// optimizer got, with weight decay added where the rule adds it, as the
// core adds it.
func G(u Update) [2]float64 {
	g, x, wd := u.Traj.Grads[u.T-1], u.Traj.Points[u.T-1], coupledDecay(u.Opt)
	if wd != 0 {
		g[0] += wd * x[0]
		g[1] += wd * x[1]
	}
	return g
}

// coupledDecay is the weight decay o adds to the gradient: none for the
// decoupled forms (AdamW, Lion).
func coupledDecay(o optimizers.Optimizer) float64 {
	switch o := unscheduled(o).(type) {
	case optimizers.GD:
		return o.WeightDecay
	case optimizers.SGD:
		return o.WeightDecay
	case optimizers.Adagrad:
		return o.WeightDecay
	case optimizers.RMSprop:
		return o.WeightDecay
	case optimizers.Adadelta:
		return o.WeightDecay
	case optimizers.Adam:
		return o.WeightDecay
	case optimizers.Adamax:
		return o.WeightDecay
	case optimizers.NAdam:
		return o.WeightDecay
	}
	return 0
}

// drawn is the data-vec label of the buffer name, when the surface draws
// it.
func (r *rule) drawn(name string) string {
	momentum, scale := Drawn(r.Opt)
	switch name {
	case momentum:
		return r.vector("momentum")
	case scale:
		return r.vector("scale")
	}
	return ""
}

// unscheduled returns the rule of o, without its learning-rate schedule.
func unscheduled(o optimizers.Optimizer) optimizers.Optimizer {
	if s, ok := o.(optimizers.Scheduled); ok {
		return s.Optimizer
	}
	return o
}

// lr is the learning rate of update t: γ, or under a schedule γ_t, this
// update's value of it (the core's "lr").
func (r *rule) lr(base float64) quantity {
	if !r.scheduled {
		return hyper(symLR, "lr", base)
	}
	return quantity{symbol: subscript("γ", idxT), name: "lr_t", value: func(int) float64 { return r.lrValue(base) }}
}

// lrValue is the value of the learning rate of update t.
func (r *rule) lrValue(base float64) float64 {
	if v, ok := r.now["lr"]; ok && r.scheduled {
		return v[0]
	}
	return base
}

// Symbols of hyperparameters.
var (
	symLR    = "<mi>γ</mi>"
	symBeta1 = "<msub><mi>β</mi><mn>1</mn></msub>"
	symBeta2 = "<msub><mi>β</mi><mn>2</mn></msub>"
	symEps   = "<mi>ε</mi>"
)

// oneMinus is 1 − a.
func oneMinus(a expr) expr { return sub(one, a) }

// lines returns the lines of update t.
func (r *rule) lines() []line {
	switch o := r.Opt.(type) {
	case optimizers.GD:
		return r.sgd(optimizers.SGD{LR: o.LR, WeightDecay: o.WeightDecay})
	case optimizers.SGD:
		return r.sgd(o)
	case optimizers.Adagrad:
		return r.adagrad(o)
	case optimizers.RMSprop:
		return r.rmsprop(o)
	case optimizers.Adadelta:
		return r.adadelta(o)
	case optimizers.Adam:
		return r.adam(o, false)
	case optimizers.AdamW:
		return r.adam(optimizers.Adam(o), true)
	case optimizers.Adamax:
		return r.adamax(o)
	case optimizers.NAdam:
		return r.nadam(o)
	case optimizers.Lion:
		return r.lion(o)
	}
	return nil
}

// start returns the lines of the start: x_0 and the buffers' first
// values.
func (r *rule) start() []line {
	x0 := quantity{symbol: subscript("x", idxStart), name: "x", value: func(c int) float64 { return r.Traj.Points[0][c] }}
	lines := []line{{lhs: x0, rhs: x0}}
	first := func(base, name string, v float64) {
		q := quantity{symbol: "<msub>" + base + idxStart + "</msub>", name: name, value: func(int) float64 { return v }}
		lines = append(lines, line{lhs: q, rhs: q})
	}
	switch o := r.Opt.(type) {
	case optimizers.SGD:
		if o.Momentum != 0 {
			first("<mi>b</mi>", "b", 0)
		}
	case optimizers.Adagrad:
		first("<mi>s</mi>", "sum", o.InitialAccumulatorValue)
	case optimizers.RMSprop:
		first("<mi>v</mi>", "v", 0)
		if o.Centered {
			first(bar("g"), "gavg", 0)
		}
		if o.Momentum > 0 {
			first("<mi>b</mi>", "b", 0)
		}
	case optimizers.Adadelta:
		first("<mi>v</mi>", "v", 0)
		first("<mi>u</mi>", "u", 0)
	case optimizers.Adam:
		first("<mi>m</mi>", "m", 0)
		first("<mi>v</mi>", "v", 0)
		if o.AMSGrad {
			first(vmax, "vmax", 0)
		}
	case optimizers.AdamW:
		first("<mi>m</mi>", "m", 0)
		first("<mi>v</mi>", "v", 0)
		if o.AMSGrad {
			first(vmax, "vmax", 0)
		}
	case optimizers.NAdam:
		first("<mi>m</mi>", "m", 0)
		first("<mi>v</mi>", "v", 0)
	case optimizers.Adamax:
		first("<mi>m</mi>", "m", 0)
		first("<mi>u</mi>", "u", 0)
	case optimizers.Lion:
		first("<mi>m</mi>", "m", 0)
	}
	return lines
}

// vmax is the symbol of AMSGrad's running maximum.
const vmax = "<msup><mi>v</mi><mi>max</mi></msup>"

// sgd: plain, heavy-ball and Nesterov momentum.
func (r *rule) sgd(o optimizers.SGD) []line {
	g := r.g()
	lines := []line{r.gLine()}
	step := expr(g)
	if o.Momentum != 0 {
		mu := hyper("<mi>μ</mi>", "mom", o.Momentum)
		b := r.buffer("b", "<mi>b</mi>", false, 0)
		lines = append(lines, line{lhs: b, rhs: add(mul(mu, r.buffer("b", "<mi>b</mi>", true, 0)), g)})
		step = b
		if o.Nesterov {
			d := r.buffer("d", "<mi>d</mi>", false, 0)
			lines = append(lines, line{lhs: d, rhs: add(g, mul(mu, b))})
			step = d
		}
	}
	return append(lines, r.move(r.lr(o.LR), step))
}

// move is the line x_t = x_{t−1} − γ·d.
func (r *rule) move(lr quantity, d expr) line {
	return line{lhs: r.point(false), rhs: sub(r.point(true), mul(lr, d))}
}

// scale is the line of the per-coordinate step size γ/(√a + ε), which
// the surface draws (the core's "lr_eff").
func (r *rule) scale(lr expr, a expr, eps float64) line {
	q := r.buffer("lr_eff", "<mi>η</mi>", false, 0)
	return line{lhs: q, rhs: frac{lr, add(root{a}, hyper(symEps, "eps", eps))}}
}

// adagrad: the sum of squared gradients.
func (r *rule) adagrad(o optimizers.Adagrad) []line {
	g := r.g()
	t := float64(r.T)
	lrT := quantity{symbol: subscript(tilde("γ"), idxT), name: "lr_t",
		value: func(int) float64 { return r.lrValue(o.LR) / (1 + (t-1)*o.LRDecay) }}
	s := r.buffer("sum", "<mi>s</mi>", false, o.InitialAccumulatorValue)
	sPrev := r.buffer("sum", "<mi>s</mi>", true, o.InitialAccumulatorValue)
	lines := []line{r.gLine()}
	if o.LRDecay != 0 {
		lines = append(lines, line{lhs: lrT, scalar: true, rhs: frac{r.lr(o.LR),
			add(one, mul(sub(quantity{symbol: "<mi>t</mi>", name: "t", value: func(int) float64 { return t }}, one),
				hyper("<mi>η</mi>", "lr_decay", o.LRDecay)))}})
	} else {
		lrT = r.lr(o.LR)
	}
	return append(lines,
		line{lhs: s, rhs: add(sPrev, square(g))},
		r.scale(lrT, s, o.Eps),
		r.move(lrT, frac{g, add(root{s}, hyper(symEps, "eps", o.Eps))}))
}

// rmsprop: a moving average of squared gradients, centred or not, with
// or without momentum.
func (r *rule) rmsprop(o optimizers.RMSprop) []line {
	g := r.g()
	alpha := hyper("<mi>α</mi>", "alpha", o.Alpha)
	v := r.buffer("v", "<mi>v</mi>", false, 0)
	lines := []line{r.gLine(),
		{lhs: v, rhs: add(mul(alpha, r.buffer("v", "<mi>v</mi>", true, 0)), mul(oneMinus(alpha), square(g)))}}
	denom := expr(v)
	if o.Centered {
		gavg := r.buffer("gavg", bar("g"), false, 0)
		lines = append(lines, line{lhs: gavg, rhs: add(mul(alpha, r.buffer("gavg", bar("g"), true, 0)), mul(oneMinus(alpha), g))})
		denom = sub(v, square(gavg))
	}
	lr := r.lr(o.LR)
	lines = append(lines, r.scale(lr, denom, o.Eps))
	step := frac{g, add(root{denom}, hyper(symEps, "eps", o.Eps))}
	if o.Momentum > 0 {
		b := r.buffer("b", "<mi>b</mi>", false, 0)
		lines = append(lines, line{lhs: b, rhs: add(mul(hyper("<mi>μ</mi>", "mom", o.Momentum), r.buffer("b", "<mi>b</mi>", true, 0)), step)})
		return append(lines, r.move(lr, b))
	}
	return append(lines, r.move(lr, step))
}

// adadelta: two moving averages, of squared gradients and of squared
// steps.
func (r *rule) adadelta(o optimizers.Adadelta) []line {
	g := r.g()
	rho := hyper("<mi>ρ</mi>", "rho", o.Rho)
	eps := hyper(symEps, "eps", o.Eps)
	v := r.buffer("v", "<mi>v</mi>", false, 0)
	u := r.buffer("u", "<mi>u</mi>", false, 0)
	uPrev := r.buffer("u", "<mi>u</mi>", true, 0)
	delta := r.buffer("delta", "<mi>Δ</mi>", false, 0)
	return []line{r.gLine(),
		{lhs: v, rhs: add(mul(rho, r.buffer("v", "<mi>v</mi>", true, 0)), mul(oneMinus(rho), square(g)))},
		{lhs: delta, rhs: mul(frac{root{add(uPrev, eps)}, root{add(v, eps)}}, g)},
		{lhs: u, rhs: add(mul(rho, uPrev), mul(oneMinus(rho), square(delta)))},
		r.move(r.lr(o.LR), delta),
	}
}

// adam: Adam and AMSGrad, with coupled (Adam) or decoupled (AdamW)
// weight decay, with or without bias correction.
func (r *rule) adam(o optimizers.Adam, decoupled bool) []line {
	g := r.g()
	b1, b2 := hyper(symBeta1, "b1", o.Beta1), hyper(symBeta2, "b2", o.Beta2)
	lr := r.lr(o.LR)
	m := r.buffer("m", "<mi>m</mi>", false, 0)
	v := r.buffer("v", "<mi>v</mi>", false, 0)
	mhat := r.buffer("mhat", hat("m"), false, 0)
	vhat := r.buffer("vhat", hat("v"), false, 0)
	tq := quantity{symbol: "<mi>t</mi>", name: "t", value: func(int) float64 { return float64(r.T) }}
	lines := []line{r.gLine(),
		{lhs: m, rhs: add(mul(b1, r.buffer("m", "<mi>m</mi>", true, 0)), mul(oneMinus(b1), g))},
		{lhs: v, rhs: add(mul(b2, r.buffer("v", "<mi>v</mi>", true, 0)), mul(oneMinus(b2), square(g)))},
	}
	second := expr(v)
	if o.AMSGrad {
		vm := r.buffer("vmax", vmax, false, 0)
		lines = append(lines, line{lhs: vm, rhs: call{"max", []expr{r.buffer("vmax", vmax, true, 0), v}}})
		second = vm
	}
	if o.BiasCorrection {
		lines = append(lines,
			line{lhs: mhat, rhs: frac{m, oneMinus(power{b1, tq})}},
			line{lhs: vhat, rhs: frac{second, oneMinus(power{b2, tq})}})
	} else {
		lines = append(lines, line{lhs: mhat, rhs: m}, line{lhs: vhat, rhs: second})
	}
	lines = append(lines, r.scale(lr, vhat, o.Eps))
	step := frac{mhat, add(root{vhat}, hyper(symEps, "eps", o.Eps))}
	if !decoupled || o.WeightDecay == 0 {
		return append(lines, r.move(lr, step))
	}
	// AdamW: the decay first, then the Adam step from x'_t.
	xd := r.point(true)
	decayed := quantity{symbol: "<msub><msup><mi>x</mi><mo>′</mo></msup>" + idxT + "</msub>", name: "x_decayed",
		value: func(c int) float64 { x := r.Traj.Points[r.T-1][c]; return x - r.lrValue(o.LR)*o.WeightDecay*x }}
	lines = append(lines, line{lhs: decayed, rhs: sub(xd, mul(mul(lr, hyper("<mi>λ</mi>", "wd", o.WeightDecay)), xd))})
	return append(lines, line{lhs: r.point(false), rhs: sub(decayed, mul(lr, step))})
}

// adamax: the infinity norm.
func (r *rule) adamax(o optimizers.Adamax) []line {
	g := r.g()
	b1, b2 := hyper(symBeta1, "b1", o.Beta1), hyper(symBeta2, "b2", o.Beta2)
	m := r.buffer("m", "<mi>m</mi>", false, 0)
	u := r.buffer("u", "<mi>u</mi>", false, 0)
	tq := quantity{symbol: "<mi>t</mi>", name: "t", value: func(int) float64 { return float64(r.T) }}
	lr := r.lr(o.LR)
	eta := r.buffer("lr_eff", "<mi>η</mi>", false, 0)
	return []line{r.gLine(),
		{lhs: m, rhs: add(mul(b1, r.buffer("m", "<mi>m</mi>", true, 0)), mul(oneMinus(b1), g))},
		{lhs: u, rhs: call{"max", []expr{mul(b2, r.buffer("u", "<mi>u</mi>", true, 0)), add(call{"abs", []expr{g}}, hyper(symEps, "eps", o.Eps))}}},
		{lhs: eta, rhs: frac{lr, mul(oneMinus(power{b1, tq}), u)}},
		r.move(lr, frac{m, mul(oneMinus(power{b1, tq}), u)}),
	}
}

// nadam: Nesterov momentum in Adam, with the momentum schedule μ_t.
func (r *rule) nadam(o optimizers.NAdam) []line {
	g := r.g()
	b1, b2 := hyper(symBeta1, "b1", o.Beta1), hyper(symBeta2, "b2", o.Beta2)
	psi := hyper("<mi>ψ</mi>", "psi", o.MomentumDecay)
	tq := quantity{symbol: "<mi>t</mi>", name: "t", value: func(int) float64 { return float64(r.T) }}
	t1 := quantity{symbol: idxNext, name: "t_next", value: func(int) float64 { return float64(r.T + 1) }}
	decay := constant{"<mn>0.96</mn>", 0.96}
	mu := r.buffer("mu", "<mi>μ</mi>", false, 0)
	muNext := r.buffer("mu_next", "<mi>μ</mi>", false, 0)
	muNext.symbol = "<msub><mi>μ</mi>" + idxNext + "</msub>"
	prod := r.buffer("mu_prod", "<mi>Π</mi>", false, 1)
	m := r.buffer("m", "<mi>m</mi>", false, 0)
	v := r.buffer("v", "<mi>v</mi>", false, 0)
	mhat := r.buffer("mhat", hat("m"), false, 0)
	vhat := r.buffer("vhat", hat("v"), false, 0)
	lr := r.lr(o.LR)
	return []line{r.gLine(),
		{lhs: mu, scalar: true, rhs: mul(b1, oneMinus(mul(half, power{decay, mul(tq, psi)})))},
		{lhs: muNext, scalar: true, rhs: mul(b1, oneMinus(mul(half, power{decay, mul(t1, psi)})))},
		{lhs: prod, scalar: true, rhs: mul(r.buffer("mu_prod", "<mi>Π</mi>", true, 1), mu)},
		{lhs: m, rhs: add(mul(b1, r.buffer("m", "<mi>m</mi>", true, 0)), mul(oneMinus(b1), g))},
		{lhs: v, rhs: add(mul(b2, r.buffer("v", "<mi>v</mi>", true, 0)), mul(oneMinus(b2), square(g)))},
		{lhs: mhat, rhs: add(frac{mul(muNext, m), oneMinus(mul(prod, muNext))}, frac{mul(oneMinus(mu), g), oneMinus(prod)})},
		{lhs: vhat, rhs: frac{v, oneMinus(power{b2, tq})}},
		r.scale(lr, vhat, o.Eps),
		r.move(lr, frac{mhat, add(root{vhat}, hyper(symEps, "eps", o.Eps))}),
	}
}

// lion: the sign of an interpolation, with decoupled weight decay.
func (r *rule) lion(o optimizers.Lion) []line {
	g := r.g()
	b1, b2 := hyper(symBeta1, "b1", o.Beta1), hyper(symBeta2, "b2", o.Beta2)
	mPrev := r.buffer("m", "<mi>m</mi>", true, 0)
	c := r.buffer("c", "<mi>c</mi>", false, 0)
	dir := expr(call{"sign", []expr{c}})
	if o.WeightDecay != 0 {
		dir = add(dir, mul(hyper("<mi>λ</mi>", "wd", o.WeightDecay), r.point(true)))
	}
	return []line{r.gLine(),
		{lhs: c, rhs: add(mul(b1, mPrev), mul(oneMinus(b1), g))},
		r.move(r.lr(o.LR), dir),
		{lhs: r.buffer("m", "<mi>m</mi>", false, 0), rhs: add(mul(b2, mPrev), mul(oneMinus(b2), g))},
	}
}
