package equations

import "github.com/optimplay/optimplay/optimizers"

// The rules of the optimizers, line by line: each optimizer's update and
// its start, written with the quantities of package equations' rule.

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
	case optimizers.Mistake:
		return r.mistake(o)
	}
	return nil
}

// mistake: the WRONG rules of lesson 8, written as they run. The wrong
// gradients are the correct rule's with another gradient (see gradient);
// the wrong Adam steps, Adam's lines with another denominator.
func (r *rule) mistake(o optimizers.Mistake) []line {
	switch correct := o.Correct().(type) {
	case optimizers.SGD:
		return r.sgd(correct)
	case optimizers.Adam:
		switch o.(type) {
		case optimizers.WrongAdamNoBias:
			correct.BiasCorrection = false
		case optimizers.WrongAdamDenom:
			return r.wrongAdam(correct, func(vhat expr, b2 quantity, t expr) expr {
				return add(root{oneMinus(power{b2, t})}, hyper(symEps, "eps", correct.Eps))
			})
		case optimizers.WrongAdamEpsInside:
			return r.wrongAdam(correct, func(vhat expr, b2 quantity, t expr) expr {
				return root{add(vhat, hyper(symEps, "eps", correct.Eps))}
			})
		}
		return r.adam(correct, false)
	}
	return nil
}

// wrongAdam is Adam's rule whose step divides by denom(v̂_t, β2, t)
// instead of √v̂_t + ε.
func (r *rule) wrongAdam(o optimizers.Adam, denom func(vhat expr, b2 quantity, t expr) expr) []line {
	lines := r.adam(o, false)
	lines = lines[:len(lines)-2] // the step size and the step, replaced
	lr := r.lr(o.LR)
	d := denom(r.buffer("vhat", hat("v"), false, 0), hyper(symBeta2, "b2", o.Beta2),
		quantity{symbol: "<mi>t</mi>", name: "t", value: func(int) float64 { return float64(r.T) }})
	return append(lines,
		line{lhs: r.buffer("lr_eff", "<mi>η</mi>", false, 0), rhs: frac{lr, d}},
		r.move(lr, frac{r.buffer("mhat", hat("m"), false, 0), d}))
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
