package app

import (
	"slices"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
	"github.com/optimplay/optimplay/optimizers"
	"github.com/optimplay/optimplay/optimizers/scene"
)

// OptimizerPicker chooses the optimizers that race, in the order they were
// picked; in the lesson on mistakes, the wrong rules too.
type OptimizerPicker struct {
	app.Compo

	Lang     i18n.Lang
	Selected []string
	Locked   bool
	Mistakes bool // offer optimizers.Mistakes()
}

// Render draws a checkbox per optimizer.
func (p *OptimizerPicker) Render() app.UI {
	msgs := i18n.For(p.Lang)
	body := []app.UI{
		app.Legend().Text(msgs.T(i18n.OptimizerList)),
		app.P().Class("hint").Text(msgs.T(i18n.OptimizerHint)),
		app.Div().Class("picks").Body(p.boxes(msgs, optimizers.Specs())...),
	}
	if p.Mistakes {
		body = append(body,
			app.P().Class("hint mistakes").Body(app.Strong().Text(msgs.T(i18n.MistakesLabel)), app.Text(" "+msgs.T(i18n.MistakesHint))),
			app.Div().Class("picks wrong").Body(p.boxes(msgs, optimizers.Mistakes())...),
		)
	}
	return app.FieldSet().Class("optimizer-picker").Body(body...)
}

// boxes are the checkboxes of specs.
func (p *OptimizerPicker) boxes(msgs i18n.Catalog, specs []optimizers.Spec) []app.UI {
	boxes := make([]app.UI, len(specs))
	full := len(p.Selected) >= scene.MaxRuns
	for i, spec := range specs {
		on := slices.Contains(p.Selected, spec.Name)
		id := "pick-" + spec.Name
		boxes[i] = app.Div().Class("pick").Body(
			app.Input().Type("checkbox").ID(id).Value(spec.Name).Checked(on).
				Disabled(p.Locked || (on && len(p.Selected) == 1) || (!on && full)).
				OnChange(p.onChange),
			app.Label().For(id).Title(msgs.T(i18n.OptimizerAbout(spec.Name))).Text(msgs.T(i18n.OptimizerName(spec.Name))),
		)
	}
	return boxes
}

func (p *OptimizerPicker) onChange(ctx app.Context, e app.Event) {
	name := ctx.JSSrc().Get("value").String()
	sel := slices.Clone(p.Selected)
	if ctx.JSSrc().Get("checked").Bool() {
		if !slices.Contains(sel, name) {
			sel = append(sel, name)
		}
	} else {
		sel = slices.DeleteFunc(sel, func(s string) bool { return s == name })
	}
	ctx.NewActionWithValue(actionOptimizers, sel)
}
