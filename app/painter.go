package app

import (
	"fmt"
	"html"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/equations"
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
// loss curves) rather than redrawing them. Each trail layer holds one svg
// element per run, so that a change to one run replaces that run's
// element only.
type painter struct {
	written map[string]string // element id → what was last written
	trails  []session.Trail   // what the trail layers hold, per run
}

func newPainter() *painter { return &painter{written: map[string]string{}} }

// forget drops what was written, after the page's structure changed.
func (pt *painter) forget() {
	clear(pt.written)
	pt.trails = nil
}

// trailLayers are the trail layers and what of a run's change each shows.
var trailLayers = []struct {
	id   string
	part func(session.RunTrail) (svg []byte, reset bool)
}{
	{"surface-halos", func(c session.RunTrail) ([]byte, bool) { return c.Halo, c.ResetPath }},
	{"surface-lines", func(c session.RunTrail) ([]byte, bool) { return c.Line, c.ResetPath }},
	{"loss-lines", func(c session.RunTrail) ([]byte, bool) { return c.Loss, c.ResetLoss }},
}

// paintTrails applies the runs' trail changes to the trail layers: a run
// drawn whole replaces its svg element, a run extended gets the new
// stretch appended to it. It reports false, having changed the page only
// partly, when a layer does not hold one element per run: the caller then
// forgets and paints a frame drawn whole.
func (pt *painter) paintTrails(changes []session.RunTrail) bool {
	for _, layer := range trailLayers {
		el := app.Window().GetElementByID(layer.id)
		if !el.Truthy() {
			continue
		}
		if everyRun(changes, layer.part) {
			var all strings.Builder
			for _, c := range changes {
				svg, _ := layer.part(c)
				all.Write(svg)
			}
			el.Set("innerHTML", all.String())
			continue
		}
		runs := el.Get("children")
		if runs.Length() != len(changes) {
			return false
		}
		for i, c := range changes {
			switch svg, reset := layer.part(c); {
			case reset:
				runs.Index(i).Set("outerHTML", string(svg))
			case svg != nil:
				runs.Index(i).Call("insertAdjacentHTML", "beforeend", string(svg))
			}
		}
	}
	return true
}

// everyRun reports whether every run's change replaces its part.
func everyRun(changes []session.RunTrail, part func(session.RunTrail) ([]byte, bool)) bool {
	for _, c := range changes {
		if _, reset := part(c); !reset {
			return false
		}
	}
	return true
}

// paintEquations writes each run's typeset update into the Math panel:
// its heading (the update shown) and its MathML, the coordinates named by
// the surface's axes.
func (pt *painter) paintEquations(msgs i18n.Catalog, eqs []equations.Typeset, axes [2]string) {
	for i, eq := range eqs {
		title := msgs.T(i18n.EqStart)
		if k := eq.T; k > 0 {
			title = msgs.T(i18n.EqUpdate, k, k-1, k)
		}
		pt.set(eqTitleID(i), title, false)
		var b strings.Builder
		b.WriteString(`<div class="eq rule">` + eq.Rule + `</div>`)
		if eq.Scalars != "" {
			b.WriteString(`<div class="eq" data-coord="scalars">` + eq.Scalars + `</div>`)
		}
		for c, coord := range eq.Coords {
			b.WriteString(`<p class="coord">` + html.EscapeString(msgs.T(i18n.EqCoordinate, axes[c])) + `</p>`)
			b.WriteString(`<div class="eq" data-coord="` + strconv.Itoa(c) + `">` + coord + `</div>`)
		}
		pt.set(eqBodyID(i), b.String(), true)
	}
}

// setValue sets the value of the form control id when it differs (a
// timeline the hand moves holds it already).
func (pt *painter) setValue(id, value string) {
	el := app.Window().GetElementByID(id)
	if !el.Truthy() || el.Get("value").String() == value {
		return
	}
	el.Set("value", value)
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

// paint writes frame f of a run that can go on to step end. It reports
// false when the trail layers were not as the painter held them; it has
// then forgotten them, and the frame must be drawn again, whole.
func (pt *painter) paint(msgs i18n.Catalog, f session.Frame, end int) bool {
	if !pt.paintTrails(f.Changes) {
		pt.forget()
		return false
	}
	pt.trails = f.Trails
	pt.set("surface-head", string(f.SurfaceHead), true)
	pt.set("loss-head", string(f.LossHead), true)
	if f.Data != nil {
		pt.set("data-overlay", string(f.Data), true)
	}
	pt.set("step-counter", msgs.T(i18n.StepOfN, f.Step, end), false)
	pt.setValue("timeline", strconv.Itoa(f.Step))
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
	for _, m := range f.LRMarks {
		pt.style(fmt.Sprintf("run%d-lrmark", m.Run), fmt.Sprintf("left:%.3f%%;top:%.3f%%", m.FX*100, m.FY*100))
		pt.set(fmt.Sprintf("run%d-lrnow", m.Run), msgs.T(i18n.SchedNow, m.T, formatNumber(m.LR)), false)
	}
	return true
}

// style sets the inline style of the element id when it differs.
func (pt *painter) style(id, css string) {
	key := id + "\x00style"
	if pt.written[key] == css {
		return
	}
	el := app.Window().GetElementByID(id)
	if !el.Truthy() {
		return
	}
	el.Call("setAttribute", "style", css)
	pt.written[key] = css
}
