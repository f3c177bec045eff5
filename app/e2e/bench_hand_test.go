//go:build !js

package e2e

import (
	"context"
	_ "embed"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// probeJS measures the page from the browser's side; see its comment.
//
//go:embed testdata/probe.js
var probeJS string

// handRuns is the number of pages each hand-to-screen figure is pooled
// over.
const handRuns = 3

// The scenes of the hand-to-screen benchmark.
const (
	race4 = "fn=rosenbrock&opt=gd,momentum,rmsprop,adam&lr=0.002&adam.lr=0.05&rmsprop.lr=0.02"
	race8 = "fn=rosenbrock&opt=gd,momentum,nesterov,adagrad,rmsprop,adadelta,adam,nadam&lr=0.002&adam.lr=0.05&rmsprop.lr=0.02&adagrad.lr=0.5&nadam.lr=0.05"
)

// probe is what probe.js recorded.
type probe struct {
	Latency   []float64    `json:"latency"`
	Frames    []float64    `json:"frames"`
	LongTasks [][2]float64 `json:"longTasks"`
	Answered  float64      `json:"answered"`
	Inputs    int          `json:"inputs"`
	Pending   int          `json:"pending"`
}

// readProbe returns what the probe has recorded so far.
func readProbe(tb testing.TB, ctx context.Context) probe {
	tb.Helper()
	return eval[probe](tb, ctx, `({...window.__probe, pending: window.__probe.pendingCount()})`)
}

// probedTab opens a tab with the probe in every document, in a new
// browser context (empty caches, no service worker) when fresh is set.
func probedTab(tb testing.TB, fresh bool) context.Context {
	tb.Helper()
	if skipReason != "" {
		tb.Skip(skipReason)
	}
	var opts []chromedp.ContextOption
	if fresh {
		opts = append(opts, chromedp.WithNewBrowserContext())
	}
	ctx, cancel := chromedp.NewContext(chrome, opts...)
	tb.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, 5*time.Minute)
	tb.Cleanup(cancelTimeout)
	if _, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument,
		cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: probeJS}); err != nil {
		tb.Fatal(err)
	}
	return ctx
}

// probedPage opens the app with query in a probed tab and waits until it
// has drawn its paths and has had no long task for half a second, as a
// page is when a hand reaches for a control.
func probedPage(tb testing.TB, base, query string) context.Context {
	tb.Helper()
	ctx := probedTab(tb, false)
	do(tb, ctx, chromedp.Navigate(base+"/?"+query))
	waitJS(tb, ctx, `document.querySelector('#surface-head svg') !== null`)
	waitJS(tb, ctx, `window.__probe.quiet() > 500`)
	return ctx
}

// quantile returns the q-quantile of d (nearest rank).
func quantile(d []float64, q float64) float64 {
	if len(d) == 0 {
		return math.NaN()
	}
	s := slices.Sorted(slices.Values(d))
	return s[min(len(s)-1, max(0, int(math.Ceil(q*float64(len(s))))-1))]
}

// report puts the median and p95 of samples into the benchmark's output
// under name, with the number of samples in the log.
func report(b *testing.B, name string, samples []float64) {
	b.Helper()
	b.ReportMetric(quantile(samples, 0.5), name+"-p50-ms")
	b.ReportMetric(quantile(samples, 0.95), name+"-p95-ms")
	b.Logf("%s: n=%d median %.1f ms, p95 %.1f ms, max %.1f ms", name, len(samples),
		quantile(samples, 0.5), quantile(samples, 0.95), quantile(samples, 1))
}

// settle waits until every recorded input has been shown.
func settle(tb testing.TB, ctx context.Context) {
	tb.Helper()
	waitJS(tb, ctx, `window.__probe.pendingCount() === 0`)
	time.Sleep(100 * time.Millisecond)
}

// listenTo makes the probe time the events of kind ("input" or
// "change") from now on, and forget what it has timed.
func listenTo(tb testing.TB, ctx context.Context, kind string) {
	tb.Helper()
	eval[bool](tb, ctx, fmt.Sprintf(`window.__probe.listen(%q), true`, kind))
}

