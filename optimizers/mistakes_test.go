package optimizers

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The expected values of these tests are derived by hand from the rules
// (the wrong ones and the correct ones), not by calling the code under
// test.

// tinyData is three points (0.5, 1), (1, 2), (2, 5): x̄ = 7/6, ȳ = 8/3,
// least squares w = 19/7, b = −1/2.
func tinyData() LinReg { return LinReg{X: []float64{0.5, 1, 2}, Y: []float64{1, 2, 5}} }

func tinySurface() Surface {
	return Surface{Objective: tinyData(), Name: "tiny", Axes: [2]string{"w", "b"}, Domain: Box{-10, 10, -10, 10}}
}

// constSurface is the plane f = g0·x + g1·y, whose gradient is (g0, g1)
// everywhere.
func constSurface(g0, g1 float64) Surface {
	return Surface{
		Objective: Func2{
			F: func(x, y float64) float64 { return g0*x + g1*y },
			G: func(float64, float64) (float64, float64) { return g0, g1 },
		},
		Name: "plane", Axes: xy, Domain: Box{-100, 100, -100, 100}, UnboundedBelow: true,
	}
}

// sumGrad is Σ_{i∈idx} ∇(w·xᵢ + b − yᵢ)², written out.
func sumGrad(d LinReg, w, b float64, idx []int32) [2]float64 {
	var g [2]float64
	for _, i := range idx {
		r := w*d.X[i] + b - d.Y[i]
		g[0] += 2 * r * d.X[i]
		g[1] += 2 * r
	}
	return g
}

func wantPoints(t *testing.T, name string, got, want [][2]float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d points %v, want %d %v", name, len(got), got, len(want), want)
	}
	for i := range want {
		if !closeTo(got[i][0], want[i][0], tol) || !closeTo(got[i][1], want[i][1], tol) {
			t.Errorf("%s: point %d = %v, want %v", name, i, got[i], want[i])
		}
	}
}

func TestMistakesRegistry(t *testing.T) {
	names := []string{"wrong-sgd-first", "wrong-sgd-sum", "wrong-adam-nobias", "wrong-adam-denom",
		"wrong-adam-epsin", "wrong-adam-residual"}
	mirrors := []string{"sgd", "sgd", "adam", "adam", "adam", "adam"}
	grads := []Gradient{FirstSamples, SummedBatch, TrueGradient, TrueGradient, TrueGradient, MeanResidual}
	var got []string
	for _, s := range Mistakes() {
		got = append(got, s.Name)
	}
	if !slices.Equal(got, names) {
		t.Fatalf("Mistakes() = %v, want %v", got, names)
	}
	for _, s := range Specs() {
		if s.Mirrors != "" || IsMistake(s.Name) || strings.HasPrefix(s.Name, "wrong") || s.Gradient != TrueGradient {
			t.Errorf("Specs() lists %+v", s)
		}
	}
	for _, name := range []string{"adam", "sgd", "gd", "nope", ""} {
		if IsMistake(name) {
			t.Errorf("IsMistake(%q)", name)
		}
	}
	for i, name := range names {
		s, ok := LookupSpec(name)
		if !ok || !IsMistake(name) || s.Mirrors != mirrors[i] || s.Gradient != grads[i] || s.FullBatch {
			t.Errorf("%s: %+v, %v", name, s, ok)
			continue
		}
		// The keys are the mirrored rule's (less its flags), with its defaults.
		wantKeys := []string{"lr", "wd"}
		if mirrors[i] == "adam" {
			wantKeys = []string{"lr", "b1", "b2", "eps", "wd"}
		}
		m, _ := LookupSpec(mirrors[i])
		if !slices.Equal(s.Keys, wantKeys) {
			t.Errorf("%s: keys %v, want %v", name, s.Keys, wantKeys)
		}
		for _, k := range s.Keys {
			if s.Defaults[k] != m.Defaults[k] {
				t.Errorf("%s: default %s = %v, %s's is %v", name, k, s.Defaults[k], m.Name, m.Defaults[k])
			}
		}
		// New builds the mistake; Correct is the mirrored rule with the same values.
		h := Hyper{"lr": 0.25, "wd": 0.125}
		if mirrors[i] == "adam" {
			h["b1"], h["b2"], h["eps"] = 0.5, 0.75, 0.0625
		}
		o, err := New(name, h)
		if err != nil {
			t.Fatal(err)
		}
		mis, ok := o.(Mistake)
		if !ok || o.Name() != name || GradientOf(o) != grads[i] {
			t.Errorf("%s: New gives %#v", name, o)
			continue
		}
		want, _ := New(mirrors[i], h)
		if !reflect.DeepEqual(mis.Correct(), want) {
			t.Errorf("%s: Correct() = %#v, want %#v", name, mis.Correct(), want)
		}
		if _, err := New(name, Hyper{"bias": 0}); err == nil {
			t.Errorf("%s takes bias", name)
		}
		if _, err := New(name, Hyper{"lr": -1}); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s with lr −1: %v", name, err)
		}
		if _, isLimiter := o.(StabilityLimiter); isLimiter {
			t.Errorf("%s claims a stability limit", name)
		}
		// Under a schedule: still fed its gradient, and it runs.
		sched := Scheduled{Optimizer: o, Schedule: ExponentialLR{Gamma: 0.5}}
		if err := sched.Validate(); err != nil || GradientOf(sched) != grads[i] {
			t.Errorf("%s scheduled: %v, %v", name, err, GradientOf(sched))
		}
		tr := mustRun(t, Config{Surface: tinySurface(), Optimizer: sched, Start: [2]float64{0, 0}, Steps: 3})
		if tr.Status.Code != Done || tr.Gradient != grads[i] {
			t.Errorf("%s scheduled: %v, fed %v", name, tr.Status, tr.Gradient)
		}
	}
}

