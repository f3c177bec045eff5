package scene

// The PyTorch script, section by section: its docstring and imports, the
// data, noise and minibatches, the run loop, and the calls that run each
// optimizer.

import (
	"fmt"
	"slices"
	"strings"
)

// script returns the script, section by section. Each section writes whole
// lines; top-level definitions are two blank lines apart, as in PEP 8.
func (d *pyScript) script() string {
	var b strings.Builder
	d.writeHeader(&b)
	d.writeData(&b)
	defs := slices.Concat(d.Classes, d.Feeds) // then each run's make_NAME(p)
	for _, r := range d.Runs {
		defs = append(defs, r.Make)
	}
	for _, def := range defs {
		b.WriteString("\n\n" + def)
	}
	d.writeRun(&b)
	b.WriteString(pyFmt)
	d.writeMain(&b)
	return b.String()
}

// writeHeader writes the docstring, which gives the scene's query, the
// imports and torch's settings.
func (d *pyScript) writeHeader(b *strings.Builder) {
	fmt.Fprintf(b, `#!/usr/bin/env python3
"""The optimizer playground's scene

    %s

in PyTorch (torch.optim, float64). It prints the CSV opt,step,x,y,loss that
the playground's `+"`go run ./cmd/trace -format csv 'QUERY'`"+` prints for it, QUERY
being the line above: the same rows, and the same numbers up to rounding
(autograd and torch.optim order their arithmetic their own way, so the last
digits may differ).
`, d.Query)
	if d.Mistakes {
		b.WriteString(`
The runs named wrong-... are mistakes of lesson 8 ("Common mistakes"), WRONG on
purpose, to be compared with the correct rules: the comments marked WRONG say
what they do wrong and what the correct code is.
`)
	}
	b.WriteString(`"""
import decimal
import math
`)
	if d.Warmcos {
		b.WriteString("import warnings\n")
	}
	b.WriteString(`
import torch

torch.set_default_dtype(torch.float64)
`)
	if d.Warmcos {
		b.WriteString(`# SequentialLR starts its second scheduler with step(0), which torch warns about.
warnings.filterwarnings("ignore", "The epoch parameter")
`)
	}
}

// writeData writes the constants and the function f: the step count, the
// start point, the surface (with linreg's data set), the box a run must
// stay in, and the noise and minibatches.
func (d *pyScript) writeData(b *strings.Builder) {
	fmt.Fprintf(b, "\nSTEPS = %d\nX0 = %s\n", d.Steps, d.X0)
	if d.LinReg {
		d.writeLinReg(b)
	} else {
		fmt.Fprintf(b, `

def f(p):
    """%s, in the playground's order of operations."""
    x, y = p[0], p[1]
    return %s
`, d.Formula, d.Expr)
	}
	fmt.Fprintf(b, `

# A run stops where a value stops being finite, or once its point leaves
# BOX = (xmin, xmax, ymin, ymax), the plotted region grown by %s times its
# width and height on every side.
BOX = %s
`, d.Factor, d.Box)
	if d.NoiseStd != "" {
		fmt.Fprintf(b, `
# The Gaussian noise (standard deviation %s) the playground adds to
# the gradients, drawn from seed %d: NOISE[t] goes into update t + 1.
NOISE = torch.tensor(%s)
`, d.NoiseStd, d.Seed, d.Noise)
	}
	if d.Batch != 0 {
		fmt.Fprintf(b, `
# The minibatches of %d points the playground drew from seed %d, as a
# shuffling data loader does (a new permutation each epoch, the remainder
# dropped): BATCHES[t] are the indices of update t + 1's points.
BATCHES = torch.tensor(%s)
`, d.Batch, d.Seed, d.Batches)
	}
}

// writeLinReg writes linreg's data set and f, the mean squared error over
// it, or over a minibatch's points with minibatches.
func (d *pyScript) writeLinReg(b *strings.Builder) {
	params, over, body := "", "", "    return ((w * X + b - Y) ** 2).mean()\n"
	if d.Batch != 0 {
		params, over = ", batch=None", ", or over its points batch"
		body = "    x, y = (X, Y) if batch is None else (X[batch], Y[batch])\n" +
			"    return ((w * x + b - y) ** 2).mean()\n"
	}
	origin := fmt.Sprintf("the playground drew from seed %d", d.Seed)
	if d.Given {
		origin = "the link gives (data=)"
	}
	fmt.Fprintf(b, `
# The data set: the points (X[i], Y[i]) %s.
X = torch.tensor(%s)
Y = torch.tensor(%s)


def f(p%s):
    """%s: the mean squared error of the line
    y = w·x + b over the data set%s."""
    w, b = p[0], p[1]
%s`, origin, d.X, d.Y, params, d.Formula, over, body)
}

