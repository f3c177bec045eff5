package expr_test

import (
	"strings"
	"testing"
)

const rosenbrock = "(1-x)^2 + 100*(y-x^2)^2"

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		mustParse(b, rosenbrock)
	}
}

func BenchmarkFunc(b *testing.B) {
	e, x := mustParse(b, rosenbrock), []float64{-1.2, 1}
	for b.Loop() {
		e.Func(x)
	}
}

func BenchmarkGrad(b *testing.B) {
	e, x, g := mustParse(b, rosenbrock), []float64{-1.2, 1}, make([]float64, 2)
	for b.Loop() {
		e.Grad(g, x)
	}
}

// BenchmarkGradLargest times the costliest formula Parse accepts: MaxOps
// operations, half of them powers with an exponent in y.
func BenchmarkGradLargest(b *testing.B) {
	e, x, g := mustParse(b, strings.Repeat("x^y*", 250)[:999]), []float64{1.1, 0.7}, make([]float64, 2)
	for b.Loop() {
		e.Grad(g, x)
	}
}
