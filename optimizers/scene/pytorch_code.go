package scene

// The Python of the rules and surfaces the PyTorch script needs beyond
// torch.optim: the surfaces as torch expressions, the plain tensor code of
// the rules torch.optim lacks or gets wrong, the wrong gradients of lesson
// 8, and the number format of the trace command.

import (
	"fmt"
	"strconv"

	"github.com/optimplay/optimplay/optimizers"
)

// pySurfaces gives each analytic surface as a torch expression of x and y,
// its operations in the order of the core's Go expression (x ** 2 is x·x
// in torch, and k·y·y is (k·y)·y in both), so that the losses agree to the
// last bit where torch's exp and cos do not differ from Go's. KAPPA stands
// for quadratic's κ.
var pySurfaces = map[string]string{
	"quadratic":  "0.5 * (x ** 2 + KAPPA * y * y)",
	"rosenbrock": "(1 - x) ** 2 + 100 * (y - x ** 2) * (y - x ** 2)",
	"himmelblau": "(x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2",
	"beale":      "(1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y * y * y) ** 2",
	"booth":      "(x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2",
	"matyas":     "0.26 * (x ** 2 + y ** 2) - 0.48 * x * y",
	"saddle":     "x ** 2 - y ** 2",
	"rastrigin":  "20 + x ** 2 - 10 * torch.cos(2 * math.pi * x) + y ** 2 - 10 * torch.cos(2 * math.pi * y)",
	"sixhump":    "(4 - 2.1 * x * x + x * x * x * x / 3) * x * x + x * y + (-4 + 4 * y * y) * y * y",
	"styblinski": "0.5 * (x * x * x * x - 16 * x * x + 5 * x + y * y * y * y - 16 * y * y + 5 * y)",
	"twowell": "x ** 2 + y ** 2 - 2 * torch.exp(-((x - 1) ** 2 + y ** 2) / 0.2)" +
		" - 3 * torch.exp(-((x + 1) ** 2 + y ** 2) / 0.2)",
}

// pyMistakes says what each mistake of lesson 8 does WRONG and what the
// correct rule is, in the lines of the comment that begins its make
// function; the mistakes fed a wrong gradient name the function of
// pyScript.feed that writes it.
var pyMistakes = map[string]string{
	"wrong-sgd-first": "WRONG on purpose (lesson 8): torch.optim.SGD is right, but it is fed\n" +
		"first_samples_grad, the gradient of the same first points at every update. The\n" +
		"correct rule, sgd, is fed the gradient of f over a fresh random minibatch at each\n" +
		"update (or over all the points).",
	"wrong-sgd-sum": "WRONG on purpose (lesson 8): torch.optim.SGD is right, but it is fed\n" +
		"summed_batch_grad, the gradient of the loss summed over the batch instead of\n" +
		"averaged. The correct rule, sgd, is fed the gradient of the mean, f's.",
	"wrong-adam-nobias": "WRONG on purpose (lesson 8): Adam without its bias correction, which divides m by\n" +
		"√v + ε. The correct rule, adam (torch.optim.Adam), divides m̂ = m/(1 − β1^t) by\n" +
		"√v̂ + ε, with v̂ = v/(1 − β2^t).",
	"wrong-adam-denom": "WRONG on purpose (lesson 8): Adam that divides m̂ by √(1 − β2^t) + ε. The correct\n" +
		"rule, adam (torch.optim.Adam), divides it by √v̂ + ε.",
	"wrong-adam-epsin": "WRONG on purpose (lesson 8): Adam with ε inside the square root, which divides m̂\n" +
		"by √(v̂ + ε). The correct rule, adam (torch.optim.Adam), divides it by √v̂ + ε.",
	"wrong-adam-residual": "WRONG on purpose (lesson 8): torch.optim.Adam is right, but it is fed\n" +
		"mean_residual_grad, the mean residual of the line instead of the gradient of f.\n" +
		"The correct rule, adam, is fed the gradient of f.",
}

