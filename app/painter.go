package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/app/session"
)

// The overlay layers of the figures, bottom first.
var (
	surfaceLayers = []string{"surface-halos", "surface-lines", "surface-head"}
	lossLayers    = []string{"loss-lines", "loss-head"}
	dataLayers    = []string{"data-overlay"}
)

// painter writes a frame into the page: the figures' overlays and the
// outputs of the readout, the step counter and the run status. It runs on
// every animation frame, outside go-app's rendering, touches only the
// elements whose content changed, and extends the trail layers (paths and
// loss curves) rather than redrawing them.
type painter struct {
	written map[string]string // element id → what was last written
	trail   session.Trail     // what the trail layers hold
}

func newPainter() *painter { return &painter{written: map[string]string{}} }

// forget drops what was written, after the page's structure changed.
func (pt *painter) forget() {
	clear(pt.written)
	pt.trail = session.Trail{}
}

// extend replaces the content of the trail layer id with svg, or stacks
// svg on it. Each stacked segment is its own svg element, so the browser
// lays out only the new one.
func (pt *painter) extend(id string, svg []byte, reset bool) {
	if svg == nil {
		return
	}
	el := app.Window().GetElementByID(id)
	if !el.Truthy() {
		return
	}
	if reset {
		el.Set("innerHTML", string(svg))
		return
	}
	el.Call("insertAdjacentHTML", "beforeend", string(svg))
}

// set writes content into the element id, as HTML or as text.
func (pt *painter) set(id, content string, html bool) {
	if pt.written[id] == content {
		return
	}
	el := app.Window().GetElementByID(id)
	if !el.Truthy() {
		return
	}
	if html {
		el.Set("innerHTML", content)
	} else {
		el.Set("textContent", content)
	}
	pt.written[id] = content
}

// paint writes frame f of a run that can go on to step end.
func (pt *painter) paint(msgs i18n.Catalog, f session.Frame, end int) {
	pt.extend("surface-halos", f.SurfaceHalos, f.Reset)
	pt.extend("surface-lines", f.SurfaceLines, f.Reset)
	pt.extend("loss-lines", f.LossLines, f.Reset)
	pt.trail = f.Trail
	pt.set("surface-head", string(f.SurfaceHead), true)
	pt.set("loss-head", string(f.LossHead), true)
	if f.Data != nil {
		pt.set("data-overlay", string(f.Data), true)
	}
	pt.set("step-counter", msgs.T(i18n.StepOfN, f.Step, end), false)
	var status []string
	for i, r := range f.Runs {
		pt.set(readoutID(i, "step"), fmt.Sprint(r.Step), false)
		pt.set(readoutID(i, "loss"), formatNumber(r.Loss), false)
		pt.set(readoutID(i, "grad"), formatNumber(r.GradNorm), false)
		pt.set(readoutID(i, "point"), "("+formatNumber(r.Point[0])+", "+formatNumber(r.Point[1])+")", false)
		pt.set(readoutID(i, "status"), statusWord(msgs, r.Status), false)
		if m := statusMessage(msgs, r.Opt, r.Status); m != "" {
			status = append(status, m)
		}
	}
	pt.set("run-status", strings.Join(status, "\n"), false)
}
