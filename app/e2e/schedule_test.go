//go:build !js

package e2e

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The learning rate in the page: schedules, the critical step on the
// slider and the sweep. Expected values come from the formulas of the
// schedules and of the stability of gradient descent and heavy-ball
// momentum on the quadratic f = ½(x² + κy²) (Hessian diag(1, κ)),
// computed here.

// cosineLR is the cosine schedule's lr_t: lrmin + (lr − lrmin)(1 + cos(πt/tmax))/2.
func cosineLR(lr, lrmin float64, t, tmax int) float64 {
	return lrmin + (lr-lrmin)*(1+math.Cos(math.Pi*float64(t)/float64(tmax)))/2
}

// chooseSched picks a schedule in run i's selector, as a user does.
func chooseSched(t *testing.T, ctx context.Context, run int, name string) {
	t.Helper()
	eval[bool](t, ctx, fmt.Sprintf(`(() => {
		const s = document.getElementById('run%d-sched');
		s.value = %q;
		s.dispatchEvent(new Event('change', {bubbles: true}));
		return true;
	})()`, run, name))
}

// TestScheduleChangesPlotAndPath chooses schedules for GD on the
// quadratic: the lr(t) plot appears and changes, its mark follows the
// step shown with that update's learning rate, the link says the
// schedule, and the path ends where the closed form of GD under the
// schedule puts it: x_T = x_0·∏(1 − lr_t), y_T = y_0·∏(1 − lr_t·κ).
func TestScheduleChangesPlotAndPath(t *testing.T) {
	const lr, steps, kappa = 0.1, 40, 10.0
	x0 := [2]float64{-4, 1.5}
	ctx := page(t, fmt.Sprintf("fn=quadratic&opt=gd&lr=%g&steps=%d&step=%d", lr, steps, steps))
	if n := eval[int](t, ctx, `document.querySelectorAll('#run0-lrplot').length`); n != 0 {
		t.Fatal("a constant learning rate has a schedule plot")
	}
	chooseSched(t, ctx, 0, "cosine")
	waitJS(t, ctx, `document.querySelector('#run0-lrplot img') !== null`)
	src := eval[string](t, ctx, `document.querySelector('#run0-lrplot img').src`)
	want := x0
	for s := range steps {
		lrS := cosineLR(lr, 0, s, steps)
		want[0] *= 1 - lrS
		want[1] *= 1 - lrS*kappa
	}
	waitJS(t, ctx, fmt.Sprintf(`document.getElementById('ro-0-step').textContent === '%d'`, steps))
	got := point(t, text(t, ctx, "ro-0-point"))
	for c := range 2 {
		// The readout shows four significant digits.
		if math.Abs(got[c]-want[c]) > 5e-4*math.Max(math.Abs(want[c]), 1e-3) {
			t.Errorf("cosine: the path ends at %v, the closed form at %v", got, want)
		}
	}
	q := settledQuery(t, ctx)
	if q.Get("sched") != "cosine" || q.Get("tmax") != strconv.Itoa(steps) || q.Get("lrmin") != "0" {
		t.Errorf("the link says sched=%q tmax=%q lrmin=%q", q.Get("sched"), q.Get("tmax"), q.Get("lrmin"))
	}
	// The mark shows the update that led to the step shown.
	now := text(t, ctx, "run0-lrnow")
	wantNow := fmt.Sprintf("Update %d: lr = %s.", steps-1, strconv.FormatFloat(cosineLR(lr, 0, steps-1, steps), 'g', 4, 64))
	if now != wantNow {
		t.Errorf("the plot's mark says %q, want %q", now, wantNow)
	}
	markAt := func() (float64, float64) {
		r := eval[[]float64](t, ctx, `(() => { const m = document.getElementById('run0-lrmark').getBoundingClientRect(),
			f = document.querySelector('#run0-lrplot img').getBoundingClientRect();
			return [(m.left + m.width/2 - f.left)/f.width, (m.top + m.height/2 - f.top)/f.height]; })()`)
		return r[0], r[1]
	}
	endX, endY := markAt()
	eval[bool](t, ctx, `document.activeElement.blur(), true`)
	do(t, ctx, chromedp.KeyEvent(kb.Home))
	waitJS(t, ctx, `document.getElementById('ro-0-step').textContent === '0'`)
	waitJS(t, ctx, fmt.Sprintf(`document.getElementById('run0-lrnow').textContent === 'Update 0: lr = %g.'`, lr))
	startX, startY := markAt()
	if !(startX < endX-0.5 && startY < endY-0.3) {
		t.Errorf("the mark moved from (%.2f, %.2f) at the end to (%.2f, %.2f) at the start: want left and up", endX, endY, startX, startY)
	}

	// Step decay: another plot, another path.
	chooseSched(t, ctx, 0, "step")
	waitJS(t, ctx, fmt.Sprintf(`document.querySelector('#run0-lrplot img').src !== %q`, src))
	q = settledQuery(t, ctx)
	every, _ := strconv.Atoi(q.Get("every"))
	gamma, _ := strconv.ParseFloat(q.Get("gamma"), 64)
	if q.Get("sched") != "step" || every < 1 || !(gamma > 0 && gamma <= 1) {
		t.Fatalf("the link says sched=%q every=%q gamma=%q", q.Get("sched"), q.Get("every"), q.Get("gamma"))
	}
	do(t, ctx, chromedp.KeyEvent(kb.End))
	waitJS(t, ctx, fmt.Sprintf(`document.getElementById('ro-0-step').textContent === '%d'`, steps))
	want = x0
	for s := range steps {
		lrS := lr * math.Pow(gamma, float64(s/every))
		want[0] *= 1 - lrS
		want[1] *= 1 - lrS*kappa
	}
	got = point(t, text(t, ctx, "ro-0-point"))
	for c := range 2 {
		if math.Abs(got[c]-want[c]) > 5e-4*math.Max(math.Abs(want[c]), 1e-3) {
			t.Errorf("step: the path ends at %v, the closed form at %v", got, want)
		}
	}
}

