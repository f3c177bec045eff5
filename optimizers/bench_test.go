package optimizers

import "testing"

// BenchmarkStep measures one update of each optimizer, gradient included,
// on rosenbrock (ns/op is ns per step).
func BenchmarkStep(b *testing.B) {
	surf := mustSurface(b, "rosenbrock")
	for _, spec := range Specs() {
		b.Run(spec.Name, func(b *testing.B) {
			opt, err := spec.New(Hyper{"lr": 1e-4})
			if err != nil {
				b.Fatal(err)
			}
			st := opt.Init(2)
			x, g := []float64{-1.2, 1}, make([]float64, 2)
			for b.Loop() {
				surf.Grad(g, x)
				st.Step(x, g)
			}
		})
	}
}

// BenchmarkRun1000 measures a whole recorded 1000-step run on rosenbrock
// from (−1.2, 1) for each optimizer (ns/op is per run).
func BenchmarkRun1000(b *testing.B) {
	surf := mustSurface(b, "rosenbrock")
	for _, spec := range Specs() {
		b.Run(spec.Name, func(b *testing.B) {
			opt, err := spec.New(Hyper{"lr": 1e-4})
			if err != nil {
				b.Fatal(err)
			}
			cfg := Config{Surface: surf, Optimizer: opt, Start: surf.Start, Steps: 1000}
			for b.Loop() {
				tr, err := Run(cfg)
				if err != nil || tr.Steps() != 1000 {
					b.Fatalf("%v, %d steps", err, tr.Steps())
				}
			}
		})
	}
}

// BenchmarkRun1000Minibatch measures a 1000-step SGD run on linreg with
// minibatches of 10 (the stochastic path, batches recorded).
func BenchmarkRun1000Minibatch(b *testing.B) {
	surf := mustSurface(b, "linreg")
	cfg := Config{Surface: surf, Optimizer: DefaultSGD(), Start: surf.Start, Steps: 1000,
		Noise: GradientNoise{Batch: 10, Seed: 1}}
	for b.Loop() {
		if _, err := Run(cfg); err != nil {
			b.Fatal(err)
		}
	}
}
