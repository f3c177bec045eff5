package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/app/plots"
	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// SchedControls holds a run's learning-rate schedule: a choice of
// schedule, its parameters, and a small plot of lr_t on which the painter
// marks the update shown.
type SchedControls struct {
	app.Compo

	Lang   i18n.Lang
	Run    int
	Sched  scene.Sched
	LR     float64 // the base learning rate, lrmin's upper bound
	Steps  int     // the scene's steps
	Plot   string  // the schedule figure's image source; "" for a constant rate
	Locked bool
}

// schedChange is a schedule chosen in a SchedControls.
type schedChange struct {
	Run  int
	Name string
}

// Render draws the controls.
func (s *SchedControls) Render() app.UI {
	msgs := i18n.For(s.Lang)
	id := fmt.Sprintf("run%d-sched", s.Run)
	current := s.Sched.Name
	if s.Sched.Constant() {
		current = "const"
	}
	options := make([]app.UI, len(scene.SchedNames))
	for i, name := range scene.SchedNames {
		options[i] = app.Option().Value(name).Selected(name == current).Text(msgs.T(i18n.SchedName(name)))
	}
	body := []app.UI{
		app.Div().Class("control").Body(
			app.Label().For(id).Text(msgs.T(i18n.SchedLabel)),
			app.Select().ID(id).Disabled(s.Locked).Body(options...).OnChange(s.onSched),
		),
	}
	for _, key := range scene.SchedKeysOf(s.Sched.Name) {
		body = append(body, s.param(msgs, key))
	}
	if s.Plot != "" {
		body = append(body, app.Figure().ID(fmt.Sprintf("run%d-lrplot", s.Run)).Class("lr-plot").Body(
			app.Div().Class("layers").Body(
				app.Img().Class("background").Src(s.Plot).Alt(msgs.T(i18n.SchedAlt)).
					Width(plots.Pixels(plots.LRWidth)).Height(plots.Pixels(plots.LRHeight)),
				app.Div().Class("lr-mark").ID(fmt.Sprintf("run%d-lrmark", s.Run)).Aria("hidden", "true"),
			),
			app.FigCaption().Body(
				app.Text(msgs.T(i18n.SchedFig)+" "),
				app.Output().ID(fmt.Sprintf("run%d-lrnow", s.Run)),
			),
		))
	}
	return app.Div().Class("sched").Body(body...)
}

// param is the control of schedule parameter key, its slider over the
// values that make sense for a run of Steps steps (typed values may go
// further, within scene.SchedKeys).
func (s *SchedControls) param(msgs i18n.Catalog, key string) app.UI {
	k, _ := scene.LookupSchedKey(key)
	lo, hi, scale := k.Min, k.Max, optimizers.Linear
	steps := float64(max(s.Steps, 2))
	switch key {
	case "gamma":
		lo, hi, scale = 0.5, 0.999, optimizers.LogOneMinus
	case "every":
		hi = steps
	case "tmax":
		hi = 2 * steps
	case "warmup":
		hi = steps - 1
	case "lrmin":
		hi = s.LR
	}
	label := msgs.T(i18n.SchedParamName(key))
	return &NumberControl{ID: fmt.Sprintf("run%d-%s", s.Run, key), Label: label, Value: s.Sched.Get(key),
		Min: lo, Max: max(hi, lo), Scale: scale, Integer: k.Integer, Slider: true, Target: s.Run, Key: key,
		Exact: msgs.T(i18n.NumberInputLabel, label), Disabled: s.Locked}
}

func (s *SchedControls) onSched(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actionSched, schedChange{Run: s.Run, Name: ctx.JSSrc().Get("value").String()})
}
