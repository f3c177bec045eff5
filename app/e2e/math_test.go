//go:build !js

package e2e

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// The expected numbers of the Math panel are computed here, apart from
// the optimizer core: from the trace command's points, with gradients of
// the surfaces' formulas and the optimizers' rules as PyTorch's
// documentation states them (and Lion's paper), with their default
// hyperparameters.

// rosenbrockGrad is ∇f of f = (1 − x)² + 100·(y − x²)².
func rosenbrockGrad(p [2]float64) [2]float64 {
	x, y := p[0], p[1]
	return [2]float64{-2*(1-x) - 400*x*(y-x*x), 200 * (y - x*x)}
}

// minibatchGrad is the gradient of the mean squared error of the line
// w·x + b over the points idx of the data set.
func minibatchGrad(d *scene.TraceData, idx []int32) func([2]float64) [2]float64 {
	return func(p [2]float64) [2]float64 {
		var gw, gb float64
		for _, i := range idx {
			r := p[0]*d.X[i] + p[1] - d.Y[i]
			gw += d.X[i] * r
			gb += r
		}
		n := float64(len(idx))
		return [2]float64{2 * gw / n, 2 * gb / n}
	}
}

// reference is an optimizer's quantities after update t, by data-q name:
// per coordinate, or the same for both (scalars).
type reference map[string][2]float64

// referenceAt replays optimizer opt with learning rate lr over the
// trace's points up to update t, with the gradient grad(s, x) of update
// s at x, and returns its quantities after update t.
func referenceAt(opt string, lr float64, points [][2]float64, t int, grad func(s int, x [2]float64) [2]float64) reference {
	const (
		mu, beta1, beta2, adamEps = 0.9, 0.9, 0.999, 1e-8
		alpha, rmsEps, adagradEps = 0.99, 1e-8, 1e-10
		psi                       = 0.004
		lionB1, lionB2            = 0.9, 0.99
	)
	var m, v, vmax, b, sum, gavg [2]float64
	prod := 1.0
	ref := reference{}
	for s := 1; s <= t; s++ {
		x := points[s-1]
		g := grad(s, x)
		ref["grad"] = g
		var next [2]float64
		fs := float64(s)
		switch opt {
		case "nadam":
			muT := beta1 * (1 - 0.5*math.Pow(0.96, fs*psi))
			muNext := beta1 * (1 - 0.5*math.Pow(0.96, (fs+1)*psi))
			prod *= muT
			ref["mu"], ref["mu_next"], ref["mu_prod"] = [2]float64{muT, muT}, [2]float64{muNext, muNext}, [2]float64{prod, prod}
			for c := range 2 {
				m[c] = beta1*m[c] + (1-beta1)*g[c]
				v[c] = beta2*v[c] + (1-beta2)*g[c]*g[c]
				mhat := muNext*m[c]/(1-prod*muNext) + (1-muT)*g[c]/(1-prod)
				vhat := v[c] / (1 - math.Pow(beta2, fs))
				setAt(ref, "mhat", c, mhat)
				setAt(ref, "vhat", c, vhat)
				setAt(ref, "lr_eff", c, lr/(math.Sqrt(vhat)+adamEps))
				next[c] = x[c] - lr*mhat/(math.Sqrt(vhat)+adamEps)
			}
			ref["m"], ref["v"] = m, v
		}
		for c := range 2 {
			switch opt {
			case "gd", "sgd":
				next[c] = x[c] - lr*g[c]
			case "momentum", "nesterov":
				if s == 1 {
					b[c] = g[c]
				} else {
					b[c] = mu*b[c] + g[c]
				}
				d := b[c]
				if opt == "nesterov" {
					d = g[c] + mu*b[c]
					setAt(ref, "d", c, d)
				}
				setAt(ref, "b", c, b[c])
				next[c] = x[c] - lr*d
			case "adagrad":
				sum[c] += g[c] * g[c]
				setAt(ref, "sum", c, sum[c])
				setAt(ref, "lr_eff", c, lr/(math.Sqrt(sum[c])+adagradEps))
				next[c] = x[c] - lr*g[c]/(math.Sqrt(sum[c])+adagradEps)
			case "rmsprop": // centred
				v[c] = alpha*v[c] + (1-alpha)*g[c]*g[c]
				gavg[c] = alpha*gavg[c] + (1-alpha)*g[c]
				avg := v[c] - gavg[c]*gavg[c]
				setAt(ref, "v", c, v[c])
				setAt(ref, "gavg", c, gavg[c])
				setAt(ref, "lr_eff", c, lr/(math.Sqrt(avg)+rmsEps))
				next[c] = x[c] - lr*g[c]/(math.Sqrt(avg)+rmsEps)
			case "adam", "amsgrad":
				m[c] = beta1*m[c] + (1-beta1)*g[c]
				v[c] = beta2*v[c] + (1-beta2)*g[c]*g[c]
				second := v[c]
				if opt == "amsgrad" {
					vmax[c] = math.Max(vmax[c], v[c])
					second = vmax[c]
					setAt(ref, "vmax", c, vmax[c])
				}
				mhat, vhat := m[c]/(1-math.Pow(beta1, fs)), second/(1-math.Pow(beta2, fs))
				setAt(ref, "m", c, m[c])
				setAt(ref, "v", c, v[c])
				setAt(ref, "mhat", c, mhat)
				setAt(ref, "vhat", c, vhat)
				setAt(ref, "lr_eff", c, lr/(math.Sqrt(vhat)+adamEps))
				next[c] = x[c] - lr*mhat/(math.Sqrt(vhat)+adamEps)
			case "lion":
				cc := lionB1*m[c] + (1-lionB1)*g[c]
				setAt(ref, "c", c, cc)
				next[c] = x[c] - lr*sign(cc)
				m[c] = lionB2*m[c] + (1-lionB2)*g[c]
				setAt(ref, "m", c, m[c])
			}
		}
		ref["x"] = next
	}
	return ref
}

