//go:build !js

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// traceOf runs the trace command on query and decodes its JSON.
func traceOf(t *testing.T, query string) scene.Trace {
	t.Helper()
	cmd := exec.Command("go", "run", "./cmd/trace", query)
	cmd.Dir = moduleRoot
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("trace %s: %v", query, err)
	}
	var tr scene.Trace
	if err := json.Unmarshal(out, &tr); err != nil {
		t.Fatal(err)
	}
	return tr
}

// download clicks the element id and returns the file the browser saved.
func download(t *testing.T, ctx context.Context, id string) []byte {
	t.Helper()
	dir := t.TempDir()
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir,
	}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.Click(chromedp.ID(id)))
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".crdownload") {
				data, err := os.ReadFile(filepath.Join(dir, e.Name()))
				if err == nil && len(data) > 0 {
					return data
				}
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("no download")
	return nil
}

// TestPermalinkMatchesTrace opens a link with minibatches and noise and
// checks that the page computes exactly the numbers of the trace command
// for the same query, and shows the step of the link.
func TestPermalinkMatchesTrace(t *testing.T) {
	for _, q := range []string{
		"fn=linreg&n=60&batch=7&noise=0.3&seed=42&opt=sgd,momentum,adam&lr=0.05&adam.lr=0.1&steps=80",
		// exp in the surface, NAdam's schedule, Gaussian noise: the
		// functions whose assembly differs between platforms.
		"fn=twowell&x0=1.5,1.5&noise=0.5&seed=7&opt=nadam,adamw,rmsprop&lr=0.05&steps=80",
	} {
		t.Run("", func(t *testing.T) { permalinkMatchesTrace(t, q) })
	}
}

func permalinkMatchesTrace(t *testing.T, q string) {
	ctx := page(t, q+"&step=33")
	if got := text(t, ctx, "ro-0-step"); got != "33" {
		t.Errorf("the link's step 33 shows as %s", got)
	}
	var page scene.Trace
	if err := json.Unmarshal(download(t, ctx, "export-json"), &page); err != nil {
		t.Fatal(err)
	}
	want := traceOf(t, q)
	if len(page.Runs) != 3 || page.Query != want.Query {
		t.Fatalf("page export: %d runs, query %q; trace %q", len(page.Runs), page.Query, want.Query)
	}
	for i, r := range want.Runs {
		got := page.Runs[i]
		if len(got.Points) != len(r.Points) {
			t.Fatalf("%s: %d points in the page, %d in the trace", r.Opt, len(got.Points), len(r.Points))
		}
		for k := range r.Points {
			if got.Points[k] != r.Points[k] || got.Loss[k] != r.Loss[k] {
				t.Fatalf("%s step %d: page %v %v, trace %v %v", r.Opt, k, got.Points[k], got.Loss[k], r.Points[k], r.Loss[k])
			}
		}
	}
	// The readout shows the trace's numbers at the step of the link.
	if got, want := text(t, ctx, "ro-2-loss"), formatG4(want.Runs[2].Loss[33]); got != want {
		t.Errorf("run 3's loss at step 33: %s, trace %s", got, want)
	}
}

// formatG4 formats as the readout does.
func formatG4(v float64) string { return strings.TrimSpace(fmt.Sprintf("%.4g", v)) }

// TestHostileLinks opens links with bad and hostile values: the page works
// and says what it changed, and no NaN appears.
func TestHostileLinks(t *testing.T) {
	for _, q := range []string{
		"lr=NaN&b1=-5&steps=99999999999&x0=1e999,abc&fn=%3Cscript%3Ealert(1)%3C/script%3E&opt=adam,evil,adam",
		"fn=linreg&n=-3&batch=1e9&seed=NaN&noise=Infinity&step=-8&speed=0&lang=xx&show=%3Cb%3E&lock=maybe",
		"opt=" + strings.Repeat("gd,", 400) + "&adam.lr=1&gd.b1=2&%zz",
		"fn=quadratic&kappa=1e-300&opt=gd&lr=10&steps=10000&step=10000",
	} {
		t.Run("", func(t *testing.T) {
			ctx := page(t, q)
			waitJS(t, ctx, `document.querySelectorAll('#notices li').length > 0`)
			do(t, ctx, chromedp.Click(chromedp.ID("reset")), chromedp.Click(chromedp.ID("step")))
			waitJS(t, ctx, `document.getElementById('ro-0-step').textContent === '1'`)
			// The notices quote what was given; the numbers shown are clean.
			shown := eval[string](t, ctx, `[...document.querySelectorAll('output, #run-status, .overlay')].map(e => e.textContent + e.innerHTML).join(' ')`)
			if strings.Contains(shown, "NaN") || strings.Contains(shown, "Inf") {
				t.Errorf("NaN or Inf shown for %q", q)
			}
			if n := eval[int](t, ctx, `document.querySelectorAll('script:not([src])').length`); n != 0 {
				t.Errorf("%d inline scripts on the page for %q", n, q)
			}
			if strings.Contains(eval[string](t, ctx, `document.body.innerHTML`), "<script>alert") {
				t.Error("the hostile script reached the page")
			}
		})
	}
}

