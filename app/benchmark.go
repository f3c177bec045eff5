package app

import (
	"encoding/json"
	"math"
	"slices"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
)

// benchmark is the page's benchmark mode (?bench=N): N animated
// iterations, each a step, a full frame drawn and a forced layout inside
// one animation frame, then N/2 hyperparameter changes, each recomputing
// every run and drawing the frame, as a slider drag does. The figures go
// into <pre id="bench-result"> as JSON, with the time from navigation to
// the first drawn path.
type benchmark struct {
	frames     int
	loaded     float64 // when the page's Go code started building the page
	firstPaint float64
	anim       []float64
	recompute  []float64
	result     string
}

// BenchResult is the JSON the benchmark mode writes into
// <pre id="bench-result">.
type BenchResult struct {
	Frames       int     `json:"frames"`
	Runs         int     `json:"runs"`
	Steps        int     `json:"steps"`
	FirstPaintMS float64 `json:"first_paint_ms"`
	// WasmMS is when app.wasm had been fetched, and GoMS when the Go code
	// started building the page, both from navigation.
	WasmMS    float64   `json:"wasm_fetched_ms"`
	GoMS      float64   `json:"go_start_ms"`
	Anim      BenchStat `json:"anim_ms"`
	Recompute BenchStat `json:"recompute_ms"`
	// Phases are the mean milliseconds of an animated iteration's parts:
	// the step, drawing the frame (Go), painting it into the page, and the
	// layout that follows.
	Phases BenchPhases `json:"anim_phases_ms"`
}

// BenchPhases splits an animated iteration.
type BenchPhases struct {
	Step   float64 `json:"step"`
	Frame  float64 `json:"frame"`
	Paint  float64 `json:"paint"`
	Layout float64 `json:"layout"`
}

// BenchStat summarizes durations in milliseconds.
type BenchStat struct {
	Median float64 `json:"median"`
	P95    float64 `json:"p95"`
	Max    float64 `json:"max"`
	N      int     `json:"n"`
}

func summarize(d []float64) BenchStat {
	s := slices.Sorted(slices.Values(d))
	if len(s) == 0 {
		return BenchStat{}
	}
	at := func(q float64) float64 { return s[min(len(s)-1, int(math.Ceil(q*float64(len(s))))-1)] }
	return BenchStat{Median: at(0.5), P95: at(0.95), Max: s[len(s)-1], N: len(s)}
}

func now() float64 { return app.Window().Get("performance").Call("now").Float() }

// wasmFetched returns when the download of app.wasm ended, in ms from
// navigation, from the browser's resource timing.
func wasmFetched() float64 {
	entries := app.Window().Get("performance").Call("getEntriesByType", "resource")
	for i := 0; i < entries.Length(); i++ {
		e := entries.Index(i)
		if name := e.Get("name").String(); len(name) >= 8 && name[len(name)-8:] == "app.wasm" {
			return e.Get("responseEnd").Float()
		}
	}
	return 0
}

// forceLayout makes the browser lay out the page now, so that a measured
// frame includes it.
func forceLayout() { app.Window().Get("document").Get("body").Get("offsetHeight") }

// start runs the benchmark, one iteration per animation frame.
func (b *benchmark) start(ctx app.Context, p *Playground) {
	b.firstPaint = now()
	p.mu.Lock()
	p.sess.Reset()
	lr0 := p.sess.Scene().Runs[0].Hyper["lr"]
	p.mu.Unlock()
	var tick app.Func
	i := 0
	var phases [4]float64 // step, frame, paint, layout
	tick = app.FuncOf(func(this app.Value, args []app.Value) any {
		t0 := now()
		p.mu.Lock()
		if i < b.frames {
			if p.sess.Shown() >= p.sess.End() {
				p.sess.Reset()
			}
			p.sess.StepOnce()
		} else {
			// Alternate the first run's learning rate by ±1%, as a drag does.
			lr := lr0 * (1 + 0.01*float64(i%2*2-1))
			if _, err := p.sess.SetParam(0, "lr", lr); err != nil {
				app.Log("bench:", err)
			}
			p.painter.forget()
		}
		t1 := now()
		f, _ := p.sess.Frame(p.painter.trails)
		t2 := now()
		p.painter.paint(i18n.For(p.lang), f, p.sess.End())
		t3 := now()
		p.mu.Unlock()
		forceLayout()
		d := now() - t0
		if i < b.frames {
			phases[0] += t1 - t0
			phases[1] += t2 - t1
			phases[2] += t3 - t2
			phases[3] += now() - t3
		}
		if i < b.frames {
			b.anim = append(b.anim, d)
		} else {
			b.recompute = append(b.recompute, d)
		}
		i++
		if i < b.frames+b.frames/2 {
			app.Window().Call("requestAnimationFrame", tick)
			return nil
		}
		tick.Release()
		p.mu.Lock()
		res := BenchResult{Frames: b.frames, Runs: len(p.sess.Scene().Runs), Steps: p.sess.Scene().Steps,
			FirstPaintMS: b.firstPaint, GoMS: b.loaded, WasmMS: wasmFetched(),
			Anim: summarize(b.anim), Recompute: summarize(b.recompute)}
		p.mu.Unlock()
		n := float64(len(b.anim))
		res.Phases = BenchPhases{Step: phases[0] / n, Frame: phases[1] / n, Paint: phases[2] / n, Layout: phases[3] / n}
		out, _ := json.Marshal(res)
		ctx.Dispatch(func(app.Context) { b.result = string(out) })
		return nil
	})
	app.Window().Call("requestAnimationFrame", tick)
}
