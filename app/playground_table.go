package app

import (
	"math"
	"slices"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// lossTable is the loss figure's table as the session stands: each run's
// loss at lossTableRows evenly spaced steps and at the step shown, filled
// only while it is open.
func (p *Playground) lossTable(names []string) app.UI {
	t := &LossTable{Lang: p.lang, Open: p.lossTableOpen, Opts: names, Shown: p.sess.Shown()}
	if !t.Open {
		return t
	}
	end := p.sess.End()
	for i := range lossTableRows {
		t.Steps = append(t.Steps, int(math.Round(float64(i*end)/(lossTableRows-1))))
	}
	t.Steps = append(t.Steps, t.Shown)
	slices.Sort(t.Steps)
	t.Steps = slices.Compact(t.Steps)
	runs := p.sess.Trajectories()
	for _, k := range t.Steps {
		row := make([]float64, len(runs))
		for i, r := range runs {
			row[i] = math.NaN()
			if k < len(r.Loss) {
				row[i] = r.Loss[k]
			}
		}
		t.Losses = append(t.Losses, row)
	}
	return t
}

// onLossTable opens or folds the loss table.
func (p *Playground) onLossTable(ctx app.Context, a app.Action) {
	p.lossTableOpen, _ = a.Value.(bool)
}
