#!/usr/bin/env python3
"""Independent float64 reference trajectories for torch.optim-style update rules.

Run from this folder:   python3 reference.py
It (re)writes reference.json next to itself, deterministically.  Standard
library only: every rule is applied per coordinate with plain Python floats
(IEEE-754 binary64).

Sources (the update rules were transcribed from these, NOT from the Go code):
  [SGD]      pytorch.org/docs/stable/generated/torch.optim.SGD.html  (algorithm box;
             also torch/optim/sgd.py docstring)
  [Adagrad]  pytorch.org/docs/stable/generated/torch.optim.Adagrad.html, with
             state_sum_0 = initial_accumulator_value as in torch/optim/adagrad.py
             (older boxes wrote "state_sum_0 <- 0"; fixed by pytorch PR #125886)
  [RMSprop]  pytorch.org/docs/stable/generated/torch.optim.RMSprop.html
  [Adadelta] pytorch.org/docs/stable/generated/torch.optim.Adadelta.html
  [Adam]     pytorch.org/docs/stable/generated/torch.optim.Adam.html; AMSGrad as in
             torch/optim/adam.py (max over the RAW second moment, bias-corrected
             afterwards) and the docs after pytorch PR #142351 (issue #142323)
  [AdamW]    pytorch.org/docs/stable/generated/torch.optim.AdamW.html
  [Adamax]   pytorch.org/docs/stable/generated/torch.optim.Adamax.html
  [NAdam]    pytorch.org/docs/stable/generated/torch.optim.NAdam.html
  [Lion]     Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms",
             arXiv:2302.06675, Algorithm 2 (Lion with decoupled weight decay);
             cross-checked against lucidrains/lion-pytorch update_fn.
Everywhere: maximize=False, dampening=0 (SGD), foreach/fused/capturable irrelevant.
"""

import json
import math
import os

STEPS = 25


# ----------------------------------------------------------------------------
# Objective functions and their analytic gradients
# ----------------------------------------------------------------------------

def rosenbrock(x, y):
    return (1.0 - x) ** 2 + 100.0 * (y - x * x) ** 2


def rosenbrock_grad(x, y):
    # d/dx = -2(1-x) - 400 x (y - x^2);  d/dy = 200 (y - x^2)
    r = y - x * x
    return (-2.0 * (1.0 - x) - 400.0 * x * r, 200.0 * r)


def beale(x, y):
    a1 = 1.5 - x + x * y
    a2 = 2.25 - x + x * y * y
    a3 = 2.625 - x + x * y * y * y
    return a1 * a1 + a2 * a2 + a3 * a3


def beale_grad(x, y):
    a1 = 1.5 - x + x * y
    a2 = 2.25 - x + x * y * y
    a3 = 2.625 - x + x * y * y * y
    gx = 2.0 * a1 * (y - 1.0) + 2.0 * a2 * (y * y - 1.0) + 2.0 * a3 * (y * y * y - 1.0)
    gy = 2.0 * a1 * x + 2.0 * a2 * (2.0 * x * y) + 2.0 * a3 * (3.0 * x * y * y)
    return (gx, gy)


def himmelblau(x, y):
    return (x * x + y - 11.0) ** 2 + (x + y * y - 7.0) ** 2


def himmelblau_grad(x, y):
    a = x * x + y - 11.0
    b = x + y * y - 7.0
    return (4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b)


def booth(x, y):
    return (x + 2.0 * y - 7.0) ** 2 + (2.0 * x + y - 5.0) ** 2


def booth_grad(x, y):
    a = x + 2.0 * y - 7.0
    b = 2.0 * x + y - 5.0
    return (2.0 * a + 4.0 * b, 4.0 * a + 2.0 * b)


def quadratic(x, y):
    return 0.5 * (x * x + 10.0 * y * y)


def quadratic_grad(x, y):
    return (x, 10.0 * y)


