package app

import (
	"math"
	"testing"

	"github.com/optimplay/optimplay/optimizers"
)

// TestSliderScales checks the positions of values worked out by hand on
// each scale, and that a position maps back to its value.
func TestSliderScales(t *testing.T) {
	for _, c := range []struct {
		v, lo, hi float64
		scale     optimizers.Scale
		pos       int
	}{
		{1e-5, 1e-5, 10, optimizers.Log, 0},
		{10, 1e-5, 10, optimizers.Log, 1000},
		{0.01, 1e-5, 10, optimizers.Log, 500}, // 3 of 6 decades
		{1e-3, 1e-5, 10, optimizers.Log, 333},
		{0, 0, 0.99999, optimizers.LogOneMinus, 0},
		{0.99999, 0, 0.99999, optimizers.LogOneMinus, 1000},
		{0.999, 0, 0.99999, optimizers.LogOneMinus, 600}, // 1 − β = 1e-3: 3 of 5 decades
		{0.5, 0, 1, optimizers.Linear, 500},
		{0.25, 0, 1, optimizers.Linear, 250},
	} {
		if got := toSlider(c.v, c.lo, c.hi, c.scale); got != c.pos {
			t.Errorf("toSlider(%v on [%v, %v], %v) = %d, want %d", c.v, c.lo, c.hi, c.scale, got, c.pos)
		}
		back := fromSlider(c.pos, c.lo, c.hi, c.scale)
		// Within half a slider step: 6 decades / 1000 steps is 1.4% a step.
		if math.Abs(back-c.v) > 0.007*math.Max(math.Abs(c.v), 1e-3) {
			t.Errorf("fromSlider(%d) = %v, want about %v", c.pos, back, c.v)
		}
	}
}

// TestFromSliderRounds keeps links short: four significant digits, and
// for 1 − β scales the digits of 1 − β.
func TestFromSliderRounds(t *testing.T) {
	for pos := 0; pos <= sliderSteps; pos += 7 {
		for _, p := range optimizers.Params {
			if p.Scale == optimizers.Flag {
				continue
			}
			v := fromSlider(pos, p.Min, p.Max, p.Scale)
			if v < p.Min || v > p.Max {
				t.Fatalf("%s: position %d gives %v outside [%v, %v]", p.Key, pos, v, p.Min, p.Max)
			}
			if s := formatNumber(v); len(s) > 12 {
				t.Errorf("%s: position %d gives %v (%s)", p.Key, pos, v, s)
			}
		}
	}
	// 1 − β2 = 1e-3 exactly, not 0.9990000000000001.
	if v := fromSlider(600, 0, 0.99999, optimizers.LogOneMinus); v != 0.999 {
		t.Errorf("β2 at 600 = %v", v)
	}
	if toSlider(math.NaN(), 0, 1, optimizers.Linear) != 0 {
		t.Error("NaN maps off the slider")
	}
}
