package optimizers

import "math"

// LocalCurvature estimates the eigenvalues of the Hessian of f at x from
// central differences of the exact gradient, with a step relative to the
// size of x: the curvature that sets the stable learning rates near x.
// The Hessian is symmetrized before its eigenvalues are taken.
func LocalCurvature(f Objective, x [2]float64) Curvature {
	h := hessian(f, x)
	a, b, c := h[0][0], h[0][1], h[1][1]
	mid, rad := (a+c)/2, math.Hypot((a-c)/2, b)
	return Curvature{Min: mid - rad, Max: mid + rad}
}

// hessian estimates f's Hessian at p by central differences of its exact
// gradient, with a step relative to the size of p, symmetrized.
func hessian(f Objective, p [2]float64) [2][2]float64 {
	var h [2][2]float64
	gp, gm := make([]float64, 2), make([]float64, 2)
	for j := range 2 {
		step := 1e-5 * max(1, math.Abs(p[j]))
		xp, xm := []float64{p[0], p[1]}, []float64{p[0], p[1]}
		xp[j] += step
		xm[j] -= step
		f.Grad(gp, xp)
		f.Grad(gm, xm)
		for i := range 2 {
			h[i][j] = (gp[i] - gm[i]) / (xp[j] - xm[j])
		}
	}
	h[0][1] = (h[0][1] + h[1][0]) / 2
	h[1][0] = h[0][1]
	return h
}

// CriticalLR is the learning rate above which an optimizer diverges with
// exact gradients, as far as theory says.
type CriticalLR struct {
	// LR is the bound, Formula the bound written out (such as "2/λmax"),
	// LambdaMax the largest Hessian eigenvalue it was computed from.
	LR, LambdaMax float64
	Formula       string
	// Local is set when the surface's Hessian is not constant and
	// LambdaMax was estimated at one point: the bound then holds near it
	// only.
	Local bool
}

// StableLimit returns the critical learning rate of o on surf: from the
// surface's constant Hessian, or else estimated from the Hessian at x. ok
// is false when o's stability has no closed form (adaptive rules) or the
// curvature there is not positive.
func StableLimit(o Optimizer, surf Surface, x [2]float64) (c CriticalLR, ok bool) {
	lim, isLimiter := o.(StabilityLimiter)
	if !isLimiter {
		return CriticalLR{}, false
	}
	if surf.Curvature != nil {
		c.LambdaMax = surf.Curvature.Max
	} else {
		c.LambdaMax, c.Local = LocalCurvature(surf.Objective, x).Max, true
	}
	if !(c.LambdaMax > 0) || math.IsInf(c.LambdaMax, 0) {
		return CriticalLR{}, false
	}
	c.LR, c.Formula = lim.MaxStableLR(c.LambdaMax)
	return c, true
}
