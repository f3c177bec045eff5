//go:build !js

package e2e

import (
	"context"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// pathLength is the total length of the path data drawn on the surface's
// overlay: it grows as the paths grow.
const pathLength = `[...document.querySelectorAll('#surface-lines path')].reduce((n, p) => n + (p.getAttribute('d') || '').length, 0)`

// number reads a readout cell as a number.
func number(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return v
}

// point reads "(x, y)".
func point(t *testing.T, s string) [2]float64 {
	t.Helper()
	var p [2]float64
	if _, err := fmt.Sscanf(s, "(%g, %g)", &p[0], &p[1]); err != nil {
		t.Fatalf("%q is not a point: %v", s, err)
	}
	return p
}

// settledQuery returns the page's query once the address has followed
// the page's state: the page replaces it within 0.3 s of a change, so it
// waits until the address has not changed for 0.8 s.
func settledQuery(t *testing.T, ctx context.Context) url.Values {
	t.Helper()
	last, since := "", time.Now()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if href := eval[string](t, ctx, `location.href`); href != last {
			last, since = href, time.Now()
		} else if time.Since(since) > 800*time.Millisecond {
			return query(t, ctx)
		}
	}
	t.Fatal("the address keeps changing")
	return nil
}

// query returns the page's current query.
func query(t *testing.T, ctx context.Context) url.Values {
	t.Helper()
	u, err := url.Parse(eval[string](t, ctx, `location.href`))
	if err != nil {
		t.Fatal(err)
	}
	return u.Query()
}

// TestPlay presses play and checks that the path grows and the loss falls.
func TestPlay(t *testing.T) {
	ctx := page(t, "fn=rosenbrock&opt=adam&lr=0.05&steps=120")
	if got := text(t, ctx, "step-counter"); got != "step 0 of 120" {
		t.Errorf("counter %q", got)
	}
	loss0 := number(t, text(t, ctx, "ro-0-loss"))
	if loss0 != 24.2 {
		t.Errorf("loss at (−1.2, 1) is %v, want 24.2", loss0)
	}
	len0 := eval[int](t, ctx, pathLength)
	do(t, ctx, chromedp.Click(chromedp.ID("play")))
	waitJS(t, ctx, `+document.getElementById('ro-0-step').textContent >= 60`)
	if got := eval[string](t, ctx, `document.getElementById('play').getAttribute('aria-pressed')`); got != "true" {
		t.Errorf("play button aria-pressed = %q while playing", got)
	}
	if l := eval[int](t, ctx, pathLength); l <= len0 {
		t.Errorf("path data %d long after playing, %d before", l, len0)
	}
	if loss := number(t, text(t, ctx, "ro-0-loss")); !(loss < loss0/2) {
		t.Errorf("loss %v after 60 steps, %v at the start", loss, loss0)
	}
	waitJS(t, ctx, `document.getElementById('step-counter').textContent === 'step 120 of 120'`)
	waitJS(t, ctx, `document.getElementById('play').textContent === 'Play'`)
	if s := text(t, ctx, "ro-0-status"); s != "done" {
		t.Errorf("status %q at the end", s)
	}
}

