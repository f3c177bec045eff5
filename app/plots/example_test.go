package plots_test

import (
	"fmt"

	"github.com/optimplay/optimplay/app/plots"
)

// Two runs on a surface whose minimum value is 0: the log axis runs from
// the decade of the least loss, 0.002, to the decade above the largest
// start, 3.
func ExampleNewLossAxes() {
	losses := [][]float64{
		{3, 0.5, 0.002},
		{1.5, 0.9, 0.04},
	}
	a := plots.NewLossAxes(losses, 100, 0, true)
	fmt.Printf("log %v: %g to %g over %d steps\n", a.Log, a.Bottom, a.Top, a.Steps)
	// Output: log true: 0.001 to 10 over 100 steps
}
