package optimizers

import "math"

// The mistakes of lesson 8 ("Common mistakes") are WRONG variants of SGD
// and Adam, kept on purpose so that a scene can run each next to the
// correct rule it mirrors. They are in the registry (LookupSpec, New) but
// not in its listing (Specs); Mistakes lists them, and their Spec has
// Mirrors set. Three are wrong update rules (WrongAdamNoBias,
// WrongAdamDenom, WrongAdamEpsInside); the three others are correct rules
// fed something other than the gradient of the mean loss (WrongSGDFirst,
// WrongSGDSum, WrongAdamResidual): GradientOf says what, and the Runner
// takes it from the oracle of that Gradient. Most of them are in the
// article the project grew from, a tutorial teaching GD, SGD and Adam on
// linear regression.

// Mistake is implemented by the WRONG variants of lesson 8.
type Mistake interface {
	Optimizer
	// Correct returns the correct rule the mistake mirrors, with the same
	// hyperparameters, to be fed the true gradient.
	Correct() Optimizer
}

var (
	_ Mistake = WrongSGDFirst{}
	_ Mistake = WrongSGDSum{}
	_ Mistake = WrongAdamNoBias{}
	_ Mistake = WrongAdamDenom{}
	_ Mistake = WrongAdamEpsInside{}
	_ Mistake = WrongAdamResidual{}
)

// The gradients an oracle can compute. B is the size of the minibatch, or
// of the data set with the full batch.
const (
	// TrueGradient is the gradient of the mean loss, over the minibatch
	// when there is one: the only correct one.
	TrueGradient Gradient = iota
	// FirstSamples, WRONG, is the gradient of the mean loss over the first
	// samples of the data set, 0, …, B−1, at every step (the first sample
	// alone with the full batch) instead of over a fresh random minibatch.
	FirstSamples
	// SummedBatch, WRONG, is the sum of the samples' gradients over the
	// minibatch instead of their mean: B times the gradient.
	SummedBatch
	// MeanResidual, WRONG, is the mean residual r̄ = (1/B)·Σᵢ (ŷᵢ − yᵢ)
	// over the minibatch, in every coordinate, instead of the partial
	// derivatives of the loss.
	MeanResidual
)

// mistakes lists the WRONG variants of lesson 8 in the lesson's order.
var mistakes = []Spec{
	newMistake("wrong-sgd-first", "sgd", func() (func() Optimizer, []field) {
		o := WrongSGDFirst{LR: DefaultSGD().LR}
		return func() Optimizer { return o }, []field{num("lr", &o.LR), num("wd", &o.WeightDecay)}
	}),
	newMistake("wrong-sgd-sum", "sgd", func() (func() Optimizer, []field) {
		o := WrongSGDSum{LR: DefaultSGD().LR}
		return func() Optimizer { return o }, []field{num("lr", &o.LR), num("wd", &o.WeightDecay)}
	}),
	newMistake("wrong-adam-nobias", "adam", func() (func() Optimizer, []field) {
		o := WrongAdamNoBias(defaultAdamHyper())
		return func() Optimizer { return o }, (*adamHyper)(&o).fields()
	}),
	newMistake("wrong-adam-denom", "adam", func() (func() Optimizer, []field) {
		o := WrongAdamDenom(defaultAdamHyper())
		return func() Optimizer { return o }, (*adamHyper)(&o).fields()
	}),
	newMistake("wrong-adam-epsin", "adam", func() (func() Optimizer, []field) {
		o := WrongAdamEpsInside(defaultAdamHyper())
		return func() Optimizer { return o }, (*adamHyper)(&o).fields()
	}),
	newMistake("wrong-adam-residual", "adam", func() (func() Optimizer, []field) {
		o := WrongAdamResidual(defaultAdamHyper())
		return func() Optimizer { return o }, (*adamHyper)(&o).fields()
	}),
}

func newMistake(name, mirrors string, bind binder) Spec {
	s := newSpec(name, false, bind)
	s.Mirrors = mirrors
	build, _ := bind()
	s.Gradient = GradientOf(build())
	return s
}

// Mistakes returns the WRONG variants of lesson 8 in the lesson's order.
// Specs does not list them.
func Mistakes() []Spec { return append([]Spec(nil), mistakes...) }

// IsMistake reports whether name is one of the WRONG variants of lesson 8.
func IsMistake(name string) bool {
	s, ok := LookupSpec(name)
	return ok && s.Mirrors != ""
}

