package scene

import (
	"net/url"
	"strings"
	"testing"
)

// TestCustomKeys reads fn=custom's formula and ranges, with a notice for
// each thing it cannot use as given, and round-trips the scene.
func TestCustomKeys(t *testing.T) {
	f := url.QueryEscape("(1-x)^2 + 100*(y-x^2)^2")
	for _, c := range []struct {
		query   string
		formula string
		xr, yr  [2]float64
		notices []string // Kind: Key, in order
	}{
		{"fn=custom&f=" + f + "&xr=-2,2&yr=-1,3", "(1-x)^2 + 100*(y-x^2)^2", [2]float64{-2, 2}, [2]float64{-1, 3}, nil},
		{"fn=custom&f=" + url.QueryEscape("  x^2 + y^2 "), "x^2 + y^2", DefaultRange, DefaultRange, nil},
		{"fn=custom", DefaultFormula, DefaultRange, DefaultRange, []string{"invalid: f"}},
		{"fn=custom&f=sin(x))", DefaultFormula, DefaultRange, DefaultRange, []string{"invalid: f"}},
		{"fn=custom&f=log(x)", DefaultFormula, DefaultRange, DefaultRange, []string{"invalid: f"}},
		{"fn=custom&f=x^2&xr=1", "x^2", DefaultRange, DefaultRange, []string{"invalid: xr"}},
		{"fn=custom&f=x^2&xr=3,-3", "x^2", DefaultRange, DefaultRange, []string{"invalid: xr"}},
		{"fn=custom&f=x^2&yr=-1e9,1", "x^2", DefaultRange, [2]float64{-MaxRange, 1}, []string{"clamped: yr"}},
		{"fn=custom&f=x^2&xr=NaN,1", "x^2", DefaultRange, DefaultRange, []string{"invalid: xr"}},
		{"fn=booth&f=x&xr=0,1", "", [2]float64{}, [2]float64{}, []string{"not-applicable: f", "not-applicable: xr"}},
	} {
		s, notices := Parse(c.query)
		var got []string
		for _, n := range notices {
			got = append(got, n.Kind.String()+": "+n.Key)
		}
		if s.Formula != c.formula || s.XR != c.xr || s.YR != c.yr || strings.Join(got, "; ") != strings.Join(c.notices, "; ") {
			t.Errorf("%s: %q %v %v %v, want %q %v %v %v", c.query, s.Formula, s.XR, s.YR, got, c.formula, c.xr, c.yr, c.notices)
			continue
		}
		again, notices := Parse(Encode(s))
		if len(notices) > 0 || Encode(again) != Encode(s) || again.Formula != s.Formula {
			t.Errorf("%s: round trip %q → %q %v", c.query, Encode(s), Encode(again), notices)
		}
	}
	// The notice of a broken formula says where.
	if _, notices := Parse("fn=custom&f=sin(x))"); len(notices) != 1 || !strings.Contains(notices[0].String(), "column 7") {
		t.Errorf("notices %v do not point at column 7", notices)
	}
}

// TestStartAtAPole: a link's start where f or ∇f is not finite (the pole
// of log(x² + y²) at the origin) gives the surface's start, with a notice
// that says why.
func TestStartAtAPole(t *testing.T) {
	s, notices := Parse("fn=custom&f=" + url.QueryEscape("log(x^2 + y^2)") + "&x0=0,0")
	if s.X0 != [2]float64{-3, 3} {
		t.Errorf("start %v, want the surface's (-3, 3)", s.X0)
	}
	if len(notices) != 1 || notices[0].Kind != Invalid || notices[0].Key != "x0" || notices[0].Used != "-3,3" ||
		notices[0].Detail != "x0: f or ∇f is not finite at (0, 0)" || notices[0].Reason == nil {
		t.Fatalf("notices %+v", notices)
	}
	if _, _, err := s.Run(); err != nil {
		t.Errorf("the scene does not run: %v", err)
	}
}
