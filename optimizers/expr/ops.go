package expr

import "math"

// op is the kind of a node of the syntax tree and of an instruction.
type op uint8

// The leaves, then the operations.
const (
	opNum op = iota
	opX
	opY
	opPi
	opE
	opNeg
	opAdd
	opSub
	opMul
	opDiv
	opPow
	opSin
	opCos
	opTan
	opExp
	opLog
	opSqrt
	opAbs
	opTanh
	opSigmoid
	opSoftplus
	opMin
	opMax
)

// function describes a function of the grammar.
type function struct {
	name  string
	op    op
	arity int
	torch string // the PyTorch function; pow is written **
}

// functions lists the functions in the order of the documentation, which
// breaks ties between equally near suggestions.
var functions = []function{
	{"sin", opSin, 1, "torch.sin"},
	{"cos", opCos, 1, "torch.cos"},
	{"tan", opTan, 1, "torch.tan"},
	{"exp", opExp, 1, "torch.exp"},
	{"log", opLog, 1, "torch.log"},
	{"sqrt", opSqrt, 1, "torch.sqrt"},
	{"abs", opAbs, 1, "torch.abs"},
	{"tanh", opTanh, 1, "torch.tanh"},
	{"sigmoid", opSigmoid, 1, "torch.sigmoid"},
	{"softplus", opSoftplus, 1, "torch.nn.functional.softplus"},
	{"min", opMin, 2, "torch.minimum"},
	{"max", opMax, 2, "torch.maximum"},
	{"pow", opPow, 2, ""},
}

// lookupFunc returns the function of that name, or nil.
func lookupFunc(name string) *function {
	for i := range functions {
		if functions[i].name == name {
			return &functions[i]
		}
	}
	return nil
}

// valueNames names the variables and constants opX, opY, opPi and opE, in
// the order of the documentation, which breaks ties between equally near
// suggestions.
var valueNames = []string{"x", "y", "pi", "e"}

// apply returns the value of the operation o on a (and b if it is binary).
// Func and the constant folding of the compiler both use it, so a folded
// constant is the value the instructions would have computed.
func (o op) apply(a, b float64) float64 {
	switch o {
	case opNeg:
		return -a
	case opAdd:
		return a + b
	case opSub:
		return a - b
	case opMul:
		return a * b
	case opDiv:
		return a / b
	case opPow:
		return math.Pow(a, b)
	case opSin:
		return math.Sin(a)
	case opCos:
		return math.Cos(a)
	case opTan:
		return math.Tan(a)
	case opExp:
		return math.Exp(a)
	case opLog:
		return math.Log(a)
	case opSqrt:
		return math.Sqrt(a)
	case opAbs:
		return math.Abs(a)
	case opTanh:
		return math.Tanh(a)
	case opSigmoid:
		return sigmoid(a)
	case opSoftplus:
		return softplus(a)
	case opMin:
		return min(a, b)
	case opMax:
		return max(a, b)
	}
	panic("expr: apply of a leaf")
}

// sigmoid is 1/(1 + e⁻ᵃ), 0 or 1 without overflow far from 0.
func sigmoid(a float64) float64 { return 1 / (1 + math.Exp(-a)) }

// softplus is ln(1 + eᵃ) = max(a, 0) + ln(1 + e^−|a|), in the form that
// neither overflows for large a nor loses e^a for very negative a.
func softplus(a float64) float64 { return max(a, 0) + math.Log1p(math.Exp(-math.Abs(a))) }
