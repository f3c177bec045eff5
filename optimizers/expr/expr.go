package expr

import (
	"math"
	"sync"
)

// Expr is a parsed formula f(x, y), compiled to a flat list of
// instructions. It is immutable and safe for concurrent use.
type Expr struct {
	root *node
	// The instructions work on slots: consts fill the first ones, x and
	// y the next two, and code[i] writes slot len(consts)+2+i.
	consts []float64
	code   []instr
	out    int32 // the slot of f
}

// instr is an operation on the slots a and b (b unused if it is unary).
type instr struct {
	op   op
	a, b int32
}

// Parse parses the formula src, in the grammar of the package
// documentation and within MaxLen, MaxDepth and MaxOps. Its errors are
// *SyntaxError.
func Parse(src string) (*Expr, error) {
	root, err := parse(src)
	if err != nil {
		return nil, err
	}
	var c compiler
	out := c.slot(c.compile(root))
	e := &Expr{root: root, consts: c.consts, code: c.code}
	// Until now slots were references (see compiler); renumber them.
	for i := range e.code {
		e.code[i].a, e.code[i].b = e.slotOf(e.code[i].a), e.slotOf(e.code[i].b)
	}
	e.out = e.slotOf(out)
	return e, nil
}

// References to slots while compiling, when the number of constants is not
// known yet: an instruction's index, refX, refY, or refConst−k for
// constant k.
const (
	refX     = -1
	refY     = -2
	refConst = -3
)

// slotOf returns the slot of a reference.
func (e *Expr) slotOf(ref int32) int32 {
	nc := int32(len(e.consts))
	switch {
	case ref >= 0:
		return nc + 2 + ref
	case ref == refX:
		return nc
	case ref == refY:
		return nc + 1
	}
	return refConst - ref
}

// compiler turns a syntax tree into instructions, folding the subtrees that
// depend on neither x nor y into constants.
type compiler struct {
	consts []float64
	index  map[uint64]int32 // the constant of each bit pattern
	code   []instr
}

// operand is a compiled subtree: a constant or a reference.
type operand struct {
	konst bool
	val   float64 // if konst
	ref   int32   // if not
}

// compile emits the instructions of n.
func (c *compiler) compile(n *node) operand {
	switch n.op {
	case opNum:
		return operand{konst: true, val: n.val}
	case opPi:
		return operand{konst: true, val: math.Pi}
	case opE:
		return operand{konst: true, val: math.E}
	case opX:
		return operand{ref: refX}
	case opY:
		return operand{ref: refY}
	}
	a := c.compile(n.a)
	b := operand{ref: refX} // a valid slot that a unary instruction ignores
	if n.b != nil {
		b = c.compile(n.b)
	}
	if a.konst && (n.b == nil || b.konst) {
		return operand{konst: true, val: n.op.apply(a.val, b.val)}
	}
	c.code = append(c.code, instr{op: n.op, a: c.slot(a), b: c.slot(b)})
	return operand{ref: int32(len(c.code) - 1)}
}

// slot returns the reference of an operand, adding its constant.
func (c *compiler) slot(o operand) int32 {
	if !o.konst {
		return o.ref
	}
	bits := math.Float64bits(o.val)
	k, ok := c.index[bits]
	if !ok {
		if c.index == nil {
			c.index = map[uint64]int32{}
		}
		k = int32(len(c.consts))
		c.index[bits] = k
		c.consts = append(c.consts, o.val)
	}
	return refConst - k
}

// smallSlots is the most slots Func and Grad keep on the stack; larger
// formulas take their work space from pool.
const smallSlots = 32

// pool holds work space for large formulas.
var pool = sync.Pool{New: func() any { return new([]float64) }}

// work returns n numbers from pool, and the pointer to give back.
func work(n int) (*[]float64, []float64) {
	p := pool.Get().(*[]float64)
	if cap(*p) < n {
		*p = make([]float64, n)
	}
	return p, (*p)[:n]
}

// Func returns f(x[0], x[1]).
func (e *Expr) Func(x []float64) float64 {
	n := len(e.consts) + 2 + len(e.code)
	var buf [smallSlots]float64
	v := buf[:]
	if n > smallSlots {
		p, w := work(n)
		defer pool.Put(p)
		v = w
	}
	e.forward(v, x[0], x[1])
	return v[e.out]
}

// Grad writes ∇f(x[0], x[1]) into grad[0] and grad[1].
func (e *Expr) Grad(grad, x []float64) {
	n := len(e.consts) + 2 + len(e.code)
	var buf [2 * smallSlots]float64
	w := buf[:]
	if n > smallSlots {
		var p *[]float64
		p, w = work(2 * n)
		defer pool.Put(p)
	}
	v, adj := w[:n], w[n:2*n]
	e.forward(v, x[0], x[1])
	e.backward(v, adj)
	nc := len(e.consts)
	grad[0], grad[1] = adj[nc], adj[nc+1]
}

// forward fills the slots v with the constants, x, y and the value of each
// instruction.
func (e *Expr) forward(v []float64, x, y float64) {
	nc := len(e.consts)
	copy(v, e.consts)
	v[nc], v[nc+1] = x, y
	res := v[nc+2:]
	for i, in := range e.code {
		res[i] = in.op.apply(v[in.a], v[in.b])
	}
}

// backward fills adj with the adjoint ∂f/∂v of each slot, given the values
// v, running the instructions in reverse. The adjoints of the constants are
// never read: their instructions may write anything into them.
func (e *Expr) backward(v, adj []float64) {
	clear(adj)
	adj[e.out] = 1
	nc := len(e.consts)
	vars := int32(nc) // the first slot that depends on x or y
	for i := len(e.code) - 1; i >= 0; i-- {
		g := adj[nc+2+i]
		if g == 0 {
			continue
		}
		in := e.code[i]
		a, b, r := v[in.a], v[in.b], v[nc+2+i]
		switch in.op {
		case opNeg:
			adj[in.a] -= g
		case opAdd:
			adj[in.a] += g
			adj[in.b] += g
		case opSub:
			adj[in.a] += g
			adj[in.b] -= g
		case opMul:
			adj[in.a] += g * b
			adj[in.b] += g * a
		case opDiv:
			adj[in.a] += g / b
			adj[in.b] -= g * r / b
		case opPow:
			if in.a >= vars && b != 0 {
				adj[in.a] += g * b * math.Pow(a, b-1)
			}
			if in.b >= vars && !(a == 0 && b >= 0) {
				adj[in.b] += g * r * math.Log(a)
			}
		case opSin:
			adj[in.a] += g * math.Cos(a)
		case opCos:
			adj[in.a] -= g * math.Sin(a)
		case opTan:
			adj[in.a] += g * (1 + r*r)
		case opExp:
			adj[in.a] += g * r
		case opLog:
			adj[in.a] += g / a
		case opSqrt:
			adj[in.a] += g / (2 * r)
		case opAbs:
			if a > 0 {
				adj[in.a] += g
			} else if a < 0 {
				adj[in.a] -= g
			}
		case opTanh:
			c := math.Cosh(a)
			adj[in.a] += g / (c * c)
		case opSigmoid:
			adj[in.a] += g * r * sigmoid(-a)
		case opSoftplus:
			adj[in.a] += g * sigmoid(a)
		case opMin, opMax:
			switch {
			case a == b:
				adj[in.a] += g / 2
				adj[in.b] += g / 2
			case (a < b) == (in.op == opMin):
				adj[in.a] += g
			default:
				adj[in.b] += g
			}
		}
	}
}
