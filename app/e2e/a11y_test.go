//go:build !js

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// axeSource is axe-core's script, installed from the npm registry by
// make test (make axe) at the version app/e2e/testdata/axe pins.
var axeSource = filepath.Join("testdata", "axe", "node_modules", "axe-core", "axe.min.js")

// axeViolation is a rule axe-core found broken, with the elements
// breaking it.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// checkAccessible injects axe-core into the page of ctx and fails on any
// violation of serious or critical impact of the WCAG 2.1 A and AA rules.
// Without axe-core it skips, unless the browser tests are required.
func checkAccessible(t *testing.T, ctx context.Context, where string) {
	t.Helper()
	src, err := os.ReadFile(axeSource)
	if err != nil {
		if os.Getenv("CI") == "true" || os.Getenv("REQUIRE_BROWSER") == "1" {
			t.Fatalf("axe-core is required here: %v (make axe)", err)
		}
		t.Skipf("accessibility check SKIPPED: %v (make axe installs axe-core with npm)", err)
	}
	// DevTools evaluation is not subject to the page's CSP, which forbids
	// scripts from elsewhere.
	eval[bool](t, ctx, string(src)+";true")
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {
		runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
		resultTypes: ['violations'],
	}).then(r => JSON.stringify(r.violations))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: axe: %v", where, err)
	}
	var violations []axeViolation
	if err := json.Unmarshal([]byte(raw), &violations); err != nil {
		t.Fatalf("%s: axe's result: %v", where, err)
	}
	for _, v := range violations {
		if v.Impact != "serious" && v.Impact != "critical" {
			continue
		}
		var nodes []string
		for i, n := range v.Nodes {
			if i == 3 {
				nodes = append(nodes, fmt.Sprintf("… %d more", len(v.Nodes)-3))
				break
			}
			nodes = append(nodes, fmt.Sprintf("%v %s", n.Target, n.HTML))
		}
		t.Errorf("%s: %s (%s): %s\n\t%s", where, v.ID, v.Impact, v.Help, strings.Join(nodes, "\n\t"))
	}
}

// TestAccessibility runs axe-core on the main page, a page with every
// panel open, an embed, a lesson with its answers shown and a formula
// typed by the user, in both languages, once the page has drawn its
// figures.
func TestAccessibility(t *testing.T) {
	for _, c := range []struct {
		name, query string
		open        bool // open the Math and Sweep panels
	}{
		{"main", "fn=rosenbrock&opt=gd,adam", false},
		{"panels", "fn=linreg&opt=sgd,adam&batch=10&sched=cosine", true},
		{"embed", "fn=himmelblau&opt=momentum,adam&embed=1", false},
		{"lesson", "lesson=8", true},
		{"formula", "fn=custom&f=x%5E2%2B3*y%5E2&opt=adam", false},
	} {
		for _, lang := range []string{"en", "zh"} {
			t.Run(c.name+"-"+lang, func(t *testing.T) {
				ctx := page(t, c.query+"&lang="+lang)
				if c.open { // every disclosure: the panels, the lessons menu, the answers
					eval[bool](t, ctx, `(document.querySelectorAll('details').forEach(d => d.open = true), true)`)
					waitJS(t, ctx, `document.querySelector('#sweep-figure img') !== null`)
				}
				checkAccessible(t, ctx, c.name+" in "+lang)
			})
		}
	}
}