// dragSlider drags the thumb of the range input id as a hand does: press
// on the track at 30%%, then moves of 2 px, one per 60 Hz frame, right and
// back, then release.
func dragSlider(tb testing.TB, ctx context.Context, id string, moves int) {
	tb.Helper()
	r := eval[[]float64](tb, ctx, fmt.Sprintf(`(() => { const e = document.getElementById(%q); e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect(); return [r.left, r.top, r.width, r.height] })()`, id))
	x, y := r[0]+0.3*r[2], r[1]+r[3]/2
	mouse := func(typ input.DispatchMouseEventType, x float64) {
		p := input.DispatchMouseEventParams{Type: typ, X: x, Y: y, Button: input.MouseButtonLeft, Buttons: 1, ClickCount: 1}
		if _, err := chromedp.Call(ctx, input.DispatchMouseEvent, p); err != nil {
			tb.Fatal(err)
		}
	}
	mouse(chromedp.MousePressed, x)
	next := time.Now()
	for i := range moves {
		next = next.Add(time.Second / 60)
		time.Sleep(time.Until(next))
		if now := time.Now(); now.After(next) {
			next = now // a slow page slows the hand, as a real one does
		}
		if i < moves/2 {
			x += 2
		} else {
			x -= 2
		}
		mouse(chromedp.MouseMoved, x)
	}
	mouse(chromedp.MouseReleased, x)
}

// BenchmarkHand measures the page as a user's hand feels it, from the
// browser's side (probe.js), on handRuns pages per figure:
//
//   - slider: a drag of a learning-rate slider, from each input event to
//     the next animation frame after the figures changed, with
//     4 optimizers × 200 steps and with 8 optimizers × 10 000 steps
//     shown at the last step;
//   - typing: a value typed into a number field and committed with Enter,
//     from the change event to the next frame (8 × 10 000);
//   - load: from navigation, on a first visit (new browser context) and a
//     later one (the service worker and the caches ready), the first
//     contentful paint, the end of the last long task, the longest task
//     after the first paint, and the first click on Step the page answers;
//   - anim: the cadence of animation frames while 8 optimizers × 2000 steps
//     play at 200 steps per second, as the page opens and with the Math
//     panel scrolled into view (it then follows the animation four
//     times a second).
//
// Run it with make bench-browser, on an otherwise idle machine.
func BenchmarkHand(b *testing.B) {
	b.Run("slider-4x200", func(b *testing.B) { benchSlider(b, race4+"&steps=200&step=200", 90) })
	b.Run("slider-8x10000", func(b *testing.B) { benchSlider(b, race8+"&steps=10000&step=10000", 60) })
	b.Run("typing-8x10000", func(b *testing.B) { benchTyping(b, race8+"&steps=10000&step=10000", 15) })
	b.Run("load", benchLoad)
	b.Run("anim-8x2000", func(b *testing.B) { benchAnim(b, false) })
	b.Run("anim-8x2000-math-in-view", func(b *testing.B) { benchAnim(b, true) })
	b.Run("sweep-4x40x200", benchSweep)
}

// sweepWatch records, for benchSweep, the timestamp of the click that
// opens the Sweep panel and the first animation frame after its figure
// appeared.
const sweepWatch = `(() => {
	const w = window.__sweep = {click: 0, shown: 0};
	addEventListener('click', (e) => { if (e.isTrusted && e.target.closest('#sweep-panel > summary')) w.click = e.timeStamp; }, true);
	new MutationObserver(() => {
		if (w.click && !w.seen && document.querySelector('#sweep-figure img')) {
			w.seen = true;
			requestAnimationFrame((t) => { w.shown = t; });
		}
	}).observe(document.body, {subtree: true, childList: true});
	return true;
})()`

