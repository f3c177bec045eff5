package expr

import (
	"math"
	"strconv"
	"strings"
)

// Precedences, from the loosest binding to the tightest.
const (
	precAdd  = iota + 1 // + and -
	precMul             // * and /
	precNeg             // unary minus
	precPow             // ^
	precAtom            // numbers, names, calls and parenthesized expressions
)

// prec returns the precedence of n as written.
func prec(n *node) int {
	switch {
	case n.call != nil:
		return precAtom
	case n.op == opAdd || n.op == opSub:
		return precAdd
	case n.op == opMul || n.op == opDiv:
		return precMul
	case n.op == opNeg:
		return precNeg
	case n.op == opPow:
		return precPow
	}
	return precAtom
}

// operandPrecs returns the least precedences the operands of the binary
// operation n need to go without parentheses: the grammar's left operand
// may be an operation of the same level, its right operand may not, and
// the base of a power must be an atom.
func operandPrecs(n *node) (left, right int) {
	if n.op == opPow {
		return precAtom, precNeg
	}
	p := prec(n)
	return p, p + 1
}

// String returns the formula in a canonical form: no spaces, the fewest
// parentheses, each number in its shortest spelling, no unary plus. It is
// never longer than the source, so it parses again, to the same
// expression.
func (e *Expr) String() string {
	var b strings.Builder
	writeFormula(&b, e.root, 0)
	return b.String()
}

// writeFormula writes n in the syntax of Parse, in parentheses if its
// precedence is below least.
func writeFormula(b *strings.Builder, n *node, least int) {
	if prec(n) < least {
		b.WriteByte('(')
		defer b.WriteByte(')')
	}
	switch {
	case n.call != nil:
		b.WriteString(n.call.name)
		b.WriteByte('(')
		writeFormula(b, n.a, 0)
		if n.b != nil {
			b.WriteByte(',')
			writeFormula(b, n.b, 0)
		}
		b.WriteByte(')')
	case n.op == opNum:
		b.WriteString(shortest(n.val))
	case n.op == opNeg:
		b.WriteByte('-')
		writeFormula(b, n.a, precNeg)
	case n.a == nil: // x, y, pi, e
		b.WriteString(valueNames[n.op-opX])
	default:
		l, r := operandPrecs(n)
		writeFormula(b, n.a, l)
		b.WriteString(binarySymbols[n.op])
		writeFormula(b, n.b, r)
	}
}

// binarySymbols are the operators of the grammar.
var binarySymbols = map[op]string{opAdd: "+", opSub: "-", opMul: "*", opDiv: "/", opPow: "^"}

// shortest returns the shortest spelling of the non-negative v that parses
// back to v, preferring one without an exponent on a tie: 100, 1e3,
// 15e20, .5, 1.5, 25e-8.
func shortest(v float64) string {
	if v == 0 {
		return "0"
	}
	s := strconv.FormatFloat(v, 'e', -1, 64) // d.ddde±xx
	i := strings.IndexByte(s, 'e')
	exp, _ := strconv.Atoi(s[i+1:])
	mant := s[:i]
	digits := strings.Replace(mant, ".", "", 1)
	nd, dp := len(digits), exp+1 // v = 0.digits × 10^dp
	var plain string
	switch {
	case dp >= nd:
		plain = digits + strings.Repeat("0", dp-nd)
	case dp > 0:
		plain = digits[:dp] + "." + digits[dp:]
	default:
		plain = "." + strings.Repeat("0", -dp) + digits
	}
	best := plain
	for _, c := range []string{mant + "e" + strconv.Itoa(exp), digits + "e" + strconv.Itoa(dp-nd)} {
		if len(c) < len(best) {
			best = c
		}
	}
	return best
}

// Torch returns the formula as a PyTorch expression on the float64 tensors
// named by x and y (Python names or other atoms, such as p[0]), for a
// script that imports math and torch: sin is torch.sin, softplus is
// torch.nn.functional.softplus, min and max are torch.minimum and
// torch.maximum, ^ and pow are **, pi and e are math.pi and math.e.
//
// Its value and gradient are those of Func and Grad, up to the rounding of
// PyTorch's functions, except that PyTorch's softplus is the identity above
// 20 (off by less than 2.1e-9 there), and that PyTorch's gradient is NaN
// where a zero factor cancels an infinite derivative (0*sqrt(x) at 0). A subtree without x and y that only
// adds, subtracts and multiplies numbers, pi and e is written as it is, in
// floating point (2.0 * math.pi); any other such subtree is written as its
// value (sqrt(2) as 1.4142135623730951, log(0) as -math.inf), so that
// Python never divides by zero, raises to a power or calls a function on
// plain numbers, which could raise an error where Func gives an infinity or
// NaN. A formula without x and y gives a Python number, not a tensor.
func (e *Expr) Torch(x, y string) string {
	w := torchWriter{x: x, y: y}
	w.write(e.root, 0)
	return w.b.String()
}

