// Package expr parses a formula in x and y typed by a user into an
// expression whose value and gradient are exact: the gradient comes from
// reverse-mode automatic differentiation, not from finite differences. An
// *Expr has the method set of optimizers.Objective (Func and Grad over the
// point (x[0], x[1])), so a formula can be a loss surface. The package
// imports only the standard library and not optimizers, which may import it.
//
// # Grammar
//
// From the loosest binding to the tightest, as in Python:
//
//	expr    = term { ("+" | "-") term }          left-associative
//	term    = unary { ("*" | "/") unary }        left-associative
//	unary   = ("-" | "+") unary | power
//	power   = primary [ "^" unary ]              right-associative
//	primary = number | name | name "(" expr { "," expr } ")" | "(" expr ")"
//
// So -x^2 is −(x²), 2^3^2 is 2⁹, 2^-1 is ½ and 2*-3 is −6. A number is
// 3, 0.5, .5, 1., 1e-3 or 2E+4 and must be finite (1e400 is refused). The
// names are the variables x and y, the constants pi and e, and the
// functions sin, cos, tan, exp, log (natural), sqrt, abs, tanh, sigmoid
// (1/(1+e⁻ᵃ)), softplus (ln(1+eᵃ)), which take one argument, and min, max
// and pow (pow(a, b) = a^b), which take two. Names are case-sensitive and
// lower-case. Whitespace may appear anywhere between tokens. There is no
// implicit multiplication: 2x is an error that says to write 2*x.
//
// # Errors
//
// Parse returns a *SyntaxError whose Column (1-based, in runes) points at
// the offending character or token, and whose message says what to write
// instead where it can guess: a misspelt name gets the nearest known one
// (within an edit per three letters, at most two), "xy" gets "write x*y",
// "sinx" gets "write sin(x)", the characters −, ·, ×, ÷, ², ³, π and √ get
// their ASCII spelling, and ** gets ^.
//
// # Limits
//
// A formula has at most MaxLen runes (a longer one is refused before it is
// parsed), at most MaxDepth levels of nesting (checked before the parser
// recurses, so no input can exhaust the stack) and at most MaxOps
// operations. Evaluation is therefore bounded: the formula compiles to a
// flat list of at most MaxOps instructions, each one arithmetic operation
// or one call of a math function, run once in order with no loops, jumps
// or recursion. Func runs each instruction once and Grad twice (forward,
// then backward), on a work array of one number per instruction, constant
// and variable; neither allocates when instructions and constants number
// 30 or fewer, and larger formulas reuse arrays from a sync.Pool.
//
// # Semantics
//
// Values are float64 and follow Go's math package: log and sqrt of a
// negative number are NaN, log(0) is −Inf, 1/0 is +Inf, and x^1e308
// overflows to +Inf. min and max are NaN if either argument is, as in
// PyTorch (math.Max(+Inf, NaN) would be +Inf). Nothing panics; the caller
// decides what to do with a non-finite value or gradient. a^b is
// math.Pow(a, b), so integer powers of negative numbers work ((-2)^3 = −8).
//
// Subtrees that do not depend on x or y are folded into constants when the
// formula is compiled; the gradient of a constant is exactly 0. The partial
// derivatives are those of calculus, with these choices where calculus has
// none, which are PyTorch's, so that an exported script agrees:
//
//   - abs′(0) = 0.
//   - min(a, b) and max(a, b) pass the gradient to the smaller (larger)
//     argument, and half to each on a tie a = b.
//   - ∂(a^b)/∂a = b·a^(b−1), and 0 when b = 0 (a^0 is constant).
//   - ∂(a^b)/∂b = a^b·ln a, and 0 when a = 0 and b ≥ 0 (the limit from
//     a > 0); it is NaN for a < 0, where a^b has no derivative in b. The
//     term is skipped entirely when b does not depend on x or y, so x^2
//     has gradient 2x at x < 0 too.
//   - sqrt′(0) = +Inf, and log′ and / follow 1/a and −a/b² into ±Inf.
//
// A zero gradient flowing into an operation propagates nothing, so a factor
// that is exactly 0 cancels an infinite or undefined derivative behind it:
// 0*sqrt(x) has gradient 0 at x = 0.
//
// # Output
//
// String writes the formula in a canonical compact form (no spaces, the
// fewest parentheses, each number in its shortest spelling) that is never
// longer than the source, so it always parses again, to the same
// expression. Torch writes it as a PyTorch expression.
package expr