FUNCS = {
    "rosenbrock": (rosenbrock, rosenbrock_grad),
    "beale": (beale, beale_grad),
    "himmelblau": (himmelblau, himmelblau_grad),
    "booth": (booth, booth_grad),
    "quadratic": (quadratic, quadratic_grad),
}


def check_gradients():
    """Analytic gradients vs. central finite differences at a few points."""
    pts = [(-1.2, 1.0), (1.0, 1.5), (0.5, -1.5), (-2.0, -2.0), (-4.0, 1.5),
           (0.3, 0.7), (2.1, -0.4), (-0.8, -1.1)]
    h = 1e-5
    for name, (f, g) in FUNCS.items():
        for (x, y) in pts:
            gx, gy = g(x, y)
            nx = (f(x + h, y) - f(x - h, y)) / (2.0 * h)
            ny = (f(x, y + h) - f(x, y - h)) / (2.0 * h)
            for a, n in ((gx, nx), (gy, ny)):
                tol = 1e-6 * max(1.0, abs(a))
                assert abs(a - n) <= tol, (name, x, y, a, n)


# ----------------------------------------------------------------------------
# Optimizers.  Each is a small class: __init__(hyper), step(theta, grad) -> theta
# (theta and grad are lists of floats; every rule is applied per coordinate).
# t counts steps from 1, as in the algorithm boxes ("for t = 1 to ... do").
# ----------------------------------------------------------------------------

def sign(v):
    # torch.sign semantics: sign(0) = 0
    if v > 0.0:
        return 1.0
    if v < 0.0:
        return -1.0
    return 0.0


class GD:
    """[SGD] box with mu = 0:
         g_t <- grad f(theta_{t-1});  if lambda != 0: g_t <- g_t + lambda*theta_{t-1}
         theta_t <- theta_{t-1} - gamma*g_t
    """
    keys = ("lr", "wd")

    def __init__(self, h):
        self.lr, self.wd = h["lr"], h["wd"]

    def step(self, th, gr):
        out = []
        for p, g in zip(th, gr):
            if self.wd != 0.0:
                g = g + self.wd * p
            out.append(p - self.lr * g)
        return out


class Momentum:
    """[SGD] box with mu != 0, tau (dampening) = 0:
         if lambda != 0: g_t <- g_t + lambda*theta_{t-1}
         if t > 1: b_t <- mu*b_{t-1} + (1-tau)*g_t   else: b_t <- g_t
         if nesterov: g_t <- g_t + mu*b_t            else: g_t <- b_t
         theta_t <- theta_{t-1} - gamma*g_t
       (The torch 1.10 box printed "g_{t-1} + mu b_t" for Nesterov; later boxes
       and the code, grad.add(buf, alpha=momentum), use g_t.)
    """
    keys = ("lr", "mom", "wd", "nesterov")

    def __init__(self, h):
        self.lr, self.mu, self.wd = h["lr"], h["mom"], h["wd"]
        self.nesterov = bool(h["nesterov"])
        self.t = 0
        self.b = None

    def step(self, th, gr):
        self.t += 1
        if self.b is None:
            self.b = [0.0] * len(th)
        out = []
        for i, (p, g) in enumerate(zip(th, gr)):
            if self.wd != 0.0:
                g = g + self.wd * p
            if self.t > 1:
                self.b[i] = self.mu * self.b[i] + (1.0 - 0.0) * g
            else:
                self.b[i] = g
            if self.nesterov:
                d = g + self.mu * self.b[i]
            else:
                d = self.b[i]
            out.append(p - self.lr * d)
        return out


