package app

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// FlagControl is a labelled checkbox for a 0/1 hyperparameter.
type FlagControl struct {
	app.Compo

	ID       string
	Label    string
	On       bool
	Target   int
	Key      string
	Disabled bool
}

// Render draws the control.
func (f *FlagControl) Render() app.UI {
	return app.Div().Class("control", "flag").Body(
		app.Input().Type("checkbox").ID(f.ID).Checked(f.On).Disabled(f.Disabled).OnChange(f.onChange),
		app.Label().For(f.ID).Text(f.Label),
	)
}

func (f *FlagControl) onChange(ctx app.Context, e app.Event) {
	v := 0.0
	if ctx.JSSrc().Get("checked").Bool() {
		v = 1
	}
	ctx.NewActionWithValue(actionNumber, numberChange{Target: f.Target, Key: f.Key, Value: v})
}