// tickLabelRe reads the critical tick's label, such as "2/λmax = 0.2".
var tickLabelRe = regexp.MustCompile(`= ([0-9.e+-]+)`)

// TestCriticalStepOnTheSlider checks that the learning-rate slider of GD
// on the quadratic marks 2/λmax, with λmax = κ, where the slider's thumb
// stands for that value, and heavy-ball momentum's 2(1+μ)/λmax; that a
// learning rate above it is called so; and that on Rosenbrock the mark is
// a local estimate.
func TestCriticalStepOnTheSlider(t *testing.T) {
	const kappa, mu = 10.0, 0.9
	ctx := page(t, fmt.Sprintf("fn=quadratic&kappa=%g&opt=gd,momentum&lr=0.01&mom=%g", kappa, mu))
	for run, want := range []float64{2 / kappa, 2 * (1 + mu) / kappa} {
		id := fmt.Sprintf("run%d-lr", run)
		label := text(t, ctx, id+"-mark")
		m := tickLabelRe.FindStringSubmatch(label)
		if m == nil || !strings.Contains(label, "λmax") {
			t.Fatalf("run %d: tick label %q", run, label)
		}
		if v, _ := strconv.ParseFloat(m[1], 64); math.Abs(v-want) > 1e-3*want {
			t.Errorf("run %d: the tick says %v, want %v", run, v, want)
		}
		// Where the thumb stands for the critical value: move the slider
		// there and compare the thumb's centre with the tick's.
		pos := math.Log(want/1e-5) / math.Log(10/1e-5) * 100
		thumb := eval[float64](t, ctx, fmt.Sprintf(`(() => {
			const s = document.getElementById(%q), r = s.getBoundingClientRect();
			const thumb = 16, f = %g / 100;
			return r.left + thumb/2 + (r.width - thumb) * f;
		})()`, id, pos))
		tick := eval[float64](t, ctx, fmt.Sprintf(`(() => { const r = document.getElementById(%q).getBoundingClientRect(); return r.left + r.width/2; })()`, id+"-mark"))
		if math.Abs(thumb-tick) > 1.5 {
			t.Errorf("run %d: the tick is at x = %.1f px, the thumb at %v is at %.1f px", run, tick, want, thumb)
		}
		if note := text(t, ctx, fmt.Sprintf("run%d-critical", run)); !strings.Contains(note, "diverges") || strings.Contains(note, "above it.") {
			t.Errorf("run %d: note %q", run, note)
		}
	}
	ctx = page(t, "fn=quadratic&opt=gd&lr=0.25")
	if note := text(t, ctx, "run0-critical"); !strings.Contains(note, "This run's learning rate is above it.") {
		t.Errorf("lr 0.25 > 0.2, note %q", note)
	}
	ctx = page(t, "fn=rosenbrock&opt=gd&lr=0.001")
	if label := text(t, ctx, "run0-lr-mark"); !strings.HasPrefix(label, "≈") || !strings.Contains(label, "local") {
		t.Errorf("rosenbrock tick %q: want a local estimate", label)
	}
	ctx = page(t, "fn=quadratic&opt=adam")
	if n := eval[int](t, ctx, `document.querySelectorAll('#run0-lr-mark, #run0-critical').length`); n != 0 {
		t.Error("Adam, whose stability has no closed form, has a critical tick")
	}
}