class Adagrad:
    """[Adagrad] box:
         g_t <- grad;  gamma~ <- gamma / (1 + (t-1)*eta)      (eta = lr_decay)
         if lambda != 0: g_t <- g_t + lambda*theta_{t-1}
         state_sum_t <- state_sum_{t-1} + g_t^2               (state_sum_0 = tau = iav)
         theta_t <- theta_{t-1} - gamma~ * g_t / (sqrt(state_sum_t) + eps)
    """
    keys = ("lr", "lr_decay", "wd", "iav", "eps")

    def __init__(self, h):
        self.lr, self.lr_decay, self.wd = h["lr"], h["lr_decay"], h["wd"]
        self.iav, self.eps = h["iav"], h["eps"]
        self.t = 0
        self.s = None

    def step(self, th, gr):
        self.t += 1
        if self.s is None:
            self.s = [self.iav] * len(th)
        clr = self.lr / (1.0 + (self.t - 1) * self.lr_decay)
        out = []
        for i, (p, g) in enumerate(zip(th, gr)):
            if self.wd != 0.0:
                g = g + self.wd * p
            self.s[i] = self.s[i] + g * g
            out.append(p - clr * g / (math.sqrt(self.s[i]) + self.eps))
        return out


class RMSprop:
    """[RMSprop] box:
         if lambda != 0: g_t <- g_t + lambda*theta_{t-1}
         v_t <- alpha*v_{t-1} + (1-alpha)*g_t^2;   v~_t <- v_t
         if centered: g^ave_t <- g^ave_{t-1}*alpha + (1-alpha)*g_t
                      v~_t <- v~_t - (g^ave_t)^2
         if mu > 0:   b_t <- mu*b_{t-1} + g_t/(sqrt(v~_t) + eps)   (b_0 = 0)
                      theta_t <- theta_{t-1} - gamma*b_t
         else:        theta_t <- theta_{t-1} - gamma*g_t/(sqrt(v~_t) + eps)
    """
    keys = ("lr", "alpha", "eps", "wd", "mom", "centered")

    def __init__(self, h):
        self.lr, self.alpha, self.eps = h["lr"], h["alpha"], h["eps"]
        self.wd, self.mu, self.centered = h["wd"], h["mom"], bool(h["centered"])
        self.v = self.gave = self.b = None

    def step(self, th, gr):
        n = len(th)
        if self.v is None:
            self.v, self.gave, self.b = [0.0] * n, [0.0] * n, [0.0] * n
        out = []
        for i, (p, g) in enumerate(zip(th, gr)):
            if self.wd != 0.0:
                g = g + self.wd * p
            self.v[i] = self.alpha * self.v[i] + (1.0 - self.alpha) * g * g
            vt = self.v[i]
            if self.centered:
                self.gave[i] = self.gave[i] * self.alpha + (1.0 - self.alpha) * g
                vt = vt - self.gave[i] * self.gave[i]
                assert vt >= 0.0, vt
            den = math.sqrt(vt) + self.eps
            if self.mu > 0.0:
                self.b[i] = self.mu * self.b[i] + g / den
                out.append(p - self.lr * self.b[i])
            else:
                out.append(p - self.lr * g / den)
        return out


class Adadelta:
    """[Adadelta] box (eps INSIDE both square roots):
         if lambda != 0: g_t <- g_t + lambda*theta_{t-1}
         v_t <- v_{t-1}*rho + g_t^2*(1-rho)
         dx_t <- sqrt(u_{t-1} + eps) / sqrt(v_t + eps) * g_t
         u_t <- u_{t-1}*rho + dx_t^2*(1-rho)          (un-scaled dx, no gamma)
         theta_t <- theta_{t-1} - gamma*dx_t
    """
    keys = ("lr", "rho", "eps", "wd")

    def __init__(self, h):
        self.lr, self.rho, self.eps, self.wd = h["lr"], h["rho"], h["eps"], h["wd"]
        self.v = self.u = None

    def step(self, th, gr):
        n = len(th)
        if self.v is None:
            self.v, self.u = [0.0] * n, [0.0] * n
        out = []
        for i, (p, g) in enumerate(zip(th, gr)):
            if self.wd != 0.0:
                g = g + self.wd * p
            self.v[i] = self.v[i] * self.rho + g * g * (1.0 - self.rho)
            dx = math.sqrt(self.u[i] + self.eps) / math.sqrt(self.v[i] + self.eps) * g
            self.u[i] = self.u[i] * self.rho + dx * dx * (1.0 - self.rho)
            out.append(p - self.lr * dx)
        return out