func setAt(r reference, name string, c int, v float64) {
	q := r[name]
	q[c] = v
	r[name] = q
}

func sign(v float64) float64 {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

// shownNumber parses a number as the Math panel writes it: "−1.204",
// "(−1.204)", "1.5·10−8".
func shownNumber(t *testing.T, s string) float64 {
	t.Helper()
	s = strings.Trim(strings.ReplaceAll(s, "−", "-"), "()")
	mant, exp, sci := strings.Cut(s, "·10")
	v, err := strconv.ParseFloat(mant, 64)
	if err != nil {
		t.Fatalf("%q is not a number as the panel writes them", s)
	}
	if sci {
		k, err := strconv.Atoi(exp)
		if err != nil {
			t.Fatalf("%q: exponent %q", s, exp)
		}
		v *= math.Pow(10, float64(k))
	}
	return v
}

// agrees reports whether the shown number is want to its four significant
// digits.
func agrees(shown, want float64) bool {
	if want == 0 {
		return shown == 0
	}
	unit := math.Pow(10, math.Floor(math.Log10(math.Abs(want)))-3)
	return math.Abs(shown-want) <= 0.5*unit*(1+1e-9)
}

// panelNumbers reads run i's numbers at coordinate coord ("0", "1" or
// "scalars"): each line's result by name, and the gradient's.
func panelNumbers(t *testing.T, ctx context.Context, i int, coord string) map[string]string {
	t.Helper()
	sel := fmt.Sprintf(`#eq-%d .eq[data-coord="%s"]`, i, coord)
	pairs := eval[[][2]string](t, ctx, fmt.Sprintf(`[...document.querySelectorAll('%s mtd.result > mrow.n, %s mrow.n[data-q="grad"]')].map(e => [e.getAttribute('data-q'), e.textContent])`, sel, sel))
	out := map[string]string{}
	for _, p := range pairs {
		if _, seen := out[p[0]]; !seen {
			out[p[0]] = p[1]
		}
	}
	return out
}

// checkPanel checks run i's numbers in the Math panel against want.
func checkPanel(t *testing.T, ctx context.Context, i int, opt string, want reference) {
	t.Helper()
	for _, coord := range []string{"0", "1"} {
		got := panelNumbers(t, ctx, i, coord)
		c, _ := strconv.Atoi(coord)
		for name, w := range want {
			if strings.HasPrefix(name, "mu") {
				continue // scalars, below
			}
			s, ok := got[name]
			if !ok {
				t.Errorf("%s: no %s at coordinate %s (panel: %v)", opt, name, coord, got)
				continue
			}
			if v := shownNumber(t, s); !agrees(v, w[c]) {
				t.Errorf("%s: %s at coordinate %s shows %s, want %.6g", opt, name, coord, s, w[c])
			}
		}
	}
	if _, ok := want["mu"]; ok {
		got := panelNumbers(t, ctx, i, "scalars")
		for _, name := range []string{"mu", "mu_next", "mu_prod"} {
			if v := shownNumber(t, got[name]); !agrees(v, want[name][0]) {
				t.Errorf("%s: %s shows %s, want %.6g", opt, name, got[name], want[name][0])
			}
		}
	}
}

// TestEquationsMatchTheCore opens fixed links and checks, for every
// optimizer, that the numbers of the Math panel at a step are the
// reference's to the four digits shown; then moves the timeline back and
// checks the earlier step's numbers, in the panel and the readout.
func TestEquationsMatchTheCore(t *testing.T) {
	lrs := map[string]float64{"gd": 0.001, "momentum": 0.001, "nesterov": 0.001, "adagrad": 0.5, "rmsprop": 0.01,
		"adam": 0.05, "amsgrad": 0.05, "nadam": 0.05, "lion": 0.01, "sgd": 0.05}
	for _, c := range []struct {
		query string
		step  int
	}{
		{"fn=rosenbrock&x0=-1.2,1&opt=gd,momentum,nesterov,adagrad,rmsprop,adam,amsgrad,nadam&lr=0.001" +
			"&adagrad.lr=0.5&rmsprop.lr=0.01&rmsprop.centered=1&adam.lr=0.05&amsgrad.lr=0.05&nadam.lr=0.05&steps=40", 17},
		{"fn=rosenbrock&x0=-1.2,1&opt=lion&lr=0.01&steps=40", 17},
		{"fn=linreg&n=50&batch=5&seed=4&opt=sgd&lr=0.05&steps=40", 17},
	} {
		t.Run("", func(t *testing.T) {
			tr := traceOf(t, c.query)
			ctx := page(t, fmt.Sprintf("%s&step=%d", c.query, c.step))
			waitJS(t, ctx, `document.querySelector('#eq-0 .eq[data-coord="0"]') !== null`)
			gradOf := func(r scene.TraceRun) func(int, [2]float64) [2]float64 {
				if tr.Data == nil {
					return func(_ int, x [2]float64) [2]float64 { return rosenbrockGrad(x) }
				}
				return func(s int, x [2]float64) [2]float64 { return minibatchGrad(tr.Data, r.Batches[s-1])(x) }
			}
			for i, r := range tr.Runs {
				checkPanel(t, ctx, i, r.Opt, referenceAt(r.Opt, lrs[r.Opt], r.Points, c.step, gradOf(r)))
			}
			// Five steps back on the timeline, with the keyboard.
			do(t, ctx, chromedp.Focus(chromedp.ID("timeline")))
			for range 5 {
				do(t, ctx, chromedp.KeyEvent(kb.ArrowLeft))
			}
			back := c.step - 5
			waitJS(t, ctx, fmt.Sprintf(`document.getElementById('ro-0-step').textContent === '%d'`, back))
			waitJS(t, ctx, fmt.Sprintf(`document.getElementById('eq-0-title').textContent.includes('update %d,')`, back))
			for i, r := range tr.Runs {
				checkPanel(t, ctx, i, r.Opt, referenceAt(r.Opt, lrs[r.Opt], r.Points, back, gradOf(r)))
				if got, want := text(t, ctx, fmt.Sprintf("ro-%d-loss", i)), formatG4(r.Loss[back]); got != want {
					t.Errorf("%s: loss %s at step %d, trace %s", r.Opt, got, back, want)
				}
			}
			if step := settledQuery(t, ctx).Get("step"); step != strconv.Itoa(back) {
				t.Errorf("the link's step is %s, want %d", step, back)
			}
		})
	}
}

// TestStateOnTheSurface checks that the vectors and glyphs of the
// optimizers' state are drawn, labelled, and explained by the legend, and
// that pointing at a term highlights its vector.
func TestStateOnTheSurface(t *testing.T) {
	ctx := page(t, "fn=linreg&n=60&batch=5&seed=2&opt=sgd,momentum,adam&lr=0.05&steps=40&step=10")
	for _, label := range []string{"run0-grad", "run0-batch", "run1-momentum", "run2-momentum", "run2-scale", "run2-g", "run2-step"} {
		if n := eval[int](t, ctx, fmt.Sprintf(`document.querySelectorAll('#surface-head g[data-vec="%s"] path').length`, label)); n == 0 {
			t.Errorf("no %s drawn", label)
		}
	}
	// A cloud of two dozen other minibatch gradients around the batch's.
	if n := eval[int](t, ctx, `document.querySelectorAll('#surface-head g[data-vec="run0-batch"] path').length`); n < 24 {
		t.Errorf("the minibatch cloud has %d paths", n)
	}
	legend := text(t, ctx, "legend-glyphs")
	for _, want := range []string{"momentum", "ellipse", "minibatch"} {
		if !strings.Contains(legend, want) {
			t.Errorf("the legend does not explain the %s: %q", want, legend)
		}
	}
	// Pointing at g_t in Adam's rule shows its gradient from the previous
	// point, hidden until then.
	if eval[string](t, ctx, `getComputedStyle(document.querySelector('#surface-head g[data-vec="run2-g"]')).opacity`) != "0" {
		t.Error("the last update's gradient is shown before its term is pointed at")
	}
	r := eval[[]float64](t, ctx, `(() => { const e = document.querySelector('#eq-2 .eq.rule [data-vec="run2-g"]'); e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2] })()`)
	do(t, ctx, chromedp.MouseEvent(chromedp.MouseMoved, r[0], r[1]))
	waitJS(t, ctx, `document.querySelector('#surface-head g[data-vec="run2-g"]').classList.contains('hl')`)
	if n := eval[int](t, ctx, `document.querySelectorAll('#eq-2 .hl[data-vec="run2-g"]').length`); n < 2 {
		t.Errorf("%d g_t terms highlighted", n)
	}
	// And the reverse: pointing at Adam's momentum on the surface
	// highlights m_t.
	r = eval[[]float64](t, ctx, `(() => { document.getElementById('surface').scrollIntoView(); const p = document.querySelector('#surface-head g[data-vec="run2-momentum"] path:last-of-type').getBoundingClientRect(); return [p.left + p.width / 2, p.top + p.height / 2] })()`)
	do(t, ctx, chromedp.MouseEvent(chromedp.MouseMoved, r[0], r[1]))
	waitJS(t, ctx, `document.querySelector('#eq-2 [data-vec="run2-momentum"]').classList.contains('hl')`)
}

// TestMathPanelAndTimeline checks the Math panel's place (in an embed only
// with show=math, folded away on request and painted again when opened)
// and the keys that move through the history.
func TestMathPanelAndTimeline(t *testing.T) {
	ctx := page(t, "fn=booth&opt=gd,adam&lr=0.05&steps=30&embed=1")
	if n := eval[int](t, ctx, `document.querySelectorAll('#equations').length`); n != 0 {
		t.Error("an embed shows the Math panel without show=math")
	}
	ctx = page(t, "fn=booth&opt=gd,adam&lr=0.05&steps=30&step=5&embed=1&show=surface,math")
	waitJS(t, ctx, `document.getElementById('eq-1-title') !== null && document.getElementById('eq-1-title').textContent.includes('update 5,')`)

	ctx = page(t, "fn=booth&opt=adam&lr=0.05&steps=30&step=5")
	key := func(k string, want int) {
		t.Helper()
		do(t, ctx, chromedp.KeyEvent(k))
		waitJS(t, ctx, fmt.Sprintf(`document.getElementById('ro-0-step').textContent === '%d' && document.getElementById('timeline').value === '%d'`, want, want))
	}
	eval[bool](t, ctx, `document.activeElement.blur(), true`)
	key(kb.ArrowLeft, 4)
	key(kb.End, 30)
	key(kb.Home, 0)
	key(kb.ArrowRight, 1)
	waitJS(t, ctx, `document.getElementById('eq-0-title').textContent.includes('update 1,')`)
	// Folded, the panel is not painted; opened, it shows the step.
	do(t, ctx, chromedp.Click(chromedp.CSS("#math-panel > summary")))
	waitJS(t, ctx, `!document.getElementById('math-panel').open`)
	key(kb.ArrowRight, 2)
	if title := text(t, ctx, "eq-0-title"); !strings.Contains(title, "update 1,") {
		t.Errorf("a folded panel was painted: %q", title)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS("#math-panel > summary")))
	waitJS(t, ctx, `document.getElementById('eq-0-title').textContent.includes('update 2,')`)
}