// benchSweep opens the Sweep panel of 4 optimizers × 200 steps (40
// learning rates, the default grid) with a click, and times it from the
// click to the frame that shows the figure, with the page's own timer of
// the computation (data-ms), the longest task meanwhile (of those over
// 50 ms) and the longest interval between animation frames: the sweep is
// computed in chunks, so that the page keeps answering and painting.
func benchSweep(b *testing.B) {
	var shown, computed, longest, gaps []float64
	for b.Loop() {
		for range 2 * handRuns {
			ctx := probedPage(b, serverURL, race4+"&steps=200")
			eval[bool](b, ctx, sweepWatch)
			eval[bool](b, ctx, `window.__probe.frames = [], window.__probe.recording = true`)
			at := eval[[]float64](b, ctx, `(() => { const e = document.querySelector('#sweep-panel > summary'); e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect(); return [r.left + 20, r.top + r.height / 2] })()`)
			do(b, ctx, chromedp.MouseClickXY(at[0], at[1]))
			waitJS(b, ctx, `window.__sweep.shown > 0 && document.getElementById('sweep-panel').hasAttribute('data-ms')`)
			click, end := eval[float64](b, ctx, `window.__sweep.click`), eval[float64](b, ctx, `window.__sweep.shown`)
			shown = append(shown, end-click)
			computed = append(computed, eval[float64](b, ctx, `+document.getElementById('sweep-panel').dataset.ms`))
			eval[bool](b, ctx, `!(window.__probe.recording = false)`)
			p := readProbe(b, ctx)
			task := 0.0
			for _, t := range p.LongTasks {
				if t[0]+t[1] > click && t[0] < end {
					task = max(task, t[1])
				}
			}
			longest = append(longest, task)
			gap := 0.0
			for i := 1; i < len(p.Frames); i++ {
				if p.Frames[i] > click && p.Frames[i-1] < end {
					gap = max(gap, p.Frames[i]-p.Frames[i-1])
				}
			}
			gaps = append(gaps, gap)
		}
	}
	report(b, "click-to-figure", shown)
	report(b, "computed", computed)
	report(b, "longest-task", longest)
	report(b, "longest-frame-interval", gaps)
}

func benchSlider(b *testing.B, query string, moves int) {
	report(b, "input-to-frame", onPages(b, query, "input", func(ctx context.Context) int {
		dragSlider(b, ctx, "run0-lr", moves)
		return moves / 2 // at least: a move can fall on the slider's last value
	}))
}

func benchTyping(b *testing.B, query string, values int) {
	report(b, "change-to-frame", onPages(b, query, "change", func(ctx context.Context) int {
		for i := range values {
			v := fmt.Sprintf("0.00%d", 15+i%2*10+i)
			eval[bool](b, ctx, `(() => { const e = document.getElementById('run0-lr-exact'); e.scrollIntoView({block: 'center'}); e.focus(); e.select(); return true })()`)
			if _, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: v}); err != nil {
				b.Fatal(err)
			}
			do(b, ctx, chromedp.KeyEvent(kb.Enter))
			waitJS(b, ctx, fmt.Sprintf(`window.__probe.latency.length === %d`, i+1))
		}
		return values
	}))
}

// onPages opens handRuns pages of query and on each, once it is idle,
// times the events of kind while hand acts, which returns how many
// events it made at least; it returns the latencies of every page, one
// per event.
func onPages(b *testing.B, query, kind string, hand func(ctx context.Context) int) []float64 {
	var all []float64
	for b.Loop() {
		for range handRuns {
			ctx := probedPage(b, serverURL, query)
			listenTo(b, ctx, kind)
			least := hand(ctx)
			settle(b, ctx)
			p := readProbe(b, ctx)
			if len(p.Latency) != p.Inputs || p.Inputs < least {
				b.Fatalf("%d %s events, %d shown, %d made at least", p.Inputs, kind, len(p.Latency), least)
			}
			all = append(all, p.Latency...)
		}
	}
	return all
}

// loadFigures are the figures of one page load, in ms from navigation.
type loadFigures struct {
	fcp, lastLongTaskEnd, longestAfterFCP, answered float64
}

