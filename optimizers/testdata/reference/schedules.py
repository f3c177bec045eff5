#!/usr/bin/python3
"""Reference trajectories of torch.optim driven by torch.optim.lr_scheduler.

Run from this folder, with PyTorch installed (Debian: apt-get install
python3-torch, which gives /usr/bin/python3 torch 1.13.1):

    /usr/bin/python3 schedules.py

It (re)writes schedules.json next to itself, deterministically.  Unlike
reference.py, which re-implements the algorithm boxes, this script runs the
real torch.optim optimizers and the real schedulers, in float64:

    for t in range(STEPS):             # update t uses lr_t, t counted from 0
        opt.zero_grad(); f(p).backward(); opt.step(); sched.step()

with the gradient from autograd.  The schedules of the playground and the
torch classes they are checked against:

    step     lr*gamma**(t//every)      StepLR(step_size=every, gamma=gamma)
    exp      lr*gamma**t               ExponentialLR(gamma=gamma)
    cosine   lrmin + (lr-lrmin)*(1+cos(pi*t/tmax))/2
                                       CosineAnnealingLR(T_max=tmax, eta_min=lrmin)
    warmcos  lr*(t+1)/warmup for t < warmup, then
             lrmin + (lr-lrmin)*(1+cos(pi*(t-warmup)/(steps-warmup)))/2
                                       SequentialLR([LinearLR(start_factor=1/warmup,
                                       total_iters=warmup-1), CosineAnnealingLR(
                                       T_max=steps-warmup, eta_min=lrmin)],
                                       milestones=[warmup])

PyTorch's schedulers are "chainable": they compute lr_t recursively from
lr_{t-1}, so their learning rates differ from the closed forms above in the
last bits (checked below to 1e-12 relative).  Compare with a relative
tolerance (the Go test uses 1e-10).

Each case records the learning rate torch's optimizer used for every update
("lrs", read from param_groups[0]["lr"] before opt.step()) and every point
("points", the start and the point after each update).

NAdam: torch 1.13's _single_tensor_nadam computes
mu_product_next = mu_product * mu * mu_next, counting mu_t twice; PyTorch 2.0
fixed it to mu_product * mu_next (pytorch/pytorch PR #92699), which is what
the NAdam paper, the docs' algorithm box, reference.py and the Go code
follow.  This script replaces torch 1.13's function by a copy with that one
line fixed (fixed_single_tensor_nadam, used only when torch still has the
bug) and checks the patched optimizer against reference.py's NAdam.

Lion is not in torch; the Go test checks it against its own implementation.
"adam" with bias=0 is not a PyTorch option and is not here either.
"""

import json
import math
import os
import sys
import warnings

import torch
import torch.optim.nadam as torch_nadam

torch.set_default_dtype(torch.float64)
# SequentialLR steps the cosine scheduler with an explicit epoch (0) at the
# milestone, which warns about the deprecated epoch argument.
warnings.filterwarnings("ignore", category=UserWarning)

STEPS = 30
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
import reference  # noqa: E402  (the independent algorithm-box implementation)


# ----------------------------------------------------------------------------
# Surfaces, as torch expressions (autograd gives the gradient)
# ----------------------------------------------------------------------------

def rosenbrock(p):
    x, y = p[0], p[1]
    return (1.0 - x) ** 2 + 100.0 * (y - x * x) ** 2


def quadratic(p):  # the playground's default kappa = 10
    x, y = p[0], p[1]
    return 0.5 * (x * x + 10.0 * y * y)


