package session

import (
	"errors"
	"net/url"
	"testing"

	"github.com/optimplay/optimplay/optimizers/expr"
	"github.com/optimplay/optimplay/optimizers/reason"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// TestSetFormula switches to a typed formula, and refuses broken ones
// with the core's refusal, said without the link's "f: ", the scene kept.
func TestSetFormula(t *testing.T) {
	s := mustNew(t, "fn=booth&opt=adam")
	if _, err := s.SetFormula("x^2 + 10*y^2", "-2, 2", "-1, 3"); err != nil {
		t.Fatal(err)
	}
	sc := s.Scene()
	if sc.Fn != scene.CustomFn || sc.Formula != "x^2 + 10*y^2" || sc.XR != [2]float64{-2, 2} || sc.YR != [2]float64{-1, 3} {
		t.Fatalf("scene %+v", sc)
	}
	q := s.Query()
	for _, c := range []struct {
		f, xr, yr, code, msg string
	}{
		{"sinh(x)", "-2,2", "-2,2", "formula.unknown-function", "unknown function 'sinh' at column 1; did you mean 'sin'?"},
		{"log(x)", "-2,2", "-2,2", "custom.not-finite", "f is not finite on 50% of the plotted domain"},
		{"x", "2,-2", "-2,2", "link.range-order", "xr: the range must go from low to high"},
		{"x", "-2,2", "a", "link.not-range", "yr: 'a' is not a range low, high"},
		{"x", "-1e7,2", "-2,2", "link.range-beyond", "xr: the ends of a range must be within ±1e+06"},
	} {
		_, err := s.SetFormula(c.f, c.xr, c.yr)
		var r *reason.Error
		if !errors.As(err, &r) || r.Kind.Code != c.code || err.Error() != c.msg {
			t.Errorf("SetFormula(%q, %q, %q) = %v, want %s %q", c.f, c.xr, c.yr, err, c.code, c.msg)
		}
		if s.Query() != q {
			t.Errorf("SetFormula(%q, %q, %q) changed the scene to %s", c.f, c.xr, c.yr, s.Query())
		}
	}
	var se *expr.SyntaxError
	if _, err := s.SetFormula("(x", "-2,2", "-2,2"); !errors.As(err, &se) || se.Column != 1 {
		t.Errorf("SetFormula(\"(x\") = %v, want a *expr.SyntaxError at column 1", err)
	}
}

// TestSetStartAtAPole: a start where no run can start (the pole of
// 1/(x+3) on x = -3) is refused with the core's reason; the start stays.
// A link whose default start would be on the pole opens.
func TestSetStartAtAPole(t *testing.T) {
	s := mustNew(t, "fn=custom&f="+url.QueryEscape("1/(x+3) + y^2")+"&opt=adam")
	q := s.Query()
	_, err := s.SetStart([2]float64{-3, 1})
	var r *reason.Error
	if !errors.As(err, &r) || err.Error() != "f or ∇f is not finite at (-3, 1)" {
		t.Errorf("SetStart at the pole = %v", err)
	}
	if s.Query() != q {
		t.Errorf("the scene changed to %s", s.Query())
	}
	if _, err := s.SetStart([2]float64{-2, 1}); err != nil || s.Scene().X0 != [2]float64{-2, 1} {
		t.Errorf("SetStart off the pole: %v, start %v", err, s.Scene().X0)
	}
}
