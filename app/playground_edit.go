package app

import (
	"bytes"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/app/plots"
	"github.com/optimplay/optimplay/app/session"
	"github.com/optimplay/optimplay/optimizers"
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
		msgs := i18n.For(p.lang)
		if p.painter.paint(msgs, f, p.sess.End()) {
			p.narrator.narrate(p.painter, msgs, f, p.playing, p.sess.End())
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
	for _, n := range notices {
		p.notices = append(p.notices, pageNotice{notice: n})
	}
	if err != nil {
		p.notices = append(p.notices, noticeOf(err))
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
	if fn == scene.CustomFn { // the default formula, to be edited
		r := strconv.FormatFloat(scene.DefaultRange[0], 'g', -1, 64) + "," + strconv.FormatFloat(scene.DefaultRange[1], 'g', -1, 64)
		p.onFormula(ctx, app.Action{Value: formulaChange{F: scene.DefaultFormula, XR: r, YR: r}})
		return
	}
	p.restructure(ctx, func(s *session.Session) ([]scene.Notice, error) { return s.SetSurface(fn) })
}

// onData gives linreg the points of the reader's data set, or the
// article's data again.
func (p *Playground) onData(ctx app.Context, a app.Action) {
	points, _ := a.Value.([][2]float64)
	p.restructure(ctx, func(s *session.Session) ([]scene.Notice, error) { return s.SetData(points) })
}

// onDataEdit adds, moves or removes a point of linreg's data set with a
// gesture on the data figure (Session.EditDataAt).
func (p *Playground) onDataEdit(ctx app.Context, a app.Action) {
	g, ok := a.Value.([2][2]float64)
	if !ok {
		return
	}
	p.restructure(ctx, func(s *session.Session) ([]scene.Notice, error) {
		_, notices, err := s.EditDataAt(g[0], g[1])
		if err != nil && len(s.Scene().Data) >= optimizers.MaxDataPoints {
			// The link cannot hold more: the points can still be kept as CSV.
			err = catalogError{i18n.DataTooMany, []any{optimizers.MaxDataPoints}}
		}
		return notices, err
	})
}

// onFormula switches to the formula typed, or says under the field why
// it cannot, the scene unchanged.
func (p *Playground) onFormula(ctx app.Context, a app.Action) {
	c, ok := a.Value.(formulaChange)
	if !ok {
		return
	}
	p.restructure(ctx, func(s *session.Session) ([]scene.Notice, error) {
		notices, err := s.SetFormula(c.F, c.XR, c.YR)
		p.formulaErr = err // said under the field, not among the notices
		return notices, nil
	})
}

// formulaError says why the formula last typed was refused, in the
// page's language (which may have changed since), or returns "".
func (p *Playground) formulaError(msgs i18n.Catalog) string {
	if p.formulaErr == nil {
		return ""
	}
	return explain(msgs, p.formulaErr)
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

// onExport downloads the runs ("json", "csv"), linreg's data ("points")
// or a figure at the shown
// step ("surface.svg", "loss.png"…: session.ExportFigures and
// session.ExportFormats), its PNG rasterized by the browser from its SVG.
func (p *Playground) onExport(ctx app.Context, a app.Action) {
	kind, _ := a.Value.(string)
	figure, png := strings.CutSuffix(kind, ".png")
	if png { // the browser rasterizes the SVG, at ExportDPI
		kind = figure + ".svg"
	}
	p.mu.Lock()
	data, mime, name, err := p.export(kind)
	fn := p.sess.Scene().Fn
	p.mu.Unlock()
	fail := func(err error) { p.notices = append(p.notices, noticeOf(err)) }
	switch {
	case err != nil:
		fail(err)
	case png:
		rasterize(ctx, data, plots.ExportDPI/96, func(data []byte, err error) {
			if err != nil {
				fail(err)
				return
			}
			download("optimizer-playground-"+fn+"-"+figure+".png", "image/png", data)
		})
	default:
		download("optimizer-playground-"+fn+"-"+name, mime, data)
	}
}

// export is the file of kind, with its type and the end of its name.
func (p *Playground) export(kind string) (data []byte, mime, name string, err error) {
	var b bytes.Buffer
	switch kind {
	case "json":
		err = p.sess.Trace().WriteJSON(&b)
		return b.Bytes(), "application/json", "runs.json", err
	case "csv":
		err = p.sess.Trace().WriteCSV(&b)
		return b.Bytes(), "text/csv", "runs.csv", err
	case "points":
		return p.sess.DataCSV(), "text/csv", "data.csv", nil
	}
	figure, format, _ := strings.Cut(kind, ".")
	data, err = p.sess.ExportFigure(figure, format)
	return data, "image/svg+xml", kind, err
}
