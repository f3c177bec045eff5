//go:build !js

package e2e

import (
	"flag"
	"os"
	"testing"

	"github.com/chromedp/chromedp"
)

var screenshot = flag.String("screenshot", "", "write a screenshot of the page to this PNG file (make screenshot)")

// ScreenshotQuery is the scene of the README's screenshot: four optimizers
// racing on Rosenbrock's valley.
const ScreenshotQuery = "fn=rosenbrock&opt=gd,momentum,rmsprop,adam&lr=0.002&rmsprop.lr=0.02&adam.lr=0.05&steps=300"

// TestScreenshot writes the README's screenshot from the real page, paused
// at step 150, when -screenshot is given.
func TestScreenshot(t *testing.T) {
	if *screenshot == "" {
		t.Skip("no -screenshot file")
	}
	ctx := page(t, ScreenshotQuery)
	do(t, ctx, chromedp.EmulateViewport(1400, 1000))
	do(t, ctx, chromedp.Click(chromedp.ID("play")))
	waitJS(t, ctx, `+document.getElementById('step-counter').textContent.split(' ')[1] >= 150`)
	do(t, ctx, chromedp.Click(chromedp.ID("play")))
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(*screenshot, png, 0o644); err != nil {
		t.Fatal(err)
	}
}