// writeRun writes the function run(name, make, ...) that runs one
// optimizer and prints its rows: in a stochastic scene, or with mistakes
// fed a WRONG gradient, the gradient of each update is not the one of f at
// the printed point.
func (d *pyScript) writeRun(b *strings.Builder) {
	feeds := len(d.Feeds) > 0
	var params, doc string
	if d.Stochastic {
		params += ", exact=False"
		doc += "\n    exact: the rule takes the exact gradient (gd, by definition)."
	}
	if feeds {
		params += ", wrong_grad=None"
		doc += `
    wrong_grad: the WRONG gradient a mistake of lesson 8 is fed, which
    wrong_grad(p, step) writes into p.grad in place of the gradient of f.`
	}
	made := "opt"
	if d.Scheduled {
		made = "opt, sched"
	}
	fmt.Fprintf(b, `

def run(name, make%s):
    """Runs one optimizer from X0 and prints its rows name,step,x,y,loss.%s"""
    p = torch.tensor(X0, requires_grad=True)
    %s = make(p)
    for step in range(STEPS + 1):
        opt.zero_grad()
        loss = f(p)
        loss.backward()
        if not all(torch.isfinite(v).all() for v in (p, loss, p.grad)):
            return  # diverged; the point is not printed
        x, y = p.tolist()
        print(f"{name},{step},{fmt(x)},{fmt(y)},{fmt(loss.item())}")
        if step == STEPS or not (BOX[0] <= x <= BOX[1] and BOX[2] <= y <= BOX[3]):
            return  # done, or diverged (escaped, where f has no minimum)
`, params, doc, made)
	if d.Stochastic || feeds {
		d.writeUpdateGradient(b, feeds)
	}
	b.WriteString("        opt.step()\n")
	if d.Scheduled {
		b.WriteString("        if sched is not None:\n            sched.step()\n")
	}
}

// writeUpdateGradient writes the lines of run's loop that replace the
// gradient of f at the printed point with the one the update takes: of
// the minibatch, plus the noise, or the WRONG one of a mistake.
func (d *pyScript) writeUpdateGradient(b *strings.Builder, feeds bool) {
	if d.Stochastic {
		b.WriteString("        if not exact:\n")
	} else {
		b.WriteString("        if wrong_grad is not None:\n")
	}
	if d.Batch != 0 || feeds {
		b.WriteString("            opt.zero_grad()\n")
	}
	const wrong = "wrong_grad(p, step)  # WRONG on purpose: not the gradient of f\n"
	switch {
	case d.Stochastic && feeds:
		batch := ""
		if d.Batch != 0 {
			batch = ", BATCHES[step]"
		}
		fmt.Fprintf(b, "            if wrong_grad is None:\n                f(p%s).backward()\n", batch)
		b.WriteString("            else:\n                " + wrong)
	case feeds:
		b.WriteString("            " + wrong)
	case d.Batch != 0:
		b.WriteString("            f(p, BATCHES[step]).backward()\n")
	}
	if d.NoiseStd != "" {
		b.WriteString("            p.grad += NOISE[step]\n")
	}
	b.WriteString("            if not torch.isfinite(p.grad).all():\n                return  # diverged\n")
}

// writeMain writes the script's main part: the CSV's header, and a call of
// run for each run.
func (d *pyScript) writeMain(b *strings.Builder) {
	b.WriteString("\n\nprint(\"opt,step,x,y,loss\")\n")
	for _, r := range d.Runs {
		b.WriteString(`run("` + r.Name + `", make_` + r.Ident)
		if r.Exact {
			b.WriteString(", exact=True")
		}
		if r.Feed != "" {
			b.WriteString(", wrong_grad=" + r.Feed)
		}
		b.WriteString(")\n")
	}
}
