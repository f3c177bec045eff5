package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
)

// MathPanel shows, for each racing optimizer in its colour, its update
// rule typeset as MathML and the same rule with the numbers of the update
// that led to the shown step, per coordinate. The painter fills it
// (eqTitleID, eqBodyID). It is a native disclosure: the user can fold it
// away, and a folded panel is not painted.
type MathPanel struct {
	app.Compo

	Lang   i18n.Lang
	Opts   []string
	Colors []string
}

// eqTitleID is the id of run i's heading output, eqBodyID of its MathML.
func eqTitleID(i int) string { return "eq-" + strconv.Itoa(i) + "-title" }
func eqBodyID(i int) string  { return "eq-" + strconv.Itoa(i) }

// Render draws the panel.
func (m *MathPanel) Render() app.UI {
	msgs := i18n.For(m.Lang)
	runs := make([]app.UI, len(m.Opts))
	for i, opt := range m.Opts {
		runs[i] = app.Section().Class("eq-run").Style("--run-color", m.Colors[i]).Body(
			app.H3().Body(
				app.Span().Class("swatch").Aria("hidden", "true"),
				app.Text(msgs.T(i18n.OptimizerName(opt))+" "),
				app.Output().ID(eqTitleID(i)).Class("eq-title"),
			),
			app.Div().ID(eqBodyID(i)).Class("eq-body"),
		)
	}
	return app.Details().ID("math-panel").Class("math-panel").Open(true).
		On("toggle", func(ctx app.Context, e app.Event) { ctx.NewAction(actionMathToggled) }).Body(
		app.Summary().Text(msgs.T(i18n.MathLabel)),
		app.P().Class("hint").Text(msgs.T(i18n.MathHint)),
		app.Div().ID("equations").Body(runs...),
	)
}