// TestWrongSGDFirst: on the tiny data, sample 0 is (0.5, 1). From (0, 0)
// with γ = 0.1 its residual r = w/2 + b − 1 starts at −1 and the step
// −γ·2r·(0.5, 1) multiplies it by 1 − 2γ(0.25 + 1) = 0.75 at every step.
func TestWrongSGDFirst(t *testing.T) {
	surf := tinySurface()
	want := [][2]float64{{0, 0}, {0.1, 0.2}, {0.175, 0.35}, {0.23125, 0.4625}}
	for _, batch := range []int{1, 0, 3} { // one sample, the full batch, batch = n (the full batch)
		tr := mustRun(t, Config{Surface: surf, Optimizer: WrongSGDFirst{LR: 0.1}, Start: [2]float64{0, 0}, Steps: 3,
			Noise: GradientNoise{Batch: batch, Seed: 1}})
		wantPoints(t, "wrong-sgd-first", tr.Points, want, 1e-15)
		for s := 1; s <= 3; s++ {
			if b := tr.Batch(s); !slices.Equal(b, []int32{0}) {
				t.Errorf("batch %d: step %d used %v, want [0]", batch, s, b)
			}
		}
		// It was fed sample 0's gradient 2r·(x₀, 1); the record keeps ∇f too.
		if tr.Gradient != FirstSamples || tr.Grads[0] != [2]float64{-1, -2} ||
			!closeTo(tr.TrueGrads[0][0], -25.0/3, 1e-15) || !closeTo(tr.TrueGrads[0][1], -16.0/3, 1e-15) {
			t.Errorf("fed %v, grads %v, true %v", tr.Gradient, tr.Grads[0], tr.TrueGrads[0])
		}
	}
	// Minibatches of 2: always samples 0 and 1, whose mean gradient at
	// (0, 0) is (2·(0.5·(−1) + 1·(−2))/2, 2·(−1 − 2)/2) = (−2.5, −3).
	tr := mustRun(t, Config{Surface: surf, Optimizer: WrongSGDFirst{LR: 0.1}, Start: [2]float64{0, 0}, Steps: 2,
		Noise: GradientNoise{Batch: 2, Seed: 1}})
	if !closeTo(tr.Points[1][0], 0.25, 1e-15) || !closeTo(tr.Points[1][1], 0.3, 1e-15) ||
		!slices.Equal(tr.Batch(1), []int32{0, 1}) || !slices.Equal(tr.Batch(2), []int32{0, 1}) {
		t.Errorf("batch 2: %v, batches %v %v", tr.Points, tr.Batch(1), tr.Batch(2))
	}
	// It ends where its straight path along (0.5, 1) meets w/2 + b = 1:
	// s·(0.5, 1) with 0.25s + s = 1, (0.4, 0.8), far from the fit (19/7, −1/2).
	tr = mustRun(t, Config{Surface: surf, Optimizer: WrongSGDFirst{LR: 0.1}, Start: [2]float64{0, 0}, Steps: 200,
		Noise: GradientNoise{Batch: 1, Seed: 1}})
	if end := tr.Points[200]; !closeTo(end[0], 0.4, 1e-12) || !closeTo(end[1], 0.8, 1e-12) {
		t.Errorf("wrong-sgd-first ends at %v, want (0.4, 0.8)", end)
	}
	// SGD draws the samples at random: its first epoch is a permutation.
	sgd := mustRun(t, Config{Surface: surf, Optimizer: SGD{LR: 0.1}, Start: [2]float64{0, 0}, Steps: 3,
		Noise: GradientNoise{Batch: 1, Seed: 1}})
	seen := []int32{sgd.Batch(1)[0], sgd.Batch(2)[0], sgd.Batch(3)[0]}
	if slices.Sort(seen); !slices.Equal(seen, []int32{0, 1, 2}) || reflect.DeepEqual(sgd.Points, tr.Points[:4]) {
		t.Errorf("sgd used %v: %v", seen, sgd.Points)
	}
}

