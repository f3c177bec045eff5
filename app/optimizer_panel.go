package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/optimizers"
)

// OptimizerPanel holds the hyperparameters of one racing optimizer: those
// of Keys (which apply to it), each on its own scale; disabled when the
// page is locked.
type OptimizerPanel struct {
	app.Compo

	Lang   i18n.Lang
	Run    int
	Opt    string
	Color  string // CSS colour of the run
	Hyper  optimizers.Hyper
	Keys   []string
	Locked bool
}

// Render draws the panel.
func (p *OptimizerPanel) Render() app.UI {
	msgs := i18n.For(p.Lang)
	name := msgs.T(i18n.OptimizerName(p.Opt))
	controls := make([]app.UI, 0, len(p.Keys))
	for _, key := range p.Keys {
		param, _ := optimizers.LookupParam(key)
		id := fmt.Sprintf("run%d-%s", p.Run, key)
		label := msgs.T(i18n.ParamName(key))
		if param.Scale == optimizers.Flag {
			controls = append(controls, &FlagControl{ID: id, Label: label, On: p.Hyper[key] == 1, Target: p.Run, Key: key,
				Disabled: p.Locked})
			continue
		}
		controls = append(controls, &NumberControl{
			ID: id, Label: label, Value: p.Hyper[key], Min: param.Min, Max: param.Max,
			Scale: param.Scale, Slider: true, Target: p.Run, Key: key,
			Exact: msgs.T(i18n.NumberInputLabel, label), Disabled: p.Locked,
		})
	}
	return app.FieldSet().Class("optimizer-panel").Style("--run-color", p.Color).Body(
		app.Legend().Body(
			app.Span().Class("swatch").Aria("hidden", "true"),
			app.Text(msgs.T(i18n.ParamsOf, name)),
		),
		app.P().Class("about").Text(msgs.T(i18n.OptimizerAbout(p.Opt))),
		app.Div().Class("controls").Body(controls...),
	)
}
