package app

import (
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
)

// The Playground's Math panel: when it follows the shown step.

// inView reports whether some of the element is within the window.
func inView(el app.Value) bool {
	r := el.Call("getBoundingClientRect")
	return r.Get("bottom").Float() > 0 && r.Get("top").Float() < app.Window().Get("innerHeight").Float()
}

// eqInterval is how often the Math panel follows a playing animation: its
// numbers cannot be read faster, and typesetting them every frame would
// cost frames.
const eqInterval = 250 * time.Millisecond

// followEquations shows the shown step's updates in the Math panel while
// the animation plays: at most every eqInterval, and only while the panel
// is open and in view (a pause shows the step it stopped at).
func (p *Playground) followEquations() {
	if time.Since(p.eqAt) < eqInterval {
		return
	}
	if panel := app.Window().GetElementByID("math-panel"); panel.Truthy() && panel.Get("open").Bool() && inView(panel) {
		p.paintEquationsLocked()
	}
}

// requestEquations shows the shown step's updates in the Math panel just
// after the next frame: the figures answer the hand in that frame, the
// typeset numbers follow. Requests made before it runs are one.
func (p *Playground) requestEquations() {
	if p.eqFrame.IsNull() || p.eqDue {
		return
	}
	p.eqDue = true
	app.Window().Call("requestAnimationFrame", p.eqFrame)
}

// paintEquationsLocked typesets the shown step's updates into the Math
// panel, if it is open. The caller holds p.mu.
func (p *Playground) paintEquationsLocked() {
	panel := app.Window().GetElementByID("math-panel")
	if !panel.Truthy() || !panel.Get("open").Bool() {
		return
	}
	p.eqAt = time.Now()
	p.painter.paintEquations(i18n.For(p.lang), p.sess.Equations(), p.sess.Surface().Axes)
	if p.highlights != nil {
		p.highlights.reapply()
	}
}