// WrongSGDFirst is WRONG on purpose (lesson 8): "stochastic" gradient
// descent that steps with the gradient of the same first sample at every
// step instead of drawing samples at random.
//
//	g_t ← ∇ℓ_{0…B−1}(x_{t−1}) + λ·x_{t−1}    WRONG: always samples 0, …, B−1
//	x_t ← x_{t−1} − γ·g_t
//
// where ∇ℓ_S is the gradient of the mean loss over the samples S and B is
// the run's minibatch size, 1 with the full batch. The correct rule (SGD,
// "sgd") uses ∇ℓ_{S_t} with a fresh random minibatch S_t at each step,
// every sample once per epoch, so that g_t is ∇f on average. This one
// minimizes the loss of samples 0, …, B−1 alone: on linreg with one sample
// the iterates move along (x₀, 1) straight to the line w·x₀ + b = y₀ (the
// lines through the first point) and stay where they meet it; the other
// points are never seen.
//
// The article the project grew from does this in its "stochastic" gradient
// descent: gradient = 2 * (neural_network.forward(X[0]) - y[0]) * X[0].
// Its gradient is the FirstSamples oracle's, so it needs a data set
// (linreg). Defaults (DefaultSGD's): γ = 1e-3, λ = 0. Vars: SGD's, "d".
type WrongSGDFirst struct {
	LR          float64 // γ, the learning rate
	WeightDecay float64 // λ, L2 penalty added to the gradient
}

// Name returns "wrong-sgd-first".
func (WrongSGDFirst) Name() string { return "wrong-sgd-first" }

// Validate reports γ < 0 or λ < 0.
func (o WrongSGDFirst) Validate() error { return validateGD(o.Name(), o.LR, o.WeightDecay) }

// Init creates the state of a run over dim parameters: SGD's.
func (o WrongSGDFirst) Init(dim int) State { return o.Correct().Init(dim) }

// LearningRate returns γ.
func (o WrongSGDFirst) LearningRate() float64 { return o.LR }

// Correct returns SGD with the same γ and λ.
func (o WrongSGDFirst) Correct() Optimizer { return SGD{LR: o.LR, WeightDecay: o.WeightDecay} }

func (WrongSGDFirst) fed() Gradient { return FirstSamples }

// WrongSGDSum is WRONG on purpose (lesson 8): SGD whose minibatch gradient
// is the sum of the samples' gradients instead of their mean.
//
//	g_t ← Σ_{i∈S_t} ∇ℓᵢ(x_{t−1}) + λ·x_{t−1}    WRONG: a sum, B times the mean
//	x_t ← x_{t−1} − γ·g_t
//
// where S_t is the run's minibatch (the same as the correct rule's with
// the same seed), or the whole data set with the full batch, and B its
// size. The correct rule (SGD, "sgd") averages:
// g_t ← (1/B)·Σ_{i∈S_t} ∇ℓᵢ(x_{t−1}) + λ·x_{t−1}. The sum makes every step B
// times too long, so the learning rates that work are B times smaller and
// change with the batch size: with the full batch and λ = 0 it diverges on
// linreg above 2/(n·λmax) instead of 2/λmax. With minibatches of one the
// sum is the mean: the mistake shows with B > 1. A loss summed over the batch
// (np.sum for np.mean, reduction="sum" in PyTorch) does this when the
// learning rate is not scaled to match. The article the project grew from
// does not reduce its per-sample gradients at all (gradient = 2 *
// (neural_network.forward(X) - y) * X); summing them is the fix of the
// shape that keeps the scale wrong.
//
// Its gradient is the SummedBatch oracle's, so it needs a data set
// (linreg). Defaults (DefaultSGD's): γ = 1e-3, λ = 0. Vars: SGD's, "d".
type WrongSGDSum struct {
	LR          float64 // γ, the learning rate
	WeightDecay float64 // λ, L2 penalty added to the gradient
}

// Name returns "wrong-sgd-sum".
func (WrongSGDSum) Name() string { return "wrong-sgd-sum" }

// Validate reports γ < 0 or λ < 0.
func (o WrongSGDSum) Validate() error { return validateGD(o.Name(), o.LR, o.WeightDecay) }

// Init creates the state of a run over dim parameters: SGD's.
func (o WrongSGDSum) Init(dim int) State { return o.Correct().Init(dim) }

// LearningRate returns γ.
func (o WrongSGDSum) LearningRate() float64 { return o.LR }

// Correct returns SGD with the same γ and λ.
func (o WrongSGDSum) Correct() Optimizer { return SGD{LR: o.LR, WeightDecay: o.WeightDecay} }

func (WrongSGDSum) fed() Gradient { return SummedBatch }

