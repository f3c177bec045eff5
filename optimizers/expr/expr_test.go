package expr_test

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/expr"
)

// An *Expr is a loss surface's objective.
var _ optimizers.Objective = (*expr.Expr)(nil)

// mustParse parses src or fails the test.
func mustParse(t testing.TB, src string) *expr.Expr {
	t.Helper()
	e, err := expr.Parse(src)
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	return e
}

// eval returns f and ∇f at (x, y).
func eval(e *expr.Expr, x, y float64) (f, dx, dy float64) {
	g := make([]float64, 2)
	e.Grad(g, []float64{x, y})
	return e.Func([]float64{x, y}), g[0], g[1]
}

// same reports whether a and b are equal, or both NaN, or within a
// relative tol of each other.
func same(a, b, tol float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	if a == b {
		return true
	}
	return math.Abs(a-b) <= tol*math.Max(math.Abs(a), math.Abs(b))
}

// The expected values are worked out by hand or written with Go's math in
// the test, from the calculus of each formula.
func TestValuesAndGradients(t *testing.T) {
	sig := func(a float64) float64 { return 1 / (1 + math.Exp(-a)) }
	inf, nan := math.Inf(1), math.NaN()
	tests := []struct {
		src        string
		x, y       float64
		f, dx, dy  float64
		exactValue bool // f must match to the last bit
	}{
		// Rosenbrock: ∂x = −2(1 − x) − 400x(y − x²), ∂y = 200(y − x²).
		{"(1-x)^2 + 100*(y-x^2)^2", 1, 1, 0, 0, 0, true},
		{"(1-x)^2 + 100*(y-x^2)^2", 0, 0, 1, -2, 0, true},
		{"(1-x)^2 + 100*(y-x^2)^2", -1.2, 1, 2.2*2.2 + 100*0.44*0.44, -4.4 - 400*1.2*0.44, -88, false},
		{"x", 3, 4, 3, 1, 0, true},
		{"y", 3, 4, 4, 0, 1, true},
		{"7", 3, 4, 7, 0, 0, true},
		{"pi", 0, 0, math.Pi, 0, 0, true},
		{"e", 0, 0, math.E, 0, 0, true},
		{"x*y", 3, 4, 12, 4, 3, true},
		{"x/y", 3, 4, 0.75, 0.25, -3.0 / 16, true},
		{"x - y", 3, 4, -1, 1, -1, true},
		{"-x + +y", 3, 4, 1, -1, 1, true},
		{"x*x*x", -2, 0, -8, 12, 0, true},
		// Precedence and associativity.
		{"2^3^2", 0, 0, 512, 0, 0, true},
		{"(2^3)^2", 0, 0, 64, 0, 0, true},
		{"-2^2", 0, 0, -4, 0, 0, true},
		{"(-2)^2", 0, 0, 4, 0, 0, true},
		{"2*-3", 0, 0, -6, 0, 0, true},
		{"2^-1", 0, 0, 0.5, 0, 0, true},
		{"-x^2", 3, 0, -9, -6, 0, true},
		{"1 - 2 - 3", 0, 0, -4, 0, 0, true},
		{"1 - (2 - 3)", 0, 0, 2, 0, 0, true},
		{"8 / 4 / 2", 0, 0, 1, 0, 0, true},
		{"1 + 2 * 3 ^ 2", 0, 0, 19, 0, 0, true},
		{"x - -y", 1, 2, 3, 1, 1, true},
		{"--x", 5, 0, 5, 1, 0, true},
		{"2^x^y", 1, 2, 2, 4 * math.Ln2, 0, true},      // 2^(x^y): ∂x = 2^(x^y)·ln2·y·x^(y−1), ∂y = 2^(x^y)·ln2·x^y·ln x
		{"x^y", 2, 3, 8, 12, 8 * math.Ln2, true},       // y·x^(y−1), x^y·ln x
		{"pow(x, y)", 2, 3, 8, 12, 8 * math.Ln2, true}, // the same
		// Numbers.
		{"0.5 + .5 + 1e-3 + 2E+4 + 3.", 0, 0, 20004.001, 0, 0, false},
		{"1e-400 + x", 2, 0, 2, 1, 0, true},
		// Integer powers of negative numbers.
		{"(-2)^3", 0, 0, -8, 0, 0, true},
		{"x^2", -3, 0, 9, -6, 0, true},
		{"x^3", -2, 0, -8, 12, 0, true},
		{"x^-1", -2, 0, -0.5, -0.25, 0, true},
		{"x^0.5", 4, 0, 2, 0.25, 0, true},
		{"x^0", 0, 0, 1, 0, 0, true}, // ∂a of a^0 is 0, even at a = 0
		{"2^x", 3, 0, 8, 8 * math.Ln2, 0, true},
		{"0^x", 2, 0, 0, 0, 0, true},     // ∂b of 0^b is 0 for b ≥ 0
		{"x^y", 0, 2, 0, 0, 0, true},     // ∂x = 2·0 = 0, ∂y = 0 at x = 0
		{"x^y", -2, 2, 4, -4, nan, true}, // ln(−2): no derivative in y
		{"x^1e308", 2, 0, inf, inf, 0, true},
		{"x^1e308", 0.5, 0, 0, 0, 0, true},
		// Functions.
		{"sin(x) + cos(y)", 1, 2, math.Sin(1) + math.Cos(2), math.Cos(1), -math.Sin(2), true},
		{"tan(x)", 1, 0, math.Tan(1), 1 / (math.Cos(1) * math.Cos(1)), 0, false},
		{"exp(2*x)", 1, 0, math.Exp(2), 2 * math.Exp(2), 0, true},
		{"log(x*y)", 2, 3, math.Log(6), 0.5, 1.0 / 3, true},
		{"sqrt(x)", 4, 0, 2, 0.25, 0, true},
		{"abs(x - y)", 1, 3, 2, -1, 1, true},
		{"tanh(x)", 0.5, 0, math.Tanh(0.5), 1 - math.Tanh(0.5)*math.Tanh(0.5), 0, true},
		{"tanh(x)", 30, 0, 1, 4 * math.Exp(-60), 0, false}, // 1/cosh², not 1 − tanh² = 0
		{"sigmoid(x)", 0, 0, 0.5, 0.25, 0, true},
		{"sigmoid(x)", 2, 0, sig(2), sig(2) * (1 - sig(2)), 0, false},
		{"sigmoid(x)", 40, 0, 1, math.Exp(-40), 0, false}, // not s·(1 − s) = 0
		{"sigmoid(x)", -800, 0, 0, 0, 0, true},
		{"softplus(x)", 0, 0, math.Ln2, 0.5, 0, false},
		{"softplus(x)", 1, 0, math.Log(1 + math.E), sig(1), 0, false},
		{"softplus(x)", 1000, 0, 1000, 1, 0, true},
		{"softplus(x)", -40, 0, math.Exp(-40), math.Exp(-40), 0, false},
		{"min(x, y) + 2*max(x, y)", 1, 3, 7, 1, 2, true},
		{"min(x, y) + 2*max(x, y)", 3, 1, 7, 2, 1, true},
		{"sin(pi*x)", 0.5, 0, 1, math.Pi * math.Cos(math.Pi*0.5), 0, false},
		// Subgradients at kinks: PyTorch's.
		{"abs(x)", 0, 0, 0, 0, 0, true},
		{"min(x, y)", 2, 2, 2, 0.5, 0.5, true},
		{"max(x, y)", 2, 2, 2, 0.5, 0.5, true},
		{"max(x, 2)", 2, 0, 2, 0.5, 0, true},
		// Singular and undefined points give non-finite numbers, no panic.
		{"sqrt(x)", 0, 1, 0, inf, 0, true},
		{"sqrt(x)", -1, 1, nan, nan, 0, true},
		{"log(x)", 0, 1, math.Inf(-1), inf, 0, true},
		{"log(x)", -1, 1, nan, -1, 0, true},
		{"1/x", 0, 1, inf, math.Inf(-1), 0, true},
		{"0*sqrt(x)", 0, 1, 0, 0, 0, true}, // a zero factor cancels the infinite derivative
		{"log(-1) + x", 1, 1, nan, 1, 0, true},
	}
	for _, tt := range tests {
		e := mustParse(t, tt.src)
		f, dx, dy := eval(e, tt.x, tt.y)
		tol := 1e-14
		if tt.exactValue {
			tol = 0
		}
		if !same(f, tt.f, tol) {
			t.Errorf("%s at (%v, %v) = %v, want %v", tt.src, tt.x, tt.y, f, tt.f)
		}
		if !same(dx, tt.dx, 1e-14) || !same(dy, tt.dy, 1e-14) {
			t.Errorf("∇(%s) at (%v, %v) = (%v, %v), want (%v, %v)", tt.src, tt.x, tt.y, dx, dy, tt.dx, tt.dy)
		}
	}
}

