// Package optimizers is the optimizer core of the playground: loss surfaces,
// gradient oracles, optimizers and runs, in pure Go (standard library and
// gonum numerics only) so that it compiles natively and to WebAssembly.
//
// # Conventions
//
// Every optimizer follows the algorithm box of PyTorch's torch.optim for the
// optimizer of the same name (Lion, which PyTorch does not ship, follows its
// paper). All arithmetic is float64.
//
//   - Sign: optimizers minimize. The gradient g points uphill and every rule
//     moves against it.
//   - Momentum has PyTorch's form b ← μ·b + g, x ← x − γ·b (not the
//     "v ← μ·v − γ·g" form of some papers; the two differ when γ changes).
//   - ε is added outside the square root (√v̂ + ε) in Adam, AdamW, AMSGrad,
//     NAdam, RMSprop and Adagrad, exactly as PyTorch does. Adadelta is the
//     one rule whose ε sits inside the roots (√(u+ε)/√(v+ε)), as in its
//     paper and in PyTorch.
//   - Weight decay is L2 (λ·x added to the gradient) except in AdamW and
//     Lion, where it is decoupled (x ← x − γλx).
//   - Hyperparameters are plain struct fields with explicit defaults from a
//     Default… function (PyTorch's defaults). A zero field means zero, never
//     "use the default", so β1 = 0 can be set. Validate reports values
//     outside an optimizer's mathematical domain.
//
// An Optimizer is an immutable rule; Init creates the per-run State, whose
// Step moves a point and whose Vars expose the internal buffers (m, v, m̂,
// v̂, effective step sizes, …) so a user interface can show every number of
// the update.
//
// # Mistakes
//
// Lesson 8 of the app ("Common mistakes") runs WRONG variants next to the
// correct rules they mirror: Mistakes lists them (Specs does not), and
// IsMistake, Spec.Mirrors and the Mistake interface tell them apart. The
// doc comment of each (WrongSGDFirst, WrongSGDSum, WrongAdamNoBias,
// WrongAdamDenom, WrongAdamEpsInside, WrongAdamResidual) states its wrong
// rule and the correct one. Those whose mistake is in the gradient rather
// than in the update rule are fed a wrong Gradient (GradientOf), which the
// Runner takes from their oracle (NewOracleOf) and records like any
// gradient, next to the true one.
package optimizers