// TestSliderRecomputes moves the learning-rate slider, with the keyboard
// and by typing, and checks the path is recomputed at the shown step.
func TestSliderRecomputes(t *testing.T) {
	ctx := page(t, "fn=rosenbrock&opt=adam&lr=0.01&steps=100")
	for range 40 {
		do(t, ctx, chromedp.Click(chromedp.ID("step")))
	}
	waitJS(t, ctx, `document.getElementById('ro-0-step').textContent === '40'`)
	before := text(t, ctx, "ro-0-point")
	paths := eval[string](t, ctx, `document.getElementById('surface-lines').innerHTML`)
	// Ten presses of → on the focused log-scale slider: lr × 10^(6/1000·10).
	do(t, ctx, chromedp.Focus(chromedp.ID("run0-lr")))
	for range 10 {
		do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
	}
	lr := number(t, settledQuery(t, ctx).Get("lr"))
	if want := 0.01 * math.Pow(10, 6.0*10/1000); math.Abs(lr-want) > 0.001*want {
		t.Errorf("lr after 10 presses = %v, want %.4g", lr, want)
	}
	waitJS(t, ctx, fmt.Sprintf(`document.getElementById('ro-0-point').textContent !== %q`, before))
	if got := text(t, ctx, "ro-0-step"); got != "40" {
		t.Errorf("shown step %s after the change, want 40 (no reset)", got)
	}
	if after := eval[string](t, ctx, `document.getElementById('surface-lines').innerHTML`); after == paths {
		t.Error("the path was not redrawn")
	}
	// Typing an exact value.
	do(t, ctx,
		chromedp.SetValue(chromedp.ID("run0-lr-exact"), "0.002"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('run0-lr-exact').dispatchEvent(new Event('change', {bubbles: true}))`),
	)
	waitJS(t, ctx, `new URL(location.href).searchParams.get('lr') === '0.002'`)
	waitJS(t, ctx, `document.getElementById('run0-lr-exact').value === '0.002'`)
}

// TestClickMovesStart clicks the surface and checks the start follows the
// click: to the right is larger x, higher up is larger y.
func TestClickMovesStart(t *testing.T) {
	ctx := page(t, "fn=booth&opt=gd&lr=0.05&steps=50")
	click := func(fx, fy float64) [2]float64 {
		t.Helper()
		before, link := text(t, ctx, "ro-0-point"), query(t, ctx).Get("x0")
		rect := eval[[]float64](t, ctx, `(() => { const r = document.querySelector('#surface .layers').getBoundingClientRect(); return [r.left, r.top, r.width, r.height] })()`)
		do(t, ctx, chromedp.MouseClickXY(rect[0]+fx*rect[2], rect[1]+fy*rect[3]))
		waitJS(t, ctx, fmt.Sprintf(`document.getElementById('ro-0-point').textContent !== %q`, before))
		p := point(t, text(t, ctx, "ro-0-point"))
		// The address follows within a moment.
		waitJS(t, ctx, fmt.Sprintf(`(new URL(location.href).searchParams.get('x0') || '') !== %q`, link))
		x0 := strings.Split(query(t, ctx).Get("x0"), ",")
		if len(x0) != 2 || number(t, x0[0]) != p[0] || number(t, x0[1]) != p[1] {
			t.Errorf("link x0 %v, readout %v", x0, p)
		}
		return p
	}
	a := click(0.3, 0.3)
	b := click(0.7, 0.3)
	c := click(0.7, 0.7)
	if !(b[0] > a[0]+4 && math.Abs(b[1]-a[1]) < 0.01) {
		t.Errorf("clicking to the right moved the start from %v to %v", a, b)
	}
	if !(c[1] < b[1]-4 && math.Abs(c[0]-b[0]) < 0.01) {
		t.Errorf("clicking lower moved the start from %v to %v", b, c)
	}
	for _, p := range [][2]float64{a, b, c} {
		if p[0] < -10 || p[0] > 10 || p[1] < -10 || p[1] > 10 {
			t.Errorf("start %v outside booth's domain", p)
		}
	}
	if got := text(t, ctx, "ro-0-step"); got != "0" {
		t.Errorf("step %s after moving the start", got)
	}
}

// TestSwitchSurfaceAndOptimizer picks another surface and adds an
// optimizer.
func TestSwitchSurfaceAndOptimizer(t *testing.T) {
	ctx := page(t, "fn=rosenbrock&opt=adam&lr=0.05")
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('surface-select'); s.value = 'quadratic'; s.dispatchEvent(new Event('change', {bubbles: true})) })()`))
	waitJS(t, ctx, `new URL(location.href).searchParams.get('fn') === 'quadratic'`)
	// The quadratic's start (−4, 1.5): f = ½(16 + 10·2.25) = 19.25.
	waitJS(t, ctx, `document.getElementById('ro-0-loss').textContent === '19.25'`)
	if p := text(t, ctx, "ro-0-point"); p != "(-4, 1.5)" {
		t.Errorf("start %s on the quadratic", p)
	}
	do(t, ctx, chromedp.Click(chromedp.ID("pick-gd")))
	waitJS(t, ctx, `document.getElementById('ro-1-loss') !== null && document.getElementById('ro-1-loss').textContent === '19.25'`)
	waitJS(t, ctx, `new URL(location.href).searchParams.get('opt') === 'adam,gd'`)
	if n := eval[int](t, ctx, `document.querySelectorAll('.optimizer-panel').length`); n != 2 {
		t.Errorf("%d optimizer panels", n)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#run1-b1').length`); n != 0 {
		t.Error("GD shows a β1 slider")
	}
}

