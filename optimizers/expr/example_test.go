package expr_test

import (
	"fmt"

	"github.com/optimplay/optimplay/optimizers/expr"
)

// Rosenbrock's function typed as a formula: its value and exact gradient,
// its canonical form and its PyTorch form; then a typing mistake.
func Example() {
	e, err := expr.Parse("(1 - x)^2 + 100*(y - x^2)^2")
	if err != nil {
		fmt.Println(err)
		return
	}
	x, grad := []float64{0, 0}, make([]float64, 2)
	e.Grad(grad, x)
	fmt.Println(e.Func(x), grad)
	fmt.Println(e)
	fmt.Println(e.Torch("x", "y"))

	_, err = expr.Parse("2x + 1")
	fmt.Println(err)
	// Output:
	// 1 [-2 0]
	// (1-x)^2+100*(y-x^2)^2
	// (1 - x) ** 2 + 100 * (y - x ** 2) ** 2
	// expected an operator after '2' at column 2; write 2*x
}
