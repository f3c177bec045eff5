package app

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/app/session"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// The Playground's changes to the scene: painting the frame, the actions
// of the controls, the page's address and the export.

// paint draws the shown step. It is called with p.mu unlocked.
func (p *Playground) paint() {
	if p.painter == nil || p.sess == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.paintLocked()
}

func (p *Playground) paintLocked() {
	// A second try draws whole what the painter could not extend.
	for range 2 {
		f, err := p.sess.Frame(p.painter.trails)
		if err != nil {
			app.Log("paint:", err)
			return
		}
		if p.painter.paint(i18n.For(p.lang), f, p.sess.End()) {
			if p.playing {
				p.followEquations()
			} else {
				p.requestEquations()
			}
			if p.highlights != nil {
				p.highlights.reapply() // on the elements just painted
			}
			return
		}
	}
}

// edit changes the session, then shows the new scene: go-app re-renders
// the controls, the painter redraws the frame at once, and the link is
// replaced (not pushed, so Back does not replay every slider move). The
// page keeps its elements; see restructure for changes that do not.
func (p *Playground) edit(ctx app.Context, change func(s *session.Session) ([]scene.Notice, error)) {
	p.touched = true
	p.mu.Lock()
	notices, err := change(p.sess)
	p.mu.Unlock()
	msgs := i18n.For(p.lang)
	for _, n := range notices {
		p.notices = append(p.notices, noticeMessage(msgs, n))
	}
	if err != nil {
		p.notices = append(p.notices, msgs.T(i18n.ErrorPrefix, err.Error()))
	}
	if p.painter != nil {
		p.painter.forget()
	}
	p.syncURL(ctx)
	p.paint()
	p.kickSweep(ctx) // an open Sweep panel follows the scene
}

// restructure edits the session in a way that changes the page's
// elements (the optimizers, the surface), and paints again, from nothing,
// once go-app has rebuilt them.
func (p *Playground) restructure(ctx app.Context, change func(s *session.Session) ([]scene.Notice, error)) {
	p.edit(ctx, change)
	ctx.Defer(func(app.Context) {
		p.painter.forget()
		p.paint()
	})
}

// syncURL puts the page's state in its address, replacing the history
// entry rather than adding one, within urlDelay: a slider drag replaces
// it a few times a second rather than on every input event (browsers
// throttle replaceState, and each call costs milliseconds of the frame).
func (p *Playground) syncURL(ctx app.Context) {
	if p.urlDue {
		return
	}
	p.urlDue = true
	ctx.After(urlDelay, p.flushURL)
}

// flushURL puts the page's state in its address now.
func (p *Playground) flushURL(ctx app.Context) {
	p.urlDue = false
	p.mu.Lock()
	q := p.sess.Query()
	p.mu.Unlock()
	if q == p.loaded {
		return
	}
	p.loaded = q
	ctx.Page().ReplaceURL(&url.URL{Scheme: p.base.Scheme, Host: p.base.Host, Path: p.base.Path, RawQuery: q})
}

func (p *Playground) onNumber(ctx app.Context, a app.Action) {
	v, ok := a.Value.(numberChange)
	if !ok {
		return
	}
	_, isSched := scene.LookupSchedKey(v.Key)
	switch {
	case v.Target >= 0 && isSched:
		p.edit(ctx, func(s *session.Session) ([]scene.Notice, error) { return s.SetSchedParam(v.Target, v.Key, v.Value) })
	case v.Target >= 0:
		p.edit(ctx, func(s *session.Session) ([]scene.Notice, error) { return s.SetParam(v.Target, v.Key, v.Value) })
	case v.Target == targetStart:
		p.edit(ctx, func(s *session.Session) ([]scene.Notice, error) {
			x0 := s.Scene().X0
			if v.Key == "y" {
				x0[1] = v.Value
			} else {
				x0[0] = v.Value
			}
			return s.SetStart(x0)
		})
	case v.Target == targetSweep:
		p.setSweepRange(ctx, v.Key, v.Value)
	case v.Key == "speed":
		p.mu.Lock()
		p.sess.SetSpeed(v.Value)
		p.mu.Unlock()
		p.syncURL(ctx)
	default:
		p.edit(ctx, func(s *session.Session) ([]scene.Notice, error) { return setScene(s, v.Key, v.Value) })
	}
}

// setScene sets a scene-level number.
func setScene(s *session.Session, key string, v float64) ([]scene.Notice, error) {
	switch key {
	case "steps":
		return s.SetSteps(int(v))
	case "noise":
		return s.SetNoise(v)
	case "batch":
		return s.SetBatch(int(v))
	case "n":
		return s.SetN(int(v))
	case "kappa":
		return s.SetKappa(v)
	case "seed":
		return s.SetSeed(uint64(max(v, 0)))
	}
	return nil, fmt.Errorf("unknown setting %q", key)
}

func (p *Playground) onOptimizers(ctx app.Context, a app.Action) {
	names, ok := a.Value.([]string)
	if !ok || len(names) == 0 {
		return
	}
	p.restructure(ctx, func(s *session.Session) ([]scene.Notice, error) { return s.SetOptimizers(slices.Clone(names)) })
}

func (p *Playground) onSched(ctx app.Context, a app.Action) {
	v, ok := a.Value.(schedChange)
	if !ok {
		return
	}
	p.restructure(ctx, func(s *session.Session) ([]scene.Notice, error) { return s.SetSched(v.Run, v.Name) })
}

func (p *Playground) onSurface(ctx app.Context, a app.Action) {
	fn, ok := a.Value.(string)
	if !ok {
		return
	}
	p.restructure(ctx, func(s *session.Session) ([]scene.Notice, error) { return s.SetSurface(fn) })
}

func (p *Playground) onStart(ctx app.Context, a app.Action) {
	x0, ok := a.Value.([2]float64)
	if !ok {
		return
	}
	p.edit(ctx, func(s *session.Session) ([]scene.Notice, error) { return s.SetStart(x0) })
}

func (p *Playground) onStartAt(ctx app.Context, a app.Action) {
	at, ok := a.Value.([2]float64)
	if !ok {
		return
	}
	p.edit(ctx, func(s *session.Session) ([]scene.Notice, error) {
		_, err := s.SetStartAt(at[0], at[1])
		return nil, err
	})
}

// onExport downloads every point and loss of the runs, as the trace
// command prints them, in JSON or CSV.
func (p *Playground) onExport(ctx app.Context, a app.Action) {
	format, _ := a.Value.(string)
	p.mu.Lock()
	trace := p.sess.Trace()
	p.mu.Unlock()
	var b strings.Builder
	mime, ext := "application/json", "json"
	var err error
	if format == "csv" {
		mime, ext = "text/csv", "csv"
		err = trace.WriteCSV(&b)
	} else {
		err = trace.WriteJSON(&b)
	}
	if err != nil {
		p.notices = append(p.notices, i18n.For(p.lang).T(i18n.ErrorPrefix, err.Error()))
		return
	}
	doc := app.Window().Get("document")
	link := doc.Call("createElement", "a")
	link.Set("href", "data:"+mime+";base64,"+base64.StdEncoding.EncodeToString([]byte(b.String())))
	link.Set("download", "optimizer-playground-"+trace.Fn+"."+ext)
	doc.Get("body").Call("appendChild", link)
	link.Call("click")
	link.Call("remove")
}