func validateGD(name string, lr, wd float64) error {
	return firstError(
		checkNonNegative(name, "lr", lr),
		checkNonNegative(name, "weight decay", wd),
	)
}

// adamHyper is the underlying type of the Adam mistakes: Adam's
// hyperparameters without AMSGrad and the bias-correction flag.
type adamHyper struct {
	LR           float64
	Beta1, Beta2 float64
	Eps          float64
	WeightDecay  float64
}

func defaultAdamHyper() adamHyper {
	a := DefaultAdam()
	return adamHyper{LR: a.LR, Beta1: a.Beta1, Beta2: a.Beta2, Eps: a.Eps, WeightDecay: a.WeightDecay}
}

// adam returns Adam with these hyperparameters and bias correction.
func (h adamHyper) adam() Adam {
	return Adam{LR: h.LR, Beta1: h.Beta1, Beta2: h.Beta2, Eps: h.Eps, WeightDecay: h.WeightDecay, BiasCorrection: true}
}

func (h *adamHyper) fields() []field {
	return []field{num("lr", &h.LR), num("b1", &h.Beta1), num("b2", &h.Beta2), num("eps", &h.Eps),
		num("wd", &h.WeightDecay)}
}

// WrongAdamNoBias is WRONG on purpose (lesson 8): Adam without its bias
// correction, m_t and v_t used raw.
//
//	g_t ← ∇f(x_{t−1}) + λ·x_{t−1}
//	m_t ← β1·m_{t−1} + (1−β1)·g_t
//	v_t ← β2·v_{t−1} + (1−β2)·g_t²
//	x_t ← x_{t−1} − γ·m_t / (√v_t + ε)      WRONG: m_t, v_t not corrected
//
// The correct rule (Adam, "adam") divides m̂_t = m_t/(1−β1^t) by √v̂_t + ε,
// with v̂_t = v_t/(1−β2^t). Starting from m_0 = v_0 = 0 biases both
// averages towards 0 in the first steps, v_t far longer than m_t (β2 is
// closer to 1), so the raw ratio is too large: the first step is
// γ·(1−β1)/√(1−β2) ≈ 3.16·γ in each coordinate with the defaults instead
// of about γ, about 6.5·γ at t = 10 and 3.2·γ at t = 100 for a constant
// gradient; the steps come back to Adam's only once t ≫ 1/(1−β2) = 1000.
//
// It is Adam with BiasCorrection off ("adam" with bias=0 in a permalink),
// under a name of its own so that lesson 8 can show it as a mistake.
// Defaults (DefaultAdam's): γ = 1e-3, β1 = 0.9, β2 = 0.999, ε = 1e-8,
// λ = 0. Vars: Adam's, with "bc1" = "bc2" = 1, "mhat" = m and "vhat" = v.
type WrongAdamNoBias struct {
	LR           float64 // γ
	Beta1, Beta2 float64 // β1, β2
	Eps          float64 // ε, outside the square root
	WeightDecay  float64 // λ, L2 added to the gradient
}

// Name returns "wrong-adam-nobias".
func (WrongAdamNoBias) Name() string { return "wrong-adam-nobias" }

// Validate reports values outside Adam's domains.
func (o WrongAdamNoBias) Validate() error { return validateAdam(o.Name(), adamHyper(o).adam()) }

// Init creates the state of a run over dim parameters.
func (o WrongAdamNoBias) Init(dim int) State {
	a := adamHyper(o).adam()
	a.BiasCorrection = false
	return newAdamState(a, false, dim)
}

// LearningRate returns γ.
func (o WrongAdamNoBias) LearningRate() float64 { return o.LR }

// Correct returns Adam with the same hyperparameters.
func (o WrongAdamNoBias) Correct() Optimizer { return adamHyper(o).adam() }

