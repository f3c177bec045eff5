package app

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/session"
)

// The Playground's playback: the animation, the keys, Step and Reset.

// onKey plays or pauses (space), steps forward (→) and back (←), goes to
// the start (Home, r) and to the end (End), unless a form control has the
// focus and the key is its own.
func (p *Playground) onKey(ctx app.Context, e app.Event) {
	if e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool() {
		return
	}
	switch e.Get("target").Get("tagName").String() {
	case "INPUT", "SELECT", "TEXTAREA", "BUTTON":
		return
	}
	switch e.Get("key").String() {
	case " ":
		e.PreventDefault()
		p.togglePlay(ctx)
	case "ArrowRight":
		e.PreventDefault()
		p.step(ctx)
	case "ArrowLeft":
		e.PreventDefault()
		p.seek(ctx, (*session.Session).StepBack)
	case "Home":
		e.PreventDefault()
		p.reset(ctx)
	case "End":
		e.PreventDefault()
		p.seek(ctx, func(s *session.Session) { s.Seek(s.End()) })
	case "r", "R":
		p.reset(ctx)
	}
}

// togglePlay plays or pauses, as the user asked.
func (p *Playground) togglePlay(ctx app.Context) {
	p.touched = true
	p.setPlaying(ctx, !p.playing)
}

// setPlaying starts or stops the animation; playing from the end starts
// over.
func (p *Playground) setPlaying(ctx app.Context, on bool) {
	if on == p.playing {
		return
	}
	p.playing = on
	if !on {
		p.paint() // the Math panel, which a playing animation updates less often
		p.syncURL(ctx)
		return
	}
	p.mu.Lock()
	if p.sess.Shown() >= p.sess.End() {
		p.sess.Reset()
	}
	p.mu.Unlock()
	p.lastTS = 0
	app.Window().Call("requestAnimationFrame", p.frame)
}

// onFrame advances the animation by the time since the last frame and
// paints it, in the browser's animation frame.
func (p *Playground) onFrame(ctx app.Context, ts float64) {
	if !p.playing {
		return
	}
	p.mu.Lock()
	dt := 0.0
	if p.lastTS > 0 {
		dt = min((ts-p.lastTS)/1000, 0.1)
	}
	p.lastTS = ts
	more := p.sess.Advance(dt)
	p.paintLocked()
	p.mu.Unlock()
	if more {
		app.Window().Call("requestAnimationFrame", p.frame)
		return
	}
	ctx.Dispatch(func(ctx app.Context) {
		p.playing = false
		p.paint()
		p.syncURL(ctx)
	})
}

func (p *Playground) step(ctx app.Context) { p.seek(ctx, func(s *session.Session) { s.StepOnce() }) }

// onSeek shows the step the timeline was moved to.
func (p *Playground) onSeek(ctx app.Context, a app.Action) {
	if k, ok := a.Value.(int); ok {
		p.seek(ctx, func(s *session.Session) { s.Seek(k) })
	}
}
func (p *Playground) reset(ctx app.Context) { p.seek(ctx, (*session.Session).Reset) }

// seek stops playing, moves the shown step with move, and shows it.
func (p *Playground) seek(ctx app.Context, move func(*session.Session)) {
	p.touched = true
	p.playing = false
	p.mu.Lock()
	move(p.sess)
	p.mu.Unlock()
	p.paint()
	p.syncURL(ctx)
}
