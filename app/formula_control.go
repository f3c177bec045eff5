package app

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
)

// formulaChange is a formula typed into the FormulaControl, with the
// plotted ranges of x and y as typed ("lo, hi"): the core reads them as it
// reads a link's f, xr and yr, with the same messages.
type formulaChange struct {
	F, XR, YR string
}

// FormulaControl types the formula of a custom surface, f(x, y), and the
// ranges of x and y it is plotted over. It is a native form: Enter or the
// button applies it; a formula the core refuses is reported under the
// field (Error, with its column), and the scene stays as it was.
type FormulaControl struct {
	app.Compo

	Lang   i18n.Lang
	F      string
	XR, YR [2]float64
	Error  string // why the last formula typed was refused; "" when it was not
	Locked bool
}

// Render draws the form.
func (f *FormulaControl) Render() app.UI {
	msgs := i18n.For(f.Lang)
	rng := func(id string, label i18n.Key, r [2]float64) app.UI {
		return app.Div().Class("control range").Body(
			app.Label().For(id).Text(msgs.T(label)),
			app.Input().Type("text").ID(id).Class("number").Attr("inputmode", "decimal").Disabled(f.Locked).
				Value(formatNumber(r[0])+", "+formatNumber(r[1])),
		)
	}
	field := app.Input().Type("text").ID("formula").Class("formula").Disabled(f.Locked).Value(f.F).
		Attr("spellcheck", "false").Attr("autocapitalize", "off").Attr("autocomplete", "off").
		Aria("describedby", "formula-hint formula-error")
	if f.Error != "" {
		field = field.Aria("invalid", "true")
	}
	return app.Form().ID("formula-form").Class("formula-control").OnSubmit(f.onSubmit).Body(
		app.Label().For("formula").Text(msgs.T(i18n.FormulaLabel)),
		field,
		app.P().ID("formula-hint").Class("hint").Text(msgs.T(i18n.FormulaHint)),
		app.Div().Class("row").Body(
			rng("formula-xr", i18n.FormulaXRange, f.XR),
			rng("formula-yr", i18n.FormulaYRange, f.YR),
			app.Button().Type("submit").ID("formula-apply").Disabled(f.Locked).Text(msgs.T(i18n.FormulaApply)),
		),
		app.P().ID("formula-error").Class("formula-error").Aria("live", "assertive").Text(f.Error),
	)
}

// onSubmit sends the formula and the ranges as typed.
func (f *FormulaControl) onSubmit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	value := func(id string) string { return app.Window().GetElementByID(id).Get("value").String() }
	ctx.NewActionWithValue(actionFormula, formulaChange{F: value("formula"), XR: value("formula-xr"), YR: value("formula-yr")})
}
