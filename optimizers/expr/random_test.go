package expr_test

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/optimplay/optimplay/optimizers/expr"
)

// fn2 is a reference implementation of a formula, written with Go's math
// by the generator, independently of the package.
type fn2 func(x, y float64) float64

// generator makes random formulas of the grammar with their reference
// implementations.
type generator struct{ r *rand.Rand }

// space returns random whitespace, usually none.
func (g *generator) space() string {
	return []string{"", "", "", " ", "  ", "\t", "\n"}[g.r.IntN(7)]
}

// leaf returns a variable, constant or number.
func (g *generator) leaf() (string, fn2) {
	switch g.r.IntN(9) {
	case 0, 1, 2:
		return "x", func(x, y float64) float64 { return x }
	case 3, 4:
		return "y", func(x, y float64) float64 { return y }
	case 5:
		return "pi", func(x, y float64) float64 { return math.Pi }
	case 6:
		return "e", func(x, y float64) float64 { return math.E }
	}
	numbers := []struct {
		text string
		v    float64
	}{{"2", 2}, {"0.5", 0.5}, {".25", 0.25}, {"3", 3}, {"1e-1", 0.1}, {"1.5E+1", 15}, {"7.", 7}, {"0", 0}, {"1", 1}}
	n := numbers[g.r.IntN(len(numbers))]
	return n.text, func(x, y float64) float64 { return n.v }
}

// paren returns s in parentheses, or without them if it is a leaf and a
// coin says so.
func (g *generator) paren(s string, leaf bool) string {
	if leaf && g.r.IntN(2) == 0 {
		return s
	}
	return "(" + g.space() + s + g.space() + ")"
}

// expr returns a formula of at most depth levels of operations.
func (g *generator) expr(depth int) (string, fn2, bool) {
	if depth == 0 || g.r.IntN(4) == 0 {
		s, f := g.leaf()
		return s, f, true
	}
	a, fa, la := g.expr(depth - 1)
	b, fb, lb := g.expr(depth - 1)
	sp := g.space
	binary := func(op string, f func(a, b float64) float64) (string, fn2, bool) {
		return g.paren(a, la) + sp() + op + sp() + g.paren(b, lb), func(x, y float64) float64 { return f(fa(x, y), fb(x, y)) }, false
	}
	unary := func(name string, f func(a float64) float64) (string, fn2, bool) {
		return name + sp() + "(" + sp() + a + sp() + ")", func(x, y float64) float64 { return f(fa(x, y)) }, false
	}
	call2 := func(name string, f func(a, b float64) float64) (string, fn2, bool) {
		return name + "(" + sp() + a + sp() + "," + sp() + b + sp() + ")", func(x, y float64) float64 { return f(fa(x, y), fb(x, y)) }, false
	}
	switch g.r.IntN(22) {
	case 0, 1:
		return binary("+", func(a, b float64) float64 { return a + b })
	case 2, 3:
		return binary("-", func(a, b float64) float64 { return a - b })
	case 4, 5:
		return binary("*", func(a, b float64) float64 { return a * b })
	case 6:
		return binary("/", func(a, b float64) float64 { return a / b })
	case 7:
		return binary("^", math.Pow)
	case 8: // a constant power, the common case
		k := []struct {
			text string
			v    float64
		}{{"2", 2}, {"3", 3}, {"0.5", 0.5}, {"-1", -1}, {"(-2)", -2}, {"4", 4}}[g.r.IntN(6)]
		return g.paren(a, la) + sp() + "^" + sp() + k.text, func(x, y float64) float64 { return math.Pow(fa(x, y), k.v) }, false
	case 9:
		return "-" + sp() + g.paren(a, la), func(x, y float64) float64 { return -fa(x, y) }, false
	case 10:
		return "+" + g.paren(a, la), fa, false
	case 11:
		return unary("sin", math.Sin)
	case 12:
		return unary("cos", math.Cos)
	case 13:
		return unary("tan", math.Tan)
	case 14:
		return unary("exp", math.Exp)
	case 15:
		return unary("log", math.Log)
	case 16:
		return unary("sqrt", math.Sqrt)
	case 17:
		if g.r.IntN(2) == 0 {
			return unary("abs", math.Abs)
		}
		return unary("tanh", math.Tanh)
	case 18:
		return unary("sigmoid", func(a float64) float64 { return 1 / (1 + math.Exp(-a)) })
	case 19: // ln(1 + eᵃ), in a form that neither overflows nor underflows
		return unary("softplus", func(a float64) float64 {
			if a > 0 {
				return a + math.Log1p(math.Exp(-a))
			}
			return math.Log1p(math.Exp(a))
		})
	case 20: // NaN if either is, as in PyTorch, unlike math.Max(+Inf, NaN)
		nanOr := func(f func(a, b float64) float64) func(a, b float64) float64 {
			return func(a, b float64) float64 {
				if math.IsNaN(a) || math.IsNaN(b) {
					return math.NaN()
				}
				return f(a, b)
			}
		}
		if g.r.IntN(2) == 0 {
			return call2("min", nanOr(math.Min))
		}
		return call2("max", nanOr(math.Max))
	}
	return call2("pow", math.Pow)
}

// points are where the random formulas are evaluated.
func points(r *rand.Rand, n int) [][2]float64 {
	ps := [][2]float64{{0, 0}, {1, -1}}
	for range n {
		ps = append(ps, [2]float64{4*r.Float64() - 2, 4*r.Float64() - 2})
	}
	return ps
}

