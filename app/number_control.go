package app

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/optimizers"
)

// NumberControl is a labelled number: a range input on the value's scale
// (when Slider is set) and a number input showing the exact value, which
// can be typed. Changes go to the Playground as numberChange actions; it
// clamps them and says so.
type NumberControl struct {
	app.Compo

	ID       string
	Label    string
	Value    float64
	Min, Max float64
	Scale    optimizers.Scale
	Integer  bool
	Slider   bool
	Target   int    // a run index, targetScene or targetStart
	Key      string // what the value is, for the target
	Exact    string // accessible name of the number input beside a slider
	Disabled bool
	// Mark, when set, is a value marked under the slider with a label.
	Mark *SliderMark
}

// SliderMark is a value marked on a slider, such as a critical learning
// rate.
type SliderMark struct {
	Value float64
	Label string
}

// Render draws the control.
func (n *NumberControl) Render() app.UI {
	step := "any"
	if n.Integer {
		step = "1"
	}
	number := app.Input().Type("number").Class("number").
		Min(n.Min).Max(n.Max).Attr("step", step).
		Value(formatNumber(n.Value)).Disabled(n.Disabled).
		OnChange(n.onNumber)
	row := app.Div().Class("row")
	if n.Slider {
		var slider app.UI = app.Input().Type("range").ID(n.ID).Min(0).Max(100).Step(100.0/sliderSteps).
			Value(sliderValue(toSlider(n.Value, n.Min, n.Max, n.Scale))).Disabled(n.Disabled).
			Aria("valuetext", formatNumber(n.Value)).
			OnInput(n.onSlider)
		if m := n.Mark; m != nil && m.Value >= n.Min && m.Value <= n.Max {
			// The thumb's centre runs from half a thumb in from each end.
			at := float64(toSlider(m.Value, n.Min, n.Max, n.Scale)) / sliderSteps
			slider = app.Div().Class("marked").Body(
				slider,
				app.Span().ID(n.ID+"-mark").Class("slider-mark").
					Style("left", fmt.Sprintf("calc(0.5rem + (100%% - 1rem) * %.4f)", at)).
					Aria("hidden", "true").Text(m.Label),
			)
		}
		row = row.Body(slider, number.ID(n.ID+"-exact").Aria("label", n.Exact))
	} else {
		row = row.Body(number.ID(n.ID))
	}
	return app.Div().Class("control").Body(
		app.Label().For(n.ID).Text(n.Label),
		row,
	)
}

// sliderValue writes a slider position as the range input's value, which
// runs from 0 to 100 in steps of 0.1: go-app sets attributes in no fixed
// order, and a value set before a larger max would be clamped to the
// default max of 100.
func sliderValue(pos int) string { return strconv.FormatFloat(float64(pos)/10, 'f', 1, 64) }

func (n *NumberControl) onSlider(ctx app.Context, e app.Event) {
	v, err := strconv.ParseFloat(ctx.JSSrc().Get("value").String(), 64)
	if err != nil {
		return
	}
	v = fromSlider(int(math.Round(v*10)), n.Min, n.Max, n.Scale)
	if n.Integer {
		v = math.Round(v)
	}
	n.send(ctx, v)
}

func (n *NumberControl) onNumber(ctx app.Context, e app.Event) {
	raw := strings.TrimSpace(ctx.JSSrc().Get("value").String())
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		// The browser reports "" for text that is not a number: show the
		// value in use again.
		ctx.JSSrc().Set("value", formatNumber(n.Value))
		return
	}
	n.send(ctx, v)
}

func (n *NumberControl) send(ctx app.Context, v float64) {
	ctx.NewActionWithValue(actionNumber, numberChange{Target: n.Target, Key: n.Key, Value: v})
}
