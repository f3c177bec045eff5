//go:build !js

package e2e

import (
	"encoding/json"
	"fmt"
	"testing"

	ui "github.com/optimplay/optimplay/app"
)

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
			var res ui.BenchResult
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
