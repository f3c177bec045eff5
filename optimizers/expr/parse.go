package expr

import (
	"slices"

	"github.com/optimplay/optimplay/optimizers/reason"
)

// Limits of Parse, which refuses a formula beyond any of them with a
// *SyntaxError.
const (
	// MaxLen is the longest formula, in runes.
	MaxLen = 1000
	// MaxDepth is the deepest nesting. Each parenthesis, function argument,
	// sign and exponent opens a level; the formula itself is the first, so
	// that 63 nested parentheses around x are allowed and 64 are not.
	MaxDepth = 64
	// MaxOps is the most operations (operators, signs and function calls;
	// a unary plus is none) in a formula, so the compiled instruction list
	// is at most that long. MaxLen alone would allow almost 1000 (-x*-x*…);
	// MaxOps halves the cost of the costliest evaluation.
	MaxOps = 500
)

// SyntaxError reports why Parse refused a formula.
type SyntaxError struct {
	// Column is the 1-based position, in runes, of the offending character
	// or token: one past the end for a formula that stops too early, and
	// MaxLen+1 for one that is too long.
	Column int
	// Msg says what is wrong and how to fix it, in English, such as
	// "unexpected ')' at column 14" or "unknown function 'sinh' at column
	// 1; did you mean 'sin'?".
	Msg string
	// Reason is Msg as a kind of refusal and its arguments (the hint, if
	// any, is one of them), for a catalog to say in another language.
	Reason *reason.Error
}

// Error returns Msg.
func (e *SyntaxError) Error() string { return e.Msg }

// Unwrap returns Reason.
func (e *SyntaxError) Unwrap() error { return e.Reason }

// errorAt returns a *SyntaxError at column col, of kind k with the
// arguments args.
func errorAt(col int, k reason.Kind, args ...any) error {
	r := k.New(args...)
	return &SyntaxError{Column: col, Msg: r.Error(), Reason: r}
}

// node is a node of the syntax tree.
type node struct {
	op   op
	val  float64   // the value of an opNum
	a, b *node     // the operands; b is nil for a unary operation
	call *function // the function, if the operation was written as a call
	vars bool      // whether the value depends on x or y
}

// newNode returns the operation o on a and b (nil for a unary o).
func newNode(o op, a, b *node) *node {
	n := &node{op: o, a: a, b: b, vars: a.vars}
	if b != nil {
		n.vars = n.vars || b.vars
	}
	return n
}

// Token kinds: the operator characters stand for themselves.
const (
	tokEnd  = 0
	tokNum  = '0'
	tokName = 'a'
)

// parse returns the syntax tree of src.
func parse(src string) (*node, error) {
	n := 0
	for range src {
		if n++; n > MaxLen {
			return nil, errorAt(MaxLen+1, errTooLong, MaxLen)
		}
	}
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	if toks[0].kind == tokEnd {
		return nil, errorAt(1, errEmpty)
	}
	p := parser{toks: toks}
	root, err := p.expr()
	if err != nil {
		return nil, err
	}
	if p.peek().kind != tokEnd {
		return nil, p.unexpected()
	}
	return root, nil
}

// parser is a recursive-descent parser over tokens ending with tokEnd.
type parser struct {
	toks  []token
	pos   int // the current token
	depth int // the nesting of unary calls
	ops   int // the operations so far
}

func (p *parser) peek() token { return p.toks[p.pos] }

// unexpected returns the error for the current token, which cannot come
// where it is. An operand is only ever unexpected right after another
// operand: that is an implicit multiplication.
func (p *parser) unexpected() error {
	t := p.peek()
	switch {
	case t.kind == tokEnd:
		return errorAt(t.col, errEnd)
	case t.operand():
		prev := p.toks[p.pos-1].text
		return errorAt(t.col, errNoOperator, prev, t.col, t.text)
	}
	return errorAt(t.col, errUnexpected, t.text, t.col, noHint)
}

// count counts the operation of token t.
func (p *parser) count(t token) error {
	if p.ops++; p.ops > MaxOps {
		return errorAt(t.col, errTooManyOps, t.col, MaxOps)
	}
	return nil
}

// expr parses term { ("+" | "-") term }.
func (p *parser) expr() (*node, error) {
	left, err := p.term()
	for err == nil && (p.peek().kind == '+' || p.peek().kind == '-') {
		t := p.peek()
		p.pos++
		var right *node
		if err = p.count(t); err == nil {
			right, err = p.term()
		}
		if err == nil {
			o := opAdd
			if t.kind == '-' {
				o = opSub
			}
			left = newNode(o, left, right)
		}
	}
	return left, err
}

