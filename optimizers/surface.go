package optimizers

import "fmt"

// Objective is a differentiable function to minimize.
type Objective interface {
	// Func returns f(x).
	Func(x []float64) float64
	// Grad writes ∇f(x) into grad, which has the length of x.
	Grad(grad, x []float64)
}

// Box is an axis-aligned rectangle of the plane.
type Box struct {
	XMin, XMax, YMin, YMax float64
}

// Contains reports whether p lies in the box, edges included.
func (b Box) Contains(p [2]float64) bool {
	return p[0] >= b.XMin && p[0] <= b.XMax && p[1] >= b.YMin && p[1] <= b.YMax
}

// Clamp returns the point of the box nearest to p.
func (b Box) Clamp(p [2]float64) [2]float64 {
	return [2]float64{min(max(p[0], b.XMin), b.XMax), min(max(p[1], b.YMin), b.YMax)}
}

// Expand returns the box grown by factor times its width and height on
// every side, around the same centre.
func (b Box) Expand(factor float64) Box {
	dx, dy := factor*(b.XMax-b.XMin), factor*(b.YMax-b.YMin)
	return Box{b.XMin - dx, b.XMax + dx, b.YMin - dy, b.YMax + dy}
}

// LandmarkKind classifies a stationary point of a surface.
type LandmarkKind int

// The kinds of stationary points.
const (
	GlobalMin LandmarkKind = iota
	LocalMin
	SaddlePoint
	LocalMax
)

// String returns "global minimum", "local minimum", "saddle point" or
// "local maximum".
func (k LandmarkKind) String() string {
	switch k {
	case GlobalMin:
		return "global minimum"
	case LocalMin:
		return "local minimum"
	case SaddlePoint:
		return "saddle point"
	case LocalMax:
		return "local maximum"
	}
	return fmt.Sprintf("LandmarkKind(%d)", int(k))
}

// Landmark is a known stationary point of a surface.
type Landmark struct {
	At   [2]float64
	F    float64 // f(At)
	Kind LandmarkKind
}

// Curvature is the range of the eigenvalues of a constant Hessian.
type Curvature struct {
	Min, Max float64
}

// Surface is a two-parameter objective with what a plot of it needs.
type Surface struct {
	Objective
	// Name is the registry name, such as "rosenbrock".
	Name string
	// Formula is f(x, y) as Unicode text, with this surface's constants
	// substituted, such as "(1 − x)² + 100·(y − x²)²".
	Formula string
	// Axes names the two parameters, such as {"x", "y"} or {"w", "b"}.
	Axes [2]string
	// Domain is the default plotting window.
	Domain Box
	// Start is the default start point; Starts lists it first, then other
	// starts that tell a story on this surface.
	Start  [2]float64
	Starts [][2]float64
	// Landmarks are the known minima and other stationary points.
	Landmarks []Landmark
	// LogScale suggests logarithmic colours and contour levels: f spans
	// orders of magnitude over the domain.
	LogScale bool
	// Curvature is set when the Hessian is constant (quadratic surfaces);
	// nil otherwise. It explains divergence: gradient descent diverges on
	// such a surface exactly when lr > 2/Curvature.Max.
	Curvature *Curvature
	// UnboundedBelow is set when f has no minimum, so that a path that
	// leaves the domain is escaping, not diverging.
	UnboundedBelow bool
	// Custom is set on a surface typed as a formula (NewCustom): what the
	// search for its minimum found.
	Custom *Custom
}

// CheckStart reports why a run cannot start at p: f or ∇f is not finite
// there, as at the pole of a formula such as 1/(x+3). It returns nil
// where a run can start.
func (s Surface) CheckStart(p [2]float64) error {
	var g [2]float64
	if f := s.Func(p[:]); finite(f) {
		if s.Grad(g[:], p[:]); finite(g[0]) && finite(g[1]) {
			return nil
		}
	}
	return errStart.New(fmtNum(p[0]), fmtNum(p[1]))
}

// Minima returns the global and local minima among the landmarks.
func (s Surface) Minima() []Landmark {
	var mins []Landmark
	for _, l := range s.Landmarks {
		if l.Kind == GlobalMin || l.Kind == LocalMin {
			mins = append(mins, l)
		}
	}
	return mins
}
