package expr

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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
	// Msg says what is wrong and how to fix it, such as "unexpected ')' at
	// column 14" or "unknown function 'sinh' at column 1; did you mean
	// 'sin'?".
	Msg string
}

// Error returns Msg.
func (e *SyntaxError) Error() string { return e.Msg }

// errorAt returns a *SyntaxError at column col.
func errorAt(col int, format string, args ...any) error {
	return &SyntaxError{Column: col, Msg: fmt.Sprintf(format, args...)}
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

// token is a token of the formula.
type token struct {
	kind byte    // tokEnd, tokNum, tokName or one of + - * / ^ ( ) ,
	text string  // the source text
	col  int     // the 1-based column, in runes, of its first rune
	val  float64 // the value of a number
}

// operand reports whether the token starts an operand.
func (t token) operand() bool { return t.kind == tokNum || t.kind == tokName || t.kind == '(' }

// charHints tells what to write instead of characters a formula copied
// from typeset mathematics may contain.
var charHints = map[rune]string{
	'−': "-", '–': "-", '·': "*", '×': "*", '÷': "/", '²': "^2", '³': "^3", 'π': "pi", '√': "sqrt(…)",
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' }

// lex splits src into tokens, ending with a tokEnd one past the last rune.
func lex(src string) ([]token, error) {
	var toks []token
	col := 0
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRuneInString(src[i:])
		col++
		c := src[i]
		switch {
		case unicode.IsSpace(r):
			i += size
		case isDigit(c) || c == '.' && i+1 < len(src) && isDigit(src[i+1]):
			j := scanNumber(src, i)
			t := token{kind: tokNum, text: src[i:j], col: col}
			var err error
			if t.val, err = strconv.ParseFloat(t.text, 64); err != nil {
				return nil, errorAt(col, "number '%s' is too large at column %d", t.text, col)
			}
			toks = append(toks, t)
			col += j - i - 1
			i = j
			if i < len(src) && src[i] == '.' {
				return nil, errorAt(col+1, "unexpected character '.' at column %d", col+1)
			}
		case isLetter(c):
			j := i + 1
			for j < len(src) && (isLetter(src[j]) || isDigit(src[j])) {
				j++
			}
			toks = append(toks, token{kind: tokName, text: src[i:j], col: col})
			col += j - i - 1
			i = j
		case strings.IndexByte("+-*/^(),", c) >= 0:
			if c == '*' && i+1 < len(src) && src[i+1] == '*' {
				return nil, errorAt(col, "unexpected '**' at column %d; write ^ for a power", col)
			}
			toks = append(toks, token{kind: c, text: src[i : i+1], col: col})
			i++
		default:
			hint := ""
			if h, ok := charHints[r]; ok {
				hint = "; write " + h
			}
			return nil, errorAt(col, "unexpected character %s at column %d%s", strconv.QuoteRune(r), col, hint)
		}
	}
	return append(toks, token{kind: tokEnd, col: col + 1}), nil
}

// scanNumber returns the end of the number that starts at src[i]: digits,
// an optional point and digits, and an optional exponent, which is taken
// only if digits follow its e and sign.
func scanNumber(src string, i int) int {
	j := i
	for j < len(src) && isDigit(src[j]) {
		j++
	}
	if j < len(src) && src[j] == '.' {
		j++
		for j < len(src) && isDigit(src[j]) {
			j++
		}
	}
	if j < len(src) && (src[j] == 'e' || src[j] == 'E') {
		k := j + 1
		if k < len(src) && (src[k] == '+' || src[k] == '-') {
			k++
		}
		if k < len(src) && isDigit(src[k]) {
			for k < len(src) && isDigit(src[k]) {
				k++
			}
			j = k
		}
	}
	return j
}

// parse returns the syntax tree of src.
func parse(src string) (*node, error) {
	n := 0
	for range src {
		if n++; n > MaxLen {
			return nil, errorAt(MaxLen+1, "formula too long: more than %d characters", MaxLen)
		}
	}
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	if toks[0].kind == tokEnd {
		return nil, errorAt(1, "empty formula")
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
		return errorAt(t.col, "unexpected end of formula")
	case t.operand():
		prev := p.toks[p.pos-1].text
		return errorAt(t.col, "expected an operator after '%s' at column %d; write %s*%s", prev, t.col, prev, t.text)
	}
	return errorAt(t.col, "unexpected '%s' at column %d", t.text, t.col)
}

// count counts the operation of token t.
func (p *parser) count(t token) error {
	if p.ops++; p.ops > MaxOps {
		return errorAt(t.col, "too many operations at column %d: at most %d", t.col, MaxOps)
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
		return nil, errorAt(t.col, "formula nested too deeply at column %d: at most %d levels", t.col, MaxDepth)
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
		return errorAt(open.col, "missing ')' for the '(' at column %d", open.col)
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
		return nil, errorAt(next.col, "expected '(' after '%s' at column %d", t.text, next.col)
	case next.kind == '(':
		return nil, errorAt(t.col, "unknown function '%s' at column %d%s", t.text, t.col, funcHint(t.text))
	}
	return nil, errorAt(t.col, "unknown name '%s' at column %d%s", t.text, t.col, nameHint(t.text))
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
		s := "s"
		if f.arity == 1 {
			s = ""
		}
		return nil, errorAt(t.col, "%s takes %d argument%s, got %d at column %d", f.name, f.arity, s, len(args), t.col)
	}
	var b *node
	if f.arity == 2 {
		b = args[1]
	}
	n := newNode(f.op, args[0], b)
	n.call = f
	return n, nil
}