// WrongAdamDenom is WRONG on purpose (lesson 8): Adam whose update divides
// by √(1−β2^t), the root of v's bias correction, instead of by √v̂_t.
//
//	g_t ← ∇f(x_{t−1}) + λ·x_{t−1}
//	m_t ← β1·m_{t−1} + (1−β1)·g_t
//	v_t ← β2·v_{t−1} + (1−β2)·g_t²
//	m̂_t ← m_t / (1−β1^t)
//	v̂_t ← v_t / (1−β2^t)                       computed, never used
//	x_t ← x_{t−1} − γ·m̂_t / (√(1−β2^t) + ε)    WRONG: √(1−β2^t) for √v̂_t
//
// The correct rule (Adam, "adam") ends with x_t ← x_{t−1} − γ·m̂_t/(√v̂_t + ε).
// This is the Adam formula of the article the project grew from, whose last
// line reads w_{t+1} = w_t − η·m_t/(√(1 − β2^t) + ε) after m_t = m_t/(1 − β1^t).
// Without v̂_t nothing scales the step coordinate by coordinate: the rule
// is momentum (m̂_t, an average of the gradients) with the learning rate
// γ/(√(1−β2^t) + ε), which starts at γ/√(1−β2) ≈ 31.6·γ with the defaults
// and falls to γ as t grows past 1/(1−β2) = 1000 steps. Its step is
// proportional to the gradient, as in SGD, instead of about γ in each
// coordinate: it overshoots on steep slopes, crawls on flat ones, and
// changes with the scale of the loss, which Adam's step does not.
//
// The article's formula also writes m̂_t and v̂_t back into m_t and v_t, so
// that its next step would average corrected values: another mistake, which
// for a constant gradient g inflates m̂_t up to about 4000·g (at t ≈ 20 with
// β1 = 0.9) and would hide this one. This rule keeps m_t and v_t uncorrected
// between steps, as Adam does, so that the denominator is the only
// difference.
//
// Defaults (DefaultAdam's): γ = 1e-3, β1 = 0.9, β2 = 0.999, ε = 1e-8,
// λ = 0. Vars: Adam's ("m", "v", "bc1", "bc2", "mhat", "vhat", "lr_eff"),
// with "vhat" the unused v̂_t and "lr_eff" = γ/(√(1−β2^t) + ε), the same in
// every coordinate.
type WrongAdamDenom struct {
	LR           float64 // γ
	Beta1, Beta2 float64 // β1, β2
	Eps          float64 // ε, outside the square root
	WeightDecay  float64 // λ, L2 added to the gradient
}

// Name returns "wrong-adam-denom".
func (WrongAdamDenom) Name() string { return "wrong-adam-denom" }

// Validate reports values outside Adam's domains.
func (o WrongAdamDenom) Validate() error { return validateAdam(o.Name(), adamHyper(o).adam()) }

// Init creates the state of a run over dim parameters.
func (o WrongAdamDenom) Init(dim int) State {
	return &wrongAdamState{adamState: newAdamState(adamHyper(o).adam(), false, dim)}
}

// LearningRate returns γ.
func (o WrongAdamDenom) LearningRate() float64 { return o.LR }

// Correct returns Adam with the same hyperparameters.
func (o WrongAdamDenom) Correct() Optimizer { return adamHyper(o).adam() }

// WrongAdamEpsInside is WRONG on purpose (lesson 8): Adam with ε inside the
// square root.
//
//	g_t, m_t, v_t, m̂_t, v̂_t as in Adam
//	x_t ← x_{t−1} − γ·m̂_t / √(v̂_t + ε)      WRONG: ε inside the root
//
// The correct rule (Adam, "adam", as the paper and torch.optim.Adam write
// it) ends with x_t ← x_{t−1} − γ·m̂_t/(√v̂_t + ε). Inside the root, ε acts
// as √ε, 10⁴ times larger for the default 1e-8: where the gradients are
// below about √ε the step is about γ·m̂_t/√ε, momentum with the learning
// rate γ/√ε, instead of about γ in each coordinate, so the rule slows down
// where Adam does not (near a minimum, on plateaus); with a large ε, such
// as 0.1, the difference shows everywhere. (Some libraries add a constant
// inside the root on purpose, as optax's eps_root, which defaults to 0;
// putting PyTorch's ε there changes what its value means.)
//
// Defaults (DefaultAdam's): γ = 1e-3, β1 = 0.9, β2 = 0.999, ε = 1e-8,
// λ = 0. Vars: Adam's, with "lr_eff" = γ/√(v̂_t + ε).
type WrongAdamEpsInside struct {
	LR           float64 // γ
	Beta1, Beta2 float64 // β1, β2
	Eps          float64 // ε, inside the square root (WRONG)
	WeightDecay  float64 // λ, L2 added to the gradient
}

// Name returns "wrong-adam-epsin".
func (WrongAdamEpsInside) Name() string { return "wrong-adam-epsin" }

// Validate reports values outside Adam's domains.
func (o WrongAdamEpsInside) Validate() error { return validateAdam(o.Name(), adamHyper(o).adam()) }

// Init creates the state of a run over dim parameters.
func (o WrongAdamEpsInside) Init(dim int) State {
	return &wrongAdamState{adamState: newAdamState(adamHyper(o).adam(), false, dim), epsInside: true}
}

// LearningRate returns γ.
func (o WrongAdamEpsInside) LearningRate() float64 { return o.LR }

