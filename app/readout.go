package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
)

// Readout is a table of each run's values at the shown step. The cells
// are outputs that the painter fills every frame (ids from readoutID).
type Readout struct {
	app.Compo

	Lang   i18n.Lang
	Opts   []string
	Colors []string
}

// readoutFields are the painted columns, in order.
var readoutFields = []string{"step", "loss", "grad", "point", "status"}

// readoutID is the id of run i's output for field.
func readoutID(i int, field string) string { return "ro-" + strconv.Itoa(i) + "-" + field }

// Render draws the table.
func (r *Readout) Render() app.UI {
	msgs := i18n.For(r.Lang)
	rows := make([]app.UI, len(r.Opts))
	for i, opt := range r.Opts {
		cells := []app.UI{app.Th().Scope("row").Style("--run-color", r.Colors[i]).Body(
			app.Span().Class("swatch").Aria("hidden", "true"),
			app.Text(msgs.T(i18n.OptimizerName(opt))),
		)}
		for _, f := range readoutFields {
			cells = append(cells, app.Td().Body(app.Output().ID(readoutID(i, f))))
		}
		rows[i] = app.Tr().Body(cells...)
	}
	return app.Table().Class("readout").Body(
		app.Caption().Text(msgs.T(i18n.ReadoutLabel)),
		app.THead().Body(app.Tr().Body(
			app.Th().Scope("col").Text(msgs.T(i18n.ReadoutOpt)),
			app.Th().Scope("col").Text(msgs.T(i18n.ReadoutStep)),
			app.Th().Scope("col").Text(msgs.T(i18n.ReadoutLoss)),
			app.Th().Scope("col").Text(msgs.T(i18n.ReadoutGradNorm)),
			app.Th().Scope("col").Text(msgs.T(i18n.ReadoutPoint)),
			app.Th().Scope("col").Text(msgs.T(i18n.ReadoutStatus)),
		)),
		app.TBody().Body(rows...),
	)
}