// funcHint suggests a function for the unknown function name.
func funcHint(name string) string {
	switch name {
	case "ln":
		return "; did you mean 'log'?"
	case "relu":
		return "; write max(…, 0)"
	}
	names := make([]string, len(functions))
	for i, f := range functions {
		names[i] = f.name
	}
	if s, ok := nearest(name, names); ok {
		return "; did you mean '" + s + "'?"
	}
	return ""
}

// nameHint suggests what to write for the unknown name.
func nameHint(name string) string {
	if vs, ok := splitValues(name); ok {
		return "; write " + strings.Join(vs, "*")
	}
	for _, f := range functions {
		if f.arity != 1 || !strings.HasPrefix(name, f.name) {
			continue
		}
		if vs, ok := splitValues(name[len(f.name):]); ok {
			return "; write " + f.name + "(" + strings.Join(vs, "*") + ")"
		}
	}
	if s, ok := nearest(name, valueNames); ok {
		return "; did you mean '" + s + "'?"
	}
	return ": use x and y"
}

// splitValues splits name into variables and constants, such as "xy" into
// x and y, if it can. No name of valueNames begins another, so at most one
// fits at each place.
func splitValues(name string) ([]string, bool) {
	var parts []string
	for rest := name; rest != ""; {
		i := slices.IndexFunc(valueNames, func(v string) bool { return strings.HasPrefix(rest, v) })
		if i < 0 {
			return nil, false
		}
		parts = append(parts, valueNames[i])
		rest = rest[len(valueNames[i]):]
	}
	return parts, len(parts) > 0
}

// nearest returns the candidate that equals name but for case, else the
// first nearest within an edit per three letters of name and at most two.
func nearest(name string, candidates []string) (string, bool) {
	best, bestDist := "", 3
	for _, c := range candidates {
		if strings.EqualFold(c, name) {
			return c, true
		}
		if d := editDistance(name, c); d < bestDist && d <= len(name)/3 {
			best, bestDist = c, d
		}
	}
	return best, best != ""
}

// editDistance returns the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			diag, row[j] = row[j], min(row[j]+1, row[j-1]+1, diag+cost)
		}
	}
	return row[len(b)]
}