func TestString(t *testing.T) {
	tests := []struct{ src, want string }{
		{"(1 - x)^2 + 100 * (y - x^2)^2", "(1-x)^2+100*(y-x^2)^2"},
		{"((x))", "x"},
		{"+x", "x"},
		{"-(x)", "-x"},
		{"-(x*y)", "-(x*y)"},
		{"(-x)*y", "-x*y"},
		{"-(x^2)", "-x^2"},
		{"(-x)^2", "(-x)^2"},
		{"(x^2)^3", "(x^2)^3"},
		{"x^(2^3)", "x^2^3"},
		{"x^(-2)", "x^-2"},
		{"(x - y) - 1", "x-y-1"},
		{"x - (y - 1)", "x-(y-1)"},
		{"x - (y + 1)", "x-(y+1)"},
		{"(x * y) / 2", "x*y/2"},
		{"x / (y * 2)", "x/(y*2)"},
		{"x * (y / 2)", "x*(y/2)"},
		{"x + (y * 2)", "x+y*2"},
		{"(x + y) * 2", "(x+y)*2"},
		{"2 * -3", "2*-3"},
		{"x - -y", "x--y"},
		{"pow( x , 2 )", "pow(x,2)"},
		{"pow(x, 2)^2", "pow(x,2)^2"},
		{"min(x, y) + max(x, sin(y))", "min(x,y)+max(x,sin(y))"},
		{"\tpi * e\n", "pi*e"},
		// Numbers in their shortest spelling.
		{"0.50", ".5"},
		{"1e5", "1e5"},
		{"100000", "1e5"},
		{"1000", "1e3"},
		{"100", "100"},
		{"1.5e3", "1500"},
		{"15e20", "15e20"},
		{"1.5e21", "15e20"},
		{"1e21", "1e21"},
		{"0.001", ".001"},
		{"1e-4", "1e-4"},
		{"2.5e-7", "25e-8"},
		{"123.456", "123.456"},
		{"0e7", "0"},
		{"1e-400", "0"},
		{"4e-324", "5e-324"},
	}
	for _, tt := range tests {
		e := mustParse(t, tt.src)
		if got := e.String(); got != tt.want {
			t.Errorf("Parse(%q).String() = %q, want %q", tt.src, got, tt.want)
		}
		if again := mustParse(t, tt.want).String(); again != tt.want {
			t.Errorf("Parse(%q).String() = %q, want it unchanged", tt.want, again)
		}
	}
}