def beale(p):
    x, y = p[0], p[1]
    return ((1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2
            + (2.625 - x + x * y * y * y) ** 2)


SURFACES = {
    "rosenbrock": (rosenbrock, [-1.2, 1.0]),
    "quadratic": (quadratic, [-4.0, 1.5]),
    "beale": (beale, [1.0, 1.5]),
}


# ----------------------------------------------------------------------------
# NAdam with the fix of pytorch PR #92699
# ----------------------------------------------------------------------------

def torch_nadam_has_bug():
    import inspect
    return "mu_product * mu * mu_next" in inspect.getsource(torch_nadam._single_tensor_nadam)


def fixed_single_tensor_nadam(params, grads, exp_avgs, exp_avg_sqs, mu_products, state_steps,
                              *, beta1, beta2, lr, weight_decay, momentum_decay, eps):
    # torch 1.13.1's _single_tensor_nadam, line for line, but for
    # mu_product_next (PR #92699).
    for i, param in enumerate(params):
        grad = grads[i]
        exp_avg = exp_avgs[i]
        exp_avg_sq = exp_avg_sqs[i]
        mu_product = mu_products[i]
        step_t = state_steps[i]
        step_t += 1
        step = step_t.item()
        bias_correction2 = 1 - beta2 ** step
        if weight_decay != 0:
            grad = grad.add(param, alpha=weight_decay)
        mu = beta1 * (1. - 0.5 * (0.96 ** (step * momentum_decay)))
        mu_next = beta1 * (1. - 0.5 * (0.96 ** ((step + 1) * momentum_decay)))
        mu_product *= mu
        mu_product_next = mu_product * mu_next  # torch 1.13: mu_product * mu * mu_next
        exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
        exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
        denom = exp_avg_sq.div(bias_correction2).sqrt().add_(eps)
        param.addcdiv_(grad, denom, value=-lr * (1. - mu) / (1. - mu_product.item()))
        param.addcdiv_(exp_avg, denom, value=-lr * mu_next / (1. - mu_product_next.item()))


# ----------------------------------------------------------------------------
# Optimizers (registry keys -> torch.optim) and schedulers
# ----------------------------------------------------------------------------

def make_optimizer(opt, h, params):
    O = torch.optim
    if opt in ("gd", "sgd"):
        return O.SGD(params, lr=h["lr"], weight_decay=h["wd"])
    if opt == "momentum":
        return O.SGD(params, lr=h["lr"], momentum=h["mom"], dampening=0,
                     nesterov=bool(h["nesterov"]), weight_decay=h["wd"])
    if opt == "nesterov":
        return O.SGD(params, lr=h["lr"], momentum=h["mom"], dampening=0, nesterov=True,
                     weight_decay=h["wd"])
    if opt == "adagrad":
        return O.Adagrad(params, lr=h["lr"], lr_decay=h["lr_decay"], weight_decay=h["wd"],
                         initial_accumulator_value=h["iav"], eps=h["eps"], foreach=False)
    if opt == "rmsprop":
        return O.RMSprop(params, lr=h["lr"], alpha=h["alpha"], eps=h["eps"], weight_decay=h["wd"],
                         momentum=h["mom"], centered=bool(h["centered"]), foreach=False)
    if opt == "adadelta":
        return O.Adadelta(params, lr=h["lr"], rho=h["rho"], eps=h["eps"], weight_decay=h["wd"],
                          foreach=False)
    if opt in ("adam", "amsgrad"):
        ams = True if opt == "amsgrad" else bool(h["amsgrad"])
        assert h["bias"] == 1, "torch's Adam always corrects the bias"
        return O.Adam(params, lr=h["lr"], betas=(h["b1"], h["b2"]), eps=h["eps"],
                      weight_decay=h["wd"], amsgrad=ams, foreach=False)
    if opt == "adamw":
        assert h["bias"] == 1
        return O.AdamW(params, lr=h["lr"], betas=(h["b1"], h["b2"]), eps=h["eps"],
                       weight_decay=h["wd"], amsgrad=bool(h["amsgrad"]), foreach=False)
    if opt == "adamax":
        return O.Adamax(params, lr=h["lr"], betas=(h["b1"], h["b2"]), eps=h["eps"],
                        weight_decay=h["wd"], foreach=False)
    if opt == "nadam":
        return O.NAdam(params, lr=h["lr"], betas=(h["b1"], h["b2"]), eps=h["eps"],
                       weight_decay=h["wd"], momentum_decay=h["psi"], foreach=False)
    raise KeyError(opt)


def make_scheduler(opt, s, steps):
    S = torch.optim.lr_scheduler
    if s["name"] == "step":
        return S.StepLR(opt, step_size=s["every"], gamma=s["gamma"])
    if s["name"] == "exp":
        return S.ExponentialLR(opt, gamma=s["gamma"])
    if s["name"] == "cosine":
        return S.CosineAnnealingLR(opt, T_max=s["tmax"], eta_min=s["lrmin"])
    if s["name"] == "warmcos":
        w = s["warmup"]
        warm = S.LinearLR(opt, start_factor=1.0 / w, end_factor=1.0, total_iters=w - 1)
        cos = S.CosineAnnealingLR(opt, T_max=steps - w, eta_min=s["lrmin"])
        return S.SequentialLR(opt, schedulers=[warm, cos], milestones=[w])
    raise KeyError(s["name"])


def closed_form(s, lr, t, steps):
    """The issue's formulas, for the self-check of torch's schedulers."""
    if s["name"] == "step":
        return lr * s["gamma"] ** (t // s["every"])
    if s["name"] == "exp":
        return lr * s["gamma"] ** t
    if s["name"] == "cosine":
        return s["lrmin"] + (lr - s["lrmin"]) * (1 + math.cos(math.pi * t / s["tmax"])) / 2
    w = s["warmup"]
    if t < w:
        return lr * (t + 1) / w
    return s["lrmin"] + (lr - s["lrmin"]) * (1 + math.cos(math.pi * (t - w) / (steps - w))) / 2


def run(opt, h, sched, fn, steps=STEPS):
    f, x0 = SURFACES[fn]
    p = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
    o = make_optimizer(opt, h, [p])
    s = make_scheduler(o, sched, steps) if sched is not None else None
    pts, lrs = [p.detach().tolist()], []
    for _ in range(steps):
        o.zero_grad()
        f(p).backward()
        lrs.append(o.param_groups[0]["lr"])
        o.step()
        if s is not None:
            s.step()
        pt = p.detach().tolist()
        assert all(math.isfinite(v) for v in pt), (opt, fn, pt)
        pts.append(pt)
    return pts, lrs


# ----------------------------------------------------------------------------
# Cases: every optimizer torch has, with each schedule, on two surfaces
# ----------------------------------------------------------------------------

def adam_h(**kw):
    h = dict(lr=0.05, b1=0.9, b2=0.999, eps=1e-8, wd=0.0, amsgrad=0, bias=1)
    h.update(kw)
    return h


def ams_h(**kw):  # the "amsgrad" name fixes amsgrad on: no amsgrad key
    h = adam_h(**kw)
    del h["amsgrad"]
    return h


# (label, opt, hyper on rosenbrock, hyper on the second surface, second surface)
OPTIMIZERS = [
    ("gd", "gd", dict(lr=1e-3, wd=0.0), dict(lr=0.15, wd=0.0), "quadratic"),
    ("gd-wd", "gd", dict(lr=1e-3, wd=0.1), dict(lr=0.1, wd=0.5), "quadratic"),
    ("sgd", "sgd", dict(lr=1e-3, wd=0.0), dict(lr=0.12, wd=0.0), "quadratic"),
    ("momentum", "momentum", dict(lr=1e-3, mom=0.9, nesterov=0, wd=0.0),
     dict(lr=0.05, mom=0.9, nesterov=0, wd=0.0), "quadratic"),
    ("momentum-nesterov-wd", "momentum", dict(lr=1e-3, mom=0.5, nesterov=1, wd=0.05),
     dict(lr=0.05, mom=0.8, nesterov=1, wd=0.1), "quadratic"),
    ("nesterov", "nesterov", dict(lr=1e-3, mom=0.9, wd=0.0),
     dict(lr=0.05, mom=0.9, wd=0.0), "quadratic"),
    ("adagrad", "adagrad", dict(lr=0.1, lr_decay=0.0, wd=0.0, iav=0.1, eps=1e-10),
     dict(lr=0.5, lr_decay=0.0, wd=0.0, iav=0.0, eps=1e-10), "beale"),
    ("adagrad-decay-wd", "adagrad", dict(lr=0.1, lr_decay=0.05, wd=0.01, iav=0.0, eps=1e-10),
     dict(lr=0.5, lr_decay=0.02, wd=0.01, iav=0.1, eps=1e-10), "beale"),
    ("rmsprop", "rmsprop", dict(lr=0.01, alpha=0.99, eps=1e-8, wd=0.0, mom=0.0, centered=0),
     dict(lr=0.05, alpha=0.99, eps=1e-8, wd=0.0, mom=0.0, centered=0), "quadratic"),
    ("rmsprop-centered-momentum-wd", "rmsprop",
     dict(lr=0.01, alpha=0.9, eps=1e-8, wd=0.01, mom=0.5, centered=1),
     dict(lr=0.02, alpha=0.9, eps=1e-8, wd=0.01, mom=0.5, centered=1), "quadratic"),
    ("adadelta", "adadelta", dict(lr=1.0, rho=0.9, eps=1e-6, wd=0.0),
     dict(lr=2.0, rho=0.9, eps=1e-4, wd=0.0), "quadratic"),
    ("adadelta-wd", "adadelta", dict(lr=0.5, rho=0.95, eps=1e-4, wd=0.01),
     dict(lr=1.0, rho=0.95, eps=1e-4, wd=0.01), "beale"),
    ("adam", "adam", adam_h(), adam_h(lr=0.1), "quadratic"),
    ("adam-l2", "adam", adam_h(wd=0.01), adam_h(lr=0.1, wd=0.1), "beale"),
    ("adam-amsgrad-key", "adam", adam_h(amsgrad=1), adam_h(lr=0.1, amsgrad=1), "quadratic"),
    ("amsgrad", "amsgrad", ams_h(), ams_h(lr=0.1, wd=0.01), "beale"),
    ("adamw", "adamw", adam_h(wd=0.1), adam_h(lr=0.1, wd=0.5), "quadratic"),
    ("adamw-amsgrad", "adamw", adam_h(wd=0.1, amsgrad=1), adam_h(lr=0.1, wd=0.2, amsgrad=1), "beale"),
    ("adamax", "adamax", dict(lr=0.02, b1=0.9, b2=0.999, eps=1e-8, wd=0.0),
     dict(lr=0.1, b1=0.9, b2=0.999, eps=1e-8, wd=0.0), "quadratic"),
    ("adamax-wd", "adamax", dict(lr=0.02, b1=0.9, b2=0.99, eps=1e-8, wd=0.01),
     dict(lr=0.1, b1=0.8, b2=0.99, eps=1e-8, wd=0.05), "beale"),
    ("nadam", "nadam", dict(lr=0.02, b1=0.9, b2=0.999, eps=1e-8, wd=0.0, psi=0.004),
     dict(lr=0.1, b1=0.9, b2=0.999, eps=1e-8, wd=0.0, psi=0.004), "quadratic"),
    ("nadam-wd", "nadam", dict(lr=0.02, b1=0.9, b2=0.999, eps=1e-8, wd=0.01, psi=0.01),
     dict(lr=0.1, b1=0.9, b2=0.99, eps=1e-8, wd=0.05, psi=0.01), "beale"),
]


def schedules(lr):
    """Each schedule with parameters that show its shape within STEPS updates:
    cosine's tmax is less than half the run, so that it comes back up."""
    return [
        dict(name="step", gamma=0.5, every=7),
        dict(name="exp", gamma=0.9),
        dict(name="cosine", tmax=12, lrmin=lr / 10),
        dict(name="warmcos", warmup=5, lrmin=lr / 20),
        dict(name="warmcos", warmup=1, lrmin=0.0),
    ]


def cases():
    out = []
    for k, (label, opt, h_rosen, h_other, other) in enumerate(OPTIMIZERS):
        for i in range(len(schedules(1.0))):
            if i == 4 and k % 3 != 0:
                continue  # warmup = 1 for every third optimizer only
            # Alternate the surfaces (from one optimizer to the next too);
            # warmup = 1 runs on the second one.
            fn, h = ("rosenbrock", h_rosen) if (i + k) % 2 == 0 and i < 4 else (other, h_other)
            sched = schedules(h["lr"])[i]
            name = "%s-%s%s-%s" % (label, sched["name"],
                                   "-w1" if sched.get("warmup") == 1 else "", fn)
            out.append(dict(name=name, opt=opt, hyper=h, sched=sched, fn=fn))
    return out


# ----------------------------------------------------------------------------
# Self-checks
# ----------------------------------------------------------------------------

def close(a, b, tol):
    return abs(a - b) <= tol * max(abs(a), abs(b), 1e-300)


def self_checks():
    # torch's chainable schedulers against the closed forms.
    for lr in (0.3, 1.0):
        for s in schedules(lr):
            _, lrs = run("gd", dict(lr=lr, wd=0.0), s, "quadratic")
            for t, got in enumerate(lrs):
                want = closed_form(s, lr, t, STEPS)
                assert close(got, want, 1e-12), (s, t, got, want)
    # The patched NAdam is the algorithm box (reference.py) and torch
    # 1.13's own is not.
    h = dict(lr=0.02, b1=0.9, b2=0.999, eps=1e-8, wd=0.01, psi=0.01)
    want = reference.run("nadam", h, "rosenbrock", [-1.2, 1.0], STEPS)
    got, _ = run("nadam", h, None, "rosenbrock")
    for p, q in zip(got, want):
        assert close(p[0], q[0], 1e-12) and close(p[1], q[1], 1e-12), (p, q)
    if ORIGINAL_NADAM is not None:
        torch_nadam._single_tensor_nadam = ORIGINAL_NADAM
        buggy, _ = run("nadam", h, None, "rosenbrock")
        torch_nadam._single_tensor_nadam = fixed_single_tensor_nadam
        assert max(abs(p[0] - q[0]) for p, q in zip(buggy, want)) > 1e-6
    # The other rules with a constant rate against reference.py as well.
    for label, opt, h_rosen, _, _ in OPTIMIZERS:
        ropt, rh = opt, dict(h_rosen)
        if opt == "sgd":
            ropt = "gd"
        elif opt == "nesterov":
            ropt, rh = "momentum", dict(rh, nesterov=1)
        elif opt == "amsgrad":
            ropt, rh = "adam", dict(rh, amsgrad=1)
        want = reference.run(ropt, rh, "rosenbrock", [-1.2, 1.0], STEPS)
        got, _ = run(opt, h_rosen, None, "rosenbrock")
        for p, q in zip(got, want):
            assert close(p[0], q[0], 1e-11) and close(p[1], q[1], 1e-11), (label, p, q)


# ----------------------------------------------------------------------------
# Output
# ----------------------------------------------------------------------------

def num(v):
    return json.dumps(v, allow_nan=False)


def obj(d):
    return "{" + ", ".join('"%s": %s' % (k, num(v)) for k, v in d.items()) + "}"


def render(out):
    parts = []
    for c in out:
        pts = ",\n      ".join("[%s, %s]" % (num(p[0]), num(p[1])) for p in c["points"])
        lrs = ",\n      ".join(num(v) for v in c["lrs"])
        parts.append(
            "  {\n"
            '    "name": %s,\n' % num(c["name"]) +
            '    "opt": %s,\n' % num(c["opt"]) +
            '    "hyper": %s,\n' % obj(c["hyper"]) +
            '    "sched": %s,\n' % obj(c["sched"]) +
            '    "fn": %s,\n' % num(c["fn"]) +
            '    "x0": [%s, %s],\n' % (num(c["x0"][0]), num(c["x0"][1])) +
            '    "steps": %d,\n' % c["steps"] +
            '    "lrs": [\n      %s\n    ],\n' % lrs +
            '    "points": [\n      %s\n    ]\n' % pts +
            "  }")
    return "[\n" + ",\n".join(parts) + "\n]\n"


ORIGINAL_NADAM = None  # torch's own _single_tensor_nadam, when it has the bug


def main():
    global ORIGINAL_NADAM
    if torch_nadam_has_bug():
        ORIGINAL_NADAM = torch_nadam._single_tensor_nadam
        torch_nadam._single_tensor_nadam = fixed_single_tensor_nadam
    self_checks()
    out = []
    for c in cases():
        pts, lrs = run(c["opt"], c["hyper"], c["sched"], c["fn"])
        assert len(pts) == STEPS + 1 and len(lrs) == STEPS
        out.append(dict(c, x0=SURFACES[c["fn"]][1], steps=STEPS, lrs=lrs, points=pts))
    names = [c["name"] for c in out]
    assert len(set(names)) == len(names), names
    text = render(out)
    assert json.loads(text) == out
    with open(os.path.join(HERE, "schedules.json"), "w") as f:
        f.write(text)
    print("torch %s, %d cases" % (torch.__version__, len(out)))
    for c in out:
        print("%-50s final=(%.6g, %.6g)" % (c["name"], *c["points"][-1]))


if __name__ == "__main__":
    main()