class Adam:
    """[Adam] box (L2 weight decay coupled into the gradient):
         if lambda != 0: g_t <- g_t + lambda*theta_{t-1}
         m_t <- b1*m_{t-1} + (1-b1)*g_t;   v_t <- b2*v_{t-1} + (1-b2)*g_t^2
         m^_t <- m_t/(1-b1^t)
         if amsgrad: v_t^max <- max(v_{t-1}^max, v_t);  v^_t <- v_t^max/(1-b2^t)
         else:       v^_t <- v_t/(1-b2^t)
         theta_t <- theta_{t-1} - gamma*m^_t/(sqrt(v^_t) + eps)
       AMSGrad: the max is over the RAW second moment and the bias correction is
       applied afterwards (torch/optim/adam.py: maximum(max_exp_avg_sq, exp_avg_sq)
       then / sqrt(bias_correction2); docs fixed to say so in PR #142351).
       bias=0 (not in PyTorch): m^_t = m_t and v^_t = v_t (or v_t^max).

    AdamW ([AdamW] box) is the same with `decoupled=True`: no L2 term; instead
         theta_t <- theta_{t-1} - gamma*lambda*theta_{t-1}
       BEFORE the Adam step, which is then applied to the decayed theta_t.
    """
    keys = ("lr", "b1", "b2", "eps", "wd", "amsgrad", "bias")
    decoupled = False

    def __init__(self, h):
        self.lr, self.b1, self.b2, self.eps = h["lr"], h["b1"], h["b2"], h["eps"]
        self.wd = h["wd"]
        self.amsgrad, self.bias = bool(h["amsgrad"]), bool(h["bias"])
        self.t = 0
        self.m = self.v = self.vmax = None

    def step(self, th, gr):
        n = len(th)
        self.t += 1
        if self.m is None:
            self.m, self.v, self.vmax = [0.0] * n, [0.0] * n, [0.0] * n
        bc1 = 1.0 - self.b1 ** self.t if self.bias else 1.0
        bc2 = 1.0 - self.b2 ** self.t if self.bias else 1.0
        out = []
        for i, (p, g) in enumerate(zip(th, gr)):
            if self.decoupled:
                p = p - self.lr * self.wd * p
            elif self.wd != 0.0:
                g = g + self.wd * p
            self.m[i] = self.b1 * self.m[i] + (1.0 - self.b1) * g
            self.v[i] = self.b2 * self.v[i] + (1.0 - self.b2) * g * g
            if self.bias:
                mhat = self.m[i] / bc1
            else:
                mhat = self.m[i]
            if self.amsgrad:
                self.vmax[i] = max(self.vmax[i], self.v[i])
                vsrc = self.vmax[i]
            else:
                vsrc = self.v[i]
            vhat = vsrc / bc2 if self.bias else vsrc
            out.append(p - self.lr * mhat / (math.sqrt(vhat) + self.eps))
        return out


class AdamW(Adam):
    decoupled = True


class Adamax:
    """[Adamax] box:
         if lambda != 0: g_t <- g_t + lambda*theta_{t-1}
         m_t <- b1*m_{t-1} + (1-b1)*g_t
         u_t <- max(b2*u_{t-1}, |g_t| + eps)          (u_0 = 0)
         theta_t <- theta_{t-1} - gamma*m_t / ((1-b1^t)*u_t)
    """
    keys = ("lr", "b1", "b2", "eps", "wd")

    def __init__(self, h):
        self.lr, self.b1, self.b2, self.eps = h["lr"], h["b1"], h["b2"], h["eps"]
        self.wd = h["wd"]
        self.t = 0
        self.m = self.u = None

    def step(self, th, gr):
        n = len(th)
        self.t += 1
        if self.m is None:
            self.m, self.u = [0.0] * n, [0.0] * n
        bc1 = 1.0 - self.b1 ** self.t
        out = []
        for i, (p, g) in enumerate(zip(th, gr)):
            if self.wd != 0.0:
                g = g + self.wd * p
            self.m[i] = self.b1 * self.m[i] + (1.0 - self.b1) * g
            self.u[i] = max(self.b2 * self.u[i], abs(g) + self.eps)
            out.append(p - self.lr * self.m[i] / (bc1 * self.u[i]))
        return out


