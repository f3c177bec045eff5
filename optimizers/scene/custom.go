package scene

import (
	"math"
	"strconv"
	"strings"

	"github.com/optimplay/optimplay/optimizers"
)

// A surface typed as a formula: fn=custom&f=<formula>&xr=lo,hi&yr=lo,hi.

// CustomFn is the name of the surface typed as a formula.
const CustomFn = "custom"

// DefaultFormula is the formula of fn=custom without f, or with one that
// cannot be used: a wavy bowl with several minima.
const DefaultFormula = "sin(x)*cos(y) + 0.1*(x^2 + y^2)"

// DefaultRange is the plotted range of x and of y of a custom surface,
// and MaxRange bounds its ends.
var DefaultRange = [2]float64{-5, 5}

// MaxRange is the largest end of a custom surface's plotted range.
const MaxRange = 1e6

// custom reads the formula and its ranges into s when its surface is
// CustomFn, and notes them as not applicable otherwise. A formula the
// core refuses (package expr's message, with its column, in the notice's
// Detail and Reason) or cannot draw gives DefaultFormula.
func (d *decoder) custom(s *Scene) {
	if s.Fn != CustomFn {
		for _, key := range []string{"f", "xr", "yr"} {
			if raw, ok := d.get(key); ok {
				d.note(NewNotice(NotApplicable, key, raw, ""))
			}
		}
		return
	}
	s.XR, s.YR = d.customRange("xr"), d.customRange("yr")
	s.Formula = DefaultFormula
	raw, ok := d.get("f")
	if !ok {
		n := Notice{Kind: Invalid, Key: "f", Used: DefaultFormula}
		n.because(errNoFormula.New())
		d.note(n)
		return
	}
	surf, err := optimizers.NewCustom(raw, s.XR, s.YR)
	if err != nil {
		n := Notice{Kind: Invalid, Key: "f", Given: cut(raw), Used: DefaultFormula}
		n.because(errFormula.New(err))
		d.note(n)
		return
	}
	s.Formula = surf.Formula // as typed, trimmed: links keep the learner's spelling
}

// customRange reads "lo,hi" with lo < hi, both within ±MaxRange.
func (d *decoder) customRange(key string) [2]float64 {
	raw, ok := d.get(key)
	if !ok {
		return DefaultRange
	}
	def := fmtPoint(DefaultRange)
	lo, hi, ok := strings.Cut(raw, ",")
	a, errA := strconv.ParseFloat(strings.TrimSpace(lo), 64)
	b, errB := strconv.ParseFloat(strings.TrimSpace(hi), 64)
	if !ok || errA != nil || errB != nil || math.IsNaN(a) || math.IsNaN(b) {
		n := NewNotice(Invalid, key, raw, def)
		n.because(errNotRange.New(key, cut(raw)))
		d.note(n)
		return DefaultRange
	}
	r := [2]float64{max(min(a, MaxRange), -MaxRange), max(min(b, MaxRange), -MaxRange)}
	if r[0] >= r[1] {
		n := Notice{Kind: Invalid, Key: key, Given: cut(raw), Used: def}
		n.because(errRangeOrder.New(key))
		d.note(n)
		return DefaultRange
	}
	if r != [2]float64{a, b} {
		n := NewNotice(Clamped, key, raw, fmtPoint(r))
		n.because(errRangeBeyond.New(key, fmtFloat(MaxRange)))
		d.note(n)
	}
	return r
}