// TestWrongSGDSum: at (0, 0) the residuals are (−1, −2, −5), so the
// summed gradient is (2·(−0.5 − 2 − 10), 2·(−8)) = (−25, −16), three times
// the mean (−25/3, −16/3) that gd steps with.
func TestWrongSGDSum(t *testing.T) {
	surf, data := tinySurface(), tinyData()
	tr := mustRun(t, Config{Surface: surf, Optimizer: WrongSGDSum{LR: 0.01}, Start: [2]float64{0, 0}, Steps: 2})
	x1 := [2]float64{0.25, 0.16}
	g1 := sumGrad(data, x1[0], x1[1], []int32{0, 1, 2})
	want := [][2]float64{{0, 0}, x1, {x1[0] - 0.01*g1[0], x1[1] - 0.01*g1[1]}}
	wantPoints(t, "wrong-sgd-sum", tr.Points, want, 1e-15)
	if tr.Gradient != SummedBatch || tr.Batch(1) != nil || !closeTo(tr.Grads[0][0], -25, 1e-15) || !closeTo(tr.Grads[0][1], -16, 1e-15) {
		t.Errorf("full batch: fed %v, batch %v, grads %v", tr.Gradient, tr.Batch(1), tr.Grads)
	}
	gd := mustRun(t, Config{Surface: surf, Optimizer: GD{LR: 0.01}, Start: [2]float64{0, 0}, Steps: 1})
	if !closeTo(gd.Points[1][0], 0.25/3, 1e-15) || !closeTo(gd.Points[1][1], 0.16/3, 1e-15) {
		t.Errorf("gd: %v", gd.Points)
	}
	// Minibatches of 2: the same batches as sgd's, each step the sum over them.
	noise := GradientNoise{Batch: 2, Seed: 7}
	tr = mustRun(t, Config{Surface: surf, Optimizer: WrongSGDSum{LR: 0.01}, Start: [2]float64{0, 0}, Steps: 6, Noise: noise})
	sgd := mustRun(t, Config{Surface: surf, Optimizer: SGD{LR: 0.01}, Start: [2]float64{0, 0}, Steps: 6, Noise: noise})
	for s := 1; s <= 6; s++ {
		if !slices.Equal(tr.Batch(s), sgd.Batch(s)) || len(tr.Batch(s)) != 2 {
			t.Fatalf("step %d: batch %v, sgd's %v", s, tr.Batch(s), sgd.Batch(s))
		}
		p := tr.Points[s-1]
		g := sumGrad(data, p[0], p[1], tr.Batch(s))
		if w := [2]float64{p[0] - 0.01*g[0], p[1] - 0.01*g[1]}; !closeTo(tr.Points[s][0], w[0], 1e-14) || !closeTo(tr.Points[s][1], w[1], 1e-14) {
			t.Errorf("step %d: %v, want %v", s, tr.Points[s], w)
		}
	}
	// Step 1 is twice sgd's: same point, same batch, sum of 2 = 2·mean.
	if d, e := tr.Points[1][0], sgd.Points[1][0]; !closeTo(d, 2*e, 1e-15) {
		t.Errorf("first step %v, sgd's %v", d, e)
	}
	// On linreg (n = 100, λmax ≈ 2.5) lr 0.1 is stable for gd, not for
	// the sum, which steps as gd would with lr 100·0.1.
	lin := mustSurface(t, "linreg")
	if gdRun := mustRun(t, Config{Surface: lin, Optimizer: GD{LR: 0.1}, Start: lin.Start, Steps: 100}); gdRun.Status.Code != Done {
		t.Errorf("gd: %v", gdRun.Status)
	}
	div := mustRun(t, Config{Surface: lin, Optimizer: WrongSGDSum{LR: 0.1}, Start: lin.Start, Steps: 100})
	if div.Status.Code != Diverged || div.Status.StableLimitKnown() || !strings.HasPrefix(div.Status.String(), "diverged at step") {
		t.Errorf("wrong-sgd-sum: %+v", div.Status)
	}
}