// TestDivergence makes GD diverge on the quadratic and checks the message
// and that no NaN reaches the page.
func TestDivergence(t *testing.T) {
	ctx := page(t, "fn=quadratic&opt=gd,adam&lr=0.1&steps=60")
	do(t, ctx,
		chromedp.SetValue(chromedp.ID("run0-lr-exact"), "0.6"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('run0-lr-exact').dispatchEvent(new Event('change', {bubbles: true}))`),
	)
	waitJS(t, ctx, `new URL(location.href).searchParams.get('gd.lr') === '0.6'`)
	do(t, ctx, chromedp.Click(chromedp.ID("play")))
	waitJS(t, ctx, `document.getElementById('run-status').textContent.includes('GD diverged at step 3')`)
	msg := text(t, ctx, "run-status")
	if !strings.Contains(msg, "lr 0.6 is above 2/λmax = 0.2") {
		t.Errorf("message %q", msg)
	}
	waitJS(t, ctx, `document.getElementById('step-counter').textContent === 'step 60 of 60'`)
	if s := text(t, ctx, "ro-0-status"); s != "diverged" {
		t.Errorf("GD status %q", s)
	}
	if s := text(t, ctx, "ro-1-status"); s != "done" {
		t.Errorf("Adam status %q", s)
	}
	body := eval[string](t, ctx, `document.body.innerText + document.getElementById('surface-lines').innerHTML + document.getElementById('loss-lines').innerHTML`)
	if strings.Contains(body, "NaN") || strings.Contains(body, "Inf") {
		t.Error("NaN or Inf on the page")
	}
}

// TestKeyboard plays with space, steps with → and resets with r.
func TestKeyboard(t *testing.T) {
	ctx := page(t, "fn=himmelblau&opt=rmsprop&lr=0.05&steps=300")
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.activeElement && document.activeElement.blur()`))
	do(t, ctx, chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowRight))
	waitJS(t, ctx, `document.getElementById('ro-0-step').textContent === '2'`)
	do(t, ctx, chromedp.KeyEvent(" "))
	waitJS(t, ctx, `+document.getElementById('ro-0-step').textContent > 10`)
	do(t, ctx, chromedp.KeyEvent(" "))
	waitJS(t, ctx, `document.getElementById('play').getAttribute('aria-pressed') === 'false'`)
	do(t, ctx, chromedp.KeyEvent("r"))
	waitJS(t, ctx, `document.getElementById('ro-0-step').textContent === '0'`)
}

// TestLinearRegressionView checks the data figure and minibatches.
func TestLinearRegressionView(t *testing.T) {
	ctx := page(t, "fn=linreg&opt=sgd&lr=0.3&batch=10&steps=40")
	if n := eval[int](t, ctx, `document.querySelectorAll('#data .background').length`); n != 1 {
		t.Fatal("no data figure")
	}
	do(t, ctx, chromedp.Click(chromedp.ID("step")))
	// The minibatch of the step is ringed: ten rings.
	waitJS(t, ctx, `document.getElementById('data-overlay').innerHTML.length > 0`)
	if !strings.Contains(eval[string](t, ctx, `document.getElementById('data-overlay').innerHTML`), "<path") {
		t.Error("no fitted line")
	}
}
