package expr_test

import (
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/optimplay/optimplay/optimizers/expr"
)

// FuzzParse checks that Parse never panics, that its errors point into the
// input, and that a parsed formula's String is no longer than the source
// and parses to the same expression: the same String, values and
// gradients. The seed corpus is in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Fuzz(func(t *testing.T, src string) {
		e, err := expr.Parse(src)
		if err != nil {
			var se *expr.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %v is a %T", err, err)
			}
			if n := utf8.RuneCountInString(src); se.Column < 1 || se.Column > n+1 {
				t.Fatalf("column %d outside 1…%d: %s", se.Column, n+1, se.Msg)
			}
			return
		}
		s := e.String()
		if utf8.RuneCountInString(s) > utf8.RuneCountInString(src) {
			t.Fatalf("String() = %q is longer than the source", s)
		}
		e2, err := expr.Parse(s)
		if err != nil {
			t.Fatalf("String() = %q does not parse: %v", s, err)
		}
		if s2 := e2.String(); s2 != s {
			t.Fatalf("String() = %q parses to %q", s, s2)
		}
		for _, p := range [][2]float64{{0, 0}, {1, -1}, {0.5, 2}, {-3, 0.25}} {
			f, dx, dy := eval(e, p[0], p[1])
			f2, dx2, dy2 := eval(e2, p[0], p[1])
			if !bitSame(f, f2) || !bitSame(dx, dx2) || !bitSame(dy, dy2) {
				t.Fatalf("at %v: %v, (%v, %v), but its String %s: %v, (%v, %v)", p, f, dx, dy, s, f2, dx2, dy2)
			}
		}
		_ = e.Torch("x", "y")
	})
}