// Func agrees with the reference implementation of random formulas, and
// String gives a formula no longer than the source that parses to the same
// values and gradients, to the last bit.
func TestRandomValuesAndString(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	g := generator{r}
	compared := 0
	for range 5000 {
		src, ref, _ := g.expr(1 + r.IntN(5))
		e := mustParse(t, src)
		s := e.String()
		if len([]rune(s)) > len([]rune(src)) {
			t.Errorf("String() = %q is longer than %q", s, src)
		}
		e2 := mustParse(t, s)
		if s2 := e2.String(); s2 != s {
			t.Errorf("String() of %q = %q, then %q", src, s, s2)
		}
		for _, p := range points(r, 3) {
			want := ref(p[0], p[1])
			f, dx, dy := eval(e, p[0], p[1])
			f2, dx2, dy2 := eval(e2, p[0], p[1])
			if !same(f, want, 1e-12) && !(math.Abs(f-want) < 1e-12) {
				t.Errorf("%s at %v = %v, want %v", src, p, f, want)
			}
			if !bitSame(f, f2) || !bitSame(dx, dx2) || !bitSame(dy, dy2) {
				t.Errorf("%s at %v: %v, (%v, %v), but its String %s: %v, (%v, %v)", src, p, f, dx, dy, s, f2, dx2, dy2)
			}
			if !math.IsNaN(want) {
				compared++
			}
		}
	}
	if compared < 10000 {
		t.Errorf("only %d finite values compared", compared)
	}
}

// bitSame reports whether a and b are the same float64, or both NaN.
func bitSame(a, b float64) bool {
	return math.Float64bits(a) == math.Float64bits(b) || math.IsNaN(a) && math.IsNaN(b)
}

// Grad agrees with central differences on random formulas, at points where
// f is smooth at the scale of the step: there the estimates of two steps h
// and h/4 agree, and their Richardson extrapolation is accurate to far
// better than the tolerance. Points near kinks (abs, min, max), poles and
// the edges of the domain fail that test and are skipped.
func TestRandomGradients(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	g := generator{r}
	formulas, checked := 0, 0
	for range 10000 {
		src, _, _ := g.expr(1 + r.IntN(5))
		e := mustParse(t, src)
		counted := false
		for _, p := range points(r, 4)[2:] { // not on the kinks x = ±y
			_, dx, dy := eval(e, p[0], p[1])
			for i, got := range []float64{dx, dy} {
				want, ok := centralDifference(e, p, i)
				if !ok || math.IsNaN(got) || math.IsInf(got, 0) {
					continue
				}
				checked++
				if !counted {
					formulas, counted = formulas+1, true
				}
				if math.Abs(got-want) > 1e-5*math.Max(1, math.Abs(want)) {
					t.Errorf("∂%c(%s) at %v = %v, central differences give %v", "xy"[i], src, p, got, want)
				}
			}
		}
	}
	t.Logf("checked %d partial derivatives of %d formulas", checked, formulas)
	if formulas < 5000 || checked < 20000 {
		t.Errorf("gradients checked on only %d formulas, %d times", formulas, checked)
	}
}

// centralDifference estimates ∂f/∂p[i] by Richardson extrapolation of
// central differences with steps h and h/4, if f is smooth enough there.
func centralDifference(e *expr.Expr, p [2]float64, i int) (float64, bool) {
	h := 1e-3 * math.Max(1, math.Abs(p[i]))
	at := func(d float64) float64 {
		q := p
		q[i] += d
		return e.Func(q[:])
	}
	fs := []float64{at(0), at(h), at(-h), at(h / 4), at(-h / 4)}
	if fs[0] == fs[1] && fs[0] == fs[2] && fs[0] == fs[3] && fs[0] == fs[4] {
		return 0, false // flat in floating point, such as sin(1e16 − y)
	}
	scale := 0.0
	for _, f := range fs {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return 0, false
		}
		scale = math.Max(scale, math.Abs(f))
	}
	if scale > 1e6 {
		return 0, false
	}
	d1 := (fs[1] - fs[2]) / (2 * h)
	d4 := (fs[3] - fs[4]) / (h / 2)
	noise := 1e-14 * scale / h // the rounding of f, amplified
	if math.Abs(d1-d4) > 1e-4*math.Max(1, math.Abs(d4))+noise {
		return 0, false // not smooth at this scale
	}
	return d4 + (d4-d1)/15, noise < 1e-7*math.Max(1, math.Abs(d4))
}

// parseFloat returns the float64 nearest to the decimal number s.
func parseFloat(s string) float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic(err)
	}
	return v
}

// A number's canonical spelling is never longer than any spelling of it
// and reads back as the same float64.
func TestRandomNumbers(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	digits := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = "0123456789"[r.IntN(10)]
			if r.IntN(3) == 0 {
				b[i] = "019"[r.IntN(3)]
			}
		}
		return string(b)
	}
	for range 100000 {
		var lit string
		switch r.IntN(3) {
		case 0:
			lit = digits(1 + r.IntN(20))
		case 1:
			lit = digits(r.IntN(10)) + "." + digits(1+r.IntN(20))
		default:
			lit = digits(1+r.IntN(5)) + "."
		}
		if r.IntN(2) == 0 {
			lit += []string{"e", "E"}[r.IntN(2)] + []string{"", "+", "-"}[r.IntN(3)] + digits(1+r.IntN(3))
		}
		e, err := expr.Parse(lit)
		if err != nil {
			continue // too large
		}
		s := e.String()
		if len(s) > len(lit) {
			t.Errorf("%s is spelt %s", lit, s)
		}
		if got, want := mustParse(t, s).Func([]float64{0, 0}), parseFloat(lit); got != want {
			t.Errorf("%s is spelt %s = %v, want %v", lit, s, got, want)
		}
	}
}
