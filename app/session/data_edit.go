package session

import (
	"math"
	"strconv"

	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// pickRadius is how near, as a fraction of the data figure's width, a
// press must land to take a point.
const pickRadius = 0.02

// EditDataAt edits linreg's data set with a press at from and a release at
// to on the data figure, both fractions of its size from its top-left
// corner: a press and release in place add a point there, or remove the
// point pressed; a press on a point and a release elsewhere move it. The
// article's data, once edited, is the link's own. It reports whether the
// gesture meant anything (a press off the plot means nothing).
func (s *Session) EditDataAt(from, to [2]float64) (bool, []scene.Notice, error) {
	data, ok := s.figs.surf.Objective.(optimizers.LinReg)
	if !ok || s.figs.data == nil {
		return false, nil, nil
	}
	x, y, inside := s.figs.data.ToData(to[0], to[1])
	if !inside {
		return false, nil, nil
	}
	points := make([][2]float64, data.Len())
	for i := range points {
		points[i] = [2]float64{data.X[i], data.Y[i]}
	}
	near, best := -1, pickRadius
	for i, p := range points {
		fx, fy := s.figs.data.Fraction(p[0], p[1])
		if d := math.Hypot(fx-from[0], fy-from[1]); d <= best {
			near, best = i, d
		}
	}
	// Rounded to about a thousandth of the figure.
	x2, _, _ := s.figs.data.ToData(to[0]+0.001, to[1])
	_, y2, _ := s.figs.data.ToData(to[0], to[1]+0.001)
	at := [2]float64{roundTo(x, math.Abs(x2-x)), roundTo(y, math.Abs(y2-y))}
	switch inPlace := math.Hypot(to[0]-from[0], to[1]-from[1]) < pickRadius/2; {
	case near >= 0 && inPlace:
		points = append(points[:near], points[near+1:]...)
	case near >= 0:
		points[near] = at
	default:
		points = append(points, at)
	}
	notices, err := s.SetData(points)
	return true, notices, err
}

// DataCSV is linreg's data set as CSV rows "x,y" under a header, the
// points the link cannot hold beyond optimizers.MaxDataPoints; nil on
// another surface.
func (s *Session) DataCSV() []byte {
	data, ok := s.figs.surf.Objective.(optimizers.LinReg)
	if !ok {
		return nil
	}
	b := []byte("x,y\n")
	for i := range data.X {
		b = strconv.AppendFloat(b, data.X[i], 'g', -1, 64)
		b = append(b, ',')
		b = strconv.AppendFloat(b, data.Y[i], 'g', -1, 64)
		b = append(b, '\n')
	}
	return b
}