func TestTorch(t *testing.T) {
	tests := []struct{ src, want string }{
		{"(1-x)^2 + 100*(y-x^2)^2", "(1 - x) ** 2 + 100 * (y - x ** 2) ** 2"},
		{"20 + x^2 - 10*cos(2*pi*x)", "20 + x ** 2 - 10 * torch.cos(2.0 * math.pi * x)"},
		{"-x^2 + 2^-y", "-x ** 2 + 2 ** -y"},
		{"(-x)^2 + (x^2)^3", "(-x) ** 2 + (x ** 2) ** 3"},
		{"pow(x + 1, y)", "(x + 1) ** y"},
		{"pow(x, 2)^3 + 2^pow(x, 2) - pow(x, 2)", "(x ** 2) ** 3 + 2 ** x ** 2 - x ** 2"},
		{"x - -y", "x - -y"},
		{"sin(x)*cos(y)/tan(x)", "torch.sin(x) * torch.cos(y) / torch.tan(x)"},
		{"exp(x) + log(y) + sqrt(x) + abs(y)", "torch.exp(x) + torch.log(y) + torch.sqrt(x) + torch.abs(y)"},
		{"tanh(x) + sigmoid(y) + softplus(x)",
			"torch.tanh(x) + torch.sigmoid(y) + torch.nn.functional.softplus(x)"},
		{"min(x, y) * max(x, 2)", "torch.minimum(x, y) * torch.maximum(x, x.new_tensor(2.0))"},
		{"max(-1, y)", "torch.maximum(x.new_tensor(-1.0), y)"},
		// Constants: exact arithmetic kept in floats, everything else folded.
		{"e^x * 0.5", "math.e ** x * 0.5"},
		{"x * 1e-7 + 123456789", "x * 1e-07 + 123456789"},
		{"x * 1e20", "x * 1e+20"},
		{"x * (2*3)", "x * (2.0 * 3.0)"},
		{"x * -2", "x * -2"},
		{"x^(1/2)", "x ** 0.5"},
		{"x^(-1/2)", "x ** -0.5"},
		{"sqrt(2)^x", "1.4142135623730951 ** x"},
		{"(-sqrt(2))^x", "(-1.4142135623730951) ** x"},
		{"x * 1/0", "x * 1 / 0.0"},
		{"x * (1/0) + y*log(0)", "x * math.inf + y * -math.inf"},
		{"x * (-1/0)", "x * -math.inf"},
		{"x * sqrt(-1)", "x * math.nan"},
		{"x * (2^3^2)", "x * 512.0"},
		{"x * sin(pi) + y * log(e)", "x * 1.2246467991473515e-16 + y * 1.0"}, // Go's math.Sin(math.Pi)
		{"min(x, log(0))", "torch.minimum(x, x.new_tensor(-math.inf))"},
		{"min(x, 2*pi)", "torch.minimum(x, x.new_tensor(2.0 * math.pi))"},
		{"1 + 2", "1.0 + 2.0"},
		{"pi", "math.pi"},
		{"-0", "-0.0"},
		{"x + 0", "x + 0.0"},
	}
	for _, tt := range tests {
		if got := mustParse(t, tt.src).Torch("x", "y"); got != tt.want {
			t.Errorf("Torch(%q) =\n\t%s\nwant\n\t%s", tt.src, got, tt.want)
		}
	}
	if got := mustParse(t, "x*y + min(x, 1)").Torch("p[0]", "p[1]"); got != "p[0] * p[1] + torch.minimum(p[0], p[0].new_tensor(1.0))" {
		t.Errorf("Torch(p[0], p[1]) = %s", got)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		src, msg string
		col      int
	}{
		{"", "empty formula", 1},
		{" \t\n", "empty formula", 1},
		{"x +", "unexpected end of formula", 4},
		{"sin(", "unexpected end of formula", 5},
		{"(x + y) * 3)", "unexpected ')' at column 12", 12},
		{")", "unexpected ')' at column 1", 1},
		{"x + * y", "unexpected '*' at column 5", 5},
		{",x", "unexpected ',' at column 1", 1},
		{"(x, y)", "unexpected ',' at column 3", 3},
		{"min(x,)", "unexpected ')' at column 7", 7},
		{"x ^ ^ 2", "unexpected '^' at column 5", 5},
		{"2x", "expected an operator after '2' at column 2; write 2*x", 2},
		{"2 x", "expected an operator after '2' at column 3; write 2*x", 3},
		{"x y", "expected an operator after 'x' at column 3; write x*y", 3},
		{"2.5sin(x)", "expected an operator after '2.5' at column 4; write 2.5*sin", 4},
		{"3(x+1)", "expected an operator after '3' at column 2; write 3*(", 2},
		{"x(y+1)", "expected an operator after 'x' at column 2; write x*(", 2},
		{"(x+1)(y+1)", "expected an operator after ')' at column 6; write )*(", 6},
		{"(x y)", "expected an operator after 'x' at column 4; write x*y", 4},
		{"2e", "expected an operator after '2' at column 2; write 2*e", 2},
		{"sinh(x)", "unknown function 'sinh' at column 1; did you mean 'sin'?", 1},
		{"x + cosh(y)", "unknown function 'cosh' at column 5; did you mean 'cos'?", 5},
		{"Sin(x)", "unknown function 'Sin' at column 1; did you mean 'sin'?", 1},
		{"sigmod(x)", "unknown function 'sigmod' at column 1; did you mean 'sigmoid'?", 1},
		{"ln(x)", "unknown function 'ln' at column 1; did you mean 'log'?", 1},
		{"relu(x)", "unknown function 'relu' at column 1; write max(…, 0)", 1},
		{"foo(x)", "unknown function 'foo' at column 1", 1},
		{"x + z", "unknown name 'z' at column 5: use x and y", 5},
		{"X", "unknown name 'X' at column 1; did you mean 'x'?", 1},
		{"2*PI", "unknown name 'PI' at column 3; did you mean 'pi'?", 3},
		{"pii", "unknown name 'pii' at column 1; did you mean 'pi'?", 1},
		{"xy", "unknown name 'xy' at column 1; write x*y", 1},
		{"1 + pixy", "unknown name 'pixy' at column 5; write pi*x*y", 5},
		{"sinx", "unknown name 'sinx' at column 1; write sin(x)", 1},
		{"cosxy", "unknown name 'cosxy' at column 1; write cos(x*y)", 1},
		{"foo", "unknown name 'foo' at column 1: use x and y", 1},
		{"sin x", "expected '(' after 'sin' at column 5", 5},
		{"sin", "expected '(' after 'sin' at column 4", 4},
		{"sin(x, y)", "sin takes 1 argument, got 2 at column 1", 1},
		{"x + min(x)", "min takes 2 arguments, got 1 at column 5", 5},
		{"max()", "max takes 2 arguments, got 0 at column 1", 1},
		{"pow(x, y, 2)", "pow takes 2 arguments, got 3 at column 1", 1},
		{"(x + y", "missing ')' for the '(' at column 1", 1},
		{"x * (y + (1", "missing ')' for the '(' at column 10", 10},
		{"sin(x", "missing ')' for the '(' at column 4", 4},
		{"min(x, y", "missing ')' for the '(' at column 4", 4},
		{"1e400", "number '1e400' is too large at column 1", 1},
		{"x + 2e+999", "number '2e+999' is too large at column 5", 5},
		{"x + " + strings.Repeat("9", 400), "number '" + strings.Repeat("9", 400) + "' is too large at column 5", 5},
		{"1.2.3", "unexpected character '.' at column 4", 4},
		{"x + .", "unexpected character '.' at column 5", 5},
		{"x # y", "unexpected character '#' at column 3", 3},
		{"x\x00", `unexpected character '\x00' at column 2`, 2},
		{"x\xff", "unexpected character '\ufffd' at column 2", 2},
		{"x**2", "unexpected '**' at column 2; write ^ for a power", 2},
		{"x²", "unexpected character '²' at column 2; write ^2", 2},
		{"(1 − x)", "unexpected character '−' at column 4; write -", 4},
		{"2·x", "unexpected character '·' at column 2; write *", 2},
		{"2×x", "unexpected character '×' at column 2; write *", 2},
		{"x÷2", "unexpected character '÷' at column 2; write /", 2},
		{"πx", "unexpected character 'π' at column 1; write pi", 1},
		{"√x", "unexpected character '√' at column 1; write sqrt(…)", 1},
		{"é + x", "unexpected character 'é' at column 1", 1},
		{"x = 1", "unexpected character '=' at column 3", 3},
	}
	for _, tt := range tests {
		checkError(t, tt.src, tt.msg, tt.col)
	}
}

