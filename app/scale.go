package app

import (
	"math"
	"strconv"

	"github.com/optimplay/optimplay/optimizers"
)

// sliderSteps is the resolution of range inputs.
const sliderSteps = 1000

// toSlider maps a value in [lo, hi] on scale to a slider position in
// [0, sliderSteps].
func toSlider(v, lo, hi float64, scale optimizers.Scale) int {
	var t float64
	switch scale {
	case optimizers.Log:
		t = math.Log(v/lo) / math.Log(hi/lo)
	case optimizers.LogOneMinus:
		t = math.Log((1-v)/(1-lo)) / math.Log((1-hi)/(1-lo))
	default:
		t = (v - lo) / (hi - lo)
	}
	if math.IsNaN(t) {
		t = 0
	}
	return int(math.Round(math.Min(math.Max(t, 0), 1) * sliderSteps))
}

// fromSlider maps a slider position back to a value, rounded to four
// significant digits so that links stay short.
func fromSlider(pos int, lo, hi float64, scale optimizers.Scale) float64 {
	t := float64(pos) / sliderSteps
	var v float64
	switch scale {
	case optimizers.Log:
		v = lo * math.Pow(hi/lo, t)
	case optimizers.LogOneMinus:
		v = 1 - (1-lo)*math.Pow((1-hi)/(1-lo), t)
	default:
		v = lo + t*(hi-lo)
	}
	switch {
	case pos <= 0:
		return lo
	case pos >= sliderSteps:
		return hi
	case scale == optimizers.LogOneMinus:
		// Round 1 − v, which carries the information, and write v with as
		// many decimals as that needs: 0.999 rather than 0.9990000000000001.
		u := round4(1 - v)
		decimals := max(0, 3-int(math.Floor(math.Log10(u))))
		r, _ := strconv.ParseFloat(strconv.FormatFloat(1-u, 'f', decimals, 64), 64)
		return r
	}
	return round4(v)
}

// round4 rounds to four significant digits.
func round4(v float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 4, 64), 64)
	return r
}

// formatNumber shows a value with up to four significant digits.
func formatNumber(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }
