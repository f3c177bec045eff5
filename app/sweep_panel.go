package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/app/plots"
	"github.com/optimplay/optimplay/app/session"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// SweepPanel is the learning-rate sweep: each optimizer run over a grid
// of learning rates, its final loss plotted against them. It is a native
// disclosure, folded at first: the sweep is computed while it is open
// (the Playground drives it, in chunks, and fills its progress bar), and
// again when the scene changes. A click on the figure, or an optimizer's
// Use button, sets a learning rate.
type SweepPanel struct {
	app.Compo

	Lang   i18n.Lang
	Open   bool
	Range  session.SweepRange
	Opts   []string
	Colors []string
	// Result is the finished sweep of the scene; Done is false while it
	// is computed.
	Result session.SweepResult
	Done   bool
	Locked bool
}

// Render draws the panel.
func (s *SweepPanel) Render() app.UI {
	msgs := i18n.For(s.Lang)
	rangeKeys := []struct {
		key     string
		label   i18n.Key
		v       float64
		integer bool
		lo, hi  float64
	}{
		{"lo", i18n.SweepFrom, s.Range.Lo, false, scene.MinSweepLR, scene.MaxSweepLR},
		{"hi", i18n.SweepTo, s.Range.Hi, false, scene.MinSweepLR, scene.MaxSweepLR},
		{"n", i18n.SweepCount, float64(s.Range.N), true, 2, scene.MaxSweepCount},
	}
	controls := make([]app.UI, len(rangeKeys))
	for i, k := range rangeKeys {
		controls[i] = &NumberControl{ID: "sweep-" + k.key, Label: msgs.T(k.label), Value: k.v, Min: k.lo, Max: k.hi,
			Integer: k.integer, Target: targetSweep, Key: k.key}
	}
	body := []app.UI{
		app.Summary().Text(msgs.T(i18n.SweepLabel)),
		app.P().Class("hint").Text(msgs.T(i18n.SweepHint)),
		app.Div().Class("row").Body(controls...),
		app.Progress().ID("sweep-progress").Aria("label", msgs.T(i18n.SweepProgress)).Max(1).Value(boolValue(s.Done)),
	}
	if s.Done && s.Open {
		body = append(body, s.figure(msgs), s.summary(msgs))
	}
	return app.Details().ID("sweep-panel").Class("sweep").Open(s.Open).
		On("toggle", s.onToggle).Body(body...)
}

func boolValue(b bool) int {
	if b {
		return 1
	}
	return 0
}

// figure is the sweep's plot: its background, the current learning rates
// above it, clickable unless the page is locked.
func (s *SweepPanel) figure(msgs i18n.Catalog) app.UI {
	stack := app.Div().Class("layers").Body(
		app.Img().Class("background").Src(s.Result.Src).Alt(msgs.T(i18n.SweepAlt)).
			Width(plots.Pixels(plots.SweepWidth)).Height(plots.Pixels(plots.SweepHeight)),
		app.Div().Class("overlay").ID("sweep-curves").Aria("hidden", "true").Body(app.Raw(string(s.Result.Curves))),
		app.Div().Class("overlay").ID("sweep-current").Aria("hidden", "true").Body(app.Raw(string(s.Result.Current))),
	)
	if !s.Locked {
		stack = stack.Class("clickable").OnClick(s.onClick)
	}
	return app.Figure().ID("sweep-figure").Class("figure").Body(stack,
		app.FigCaption().Body(append([]app.UI{app.Text(msgs.T(i18n.SweepFig) + " ")}, figureButtons(msgs, "sweep")...)...))
}

// summary lists, per optimizer, its best learning rate and its divergence
// edge, with a button giving it the best one.
func (s *SweepPanel) summary(msgs i18n.Catalog) app.UI {
	items := make([]app.UI, 0, len(s.Result.Runs))
	for i, r := range s.Result.Runs {
		if i >= len(s.Opts) {
			break
		}
		name := msgs.T(i18n.OptimizerName(s.Opts[i]))
		best := r.Best()
		text := msgs.T(i18n.SweepNoBest, name)
		if best >= 0 {
			text = msgs.T(i18n.SweepBest, name, formatNumber(r.LR[best]), formatNumber(r.FinalLoss[best]))
		}
		if edge, ok := r.Edge(); ok {
			text += msgs.T(i18n.SweepEdge, formatNumber(edge))
		} else {
			text += msgs.T(i18n.SweepNoEdge)
		}
		parts := []app.UI{app.Span().Class("swatch").Aria("hidden", "true"), app.Text(text + " ")}
		if best >= 0 && !s.Locked {
			run, lr := i, r.LR[best]
			parts = append(parts, app.Button().Class("use").Aria("label", msgs.T(i18n.SweepUseLabel, name, formatNumber(lr))).
				Text(msgs.T(i18n.SweepUse)).OnClick(func(ctx app.Context, e app.Event) {
				ctx.NewActionWithValue(actionNumber, numberChange{Target: run, Key: "lr", Value: lr})
			}))
		}
		items = append(items, app.Li().ID("sweep-run"+strconv.Itoa(i)).Style("--run-color", s.Colors[i]).Body(parts...))
	}
	return app.Ul().ID("sweep-summary").Body(items...)
}

// OnMount takes the finished sweep from the Playground, which sends it
// here so that the panel alone renders it.
func (s *SweepPanel) OnMount(ctx app.Context) {
	ctx.Handle(actionSweepShown, s.onShown)
}

// onShown shows a finished sweep, with its time on the panel (data-ms).
func (s *SweepPanel) onShown(ctx app.Context, a app.Action) {
	shown, ok := a.Value.(sweepShown)
	if !ok {
		return
	}
	s.Result, s.Done = shown.Result, true
	ctx.Defer(func(app.Context) {
		if panel := app.Window().GetElementByID("sweep-panel"); panel.Truthy() {
			panel.Call("setAttribute", "data-ms", strconv.FormatFloat(shown.MS, 'f', 1, 64))
		}
	})
}

func (s *SweepPanel) onToggle(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actionSweepToggled, ctx.JSSrc().Get("open").Bool())
}

// onClick reports where the figure was clicked, as fractions of its size.
func (s *SweepPanel) onClick(ctx app.Context, e app.Event) {
	if at, ok := clickFraction(ctx, e); ok {
		ctx.NewActionWithValue(actionSweepPick, at)
	}
}
