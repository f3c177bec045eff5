//go:build !js

package e2e

import (
	"encoding/json"
	"fmt"
	"testing"
)

// benchResult is what the page's benchmark mode writes.
type benchResult struct {
	Frames       int     `json:"frames"`
	Runs         int     `json:"runs"`
	Steps        int     `json:"steps"`
	FirstPaintMS float64 `json:"first_paint_ms"`
	WasmMS       float64 `json:"wasm_fetched_ms"`
	GoMS         float64 `json:"go_start_ms"`
	Anim         stat    `json:"anim_ms"`
	Recompute    stat    `json:"recompute_ms"`
	Phases       struct {
		Step, Frame, Paint, Layout float64
	} `json:"anim_phases_ms"`
}

type stat struct {
	Median, P95, Max float64
	N                int
}

// BenchmarkPage runs the page's benchmark mode in headless Chromium with 1
// and with 4 optimizers racing on rosenbrock for 200 steps: per animated
// iteration (a step, the full frame drawn, layout forced), per slider
// recompute (every run recomputed and drawn), and the time from navigation
// to the first drawn path. Run it with
//
//	go test -run '^$' -bench Page -benchtime 1x ./app/e2e
func BenchmarkPage(b *testing.B) {
	for _, c := range []struct {
		name, opt string
	}{
		{"1opt", "adam&lr=0.05"},
		{"4opt", "gd,momentum,rmsprop,adam&lr=0.002&adam.lr=0.05&rmsprop.lr=0.02"},
	} {
		b.Run(c.name, func(b *testing.B) {
			var res benchResult
			for b.Loop() {
				ctx := page(b, fmt.Sprintf("bench=400&fn=rosenbrock&steps=200&opt=%s", c.opt))
				waitJS(b, ctx, `document.getElementById('bench-result') !== null`)
				if err := json.Unmarshal([]byte(text(b, ctx, "bench-result")), &res); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(res.Anim.Median, "anim-median-ms")
			b.ReportMetric(res.Anim.P95, "anim-p95-ms")
			b.ReportMetric(res.Recompute.Median, "recompute-median-ms")
			b.ReportMetric(res.Recompute.P95, "recompute-p95-ms")
			b.ReportMetric(res.FirstPaintMS, "first-path-ms")
			b.ReportMetric(res.WasmMS, "wasm-fetched-ms")
			b.ReportMetric(res.GoMS, "go-start-ms")
			b.Logf("%+v", res)
		})
	}
}