// measureLoad navigates the tab to the app and clicks Step every 50 ms
// until the page answers.
func measureLoad(tb testing.TB, ctx context.Context, url string) loadFigures {
	tb.Helper()
	do(tb, ctx, chromedp.Navigate("about:blank"))
	// Navigate without waiting for the load event: the hand does not.
	if _, err := chromedp.Call(ctx, cdppage.Navigate, cdppage.NavigateParams{URL: url}); err != nil {
		tb.Fatal(err)
	}
	// The button moves while the page loads (its styles arrive, go-app
	// renders): find it before each click.
	stepButton := `(() => { const e = location.href.startsWith('http') && document.getElementById('step'); if (!e) return []; const r = e.getBoundingClientRect(); return r.width > 0 ? [r.left + r.width / 2, r.top + r.height / 2] : [] })()`
	deadline := time.Now().Add(60 * time.Second)
	for {
		if time.Now().After(deadline) {
			tb.Fatal("the page never answered a click")
		}
		at, _ := chromedp.Run(ctx, chromedp.Evaluate[[]float64](stepButton))
		if len(at) == 2 {
			do(tb, ctx, chromedp.MouseClickXY(at[0], at[1]))
			if eval[float64](tb, ctx, `window.__probe.answered`) > 0 {
				break
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(time.Second) // any long task still running ends
	p := readProbe(tb, ctx)
	f := loadFigures{answered: p.Answered, fcp: eval[float64](tb, ctx,
		`(performance.getEntriesByName('first-contentful-paint')[0] || {startTime: 0}).startTime`)}
	for _, t := range p.LongTasks {
		f.lastLongTaskEnd = max(f.lastLongTaskEnd, t[0]+t[1])
		if t[0]+t[1] > f.fcp {
			f.longestAfterFCP = max(f.longestAfterFCP, t[1])
		}
	}
	return f
}

func benchLoad(b *testing.B) {
	url := serverURL + "/?" + race4 + "&steps=200"
	var first, later [4][]float64
	add := func(to *[4][]float64, f loadFigures) {
		for i, v := range []float64{f.fcp, f.lastLongTaskEnd, f.longestAfterFCP, f.answered} {
			to[i] = append(to[i], v)
		}
	}
	for b.Loop() {
		for range handRuns {
			ctx := probedTab(b, true)
			add(&first, measureLoad(b, ctx, url))
			// The service worker has the app cached once its cache lists
			// app.wasm; the next visit is a later one.
			waitJS(b, ctx, `(window.__cached = window.__cached || caches.keys().then(ks => Promise.all(ks.map(k => caches.open(k).then(c => c.keys())))).then(ls => ls.flat().some(r => r.url.endsWith('/web/app.wasm')))), window.__cached === true || (window.__cached.then(v => window.__cached = v), false)`)
			add(&later, measureLoad(b, ctx, url))
		}
	}
	for _, visit := range []struct {
		name string
		figs [4][]float64
	}{{"first", first}, {"later", later}} {
		for i, name := range []string{"fcp", "last-long-task-end", "longest-task-after-fcp", "click-answered"} {
			report(b, visit.name+"-"+name, visit.figs[i])
		}
	}
}

// benchAnim plays 8 optimizers × 2000 steps; with the Math panel in
// view (scrolled to it) or not (the page as it opens).
func benchAnim(b *testing.B, mathInView bool) {
	var intervals []float64
	var fps []float64
	for b.Loop() {
		for range handRuns {
			ctx := probedPage(b, serverURL, race8+"&steps=2000&speed=200")
			if mathInView {
				eval[bool](b, ctx, `document.getElementById('math-panel').scrollIntoView(), true`)
			}
			eval[bool](b, ctx, `window.__probe.recording = true`)
			do(b, ctx, chromedp.Click(chromedp.ID("play")))
			waitJS(b, ctx, `document.getElementById('step-counter').textContent === 'step 2000 of 2000'`)
			eval[bool](b, ctx, `!(window.__probe.recording = false)`)
			frames := readProbe(b, ctx).Frames
			if len(frames) < 100 {
				b.Fatalf("%d frames recorded", len(frames))
			}
			for i := 1; i < len(frames); i++ {
				intervals = append(intervals, frames[i]-frames[i-1])
			}
			fps = append(fps, float64(len(frames)-1)/(frames[len(frames)-1]-frames[0])*1000)
		}
	}
	report(b, "frame-interval", intervals)
	b.ReportMetric(quantile(fps, 0.5), "fps-median")
	b.Logf("fps per run: %s", strings.Trim(fmt.Sprint(fps), "[]"))
}
