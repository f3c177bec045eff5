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
	switch optimizers.GradientOf(r.Opt) { // the WRONG ones of lesson 8
	case optimizers.FirstSamples:
		return quantity{symbol: "<msub><mi>∇f</mi><mrow><mn>1</mn><mo>…</mo><mi>B</mi></mrow></msub>" + at, name: "grad", value: used}
	case optimizers.SummedBatch:
		return quantity{symbol: "<munder><mo>∑</mo><mrow><mi>i</mi><mo>∈</mo><msub><mi>B</mi><mi>t</mi></msub></mrow></munder>" +
			"<msub><mi>∇f</mi><mi>i</mi></msub>" + at, name: "grad", value: used}
	case optimizers.MeanResidual:
		return quantity{symbol: "<mover><mi>r</mi><mo>¯</mo></mover>" + at, name: "grad", value: used}
	}
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
	case optimizers.Mistake: // the wrong rules add it as their correct ones
		return coupledDecay(o.Correct())
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
