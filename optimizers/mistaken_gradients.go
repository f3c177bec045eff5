package optimizers

// The WRONG gradients of lesson 8's mistakes: the oracles that hand an
// optimizer the first samples, the summed minibatch or the residual
// instead of the gradient of the mean loss.

import "fmt"

// Gradient is what an oracle hands an optimizer: the gradient of the loss,
// or one of the WRONG stand-ins of lesson 8's mistakes. The zero value is
// the gradient.
type Gradient int

// String returns "gradient", "first-samples", "summed-batch" or
// "mean-residual".
func (g Gradient) String() string {
	switch g {
	case TrueGradient:
		return "gradient"
	case FirstSamples:
		return "first-samples"
	case SummedBatch:
		return "summed-batch"
	case MeanResidual:
		return "mean-residual"
	}
	return fmt.Sprintf("Gradient(%d)", int(g))
}

// Supports reports whether obj can give this gradient: every objective
// gives the true one, a Dataset FirstSamples and SummedBatch, a Regression
// MeanResidual.
func (g Gradient) Supports(obj Objective) bool {
	switch g {
	case TrueGradient:
		return true
	case FirstSamples, SummedBatch:
		_, ok := obj.(Dataset)
		return ok
	case MeanResidual:
		_, ok := obj.(Regression)
		return ok
	}
	return false
}

// Regression is a Dataset of a model fitted to samples: its residuals
// ŷᵢ − yᵢ are what the MeanResidual mistake feeds in place of the gradient.
type Regression interface {
	Dataset
	// Residual returns ŷᵢ − yᵢ, the model's prediction for sample i at the
	// parameters x minus the sample's target.
	Residual(x []float64, i int) float64
}

// GradientOf returns what o is fed: TrueGradient, except for the mistakes
// WrongSGDFirst, WrongSGDSum and WrongAdamResidual (also under a
// schedule).
func GradientOf(o Optimizer) Gradient {
	if s, ok := o.(Scheduled); ok {
		o = s.Optimizer
	}
	if m, ok := o.(misfed); ok {
		return m.fed()
	}
	return TrueGradient
}

// misfed is implemented by the mistakes fed a wrong gradient.
type misfed interface{ fed() Gradient }

// wrongOracle returns the oracle of one of the wrong gradients: the
// minibatches (or the full batch) of the true gradient with the same
// noise, over an objective that computes the wrong quantity, or the fixed
// first samples.
func wrongOracle(obj Objective, noise GradientNoise, grad Gradient) (Oracle, error) {
	switch {
	case grad != FirstSamples && grad != SummedBatch && grad != MeanResidual:
		return nil, fmt.Errorf("unknown gradient %v", grad)
	case !grad.Supports(obj) && grad == MeanResidual:
		return nil, fmt.Errorf("%v needs the residuals of a regression; this objective has none", grad)
	case !grad.Supports(obj):
		return nil, fmt.Errorf("%v needs a data set; this objective has none", grad)
	}
	switch grad {
	case FirstSamples:
		data := obj.(Dataset)
		o := &firstOracle{data: data, batch: make([]int, firstSamplesSize(data, noise))}
		for i := range o.batch {
			o.batch[i] = i
		}
		return o, nil
	case SummedBatch:
		return batchOracle(summedData{obj.(Dataset)}, noise)
	}
	return batchOracle(residualData{obj.(Regression)}, noise)
}

// firstSamplesSize is the number of samples FirstSamples uses: the
// minibatch size, or 1 with the full batch.
func firstSamplesSize(data Dataset, noise GradientNoise) int {
	if noise.Batch > 0 && noise.Batch < data.Len() {
		return noise.Batch
	}
	return 1
}

// firstOracle is the FirstSamples oracle: always the same samples.
type firstOracle struct {
	data  Dataset
	batch []int
}

func (o *firstOracle) Grad(grad, x []float64) { o.data.BatchGrad(grad, x, o.batch) }

func (o *firstOracle) Batch() []int { return o.batch }

// summedData turns the gradients of a data set into the SummedBatch
// mistake: sums over the samples instead of means.
type summedData struct{ Dataset }

func (d summedData) Grad(grad, x []float64) {
	d.Dataset.Grad(grad, x)
	n := float64(d.Len())
	for i := range grad {
		grad[i] *= n
	}
}

func (d summedData) BatchGrad(grad, x []float64, idx []int) {
	d.Dataset.BatchGrad(grad, x, idx)
	n := float64(len(idx))
	for i := range grad {
		grad[i] *= n
	}
}

// residualData turns a regression into the MeanResidual mistake: its
// "gradient" is the mean residual in every coordinate.
type residualData struct{ Regression }

func (d residualData) Grad(grad, x []float64) {
	var sum float64
	for i := range d.Len() {
		sum += d.Residual(x, i)
	}
	fill(grad, sum/float64(d.Len()))
}

func (d residualData) BatchGrad(grad, x []float64, idx []int) {
	var sum float64
	for _, i := range idx {
		sum += d.Residual(x, i)
	}
	fill(grad, sum/float64(len(idx)))
}

func fill(v []float64, a float64) {
	for i := range v {
		v[i] = a
	}
}