class NAdam:
    """[NAdam] box (psi = momentum_decay; L2 weight decay coupled):
         if lambda != 0: g_t <- g_t + lambda*theta_{t-1}
         mu_t     <- b1*(1 - 0.5*0.96^(t*psi))
         mu_{t+1} <- b1*(1 - 0.5*0.96^((t+1)*psi))
         m_t <- b1*m_{t-1} + (1-b1)*g_t;   v_t <- b2*v_{t-1} + (1-b2)*g_t^2
         m^_t <- mu_{t+1}*m_t/(1 - prod_{i=1}^{t+1} mu_i) + (1-mu_t)*g_t/(1 - prod_{i=1}^{t} mu_i)
         v^_t <- v_t/(1-b2^t)
         theta_t <- theta_{t-1} - gamma*m^_t/(sqrt(v^_t) + eps)
       prod_{i=1}^{t} mu_i is kept as a running product (left-to-right, from 1).
    """
    keys = ("lr", "b1", "b2", "eps", "wd", "psi")

    def __init__(self, h):
        self.lr, self.b1, self.b2, self.eps = h["lr"], h["b1"], h["b2"], h["eps"]
        self.wd, self.psi = h["wd"], h["psi"]
        self.t = 0
        self.mu_prod = 1.0
        self.m = self.v = None

    def step(self, th, gr):
        n = len(th)
        self.t += 1
        if self.m is None:
            self.m, self.v = [0.0] * n, [0.0] * n
        t = self.t
        mu_t = self.b1 * (1.0 - 0.5 * 0.96 ** (t * self.psi))
        mu_next = self.b1 * (1.0 - 0.5 * 0.96 ** ((t + 1) * self.psi))
        self.mu_prod = self.mu_prod * mu_t          # prod_{i=1}^{t} mu_i
        mu_prod_next = self.mu_prod * mu_next       # prod_{i=1}^{t+1} mu_i
        bc2 = 1.0 - self.b2 ** t
        out = []
        for i, (p, g) in enumerate(zip(th, gr)):
            if self.wd != 0.0:
                g = g + self.wd * p
            self.m[i] = self.b1 * self.m[i] + (1.0 - self.b1) * g
            self.v[i] = self.b2 * self.v[i] + (1.0 - self.b2) * g * g
            mhat = (mu_next * self.m[i] / (1.0 - mu_prod_next)
                    + (1.0 - mu_t) * g / (1.0 - self.mu_prod))
            vhat = self.v[i] / bc2
            out.append(p - self.lr * mhat / (math.sqrt(vhat) + self.eps))
        return out


class Lion:
    """[Lion] Algorithm 2 of Chen et al. 2023 (decoupled weight decay):
         c_t <- b1*m_{t-1} + (1-b1)*g_t
         theta_t <- theta_{t-1} - eta*(sign(c_t) + lambda*theta_{t-1})
         m_t <- b2*m_{t-1} + (1-b2)*g_t                (m_0 = 0, sign(0) = 0)
       (lucidrains/lion-pytorch update_fn does the same as p*=(1-lr*wd);
        p -= lr*sign(c); exp_avg = b2*exp_avg + (1-b2)*g.)
    """
    keys = ("lr", "b1", "b2", "wd")

    def __init__(self, h):
        self.lr, self.b1, self.b2, self.wd = h["lr"], h["b1"], h["b2"], h["wd"]
        self.m = None

    def step(self, th, gr):
        if self.m is None:
            self.m = [0.0] * len(th)
        out = []
        for i, (p, g) in enumerate(zip(th, gr)):
            c = self.b1 * self.m[i] + (1.0 - self.b1) * g
            out.append(p - self.lr * (sign(c) + self.wd * p))
            self.m[i] = self.b2 * self.m[i] + (1.0 - self.b2) * g
        return out