// checkError checks that Parse refuses src with a *SyntaxError.
func checkError(t *testing.T, src, msg string, col int) {
	t.Helper()
	short := src
	if len(short) > 40 {
		short = short[:40] + "…"
	}
	e, err := expr.Parse(src)
	var se *expr.SyntaxError
	if !errors.As(err, &se) {
		t.Errorf("Parse(%q) = %v, %v; want a *SyntaxError", short, e, err)
		return
	}
	if se.Msg != msg || se.Error() != msg || se.Column != col {
		t.Errorf("Parse(%q): column %d: %q\nwant column %d: %q", short, se.Column, se.Msg, col, msg)
	}
}

func TestLimits(t *testing.T) {
	// MaxLen counts runes: 1000 of them, even of several bytes, are fine.
	for _, pad := range []string{" ", "\u00a0"} {
		mustParse(t, "x"+strings.Repeat(pad, expr.MaxLen-1))
		checkError(t, "x"+strings.Repeat(pad, expr.MaxLen), "formula too long: more than 1000 characters", expr.MaxLen+1)
	}
	checkError(t, strings.Repeat("x+", 5000), "formula too long: more than 1000 characters", expr.MaxLen+1)
	nested := func(open, close string, n int) string {
		return strings.Repeat(open, n) + "x" + strings.Repeat(close, n)
	}
	checkError(t, nested("(", ")", 10000), "formula too long: more than 1000 characters", expr.MaxLen+1)

	// MaxDepth: parentheses, signs, exponents and arguments each open a
	// level below the formula's own.
	const deepMsg = "formula nested too deeply at column %d: at most 64 levels"
	for _, tt := range []struct {
		open, close string
	}{{"(", ")"}, {"-", ""}, {"+", ""}, {"sin(", ")"}, {"2^", ""}} {
		mustParse(t, nested(tt.open, tt.close, expr.MaxDepth-1))
		col := len(tt.open)*expr.MaxDepth + 1
		checkError(t, nested(tt.open, tt.close, expr.MaxDepth), fmt.Sprintf(deepMsg, col), col)
	}
	checkError(t, strings.Repeat("(", expr.MaxLen), fmt.Sprintf(deepMsg, 65), 65)
	mustParse(t, strings.Repeat("x+", 499)+"x") // long but shallow

	// MaxOps: -x*-x*… has two operations a term.
	checkError(t, strings.Repeat("-x*", 251)+"x", "too many operations at column 751: at most 500", 751)
	checkError(t, strings.Repeat("-x*", 250)+"x^2", "too many operations at column 752: at most 500", 752)
	checkError(t, strings.Repeat("-x*", 250)+"sin(x)", "too many operations at column 751: at most 500", 751)
	e := mustParse(t, strings.Repeat("-x*", 250)+"x")
	if f := e.Func([]float64{1, 0}); f != 1 {
		t.Errorf("(-x)^250·x at 1 = %v, want 1", f)
	}

	// Numbers must be finite; what overflows at evaluation is the caller's.
	checkError(t, "1e309", "number '1e309' is too large at column 1", 1)
	e = mustParse(t, "x^1e308 + 1e308*10")
	if f := e.Func([]float64{0.5, 0}); !math.IsInf(f, 1) {
		t.Errorf("x^1e308 + 1e308*10 = %v, want +Inf", f)
	}
}