// adamSteps returns the displacement of each of the first steps of
// Adam-like rules fed a constant gradient g: m_t = (1−β1^t)·g and
// v_t = (1−β2^t)·g², hence m̂_t = g and v̂_t = g².
func adamSteps(lr, b1, b2, eps, g float64, steps int, step func(t, m, v float64) float64) []float64 {
	var out []float64
	for t := 1; t <= steps; t++ {
		m := (1 - math.Pow(b1, float64(t))) * g
		v := (1 - math.Pow(b2, float64(t))) * g * g
		out = append(out, step(float64(t), m, v))
	}
	return out
}

// checkConstSteps runs o for 3 steps on the plane of gradient g from the
// origin and compares each step with want.
func checkConstSteps(t *testing.T, o Optimizer, g [2]float64, want func(c int) []float64) {
	t.Helper()
	tr := mustRun(t, Config{Surface: constSurface(g[0], g[1]), Optimizer: o, Start: [2]float64{0, 0}, Steps: 3})
	for c := range 2 {
		for s, d := range want(c) {
			if got := tr.Points[s][c] - tr.Points[s+1][c]; !closeTo(got, d, 1e-12) {
				t.Errorf("%s: step %d, coordinate %d moves %v, want %v", o.Name(), s+1, c, got, d)
			}
		}
	}
}

