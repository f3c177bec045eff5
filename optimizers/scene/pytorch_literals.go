package scene

// Python literals and calls, as the PyTorch script writes them: numbers as
// Python reads them back exactly, lists wrapped to the line width, calls
// with their arguments.

import (
	"strings"

	"github.com/optimplay/optimplay/optimizers/expr"
)

// pyIdent returns the optimizer name as a Python identifier
// (wrong-sgd-sum: wrong_sgd_sum).
func pyIdent(name string) string { return strings.ReplaceAll(name, "-", "_") }

// pyLineWidth is the width the script's code keeps within where it can.
const pyLineWidth = 88

// pyCall is a Python call: a function and its arguments.
type pyCall struct {
	fn   string
	args []string
}

func newPyCall(fn string, args ...string) pyCall { return pyCall{fn: fn, args: args} }

// line returns the line prefix + the call, its arguments wrapped on lines
// of their own, four spaces further in, when it is too long.
func (c pyCall) line(prefix string) string {
	one := prefix + c.fn + "(" + strings.Join(c.args, ", ") + ")\n"
	if len(one) <= pyLineWidth+1 {
		return one
	}
	indent := prefix[:len(prefix)-len(strings.TrimLeft(prefix, " "))]
	var b strings.Builder
	b.WriteString(prefix + c.fn + "(")
	width := pyLineWidth
	for i, a := range c.args {
		if i > 0 {
			b.WriteString(",")
			width++
		}
		if width+len(a)+1 > pyLineWidth {
			b.WriteString("\n" + indent + "    " + a)
			width = len(indent) + 4 + len(a)
		} else {
			b.WriteString(" " + a)
			width += len(a) + 1
		}
	}
	b.WriteString("\n" + indent + ")\n")
	return b.String()
}

// pyList returns the numbers items as a Python list, on one line when
// they fit and else wrapped within pyLineWidth, four spaces in.
func pyList(items []string) string {
	one := "[" + strings.Join(items, ", ") + "]"
	if len(one) <= pyLineWidth/2 {
		return one
	}
	var b strings.Builder
	b.WriteString("[\n   ")
	line := 3
	for _, it := range items {
		if line > 3 && line+len(it)+2 > pyLineWidth {
			b.WriteString("\n   ")
			line = 3
		}
		b.WriteString(" " + it + ",")
		line += len(it) + 2
	}
	b.WriteString("\n]")
	return b.String()
}

// pyRows returns the lists rows as a Python list, one a line.
func pyRows(rows []string) string {
	if len(rows) == 0 {
		return "[]"
	}
	return "[\n    " + strings.Join(rows, ",\n    ") + ",\n]"
}

// pyFloats returns the numbers vs as a Python list on one line.
func pyFloats(vs []float64) string { return "[" + strings.Join(pyFloatItems(vs), ", ") + "]" }

func pyFloatItems(vs []float64) []string {
	items := make([]string, len(vs))
	for i, v := range vs {
		items[i] = pyFloat(v)
	}
	return items
}

// pyFloat writes the finite v as Python's repr does (expr.PythonFloat).
var pyFloat = expr.PythonFloat

// pyBool writes b as Python's True or False.
func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}
