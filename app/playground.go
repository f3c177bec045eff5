package app

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/app/lessons"
	"github.com/optimplay/optimplay/app/plots"
	"github.com/optimplay/optimplay/app/session"
	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// Playground is the page: figures, readout, playback and every control.
// It owns the session; the controls send it actions.
type Playground struct {
	app.Compo

	lang    i18n.Lang
	base    url.URL    // the page's address, without query
	version string     // the build, shown in the footer
	loaded  string     // the query the session was made from
	mu      sync.Mutex // guards sess: animation frames and event handlers both use it
	sess    *session.Session
	notices []pageNotice // what the page tells about the link and the edits since
	playing bool
	painter *painter
	frame   app.Func // the requestAnimationFrame callback
	unkey   func()   // removes the keyboard listener
	lastTS  float64  // the previous frame's timestamp, ms; 0 after a pause
	bench   *benchmark

	eqAt          time.Time    // when the Math panel was last painted
	eqFrame       app.Func     // paints the Math panel after a frame (requestEquations)
	eqDue         bool         // eqFrame is requested
	highlights    *highlighter // links the Math panel's terms and the surface's vectors
	touched       bool         // the user has changed or moved something since the page loaded
	updateReady   bool         // a new version has taken over; the page offers to reload
	unwatch       func()       // stops watching for a new version
	urlDue        bool         // the address is to be replaced (syncURL)
	sweep         sweeper      // computes the learning-rate sweep
	narrator      narrator     // tells the shown step to screen readers
	lossTableOpen bool         // the loss table is open
	formulaErr    error        // why the formula last typed was refused, or nil
}

// urlDelay is the longest the page's address lags behind its state.
const urlDelay = 300 * time.Millisecond

// OnInit builds the page in the browser before its first rendering, so
// that it replaces the prerendered page with the same content.
func (p *Playground) OnInit() {
	if app.IsClient {
		p.version = app.Getenv("GOAPP_VERSION")
		p.load(app.Window().URL())
	}
}

// OnPreRender builds the page on the server, for the first paint.
func (p *Playground) OnPreRender(ctx app.Context) {
	p.load(ctx.Page().URL())
	p.applyLang(ctx)
}

// OnNav builds the page from the link and draws the first frame.
func (p *Playground) OnNav(ctx app.Context) {
	p.load(ctx.Page().URL())
	p.applyLang(ctx)
	ctx.Defer(func(ctx app.Context) {
		p.paint()
		p.mu.Lock()
		// A reader who asks for less motion starts the animation by hand.
		autoplay := p.sess.View().Autoplay && p.sess.Shown() < p.sess.End() && !prefersReducedMotion()
		p.mu.Unlock()
		switch {
		case p.bench != nil && p.bench.anim == nil:
			p.bench.start(ctx, p)
		case autoplay && !p.playing:
			p.setPlaying(ctx, true)
		}
	})
}

// load starts a session from the query of u, unless that query is the
// one loaded.
func (p *Playground) load(u *url.URL) {
	if p.sess != nil && u.RawQuery == p.loaded {
		return
	}
	p.loaded = u.RawQuery
	q := u.Query()
	p.base = *u
	p.base.RawQuery, p.base.Fragment = "", ""
	query, _ := lessons.Open(u.RawQuery) // lesson=N alone opens its preset
	sess, notices, err := newSession(query)
	if err == nil {
		p.lang = pageLang(sess.View().Lang)
	} else {
		p.lang = pageLang("")
	}
	p.notices = nil
	for _, n := range notices {
		p.notices = append(p.notices, pageNotice{notice: n})
	}
	if err != nil {
		p.notices = append(p.notices, noticeOf(err))
		sess, _, _ = session.New("")
	}
	p.mu.Lock()
	p.sess = sess
	p.mu.Unlock()
	if p.painter != nil {
		p.painter.forget() // it held the last session's trails
	}
	if n, err := strconv.Atoi(q.Get("bench")); err == nil && n > 0 && app.IsClient {
		p.bench = &benchmark{frames: min(n, 5000), loaded: now()}
	}
}