func TestWrongAdamNoBias(t *testing.T) {
	const lr, b1, b2, eps = 0.01, 0.9, 0.999, 1e-8
	g := [2]float64{2, -0.5}
	o := WrongAdamNoBias{LR: lr, Beta1: b1, Beta2: b2, Eps: eps}
	checkConstSteps(t, o, g, func(c int) []float64 {
		return adamSteps(lr, b1, b2, eps, g[c], 3, func(_, m, v float64) float64 { return lr * m / (math.Sqrt(v) + eps) })
	})
	// The first step is γ·(1−β1)/√(1−β2)·sign(g) ≈ 3.16·γ in each
	// coordinate; Adam's is γ·g/(|g| + ε) ≈ γ.
	tr := mustRun(t, Config{Surface: constSurface(g[0], g[1]), Optimizer: o, Start: [2]float64{0, 0}, Steps: 1})
	adam := mustRun(t, Config{Surface: constSurface(g[0], g[1]), Optimizer: o.Correct(), Start: [2]float64{0, 0}, Steps: 1})
	k := (1 - b1) / math.Sqrt(1-b2)
	for c, sign := range []float64{1, -1} {
		if d := -tr.Points[1][c]; !closeTo(d, sign*lr*k, 1e-6) || !closeTo(k, 3.1623, 1e-4) {
			t.Errorf("first step %v, want %v", d, sign*lr*k)
		}
		if d := -adam.Points[1][c]; !closeTo(d, sign*lr, 1e-8) {
			t.Errorf("adam's first step %v, want %v", d, sign*lr)
		}
	}
	// Vars: the corrections are 1, m̂ = m and v̂ = v.
	vars := map[string][]float64{}
	for _, v := range tr.Vars(1) {
		vars[v.Name] = v.Value
	}
	if vars["bc1"][0] != 1 || vars["bc2"][0] != 1 || !slices.Equal(vars["mhat"], vars["m"]) || !slices.Equal(vars["vhat"], vars["v"]) {
		t.Errorf("vars %v", vars)
	}
}

func TestWrongAdamDenom(t *testing.T) {
	const lr, b1, b2, eps = 0.01, 0.9, 0.999, 1e-8
	g := [2]float64{2, -0.5}
	o := WrongAdamDenom{LR: lr, Beta1: b1, Beta2: b2, Eps: eps}
	// m̂_t = g, and the update divides it by √(1−β2^t) + ε: a step
	// proportional to g, 31.6·γ·g at first.
	checkConstSteps(t, o, g, func(c int) []float64 {
		return adamSteps(lr, b1, b2, eps, g[c], 3, func(t, m, _ float64) float64 {
			bc2 := 1 - math.Pow(b2, t)
			return lr * (m / (1 - math.Pow(b1, t))) / (math.Sqrt(bc2) + eps)
		})
	})
	tr := mustRun(t, Config{Surface: constSurface(g[0], g[1]), Optimizer: o, Start: [2]float64{0, 0}, Steps: 1})
	if r := tr.Points[1][0] / tr.Points[1][1]; !closeTo(r, -4, 1e-12) {
		t.Errorf("the steps are not proportional to g: ratio %v", r)
	}
	vars := map[string][]float64{}
	for _, v := range tr.Vars(1) {
		vars[v.Name] = v.Value
	}
	// v̂ is computed (g²) but unused; lr_eff is γ/(√(1−β2) + ε) everywhere.
	leff := lr / (math.Sqrt(1-b2) + eps)
	if !closeTo(vars["vhat"][0], 4, 1e-12) || !closeTo(vars["vhat"][1], 0.25, 1e-12) ||
		!closeTo(vars["lr_eff"][0], leff, 1e-12) || !closeTo(vars["lr_eff"][1], leff, 1e-12) || !closeTo(leff, 0.3162, 1e-3) {
		t.Errorf("vars %v", vars)
	}
	adam := mustRun(t, Config{Surface: constSurface(g[0], g[1]), Optimizer: o.Correct(), Start: [2]float64{0, 0}, Steps: 1})
	if closeTo(adam.Points[1][0], tr.Points[1][0], 1e-3) {
		t.Errorf("same as adam: %v", adam.Points)
	}
}