// torchWriter writes a formula as PyTorch.
type torchWriter struct {
	b      strings.Builder
	x, y   string
	floats bool // write integers as floats
}

// write writes n, in parentheses if its precedence is below least.
func (w *torchWriter) write(n *node, least int) {
	if !n.vars && !plain(n) {
		w.value(eval(n), least)
		return
	}
	if !n.vars && n.b != nil && !w.floats {
		w.floats = true // Python adds and multiplies ints exactly, unbounded
		defer func() { w.floats = false }()
	}
	p := prec(n)
	if n.op == opPow {
		p = precPow // also pow(a, b), written a ** b
	}
	if p < least {
		w.b.WriteByte('(')
		defer w.b.WriteByte(')')
	}
	switch {
	case n.call != nil && n.op != opPow:
		w.b.WriteString(n.call.torch)
		w.b.WriteByte('(')
		w.arg(n.a)
		if n.b != nil {
			w.b.WriteString(", ")
			w.arg(n.b)
		}
		w.b.WriteByte(')')
	case n.op == opNum:
		if !w.floats && n.val != 0 && n.val == math.Trunc(n.val) && n.val < 1<<53 {
			w.b.WriteString(strconv.FormatFloat(n.val, 'f', -1, 64))
		} else {
			w.b.WriteString(PythonFloat(n.val))
		}
	case n.op == opNeg:
		w.b.WriteByte('-')
		w.write(n.a, precNeg)
	case n.op == opX:
		w.b.WriteString(w.x)
	case n.op == opY:
		w.b.WriteString(w.y)
	case n.op == opPi:
		w.b.WriteString("math.pi")
	case n.op == opE:
		w.b.WriteString("math.e")
	default:
		l, r := operandPrecs(n)
		w.write(n.a, l)
		w.b.WriteString(" " + torchSymbols[n.op] + " ")
		w.write(n.b, r)
	}
}

// arg writes an argument of a function, as a tensor if it is a constant:
// torch.minimum and torch.maximum take only tensors, and every other
// function has a constant argument folded into a value.
func (w *torchWriter) arg(n *node) {
	if n.vars {
		w.write(n, 0)
		return
	}
	w.b.WriteString(w.x + ".new_tensor(")
	w.floats = true
	w.write(n, 0)
	w.floats = false
	w.b.WriteByte(')')
}

// torchSymbols are the Python operators.
var torchSymbols = map[op]string{opAdd: "+", opSub: "-", opMul: "*", opDiv: "/", opPow: "**"}

// value writes the constant v as a Python float, in parentheses if it is
// negative and least is above precNeg.
func (w *torchWriter) value(v float64, least int) {
	var s string
	switch {
	case math.IsNaN(v):
		s = "math.nan"
	case math.IsInf(v, 0):
		s = "math.inf"
	default:
		s = PythonFloat(math.Abs(v))
	}
	if !math.Signbit(v) || math.IsNaN(v) {
		w.b.WriteString(s)
		return
	}
	if precNeg < least {
		w.b.WriteString("(-" + s + ")")
		return
	}
	w.b.WriteString("-" + s)
}

// plain reports whether the constant n only negates, adds, subtracts and
// multiplies numbers, pi and e, which Python does exactly as Go.
func plain(n *node) bool {
	switch n.op {
	case opNum, opPi, opE:
		return true
	case opNeg:
		return plain(n.a)
	case opAdd, opSub, opMul:
		return plain(n.a) && plain(n.b)
	}
	return false
}

// eval returns the value of the constant n as the compiler folds it.
func eval(n *node) float64 {
	switch n.op {
	case opNum:
		return n.val
	case opPi:
		return math.Pi
	case opE:
		return math.E
	}
	var b float64
	if n.b != nil {
		b = eval(n.b)
	}
	return n.op.apply(eval(n.a), b)
}

// PythonFloat writes the finite v as Python's repr does: the shortest digits
// that read back as v, with an exponent below 1e-4 and from 1e16 on, and
// always a point or an exponent, so that the literal is a float.
func PythonFloat(v float64) string {
	e := strconv.FormatFloat(v, 'e', -1, 64)
	if exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:]); exp < -4 || exp >= 16 {
		return e
	}
	f := strconv.FormatFloat(v, 'f', -1, 64)
	if !strings.Contains(f, ".") {
		f += ".0"
	}
	return f
}