// Correct returns Adam with the same hyperparameters.
func (o WrongAdamEpsInside) Correct() Optimizer { return adamHyper(o).adam() }

// WrongAdamResidual is WRONG on purpose (lesson 8): Adam fed the mean
// residual of the regression instead of the gradient of its loss.
//
//	r̄_t ← (1/B)·Σ_{i∈S_t} (w·xᵢ + b − yᵢ)         at x_{t−1} = (w, b)
//	g_t ← (r̄_t, r̄_t) + λ·x_{t−1}                  WRONG: the residual for ∇f
//	m_t, v_t, m̂_t, v̂_t and x_t as in Adam
//
// where S_t is the run's minibatch (the same as the correct rule's with
// the same seed), or the whole data set with the full batch, and B its
// size. The correct rule (Adam, "adam") is fed the gradient of the mean
// squared error, g_t ← ((2/B)·Σ xᵢ·rᵢ, (2/B)·Σ rᵢ) + λ·x_{t−1} with
// rᵢ = w·xᵢ + b − yᵢ.
//
// The article the project grew from feeds its Adam the residual, m =
// self.beta1 * self.m + (1 - self.beta1) * (neural_network.forward(X) - y):
// without the factor 2, without the factor xᵢ of the weight's derivative,
// and without even a mean (forward(X) − y is the vector of the 100
// residuals, which turns the single weight into 100 weights). Its model
// y = w·x has no intercept; with one, the same residual stands for both
// derivatives. A line has one weight, so this rule takes the mean
// residual, and leaves out the article's other errors in the same code
// (v built from m² instead of g², m and v never kept between steps, the
// bias corrected with the number of samples instead of t), so that the
// residual is the only difference from Adam.
//
// With λ = 0 both coordinates are fed the same number, so w and b move by
// the same amount at every step: the path is a straight line of slope 1 in
// the (w, b) plane, which ends up hovering where it meets the line
// w·x̄ + b = ȳ (the mean residual is 0 there), not at the least-squares fit,
// which is only one point of that line.
//
// Its gradient is the MeanResidual oracle's, so it needs a Regression
// (linreg). Defaults (DefaultAdam's): γ = 1e-3, β1 = 0.9, β2 = 0.999,
// ε = 1e-8, λ = 0. Vars: Adam's.
type WrongAdamResidual struct {
	LR           float64 // γ
	Beta1, Beta2 float64 // β1, β2
	Eps          float64 // ε, outside the square root
	WeightDecay  float64 // λ, L2 added to the residual
}

// Name returns "wrong-adam-residual".
func (WrongAdamResidual) Name() string { return "wrong-adam-residual" }

// Validate reports values outside Adam's domains.
func (o WrongAdamResidual) Validate() error { return validateAdam(o.Name(), adamHyper(o).adam()) }

// Init creates the state of a run over dim parameters: Adam's.
func (o WrongAdamResidual) Init(dim int) State { return newAdamState(adamHyper(o).adam(), false, dim) }

// LearningRate returns γ.
func (o WrongAdamResidual) LearningRate() float64 { return o.LR }

// Correct returns Adam with the same hyperparameters.
func (o WrongAdamResidual) Correct() Optimizer { return adamHyper(o).adam() }

func (WrongAdamResidual) fed() Gradient { return MeanResidual }

// wrongAdamState is the state of WrongAdamDenom, or of WrongAdamEpsInside
// when epsInside is set: Adam's buffers with a wrong denominator.
type wrongAdamState struct {
	*adamState
	epsInside bool
}

func (s *wrongAdamState) Step(x, g []float64) {
	s.t++
	s.bc = [2]float64{1 - powInt(s.Beta1, s.t), 1 - powInt(s.Beta2, s.t)}
	for i := range x {
		gi := g[i]
		if s.WeightDecay != 0 {
			gi += s.WeightDecay * x[i]
		}
		s.m[i] = s.Beta1*s.m[i] + (1-s.Beta1)*gi
		s.v[i] = s.Beta2*s.v[i] + (1-s.Beta2)*gi*gi
		s.mhat[i] = s.m[i] / s.bc[0]
		s.vhat[i] = s.v[i] / s.bc[1]
		var denom float64
		if s.epsInside {
			denom = math.Sqrt(s.vhat[i] + s.Eps) // WRONG: ε inside the root
		} else {
			denom = math.Sqrt(s.bc[1]) + s.Eps // WRONG: √(1−β2^t) for √v̂_t
		}
		s.lrEff[i] = s.LR / denom
		x[i] -= s.LR * s.mhat[i] / denom
	}
}
