package plots

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
)

// decades ticks a log axis at its powers of ten, labelling at most
// seven of them (every other one, or every third, … on a long axis) with
// their exact decimal form, such as "1e-05" or "100".
type decades struct{}

// Ticks returns the ticks of [lo, hi].
func (decades) Ticks(lo, hi float64) []plot.Tick {
	a, b := int(math.Ceil(math.Log10(lo)-1e-9)), int(math.Floor(math.Log10(hi)+1e-9))
	every := max(1, (b-a+7)/7)
	var ticks []plot.Tick
	for k := a; k <= b; k++ {
		v, _ := strconv.ParseFloat("1e"+strconv.Itoa(k), 64) // exact, unlike math.Pow
		t := plot.Tick{Value: v}
		if (k-a)%every == 0 {
			t.Label = strconv.FormatFloat(v, 'g', -1, 64)
		}
		ticks = append(ticks, t)
	}
	if len(ticks) < 2 { // less than a decade: gonum's ticks, rounded
		return plot.LogTicks{Prec: 3}.Ticks(lo, hi)
	}
	return ticks
}
