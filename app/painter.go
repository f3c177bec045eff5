package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/app/session"
)

// painter writes a frame into the page: the figures' overlays and the
// outputs of the readout, the step counter and the run status. It runs on
// every animation frame, outside go-app's rendering, and touches only the
// elements whose content changed.
type painter struct {
	written map[string]string // element id → what was last written
}

func newPainter() *painter { return &painter{written: map[string]string{}} }

// forget drops what was written, after the page's structure changed.
func (pt *painter) forget() { clear(pt.written) }

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
	pt.set("surface-overlay", string(f.Surface), true)
	pt.set("loss-overlay", string(f.Loss), true)
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