OPTS = {
    "gd": GD, "momentum": Momentum, "adagrad": Adagrad, "rmsprop": RMSprop,
    "adadelta": Adadelta, "adam": Adam, "adamw": AdamW, "adamax": Adamax,
    "nadam": NAdam, "lion": Lion,
}


def run(opt, hyper, fn, x0, steps=STEPS):
    cls = OPTS[opt]
    assert set(hyper) == set(cls.keys), (opt, sorted(hyper), sorted(cls.keys))
    o = cls(hyper)
    grad = FUNCS[fn][1]
    th = [float(x0[0]), float(x0[1])]
    pts = [list(th)]
    for _ in range(steps):
        th = o.step(th, list(grad(th[0], th[1])))
        assert all(math.isfinite(v) for v in th), (opt, fn, th)
        pts.append(list(th))
    return pts


# ----------------------------------------------------------------------------
# Cases.  Every case lists ALL hyperparameters of its optimizer (PyTorch
# defaults where the brief did not say: SGD wd=0; Adagrad; RMSprop; Adam
# b1=0.9 b2=0.999 eps=1e-8; NAdam psi=0.004; ...).
# ----------------------------------------------------------------------------

ROSEN = ("rosenbrock", [-1.2, 1.0])
BEALE = ("beale", [1.0, 1.5])
HIMMEL = ("himmelblau", [0.5, -1.5])
BOOTH = ("booth", [-2.0, -2.0])
QUAD = ("quadratic", [-4.0, 1.5])


def adam_h(**kw):
    h = dict(lr=0.05, b1=0.9, b2=0.999, eps=1e-8, wd=0.0, amsgrad=0, bias=1)
    h.update(kw)
    return h


CASES = [
    ("gd-rosenbrock", "gd", dict(lr=1e-3, wd=0.0), ROSEN),
    ("gd-wd-rosenbrock", "gd", dict(lr=1e-3, wd=0.1), ROSEN),
    ("gd-quadratic", "gd", dict(lr=0.15, wd=0.0), QUAD),
    ("momentum-rosenbrock", "momentum",
     dict(lr=1e-3, mom=0.9, wd=0.0, nesterov=0), ROSEN),
    ("momentum-nesterov-rosenbrock", "momentum",
     dict(lr=1e-3, mom=0.9, wd=0.0, nesterov=1), ROSEN),
    ("momentum-wd-rosenbrock", "momentum",
     dict(lr=1e-3, mom=0.5, wd=0.05, nesterov=0), ROSEN),
    ("adagrad-beale", "adagrad",
     dict(lr=0.1, lr_decay=0.0, wd=0.0, iav=0.1, eps=1e-10), BEALE),
    ("adagrad-decay-wd-beale", "adagrad",
     dict(lr=0.5, lr_decay=0.01, wd=0.01, iav=0.0, eps=1e-10), BEALE),
    ("rmsprop-himmelblau", "rmsprop",
     dict(lr=0.01, alpha=0.99, eps=1e-8, wd=0.0, mom=0.0, centered=0), HIMMEL),
    ("rmsprop-centered-momentum-wd-himmelblau", "rmsprop",
     dict(lr=0.01, alpha=0.9, eps=1e-8, wd=0.01, mom=0.5, centered=1), HIMMEL),
    ("adadelta-booth", "adadelta",
     dict(lr=1.0, rho=0.9, eps=1e-6, wd=0.0), BOOTH),
    ("adadelta-wd-booth", "adadelta",
     dict(lr=0.5, rho=0.95, eps=1e-4, wd=0.01), BOOTH),
    ("adam-rosenbrock", "adam", adam_h(), ROSEN),
    ("adam-amsgrad-beale", "adam", adam_h(amsgrad=1), BEALE),
    ("adam-nobias-rosenbrock", "adam", adam_h(bias=0), ROSEN),
    ("adam-l2-rosenbrock", "adam", adam_h(wd=0.01), ROSEN),
    ("adam-b1zero-rosenbrock", "adam", adam_h(b1=0.0, b2=0.99), ROSEN),
    ("adamw-rosenbrock", "adamw", adam_h(wd=0.1), ROSEN),
    ("adamw-amsgrad-beale", "adamw", adam_h(wd=0.1, amsgrad=1), BEALE),
    ("adamax-rosenbrock", "adamax",
     dict(lr=0.02, b1=0.9, b2=0.999, eps=1e-8, wd=0.0), ROSEN),
    ("adamax-wd-rosenbrock", "adamax",
     dict(lr=0.02, b1=0.9, b2=0.99, eps=1e-8, wd=0.01), ROSEN),
    ("nadam-rosenbrock", "nadam",
     dict(lr=0.02, b1=0.9, b2=0.999, eps=1e-8, wd=0.0, psi=0.004), ROSEN),
    ("nadam-wd-rosenbrock", "nadam",
     dict(lr=0.02, b1=0.9, b2=0.999, eps=1e-8, wd=0.01, psi=0.01), ROSEN),
    ("lion-rosenbrock", "lion", dict(lr=0.01, b1=0.9, b2=0.99, wd=0.0), ROSEN),
    ("lion-wd-rosenbrock", "lion", dict(lr=0.01, b1=0.9, b2=0.99, wd=0.1), ROSEN),
    ("rmsprop-momentum-rosenbrock", "rmsprop",
     dict(lr=0.01, alpha=0.99, eps=1e-8, wd=0.0, mom=0.9, centered=0), ROSEN),
]