func TestWrongAdamEpsInside(t *testing.T) {
	const lr, b1, b2, eps = 0.01, 0.9, 0.999, 0.25
	g := [2]float64{2, -0.5}
	o := WrongAdamEpsInside{LR: lr, Beta1: b1, Beta2: b2, Eps: eps}
	// m̂_t = g, v̂_t = g²: every step is γ·g/√(g² + ε), against Adam's
	// γ·g/(|g| + ε): 2/√4.25 against 2/2.25, −0.5/√0.5 against −0.5/0.75.
	checkConstSteps(t, o, g, func(c int) []float64 {
		d := lr * g[c] / math.Sqrt(g[c]*g[c]+eps)
		return []float64{d, d, d}
	})
	checkConstSteps(t, o.Correct(), g, func(c int) []float64 {
		d := lr * g[c] / (math.Abs(g[c]) + eps)
		return []float64{d, d, d}
	})
	tr := mustRun(t, Config{Surface: constSurface(g[0], g[1]), Optimizer: o, Start: [2]float64{0, 0}, Steps: 1})
	if !closeTo(-tr.Points[1][0], lr*2/math.Sqrt(4.25), 1e-12) || !closeTo(-tr.Points[1][1], -lr*0.5/math.Sqrt(0.5), 1e-12) {
		t.Errorf("first step %v", tr.Points[1])
	}
}

// TestWrongAdamResidual: fed r̄ = mean(w·xᵢ + b − yᵢ) in both coordinates,
// which is −8/3 at (0, 0), where ∇f = (−25/3, −16/3).
func TestWrongAdamResidual(t *testing.T) {
	const lr, b1, b2, eps = 0.1, 0.9, 0.999, 1e-8
	surf := tinySurface()
	o := WrongAdamResidual{LR: lr, Beta1: b1, Beta2: b2, Eps: eps}
	tr := mustRun(t, Config{Surface: surf, Optimizer: o, Start: [2]float64{0, 0}, Steps: 2})
	if tr.Gradient != MeanResidual || !closeTo(tr.Grads[0][0], -8.0/3, 1e-15) || tr.Grads[0][0] != tr.Grads[0][1] ||
		!closeTo(tr.TrueGrads[0][0], -25.0/3, 1e-15) || !closeTo(tr.TrueGrads[0][1], -16.0/3, 1e-15) {
		t.Errorf("fed %v: %v, true %v", tr.Gradient, tr.Grads, tr.TrueGrads)
	}
	// Adam by hand on the scalar r̄, the same in both coordinates.
	r0 := -8.0 / 3
	m1, v1 := (1-b1)*r0, (1-b2)*r0*r0
	w1 := 0 - lr*(m1/(1-b1))/(math.Sqrt(v1/(1-b2))+eps)
	r1 := w1*7/6 + w1 - 8.0/3 // w·x̄ + b − ȳ at w = b = w1
	m2, v2 := b1*m1+(1-b1)*r1, b2*v1+(1-b2)*r1*r1
	w2 := w1 - lr*(m2/(1-b1*b1))/(math.Sqrt(v2/(1-b2*b2))+eps)
	wantPoints(t, "wrong-adam-residual", tr.Points, [][2]float64{{0, 0}, {w1, w1}, {w2, w2}}, 1e-14)
	// w and b move together and end up hovering about where the diagonal
	// meets w·x̄ + b = ȳ: w = b = (8/3)/(7/6 + 1) = 16/13, far from the
	// fit (19/7, −1/2).
	tr = mustRun(t, Config{Surface: surf, Optimizer: WrongAdamResidual{LR: 0.01, Beta1: b1, Beta2: b2, Eps: eps},
		Start: [2]float64{0, 0}, Steps: 3000})
	for _, p := range tr.Points {
		if p[0] != p[1] {
			t.Fatalf("w ≠ b at %v", p)
		}
	}
	if end := tr.Points[3000]; math.Abs(end[0]-16.0/13) > 0.05 {
		t.Errorf("ends at %v, want about (16/13, 16/13)", end)
	}
	adam := mustRun(t, Config{Surface: surf, Optimizer: WrongAdamResidual{LR: 0.01, Beta1: b1, Beta2: b2, Eps: eps}.Correct(),
		Start: [2]float64{0, 0}, Steps: 3000})
	if end := adam.Points[3000]; math.Hypot(end[0]-19.0/7, end[1]+0.5) > 0.05 {
		t.Errorf("adam ends at %v, want about (19/7, −1/2)", end)
	}
	// Minibatches: those of Adam with the same seed.
	noise := GradientNoise{Batch: 2, Seed: 3}
	tr = mustRun(t, Config{Surface: surf, Optimizer: o, Start: [2]float64{0, 0}, Steps: 4, Noise: noise})
	ad := mustRun(t, Config{Surface: surf, Optimizer: o.Correct(), Start: [2]float64{0, 0}, Steps: 4, Noise: noise})
	for s := 1; s <= 4; s++ {
		b := tr.Batch(s)
		p := tr.Points[s-1]
		var r float64
		for _, i := range b {
			r += p[0]*surf.Objective.(LinReg).X[i] + p[1] - surf.Objective.(LinReg).Y[i]
		}
		r /= float64(len(b))
		if !slices.Equal(b, ad.Batch(s)) || !closeTo(tr.Grads[s-1][0], r, 1e-15) || !closeTo(tr.Grads[s-1][1], r, 1e-15) {
			t.Errorf("step %d: batch %v (adam's %v), fed %v, want %v", s, b, ad.Batch(s), tr.Grads[s-1], r)
		}
	}
}