// OnMount connects the actions, the keyboard and the painter.
func (p *Playground) OnMount(ctx app.Context) {
	p.painter = newPainter()
	ctx.Handle(actionNumber, p.onNumber)
	ctx.Handle(actionOptimizers, p.onOptimizers)
	ctx.Handle(actionSurface, p.onSurface)
	ctx.Handle(actionSched, p.onSched)
	ctx.Handle(actionSweepToggled, p.onSweepToggled)
	ctx.Handle(actionSweepPick, p.onSweepPick)
	ctx.Handle(actionStart, p.onStart)
	ctx.Handle(actionStartAt, p.onStartAt)
	ctx.Handle(actionPlay, func(ctx app.Context, a app.Action) { p.togglePlay(ctx) })
	ctx.Handle(actionStep, func(ctx app.Context, a app.Action) { p.step(ctx) })
	ctx.Handle(actionReset, func(ctx app.Context, a app.Action) { p.reset(ctx) })
	ctx.Handle(actionSeek, p.onSeek)
	ctx.Handle(actionExport, p.onExport)
	ctx.Handle(actionDismiss, func(ctx app.Context, a app.Action) { p.notices = nil })
	ctx.Handle(actionReload, func(ctx app.Context, a app.Action) { p.reload(ctx) })
	ctx.Handle(actionLang, p.onLang)
	ctx.Handle(actionLossTable, p.onLossTable)
	ctx.Handle(actionFormula, p.onFormula)
	ctx.Handle(actionData, p.onData)
	ctx.Handle(actionDataEdit, p.onDataEdit)
	p.frame = app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) > 0 {
			p.onFrame(ctx, args[0].Float())
		}
		return nil
	})
	p.unkey = app.Window().AddEventListener("keydown", p.onKey)
	p.unwatch = p.watchForUpdate(ctx)
	p.highlights = &highlighter{}
	p.highlights.watch()
	ctx.Handle(actionMathToggled, func(ctx app.Context, a app.Action) { p.paint() })
	// After the frame's rendering: a task posted from its animation frame.
	p.eqFrame = afterFrame(app.FuncOf(func(this app.Value, args []app.Value) any {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.eqDue = false
		p.paintEquationsLocked()
		return nil
	}))
}

// OnDismount stops the animation and the keyboard.
func (p *Playground) OnDismount() {
	p.playing = false
	if p.unkey != nil {
		p.unkey()
	}
	if p.unwatch != nil {
		p.unwatch()
	}
	if p.highlights != nil {
		p.highlights.stop()
	}
	if p.frame != nil {
		p.frame.Release()
	}
	p.sweep.open = false // a chunk under way ends the chain
}

// Render draws the page: the full playground, or in an embed (embed=1)
// a compact one with only the parts the link shows.
func (p *Playground) Render() app.UI {
	msgs := i18n.For(p.lang)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.sess == nil {
		return app.Main().Class("playground").Body(app.P().Text(msgs.T(i18n.Loading)))
	}
	sc := p.sess.Scene()
	surf := p.sess.Surface()
	view := p.sess.View()
	locked := view.Lock
	surfaceBG, lossBG, dataBG := p.sess.Backgrounds()
	names := make([]string, len(sc.Runs))
	colors := make([]string, len(sc.Runs))
	var panels []app.UI
	legend := make([]app.UI, len(sc.Runs))
	for i, r := range sc.Runs {
		names[i], colors[i] = r.Opt, cssColor(i)
		spec, _ := optimizers.LookupSpec(r.Opt)
		keys := slices.DeleteFunc(slices.Clone(spec.Keys), func(k string) bool { return !view.Shows(k) })
		if len(keys) > 0 || view.Shows("sched") {
			panel := &OptimizerPanel{Lang: p.lang, Run: i, Opt: r.Opt, Color: colors[i],
				Hyper: r.Hyper, Keys: keys, Locked: locked, ShowSched: view.Shows("sched"), Sched: r.Sched, Steps: sc.Steps}
			if c, ok := p.sess.CriticalLR(i); ok {
				panel.Critical = &c
			}
			panel.LRPlot, _ = p.sess.LRPlot(i)
			panels = append(panels, panel)
		}
		legend[i] = app.Li().Style("--run-color", colors[i]).Body(
			app.Span().Class("swatch").Aria("hidden", "true"),
			app.Text(msgs.T(i18n.OptimizerName(r.Opt))),
		)
	}
	links := p.lessonLinks()
	var top app.UI = app.Header().Body(
		&LangSwitch{Lang: p.lang},
		&LessonsMenu{Lang: p.lang, Current: sc.Lesson, Links: links},
		app.H1().Text(msgs.T(i18n.AppTitle)),
		app.P().Class("lead").Text(msgs.T(i18n.AppDescription)),
	)
	transport := &Transport{Lang: p.lang, Playing: p.playing, Speed: p.sess.Speed(), End: p.sess.End(), Compact: view.Embed}
	class := "playground"
	if view.Embed {
		class += " embed"
		top = app.Div().Class("embed-bar").Body(
			transport,
			app.A().Class("open-full").Href(p.pageURL(p.sess.FullQuery())).Target("_blank").Rel("noopener").
				Text(msgs.T(i18n.OpenFull)),
		)
	}
	return app.Main().Class(class).Body(
		top,
		app.Section().Class(viewsClass(dataBG != "" && view.Shows("data") && view.Shows("surface"))).Aria("label", msgs.T(i18n.Views)).Body(
			app.If(view.Shows("surface"),
				&LayeredFigure{ID: "surface", Layers: surfaceLayers, Caption: msgs.T(i18n.SurfaceFig) + " — " +
					msgs.T(i18n.SurfaceName(sc.Fn)) + ": f = " + surf.Formula, Src: surfaceBG,
					Width: plots.Pixels(plots.SurfaceWidth), Height: plots.Pixels(plots.SurfaceHeight),
					Alt: msgs.T(i18n.SurfaceAlt, msgs.T(i18n.SurfaceName(sc.Fn))), Clickable: !locked,
					Hint: msgs.T(i18n.StartHint)}),
			app.If(view.Shows("legend"),
				app.Div().Class("legend").Body(
					app.Ul().Aria("label", msgs.T(i18n.Legend)).Body(legend...),
					p.glyphLegend(msgs, dataBG != "" && sc.Batch > 0 && sc.Batch < sc.N),
				)),
			app.If(view.Shows("loss"),
				&LayeredFigure{ID: "loss", Layers: lossLayers, Caption: msgs.T(i18n.LossFig), Src: lossBG, Alt: msgs.T(i18n.LossAlt),
					Width: plots.Pixels(plots.LossWidth), Height: plots.Pixels(plots.LossHeight)},
				p.lossTable(names)),
			app.If(dataBG != "" && view.Shows("data"),
				&LayeredFigure{ID: "data", Layers: dataLayers, Caption: msgs.T(i18n.DataFig), Src: dataBG, Alt: msgs.T(i18n.DataAlt),
					Editable: !locked, Hint: msgs.T(i18n.DataEditHint),
					Width: plots.Pixels(plots.DataWidth), Height: plots.Pixels(plots.DataHeight)}),
			app.If(view.Shows("math"), &MathPanel{Lang: p.lang, Opts: names, Colors: colors}),
			app.If(view.Shows("sweep"), p.sweepPanel(names, colors, locked)),
		),
		app.Section().Class("side").Body(
			app.If(!view.Embed, p.lessonPanel(sc, links)),
			app.If(!view.Embed, transport),
			app.If(p.updateReady, &UpdateBanner{Lang: p.lang}),
			&NoticeList{Lang: p.lang, Messages: p.noticeMessages(msgs)},
			app.If(view.Shows("readout"), &Readout{Lang: p.lang, Opts: names, Colors: colors}),
			app.If(view.Shows("scene"),
				&SceneControls{Lang: p.lang, Scene: sc, Domain: surf.Domain, Starts: surf.Starts, Axes: surf.Axes, Locked: locked,
					NoMinimum: surf.Custom != nil && !surf.Custom.MinimumFound, FormulaError: p.formulaError(msgs)}),
			app.If(view.Shows("optimizers"), &OptimizerPicker{Lang: p.lang, Selected: names, Locked: locked,
				Mistakes: sc.Lesson == scene.MistakesLesson}),
			app.Div().Class("panels").Body(panels...),
			app.If(view.Shows("share") && !view.Embed, &Share{Lang: p.lang, Page: p.pageURL(""),
				Query: p.sess.Query(), Scene: p.sess.FullQuery(), HasData: dataBG != ""}),
		),
		app.If(!view.Embed, app.Footer().Class("version").Body(
			app.If(p.version != "", app.Span().Text(msgs.T(i18n.VersionLabel, p.version)+" · ")),
			app.A().Href("/web/third-party-notices.txt").Text(msgs.T(i18n.Notices)),
		)),
		p.benchResult(),
	)
}

