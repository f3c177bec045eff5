package equations

import (
	"html"
	"math"
	"strconv"
	"strings"
)

// An expr is a term of an update rule. It is written as MathML twice:
// with its symbols (the rule), and with the numbers of one coordinate
// substituted (the rule at this step).
type expr interface {
	// write writes the term; w.coord is the coordinate whose numbers are
	// substituted, or -1 for the symbols.
	write(w *writer)
	// prec is the precedence of the term's outermost operation: a term is
	// put in parentheses inside an operation that binds more tightly.
	prec() int
	// eval evaluates the term at coordinate coord: the tests check that a
	// rule as written gives the core's numbers.
	eval(coord int) float64
}

// Precedences, loosest first.
const (
	precSum = iota + 1
	precProduct
	precAtom
)

// writer builds MathML.
type writer struct {
	strings.Builder
	coord int
	bare  bool // a number stands alone: no parentheses around a negative one
}

// symbolic reports whether the symbols are written rather than numbers.
func (w *writer) symbolic() bool { return w.coord < 0 }

// term writes e, in parentheses when its precedence is below min.
func (w *writer) term(e expr, min int) {
	if e.prec() < min {
		w.WriteString("<mo>(</mo>")
		e.write(w)
		w.WriteString("<mo>)</mo>")
		return
	}
	e.write(w)
}

// quantity is a named value of the step: a hyperparameter, a buffer, the
// gradient, a point. Its symbol is MathML; its value is per coordinate
// (the same for both, for a scalar). Name identifies it in the page
// (data-q), and vector names the vector on the surface it is drawn as,
// if any (data-vec).
type quantity struct {
	symbol string
	value  func(coord int) float64
	name   string
	vector string
}

// prec is an atom's: a negative number is written in parentheses itself.
func (q quantity) prec() int { return precAtom }

func (q quantity) eval(c int) float64 { return q.value(c) }

func (q quantity) write(w *writer) {
	attrs := ` data-q="` + q.name + `"`
	if q.vector != "" {
		attrs += ` data-vec="` + q.vector + `" tabindex="0"`
	}
	if w.symbolic() {
		w.WriteString(`<mrow class="q"` + attrs + `>` + q.symbol + `</mrow>`)
		return
	}
	v := q.value(w.coord)
	w.WriteString(`<mrow class="n"` + attrs + ` title="` + exact(v) + `">`)
	if v < 0 && !w.bare {
		w.WriteString("<mo>(</mo>")
		number(w, v)
		w.WriteString("<mo>)</mo>")
	} else {
		number(w, v)
	}
	w.WriteString("</mrow>")
}

// constant is a number of the rule itself, such as 1 or ½: written the
// same in the rule and at the step.
type constant struct {
	ml string
	v  float64
}

func (c constant) prec() int        { return precAtom }
func (c constant) write(w *writer)  { w.WriteString(c.ml) }
func (c constant) eval(int) float64 { return c.v }

var (
	one  = constant{"<mn>1</mn>", 1}
	half = constant{"<mfrac><mn>1</mn><mn>2</mn></mfrac>", 0.5}
)

// op is a binary operation: "+", "−" or "·".
type op struct {
	sign string
	a, b expr
}

func (o op) prec() int {
	if o.sign == "·" {
		return precProduct
	}
	return precSum
}

func (o op) write(w *writer) {
	w.term(o.a, o.prec())
	w.WriteString("<mo>" + o.sign + "</mo>")
	right := o.prec()
	if o.sign != "+" {
		right++ // a − (b − c), a·(b·c) as written
	}
	w.term(o.b, right)
}

func (o op) eval(c int) float64 {
	a, b := o.a.eval(c), o.b.eval(c)
	switch o.sign {
	case "+":
		return a + b
	case "−":
		return a - b
	}
	return a * b
}

func add(a, b expr) expr { return op{"+", a, b} }
func sub(a, b expr) expr { return op{"−", a, b} }
func mul(a, b expr) expr { return op{"·", a, b} }

// frac is a fraction.
type frac struct{ num, den expr }

func (f frac) prec() int          { return precAtom }
func (f frac) eval(c int) float64 { return f.num.eval(c) / f.den.eval(c) }
func (f frac) write(w *writer) {
	w.WriteString("<mfrac><mrow>")
	f.num.write(w)
	w.WriteString("</mrow><mrow>")
	f.den.write(w)
	w.WriteString("</mrow></mfrac>")
}

// root is a square root.
type root struct{ a expr }