# ----------------------------------------------------------------------------
# Self-checks of the implementations against facts derivable by hand.
# ----------------------------------------------------------------------------

def close(a, b, tol=1e-12):
    return all(abs(p - q) <= tol * max(1.0, abs(q)) for u, v in zip(a, b)
               for p, q in zip(u, v))


def self_checks():
    g0 = rosenbrock_grad(-1.2, 1.0)
    # SGD momentum: b_1 = g_1, so the first step equals plain GD.
    gd = run("gd", dict(lr=1e-3, wd=0.0), "rosenbrock", [-1.2, 1.0], 1)
    mo = run("momentum", dict(lr=1e-3, mom=0.9, wd=0.0, nesterov=0),
             "rosenbrock", [-1.2, 1.0], 1)
    assert mo == gd
    # Nesterov first step: theta - lr*(1+mu)*g_1.
    ne = run("momentum", dict(lr=1e-3, mom=0.9, wd=0.0, nesterov=1),
             "rosenbrock", [-1.2, 1.0], 1)
    assert close([ne[1]], [[-1.2 - 1e-3 * (g0[0] + 0.9 * g0[0]),
                            1.0 - 1e-3 * (g0[1] + 0.9 * g0[1])]])
    # Adam (bias-corrected) first step moves each coordinate by ~lr*sign(g).
    ad = run("adam", adam_h(), "rosenbrock", [-1.2, 1.0], 1)
    for k in range(2):
        assert abs(abs(ad[1][k] - ad[0][k]) - 0.05) < 1e-9
        assert sign(ad[0][k] - ad[1][k]) == sign(g0[k])
    # AdamW with wd = 0 is Adam.
    assert run("adamw", adam_h(), "beale", [1.0, 1.5]) == run("adam", adam_h(), "beale", [1.0, 1.5])
    # Lion with wd = 0 moves every coordinate by exactly lr (up to rounding).
    li = run("lion", dict(lr=0.01, b1=0.9, b2=0.99, wd=0.0), "rosenbrock", [-1.2, 1.0])
    for a, b in zip(li, li[1:]):
        for k in range(2):
            assert abs(abs(b[k] - a[k]) - 0.01) < 1e-12
    # GD on the quadratic is linear: x_t = x0*(1-lr)^t, y_t = y0*(1-10 lr)^t.
    q = run("gd", dict(lr=0.15, wd=0.0), "quadratic", [-4.0, 1.5])
    for t, (x, y) in enumerate(q):
        assert abs(x - (-4.0) * 0.85 ** t) < 1e-12 and abs(y - 1.5 * (-0.5) ** t) < 1e-12
    # Adagrad with lr_decay = 0, iav = 0 first step: theta - lr*g/(|g| + eps).
    a1 = run("adagrad", dict(lr=0.5, lr_decay=0.0, wd=0.0, iav=0.0, eps=1e-10),
             "beale", [1.0, 1.5], 1)
    gb = beale_grad(1.0, 1.5)
    assert close([a1[1]], [[1.0 - 0.5 * gb[0] / (abs(gb[0]) + 1e-10),
                            1.5 - 0.5 * gb[1] / (abs(gb[1]) + 1e-10)]])
    # RMSprop with mom > 0: first step equals the no-momentum first step (b_0 = 0).
    r0 = run("rmsprop", dict(lr=0.01, alpha=0.99, eps=1e-8, wd=0.0, mom=0.0, centered=0),
             "rosenbrock", [-1.2, 1.0], 1)
    r1 = run("rmsprop", dict(lr=0.01, alpha=0.99, eps=1e-8, wd=0.0, mom=0.9, centered=0),
             "rosenbrock", [-1.2, 1.0], 1)
    assert r0 == r1
    # NAdam with psi = 0: mu_t = b1/2 constant; first step check by hand.
    b1, b2, lr, eps = 0.9, 0.999, 0.02, 1e-8
    mu = b1 * 0.5
    x = []
    for k in range(2):
        g = g0[k]
        m = (1 - b1) * g
        v = (1 - b2) * g * g
        mh = mu * m / (1 - mu * mu) + (1 - mu) * g / (1 - mu)
        x.append([-1.2, 1.0][k] - lr * mh / (math.sqrt(v / (1 - b2)) + eps))
    na = run("nadam", dict(lr=lr, b1=b1, b2=b2, eps=eps, wd=0.0, psi=0.0),
             "rosenbrock", [-1.2, 1.0], 1)
    assert close([na[1]], [x])