// TestMistakesNeedData: the gradient mistakes need a data set.
func TestMistakesNeedData(t *testing.T) {
	surf := mustQuadratic(t, 10)
	for _, o := range []Optimizer{WrongSGDFirst{LR: 0.1}, WrongSGDSum{LR: 0.1}, WrongAdamResidual(defaultAdamHyper())} {
		if _, err := NewRunner(Config{Surface: surf, Optimizer: o, Start: surf.Start, Steps: 1}); err == nil {
			t.Errorf("%s runs on quadratic", o.Name())
		}
	}
	for _, o := range []Optimizer{WrongAdamNoBias(defaultAdamHyper()), WrongAdamDenom(defaultAdamHyper()), WrongAdamEpsInside(defaultAdamHyper())} {
		if _, err := NewRunner(Config{Surface: surf, Optimizer: o, Start: surf.Start, Steps: 1}); err != nil {
			t.Errorf("%s: %v", o.Name(), err)
		}
	}
	if _, err := NewOracleOf(tinyData(), GradientNoise{}, Gradient(9)); err == nil {
		t.Error("unknown gradient accepted")
	}
}

// TestMistakesDiffer runs each mistake and its correct rule on linreg with
// the same minibatches: the paths differ.
func TestMistakesDiffer(t *testing.T) {
	lin := mustSurface(t, "linreg")
	for _, s := range Mistakes() {
		o, err := s.New(Hyper{"lr": 0.05, "eps": 1e-3})
		if s.Mirrors == "sgd" {
			o, err = s.New(Hyper{"lr": 0.05})
		}
		if err != nil {
			t.Fatal(err)
		}
		noise := GradientNoise{Batch: 10, Seed: 1}
		wrong := mustRun(t, Config{Surface: lin, Optimizer: o, Start: lin.Start, Steps: 50, Noise: noise})
		right := mustRun(t, Config{Surface: lin, Optimizer: o.(Mistake).Correct(), Start: lin.Start, Steps: 50, Noise: noise})
		if right.Status.Code != Done || reflect.DeepEqual(wrong.Points, right.Points) {
			t.Errorf("%s: %v vs %v, same path %v", s.Name, wrong.Status, right.Status, reflect.DeepEqual(wrong.Points, right.Points))
		}
	}
}