// A formula too large for the stack work space takes it from the pool,
// with the same results.
func TestLargeFormula(t *testing.T) {
	var b strings.Builder
	want := func(x, y float64) float64 { return 0 }
	for i := range 40 {
		b.WriteString("+sin(x*" + strconv.Itoa(i+1) + ")*y")
		prev, k := want, float64(i+1)
		want = func(x, y float64) float64 { return prev(x, y) + math.Sin(x*k)*y }
	}
	e := mustParse(t, b.String())
	for _, p := range [][2]float64{{0.3, 2}, {-1, 0.5}} {
		x, y := p[0], p[1]
		f, dx, dy := eval(e, x, y)
		var wantDx float64
		for k := 1.0; k <= 40; k++ {
			wantDx += k * math.Cos(k*x) * y
		}
		if !same(f, want(x, y), 1e-13) || !same(dx, wantDx, 1e-13) || !same(dy, want(x, 1), 1e-13) {
			t.Errorf("at %v: %v, (%v, %v), want %v, (%v, %v)", p, f, dx, dy, want(x, y), wantDx, want(x, 1))
		}
	}
}

// Func and Grad allocate nothing on an ordinary formula.
func TestNoAllocations(t *testing.T) {
	e := mustParse(t, "(1-x)^2 + 100*(y-x^2)^2")
	x, g := []float64{-1.2, 1}, make([]float64, 2)
	if n := testing.AllocsPerRun(100, func() { e.Func(x) }); n != 0 {
		t.Errorf("Func allocates %v times", n)
	}
	if n := testing.AllocsPerRun(100, func() { e.Grad(g, x) }); n != 0 {
		t.Errorf("Grad allocates %v times", n)
	}
}

// One Expr serves many goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	small := mustParse(t, "(1-x)^2 + 100*(y-x^2)^2")
	large := mustParse(t, strings.Repeat("sin(x)*cos(y)+", 30)+"x")
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			x, g := []float64{float64(i), -1}, make([]float64, 2)
			for range 200 {
				for _, e := range []*expr.Expr{small, large} {
					f := e.Func(x)
					e.Grad(g, x)
					if h := e.Func(x); h != f {
						t.Errorf("Func changed from %v to %v", f, h)
					}
				}
			}
		})
	}
	wg.Wait()
}
