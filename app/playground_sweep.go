package app

import (
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/session"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// The Playground's learning-rate sweep: computed in the browser while
// the Sweep panel is open, a chunk of runs per task so that the page
// keeps answering, and again whenever the scene changes.

// sweepChunk is the computing time of one task of the sweep, one per
// frame: the page answers input and paints between tasks.
const sweepChunk = 10 * time.Millisecond

// sweeper drives the sweep: due while a chain of tasks computes it.
type sweeper struct {
	open bool
	due  bool
	task app.Func // one chunk of the sweep
	show app.Func // renders the finished sweep
	// taskNext and showNext run task and show after the next frame.
	taskNext, showNext app.Func
	started            float64 // performance.now() when the sweep of the scene started
}

// afterFrame returns an animation-frame callback that runs f in a task
// of its own once the frame is painted: a chain of chunks, each started
// so, leaves every frame its turn.
func afterFrame(f app.Func) app.Func {
	return app.FuncOf(func(app.Value, []app.Value) any {
		app.Window().Call("setTimeout", f, 0)
		return nil
	})
}

// onSweepToggled opens or folds the panel; an open panel computes the
// sweep of the scene.
func (p *Playground) onSweepToggled(ctx app.Context, a app.Action) {
	open, _ := a.Value.(bool)
	p.sweep.open = open
	p.kickSweep(ctx)
}

// kickSweep starts computing the sweep in chunks, when the panel is open
// and no chain of tasks is under way; the chain ends with the sweep.
func (p *Playground) kickSweep(ctx app.Context) {
	if !p.sweep.open || p.sweep.due {
		return
	}
	p.sweep.due = true
	p.sweep.started = now()
	if p.sweep.task == nil {
		p.sweep.task = app.FuncOf(func(app.Value, []app.Value) any {
			p.sweepChunk(ctx)
			return nil
		})
		p.sweep.show = app.FuncOf(func(app.Value, []app.Value) any {
			p.showSweep(ctx)
			return nil
		})
		p.sweep.taskNext = afterFrame(p.sweep.task)
		p.sweep.showNext = afterFrame(p.sweep.show)
	}
	app.Window().Call("requestAnimationFrame", p.sweep.taskNext)
}

// sweepChunk computes a chunk of the sweep and shows its progress; the
// finished sweep is shown by the next task.
func (p *Playground) sweepChunk(ctx app.Context) {
	p.mu.Lock()
	done, err := p.sess.SweepWork(sweepChunk)
	n, total, _ := p.sess.SweepProgress()
	p.mu.Unlock()
	if bar := app.Window().GetElementByID("sweep-progress"); bar.Truthy() && total > 0 {
		bar.Set("max", total)
		bar.Set("value", n)
	}
	switch {
	case err != nil:
		p.sweep.due = false
		ctx.Dispatch(func(app.Context) {
			p.notices = append(p.notices, noticeOf(err))
		})
	case done:
		// The page renders the figure in a task of its own: drawing it
		// and rendering it are each about a frame's work.
		app.Window().Call("requestAnimationFrame", p.sweep.showNext)
	case p.sweep.open:
		app.Window().Call("requestAnimationFrame", p.sweep.taskNext)
	default:
		p.sweep.due = false // folded meanwhile: the rest waits for the next opening
	}
}

// showSweep renders the finished sweep, with its time on the panel
// (data-ms, from its start to now, the breaks between chunks included),
// ending the chain of tasks; a scene changed meanwhile starts another.
func (p *Playground) showSweep(ctx app.Context) {
	p.sweep.due = false
	p.mu.Lock()
	res, done := p.sess.Sweep()
	p.mu.Unlock()
	if !done { // the scene changed since the last chunk
		p.kickSweep(ctx)
		return
	}
	// The panel alone renders it: rendering the whole page would take
	// more than a frame.
	ctx.NewActionWithValue(actionSweepShown, sweepShown{Result: res, MS: now() - p.sweep.started})
}

// onSweepPick sets the learning rate clicked on the sweep figure, for the
// optimizer whose curve is nearest.
func (p *Playground) onSweepPick(ctx app.Context, a app.Action) {
	at, ok := a.Value.([2]float64)
	if !ok {
		return
	}
	p.mu.Lock()
	run, lr, ok := p.sess.SweepPick(at[0], at[1])
	p.mu.Unlock()
	if !ok {
		return
	}
	p.edit(ctx, func(s *session.Session) ([]scene.Notice, error) { return s.SetParam(run, "lr", lr) })
}

// setSweepRange sets a bound of the sweep's grid, Key "lo", "hi" or "n".
func (p *Playground) setSweepRange(ctx app.Context, key string, v float64) {
	p.mu.Lock()
	r := p.sess.SweepRange()
	switch key {
	case "lo":
		r.Lo = v
	case "hi":
		r.Hi = v
	case "n":
		r.N = int(v)
	}
	err := p.sess.SetSweepRange(r)
	p.mu.Unlock()
	if err != nil {
		p.notices = append(p.notices, noticeOf(err))
	}
	p.kickSweep(ctx)
}

// sweepPanel is the Sweep panel as the session stands.
func (p *Playground) sweepPanel(names, colors []string, locked bool) app.UI {
	var res session.SweepResult
	done := false
	if p.sweep.open { // a folded panel draws nothing, on every render
		res, done = p.sess.Sweep()
	}
	return &SweepPanel{Lang: p.lang, Open: p.sweep.open, Range: p.sess.SweepRange(), Opts: names, Colors: colors,
		Result: res, Done: done, Locked: locked}
}