// glyphLegend says what the vectors and glyphs on the surface mean:
// those the page can show, the minibatch's on a minibatch scene.
func (p *Playground) glyphLegend(msgs i18n.Catalog, minibatch bool) app.UI {
	keys := []i18n.Key{i18n.GradLegend, i18n.StepLegend, i18n.MomentumLegend, i18n.ScaleLegend}
	if minibatch {
		keys = append(keys, i18n.BatchLegend)
	}
	keys = append(keys, i18n.TermLegend)
	items := make([]app.UI, len(keys))
	for i, k := range keys {
		items[i] = app.Li().Text(msgs.T(k))
	}
	return app.Ul().ID("legend-glyphs").Class("glyphs hint").Body(items...)
}

// pageURL is the page's address with query q.
func (p *Playground) pageURL(q string) string {
	u := p.base
	u.RawQuery = q
	return strings.TrimSuffix(u.String(), "?")
}

// benchResult shows the benchmark's figures once they are in.
func (p *Playground) benchResult() app.UI {
	if p.bench == nil || p.bench.result == "" {
		return nil
	}
	return app.Pre().ID("bench-result").Text(p.bench.result)
}

// viewsClass is the class of the views: with the data figure, the data
// and the surface side by side on a wide screen, the model and its loss
// surface at a glance.
func viewsClass(sideBySide bool) string {
	if sideBySide {
		return "views with-data"
	}
	return "views"
}

// cssColor is run i's colour as CSS.
func cssColor(i int) string {
	c := plots.RunColor(i)
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
}

// noticeMessages words the page's notices in the catalog's language.
func (p *Playground) noticeMessages(msgs i18n.Catalog) []string {
	out := make([]string, len(p.notices))
	for i, n := range p.notices {
		out[i] = n.message(msgs)
	}
	return out
}
