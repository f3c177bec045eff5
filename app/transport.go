package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/app/session"
	"github.com/optimplay/optimplay/optimizers"
)

// Transport plays, pauses, steps and resets the animation, moves through
// its history on a timeline, and sets its speed. The step counter and the
// timeline's position are painted every frame. A compact transport (in
// an embed) has no speed slider or key hint.
type Transport struct {
	app.Compo

	Lang    i18n.Lang
	Playing bool
	Speed   float64
	End     int // the last step there is
	Compact bool
}

// Render draws the controls.
func (t *Transport) Render() app.UI {
	msgs := i18n.For(t.Lang)
	play := msgs.T(i18n.Play)
	if t.Playing {
		play = msgs.T(i18n.Pause)
	}
	return app.Section().Class("transport").Aria("label", msgs.T(i18n.Transport)).Body(
		app.Div().Class("buttons").Body(
			app.Button().ID("play").Type("button").Aria("pressed", t.Playing).Text(play).
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionPlay) }),
			app.Button().ID("step").Type("button").Text(msgs.T(i18n.StepOnce)).
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionStep) }),
			app.Button().ID("reset").Type("button").Text(msgs.T(i18n.Reset)).
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionReset) }),
			app.Output().ID("step-counter").Class("counter"),
		),
		app.Input().Type("range").ID("timeline").Class("timeline").Min(0).Max(t.End).Step(1).
			Aria("label", msgs.T(i18n.TimelineLabel)).OnInput(t.onTimeline),
		app.If(!t.Compact,
			&NumberControl{ID: "speed", Label: msgs.T(i18n.SpeedLabel), Value: t.Speed, Min: session.MinSpeed,
				Max: session.MaxSpeed, Scale: optimizers.Log, Slider: true, Target: targetScene, Key: "speed",
				Exact: msgs.T(i18n.NumberInputLabel, msgs.T(i18n.SpeedLabel))},
			app.P().Class("hint").Text(msgs.T(i18n.KeysHint)),
		),
	)
}

// onTimeline shows the step the timeline was moved to.
func (t *Transport) onTimeline(ctx app.Context, e app.Event) {
	if k, err := strconv.Atoi(ctx.JSSrc().Get("value").String()); err == nil {
		ctx.NewActionWithValue(actionSeek, k)
	}
}