// openSweep opens the Sweep panel and waits for the sweep.
func openSweep(t *testing.T, ctx context.Context) {
	t.Helper()
	do(t, ctx, chromedp.Click(chromedp.CSS("#sweep-panel > summary")))
	waitJS(t, ctx, `document.getElementById('sweep-panel').hasAttribute('data-ms') && document.querySelector('#sweep-figure img') !== null`)
}

// sweepEdgeRe reads a divergence edge from the sweep's summary.
var sweepEdgeRe = regexp.MustCompile(`diverges from lr ([0-9.e+-]+)`)

// currentLRLine is the x, in page pixels, of the dashed line that marks
// the current learning rate on the sweep figure.
const currentLRLine = `(() => {
	const svg = document.querySelector('#sweep-current svg'), img = document.querySelector('#sweep-figure img').getBoundingClientRect();
	const d = svg.querySelector('path').getAttribute('d'), x = parseFloat(d.match(/M\s*([0-9.eE+-]+)/)[1]);
	return img.left + x / svg.viewBox.baseVal.width * img.width;
})()`

// TestSweepEdgeAndClick opens the sweep of GD and heavy-ball momentum on
// the quadratic: each divergence edge is within one grid cell above the
// theoretical one (the grid is 40 learning rates from 1e-4 to 10), the
// best learning rates are below it, "Use" gives an optimizer its best
// one, and a click on the figure sets a learning rate that the figure
// then marks where it was clicked.
func TestSweepEdgeAndClick(t *testing.T) {
	const kappa, mu = 10.0, 0.9
	ctx := page(t, "fn=quadratic&opt=gd,momentum&lr=0.001&steps=100")
	openSweep(t, ctx)
	cell := math.Pow(10, 5.0/39)
	for run, edge := range []float64{2 / kappa, 2 * (1 + mu) / kappa} {
		line := text(t, ctx, fmt.Sprintf("sweep-run%d", run))
		m := sweepEdgeRe.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("run %d: %q names no divergence edge", run, line)
		}
		got, _ := strconv.ParseFloat(strings.TrimSuffix(m[1], "."), 64)
		if !(got >= edge && got <= edge*cell*1.001) {
			t.Errorf("run %d: the edge is at %v, want within one grid cell above %v", run, got, edge)
		}
	}
	// Use: the best learning rate of momentum.
	do(t, ctx, chromedp.Click(chromedp.CSS("#sweep-run1 button.use")))
	q := settledQuery(t, ctx)
	best, _ := strconv.ParseFloat(q.Get("momentum.lr"), 64)
	if !(best > 0.001 && best < 2*(1+mu)/kappa) {
		t.Errorf("momentum's best learning rate %v: want above 0.001 and below the edge", best)
	}

	// A click: one optimizer, so the nearest curve is its.
	ctx = page(t, "fn=quadratic&opt=gd&lr=0.001&steps=100")
	openSweep(t, ctx)
	eval[bool](t, ctx, `document.getElementById('sweep-figure').scrollIntoView({block: 'center'}), true`)
	before := eval[float64](t, ctx, currentLRLine)
	box := eval[[]float64](t, ctx, `(() => { const r = document.querySelector('#sweep-figure img').getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })()`)
	x, y := box[0]+0.6*box[2], box[1]+0.5*box[3]
	do(t, ctx, chromedp.MouseClickXY(x, y))
	q = settledQuery(t, ctx)
	lr, _ := strconv.ParseFloat(q.Get("lr"), 64)
	if !(lr > 0.001) {
		t.Fatalf("a click right of the current learning rate set lr = %v", lr)
	}
	// The figure marks the new learning rate where the click was (within
	// the rounding of the learning rate to three digits).
	waitJS(t, ctx, fmt.Sprintf(`Math.abs(%s - %g) < 2`, currentLRLine, x))
	if after := eval[float64](t, ctx, currentLRLine); !(after > before) {
		t.Errorf("the current learning rate's line went from %.1f to %.1f px", before, after)
	}
}