// TestNarration: each step taken by hand is told in words in a live
// region, with the readout's numbers; while playing, the region speaks
// at most every few seconds, and at the end.
func TestNarration(t *testing.T) {
	ctx := page(t, "fn=quadratic&kappa=10&x0=-4,1.5&opt=gd,adam&lr=0.1&steps=300&speed=100")
	do(t, ctx, chromedp.Click(chromedp.ID("step")))
	waitJS(t, ctx, `document.getElementById('narration').textContent.startsWith('step 1:')`)
	// GD at lr 0.1 on ½(x² + 10y²) from (−4, 1.5): x₁ = −3.6, y₁ = 0, so
	// it moved √(0.4² + 1.5²) = 1.552 and f₁ = 6.48.
	want := "step 1: GD, loss 6.48, moved 1.552; Adam, loss " + text(t, ctx, "ro-1-loss")
	if got := text(t, ctx, "narration"); !strings.HasPrefix(got, want) {
		t.Errorf("narration %q, want it to begin %q", got, want)
	}
	if live := eval[string](t, ctx, `document.getElementById('narration').getAttribute('aria-live')`); live != "polite" {
		t.Errorf("aria-live %q", live)
	}
	eval[bool](t, ctx, `(window.__spoken = 0, window.__playedAt = performance.now(), new MutationObserver(() => window.__spoken++).observe(document.getElementById('narration'), {childList: true, characterData: true, subtree: true}), true)`)
	do(t, ctx, chromedp.Click(chromedp.ID("play")))
	waitJS(t, ctx, `document.getElementById('ro-0-step').textContent === '300'`)
	waitJS(t, ctx, `document.getElementById('narration').textContent.startsWith('step 300:')`)
	// 299 steps at 100 steps/s take about 3 s, longer on a busy machine:
	// one narration per 3 s at most, and the last one.
	n, ms := eval[int](t, ctx, `window.__spoken`), eval[float64](t, ctx, `performance.now() - window.__playedAt`)
	if most := int(ms/3000) + 2; n < 1 || n > most {
		t.Errorf("%d narrations while playing 299 steps in %.0f ms, want 1 to %d", n, ms, most)
	}
}

// TestReducedMotion: a reader who asks for less motion is not shown an
// animation that starts by itself; Play still works.
func TestReducedMotion(t *testing.T) {
	if skipReason != "" {
		t.Skip(skipReason)
	}
	ctx, cancel := chromedp.NewContext(chrome)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	defer cancelTimeout()
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}},
	}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.Navigate(serverURL+"/?fn=matyas&opt=nesterov&lr=0.5&steps=40&autoplay=1&speed=100"))
	waitJS(t, ctx, `document.querySelector('#surface-head svg') !== null`)
	time.Sleep(700 * time.Millisecond) // autoplay would be at step 40 by now
	if got := text(t, ctx, "ro-0-step"); got != "0" {
		t.Errorf("the animation started by itself: step %s", got)
	}
	do(t, ctx, chromedp.Click(chromedp.ID("play")))
	waitJS(t, ctx, `document.getElementById('ro-0-step').textContent === '40'`)
}

// TestLossTable: the loss figure's table lists each run's loss at evenly
// spaced steps and at the step shown, marked.
func TestLossTable(t *testing.T) {
	ctx := page(t, "fn=quadratic&kappa=10&x0=-4,1.5&opt=gd,adam&lr=0.1&steps=100&step=5")
	eval[bool](t, ctx, `(document.getElementById('loss-table').open = true, true)`)
	waitJS(t, ctx, `document.querySelectorAll('#loss-table tbody tr').length > 0`)
	rows := eval[[][]string](t, ctx, `[...document.querySelectorAll('#loss-table tbody tr')].map(r => [...r.children].map(c => c.textContent))`)
	var steps []string
	for _, r := range rows {
		steps = append(steps, r[0])
	}
	if got, want := strings.Join(steps, ","), "0,5,10,20,30,40,50,60,70,80,90,100"; got != want {
		t.Errorf("steps %s, want %s", got, want)
	}
	// GD at lr 0.1 on ½(x² + 10y²): y is 0 after one step and x shrinks by
	// 0.9 per step, so f_10 = ½·16·0.9^20 = 0.97261.
	if len(rows) > 2 && rows[2][1] != "0.9726" {
		t.Errorf("GD's loss at step 10: %s, want 0.9726", rows[2][1])
	}
	if current := eval[string](t, ctx, `document.querySelector('#loss-table tr[aria-current]').firstChild.textContent`); current != "5" {
		t.Errorf("the row of the step shown is %s, want 5", current)
	}
}