// TestLockAndShow opens an embed that shows the surface and the learning
// rate only, locked.
func TestLockAndShow(t *testing.T) {
	ctx := page(t, "fn=booth&opt=gd,adam&lr=0.05&steps=60&embed=1&show=surface,lr&lock=1")
	for sel, want := range map[string]int{
		"#surface": 1, "#loss": 0, "#run0-lr": 1, "#run1-lr": 1, "#run1-b1": 0, "#surface-select": 0,
		".readout": 0, ".optimizer-picker": 0, ".share": 0, "header": 0, ".open-full": 1,
	} {
		if n := eval[int](t, ctx, fmt.Sprintf(`document.querySelectorAll(%q).length`, sel)); n != want {
			t.Errorf("%d of %s, want %d", n, sel, want)
		}
	}
	if !eval[bool](t, ctx, `document.getElementById('run0-lr').disabled && document.getElementById('run0-lr-exact').disabled`) {
		t.Error("the learning rate can be changed on a locked page")
	}
	// A click on the surface does not move the start.
	before := eval[string](t, ctx, `location.search`)
	rect := eval[[]float64](t, ctx, `(() => { const r = document.querySelector('#surface .layers').getBoundingClientRect(); return [r.left, r.top, r.width, r.height] })()`)
	do(t, ctx, chromedp.MouseClickXY(rect[0]+0.7*rect[2], rect[1]+0.3*rect[3]))
	time.Sleep(300 * time.Millisecond)
	if after := eval[string](t, ctx, `location.search`); after != before {
		t.Errorf("a click on a locked surface changed the link to %s", after)
	}
	// Play and step still work.
	do(t, ctx, chromedp.Click(chromedp.ID("step")))
	waitJS(t, ctx, `document.getElementById('step-counter').textContent === 'step 1 of 60'`)
	do(t, ctx, chromedp.Click(chromedp.ID("play")))
	waitJS(t, ctx, `document.getElementById('step-counter').textContent === 'step 60 of 60'`)
	if strings.Contains(eval[string](t, ctx, `document.querySelector('.open-full').href`), "lock") {
		t.Error("the full playground link keeps the lock")
	}
}

// TestAutoplay starts playing on load.
func TestAutoplay(t *testing.T) {
	ctx := page(t, "fn=matyas&opt=nesterov&lr=0.5&steps=40&autoplay=1&speed=100")
	waitJS(t, ctx, `document.getElementById('step-counter').textContent === 'step 40 of 40'`)
}

// TestShareControls checks the link and the embed snippet.
func TestShareControls(t *testing.T) {
	ctx := page(t, "fn=himmelblau&opt=rmsprop&lr=0.02&steps=50")
	do(t, ctx, chromedp.Click(chromedp.ID("step")), chromedp.Click(chromedp.ID("step")))
	waitJS(t, ctx, `document.getElementById('share-link').value === location.href`)
	if !strings.Contains(eval[string](t, ctx, `location.href`), "step=2") {
		t.Error("the link does not keep the shown step")
	}
	do(t, ctx, chromedp.Click(chromedp.ID("copy-link")))
	waitJS(t, ctx, `document.getElementById('share-status').textContent !== ''`)
	do(t, ctx, chromedp.Click(chromedp.ID("embed-lock")))
	waitJS(t, ctx, `document.getElementById('embed-code').value.includes('lock=1')`)
	do(t, ctx, chromedp.Click(chromedp.ID("embed-show-lr")))
	waitJS(t, ctx, `document.getElementById('embed-code').value.includes(',lr&amp;')`)
	code := eval[string](t, ctx, `document.getElementById('embed-code').value`)
	for _, want := range []string{`<iframe src="` + serverURL + `/?fn=himmelblau`, "&amp;embed=1", "show=surface,loss,legend,readout,lr", "&amp;lock=1", "step=2", `title="Optimizer playground"`} {
		if !strings.Contains(code, want) {
			t.Errorf("snippet %s lacks %s", code, want)
		}
	}
}

// TestEmbedInCrossSiteFrame embeds the app in a page of another site
// (localhost instead of 127.0.0.1) on a second port and plays it there.
func TestEmbedInCrossSiteFrame(t *testing.T) {
	if skipReason != "" {
		t.Skip(skipReason)
	}
	src := serverURL + "/?fn=rosenbrock&opt=adam&lr=0.05&steps=30&embed=1&autoplay=1"
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<!doctype html><title>Course page</title><h1>Lesson</h1><iframe id="frame" src="%s" width="720" height="540"></iframe>`, src)
	}))
	defer host.Close()
	hostURL := strings.Replace(host.URL, "127.0.0.1", "localhost", 1)
	ctx, cancel := chromedp.NewContext(chrome)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	do(t, ctx, chromedp.Navigate(hostURL))
	var frameCtx context.Context
	for deadline := time.Now().Add(30 * time.Second); frameCtx == nil && time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		infos, err := chromedp.Targets(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, info := range infos {
			if info.Type == "iframe" && strings.HasPrefix(info.URL, serverURL) {
				var cancelFrame context.CancelFunc
				frameCtx, cancelFrame = chromedp.NewContext(ctx, chromedp.WithTargetID(info.TargetID))
				defer cancelFrame()
			}
		}
	}
	if frameCtx == nil {
		t.Fatal("no cross-site iframe target")
	}
	waitJS(t, frameCtx, `document.getElementById('step-counter') !== null && document.getElementById('step-counter').textContent === 'step 30 of 30'`)
	if n := eval[int](t, frameCtx, `document.querySelectorAll('#surface-lines path').length`); n == 0 {
		t.Error("no path drawn in the frame")
	}
}
