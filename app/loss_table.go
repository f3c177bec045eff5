package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/optimplay/optimplay/app/i18n"
)

// lossTableRows is the number of evenly spaced steps the loss table lists,
// besides the step shown.
const lossTableRows = 11

// LossTable is the loss figure's text alternative: each run's loss at
// evenly spaced steps and at the step shown, behind a native disclosure
// that the Playground fills only while it is open.
type LossTable struct {
	app.Compo

	Lang   i18n.Lang
	Open   bool
	Opts   []string
	Steps  []int       // the rows' steps
	Shown  int         // the step shown, one of Steps
	Losses [][]float64 // per row, per run; NaN past a run's last step
}

// Render draws the table.
func (l *LossTable) Render() app.UI {
	msgs := i18n.For(l.Lang)
	body := []app.UI{app.Summary().Text(msgs.T(i18n.LossTableLabel))}
	if l.Open {
		head := []app.UI{app.Th().Scope("col").Text(msgs.T(i18n.ReadoutStep))}
		for _, opt := range l.Opts {
			head = append(head, app.Th().Scope("col").Text(msgs.T(i18n.OptimizerName(opt))))
		}
		rows := make([]app.UI, len(l.Steps))
		for i, k := range l.Steps {
			cells := []app.UI{app.Th().Scope("row").Text(strconv.Itoa(k))}
			for _, f := range l.Losses[i] {
				text := "—" // the run stopped before
				if f == f {
					text = formatNumber(f)
				}
				cells = append(cells, app.Td().Text(text))
			}
			row := app.Tr().Body(cells...)
			if k == l.Shown {
				row = row.Class("shown").Aria("current", "step")
			}
			rows[i] = row
		}
		body = append(body, app.Table().Class("loss-table").Body(
			app.THead().Body(app.Tr().Body(head...)),
			app.TBody().Body(rows...),
		))
	}
	return app.Details().ID("loss-table").Class("loss-table-panel").Open(l.Open).On("toggle", l.onToggle).Body(body...)
}

func (l *LossTable) onToggle(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actionLossTable, ctx.JSSrc().Get("open").Bool())
}
