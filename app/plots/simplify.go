package plots

import (
	"math"

	"gonum.org/v1/plot/plotter"
)

// Long paths and curves are drawn at the resolution of the screen: of ten
// thousand steps, the points that fall within a fraction of a point of
// the line through their neighbours add nothing to the picture, and cost
// the page time to write and to draw.

// tolerance is how far, in figure points, a simplified line may pass from
// a point it drops: a quarter of a point, about a third of a pixel.
const tolerance = 0.25

// simplifyChunk bounds the points simplify considers at once, and so its
// time on the worst paths (the Ramer–Douglas–Peucker algorithm takes time
// quadratic in the points on some, such as a tight spiral).
const simplifyChunk = 512

// decimate keeps the points at least a point (1/72 inch) apart on the
// figure (toFigure maps data to figure points), and always the first and
// last: a long path or curve stays cheap to draw and looks the same.
func decimate(pts [][2]float64, toFigure func([2]float64) (x, y float64)) plotter.XYs {
	xys := make(plotter.XYs, 0, min(len(pts), 2048))
	lx, ly := toFigure(pts[0])
	xys = append(xys, plotter.XY{X: pts[0][0], Y: pts[0][1]})
	for i, p := range pts[1:] {
		x, y := toFigure(p)
		if (x-lx)*(x-lx)+(y-ly)*(y-ly) >= 1 || i == len(pts)-2 {
			xys = append(xys, plotter.XY{X: p[0], Y: p[1]})
			lx, ly = x, y
		}
	}
	return xys
}

// decimateColumns keeps, of a curve whose x increases, at most four points
// per column of the figure one point wide (toX maps data to the figure's
// x, in points): the first, the lowest, the highest and the last, in
// their order. A curve of ten thousand steps then draws no more points
// than the figure has columns, and looks the same, however much it
// oscillates.
func decimateColumns(pts [][2]float64, toX func([2]float64) float64) plotter.XYs {
	xys := make(plotter.XYs, 0, min(len(pts), 4096))
	keep := func(p [2]float64) {
		if n := len(xys); n == 0 || xys[n-1].X != p[0] || xys[n-1].Y != p[1] {
			xys = append(xys, plotter.XY{X: p[0], Y: p[1]})
		}
	}
	for start := 0; start < len(pts); {
		col := math.Floor(toX(pts[start]))
		lo, hi, end := start, start, start+1
		for ; end < len(pts); end++ {
			if math.Floor(toX(pts[end])) != col {
				break
			}
			if pts[end][1] < pts[lo][1] {
				lo = end
			}
			if pts[end][1] > pts[hi][1] {
				hi = end
			}
		}
		keep(pts[start])
		for _, i := range []int{min(lo, hi), max(lo, hi), end - 1} {
			keep(pts[i])
		}
		start = end
	}
	return xys
}

// simplify drops the points of a polyline that the polyline through the
// points it keeps passes within tolerance of, in figure points (toFigure
// maps data to them): the Ramer–Douglas–Peucker algorithm, on stretches of
// at most simplifyChunk points. The first and last points are kept.
func simplify(xys plotter.XYs, toFigure func([2]float64) (x, y float64)) plotter.XYs {
	if len(xys) < 3 {
		return xys
	}
	fig := make([][2]float64, len(xys))
	for i, p := range xys {
		fig[i][0], fig[i][1] = toFigure([2]float64{p.X, p.Y})
	}
	keep := make([]bool, len(xys))
	for a := 0; a < len(xys)-1; a += simplifyChunk {
		b := min(a+simplifyChunk, len(xys)-1)
		keep[a], keep[b] = true, true
		markFar(fig, keep, a, b)
	}
	out := make(plotter.XYs, 0, len(xys))
	for i, k := range keep {
		if k {
			out = append(out, xys[i])
		}
	}
	return out
}

// markFar keeps, between the kept points a and b, the points farther than
// tolerance from the segments between the points kept.
func markFar(fig [][2]float64, keep []bool, a, b int) {
	stack := [][2]int{{a, b}}
	for len(stack) > 0 {
		a, b := stack[len(stack)-1][0], stack[len(stack)-1][1]
		stack = stack[:len(stack)-1]
		far, dmax := -1, tolerance*tolerance
		ax, ay := fig[a][0], fig[a][1]
		dx, dy := fig[b][0]-ax, fig[b][1]-ay
		l2 := dx*dx + dy*dy
		for i := a + 1; i < b; i++ {
			// The square of the distance from fig[i] to the chord,
			// written out with comparisons (the built-in min and max
			// are calls in WebAssembly): this loop is most of the time
			// simplify takes.
			px, py := fig[i][0]-ax, fig[i][1]-ay
			t := 0.0
			if l2 > 0 {
				t = (px*dx + py*dy) / l2
				if t < 0 {
					t = 0
				} else if t > 1 {
					t = 1
				}
			}
			if ex, ey := px-t*dx, py-t*dy; ex*ex+ey*ey > dmax {
				far, dmax = i, ex*ex+ey*ey
			}
		}
		if far >= 0 {
			keep[far] = true
			stack = append(stack, [2]int{a, far}, [2]int{far, b})
		}
	}
}
