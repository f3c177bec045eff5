package optimizers

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Random streams drawn from a run's seed, one per use, so that changing the
// noise does not change the minibatches and vice versa.
const (
	batchStream = 0xba7c4
	noiseStream = 0x9015e
)

// Oracle supplies the gradients a run steps with: exact, from a minibatch,
// or with added noise. Oracles are deterministic given their seed.
type Oracle interface {
	// Grad writes a gradient estimate at x into grad.
	Grad(grad, x []float64)
	// Batch returns the sample indices behind the latest estimate, or nil
	// when it used the whole objective. The slice is reused by the next
	// call.
	Batch() []int
}

// GradientNoise configures an oracle.
type GradientNoise struct {
	// Batch is the minibatch size on a Dataset objective; 0, or the size of
	// the data set or more, means the full batch. On other objectives a
	// positive Batch makes NewOracle fail.
	Batch int
	// Std is the standard deviation of Gaussian noise added to every
	// coordinate of the gradient; 0 means none.
	Std float64
	// Seed draws the minibatches and the noise.
	Seed uint64
}

// Stochastic reports whether the oracle would not be exact.
func (n GradientNoise) Stochastic() bool { return n.Batch > 0 || n.Std > 0 }

// NewOracle returns the oracle of obj with that noise. A minibatch needs a
// Dataset objective.
func NewOracle(obj Objective, noise GradientNoise) (Oracle, error) {
	return NewOracleOf(obj, noise, TrueGradient)
}

// NewOracleOf returns the oracle of obj with that noise that computes grad:
// the gradient (TrueGradient, as NewOracle), or one of the WRONG stand-ins
// of lesson 8 (see Gradient), which need a Dataset objective (MeanResidual
// a Regression). The noise is added to whatever grad computes, and the
// minibatches are those the true gradient would use with the same seed.
func NewOracleOf(obj Objective, noise GradientNoise, grad Gradient) (Oracle, error) {
	if noise.Batch < 0 {
		return nil, fmt.Errorf("batch = %d must not be negative", noise.Batch)
	}
	if !(noise.Std >= 0) || math.IsInf(noise.Std, 0) {
		return nil, fmt.Errorf("noise = %v must be a finite number ≥ 0", noise.Std)
	}
	var o Oracle
	var err error
	if grad == TrueGradient {
		o, err = batchOracle(obj, noise)
	} else {
		o, err = wrongOracle(obj, noise, grad)
	}
	if err != nil {
		return nil, err
	}
	if noise.Std > 0 {
		o = &noisyOracle{Oracle: o, std: noise.Std, rng: rand.New(rand.NewPCG(noise.Seed, noiseStream))}
	}
	return o, nil
}

// batchOracle returns the exact oracle of obj, or its minibatch oracle when
// noise asks for minibatches smaller than the data set.
func batchOracle(obj Objective, noise GradientNoise) (Oracle, error) {
	var o Oracle = exactOracle{obj}
	if noise.Batch > 0 {
		data, ok := obj.(Dataset)
		if !ok {
			return nil, fmt.Errorf("batch = %d needs a data set; this objective has none", noise.Batch)
		}
		if noise.Batch < data.Len() {
			o = newMinibatchOracle(data, noise.Batch, noise.Seed)
		}
	}
	return o, nil
}

// exactOracle returns the exact gradient.
type exactOracle struct{ Objective }

func (exactOracle) Batch() []int { return nil }

// minibatchOracle samples minibatches as a shuffled data loader does: each
// epoch is a fresh permutation walked in consecutive batches; a remainder
// smaller than a batch is dropped.
type minibatchOracle struct {
	data  Dataset
	rng   *rand.Rand
	perm  []int
	next  int
	batch []int
}

func newMinibatchOracle(data Dataset, size int, seed uint64) *minibatchOracle {
	o := &minibatchOracle{
		data:  data,
		rng:   rand.New(rand.NewPCG(seed, batchStream)),
		perm:  make([]int, data.Len()),
		batch: make([]int, size),
	}
	o.next = len(o.perm) // shuffle on first use
	return o
}

func (o *minibatchOracle) Grad(grad, x []float64) {
	if o.next+len(o.batch) > len(o.perm) {
		for i := range o.perm {
			o.perm[i] = i
		}
		o.rng.Shuffle(len(o.perm), func(i, j int) { o.perm[i], o.perm[j] = o.perm[j], o.perm[i] })
		o.next = 0
	}
	copy(o.batch, o.perm[o.next:])
	o.next += len(o.batch)
	o.data.BatchGrad(grad, x, o.batch)
}

func (o *minibatchOracle) Batch() []int { return o.batch }

// noisyOracle adds Gaussian noise to another oracle's gradient.
type noisyOracle struct {
	Oracle
	std    float64
	rng    *rand.Rand
	spare  float64
	hasOne bool
}

func (o *noisyOracle) Grad(grad, x []float64) {
	o.Oracle.Grad(grad, x)
	for i := range grad {
		grad[i] += o.std * o.normal()
	}
}

// normal draws a standard normal variate by Marsaglia's polar method, two
// at a time, with the portable log (rand's NormFloat64 calls math.Exp and
// math.Log, which differ between platforms in the last bit).
func (o *noisyOracle) normal() float64 {
	if o.hasOne {
		o.hasOne = false
		return o.spare
	}
	for {
		u, v := 2*o.rng.Float64()-1, 2*o.rng.Float64()-1
		if s := u*u + v*v; s > 0 && s < 1 {
			m := math.Sqrt(-2 * log(s) / s)
			o.spare, o.hasOne = v*m, true
			return u * m
		}
	}
}