// term parses unary { ("*" | "/") unary }.
func (p *parser) term() (*node, error) {
	left, err := p.unary()
	for err == nil && (p.peek().kind == '*' || p.peek().kind == '/') {
		t := p.peek()
		p.pos++
		var right *node
		if err = p.count(t); err == nil {
			right, err = p.unary()
		}
		if err == nil {
			o := opMul
			if t.kind == '/' {
				o = opDiv
			}
			left = newNode(o, left, right)
		}
	}
	return left, err
}

// unary parses ("-" | "+") unary | power. Every recursion of the parser
// goes through it, so it checks the depth before going deeper.
func (p *parser) unary() (*node, error) {
	t := p.peek()
	if p.depth >= MaxDepth {
		return nil, errorAt(t.col, errTooDeep, t.col, MaxDepth)
	}
	p.depth++
	defer func() { p.depth-- }()
	switch t.kind {
	case '-':
		p.pos++
		if err := p.count(t); err != nil {
			return nil, err
		}
		a, err := p.unary()
		if err != nil {
			return nil, err
		}
		return newNode(opNeg, a, nil), nil
	case '+':
		p.pos++
		return p.unary()
	}
	return p.power()
}

// power parses primary [ "^" unary ].
func (p *parser) power() (*node, error) {
	base, err := p.primary()
	if err != nil || p.peek().kind != '^' {
		return base, err
	}
	t := p.peek()
	p.pos++
	if err := p.count(t); err != nil {
		return nil, err
	}
	exp, err := p.unary()
	if err != nil {
		return nil, err
	}
	return newNode(opPow, base, exp), nil
}

// primary parses a number, a name, a call or a parenthesized expression.
func (p *parser) primary() (*node, error) {
	t := p.peek()
	switch t.kind {
	case tokNum:
		p.pos++
		return &node{op: opNum, val: t.val}, nil
	case tokName:
		p.pos++
		return p.name(t)
	case '(':
		p.pos++
		n, err := p.expr()
		if err != nil {
			return nil, err
		}
		return n, p.close(t)
	}
	return nil, p.unexpected()
}

// close consumes the ')' that closes the '(' open.
func (p *parser) close(open token) error {
	switch p.peek().kind {
	case ')':
		p.pos++
		return nil
	case tokEnd:
		return errorAt(open.col, errUnclosed, open.col)
	}
	return p.unexpected()
}

// name parses what follows the name t: a call if it is a function, else a
// variable or constant.
func (p *parser) name(t token) (*node, error) {
	next := p.peek()
	i := slices.Index(valueNames, t.text)
	o, isValue := opX+op(i), i >= 0
	f := lookupFunc(t.text)
	isFunc := f != nil
	switch {
	case isValue && next.kind == '(':
		return nil, p.unexpected() // implicit multiplication, such as x(y+1)
	case isValue:
		return &node{op: o, vars: o == opX || o == opY}, nil
	case isFunc && next.kind == '(':
		return p.call(t, f)
	case isFunc:
		return nil, errorAt(next.col, errNoCall, t.text, next.col)
	case next.kind == '(':
		return nil, errorAt(t.col, errUnknownFunc, t.text, t.col, funcHint(t.text))
	}
	return nil, errorAt(t.col, errUnknownName, t.text, t.col, nameHint(t.text))
}

// call parses the arguments of the function f named by t, from its '('.
func (p *parser) call(t token, f *function) (*node, error) {
	open := p.peek()
	p.pos++
	if err := p.count(t); err != nil {
		return nil, err
	}
	var args []*node
	if p.peek().kind != ')' {
		for {
			a, err := p.expr()
			if err != nil {
				return nil, err
			}
			args = append(args, a)
			if p.peek().kind != ',' {
				break
			}
			p.pos++
		}
	}
	if err := p.close(open); err != nil {
		return nil, err
	}
	if len(args) != f.arity {
		k := errArguments
		if f.arity == 1 {
			k = errArgument
		}
		return nil, errorAt(t.col, k, f.name, f.arity, len(args), t.col)
	}
	var b *node
	if f.arity == 2 {
		b = args[1]
	}
	n := newNode(f.op, args[0], b)
	n.call = f
	return n, nil
}
