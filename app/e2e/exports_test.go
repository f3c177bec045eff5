//go:build !js

package e2e

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"os/exec"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// traceOutput runs the trace command with args and returns its output.
func traceOutput(t *testing.T, args ...string) []byte {
	t.Helper()
	cmd := exec.Command("go", append([]string{"run", "./cmd/trace"}, args...)...)
	cmd.Dir = moduleRoot
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("trace %q: %v", args, err)
	}
	return out
}

// checkSVG fails unless data is one standalone SVG document.
func checkSVG(t *testing.T, what string, data []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	root := ""
	for {
		tok, err := dec.Token()
		if err != nil {
			if root == "" || err.Error() != "EOF" {
				t.Errorf("%s: not an SVG document: %v", what, err)
			}
			break
		}
		if el, ok := tok.(xml.StartElement); ok && root == "" {
			root = el.Name.Local
		}
	}
	if root != "svg" {
		t.Errorf("%s: root element %q", what, root)
	}
}

// TestExportFiles downloads every export of a page and checks the files:
// the CSV and the PyTorch script are exactly the trace command's for the
// same query, each figure's SVG parses and its PNG decodes at twice the
// figure's size on screen.
func TestExportFiles(t *testing.T) {
	const q = "fn=linreg&opt=sgd,adam&batch=10&noise=0.1&lr=0.1&steps=60"
	ctx := page(t, q+"&step=30")
	if got, want := download(t, ctx, "export-csv"), traceOutput(t, "-format", "csv", q); !bytes.Equal(got, want) {
		t.Errorf("the page's CSV differs from the trace command's:\n%.300s\n%.300s", got, want)
	}
	script := traceOutput(t, "-format", "pytorch", q)
	if got := download(t, ctx, "export-pytorch"); !bytes.Equal(got, script) {
		t.Errorf("the page's PyTorch script differs from the trace command's:\n%.300s", got)
	}
	do(t, ctx, chromedp.Click(chromedp.ID("copy-pytorch")))
	waitJS(t, ctx, `(document.getElementById('pytorch-code') || {}).value > ''`)
	if got := eval[string](t, ctx, `document.getElementById('pytorch-code').value`); got != string(script) {
		i := 0
		for i < len(got) && i < len(script) && got[i] == script[i] {
			i++
		}
		t.Errorf("the script shown to copy (%d bytes) differs from the trace command's (%d bytes) at byte %d: %q", len(got), len(script), i, got[max(0, i-40):min(len(got), i+40)])
	}
	// The sweep's figure appears once the Sweep panel has computed it.
	eval[bool](t, ctx, `(document.getElementById('sweep-panel').open = true, true)`)
	waitJS(t, ctx, `document.getElementById('export-sweep-svg') !== null`)
	for _, fig := range []struct {
		name          string
		width, height int // on screen, CSS pixels
	}{
		{"surface", 540, 450}, {"loss", 540, 227}, {"data", 540, 270}, {"sweep", 540, 270},
	} {
		checkSVG(t, fig.name, download(t, ctx, "export-"+fig.name+"-svg"))
		img, err := png.Decode(bytes.NewReader(download(t, ctx, "export-"+fig.name+"-png")))
		if err != nil {
			t.Errorf("%s: the PNG does not decode: %v", fig.name, err)
			continue
		}
		if b := img.Bounds(); b.Dx() != 2*fig.width || b.Dy() != 2*fig.height {
			t.Errorf("%s: PNG of %v, want %d×%d", fig.name, b, 2*fig.width, 2*fig.height)
		}
	}
	if strings.Contains(eval[string](t, ctx, `document.body.innerText`), "Error") {
		t.Error("an export failed")
	}
}