// pyClasses are the optimizers the script writes out in tensor operations,
// with their names as pyOptimizer gives them.
var pyClasses = map[string]string{
	"Lion": `class Lion(torch.optim.Optimizer):
    """Lion (Chen et al., "Symbolic discovery of optimization algorithms",
    2023, Algorithm 2), which torch.optim does not have. Its weight decay is
    decoupled, as AdamW's; sign(0) = 0."""

    def __init__(self, params, lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=betas, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, (beta1, beta2), wd = group["lr"], group["betas"], group["weight_decay"]
            for p in group["params"]:
                m = self.state[p].setdefault("m", torch.zeros_like(p))
                c = beta1 * m + (1 - beta1) * p.grad
                p -= lr * (torch.sign(c) + wd * p)
                m.mul_(beta2).add_((1 - beta2) * p.grad)
`,
	"NAdam": `class NAdam(torch.optim.Optimizer):
    """NAdam (Dozat, "Incorporating Nesterov momentum into Adam", 2016) as
    PyTorch 2's torch.optim.NAdam computes it, following the algorithm box of
    its documentation. PyTorch 1.13's multiplies μ_t into the product of
    the μ twice (fixed by pytorch PR #92699), hence this copy."""

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0,
                 momentum_decay=4e-3):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      momentum_decay=momentum_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, (beta1, beta2), wd = group["lr"], group["betas"], group["weight_decay"]
            psi = group["momentum_decay"]
            for p in group["params"]:
                state = self.state[p]
                if not state:
                    state.update(t=0, mu_product=1.0)
                    state.update(m=torch.zeros_like(p), v=torch.zeros_like(p))
                state["t"] += 1
                t, m, v = state["t"], state["m"], state["v"]
                g = p.grad
                if wd != 0:
                    g = g + wd * p
                mu = beta1 * (1 - 0.5 * 0.96 ** (t * psi))
                mu_next = beta1 * (1 - 0.5 * 0.96 ** ((t + 1) * psi))
                state["mu_product"] *= mu
                mu_product = state["mu_product"]
                m.mul_(beta1).add_((1 - beta1) * g)
                v.mul_(beta2).add_((1 - beta2) * g * g)
                m_hat = mu_next * m / (1 - mu_product * mu_next) + (1 - mu) * g / (1 - mu_product)
                v_hat = v / (1 - beta2 ** t)
                p -= lr * m_hat / (v_hat.sqrt() + group["eps"])
`,
	"AdamWithoutBiasCorrection": `class AdamWithoutBiasCorrection(torch.optim.Optimizer):
    """Adam (AdamW with decoupled_weight_decay) without the bias correction:
    m̂ = m and v̂ = v (or its running maximum, with amsgrad), the form that
    section 3 of the Adam paper explains. torch.optim.Adam always corrects."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0,
                 amsgrad=False, decoupled_weight_decay=False):
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad,
                        decoupled_weight_decay=decoupled_weight_decay)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, (beta1, beta2), wd = group["lr"], group["betas"], group["weight_decay"]
            for p in group["params"]:
                state = self.state[p]
                for buf in "m", "v", "v_max":
                    state.setdefault(buf, torch.zeros_like(p))
                m, v = state["m"], state["v"]
                g = p.grad
                if wd != 0 and group["decoupled_weight_decay"]:
                    p -= lr * wd * p
                elif wd != 0:
                    g = g + wd * p
                m.mul_(beta1).add_((1 - beta1) * g)
                v.mul_(beta2).add_((1 - beta2) * g * g)
                if group["amsgrad"]:
                    v = torch.maximum(state["v_max"], v, out=state["v_max"])
                p -= lr * m / (v.sqrt() + group["eps"])
`,
	"WrongAdam": `class WrongAdam(torch.optim.Optimizer):
    """Adam with a WRONG denominator, on purpose: two mistakes of lesson 8
    ("Common mistakes"). mistake="denom" divides m̂ by √(1 − β2^t) + ε, the
    root of v's bias correction, and never uses v̂; mistake="epsin" divides
    it by √(v̂ + ε), ε inside the root. The correct rule, torch.optim.Adam,
    divides m̂ by √v̂ + ε."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0,
                 mistake="denom"):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps,
                                      weight_decay=weight_decay, mistake=mistake))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, (beta1, beta2), wd = group["lr"], group["betas"], group["weight_decay"]
            eps = group["eps"]
            for p in group["params"]:
                state = self.state[p]
                if not state:
                    state.update(t=0, m=torch.zeros_like(p), v=torch.zeros_like(p))
                state["t"] += 1
                t, m, v = state["t"], state["m"], state["v"]
                g = p.grad
                if wd != 0:
                    g = g + wd * p
                m.mul_(beta1).add_((1 - beta1) * g)
                v.mul_(beta2).add_((1 - beta2) * g * g)
                m_hat = m / (1 - beta1 ** t)
                v_hat = v / (1 - beta2 ** t)
                if group["mistake"] == "denom":
                    denom = math.sqrt(1 - beta2 ** t) + eps  # WRONG: v_hat unused
                else:
                    denom = (v_hat + eps).sqrt()  # WRONG: eps inside the root
                p -= lr * m_hat / denom  # right: lr * m_hat / (v_hat.sqrt() + eps)
`,
}