func (r root) prec() int          { return precAtom }
func (r root) eval(c int) float64 { return math.Sqrt(r.a.eval(c)) }
func (r root) write(w *writer) {
	w.WriteString("<msqrt>")
	r.a.write(w)
	w.WriteString("</msqrt>")
}

// power is a^e.
type power struct{ a, e expr }

func (p power) prec() int          { return precAtom }
func (p power) eval(c int) float64 { return math.Pow(p.a.eval(c), p.e.eval(c)) }
func (p power) write(w *writer) {
	w.WriteString("<msup><mrow>")
	w.term(p.a, precAtom)
	w.WriteString("</mrow><mrow>")
	p.e.write(w)
	w.WriteString("</mrow></msup>")
}

// square is a².
func square(a expr) expr { return power{a, constant{"<mn>2</mn>", 2}} }

// call is a function of its arguments: max, sign, or |·| (name "abs").
type call struct {
	name string
	args []expr
}

func (c call) prec() int { return precAtom }

func (c call) eval(coord int) float64 {
	a := c.args[0].eval(coord)
	switch c.name {
	case "max":
		return math.Max(a, c.args[1].eval(coord))
	case "abs":
		return math.Abs(a)
	}
	switch { // sign
	case a > 0:
		return 1
	case a < 0:
		return -1
	}
	return 0
}
func (c call) write(w *writer) {
	if c.name == "abs" {
		w.WriteString(`<mo fence="true">|</mo>`)
		c.args[0].write(w)
		w.WriteString(`<mo fence="true">|</mo>`)
		return
	}
	w.WriteString("<mi>" + c.name + "</mi><mo>(</mo>")
	for i, a := range c.args {
		if i > 0 {
			w.WriteString("<mo>,</mo>")
		}
		a.write(w)
	}
	w.WriteString("<mo>)</mo>")
}

// number writes v with four significant digits, as a decimal or as
// a·10^k, with a true minus sign.
func number(w *writer, v float64) {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		// Runs stop before a value becomes infinite; a step never shows one.
		w.WriteString("<mi>?</mi>")
		return
	case v < 0:
		w.WriteString("<mo>−</mo>")
		v = -v
	}
	s := strconv.FormatFloat(v, 'g', 4, 64)
	mant, exp, sci := strings.Cut(s, "e")
	if !sci {
		w.WriteString("<mn>" + s + "</mn>")
		return
	}
	k, _ := strconv.Atoi(exp)
	w.WriteString("<mn>" + mant + "</mn><mo>·</mo><msup><mn>10</mn><mrow>")
	if k < 0 {
		w.WriteString("<mo>−</mo>")
		k = -k
	}
	w.WriteString("<mn>" + strconv.Itoa(k) + "</mn></mrow></msup>")
}

// Shown returns v as a page shows it: four significant digits, in the
// decimal or a×10^k form of number, as plain text ("−1.204", "1.5×10^−8").
func Shown(v float64) string {
	var w writer
	number(&w, v)
	s := w.String()
	for _, tag := range []string{"<mn>", "</mn>", "<mo>", "</mo>", "<mrow>", "</mrow>", "</msup>"} {
		s = strings.ReplaceAll(s, tag, "")
	}
	s = strings.ReplaceAll(s, "·<msup>10", "×10^")
	return s
}

// exact writes v in its shortest exact form, for a title.
func exact(v float64) string { return html.EscapeString(strconv.FormatFloat(v, 'g', -1, 64)) }

// subscript writes a symbol with a subscript.
func subscript(base, index string) string {
	return "<msub><mi>" + base + "</mi>" + index + "</msub>"
}

// Subscripts.
const (
	idxT     = "<mi>t</mi>"
	idxPrev  = "<mrow><mi>t</mi><mo>−</mo><mn>1</mn></mrow>"
	idxNext  = "<mrow><mi>t</mi><mo>+</mo><mn>1</mn></mrow>"
	idxOne   = "<mn>1</mn>"
	idxTwo   = "<mn>2</mn>"
	idxStart = "<mn>0</mn>"
)

// hat is a symbol with a hat, such as m̂.
func hat(base string) string { return `<mover accent="true"><mi>` + base + `</mi><mo>^</mo></mover>` }

// bar is a symbol with a bar, such as ḡ.
func bar(base string) string { return `<mover accent="true"><mi>` + base + `</mi><mo>¯</mo></mover>` }

// tilde is a symbol with a tilde, such as ṽ.
func tilde(base string) string { return `<mover accent="true"><mi>` + base + `</mi><mo>~</mo></mover>` }