# ----------------------------------------------------------------------------
# Output
# ----------------------------------------------------------------------------

def num(v):
    # json.dumps prints floats with repr (shortest round-trip form).
    return json.dumps(v, allow_nan=False)


def render(cases):
    """Stable, readable JSON: one case per object, one point per line."""
    parts = []
    for c in cases:
        hyper = "{" + ", ".join('"%s": %s' % (k, num(c["hyper"][k]))
                                for k in OPTS[c["opt"]].keys) + "}"
        pts = ",\n      ".join("[%s, %s]" % (num(p[0]), num(p[1])) for p in c["points"])
        parts.append(
            "  {\n"
            '    "name": %s,\n' % num(c["name"]) +
            '    "opt": %s,\n' % num(c["opt"]) +
            '    "hyper": %s,\n' % hyper +
            '    "fn": %s,\n' % num(c["fn"]) +
            '    "x0": [%s, %s],\n' % (num(c["x0"][0]), num(c["x0"][1])) +
            '    "steps": %d,\n' % c["steps"] +
            '    "points": [\n      %s\n    ]\n' % pts +
            "  }")
    return "[\n" + ",\n".join(parts) + "\n]\n"


def main():
    check_gradients()
    self_checks()
    names = [c[0] for c in CASES]
    assert len(set(names)) == len(names)
    out = []
    for name, opt, hyper, (fn, x0) in CASES:
        pts = run(opt, hyper, fn, x0)
        assert len(pts) == STEPS + 1
        out.append(dict(name=name, opt=opt, hyper=hyper, fn=fn, x0=x0,
                        steps=STEPS, points=pts))
    text = render(out)
    assert json.loads(text) == out  # round-trips exactly
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "reference.json"), "w") as f:
        f.write(text)
    for c in out:
        print("%-42s %-9s final=(%.6g, %.6g)" % (c["name"], c["opt"], *c["points"][-1]))


if __name__ == "__main__":
    main()