// feed returns the function NAME_grad(p, t) (pyFeedName) that writes into
// p.grad the WRONG gradient g of update t + 1 that the core's oracle feeds
// a mistake of lesson 8 (optimizers.GradientOf), ending in a newline.
func (d *pyScript) feed(g optimizers.Gradient) (string, error) {
	// The points of a gradient, in the docstrings and in the code.
	batch, xy, loss := "the data set", "X, Y", "f(p)"
	if d.Batch != 0 {
		batch, xy, loss = "the minibatch of update t + 1", "X[BATCHES[t]], Y[BATCHES[t]]", "f(p, BATCHES[t])"
	}
	switch g {
	case optimizers.FirstSamples:
		first, count := "[0]", "one" // the first samples, as a slice of X and Y
		if d.First != 1 {
			first, count = "[:"+strconv.Itoa(d.First)+"]", strconv.Itoa(d.First)
		}
		right := `the loss of all the points, f(p), or of a fresh
    random minibatch at each update.`
		if d.Batch != 0 {
			right = `the loss of a fresh random minibatch at each update,
    f(p, BATCHES[t]).`
		}
		return fmt.Sprintf(`def first_samples_grad(p, t):
    """WRONG on purpose (lesson 8): writes into p.grad the gradient of the loss of
    the same points at every update, X%[1]s, the first %[2]s, so that the others
    are never seen. Right: %[3]s"""
    w, b = p[0], p[1]
    loss = ((w * X%[1]s + b - Y%[1]s) ** 2).mean()  # WRONG: always the same points
    loss.backward()
`, first, count, right), nil
	case optimizers.SummedBatch:
		one := ""
		if d.BatchSize == 1 {
			one = "\n    With one point the sum is the mean: the mistake shows with more."
		}
		return fmt.Sprintf(`def summed_batch_grad(p, t):
    """WRONG on purpose (lesson 8): writes into p.grad the gradient of the squared
    errors summed over %s instead of averaged:
    the gradient of their mean times %d, the number of points, so that every
    step is that many times too long. Right: .mean(), as f does.%s"""
    w, b = p[0], p[1]
    x, y = %s
    loss = ((w * x + b - y) ** 2).sum()  # WRONG: .sum() instead of .mean()
    loss.backward()
`, batch, d.BatchSize, one, xy), nil
	case optimizers.MeanResidual:
		return fmt.Sprintf(`def mean_residual_grad(p, t):
    """WRONG on purpose (lesson 8): writes into p.grad the mean residual
    (pred - y).mean() over %s, for w and for b alike.
    Right: the gradient of the mean squared error, ((2 * r * x).mean(), (2 * r).mean())
    with r = pred - y, which %s.backward() writes."""
    with torch.no_grad():
        w, b = p[0], p[1]
        x, y = %s
        pred = w * x + b
        residual = (pred - y).mean()
    p.grad = torch.stack([residual, residual])  # WRONG: as ∂f/∂w and ∂f/∂b
`, batch, loss, xy), nil
	}
	return "", fmt.Errorf("pytorch: no function for the gradient %q", g)
}

// pyFmt is the function fmt(v) that writes numbers as the trace's CSV does.
const pyFmt = `

def fmt(v):
    """v as the playground writes numbers, Go's strconv.FormatFloat(v, 'g', -1, 64):
    the shortest digits that read back as v (repr's), with an exponent below
    1e-4 and from 1e6 on."""
    if v == 0:
        return "-0" if math.copysign(1, v) < 0 else "0"
    sign, digits, exp = decimal.Decimal(repr(v)).normalize().as_tuple()
    d = "".join(map(str, digits))
    e = len(d) - 1 + exp  # v = ±d[0].d[1:] × 10^e
    if e < -4 or e >= 6:
        s = d[0] + ("." + d[1:] if d[1:] else "") + "e%+03d" % e
    elif e < 0:
        s = "0." + "0" * (-e - 1) + d
    else:
        s = d[: e + 1].ljust(e + 1, "0") + ("." + d[e + 1 :] if d[e + 1 :] else "")
    return "-" * sign + s
`
